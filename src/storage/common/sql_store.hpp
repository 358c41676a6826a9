// SPDX-License-Identifier: Apache-2.0
// The part of the SQLite and PostgreSQL backends that is the same for both: the relational
// schema, the SQL of every hook, the migration runner and a connection pool. Each backend
// supplies a `connection` (how to run a statement) and a `dialect` (placeholders, DDL).
//
// Every statement is prepared with placeholders; values are only ever bound, never written
// into SQL text. What varies in query text is its shape (how many conditions, which bounds),
// which is built from the query's structure alone.
//
// Private to the compiled backends (header-only so that both may include it).
#pragma once

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <theracore/error.hpp>
#include <theracore/storage/backend.hpp>
#include <theracore/storage/keys.hpp>
#include <theracore/storage/store.hpp>

THERACORE_NAMESPACE_BEGIN
namespace storage {
namespace sql {

/// A bound value.
using value = std::variant<std::nullptr_t, std::string, std::int64_t>;
/// One result row, every column as text (or null).
using row = std::vector<std::optional<std::string>>;

/// One database connection, used by one transaction at a time. Implementations translate
/// database errors into storage_error (and serialization failures into conflict).
class connection {
  public:
    virtual ~connection() = default;
    virtual void begin(access_mode mode) = 0;
    virtual void commit() = 0;
    virtual void rollback() noexcept = 0;
    /// False when the connection should be discarded rather than reused.
    [[nodiscard]] virtual bool healthy() const noexcept = 0;
    /// Runs a prepared statement without results; returns the number of rows changed.
    virtual std::int64_t execute(const std::string& sql, const std::vector<value>& params) = 0;
    /// Runs a prepared statement and returns its rows.
    virtual std::vector<row> select(const std::string& sql, const std::vector<value>& params) = 0;
    /// Runs fixed DDL (migrations), without parameters.
    virtual void execute_script(const std::string& sql) = 0;
};

/// One forward step of the schema.
struct migration {
    int version;
    std::vector<std::string> statements;
};

/// What differs between SQL databases.
struct dialect {
    /// The n-th (1-based) placeholder: `?n` or `$n`.
    std::string (*placeholder)(std::size_t n);
    /// Appended to ORDER BY expressions so that text sorts by bytes (PostgreSQL: `COLLATE "C"`).
    std::string order_collation;
    /// SQLite needs a LIMIT before an OFFSET.
    bool offset_needs_limit;
    /// Counts tables named $1 in the schema the store uses.
    std::string table_exists;
    /// Counts all tables in the schema the store uses.
    std::string count_tables;
    std::vector<migration> migrations;
};

/// A record kind kept in a table of its own rather than in `records` and `record_index`: its
/// index columns are real columns (one value each, required) with one composite SQL index,
/// so that a query on them is one index range scan. For kinds with millions of rows
/// (administrations); every other kind uses the generic tables. The table has the columns of
/// `records` but `kind`, then `columns`.
struct dedicated_table {
    std::string kind;
    std::string table;
    /// The kind's index columns (`record_traits<T>` column names), stored as text columns of
    /// the same names.
    std::vector<std::string> columns;
    /// The columns of the table's one SQL index (the id follows them).
    std::vector<std::string> index;
};

/// The kinds with tables of their own (schema version 2).
inline std::vector<dedicated_table> dedicated_tables() {
    // A client's history in time order is one range of (client, administered): a trajectory,
    // or one instrument's administrations in a date range (filtered by instrument on the way).
    return {{"administration",
             "administrations",
             {"client", "instrument", "administered"},
             {"client", "administered"}}};
}

// ----- Migrations ------------------------------------------------------------------------

inline std::int64_t to_int(const std::optional<std::string>& text, const char* what) {
    if (!text) {
        throw storage_error(storage_errc::corrupt, "", std::string(what) + " is null");
    }
    try {
        std::size_t used = 0;
        const long long v = std::stoll(*text, &used);
        if (used == text->size()) {
            return v;
        }
    } catch (const std::exception&) {
    }
    throw storage_error(storage_errc::corrupt, "", std::string(what) + " is not an integer");
}

/// Brings the schema of the database behind `c` up to the newest of `steps`, in one
/// transaction: nothing of a failed migration remains. `prepare` runs first inside it (to take
/// locks, create a schema). `where` names the database in messages.
/// @throws storage_error (`schema_mismatch`) when the database was written by a newer schema
/// or is not a TheraCore database; other storage_errors from the database.
inline void migrate(connection& c, const dialect& d, const std::vector<migration>& steps,
                    const std::string& where, const std::function<void(connection&)>& prepare) {
    const int latest = steps.empty() ? 0 : steps.back().version;
    c.begin(access_mode::read_write);
    try {
        if (prepare) {
            prepare(c);
        }
        int current = 0;
        const auto exists = c.select(d.table_exists, {std::string("theracore_schema")});
        if (to_int(exists.at(0).at(0), "table count") > 0) {
            const auto v = c.select("SELECT version FROM theracore_schema", {});
            if (v.size() != 1) {
                throw storage_error(storage_errc::corrupt, "",
                                    where + ": theracore_schema must hold exactly one row");
            }
            current = static_cast<int>(to_int(v[0].at(0), "schema version"));
        } else if (to_int(c.select(d.count_tables, {}).at(0).at(0), "table count") > 0) {
            throw storage_error(storage_errc::schema_mismatch, "",
                                where +
                                    " is not a TheraCore database: it has tables but no "
                                    "theracore_schema");
        }
        if (current > latest) {
            throw storage_error(storage_errc::schema_mismatch, "",
                                where + " was written by a newer TheraCore (storage schema " +
                                    std::to_string(current) + "); this library supports up to " +
                                    std::to_string(latest) + ". Upgrade TheraCore to open it.");
        }
        for (const auto& step : steps) {
            if (step.version <= current) {
                continue;
            }
            for (const auto& statement : step.statements) {
                c.execute_script(statement);
            }
        }
        if (current == 0) {
            c.execute("INSERT INTO theracore_schema (version) VALUES (" + d.placeholder(1) + ")",
                      {std::int64_t{latest}});
        } else if (current < latest) {
            c.execute("UPDATE theracore_schema SET version = " + d.placeholder(1),
                      {std::int64_t{latest}});
        }
        c.commit();
    } catch (...) {
        c.rollback();
        throw;
    }
}

// ----- Connection pool -------------------------------------------------------------------

/// Up to `max` connections, made on demand by `factory`, shared by transactions.
class pool {
  public:
    using factory = std::function<std::unique_ptr<connection>()>;

