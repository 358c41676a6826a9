// SPDX-License-Identifier: Apache-2.0
// Storage benchmarks (docs/performance.md, target 4), each beside its baseline in the same run:
//
//   SqliteBulkInsert/Store       insert_all of N scored administrations (answers + scores) into
//                                a new SQLite file, committed (synchronous=FULL, WAL)
//   SqliteBulkInsert/Raw         the same rows, already encoded, inserted with one prepared
//                                statement reused in one transaction: the floor for that table
//   SqliteTrajectory/Store       begin, client_trajectory (one client's PHQ-9, oldest first,
//                                decoded), commit, in a file of 10^6 administrations
//   SqliteTrajectory/RawDecoded  the same rows by a hand-written indexed query, decoded with
//                                the same codec
//   SqliteTrajectory/RawRows     the same query, rows copied out and not decoded
//   PostgresBulkInsert/Store     insert_all (COPY) of N administrations, committed
//   PostgresBulkInsert/RawCopy   the same rows, already encoded, by one COPY
//
// Targets: Store ≥ 50 % of Raw and ≥ 100,000 administrations/s for SQLite bulk insertion; a
// trajectory in < 1 ms (median) and within 2× of the raw indexed query; ≥ 50,000
// administrations/s through COPY. benchmarks/storage/storage_targets.py runs this binary with
// repetitions and prints the medians and ratios against the targets.
//
// Environment: THERACORE_BENCH_DIR (default: the system temp dir) keeps the 10^6-row file
// between runs (building it takes a minute); THERACORE_TEST_POSTGRES_DSN enables PostgreSQL.
#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <theracore/instruments/builtin_catalog.hpp>
#include <theracore/storage/records.hpp>
#include <theracore/storage/sqlite.hpp>

#ifdef THERACORE_BENCH_HAVE_POSTGRESQL
#include <libpq-fe.h>

#include <theracore/storage/postgresql.hpp>
#endif

namespace {

using namespace theracore;
namespace fs = std::filesystem;
using clock_type = std::chrono::steady_clock;

const storage::actor bench{"bench"};

/// Administrations per client in the trajectory database: 10 PHQ-9 and 10 GAD-7.
constexpr std::size_t per_client = 20;
constexpr std::size_t trajectory_rows = 1000000;

std::string client_name(std::size_t i) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "c-%07zu", i);
    return buf;
}

/// Administration `i` of a synthetic population: client i / 20, alternating PHQ-9 and GAD-7,
/// weekly, answers from a fixed pseudo-random sequence, scored by the built-in definitions.
instruments::administration synthetic(std::size_t i) {
    static const auto& phq9 = instruments::builtin_catalog().at("phq9");
    static const auto& gad7 = instruments::builtin_catalog().at("gad7");
    const auto& inst = i % 2 == 0 ? phq9 : gad7;
    std::uint64_t x = i * 6364136223846793005ULL + 1442695040888963407ULL;
    std::vector<instruments::answer> answers;
    for (std::size_t k = 0; k < inst.items().size(); ++k) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        answers.emplace_back(static_cast<double>((x >> 33) % 4));
    }
    const std::size_t client = i / per_client;
    const auto week = static_cast<long>((i % per_client) / 2);
    const instant when = instant(date(2023, 1, 2)) + boost::posix_time::hours(24 * 7 * week) +
                         boost::posix_time::minutes(static_cast<long>(i % 2));
    auto a = administer(inst, administration_id("a-" + std::to_string(i)),
                        client_id(client_name(client)), when,
                        instruments::responses::ordered(std::move(answers)));
    a.administered_by = clinician_id("k-ada");
    a.episode = episode_id("e-" + std::to_string(client));
    return a;
}

std::vector<instruments::administration> synthetic_batch(std::size_t first, std::size_t n) {
    std::vector<instruments::administration> out;
    out.reserve(n);
    for (std::size_t i = first; i < first + n; ++i) {
        out.push_back(synthetic(i));
    }
    return out;
}

