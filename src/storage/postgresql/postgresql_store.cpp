// SPDX-License-Identifier: Apache-2.0
// The PostgreSQL backend: libpq connections behind the shared SQL store, plus COPY for bulk
// inserts.
#include <theracore/storage/postgresql.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <libpq-fe.h>

#include "common/sql_store.hpp"

THERACORE_NAMESPACE_BEGIN
namespace storage {
namespace {

/// Advisory-lock class of TheraCore migrations ("THRC"); the second key is the schema's hash.
constexpr const char* migration_lock = "SELECT pg_advisory_xact_lock(1414026819, hashtext($1))";
constexpr std::size_t statement_cache_limit = 256;
constexpr std::size_t copy_chunk = std::size_t{1} << 20;

storage_errc category_of(const std::string& sqlstate, bool connection_lost) {
    if (connection_lost || sqlstate.rfind("08", 0) == 0 || sqlstate.rfind("28", 0) == 0 ||
        sqlstate == "3D000" || sqlstate == "57P01" || sqlstate == "57P03") {
        return storage_errc::unavailable;
    }
    if (sqlstate.rfind("23", 0) == 0) {
        return storage_errc::constraint;
    }
    if (sqlstate == "55P03" || sqlstate == "57014") {  // lock not available, statement timeout
        return storage_errc::busy;
    }
    if (sqlstate.rfind("53", 0) == 0 || sqlstate.rfind("58", 0) == 0) {
        return storage_errc::io;
    }
    if (sqlstate == "XX001" || sqlstate == "XX002") {
        return storage_errc::corrupt;
    }
    return storage_errc::other;
}

std::string placeholder(std::size_t n) {
    return "$" + std::to_string(n);
}

sql::dialect make_dialect() {
    return sql::dialect{
        &placeholder,
        " COLLATE \"C\"",
        false,
        "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND "
        "tablename = $1",
        "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()",
        // Text compares by bytes (COLLATE "C"), as in SQLite and the in-memory store, whatever
        // the database's locale.
        {sql::migration{1, sql::schema_v1("text COLLATE \"C\"", "bigint",
                                          "bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY")},
         sql::migration{2, sql::schema_v2("text COLLATE \"C\"", "bigint")}},
    };
}

/// Owns a PGresult.
class result {
  public:
    explicit result(PGresult* r = nullptr) noexcept : r_(r) {}
    result(result&& o) noexcept : r_(std::exchange(o.r_, nullptr)) {}
    result& operator=(result&& o) noexcept {
        std::swap(r_, o.r_);
        return *this;
    }
    result(const result&) = delete;
    result& operator=(const result&) = delete;
    ~result() { PQclear(r_); }
    [[nodiscard]] PGresult* get() const noexcept { return r_; }
    explicit operator bool() const noexcept { return r_ != nullptr; }

  private:
    PGresult* r_;
};

/// Appends `v` as a field of COPY's text format.
void copy_field(std::string& out, std::string_view v) {
    for (const char ch : v) {
        switch (ch) {
            case '\\':
                out += "\\\\";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                out += ch;
        }
    }
}

class pg_connection final : public sql::connection {
  public:
    explicit pg_connection(const postgresql_options& o) : c_(PQconnectdb(o.conninfo.c_str())) {
        if (c_ == nullptr) {
            throw storage_error(storage_errc::unavailable, "", "PostgreSQL: out of memory");
        }
        if (PQstatus(c_) != CONNECTION_OK) {
            const std::string why = trimmed(PQerrorMessage(c_));
            PQfinish(c_);
            throw storage_error(storage_errc::unavailable, "",
                                "PostgreSQL: cannot connect: " + why);
        }
        PQsetNoticeProcessor(
            c_, [](void*, const char*) {}, nullptr);
        if (PQsetClientEncoding(c_, "UTF8") != 0) {
            const std::string why = trimmed(PQerrorMessage(c_));
            PQfinish(c_);
            throw storage_error(storage_errc::unavailable, "", "PostgreSQL: " + why);
        }
        try {
            schema_ = quote_identifier(o.schema);
            select("SELECT set_config('search_path', $1, false)", {schema_});
        } catch (...) {
            PQfinish(c_);
            throw;
        }
    }
    ~pg_connection() override { PQfinish(c_); }
    pg_connection(const pg_connection&) = delete;
    pg_connection& operator=(const pg_connection&) = delete;