    pool(factory f, std::size_t max, std::chrono::milliseconds timeout)
        : factory_(std::move(f)), max_(std::max<std::size_t>(max, 1)), timeout_(timeout) {
        idle_.reserve(max_);
    }

    /// A connection borrowed from the pool; returned (or discarded if unhealthy) on
    /// destruction.
    class lease {
      public:
        lease(pool& p, std::unique_ptr<connection> c) : pool_(&p), c_(std::move(c)) {}
        lease(lease&& other) noexcept = default;
        lease& operator=(lease&&) = delete;
        lease(const lease&) = delete;
        lease& operator=(const lease&) = delete;
        ~lease() {
            if (c_) {
                pool_->release(std::move(c_));
            }
        }
        connection& operator*() const noexcept { return *c_; }
        connection* operator->() const noexcept { return c_.get(); }

      private:
        pool* pool_;
        std::unique_ptr<connection> c_;
    };

    /// Adds an open connection (the one the store was migrated with).
    void add(std::unique_ptr<connection> c) {
        std::lock_guard<std::mutex> lock(mutex_);
        ++created_;
        idle_.push_back(std::move(c));
    }

    /// Waits up to the timeout for a free connection.
    /// @throws storage_error (`busy`) when none becomes free; whatever the factory throws.
    lease acquire() {
        std::unique_lock<std::mutex> lock(mutex_);
        if (!available_.wait_for(lock, timeout_,
                                 [&] { return !idle_.empty() || created_ < max_; })) {
            throw storage_error(storage_errc::busy, "",
                                "no database connection became free within " +
                                    std::to_string(timeout_.count()) + " ms (all " +
                                    std::to_string(max_) + " are in use)");
        }
        if (!idle_.empty()) {
            auto c = std::move(idle_.back());
            idle_.pop_back();
            return lease(*this, std::move(c));
        }
        ++created_;
        lock.unlock();
        try {
            return lease(*this, factory_());
        } catch (...) {
            lock.lock();
            --created_;
            available_.notify_one();
            throw;
        }
    }

