// SPDX-License-Identifier: Apache-2.0
/// @file
/// The storage interface: one `store`, three backends (in-memory, SQLite, PostgreSQL), every
/// record type.
///
/// ```
/// auto db = storage::make_sqlite_store("clinic.theracore");      // or make_memory_store(), …
/// auto tx = db->begin(storage::actor{"k-ada"});
/// tx.insert(client);                                             // revision 1
/// auto c = tx.get<theracore::client>(client_id("c-zoe"));        // versioned<client>
/// c.value.notes = "Prefers mornings";
/// tx.update(c);                                                  // revision 2, or conflict
/// auto found = tx.query(storage::clients_by_name_prefix("zo"));
/// tx.commit();                                                   // else rolled back
/// ```
///
/// `store` is the one public face of every backend (as SOCI's `session` is): its functions
/// check arguments, validate records, consult the access policy, keep the transaction
/// bookkeeping and write audit entries, then call the hooks of the `store_backend` it owns.
/// The backend interface is a header of its own, `theracore/storage/backend.hpp` (as SOCI keeps
/// `soci-backend.h` apart from `session.h`): a program that uses a store never sees it, and no
/// path reaches a backend but through the store. Backends see only `stored_record`s; record
/// types plug in through `record_traits` (see `record_traits.hpp` and
/// `theracore/storage/records.hpp`).
///
/// ## Transactions
/// - Everything happens inside a `transaction`: `begin(who, mode)`, operations, `commit()`. A
///   transaction destroyed before `commit()` is rolled back (the destructor is `noexcept`).
/// - Reads see committed data and the transaction's own writes. Changes become visible to
///   others, atomically and durably, at commit.
/// - Optimistic concurrency: every record carries a revision (1 on insert, +1 on every change).
///   `update`, `remove`, `restore` and `purge` name the revision they read; if the record has
///   moved on they throw `conflict` and write nothing. No update is ever lost silently.
/// - `conflict` also comes from `commit` (the in-memory store checks write sets there) and from
///   the database (a PostgreSQL serialization failure or deadlock). Whatever its source, the
///   remedy is the same: reload and retry the whole transaction.
/// - Exceptions the store raises before the backend changes anything (`validation_error`,
///   `access_denied`, `not_found`, and `conflict` for a stale revision, an existing id or a
///   deleted record) leave the transaction usable and the data unchanged by that call. An
///   exception from the backend (`storage_error`, or a `conflict` reported by the database)
///   ends the transaction: it is rolled back at once, and every later call but `rollback`
///   throws `conflict`.
/// - Isolation, per backend: in-memory — read committed plus own writes, write sets validated
///   at commit; SQLite — a read-write transaction holds the database's single write lock from
///   `begin` (`BEGIN IMMEDIATE`, serializable), a read-only one reads a snapshot; PostgreSQL —
///   read-write transactions run at READ COMMITTED with every revision check done by the
///   database row by row (`UPDATE … WHERE revision = $n`), read-only ones at REPEATABLE READ.
/// - Deletes: for clinical records (`deletion_policy::soft`) `remove` keeps the record, marked
///   with who deleted it, when and why; `get`, `list` and queries leave it out unless asked.
///   `purge` erases a record for good and appends a `purge` entry (who, when, why) to the
///   journal in the same transaction.
///
/// ## Thread-safety
/// - A store may be used from many threads at once; `begin` is thread-safe and each
///   transaction has its own connection (SQLite, PostgreSQL) or write set (in-memory).
/// - A transaction is not thread-safe: use it from one thread at a time.
/// - Hold at most one read-write transaction per store per thread: SQLite admits one writer,
///   so a second read-write transaction on the same thread waits for the busy timeout and then
///   fails with `storage_error` (`busy`).
/// - `set_access_policy`, `set_audit_sink` and `set_clock` are thread-safe; a transaction keeps
///   those installed when it began.
/// - The store must outlive its transactions.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/date_time/posix_time/posix_time_types.hpp>