    /// The schema name, quoted as an SQL identifier.
    [[nodiscard]] const std::string& schema() const noexcept { return schema_; }

    void begin(access_mode mode) override {
        simple(mode == access_mode::read_write ? "BEGIN ISOLATION LEVEL READ COMMITTED"
                                               : "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY",
               "BEGIN");
    }

    void commit() override {
        const result r = simple("COMMIT", "COMMIT");
        // A transaction the server already aborted answers COMMIT with ROLLBACK.
        if (std::string_view(PQcmdStatus(r.get())) != "COMMIT") {
            throw conflict("PostgreSQL rolled the transaction back instead of committing it");
        }
    }

    void rollback() noexcept override {
        if (PQtransactionStatus(c_) != PQTRANS_IDLE) {
            PQclear(PQexec(c_, "ROLLBACK"));
        }
    }

    [[nodiscard]] bool healthy() const noexcept override {
        return PQstatus(c_) == CONNECTION_OK && PQtransactionStatus(c_) == PQTRANS_IDLE;
    }

    std::int64_t execute(const std::string& text, const std::vector<sql::value>& params) override {
        const result r = run(text, params);
        const char* n = PQcmdTuples(r.get());
        return n[0] == '\0' ? 0 : std::strtoll(n, nullptr, 10);
    }

    std::vector<sql::row> select(const std::string& text,
                                 const std::vector<sql::value>& params) override {
        const result r = run(text, params);
        const int rows = PQntuples(r.get());
        const int cols = PQnfields(r.get());
        std::vector<sql::row> out;
        out.reserve(static_cast<std::size_t>(rows));
        for (int i = 0; i < rows; ++i) {
            sql::row row;
            row.reserve(static_cast<std::size_t>(cols));
            for (int j = 0; j < cols; ++j) {
                if (PQgetisnull(r.get(), i, j) != 0) {
                    row.emplace_back(std::nullopt);
                } else {
                    row.emplace_back(
                        std::string(PQgetvalue(r.get(), i, j),
                                    static_cast<std::size_t>(PQgetlength(r.get(), i, j))));
                }
            }
            out.push_back(std::move(row));
        }
        return out;
    }

    void execute_script(const std::string& text) override { simple(text.c_str(), "DDL"); }

    /// Runs `command` (a `COPY … FROM STDIN`) with `data` in COPY's text format.
    void copy_in(const std::string& command, const std::string& data) {
        const result start(PQexec(c_, command.c_str()));
        if (PQresultStatus(start.get()) != PGRES_COPY_IN) {
            fail(start.get(), "COPY");
        }
        for (std::size_t at = 0; at < data.size(); at += copy_chunk) {
            const std::size_t n = std::min(copy_chunk, data.size() - at);
            if (PQputCopyData(c_, data.data() + at, static_cast<int>(n)) != 1) {
                fail(nullptr, "COPY");
            }
        }
        if (PQputCopyEnd(c_, nullptr) != 1) {
            fail(nullptr, "COPY");
        }
        result error;
        while (PGresult* r = PQgetResult(c_)) {
            result owned(r);
            if (PQresultStatus(r) != PGRES_COMMAND_OK && !error) {
                error = std::move(owned);
            }
        }
        if (error) {
            fail(error.get(), "COPY");
        }
    }

  private:
    static std::string trimmed(const char* message) {
        std::string s = message != nullptr ? message : "";
        while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) {
            s.pop_back();
        }
        return s;
    }