  private:
    void release(std::unique_ptr<connection> c) noexcept {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (c->healthy()) {
                idle_.push_back(std::move(c));  // capacity reserved: does not throw
            } else {
                --created_;
            }
        }
        available_.notify_one();
    }

    factory factory_;
    std::size_t max_;
    std::chrono::milliseconds timeout_;
    std::mutex mutex_;
    std::condition_variable available_;
    std::vector<std::unique_ptr<connection>> idle_;
    std::size_t created_ = 0;
};

// ----- The store -------------------------------------------------------------------------

/// Every hook of `store` in SQL, over pooled connections.
class sql_backend : public store_backend {
  public:
    sql_backend(std::string backend, dialect d, std::unique_ptr<pool> connections)
        : store_backend(std::move(backend)), d_(std::move(d)), pool_(std::move(connections)) {
        const auto p = d_.placeholder;
        load_ = "SELECT " + std::string(record_columns) + " FROM records WHERE kind = " + p(1) +
                " AND id = " + p(2);
        insert_ =
            "INSERT INTO records (kind, id, revision, payload, created_at, created_by, "
            "updated_at, updated_by, deleted_at, deleted_by, delete_reason) VALUES (" +
            list(1, 11) + ") ON CONFLICT (kind, id) DO NOTHING";
        replace_ = "UPDATE records SET revision = " + p(3) + ", payload = " + p(4) +
                   ", created_at = " + p(5) + ", created_by = " + p(6) + ", updated_at = " + p(7) +
                   ", updated_by = " + p(8) + ", deleted_at = " + p(9) + ", deleted_by = " + p(10) +
                   ", delete_reason = " + p(11) + " WHERE kind = " + p(1) + " AND id = " + p(2) +
                   " AND revision = " + p(12);
        erase_index_ = "DELETE FROM record_index WHERE kind = " + p(1) + " AND record_id = " + p(2);
        insert_index_ =
            "INSERT INTO record_index (kind, record_id, name, value) VALUES (" + list(1, 4) + ")";
        erase_ = "DELETE FROM records WHERE kind = " + p(1) + " AND id = " + p(2) +
                 " AND revision = " + p(3);
        append_journal_ =
            "INSERT INTO journal (at, actor, category, kind, record_id, revision, detail) "
            "VALUES (" +
            list(1, 7) + ") RETURNING sequence";
        for (auto& spec : dedicated_tables()) {
            table t;
            t.spec = std::move(spec);
            const std::string& name = t.spec.table;
            const std::size_t n = t.spec.columns.size();
            std::string cols;
            std::string sets;
            for (std::size_t i = 0; i < n; ++i) {
                cols += ", " + t.spec.columns[i];
                sets += ", " + t.spec.columns[i] + " = " + p(11 + i);
            }
            t.load =
                "SELECT " + std::string(record_columns) + " FROM " + name + " WHERE id = " + p(1);
            // id, revision, payload, 7 bookkeeping columns, then the indexed columns.
            t.insert = "INSERT INTO " + name +
                       " (id, revision, payload, created_at, created_by, updated_at, "
                       "updated_by, deleted_at, deleted_by, delete_reason" +
                       cols + ") VALUES (" + list(1, 10 + n) + ") ON CONFLICT (id) DO NOTHING";
            const std::string set_meta = "UPDATE " + name + " SET revision = " + p(2) +
                                         ", payload = " + p(3) + ", created_at = " + p(4) +
                                         ", created_by = " + p(5) + ", updated_at = " + p(6) +
                                         ", updated_by = " + p(7) + ", deleted_at = " + p(8) +
                                         ", deleted_by = " + p(9) + ", delete_reason = " + p(10);
            t.replace = set_meta + " WHERE id = " + p(1) + " AND revision = " + p(11);
            t.replace_with_columns =
                set_meta + sets + " WHERE id = " + p(1) + " AND revision = " + p(11 + n);
            t.erase = "DELETE FROM " + name + " WHERE id = " + p(1) + " AND revision = " + p(2);
            tables_.push_back(std::move(t));
        }
    }