#include <theracore/detail/validation.hpp>
#include <theracore/error.hpp>
#include <theracore/storage/access.hpp>
#include <theracore/storage/keys.hpp>
#include <theracore/storage/query.hpp>
#include <theracore/storage/record.hpp>
#include <theracore/storage/record_traits.hpp>
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
namespace storage {

/// The version of the relational schema the SQL backends write and migrate to (2:
/// administrations in a table of their own).
inline constexpr int sql_schema_version = 2;

/// A record as read from a store, with its bookkeeping (revision, author, deletion).
template <class T>
struct versioned {
    T value;
    record_meta meta;

    [[nodiscard]] std::int64_t revision() const noexcept { return meta.revision; }
    [[nodiscard]] bool deleted() const noexcept { return meta.deleted.has_value(); }
};

/// Whether a transaction may write.
enum class access_mode { read_only, read_write };

/// Whether `get` and `find` return soft-deleted records.
enum class visibility { live, include_deleted };

/// The id type of record type `T`.
template <class T>
using id_of = typename record_traits<T>::id_type;

class transaction;
class transaction_state;
class store_backend;

namespace detail {

/// Adds a problem when `value` is empty (if required), contains NUL or is not UTF-8: backends
/// must be able to store every text the store accepts, and PostgreSQL refuses NUL.
inline void check_text(problem_list& p, const std::string& path, const std::string& value,
                       bool required) {
    if (required && value.empty()) {
        p.push_back({path, "required"});
    } else if (value.find('\0') != std::string::npos) {
        p.push_back({path, "contains a NUL character"});
    } else if (!is_valid_utf8(value)) {
        p.push_back({path, "is not valid UTF-8"});
    }
}

inline std::string describe_key(std::string_view kind, std::string_view id) {
    return std::string(kind) + " " + std::string(id);
}

}  // namespace detail

/// The storage interface. Obtain one from a backend's factory (`make_memory_store`,
/// `make_sqlite_store`, `make_postgresql_store`). See the file comment for the transaction
/// semantics and thread-safety.
class THERACORE_API store final {
  public:
    /// A store over `backend`, which it owns; the backend factories call this, and so may an
    /// integrator's own backend (`theracore/storage/backend.hpp`).
    /// @throws validation_error when `backend` is null.
    explicit store(std::unique_ptr<store_backend> backend);
    ~store();
    store(const store&) = delete;
    store& operator=(const store&) = delete;
    store(store&&) = delete;
    store& operator=(store&&) = delete;

    /// Begins a transaction on behalf of `who`. Thread-safe.
    /// @throws validation_error when `who.id` is empty or not text.
    /// @throws storage_error when no connection can be had (`unavailable`, `busy`).
    [[nodiscard]] transaction begin(const actor& who, access_mode mode = access_mode::read_write);

    /// Runs `f(tx)` in a new read-write transaction and commits it; returns what `f` returns.
    /// When `f` throws, the transaction is rolled back and the exception propagates.
    /// @throws whatever `begin`, `f` and `commit` throw.
    template <class F>
    decltype(auto) transact(const actor& who, F&& f);

    /// Installs the access policy consulted before every operation (null: allow everything).
    void set_access_policy(std::shared_ptr<access_policy> policy);

    /// Installs the audit sink called after every operation (null: no audit).
    void set_audit_sink(std::shared_ptr<audit_sink> sink);

    /// Replaces the clock that stamps changes (default: the system clock, UTC, microseconds).
    void set_clock(std::function<instant()> clock);

    /// The backend's name: "memory", "sqlite", "postgresql" or an integrator's.
    [[nodiscard]] const std::string& backend() const noexcept;

    /// The number of transactions begun and not yet ended, for diagnostics.
    [[nodiscard]] std::size_t open_transactions() const noexcept { return open_.load(); }

  private:
    friend class transaction;

