// SPDX-License-Identifier: Apache-2.0
// The SQLite backend: SQLiteCpp connections behind the shared SQL store.
#include "sqlite/sqlite_store.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

THERACORE_NAMESPACE_BEGIN
namespace storage {
namespace {

/// Marks a file as a TheraCore database (PRAGMA application_id): "THRC".
constexpr std::int64_t application_id = 0x54485243;
/// Prepared statements kept per connection; beyond this the cache starts over.
constexpr std::size_t statement_cache_limit = 256;

storage_errc category_of(int extended_code) {
    switch (extended_code & 0xFF) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return storage_errc::busy;
        case SQLITE_CONSTRAINT:
            return storage_errc::constraint;
        case SQLITE_CORRUPT:
            return storage_errc::corrupt;
        case SQLITE_NOTADB:
            return storage_errc::schema_mismatch;  // a file, but not a database of ours
        case SQLITE_CANTOPEN:
        case SQLITE_PERM:
        case SQLITE_AUTH:
        case SQLITE_READONLY:
            return storage_errc::unavailable;
        case SQLITE_IOERR:
        case SQLITE_FULL:
            return storage_errc::io;
        default:
            return storage_errc::other;
    }
}

[[noreturn]] void rethrow(const SQLite::Exception& e, const std::string& where) {
    const int code = e.getExtendedErrorCode() >= 0 ? e.getExtendedErrorCode() : e.getErrorCode();
    throw storage_error(category_of(code), std::to_string(code),
                        "SQLite (" + where + "): " + e.what());
}

std::string placeholder(std::size_t n) {
    return "?" + std::to_string(n);
}

sql::dialect make_dialect(std::vector<sql::migration> steps) {
    return sql::dialect{
        &placeholder,
        "",
        true,
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1",
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%'",
        std::move(steps),
    };
}

class sqlite_connection final : public sql::connection {
  public:
    explicit sqlite_connection(const sqlite_options& o) try
        : db_(o.path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
              static_cast<int>(o.busy_timeout.count())),
          where_(o.path) {
        db_.exec("PRAGMA foreign_keys = ON");
        const std::string mode = db_.execAndGet("PRAGMA journal_mode = WAL").getString();
        if (o.path != ":memory:" && mode != "wal") {
            throw storage_error(storage_errc::unavailable, "",
                                "SQLite (" + o.path + "): cannot use WAL mode (got " + mode + ")");
        }
        db_.exec(o.full_sync ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
    } catch (const SQLite::Exception& e) {
        rethrow(e, o.path);
    }

    /// Refuses a database another application marked as its own.
    void check_application_id() {
        const auto id = guard([&] { return db_.execAndGet("PRAGMA application_id").getInt64(); });
        if (id != 0 && id != application_id) {
            throw storage_error(storage_errc::schema_mismatch, "",
                                where_ + " is not a TheraCore database (application_id " +
                                    std::to_string(id) + ")");
        }
    }

    void begin(access_mode mode) override {
        // IMMEDIATE takes the write lock now, so that revision checks and writes cannot be
        // interleaved with another writer's, and a busy database fails here, not mid-way.
        guard([&] { db_.exec(mode == access_mode::read_write ? "BEGIN IMMEDIATE" : "BEGIN"); });
    }

    void commit() override {
        guard([&] { db_.exec("COMMIT"); });
    }

    void rollback() noexcept override {
        // Some errors (SQLITE_FULL, SQLITE_IOERR) end the transaction on their own.
        if (sqlite3_get_autocommit(db_.getHandle()) == 0) {
            db_.tryExec("ROLLBACK");
        }
    }

    [[nodiscard]] bool healthy() const noexcept override {
        // An SQLite connection does not break; for ":memory:" it *is* the database.
        return true;
    }

    std::int64_t execute(const std::string& text, const std::vector<sql::value>& params) override {
        return guard([&] {
            auto& st = prepare(text, params);
            reset_on_exit reset{st};
            return std::int64_t{st.exec()};
        });
    }

    std::vector<sql::row> select(const std::string& text,
                                 const std::vector<sql::value>& params) override {
        return guard([&] {
            auto& st = prepare(text, params);
            reset_on_exit reset{st};
            std::vector<sql::row> rows;
            const int n = st.getColumnCount();
            while (st.executeStep()) {
                sql::row r;
                r.reserve(static_cast<std::size_t>(n));
                for (int i = 0; i < n; ++i) {
                    const auto col = st.getColumn(i);
                    r.push_back(col.isNull() ? std::nullopt
                                             : std::optional<std::string>(col.getString()));
                }
                rows.push_back(std::move(r));
            }
            return rows;
        });
    }

    void execute_script(const std::string& text) override {
        guard([&] { db_.exec(text); });
    }

    /// Resets a statement after use, so that it holds no read snapshot open.
    struct reset_on_exit {
        SQLite::Statement& st;
        ~reset_on_exit() { st.tryReset(); }
    };

    /// Runs `f`, turning SQLite's exceptions into storage_error.
    template <class F>
    auto guard(F&& f) -> decltype(f()) {
        try {
            return f();
        } catch (const SQLite::Exception& e) {
            rethrow(e, where_);
        }
    }

    /// The prepared statement for `text` (prepared once per connection), without bindings.
    SQLite::Statement& statement(const std::string& text) {
        auto it = statements_.find(text);
        if (it == statements_.end()) {
            if (statements_.size() >= statement_cache_limit) {
                statements_.clear();
            }
            it = statements_.emplace(text, std::make_unique<SQLite::Statement>(db_, text)).first;
        }
        it->second->clearBindings();
        return *it->second;
    }

  private:
    SQLite::Statement& prepare(const std::string& text, const std::vector<sql::value>& params) {
        auto& st = statement(text);
        for (std::size_t i = 0; i < params.size(); ++i) {
            const int index = static_cast<int>(i + 1);
            if (const auto* s = std::get_if<std::string>(&params[i])) {
                st.bind(index, *s);
            } else if (const auto* n = std::get_if<std::int64_t>(&params[i])) {
                st.bind(index, *n);
            } else {
                st.bind(index);
            }
        }
        return st;
    }

    SQLite::Database db_;
    std::string where_;
    std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements_;
};

class sqlite_backend final : public sql::sql_backend {
  public:
    sqlite_backend(sql::dialect d, std::unique_ptr<sql::pool> p)
        : sql_backend("sqlite", std::move(d), std::move(p)) {}