  protected:
    static constexpr const char* record_columns =
        "id, revision, payload, created_at, created_by, updated_at, updated_by, deleted_at, "
        "deleted_by, delete_reason";
    /// Index entries written per statement.
    static constexpr std::size_t index_batch = 32;

    struct state final : transaction_state {
        explicit state(pool::lease l) : conn(std::move(l)) {}
        pool::lease conn;
    };

    /// A dedicated table and its statements.
    struct table {
        dedicated_table spec;
        std::string load, insert, replace, replace_with_columns, erase;
    };

    static connection& conn(transaction_state& tx) { return *static_cast<state&>(tx).conn; }
    [[nodiscard]] const dialect& sql_dialect() const noexcept { return d_; }

    /// The dedicated table of `kind`, or null when it lives in `records`.
    [[nodiscard]] const table* dedicated(const std::string& kind) const noexcept {
        for (const auto& t : tables_) {
            if (t.spec.kind == kind) {
                return &t;
            }
        }
        return nullptr;
    }

    /// The SQL that inserts one record of the generic tables (kind, id, revision, payload,
    /// the seven bookkeeping columns), and one index entry (kind, record_id, name, value).
    [[nodiscard]] const std::string& insert_record_sql() const noexcept { return insert_; }
    [[nodiscard]] const std::string& insert_index_sql() const noexcept { return insert_index_; }

    /// The values of `t`'s columns in `r`'s index entries, in column order.
    /// @throws storage_error when an entry is not one of the columns, or a column has no value
    /// or several: the kind's `record_traits` and the table disagree.
    static std::vector<const std::string*> column_values(const table& t, const stored_record& r) {
        std::vector<const std::string*> out(t.spec.columns.size(), nullptr);
        for (const auto& e : r.index) {
            const auto it = std::find(t.spec.columns.begin(), t.spec.columns.end(), e.name);
            const auto at = static_cast<std::size_t>(it - t.spec.columns.begin());
            if (it == t.spec.columns.end() || out[at] != nullptr) {
                throw storage_error(storage_errc::other, "",
                                    detail::describe_key(r.kind, r.id) + ": index column \"" +
                                        e.name + "\" is not a single-valued column of table " +
                                        t.spec.table);
            }
            out[at] = &e.value;
        }
        for (std::size_t i = 0; i < out.size(); ++i) {
            if (out[i] == nullptr) {
                throw storage_error(storage_errc::other, "",
                                    detail::describe_key(r.kind, r.id) + ": no value for column " +
                                        t.spec.columns[i] + " of table " + t.spec.table);
            }
        }
        return out;
    }

    std::unique_ptr<transaction_state> do_begin(access_mode mode) override {
        for (int attempt = 0;; ++attempt) {
            auto lease = pool_->acquire();
            try {
                lease->begin(mode);
                return std::make_unique<state>(std::move(lease));
            } catch (const storage_error& e) {
                // A pooled connection the server closed while it sat idle (a restart, an idle
                // timeout) fails at BEGIN, which has no effect: it is discarded on release and
                // one fresh connection is tried.
                if (attempt > 0 || e.category() != storage_errc::unavailable || lease->healthy()) {
                    throw;
                }
            }
        }
    }

    void do_commit(transaction_state& tx) override { conn(tx).commit(); }

    void do_rollback(transaction_state& tx) noexcept override { conn(tx).rollback(); }