    std::string quote_identifier(const std::string& name) {
        char* q = PQescapeIdentifier(c_, name.c_str(), name.size());
        if (q == nullptr) {
            throw storage_error(storage_errc::other, "",
                                "PostgreSQL: " + trimmed(PQerrorMessage(c_)));
        }
        std::string out = q;
        PQfreemem(q);
        return out;
    }

    [[noreturn]] void fail(const PGresult* r, const char* what) const {
        const char* state = r != nullptr ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
        const std::string code = state != nullptr ? state : "";
        const std::string message =
            trimmed(r != nullptr ? PQresultErrorMessage(r) : PQerrorMessage(c_));
        if (code == "40001" || code == "40P01") {  // serialization failure, deadlock
            throw conflict("PostgreSQL (" + std::string(what) + "): " + message +
                           "; reload and retry");
        }
        throw storage_error(category_of(code, PQstatus(c_) != CONNECTION_OK), code,
                            "PostgreSQL (" + std::string(what) + "): " + message);
    }

    /// A statement without parameters (transaction control, fixed DDL).
    result simple(const char* text, const char* what) {
        result r(PQexec(c_, text));
        const auto status = PQresultStatus(r.get());
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            fail(r.get(), what);
        }
        return r;
    }

    /// Prepares `text` once per connection, then runs it with `params` bound.
    result run(const std::string& text, const std::vector<sql::value>& params) {
        auto it = prepared_.find(text);
        if (it == prepared_.end()) {
            if (prepared_.size() >= statement_cache_limit &&
                PQtransactionStatus(c_) != PQTRANS_INERROR) {
                simple("DEALLOCATE ALL", "DEALLOCATE");
                prepared_.clear();
            }
            const std::string name = "theracore_" + std::to_string(++counter_);
            const result p(PQprepare(c_, name.c_str(), text.c_str(),
                                     static_cast<int>(params.size()), nullptr));
            if (PQresultStatus(p.get()) != PGRES_COMMAND_OK) {
                fail(p.get(), "prepare");
            }
            it = prepared_.emplace(text, name).first;
        }
        std::vector<std::string> numbers;
        numbers.reserve(params.size());
        std::vector<const char*> values;
        values.reserve(params.size());
        for (const auto& v : params) {
            if (const auto* s = std::get_if<std::string>(&v)) {
                values.push_back(s->c_str());
            } else if (const auto* n = std::get_if<std::int64_t>(&v)) {
                numbers.push_back(std::to_string(*n));  // reserved: pointers stay valid
                values.push_back(numbers.back().c_str());
            } else {
                values.push_back(nullptr);
            }
        }
        result r(PQexecPrepared(c_, it->second.c_str(), static_cast<int>(values.size()),
                                values.data(), nullptr, nullptr, 0));
        const auto status = PQresultStatus(r.get());
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            fail(r.get(), "statement");
        }
        return r;
    }

    PGconn* c_;
    std::string schema_;
    std::unordered_map<std::string, std::string> prepared_;
    std::size_t counter_ = 0;
};

class postgresql_backend final : public sql::sql_backend {
  public:
    postgresql_backend(sql::dialect d, std::unique_ptr<sql::pool> p)
        : sql_backend("postgresql", std::move(d), std::move(p)) {}

