// SPDX-License-Identifier: Apache-2.0
// The backend interface (theracore/storage/backend.hpp) apart from the store API: an
// integrator's backend plugs into a `store`, and every call reaches it through the store's
// checks. The backend here keeps committed records in a map and counts the hooks called, so
// the tests can show what never reached it. (That the hooks cannot be called from outside the
// store is the compile-fail test backend_hook.)
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <theracore/storage/backend.hpp>
#include <theracore/storage/records.hpp>

#include "support/builders.hpp"

using namespace theracore;
using namespace theracore::storage;

namespace {

struct hook_counts {
    int begin = 0, commit = 0, rollback = 0, insert = 0, load = 0, journal = 0;
};

/// A single-writer map backend, as an integrator might write over another database.
class map_backend final : public store_backend {
  public:
    explicit map_backend(hook_counts& counts) : store_backend("map"), counts_(counts) {}

  protected:
    struct state final : transaction_state {
        std::map<record_key, stored_record> writes;
        std::vector<journal_entry> journal;
    };

    std::unique_ptr<transaction_state> do_begin(access_mode) override {
        ++counts_.begin;
        return std::make_unique<state>();
    }
    void do_commit(transaction_state& tx) override {
        ++counts_.commit;
        for (auto& [key, record] : static_cast<state&>(tx).writes) {
            records_[key] = record;
        }
    }
    void do_rollback(transaction_state&) noexcept override { ++counts_.rollback; }
    std::optional<stored_record> do_load(transaction_state& tx, const record_key& key) override {
        ++counts_.load;
        auto& s = static_cast<state&>(tx);
        if (auto it = s.writes.find(key); it != s.writes.end()) {
            return it->second;
        }
        if (auto it = records_.find(key); it != records_.end()) {
            return it->second;
        }
        return std::nullopt;
    }
    bool do_insert(transaction_state& tx, const stored_record& record) override {
        ++counts_.insert;
        if (do_load(tx, record.key())) {
            return false;
        }
        static_cast<state&>(tx).writes[record.key()] = record;
        return true;
    }
    bool do_replace(transaction_state& tx, const stored_record& record, std::int64_t expected,
                    bool) override {
        const auto current = do_load(tx, record.key());
        if (!current || current->meta.revision != expected) {
            return false;
        }
        static_cast<state&>(tx).writes[record.key()] = record;
        return true;
    }
    bool do_erase(transaction_state&, const record_key&, std::int64_t) override { return false; }
    std::vector<stored_record> do_query(transaction_state&, const record_query& q) override {
        std::vector<stored_record> out;
        for (const auto& [key, record] : records_) {
            if (key.kind == q.kind) {
                out.push_back(record);
            }
        }
        return out;
    }
    std::int64_t do_append_journal(transaction_state& tx, const journal_entry& entry) override {
        ++counts_.journal;
        auto& s = static_cast<state&>(tx);
        s.journal.push_back(entry);
        return static_cast<std::int64_t>(s.journal.size());
    }
    std::vector<journal_entry> do_read_journal(transaction_state& tx,
                                               const journal_filter&) override {
        return static_cast<state&>(tx).journal;
    }

  private:
    hook_counts& counts_;
    std::map<record_key, stored_record> records_;
};

class refuse_everything final : public access_policy {
  public:
    void check(const access_request&) override { throw access_denied("refused by the test"); }
};

const actor integrator{"k-ada"};

}  // namespace

TEST(StoreBackend, AnIntegratorsBackendStoresThroughTheStore) {
    hook_counts counts;
    store db(std::make_unique<map_backend>(counts));
    EXPECT_EQ(db.backend(), "map");
    db.transact(integrator, [](transaction& tx) { tx.insert(test::full_client()); });
    auto tx = db.begin(integrator, access_mode::read_only);
    const auto back = tx.get<client>(client_id("c-zoe"));
    EXPECT_EQ(back.value, test::full_client());
    EXPECT_EQ(back.revision(), 1);
    EXPECT_EQ(counts.commit, 1);
}

TEST(StoreBackend, AStoreNeedsABackend) {
    EXPECT_THROW(store(std::unique_ptr<store_backend>()), validation_error);
}

TEST(StoreBackend, AnInvalidRecordNeverReachesTheBackend) {
    hook_counts counts;
    store db(std::make_unique<map_backend>(counts));
    auto tx = db.begin(integrator);
    auto bad = test::full_client();
    bad.id = client_id("");
    EXPECT_THROW(tx.insert(bad), validation_error);
    EXPECT_EQ(counts.insert, 0);
    EXPECT_EQ(counts.load, 0);
}

TEST(StoreBackend, ARefusedOperationNeverReachesTheBackend) {
    hook_counts counts;
    store db(std::make_unique<map_backend>(counts));
    db.set_access_policy(std::make_shared<refuse_everything>());
    auto tx = db.begin(integrator);
    EXPECT_THROW(tx.insert(test::full_client()), access_denied);
    EXPECT_THROW((void)tx.find<client>(client_id("c-zoe")), access_denied);
    EXPECT_EQ(counts.insert, 0);
    EXPECT_EQ(counts.load, 0);
}

TEST(StoreBackend, ATransactionDroppedUncommittedIsRolledBackInTheBackend) {
    hook_counts counts;
    store db(std::make_unique<map_backend>(counts));
    {
        auto tx = db.begin(integrator);
        tx.insert(test::full_client());
        EXPECT_EQ(db.open_transactions(), 1U);
    }
    EXPECT_EQ(counts.rollback, 1);
    EXPECT_EQ(counts.commit, 0);
    EXPECT_EQ(db.open_transactions(), 0U);
    auto tx = db.begin(integrator, access_mode::read_only);
    EXPECT_FALSE(tx.find<client>(client_id("c-zoe")).has_value());
}