    std::unique_ptr<store_backend> backend_;
    mutable std::mutex config_mutex_;
    std::shared_ptr<access_policy> policy_;
    std::shared_ptr<audit_sink> audit_;
    std::function<instant()> clock_;
    std::atomic<std::size_t> open_{0};
};

/// A unit of work on a store (see the `store.hpp` file comment for its semantics). Obtained
/// from `store::begin`; movable, not copyable; rolled back on destruction unless committed.
class THERACORE_API transaction {
  public:
    transaction(transaction&& other) noexcept;
    transaction(const transaction&) = delete;
    transaction& operator=(const transaction&) = delete;
    transaction& operator=(transaction&&) = delete;

    /// Rolls back unless committed. Never throws.
    ~transaction();

    [[nodiscard]] const actor& who() const noexcept { return who_; }
    [[nodiscard]] access_mode mode() const noexcept { return mode_; }
    /// True until commit, rollback or a backend failure.
    [[nodiscard]] bool active() const noexcept { return status_ == status::active; }

    // ----- Writes ----------------------------------------------------------------------

    /// Stores a new record at revision 1 and returns 1.
    /// @throws validation_error listing every problem of `record` (nothing is written).
    /// @throws conflict when a record with its id exists (even a deleted one), or the
    /// transaction is read-only or no longer active.
    /// @throws access_denied, storage_error.
    template <class T>
    std::int64_t insert(const T& record);

    /// Stores new records, all or none (PostgreSQL loads them with COPY).
    /// @throws validation_error listing every problem of every record (paths `[i].…`) and ids
    /// repeated in the batch, before anything is written.
    /// @throws conflict when an id exists: the transaction is then over (nothing of the batch
    /// can be committed).
    /// @throws access_denied, storage_error.
    template <class T>
    void insert_all(const std::vector<T>& records);

    /// Replaces a record read at `expected_revision`; returns the new revision. A type with an
    /// update rule (`record_traits<T>::check_update`: signed notes, superseded plan versions,
    /// referral and flag histories, …) is checked against the stored value first.
    /// @throws validation_error (nothing is written).
    /// @throws not_found when there is no such record.
    /// @throws conflict when it is deleted, its revision is no longer `expected_revision`, or
    /// the change would rewrite what its update rule keeps (nothing is written).
    /// @throws access_denied, storage_error.
    template <class T>
    std::int64_t update(const T& record, std::int64_t expected_revision);

    /// `update(v.value, v.revision())`.
    template <class T>
    std::int64_t update(const versioned<T>& v) {
        return update(v.value, v.meta.revision);
    }

    /// Deletes a record read at `expected_revision`, giving `reason`. A soft-delete kind keeps
    /// the record, marked deleted, and returns its new revision; a hard-delete kind erases it
    /// (journaled as "delete") and returns 0.
    /// @throws validation_error for an empty reason; not_found; conflict when already deleted
    /// or stale; access_denied; storage_error.
    template <class T>
    std::int64_t remove(const id_of<T>& id, std::int64_t expected_revision,
                        const std::string& reason);

    /// Undoes a soft delete; returns the new revision. The deletion being undone (who, when,
    /// why) and `reason` are kept in a "restore" journal entry.
    /// @throws validation_error for an empty reason; not_found; conflict when not deleted or
    /// stale; access_denied; storage_error.
    template <class T>
    std::int64_t restore(const id_of<T>& id, std::int64_t expected_revision,
                         const std::string& reason);

    /// Erases a record (deleted or not) for good and appends a "purge" journal entry with
    /// `who`, the time, the revision and `reason`.
    /// @throws validation_error for an empty reason; not_found; conflict when stale;
    /// access_denied; storage_error.
    template <class T>
    void purge(const id_of<T>& id, std::int64_t expected_revision, const std::string& reason);

    /// Rewrites the index entries of every record of kind `T` (deleted ones too) from its
    /// current `record_traits<T>::index`, leaving revisions as they are. Run it after adding
    /// or changing a column of a type that already has data. Returns the number of records.
    /// @throws conflict, access_denied, storage_error.
    template <class T>
    std::size_t reindex();

    // ----- Reads -----------------------------------------------------------------------