/// A batch of `n` administrations, made once per size.
const std::vector<instruments::administration>& batch_of(std::size_t n) {
    static std::map<std::size_t, std::vector<instruments::administration>> cache;
    auto it = cache.find(n);
    if (it == cache.end()) {
        it = cache.emplace(n, synthetic_batch(0, n)).first;
    }
    return it->second;
}

/// The rows the store writes for `batch`, encoded in advance: what the raw baselines insert.
struct encoded_row {
    std::string id, payload, client, instrument, administered;
};

std::vector<encoded_row> encode_rows(const std::vector<instruments::administration>& batch) {
    std::vector<encoded_row> rows;
    rows.reserve(batch.size());
    for (const auto& a : batch) {
        rows.push_back({a.id.str(), storage::record_traits<instruments::administration>::encode(a),
                        a.client.str(), a.instrument, storage::encode_instant(a.administered_at)});
    }
    return rows;
}

/// Seconds of CPU this process used since `start` (std::clock): on a shared machine the wall
/// time of a region includes waiting for a core, its CPU time does not (nor disk waits).
double cpu_since(std::clock_t start) {
    return static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
}

/// Reports items per CPU-second of the timed regions beside Google Benchmark's wall-clock rate.
void report_cpu_rate(benchmark::State& state, double cpu_seconds) {
    if (cpu_seconds > 0) {
        state.counters["cpu_items_per_second"] =
            static_cast<double>(state.iterations() * state.range(0)) / cpu_seconds;
    }
}

fs::path bench_dir() {
    const char* env = std::getenv("THERACORE_BENCH_DIR");
    fs::path dir = env != nullptr && *env != '\0' ? fs::path(env)
                                                  : fs::temp_directory_path() / "theracore-bench";
    fs::create_directories(dir);
    return dir;
}

void remove_database(const fs::path& file) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        std::error_code ec;
        fs::remove(file.string() + suffix, ec);
    }
}

void check(int rc, sqlite3* db, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
    }
}

/// An SQLite connection set up as the store sets up its own (WAL, synchronous=FULL).
struct raw_sqlite {
    sqlite3* db = nullptr;
    explicit raw_sqlite(const fs::path& file) {
        check(sqlite3_open(file.c_str(), &db), db, "open");
        check(sqlite3_exec(db,
                           "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; "
                           "PRAGMA synchronous = FULL",
                           nullptr, nullptr, nullptr),
              db, "pragmas");
    }
    ~raw_sqlite() { sqlite3_close(db); }
    raw_sqlite(const raw_sqlite&) = delete;
    raw_sqlite& operator=(const raw_sqlite&) = delete;
    void exec(const char* sql) const {
        check(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), db, sql);
    }
};

// ----- SQLite bulk insertion ------------------------------------------------------------------

void SqliteBulkInsert_Store(benchmark::State& state) {
    const auto& batch = batch_of(static_cast<std::size_t>(state.range(0)));
    const fs::path file = bench_dir() / "bulk-store.theracore";
    double cpu = 0;
    for (auto _ : state) {
        remove_database(file);
        auto db = storage::make_sqlite_store(file.string());
        const auto start = clock_type::now();
        const std::clock_t cpu_start = std::clock();
        db->transact(bench, [&](storage::transaction& tx) { tx.insert_all(batch); });
        state.SetIterationTime(std::chrono::duration<double>(clock_type::now() - start).count());
        cpu += cpu_since(cpu_start);
    }
    remove_database(file);
    state.SetItemsProcessed(state.iterations() * state.range(0));
    report_cpu_rate(state, cpu);
}