    std::optional<stored_record> do_load(transaction_state& tx, const record_key& key) override {
        const table* t = dedicated(key.kind);
        const auto rows = t != nullptr ? conn(tx).select(t->load, {key.id})
                                       : conn(tx).select(load_, {key.kind, key.id});
        if (rows.empty()) {
            return std::nullopt;
        }
        return to_record(key.kind, rows.front());
    }

    bool do_insert(transaction_state& tx, const stored_record& r) override {
        auto params = meta_params(r);
        if (const table* t = dedicated(r.kind)) {
            params.insert(params.begin(), {r.id, r.meta.revision, r.payload});
            for (const auto* v : column_values(*t, r)) {
                params.emplace_back(*v);
            }
            return conn(tx).execute(t->insert, params) > 0;
        }
        params.insert(params.begin(), {r.kind, r.id, r.meta.revision, r.payload});
        if (conn(tx).execute(insert_, params) == 0) {
            return false;
        }
        write_index(conn(tx), r);
        return true;
    }

    bool do_replace(transaction_state& tx, const stored_record& r, std::int64_t expected_revision,
                    bool replace_index) override {
        auto params = meta_params(r);
        if (const table* t = dedicated(r.kind)) {
            params.insert(params.begin(), {r.id, r.meta.revision, r.payload});
            if (replace_index) {
                for (const auto* v : column_values(*t, r)) {
                    params.emplace_back(*v);
                }
            }
            params.emplace_back(expected_revision);
            return conn(tx).execute(replace_index ? t->replace_with_columns : t->replace, params) >
                   0;
        }
        params.insert(params.begin(), {r.kind, r.id, r.meta.revision, r.payload});
        params.emplace_back(expected_revision);
        if (conn(tx).execute(replace_, params) == 0) {
            return false;
        }
        if (replace_index) {
            conn(tx).execute(erase_index_, {r.kind, r.id});
            write_index(conn(tx), r);
        }
        return true;
    }

    bool do_erase(transaction_state& tx, const record_key& key,
                  std::int64_t expected_revision) override {
        if (const table* t = dedicated(key.kind)) {
            return conn(tx).execute(t->erase, {key.id, expected_revision}) > 0;
        }
        // Index entries go with the record (ON DELETE CASCADE).
        return conn(tx).execute(erase_, {key.kind, key.id, expected_revision}) > 0;
    }

    std::vector<stored_record> do_query(transaction_state& tx, const record_query& q) override {
        std::vector<value> params;
        const table* t = dedicated(q.kind);
        const std::string text =
            t != nullptr ? dedicated_query_sql(*t, q, params) : query_sql(q, params);
        const auto rows = conn(tx).select(text, params);
        std::vector<stored_record> out;
        out.reserve(rows.size());
        for (const auto& r : rows) {
            out.push_back(to_record(q.kind, r));
        }
        return out;
    }

    std::int64_t do_append_journal(transaction_state& tx, const journal_entry& e) override {
        const auto rows = conn(tx).select(
            append_journal_,
            {encode_instant(e.at), e.actor, e.category, e.kind, e.record_id, e.revision, e.detail});
        return to_int(rows.at(0).at(0), "journal sequence");
    }

    std::vector<journal_entry> do_read_journal(transaction_state& tx,
                                               const journal_filter& f) override {
        std::vector<value> params;
        const auto p = [&](value v) {
            params.push_back(std::move(v));
            return d_.placeholder(params.size());
        };
        std::string text =
            "SELECT sequence, at, actor, category, kind, record_id, revision, detail FROM "
            "journal WHERE sequence > " +
            p(f.after_sequence);
        if (f.category) {
            text += " AND category = " + p(*f.category);
        }
        if (f.kind) {
            text += " AND kind = " + p(*f.kind);
        }
        if (f.record_id) {
            text += " AND record_id = " + p(*f.record_id);
        }
        text += f.newest_first ? " ORDER BY sequence DESC" : " ORDER BY sequence ASC";
        if (f.limit != 0) {
            text += " LIMIT " + p(clamp(f.limit));
        }
        std::vector<journal_entry> out;
        for (const auto& r : conn(tx).select(text, params)) {
            journal_entry e;
            e.sequence = to_int(r.at(0), "journal sequence");
            e.at = decode_instant(r.at(1).value_or(""));
            e.actor = r.at(2).value_or("");
            e.category = r.at(3).value_or("");
            e.kind = r.at(4).value_or("");
            e.record_id = r.at(5).value_or("");
            e.revision = to_int(r.at(6), "journal revision");
            e.detail = r.at(7).value_or("");
            out.push_back(std::move(e));
        }
        return out;
    }