  protected:
    /// The bulk path (`insert_all`): one prepared statement per table, prepared once and
    /// stepped for every row with its values bound in place (no copies), inside the caller's
    /// transaction. SQLite has no COPY; this is as close as it gets.
    void do_insert_many(transaction_state& tx, const std::vector<stored_record>& records) override {
        auto& c = static_cast<sqlite_connection&>(conn(tx));
        c.guard([&] {
            // Records of one batch usually share their bookkeeping: encode it once.
            const record_meta* last_meta = nullptr;
            std::string created_at;
            std::string updated_at;
            for (const auto& r : records) {
                if (last_meta == nullptr || !same_stamps(*last_meta, r.meta)) {
                    created_at = encode_instant(r.meta.created_at);
                    updated_at = encode_instant(r.meta.updated_at);
                    last_meta = &r.meta;
                }
                if (r.meta.deleted) {  // never in a batch of new records; keep the general path
                    if (!do_insert(tx, r)) {
                        throw conflict(detail::describe_key(r.kind, r.id) + " already exists");
                    }
                    continue;
                }
                const table* t = dedicated(r.kind);
                {
                    // Scoped: the statement cache may start over when the next one is prepared.
                    auto& st = c.statement(t != nullptr ? t->insert : insert_record_sql());
                    sqlite_connection::reset_on_exit reset{st};
                    int at = 1;
                    if (t == nullptr) {
                        st.bindNoCopy(at++, r.kind);
                    }
                    st.bindNoCopy(at++, r.id);
                    st.bind(at++, r.meta.revision);
                    st.bindNoCopy(at++, r.payload);
                    st.bindNoCopy(at++, created_at);
                    st.bindNoCopy(at++, r.meta.created_by);
                    st.bindNoCopy(at++, updated_at);
                    st.bindNoCopy(at++, r.meta.updated_by);
                    st.bind(at++);
                    st.bind(at++);
                    st.bind(at++);
                    if (t != nullptr) {
                        for (const auto* v : column_values(*t, r)) {
                            st.bindNoCopy(at++, *v);
                        }
                    }
                    if (st.exec() == 0) {
                        throw conflict(detail::describe_key(r.kind, r.id) + " already exists");
                    }
                }
                if (t != nullptr) {
                    continue;
                }
                auto& ix = c.statement(insert_index_sql());
                for (const auto& e : r.index) {
                    sqlite_connection::reset_on_exit reset_index{ix};
                    ix.bindNoCopy(1, r.kind);
                    ix.bindNoCopy(2, r.id);
                    ix.bindNoCopy(3, e.name);
                    ix.bindNoCopy(4, e.value);
                    ix.exec();
                }
            }
        });
    }

  private:
    static bool same_stamps(const record_meta& a, const record_meta& b) {
        return a.created_at == b.created_at && a.updated_at == b.updated_at;
    }
};

}  // namespace

namespace sqlite_detail {

std::vector<sql::migration> migrations() {
    auto v1 = sql::schema_v1("TEXT", "INTEGER", "INTEGER PRIMARY KEY AUTOINCREMENT");
    v1.push_back("PRAGMA application_id = " + std::to_string(application_id));
    return {sql::migration{1, std::move(v1)}, sql::migration{2, sql::schema_v2("TEXT", "INTEGER")}};
}

std::unique_ptr<store> open(const sqlite_options& options,
                            const std::vector<sql::migration>& steps) {
    if (options.path.empty()) {
        throw validation_error("invalid sqlite_options",
                               {{"path", "required (a file, or \":memory:\")"}});
    }
    const bool in_memory = options.path == ":memory:";
    auto first = std::make_unique<sqlite_connection>(options);
    first->check_application_id();
    sql::migrate(*first, make_dialect(steps), steps, options.path, {});
    auto connections = std::make_unique<sql::pool>(
        [options] { return std::make_unique<sqlite_connection>(options); },
        in_memory ? 1 : options.max_connections, options.busy_timeout);
    connections->add(std::move(first));
    return std::make_unique<store>(
        std::make_unique<sqlite_backend>(make_dialect(steps), std::move(connections)));
}

}  // namespace sqlite_detail

std::unique_ptr<store> make_sqlite_store(const sqlite_options& options) {
    return sqlite_detail::open(options, sqlite_detail::migrations());
}

std::unique_ptr<store> make_sqlite_store(const std::string& path) {
    sqlite_options o;
    o.path = path;
    return make_sqlite_store(o);
}

}  // namespace storage
THERACORE_NAMESPACE_END