void SqliteBulkInsert_Raw(benchmark::State& state) {
    const auto rows = encode_rows(batch_of(static_cast<std::size_t>(state.range(0))));
    const fs::path file = bench_dir() / "bulk-raw.theracore";
    const std::string stamp = storage::encode_instant(instant(date(2025, 1, 15)));
    double cpu = 0;
    for (auto _ : state) {
        remove_database(file);
        storage::make_sqlite_store(file.string()).reset();  // the store's own schema
        raw_sqlite raw(file);
        const auto start = clock_type::now();
        const std::clock_t cpu_start = std::clock();
        raw.exec("BEGIN IMMEDIATE");
        sqlite3_stmt* st = nullptr;
        check(sqlite3_prepare_v2(raw.db,
                                 "INSERT INTO administrations (id, revision, payload, created_at, "
                                 "created_by, updated_at, updated_by, deleted_at, deleted_by, "
                                 "delete_reason, client, instrument, administered) VALUES (?1, 1, "
                                 "?2, ?3, ?4, ?3, ?4, NULL, NULL, NULL, ?5, ?6, ?7)",
                                 -1, &st, nullptr),
              raw.db, "prepare");
        for (const auto& r : rows) {
            sqlite3_bind_text(st, 1, r.id.data(), static_cast<int>(r.id.size()), SQLITE_STATIC);
            sqlite3_bind_text(st, 2, r.payload.data(), static_cast<int>(r.payload.size()),
                              SQLITE_STATIC);
            sqlite3_bind_text(st, 3, stamp.data(), static_cast<int>(stamp.size()), SQLITE_STATIC);
            sqlite3_bind_text(st, 4, "bench", 5, SQLITE_STATIC);
            sqlite3_bind_text(st, 5, r.client.data(), static_cast<int>(r.client.size()),
                              SQLITE_STATIC);
            sqlite3_bind_text(st, 6, r.instrument.data(), static_cast<int>(r.instrument.size()),
                              SQLITE_STATIC);
            sqlite3_bind_text(st, 7, r.administered.data(), static_cast<int>(r.administered.size()),
                              SQLITE_STATIC);
            check(sqlite3_step(st), raw.db, "insert");
            sqlite3_reset(st);
        }
        sqlite3_finalize(st);
        raw.exec("COMMIT");
        state.SetIterationTime(std::chrono::duration<double>(clock_type::now() - start).count());
        cpu += cpu_since(cpu_start);
    }
    remove_database(file);
    state.SetItemsProcessed(state.iterations() * state.range(0));
    report_cpu_rate(state, cpu);
}

BENCHMARK(SqliteBulkInsert_Store)->Arg(20000)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(SqliteBulkInsert_Raw)->Arg(20000)->UseManualTime()->Unit(benchmark::kMillisecond);

// ----- SQLite trajectory in 10^6 administrations ----------------------------------------------

/// The file with 10^6 administrations (50,000 clients × 20), built through the store once.
const fs::path& trajectory_file() {
    static const fs::path file = [] {
        const fs::path f = bench_dir() / "trajectory-1000000.theracore";
        if (fs::exists(f)) {
            raw_sqlite raw(f);
            sqlite3_stmt* st = nullptr;
            std::int64_t n = 0;
            if (sqlite3_prepare_v2(raw.db, "SELECT count(*) FROM administrations", -1, &st,
                                   nullptr) == SQLITE_OK &&
                sqlite3_step(st) == SQLITE_ROW) {
                n = sqlite3_column_int64(st, 0);
            }
            sqlite3_finalize(st);
            if (n == static_cast<std::int64_t>(trajectory_rows)) {
                return f;
            }
        }
        remove_database(f);
        auto db = storage::make_sqlite_store(f.string());
        constexpr std::size_t chunk = 50000;
        for (std::size_t first = 0; first < trajectory_rows; first += chunk) {
            const auto batch = synthetic_batch(first, chunk);
            db->transact(bench, [&](storage::transaction& tx) { tx.insert_all(batch); });
        }
        return f;
    }();
    return file;
}

/// Clients in a scattered order, so that consecutive queries touch different pages.
std::string nth_client(std::size_t k) {
    const std::size_t clients = trajectory_rows / per_client;
    return client_name((k * 7919) % clients);
}

void SqliteTrajectory_Store(benchmark::State& state) {
    auto db = storage::make_sqlite_store(trajectory_file().string());
    std::size_t k = 0;
    std::size_t rows = 0;
    for (auto _ : state) {
        auto tx = db->begin(bench, storage::access_mode::read_only);
        const auto series = storage::client_trajectory(tx, client_id(nth_client(k++)), "phq9");
        tx.commit();
        rows += series.size();
        benchmark::DoNotOptimize(series.data());
    }
    state.counters["rows_per_query"] = static_cast<double>(rows) / static_cast<double>(k);
}