    /// The SELECT for `q` (see `query.hpp` for the semantics it reproduces); fills `params`.
    [[nodiscard]] std::string query_sql(const record_query& q, std::vector<value>& params) const {
        const auto p = [&](value v) {
            params.push_back(std::move(v));
            return d_.placeholder(params.size());
        };
        const std::string kind = p(q.kind);
        std::string text =
            "SELECT " + prefixed_columns() + " FROM records r WHERE r.kind = " + kind;
        text += deleted_filter(q);
        for (const auto& c : q.where) {
            text += " AND r.id IN (SELECT i.record_id FROM record_index i WHERE i.kind = " + kind +
                    " AND i.name = " + p(c.column);
            text += condition_sql("i.value", c, p);
            text += ")";
        }
        const std::string dir = q.order == sort_order::descending ? " DESC" : " ASC";
        if (q.order_by) {
            text +=
                " ORDER BY COALESCE((SELECT MIN(o.value) FROM record_index o WHERE o.kind = "
                "r.kind AND o.record_id = r.id AND o.name = " +
                p(*q.order_by) + "), '')" + d_.order_collation + dir + ", r.id" +
                d_.order_collation + dir;
        } else {
            text += " ORDER BY r.id" + d_.order_collation + dir;
        }
        text += page_sql(q, p);
        return text;
    }

    /// The SELECT for `q` over the dedicated table `t`: the same semantics as `query_sql`,
    /// with each column holding exactly one value.
    [[nodiscard]] std::string dedicated_query_sql(const table& t, const record_query& q,
                                                  std::vector<value>& params) const {
        const auto p = [&](value v) {
            params.push_back(std::move(v));
            return d_.placeholder(params.size());
        };
        const auto column_of = [&](const std::string& name) -> const std::string* {
            const auto it = std::find(t.spec.columns.begin(), t.spec.columns.end(), name);
            return it == t.spec.columns.end() ? nullptr : &*it;
        };
        std::string text =
            "SELECT " + prefixed_columns() + " FROM " + t.spec.table + " r WHERE 1 = 1";
        text += deleted_filter(q);
        for (const auto& c : q.where) {
            const std::string* column = column_of(c.column);
            if (column == nullptr) {
                text += " AND 1 = 0";  // no record has a value for it
                continue;
            }
            text += condition_sql("r." + *column, c, p);
        }
        const std::string dir = q.order == sort_order::descending ? " DESC" : " ASC";
        const std::string* order = q.order_by ? column_of(*q.order_by) : nullptr;
        text += " ORDER BY ";
        if (order != nullptr) {
            text += "r." + *order + d_.order_collation + dir + ", ";
        }
        text += "r.id" + d_.order_collation + dir;
        text += page_sql(q, p);
        return text;
    }

    /// The bookkeeping columns after kind, id, revision, payload.
    static std::vector<value> meta_params(const stored_record& r) {
        std::vector<value> v{encode_instant(r.meta.created_at), r.meta.created_by,
                             encode_instant(r.meta.updated_at), r.meta.updated_by};
        if (r.meta.deleted) {
            v.emplace_back(encode_instant(r.meta.deleted->at));
            v.emplace_back(r.meta.deleted->by);
            v.emplace_back(r.meta.deleted->reason);
        } else {
            v.insert(v.end(), 3, value{nullptr});
        }
        return v;
    }

