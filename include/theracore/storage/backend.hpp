// SPDX-License-Identifier: Apache-2.0
/// @file
/// The interface a storage backend implements, apart from the store API programs use (as SOCI
/// keeps `soci-backend.h` apart from `session.h`). A program that stores records includes
/// `store.hpp` and a backend's factory header; only a backend includes this one.
///
/// A backend derives from `store_backend`, implements its hooks, and is handed to a `store`
/// (`std::make_unique<store>(std::make_unique<my_backend>(…))`), which owns it. The hooks are
/// protected: only the store and its transactions call them, after checking arguments,
/// validating records and consulting the access policy, so there is no path to a backend that
/// skips those checks. `tests/storage/test_backend.cpp` runs an integrator-style backend through
/// the store.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <theracore/storage/query.hpp>
#include <theracore/storage/record.hpp>
#include <theracore/storage/store.hpp>

THERACORE_NAMESPACE_BEGIN
namespace storage {

/// A backend's per-transaction state (a connection, a write set).
class THERACORE_API transaction_state {
  public:
    transaction_state() = default;
    virtual ~transaction_state();
    transaction_state(const transaction_state&) = delete;
    transaction_state& operator=(const transaction_state&) = delete;
};

/// What a storage backend implements. See the file comment.
class THERACORE_API store_backend {
  public:
    virtual ~store_backend();
    store_backend(const store_backend&) = delete;
    store_backend& operator=(const store_backend&) = delete;

    /// The backend's name ("memory", "sqlite", "postgresql", or an integrator's).
    [[nodiscard]] const std::string& name() const noexcept { return name_; }

  protected:
    explicit store_backend(std::string name) : name_(std::move(name)) {}

    // Called only by the store, with arguments already checked, for an active transaction.
    // Hooks throw storage_error for database failures (and conflict for serialization
    // failures); "not there" and "revision moved on" are return values.
    /// Starts a transaction. A read-write one must be able to check-and-write revisions
    /// atomically until it ends.
    virtual std::unique_ptr<transaction_state> do_begin(access_mode mode) = 0;
    /// Makes the transaction's writes durable and visible.
    virtual void do_commit(transaction_state& tx) = 0;
    /// Discards the transaction's writes. Must not throw.
    virtual void do_rollback(transaction_state& tx) noexcept = 0;
    /// The record with `key`, deleted or not, or nothing. `index` may be left empty.
    virtual std::optional<stored_record> do_load(transaction_state& tx, const record_key& key) = 0;
    /// Stores a new record; false (and no change) when its key exists.
    virtual bool do_insert(transaction_state& tx, const stored_record& record) = 0;
    /// Stores many new records; throws `conflict` when a key exists. The default calls
    /// `do_insert` for each; PostgreSQL overrides it with COPY.
    virtual void do_insert_many(transaction_state& tx, const std::vector<stored_record>& records);
    /// Replaces the stored record with `record.key()` — payload, meta, and the index entries
    /// when `replace_index` (otherwise they stay) — if its revision is `expected_revision`;
    /// false (and no change) when it is absent or its revision differs.
    virtual bool do_replace(transaction_state& tx, const stored_record& record,
                            std::int64_t expected_revision, bool replace_index) = 0;
    /// Erases the record and its index entries if its revision is `expected_revision`; false
    /// (and no change) otherwise.
    virtual bool do_erase(transaction_state& tx, const record_key& key,
                          std::int64_t expected_revision) = 0;
    /// The records `q` selects, in its order (see `query.hpp` and `detail::matches`, the
    /// reference semantics). `index` may be left empty.
    virtual std::vector<stored_record> do_query(transaction_state& tx, const record_query& q) = 0;
    /// Appends to the journal; returns the sequence number assigned.
    virtual std::int64_t do_append_journal(transaction_state& tx, const journal_entry& entry) = 0;
    /// Journal entries matching `f`, including those appended in `tx`.
    virtual std::vector<journal_entry> do_read_journal(transaction_state& tx,
                                                       const journal_filter& f) = 0;

  private:
    friend class store;
    friend class transaction;

    std::string name_;
};

}  // namespace storage
THERACORE_NAMESPACE_END
