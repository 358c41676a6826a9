// SPDX-License-Identifier: Apache-2.0
/// @file
/// The in-memory store (theracore/storage/memory.hpp).

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <theracore/storage/backend.hpp>
#include <theracore/storage/memory.hpp>

THERACORE_NAMESPACE_BEGIN
namespace storage {
namespace {

/// A backend that keeps everything in memory. Thread-safe (see `store.hpp`).
class memory_backend final : public store_backend {
  public:
    memory_backend() : store_backend("memory") {}

  protected:
    struct state final : transaction_state {
        /// The transaction's changes: a record, or nothing for an erased one.
        std::map<record_key, std::optional<stored_record>> writes;
        /// For each key written: the committed revision when first touched (0: absent).
        std::map<record_key, std::int64_t> read_revision;
        std::vector<journal_entry> journal;
    };

    std::unique_ptr<transaction_state> do_begin(access_mode) override {
        return std::make_unique<state>();
    }

    void do_commit(transaction_state& tx) override {
        auto& s = static_cast<state&>(tx);
        std::lock_guard<std::mutex> lock(mutex_);
        for (const auto& [key, revision] : s.read_revision) {
            if (committed_revision(key) != revision) {
                throw conflict(detail::describe_key(key.kind, key.id) +
                               " was changed by another transaction; reload and retry");
            }
        }
        for (auto& [key, record] : s.writes) {
            if (record) {
                records_[key] = std::move(*record);
            } else {
                records_.erase(key);
            }
        }
        for (auto& e : s.journal) {
            journal_.push_back(std::move(e));
        }
    }

    void do_rollback(transaction_state&) noexcept override {}

    std::optional<stored_record> do_load(transaction_state& tx, const record_key& key) override {
        auto& s = static_cast<state&>(tx);
        const auto w = s.writes.find(key);
        if (w != s.writes.end()) {
            return w->second;
        }
        std::lock_guard<std::mutex> lock(mutex_);
        const auto it = records_.find(key);
        if (it == records_.end()) {
            return std::nullopt;
        }
        return it->second;
    }

    bool do_insert(transaction_state& tx, const stored_record& record) override {
        auto& s = static_cast<state&>(tx);
        const auto current = do_load(tx, record.key());
        if (current) {
            return false;
        }
        touch(s, record.key(), current);
        s.writes[record.key()] = record;
        return true;
    }

    bool do_replace(transaction_state& tx, const stored_record& record,
                    std::int64_t expected_revision, bool replace_index) override {
        auto& s = static_cast<state&>(tx);
        const auto current = do_load(tx, record.key());
        if (!current || current->meta.revision != expected_revision) {
            return false;
        }
        touch(s, record.key(), current);
        stored_record next = record;
        if (!replace_index) {
            next.index = current->index;
        }
        s.writes[record.key()] = std::move(next);
        return true;
    }

    bool do_erase(transaction_state& tx, const record_key& key,
                  std::int64_t expected_revision) override {
        auto& s = static_cast<state&>(tx);
        const auto current = do_load(tx, key);
        if (!current || current->meta.revision != expected_revision) {
            return false;
        }
        touch(s, key, current);
        s.writes[key] = std::nullopt;
        return true;
    }

    std::vector<stored_record> do_query(transaction_state& tx, const record_query& q) override {
        auto& s = static_cast<state&>(tx);
        std::vector<stored_record> rows;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            for (auto it = records_.lower_bound(record_key{q.kind, {}});
                 it != records_.end() && it->first.kind == q.kind; ++it) {
                if (s.writes.count(it->first) == 0 && detail::matches(it->second, q)) {
                    rows.push_back(it->second);
                }
            }
        }
        for (const auto& [key, record] : s.writes) {
            if (record && detail::matches(*record, q)) {
                rows.push_back(*record);
            }
        }
        detail::order_and_page(rows, q);
        return rows;
    }

    std::int64_t do_append_journal(transaction_state& tx, const journal_entry& entry) override {
        auto& s = static_cast<state&>(tx);
        journal_entry e = entry;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            e.sequence = next_sequence_++;  // gaps after a rollback, as in SQL sequences
        }
        s.journal.push_back(e);
        return e.sequence;
    }

    std::vector<journal_entry> do_read_journal(transaction_state& tx,
                                               const journal_filter& f) override {
        auto& s = static_cast<state&>(tx);
        std::vector<journal_entry> rows;
        const auto keep = [&](const journal_entry& e) {
            return e.sequence > f.after_sequence && (!f.category || e.category == *f.category) &&
                   (!f.kind || e.kind == *f.kind) && (!f.record_id || e.record_id == *f.record_id);
        };
        {
            std::lock_guard<std::mutex> lock(mutex_);
            std::copy_if(journal_.begin(), journal_.end(), std::back_inserter(rows), keep);
        }
        std::copy_if(s.journal.begin(), s.journal.end(), std::back_inserter(rows), keep);
        std::sort(rows.begin(), rows.end(), [&](const journal_entry& a, const journal_entry& b) {
            return f.newest_first ? a.sequence > b.sequence : a.sequence < b.sequence;
        });
        if (f.limit != 0 && rows.size() > f.limit) {
            rows.resize(f.limit);
        }
        return rows;
    }

  private:
    /// The committed revision of `key`, 0 when absent. Call with `mutex_` held.
    std::int64_t committed_revision(const record_key& key) const {
        const auto it = records_.find(key);
        return it == records_.end() ? 0 : it->second.meta.revision;
    }

    /// Remembers, the first time the transaction writes `key`, the committed state its
    /// decision was based on (`observed` came from the committed records then): commit fails
    /// if that state has changed by then.
    static void touch(state& s, const record_key& key,
                      const std::optional<stored_record>& observed) {
        if (s.read_revision.count(key) == 0) {
            s.read_revision[key] = observed ? observed->meta.revision : 0;
        }
    }

    mutable std::mutex mutex_;
    std::map<record_key, stored_record> records_;
    std::vector<journal_entry> journal_;
    std::int64_t next_sequence_ = 1;
};

}  // namespace

std::unique_ptr<store> make_memory_store() {
    return std::make_unique<store>(std::make_unique<memory_backend>());
}

}  // namespace storage
THERACORE_NAMESPACE_END