    /// A record from the columns of `record_columns`.
    static stored_record to_record(const std::string& kind, const row& r) {
        stored_record out;
        out.kind = kind;
        out.id = r.at(0).value_or("");
        out.meta.revision = to_int(r.at(1), "revision");
        out.payload = r.at(2).value_or("");
        out.meta.created_at = decode_instant(r.at(3).value_or(""));
        out.meta.created_by = r.at(4).value_or("");
        out.meta.updated_at = decode_instant(r.at(5).value_or(""));
        out.meta.updated_by = r.at(6).value_or("");
        if (r.at(7)) {
            out.meta.deleted =
                deletion_info{r.at(8).value_or(""), decode_instant(*r.at(7)), r.at(9).value_or("")};
        }
        return out;
    }

    static std::int64_t clamp(std::size_t n) {
        constexpr auto max = static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max());
        return static_cast<std::int64_t>(std::min(n, max));
    }

  private:
    static std::string deleted_filter(const record_query& q) {
        if (q.deleted == deleted_records::excluded) {
            return " AND r.deleted_at IS NULL";
        }
        if (q.deleted == deleted_records::only) {
            return " AND r.deleted_at IS NOT NULL";
        }
        return "";
    }

    template <class P>
    static std::string condition_sql(const std::string& column, const key_condition& c, P& p) {
        std::string text;
        if (c.any_of) {
            text += " AND " + column + " IN (";
            for (std::size_t k = 0; k < c.any_of->size(); ++k) {
                text += (k == 0 ? "" : ", ") + p((*c.any_of)[k]);
            }
            text += ")";
        }
        if (c.lower) {
            text += " AND " + column + (c.lower->inclusive ? " >= " : " > ") + p(c.lower->value);
        }
        if (c.upper) {
            text += " AND " + column + (c.upper->inclusive ? " <= " : " < ") + p(c.upper->value);
        }
        return text;
    }

    template <class P>
    std::string page_sql(const record_query& q, P& p) const {
        std::string text;
        if (q.limit) {
            text += " LIMIT " + p(clamp(*q.limit));
        }
        if (q.offset != 0) {
            if (!q.limit && d_.offset_needs_limit) {
                text += " LIMIT -1";
            }
            text += " OFFSET " + p(clamp(q.offset));
        }
        return text;
    }

    void write_index(connection& c, const stored_record& r) const {
        for (std::size_t start = 0; start < r.index.size(); start += index_batch) {
            const std::size_t n = std::min(index_batch, r.index.size() - start);
            std::vector<value> params{r.kind, r.id};
            std::string text = "INSERT INTO record_index (kind, record_id, name, value) VALUES ";
            for (std::size_t k = 0; k < n; ++k) {
                params.emplace_back(r.index[start + k].name);
                params.emplace_back(r.index[start + k].value);
                text += (k == 0 ? "(" : ", (") + d_.placeholder(1) + ", " + d_.placeholder(2) +
                        ", " + d_.placeholder(params.size() - 1) + ", " +
                        d_.placeholder(params.size()) + ")";
            }
            c.execute(text, params);
        }
    }

    [[nodiscard]] std::string list(std::size_t from, std::size_t to) const {
        std::string s;
        for (std::size_t i = from; i <= to; ++i) {
            s += (i == from ? "" : ", ") + d_.placeholder(i);
        }
        return s;
    }

    static std::string prefixed_columns() {
        return "r.id, r.revision, r.payload, r.created_at, r.created_by, r.updated_at, "
               "r.updated_by, r.deleted_at, r.deleted_by, r.delete_reason";
    }

    dialect d_;
    std::unique_ptr<pool> pool_;
    std::string load_, insert_, replace_, erase_index_, insert_index_, erase_, append_journal_;
    std::vector<table> tables_;
};