void SqliteTrajectories_Store(benchmark::State& state) {
    auto db = storage::make_sqlite_store(trajectory_file().string());
    std::size_t k = 0;
    for (auto _ : state) {
        auto tx = db->begin(bench, storage::access_mode::read_only);
        const auto all = storage::client_trajectories(tx, client_id(nth_client(k++)));
        tx.commit();
        benchmark::DoNotOptimize(all.size());
    }
}

/// The hand-written query: the rows client_trajectory returns, by the table's index.
template <bool Decode>
void SqliteTrajectory_Raw(benchmark::State& state) {
    raw_sqlite raw(trajectory_file());
    sqlite3_stmt* st = nullptr;
    check(sqlite3_prepare_v2(raw.db,
                             "SELECT payload FROM administrations WHERE client = ?1 AND "
                             "instrument = ?2 AND deleted_at IS NULL ORDER BY administered, id",
                             -1, &st, nullptr),
          raw.db, "prepare");
    std::size_t k = 0;
    for (auto _ : state) {
        const std::string client = nth_client(k++);
        sqlite3_bind_text(st, 1, client.data(), static_cast<int>(client.size()), SQLITE_STATIC);
        sqlite3_bind_text(st, 2, "phq9", 4, SQLITE_STATIC);
        std::vector<instruments::administration> decoded;
        std::vector<std::string> rows;
        while (sqlite3_step(st) == SQLITE_ROW) {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
            std::string payload(text, static_cast<std::size_t>(sqlite3_column_bytes(st, 0)));
            if constexpr (Decode) {
                decoded.push_back(
                    storage::record_traits<instruments::administration>::decode(payload));
            } else {
                rows.push_back(std::move(payload));
            }
        }
        sqlite3_reset(st);
        benchmark::DoNotOptimize(decoded.data());
        benchmark::DoNotOptimize(rows.data());
    }
    sqlite3_finalize(st);
}

void SqliteTrajectory_RawDecoded(benchmark::State& state) {
    SqliteTrajectory_Raw<true>(state);
}
void SqliteTrajectory_RawRows(benchmark::State& state) {
    SqliteTrajectory_Raw<false>(state);
}

BENCHMARK(SqliteTrajectory_Store)->Unit(benchmark::kMicrosecond);
BENCHMARK(SqliteTrajectory_RawDecoded)->Unit(benchmark::kMicrosecond);
BENCHMARK(SqliteTrajectory_RawRows)->Unit(benchmark::kMicrosecond);
BENCHMARK(SqliteTrajectories_Store)->Unit(benchmark::kMicrosecond);

// ----- PostgreSQL COPY --------------------------------------------------------------------------

#ifdef THERACORE_BENCH_HAVE_POSTGRESQL

std::string postgres_dsn() {
    const char* dsn = std::getenv("THERACORE_TEST_POSTGRES_DSN");
    return dsn != nullptr ? dsn : "";
}

/// A libpq connection to the benchmark schema, for the raw baseline and for emptying tables.
struct raw_postgres {
    PGconn* c;
    explicit raw_postgres(const std::string& schema) : c(PQconnectdb(postgres_dsn().c_str())) {
        if (PQstatus(c) != CONNECTION_OK) {
            throw std::runtime_error(PQerrorMessage(c));
        }
        exec("SET search_path TO " + schema);
    }
    ~raw_postgres() { PQfinish(c); }
    raw_postgres(const raw_postgres&) = delete;
    raw_postgres& operator=(const raw_postgres&) = delete;
    void exec(const std::string& sql) const {
        PGresult* r = PQexec(c, sql.c_str());
        const auto s = PQresultStatus(r);
        const std::string error = PQresultErrorMessage(r);
        PQclear(r);
        if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK) {
            throw std::runtime_error(sql + ": " + error);
        }
    }
    void copy(const std::string& command, const std::string& data) const {
        PGresult* r = PQexec(c, command.c_str());
        const bool ok = PQresultStatus(r) == PGRES_COPY_IN;
        PQclear(r);
        if (!ok || PQputCopyData(c, data.data(), static_cast<int>(data.size())) != 1 ||
            PQputCopyEnd(c, nullptr) != 1) {
            throw std::runtime_error(std::string("COPY: ") + PQerrorMessage(c));
        }
        while (PGresult* res = PQgetResult(c)) {
            const bool failed = PQresultStatus(res) != PGRES_COMMAND_OK;
            PQclear(res);
            if (failed) {
                throw std::runtime_error(std::string("COPY: ") + PQerrorMessage(c));
            }
        }
    }
};