    /// The record with `id`.
    /// @throws not_found when there is none (or it is deleted and `v` is `live`).
    /// @throws access_denied, storage_error (also for a stored payload this library cannot
    /// read: `corrupt`, or `schema_mismatch` when a newer TheraCore wrote it).
    template <class T>
    [[nodiscard]] versioned<T> get(const id_of<T>& id, visibility v = visibility::live) {
        auto r = find<T>(id, v);
        if (!r) {
            throw not_found(detail::describe_key(record_traits<T>::kind, id.str()) + " not found");
        }
        return std::move(*r);
    }

    /// The record with `id`, or nothing. @throws as `get`, except not_found.
    template <class T>
    [[nodiscard]] std::optional<versioned<T>> find(const id_of<T>& id,
                                                   visibility v = visibility::live);

    /// The records `q` selects, in its order. Records the access policy withholds are left out.
    /// @throws access_denied, storage_error.
    template <class T>
    [[nodiscard]] std::vector<versioned<T>> query(const storage::query<T>& q);

    /// Every record of type `T`, by id.
    template <class T>
    [[nodiscard]] std::vector<versioned<T>> list(
        deleted_records deleted = deleted_records::excluded) {
        return query(storage::query<T>().deleted(deleted));
    }

    /// Journal entries (purges, hard deletes, restores, audit entries).
    /// @throws access_denied, storage_error.
    [[nodiscard]] std::vector<journal_entry> journal(const journal_filter& filter = {});

    // ----- Ending ----------------------------------------------------------------------

    /// Makes every change of this transaction durable and visible.
    /// @throws conflict when the transaction is not active, or the backend found a concurrent
    /// change (then everything is rolled back); storage_error.
    void commit();

    /// Discards every change of this transaction; does nothing once it has ended.
    void rollback() noexcept;

  private:
    friend class store;
    enum class status { active, committed, rolled_back, failed };

    transaction(store& s, actor who, access_mode mode, std::unique_ptr<transaction_state> state,
                std::shared_ptr<access_policy> policy, std::shared_ptr<audit_sink> audit,
                std::function<instant()> clock);

    /// Gives the journal to the audit sink, inside this transaction.
    class writer final : public journal_writer {
      public:
        explicit writer(transaction& tx) : tx_(tx) {}
        std::int64_t append(journal_entry entry) override {
            problem_list p;
            detail::check_text(p, "category", entry.category, true);
            detail::check_text(p, "kind", entry.kind, false);
            detail::check_text(p, "record_id", entry.record_id, false);
            detail::check_text(p, "detail", entry.detail, false);
            throw_if_invalid(p, "invalid journal entry");
            if (entry.at.is_special()) {
                entry.at = tx_.now();
            }
            if (entry.actor.empty()) {
                entry.actor = tx_.who_.id;
            }
            return tx_.append_journal(entry);
        }
        std::optional<journal_entry> last(const std::string& category) override {
            journal_filter f;
            f.category = category;
            f.limit = 1;
            f.newest_first = true;
            auto rows = tx_.read_journal_rows(f);
            if (rows.empty()) {
                return std::nullopt;
            }
            return std::move(rows.front());
        }

      private:
        transaction& tx_;
    };

    void release() noexcept;

    /// Ends the transaction after a backend failure: PostgreSQL has aborted it anyway, and the
    /// connection is better returned at once.
    void fail(const char* why) noexcept;

    /// Runs a backend hook; an exception from it ends the transaction.
    template <class F>
    auto call(F&& f) -> decltype(f()) {
        if (!state_) {
            throw conflict("the transaction has ended");
        }
        try {
            return f();
        } catch (const std::exception& e) {
            fail(e.what());
            throw;
        } catch (...) {
            fail("unknown error");
            throw;
        }
    }

    void require_active(const char* what) const;

    void require_writable(const char* what) const;

    static void check_revision(std::int64_t revision);

    static void check_id(const std::string& kind, const std::string& id);

    static void check_reason(const std::string& reason);

