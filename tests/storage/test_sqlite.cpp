// SPDX-License-Identifier: Apache-2.0
// What is particular to the SQLite store (theracore/storage/sqlite.hpp): the file, its schema
// and migrations, locking, several processes, and durability when a process is killed.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <theracore/io/json.hpp>
#include <theracore/storage/records.hpp>
#include <theracore/storage/sqlite.hpp>

#include "sqlite/sqlite_store.hpp"
#include "support/builders.hpp"
#include "support/storage_builders.hpp"
#include "support/storage_records_builders.hpp"

using namespace theracore;
using namespace theracore::storage;
namespace t = theracore::test;

namespace {

using theracore::test::ada;

std::string raw_text(const std::string& file, const std::string& sql) {
    SQLite::Database db(file, SQLite::OPEN_READONLY);
    return db.execAndGet(sql).getString();
}

void raw_exec(const std::string& file, const std::string& sql) {
    SQLite::Database db(file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(sql);
}

void expect_open_fails(const sqlite_options& o, storage_errc category, const std::string& fragment,
                       const std::vector<sql::migration>* steps = nullptr) {
    try {
        if (steps != nullptr) {
            (void)sqlite_detail::open(o, *steps);
        } else {
            (void)make_sqlite_store(o);
        }
        ADD_FAILURE() << "expected storage_error opening " << o.path;
    } catch (const storage_error& e) {
        EXPECT_EQ(e.category(), category) << e.what();
        EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
    }
}

sqlite_options at_path(const std::string& path) {
    sqlite_options o;
    o.path = path;
    return o;
}

/// Runs `body` in a child process, which ends with `_exit(body())`.
pid_t spawn(const std::function<int()>& body) {
    const pid_t pid = fork();
    if (pid == 0) {
        int rc = 3;
        try {
            rc = body();
        } catch (const std::exception& e) {
            std::fprintf(stderr, "child: %s\n", e.what());
        }
        _exit(rc);
    }
    return pid;
}

int exit_code(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST(SqliteStore, NamesItselfAndNeedsAPath) {
    EXPECT_EQ(make_sqlite_store(":memory:")->backend(), "sqlite");
    EXPECT_THROW((void)make_sqlite_store(""), validation_error);
}

TEST(SqliteStore, ANewFileUsesWalForeignKeysAndTheCurrentSchema) {
    t::temp_dir dir;
    const auto file = dir.file("clinic.theracore");
    { auto db = make_sqlite_store(file); }
    EXPECT_EQ(raw_text(file, "PRAGMA journal_mode"), "wal");
    EXPECT_EQ(raw_text(file, "SELECT version FROM theracore_schema"),
              std::to_string(sql_schema_version));
    EXPECT_EQ(raw_text(file, "PRAGMA application_id"), std::to_string(0x54485243));
    EXPECT_EQ(raw_text(file, "SELECT on_delete FROM pragma_foreign_key_list('record_index')"),
              "CASCADE");
}

TEST(SqliteStore, CommittedRecordsSurviveReopening) {
    t::temp_dir dir;
    const auto file = dir.file("clinic.theracore");
    {
        auto db = make_sqlite_store(file);
        db->transact(ada, [](transaction& tx) {
            tx.insert(t::full_client());
            tx.insert(t::closed_episode());
        });
        auto tx = db->begin(ada);
        tx.insert(t::minimal_client());  // never committed
    }
    auto db = make_sqlite_store(file);
    auto tx = db->begin(ada, access_mode::read_only);
    EXPECT_EQ(tx.get<client>(client_id("c-zoe")).value, t::full_client());
    EXPECT_EQ(tx.get<care_episode>(episode_id("e-100")).value, t::closed_episode());
    EXPECT_FALSE(tx.find<client>(client_id("c-lee")).has_value());
    EXPECT_EQ(tx.query(episodes_of_client(client_id("c-lee"))).size(), 1u);
}

TEST(SqliteStore, RecordsAreJsonAndTheirIndexRowsGoWithThem) {
    t::temp_dir dir;
    const auto file = dir.file("clinic.theracore");
    auto db = make_sqlite_store(file);
    db->transact(ada, [](transaction& tx) { tx.insert(t::full_client()); });
    EXPECT_EQ(raw_text(file, "SELECT payload FROM records WHERE kind = 'client' AND id = 'c-zoe'"),
              io::to_json_string(t::full_client()));
    EXPECT_NE(raw_text(file, "SELECT count(*) FROM record_index WHERE record_id = 'c-zoe'"), "0");
    db->transact(ada, [](transaction& tx) { tx.purge<client>(client_id("c-zoe"), 1, "test"); });
    EXPECT_EQ(raw_text(file, "SELECT count(*) FROM record_index WHERE record_id = 'c-zoe'"), "0")
        << "ON DELETE CASCADE works: foreign keys are on";
    EXPECT_EQ(raw_text(file, "SELECT count(*) FROM journal WHERE category = 'purge'"), "1");
}

TEST(SqliteStore, AFileFromANewerSchemaIsRefused) {
    t::temp_dir dir;
    const auto file = dir.file("clinic.theracore");
    { auto db = make_sqlite_store(file); }
    raw_exec(file, "UPDATE theracore_schema SET version = 99");
    expect_open_fails(at_path(file), storage_errc::schema_mismatch,
                      "written by a newer TheraCore (storage schema 99); this library supports up "
                      "to " +
                          std::to_string(sql_schema_version));
}

TEST(SqliteStore, FilesThatAreNotTheraCoreDatabasesAreRefused) {
    t::temp_dir dir;
    const auto other_app = dir.file("other.db");
    raw_exec(other_app, "CREATE TABLE patients (id INTEGER)");
    expect_open_fails(at_path(other_app), storage_errc::schema_mismatch,
                      "is not a TheraCore database");

    const auto marked = dir.file("marked.db");
    raw_exec(marked, "PRAGMA application_id = 42");
    expect_open_fails(at_path(marked), storage_errc::schema_mismatch, "application_id 42");

    const auto text = dir.file("notes.txt");
    std::ofstream(text) << "These are not the records you are looking for.\n"
                        << std::string(4096, 'x');
    expect_open_fails(at_path(text), storage_errc::schema_mismatch, "SQLite");

    expect_open_fails(at_path(dir.file("no/such/dir/clinic.theracore")), storage_errc::unavailable,
                      "SQLite");
}

TEST(SqliteStore, MigrationsApplyOnlyTheMissingStepsInOrder) {
    t::temp_dir dir;
    const auto file = dir.file("clinic.theracore");
    const int next = sql_schema_version + 1;
    auto steps = sqlite_detail::migrations();
    steps.push_back({next, {"CREATE TABLE extra_next (x INTEGER)"}});
    {
        auto db = sqlite_detail::open(at_path(file), steps);
        db->transact(ada, [](transaction& tx) { tx.insert(t::full_client()); });
    }
    EXPECT_EQ(raw_text(file, "SELECT version FROM theracore_schema"), std::to_string(next));
    // A step that ran already would fail if run again (the table exists): only the last runs.
    steps.push_back(
        {next + 1, {"CREATE TABLE extra_after (x INTEGER)", "INSERT INTO extra_next VALUES (3)"}});
    {
        auto db = sqlite_detail::open(at_path(file), steps);
        auto tx = db->begin(ada, access_mode::read_only);
        EXPECT_EQ(tx.get<client>(client_id("c-zoe")).value, t::full_client());
    }
    EXPECT_EQ(raw_text(file, "SELECT version FROM theracore_schema"), std::to_string(next + 1));
    EXPECT_EQ(raw_text(file, "SELECT count(*) FROM extra_next"), "1");
    // This library's real schema is older than the file now.
    expect_open_fails(at_path(file), storage_errc::schema_mismatch,
                      "storage schema " + std::to_string(next + 1));
}

TEST(SqliteStore, AFailedMigrationLeavesTheFileAsItWas) {
    t::temp_dir dir;
    const auto file = dir.file("clinic.theracore");
    {
        auto db = make_sqlite_store(file);
        db->transact(ada, [](transaction& tx) { tx.insert(t::full_client()); });
    }
    auto steps = sqlite_detail::migrations();
    steps.push_back({sql_schema_version + 1,
                     {"CREATE TABLE half_done (x INTEGER)", "CREATE TABLE records (x INTEGER)"}});
    expect_open_fails(at_path(file), storage_errc::other, "already exists", &steps);
    EXPECT_EQ(raw_text(file, "SELECT version FROM theracore_schema"),
              std::to_string(sql_schema_version));
    EXPECT_EQ(raw_text(file, "SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'"), "0");
    auto db = make_sqlite_store(file);
    auto tx = db->begin(ada, access_mode::read_only);
    EXPECT_EQ(tx.get<client>(client_id("c-zoe")).value, t::full_client());
}

TEST(SqliteStore, AVersion1FileGetsTheAdministrationsTableAndKeepsItsAdministrations) {
    t::temp_dir dir;
    const auto file = dir.file("clinic.theracore");
    auto v1 = sqlite_detail::migrations();
    v1.resize(1);
    { (void)sqlite_detail::open(at_path(file), v1); }
    EXPECT_EQ(raw_text(file, "SELECT version FROM theracore_schema"), "1");
    // An administration as version 1 kept every kind: a row of records and its index entries.
    const auto a = t::sample_administration("a-1", "c-zoe", t::when(2024, 2, 29, 9));
    std::string payload = io::to_json_string(a);
    std::string quoted;
    for (const char c : payload) {
        quoted += c == '\'' ? std::string("''") : std::string(1, c);
    }
    raw_exec(file,
             "INSERT INTO records (kind, id, revision, payload, created_at, created_by, "
             "updated_at, updated_by) VALUES ('administration', 'a-1', 1, '" +
                 quoted +
                 "', '2024-03-01T00:00:00.000000Z', 'k-ada', '2024-03-01T00:00:00.000000Z', "
                 "'k-ada'); INSERT INTO record_index (kind, record_id, name, value) VALUES "
                 "('administration', 'a-1', 'client', 'c-zoe'), ('administration', 'a-1', "
                 "'instrument', 'phq9'), ('administration', 'a-1', 'administered', "
                 "'2024-02-29T09:00:00.000000Z')");
    auto db = make_sqlite_store(file);
    EXPECT_EQ(raw_text(file, "SELECT version FROM theracore_schema"),
              std::to_string(sql_schema_version));
    EXPECT_EQ(raw_text(file, "SELECT count(*) FROM records"), "0");
    EXPECT_EQ(raw_text(file, "SELECT count(*) FROM record_index"), "0");
    EXPECT_EQ(raw_text(file,
                       "SELECT client || ' ' || instrument || ' ' || administered FROM "
                       "administrations"),
              "c-zoe phq9 2024-02-29T09:00:00.000000Z");
    auto tx = db->begin(ada, access_mode::read_only);
    EXPECT_EQ(tx.get<instruments::administration>(administration_id("a-1")).value, a);
    EXPECT_EQ(client_trajectory(tx, client_id("c-zoe"), "phq9").size(), 1u);
}

TEST(SqliteStore, AdministrationsComeFromTheirIndexInTimeOrder) {
    t::temp_dir dir;
    const auto file = dir.file("clinic.theracore");
    { auto db = make_sqlite_store(file); }
    SQLite::Database raw(file, SQLite::OPEN_READONLY);
    SQLite::Statement plan(raw,
                           "EXPLAIN QUERY PLAN SELECT id FROM administrations r WHERE 1 = 1 AND "
                           "r.deleted_at IS NULL AND r.client IN (?1) AND r.instrument IN (?2) "
                           "ORDER BY r.administered ASC, r.id ASC");
    std::string details;
    while (plan.executeStep()) {
        details += plan.getColumn(3).getString() + "; ";
    }
    EXPECT_NE(details.find("administrations_by_columns"), std::string::npos) << details;
    EXPECT_EQ(details.find("TEMP B-TREE"), std::string::npos) << "no sort: " << details;
}

TEST(SqliteStore, AWriterWaitsForTheBusyTimeoutThenFailsWithBusy) {
    t::temp_dir dir;
    auto o = at_path(dir.file("clinic.theracore"));
    o.busy_timeout = std::chrono::milliseconds(200);
    auto db = make_sqlite_store(o);
    db->transact(ada, [](transaction& tx) { tx.insert(t::full_client()); });
    SQLite::Database other(o.path, SQLite::OPEN_READWRITE);
    other.exec("BEGIN IMMEDIATE");  // another process holds the write lock
    try {
        (void)db->begin(ada);
        FAIL() << "expected storage_error";
    } catch (const storage_error& e) {
        EXPECT_EQ(e.category(), storage_errc::busy) << e.what();
        EXPECT_EQ(e.native_code(), "5") << "SQLITE_BUSY";
    }
    {
        auto reader = db->begin(ada, access_mode::read_only);  // WAL: readers are not blocked
        EXPECT_EQ(reader.get<client>(client_id("c-zoe")).value, t::full_client());
    }
    other.exec("ROLLBACK");
    auto tx = db->begin(ada);
    tx.insert(t::minimal_client());
    tx.commit();
}

TEST(SqliteStore, BeginWaitsForAFreeConnectionThenFailsWithBusy) {
    t::temp_dir dir;
    auto o = at_path(dir.file("clinic.theracore"));
    o.max_connections = 1;
    o.busy_timeout = std::chrono::milliseconds(100);
    auto db = make_sqlite_store(o);
    auto first = db->begin(ada, access_mode::read_only);
    try {
        (void)db->begin(ada, access_mode::read_only);
        FAIL() << "expected storage_error";
    } catch (const storage_error& e) {
        EXPECT_EQ(e.category(), storage_errc::busy) << e.what();
    }
    first.commit();
    auto second = db->begin(ada, access_mode::read_only);
    EXPECT_TRUE(second.active());
}

// ----- Several processes ------------------------------------------------------------------

TEST(SqliteProcesses, TwoProcessesWritingOneFileLoseNoUpdates) {
    t::temp_dir dir;
    const auto file = dir.file("shared.theracore");
    make_sqlite_store(file)->transact(
        ada, [](transaction& tx) { tx.insert(t::sample_memo("counter", 0)); });
    constexpr int per_process = 60;
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    const auto worker = [&](const std::string& name) {
        return [&, name] {
            close(fds[0]);
            auto db = make_sqlite_store(file);
            const actor me{name};
            int conflicts = 0;
            for (int done = 0; done < per_process;) {
                versioned<t::memo> counter = [&] {
                    auto rx = db->begin(me, access_mode::read_only);
                    return rx.get<t::memo>(t::memo_id("counter"));
                }();
                counter.value.priority += 1;
                try {
                    auto tx = db->begin(me);
                    tx.update(counter);
                    tx.commit();
                    ++done;
                } catch (const conflict&) {
                    ++conflicts;  // the other process won: read again, retry
                }
            }
            return write(fds[1], &conflicts, sizeof conflicts) == sizeof conflicts ? 0 : 4;
        };
    };
    const pid_t a = spawn(worker("process-a"));
    const pid_t b = spawn(worker("process-b"));
    close(fds[1]);
    EXPECT_EQ(exit_code(a), 0);
    EXPECT_EQ(exit_code(b), 0);
    int conflicts = 0;
    for (int c = 0; read(fds[0], &c, sizeof c) == sizeof c;) {
        conflicts += c;
    }
    close(fds[0]);
    auto db = make_sqlite_store(file);
    auto tx = db->begin(ada, access_mode::read_only);
    const auto counter = tx.get<t::memo>(t::memo_id("counter"));
    EXPECT_EQ(counter.value.priority, 2 * per_process);
    EXPECT_EQ(counter.revision(), 1 + 2 * per_process);
    RecordProperty("conflicts_retried", conflicts);
}

// ----- Crash durability -------------------------------------------------------------------

namespace {

t::memo crash_memo(int round, int i) {
    auto m = t::sample_memo("r" + std::to_string(round) + "-" + std::to_string(i), i);
    m.body = "round " + std::to_string(round) + ", commit " + std::to_string(i) + ": " + m.body;
    return m;
}

/// The child: commits one new memo and one counter update per transaction, forever, and
/// reports each commit that returned by writing its number to `fd`.
int commit_forever(const std::string& file, int round, int fd) {
    auto db = make_sqlite_store(file);
    const actor me{"crash-child"};
    for (int i = 0;; ++i) {
        auto tx = db->begin(me);
        tx.insert(crash_memo(round, i));
        auto counter = tx.get<t::memo>(t::memo_id("counter"));
        counter.value.priority = round * 1000000 + i;
        tx.update(counter);
        tx.commit();
        if (write(fd, &i, sizeof i) != sizeof i) {
            return 4;
        }
    }
}

}  // namespace

TEST(SqliteCrash, EveryCommitThatReturnedSurvivesSigkill) {
    t::temp_dir dir;
    const auto file = dir.file("crash.theracore");
    make_sqlite_store(file)->transact(
        ada, [](transaction& tx) { tx.insert(t::sample_memo("counter", -1)); });
    const auto seed = std::random_device{}();
    std::mt19937 rng(seed);
    RecordProperty("seed", static_cast<int>(seed));
    constexpr int rounds = 50;
    int acknowledged = 0;
    int killed_before_first_commit = 0;
    const auto started = std::chrono::steady_clock::now();
    for (int round = 0; round < rounds; ++round) {
        SCOPED_TRACE("round " + std::to_string(round) + ", seed " + std::to_string(seed));
        int fds[2];
        ASSERT_EQ(pipe(fds), 0);
        const pid_t child = spawn([&] {
            close(fds[0]);
            return commit_forever(file, round, fds[1]);
        });
        close(fds[1]);
        // Half the rounds die at any moment from the start (opening, first commits); the others
        // once commits are flowing.
        if (round % 2 == 1) {
            pollfd p{fds[0], POLLIN, 0};
            ASSERT_EQ(poll(&p, 1, 30000), 1) << "the child never committed";
        }
        std::this_thread::sleep_for(std::chrono::microseconds(
            std::uniform_int_distribution<int>(0, round % 2 == 1 ? 50000 : 60000)(rng)));
        ASSERT_EQ(kill(child, SIGKILL), 0);
        int status = 0;
        ASSERT_EQ(waitpid(child, &status, 0), child);
        ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
            << "the child stopped by itself (status " << status << ")";
        int last = -1;
        for (int i = 0; read(fds[0], &i, sizeof i) == sizeof i;) {
            EXPECT_EQ(i, last + 1);
            last = i;
        }
        close(fds[0]);
        acknowledged += last + 1;
        killed_before_first_commit += last < 0 ? 1 : 0;

        {
            SQLite::Database raw(file, SQLite::OPEN_READWRITE);  // recovers the WAL
            EXPECT_EQ(raw.execAndGet("PRAGMA integrity_check").getString(), "ok");
            SQLite::Statement fk(raw, "PRAGMA foreign_key_check");
            EXPECT_FALSE(fk.executeStep()) << "dangling index rows";
        }
        auto db = make_sqlite_store(file);
        auto tx = db->begin(ada, access_mode::read_only);
        for (int i = 0; i <= last; ++i) {
            const auto m = tx.find<t::memo>(crash_memo(round, i).id);
            ASSERT_TRUE(m.has_value()) << "commit " << i << " returned but is lost";
            EXPECT_EQ(m->value, crash_memo(round, i));
            EXPECT_EQ(m->revision(), 1);
        }
        // The commit in flight when the child died is there whole or not at all; none after it.
        if (const auto m = tx.find<t::memo>(crash_memo(round, last + 1).id)) {
            EXPECT_EQ(m->value, crash_memo(round, last + 1));
        }
        EXPECT_FALSE(tx.find<t::memo>(crash_memo(round, last + 2).id).has_value());
        const auto counter = tx.get<t::memo>(t::memo_id("counter"));
        if (last >= 0) {
            EXPECT_GE(counter.value.priority, round * 1000000 + last);
            EXPECT_LE(counter.value.priority, round * 1000000 + last + 1);
        }
    }
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - started)
                        .count();
    RecordProperty("rounds", rounds);
    RecordProperty("commits_acknowledged", acknowledged);
    RecordProperty("killed_before_first_commit", killed_before_first_commit);
    RecordProperty("elapsed_ms", static_cast<int>(ms));
    std::cout << "[ crash    ] " << rounds << " SIGKILLs, " << acknowledged
              << " acknowledged commits all intact, " << killed_before_first_commit
              << " kills before the first commit, " << ms << " ms\n";
}