/// A schema of its own for this run, dropped at exit.
const std::string& postgres_schema() {
    static const std::string name = [] {
        const std::string n =
            "theracore_bench_" +
            std::to_string(clock_type::now().time_since_epoch().count() % 1000000007);
        storage::postgresql_options o;
        o.conninfo = postgres_dsn();
        o.schema = n;
        storage::make_postgresql_store(o).reset();  // creates and migrates it
        std::atexit([] {
            try {
                raw_postgres("public").exec("DROP SCHEMA IF EXISTS " + postgres_schema() +
                                            " CASCADE");
            } catch (...) {
            }
        });
        return n;
    }();
    return name;
}

void PostgresBulkInsert_Store(benchmark::State& state) {
    if (postgres_dsn().empty()) {
        state.SkipWithError("THERACORE_TEST_POSTGRES_DSN is not set");
        return;
    }
    const auto& batch = batch_of(static_cast<std::size_t>(state.range(0)));
    storage::postgresql_options o;
    o.conninfo = postgres_dsn();
    o.schema = postgres_schema();
    auto db = storage::make_postgresql_store(o);
    raw_postgres raw(o.schema);
    double cpu = 0;
    for (auto _ : state) {
        raw.exec("TRUNCATE administrations");
        const auto start = clock_type::now();
        const std::clock_t cpu_start = std::clock();
        db->transact(bench, [&](storage::transaction& tx) { tx.insert_all(batch); });
        state.SetIterationTime(std::chrono::duration<double>(clock_type::now() - start).count());
        cpu += cpu_since(cpu_start);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
    report_cpu_rate(state, cpu);
}

void PostgresBulkInsert_RawCopy(benchmark::State& state) {
    if (postgres_dsn().empty()) {
        state.SkipWithError("THERACORE_TEST_POSTGRES_DSN is not set");
        return;
    }
    const auto rows = encode_rows(batch_of(static_cast<std::size_t>(state.range(0))));
    raw_postgres raw(postgres_schema());
    const std::string stamp = storage::encode_instant(instant(date(2025, 1, 15)));
    // COPY's text format: tabs, newlines and backslashes escaped.
    const auto field = [](std::string& out, const std::string& v, char end) {
        for (const char ch : v) {
            if (ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r') {
                out += '\\';
                out += ch == '\t' ? 't' : ch == '\n' ? 'n' : ch == '\r' ? 'r' : '\\';
            } else {
                out += ch;
            }
        }
        out += end;
    };
    std::string data;
    for (const auto& r : rows) {
        field(data, r.id, '\t');
        field(data, "1", '\t');
        field(data, r.payload, '\t');
        field(data, stamp, '\t');
        field(data, "bench", '\t');
        field(data, stamp, '\t');
        field(data, "bench", '\t');
        field(data, r.client, '\t');
        field(data, r.instrument, '\t');
        field(data, r.administered, '\n');
    }
    double cpu = 0;
    for (auto _ : state) {
        raw.exec("TRUNCATE administrations");
        const auto start = clock_type::now();
        const std::clock_t cpu_start = std::clock();
        raw.exec("BEGIN");
        raw.copy(
            "COPY administrations (id, revision, payload, created_at, created_by, updated_at, "
            "updated_by, client, instrument, administered) FROM STDIN",
            data);
        raw.exec("COMMIT");
        state.SetIterationTime(std::chrono::duration<double>(clock_type::now() - start).count());
        cpu += cpu_since(cpu_start);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
    report_cpu_rate(state, cpu);
}

BENCHMARK(PostgresBulkInsert_Store)->Arg(20000)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(PostgresBulkInsert_RawCopy)->Arg(20000)->UseManualTime()->Unit(benchmark::kMillisecond);

#endif

}  // namespace

BENCHMARK_MAIN();