    [[nodiscard]] instant now() const;

    [[nodiscard]] record_meta fresh_meta() const;

    void authorize(operation op, std::string_view kind, std::string_view id,
                   const stored_record* record = nullptr, const record_query* q = nullptr);

    void audit(operation op, outcome result, std::string_view kind, std::vector<std::string> ids,
               std::int64_t revision);

    std::int64_t append_journal(const journal_entry& e);

    /// The stored form of `record`: validated, encoded, indexed, text checked.
    template <class T>
    [[nodiscard]] stored_record encode(const T& record) const {
        static_assert(is_registered_record_v<T>,
                      "record_traits<T> is not specialized for this type: include "
                      "<theracore/storage/records.hpp> or register it (docs/storage.md)");
        using traits = record_traits<T>;
        throw_if_invalid(validate(record), std::string("invalid ") + traits::kind);
        stored_record r;
        r.kind = traits::kind;
        r.id = traits::id(record).str();
        check_id(r.kind, r.id);
        r.payload = traits::encode(record);
        index_writer<T> w;
        traits::index(record, w);
        r.index = std::move(w).take();
        std::sort(r.index.begin(), r.index.end(), [](const index_entry& a, const index_entry& b) {
            return std::tie(a.name, a.value) < std::tie(b.name, b.value);
        });
        r.index.erase(std::unique(r.index.begin(), r.index.end()), r.index.end());
        problem_list p;
        for (const auto& e : r.index) {
            detail::check_text(p, "index." + e.name, e.value, false);
        }
        throw_if_invalid(p, std::string("invalid ") + traits::kind);
        return r;
    }

    template <class T>
    [[nodiscard]] versioned<T> decode(const stored_record& r) const {
        try {
            return versioned<T>{record_traits<T>::decode(r.payload), r.meta};
        } catch (const storage_error& e) {
            throw storage_error(e.category(), e.native_code(),
                                detail::describe_key(r.kind, r.id) + ": " + e.what());
        } catch (const error& e) {
            throw storage_error(storage_errc::corrupt, "",
                                detail::describe_key(r.kind, r.id) + ": " + e.what());
        }
    }

    std::optional<stored_record> load_checked(const std::string& kind, const std::string& id,
                                              visibility v);

    void insert_checked(stored_record r);

    /// Loads the current record for a change and checks it exists and is at `expected`.
    stored_record load_for_change(const std::string& kind, const std::string& id,
                                  std::int64_t expected);

    void replace_checked(const stored_record& r, std::int64_t expected, bool replace_index);

    /// `rule`, when given, sees the stored record before anything is written (the type's
    /// `record_traits::check_update`).
    std::int64_t update_checked(stored_record r, std::int64_t expected,
                                const std::function<void(const stored_record&)>& rule);

    std::int64_t remove_checked(const std::string& kind, const std::string& id,
                                std::int64_t expected, const std::string& reason,
                                deletion_policy policy);

    std::int64_t restore_checked(const std::string& kind, const std::string& id,
                                 std::int64_t expected, const std::string& reason);

    void purge_checked(const std::string& kind, const std::string& id, std::int64_t expected,
                       const std::string& reason);

    std::vector<stored_record> query_checked(const record_query& q);

    // The backend hooks that the templates above need, behind `call`.
    std::vector<stored_record> query_rows(const record_query& q);
    void insert_many_rows(const std::vector<stored_record>& rows);
    std::vector<journal_entry> read_journal_rows(const journal_filter& f);