  protected:
    /// COPY instead of one INSERT per record: the bulk path for administrations and imports.
    /// Records of a kind with a table of its own go to that table, the others to `records`
    /// and `record_index`.
    void do_insert_many(transaction_state& tx, const std::vector<stored_record>& records) override {
        auto& c = static_cast<pg_connection&>(conn(tx));
        std::string rows;
        std::string index;
        std::string own_rows;
        const table* own = nullptr;
        const auto field = [](std::string& out, std::string_view v, char end) {
            copy_field(out, v);
            out += end;
        };
        for (const auto& r : records) {
            if (r.meta.deleted) {  // never in a batch of new records; keep the general path
                if (!do_insert(tx, r)) {
                    throw conflict(detail::describe_key(r.kind, r.id) + " already exists");
                }
                continue;
            }
            const table* t = dedicated(r.kind);
            if (t != nullptr) {
                if (own != nullptr && own != t) {
                    throw storage_error(storage_errc::other, "",
                                        "a COPY batch holds records of one dedicated table");
                }
                own = t;
                field(own_rows, r.id, '\t');
                field(own_rows, std::to_string(r.meta.revision), '\t');
                field(own_rows, r.payload, '\t');
                field(own_rows, encode_instant(r.meta.created_at), '\t');
                field(own_rows, r.meta.created_by, '\t');
                field(own_rows, encode_instant(r.meta.updated_at), '\t');
                field(own_rows, r.meta.updated_by, '\t');
                const auto values = column_values(*t, r);
                for (std::size_t i = 0; i < values.size(); ++i) {
                    field(own_rows, *values[i], i + 1 == values.size() ? '\n' : '\t');
                }
                continue;
            }
            field(rows, r.kind, '\t');
            field(rows, r.id, '\t');
            field(rows, std::to_string(r.meta.revision), '\t');
            field(rows, r.payload, '\t');
            field(rows, encode_instant(r.meta.created_at), '\t');
            field(rows, r.meta.created_by, '\t');
            field(rows, encode_instant(r.meta.updated_at), '\t');
            field(rows, r.meta.updated_by, '\n');
            for (const auto& e : r.index) {
                field(index, r.kind, '\t');
                field(index, r.id, '\t');
                field(index, e.name, '\t');
                field(index, e.value, '\n');
            }
        }
        try {
            if (!rows.empty()) {
                c.copy_in(
                    "COPY records (kind, id, revision, payload, created_at, created_by, "
                    "updated_at, updated_by) FROM STDIN",
                    rows);
            }
            if (!index.empty()) {
                c.copy_in("COPY record_index (kind, record_id, name, value) FROM STDIN", index);
            }
            if (own != nullptr) {
                std::string columns;
                for (const auto& name : own->spec.columns) {
                    columns += ", " + name;
                }
                // The table and column names are fixed identifiers of the schema, not values.
                c.copy_in("COPY " + own->spec.table +
                              " (id, revision, payload, created_at, created_by, updated_at, "
                              "updated_by" +
                              columns + ") FROM STDIN",
                          own_rows);
            }
        } catch (const storage_error& e) {
            if (e.native_code() == "23505") {  // unique_violation: an id exists
                throw conflict(std::string("a record of the batch already exists: ") + e.what());
            }
            throw;
        }
    }
};

}  // namespace

std::unique_ptr<store> make_postgresql_store(const postgresql_options& options) {
    problem_list p;
    if (options.conninfo.empty()) {
        p.push_back({"conninfo", "required"});
    }
    if (options.schema.empty()) {
        p.push_back({"schema", "required"});
    }
    throw_if_invalid(p, "invalid postgresql_options");
    const auto d = make_dialect();
    auto first = std::make_unique<pg_connection>(options);
    const std::string quoted = first->schema();
    const std::string where = "PostgreSQL schema " + quoted;
    sql::migrate(*first, d, d.migrations, where, [&](sql::connection& c) {
        c.select(migration_lock, {options.schema});
        // An identifier cannot be a bound parameter; it is quoted by PQescapeIdentifier.
        c.execute_script("CREATE SCHEMA IF NOT EXISTS " + quoted);
    });
    auto connections =
        std::make_unique<sql::pool>([options] { return std::make_unique<pg_connection>(options); },
                                    options.pool_size, options.acquire_timeout);
    connections->add(std::move(first));
    return std::make_unique<store>(std::make_unique<postgresql_backend>(d, std::move(connections)));
}

std::unique_ptr<store> make_postgresql_store(const std::string& conninfo) {
    postgresql_options o;
    o.conninfo = conninfo;
    return make_postgresql_store(o);
}

}  // namespace storage
THERACORE_NAMESPACE_END