/// The tables, in the portable subset both backends accept; `text` and `integer` are given by
/// the backend (PostgreSQL: byte-ordered text, bigint).
inline std::vector<std::string> schema_v1(const std::string& text, const std::string& integer,
                                          const std::string& sequence_column) {
    return {
        "CREATE TABLE theracore_schema (version " + integer + " NOT NULL)",
        // One row per record of every kind: its JSON payload and bookkeeping.
        "CREATE TABLE records (kind " + text + " NOT NULL, id " + text + " NOT NULL, revision " +
            integer + " NOT NULL CHECK (revision >= 1), payload " + text +
            " NOT NULL, created_at " + text + " NOT NULL, created_by " + text +
            " NOT NULL, updated_at " + text + " NOT NULL, updated_by " + text +
            " NOT NULL, deleted_at " + text + ", deleted_by " + text + ", delete_reason " + text +
            ", PRIMARY KEY (kind, id), CHECK ((deleted_at IS NULL) = (deleted_by IS NULL)))",
        // The queryable values of every record (record_traits<T>::index), one row per value.
        "CREATE TABLE record_index (kind " + text + " NOT NULL, record_id " + text +
            " NOT NULL, name " + text + " NOT NULL, value " + text +
            " NOT NULL, FOREIGN KEY (kind, record_id) REFERENCES records (kind, id) ON DELETE "
            "CASCADE)",
        "CREATE INDEX record_index_by_value ON record_index (kind, name, value, record_id)",
        "CREATE INDEX record_index_by_record ON record_index (kind, record_id, name, value)",
        // Append-only: purges, hard deletes, restores, audit entries.
        "CREATE TABLE journal (sequence " + sequence_column + ", at " + text + " NOT NULL, actor " +
            text + " NOT NULL, category " + text + " NOT NULL, kind " + text +
            " NOT NULL, record_id " + text + " NOT NULL, revision " + integer +
            " NOT NULL, detail " + text + " NOT NULL)",
        "CREATE INDEX journal_by_category ON journal (category, sequence)",
        "CREATE INDEX journal_by_record ON journal (kind, record_id, sequence)",
    };
}

/// Version 2: the dedicated tables (`dedicated_tables()`), each with the bookkeeping columns of
/// `records`, its columns, and its one index (its index columns, then the id, so that rows
/// come in order straight from the index). Records of those kinds already in `records` move
/// over.
inline std::vector<std::string> schema_v2(const std::string& text, const std::string& integer) {
    std::vector<std::string> out;
    for (const auto& t : dedicated_tables()) {
        std::string cols;
        std::string keys;
        std::string moved;
        for (const auto& c : t.index) {
            keys += c + ", ";
        }
        for (const auto& c : t.columns) {
            cols += ", " + c + " " + text + " NOT NULL";
            moved +=
                ", COALESCE((SELECT MIN(i.value) FROM record_index i WHERE i.kind = r.kind "
                "AND i.record_id = r.id AND i.name = '" +
                c + "'), '')";
        }
        std::string names;
        for (const auto& c : t.columns) {
            names += ", " + c;
        }
        out.push_back("CREATE TABLE " + t.table + " (id " + text + " NOT NULL, revision " +
                      integer + " NOT NULL CHECK (revision >= 1), payload " + text +
                      " NOT NULL, created_at " + text + " NOT NULL, created_by " + text +
                      " NOT NULL, updated_at " + text + " NOT NULL, updated_by " + text +
                      " NOT NULL, deleted_at " + text + ", deleted_by " + text +
                      ", delete_reason " + text + cols +
                      ", PRIMARY KEY (id), CHECK ((deleted_at IS NULL) = (deleted_by IS NULL)))");
        out.push_back("CREATE INDEX " + t.table + "_by_columns ON " + t.table + " (" + keys +
                      "id)");
        const std::string meta =
            "id, revision, payload, created_at, created_by, updated_at, updated_by, deleted_at, "
            "deleted_by, delete_reason";
        out.push_back("INSERT INTO " + t.table + " (" + meta + names +
                      ") SELECT r.id, r.revision, "
                      "r.payload, r.created_at, r.created_by, r.updated_at, r.updated_by, "
                      "r.deleted_at, r.deleted_by, r.delete_reason" +
                      moved + " FROM records r WHERE r.kind = '" + t.kind + "'");
        out.push_back("DELETE FROM record_index WHERE kind = '" + t.kind + "'");
        out.push_back("DELETE FROM records WHERE kind = '" + t.kind + "'");
    }
    return out;
}

}  // namespace sql
}  // namespace storage
THERACORE_NAMESPACE_END