    store* store_;
    std::unique_ptr<transaction_state> state_;
    actor who_;
    access_mode mode_;
    status status_ = status::active;
    std::string failure_;
    std::shared_ptr<access_policy> policy_;
    std::shared_ptr<audit_sink> audit_;
    std::function<instant()> clock_;
};

// ----- store ---------------------------------------------------------------------------

template <class F>
decltype(auto) store::transact(const actor& who, F&& f) {
    transaction tx = begin(who);
    if constexpr (std::is_void_v<std::invoke_result_t<F&, transaction&>>) {
        f(tx);
        tx.commit();
    } else {
        auto result = f(tx);
        tx.commit();
        return result;
    }
}

// ----- transaction templates -----------------------------------------------------------

template <class T>
std::int64_t transaction::insert(const T& record) {
    require_writable("insert");
    insert_checked(encode(record));
    return 1;
}

template <class T>
void transaction::insert_all(const std::vector<T>& records) {
    require_writable("insert");
    std::vector<stored_record> rows;
    rows.reserve(records.size());
    problem_list problems;
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const std::string at = "[" + std::to_string(i) + "]";
        try {
            rows.push_back(encode(records[i]));
        } catch (const validation_error& e) {
            theracore::detail::append_prefixed(problems, at, e.problems());
            continue;
        }
        const auto [it, fresh] = seen.emplace(rows.back().id, i);
        if (!fresh) {
            problems.push_back(
                {at + ".id", "repeats [" + std::to_string(it->second) + "] (" + it->first + ")"});
        }
    }
    throw_if_invalid(problems, std::string("invalid batch of ") + record_traits<T>::kind);
    const record_meta meta = fresh_meta();
    std::vector<std::string> ids;
    ids.reserve(rows.size());
    for (auto& r : rows) {
        r.meta = meta;
        authorize(operation::insert, r.kind, r.id, &r);
        ids.push_back(r.id);
    }
    if (rows.empty()) {
        return;
    }
    insert_many_rows(rows);
    audit(operation::insert, outcome::succeeded, record_traits<T>::kind, std::move(ids), 1);
}

template <class T>
std::int64_t transaction::update(const T& record, std::int64_t expected_revision) {
    require_writable("update");
    if constexpr (detail::has_update_rule<T>::value) {
        return update_checked(encode(record), expected_revision, [&](const stored_record& cur) {
            record_traits<T>::check_update(decode<T>(cur).value, record, *this);
        });
    } else {
        return update_checked(encode(record), expected_revision, {});
    }
}

template <class T>
std::int64_t transaction::remove(const id_of<T>& id, std::int64_t expected_revision,
                                 const std::string& reason) {
    using traits = record_traits<T>;
    return remove_checked(traits::kind, id.str(), expected_revision, reason, traits::deletion);
}

template <class T>
std::int64_t transaction::restore(const id_of<T>& id, std::int64_t expected_revision,
                                  const std::string& reason) {
    return restore_checked(record_traits<T>::kind, id.str(), expected_revision, reason);
}

template <class T>
void transaction::purge(const id_of<T>& id, std::int64_t expected_revision,
                        const std::string& reason) {
    purge_checked(record_traits<T>::kind, id.str(), expected_revision, reason);
}

template <class T>
std::size_t transaction::reindex() {
    using traits = record_traits<T>;
    require_writable("reindex");
    authorize(operation::reindex, traits::kind, {});
    record_query all;
    all.kind = traits::kind;
    all.deleted = deleted_records::included;
    auto rows = query_rows(all);
    std::vector<std::string> ids;
    for (auto& row : rows) {
        const auto value = decode<T>(row).value;
        row.index = encode(value).index;
        replace_checked(row, row.meta.revision, true);
        ids.push_back(row.id);
    }
    audit(operation::reindex, outcome::succeeded, traits::kind, std::move(ids), 0);
    return rows.size();
}

template <class T>
std::optional<versioned<T>> transaction::find(const id_of<T>& id, visibility v) {
    auto r = load_checked(record_traits<T>::kind, id.str(), v);
    if (!r) {
        return std::nullopt;
    }
    return decode<T>(*r);
}

template <class T>
std::vector<versioned<T>> transaction::query(const storage::query<T>& q) {
    const auto rows = query_checked(q.erased());
    std::vector<versioned<T>> out;
    out.reserve(rows.size());
    for (const auto& r : rows) {
        out.push_back(decode<T>(r));
    }
    return out;
}

}  // namespace storage
THERACORE_NAMESPACE_END
