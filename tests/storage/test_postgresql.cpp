// SPDX-License-Identifier: Apache-2.0
// What is particular to the PostgreSQL store (theracore/storage/postgresql.hpp): schema
// creation and migration, connection handling, COPY. Needs THERACORE_TEST_POSTGRES_DSN.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <theracore/io/json.hpp>
#include <theracore/storage/postgresql.hpp>
#include <theracore/storage/records.hpp>

#include "support/builders.hpp"
#include "support/storage_builders.hpp"
#include "support/storage_records_builders.hpp"

using namespace theracore;
using namespace theracore::storage;
namespace t = theracore::test;

namespace {

using theracore::test::ada;

class PostgresStore : public ::testing::Test {
  protected:
    void SetUp() override {
        if (!t::postgres_dsn()) {
            GTEST_SKIP() << t::no_postgres_reason;
        }
        schema_ = std::make_unique<t::pg_schema>();
    }

    [[nodiscard]] const std::string& schema() const { return schema_->name(); }
    [[nodiscard]] postgresql_options options(std::size_t pool = 4) const {
        return schema_->options(pool);
    }

    void expect_open_fails(const postgresql_options& o, storage_errc category,
                           const std::string& fragment) {
        try {
            (void)make_postgresql_store(o);
            ADD_FAILURE() << "expected storage_error";
        } catch (const storage_error& e) {
            EXPECT_EQ(e.category(), category) << e.what();
            EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
        }
    }

    std::unique_ptr<t::pg_schema> schema_;
};

}  // namespace

TEST_F(PostgresStore, CreatesAVersionedSchemaWithByteOrderedText) {
    auto db = make_postgresql_store(options());
    EXPECT_EQ(db->backend(), "postgresql");
    EXPECT_EQ(t::pg_exec("SELECT version FROM " + schema() + ".theracore_schema"),
              std::to_string(sql_schema_version));
    EXPECT_EQ(t::pg_exec("SELECT collation_name FROM information_schema.columns WHERE "
                         "table_schema = '" +
                         schema() + "' AND table_name = 'record_index' AND column_name = 'value'"),
              "C");
}

TEST_F(PostgresStore, OptionsAreChecked) {
    auto o = options();
    o.conninfo.clear();
    EXPECT_THROW((void)make_postgresql_store(o), validation_error);
    o = options();
    o.schema.clear();
    EXPECT_THROW((void)make_postgresql_store(o), validation_error);
}

TEST_F(PostgresStore, AnUnreachableServerIsUnavailable) {
    auto o = options();
    o.conninfo = "host=127.0.0.1 port=1 dbname=none user=none connect_timeout=2";
    expect_open_fails(o, storage_errc::unavailable, "cannot connect");
}

TEST_F(PostgresStore, ASchemaFromANewerVersionIsRefused) {
    { auto db = make_postgresql_store(options()); }
    t::pg_exec("UPDATE " + schema() + ".theracore_schema SET version = 99");
    expect_open_fails(options(), storage_errc::schema_mismatch,
                      "written by a newer TheraCore (storage schema 99)");
}

TEST_F(PostgresStore, AVersion1SchemaGetsTheAdministrationsTableAndKeepsItsAdministrations) {
    // A version-1 schema: what version 2 added is taken away again, and an administration is
    // stored as version 1 stored every kind (a row of records and its index entries).
    { auto db = make_postgresql_store(options()); }
    const std::string s = schema() + ".";
    const auto a = t::sample_administration("a-1", "c-zoe", t::when(2024, 2, 29, 9));
    std::string quoted;
    for (const char c : io::to_json_string(a)) {
        quoted += c == '\'' ? std::string("''") : std::string(1, c);
    }
    t::pg_exec("DROP TABLE " + s + "administrations; UPDATE " + s +
               "theracore_schema SET version = 1; INSERT INTO " + s +
               "records (kind, id, revision, payload, created_at, created_by, updated_at, "
               "updated_by) VALUES ('administration', 'a-1', 1, '" +
               quoted +
               "', '2024-03-01T00:00:00.000000Z', 'k-ada', '2024-03-01T00:00:00.000000Z', "
               "'k-ada'); INSERT INTO " +
               s +
               "record_index (kind, record_id, name, value) VALUES ('administration', 'a-1', "
               "'client', 'c-zoe'), ('administration', 'a-1', 'instrument', 'phq9'), "
               "('administration', 'a-1', 'administered', '2024-02-29T09:00:00.000000Z')");
    auto db = make_postgresql_store(options());
    EXPECT_EQ(t::pg_exec("SELECT version FROM " + s + "theracore_schema"),
              std::to_string(sql_schema_version));
    EXPECT_EQ(t::pg_exec("SELECT count(*) FROM " + s + "records"), "0");
    EXPECT_EQ(t::pg_exec("SELECT count(*) FROM " + s + "record_index"), "0");
    EXPECT_EQ(t::pg_exec("SELECT client || ' ' || instrument || ' ' || administered FROM " + s +
                         "administrations"),
              "c-zoe phq9 2024-02-29T09:00:00.000000Z");
    auto tx = db->begin(ada, access_mode::read_only);
    EXPECT_EQ(tx.get<instruments::administration>(administration_id("a-1")).value, a);
    EXPECT_EQ(client_trajectory(tx, client_id("c-zoe"), "phq9").size(), 1u);
}

TEST_F(PostgresStore, ASchemaHoldingOtherTablesIsRefused) {
    t::pg_exec("CREATE SCHEMA " + schema() + "; CREATE TABLE " + schema() + ".patients (id int)");
    expect_open_fails(options(), storage_errc::schema_mismatch, "is not a TheraCore database");
}

TEST_F(PostgresStore, ConcurrentOpensMigrateOnce) {
    std::atomic<int> opened{0};
    std::vector<std::string> failures;
    std::mutex failures_mutex;
    std::vector<std::thread> threads;
    for (int i = 0; i < 6; ++i) {
        threads.emplace_back([&] {
            try {
                auto db = make_postgresql_store(options(1));
                ++opened;
            } catch (const std::exception& e) {
                std::lock_guard<std::mutex> lock(failures_mutex);
                failures.push_back(e.what());
            }
        });
    }
    for (auto& th : threads) {
        th.join();
    }
    EXPECT_EQ(failures, std::vector<std::string>{});
    EXPECT_EQ(opened.load(), 6);
    EXPECT_EQ(t::pg_exec("SELECT count(*) FROM " + schema() + ".theracore_schema"), "1");
}

TEST_F(PostgresStore, RecordsSurviveReopeningAndArePlainJson) {
    {
        auto db = make_postgresql_store(options());
        db->transact(ada, [](transaction& tx) { tx.insert(t::full_client()); });
    }
    auto db = make_postgresql_store(options());
    auto tx = db->begin(ada, access_mode::read_only);
    EXPECT_EQ(tx.get<client>(client_id("c-zoe")).value, t::full_client());
    EXPECT_EQ(t::pg_exec("SELECT payload::jsonb #>> '{legal_name,text}' FROM " + schema() +
                         ".records WHERE kind = 'client' AND id = 'c-zoe'"),
              "Zoë Ñúñez");
}

TEST_F(PostgresStore, BulkInsertLoadsThousandsOfRecordsWithCopy) {
    auto db = make_postgresql_store(options());
    std::vector<t::memo> memos;
    for (int i = 0; i < 5000; ++i) {
        auto m = t::sample_memo("m-" + std::to_string(100000 + i), i);
        m.tags = {"tab\there", "new\nline", "back\\slash"};
        memos.push_back(std::move(m));
    }
    db->transact(ada, [&](transaction& tx) { tx.insert_all(memos); });
    EXPECT_EQ(t::pg_exec("SELECT count(*) FROM " + schema() + ".records"), "5000");
    auto tx = db->begin(ada, access_mode::read_only);
    EXPECT_EQ(tx.get<t::memo>(t::memo_id("m-104321")).value, memos[4321]);
    using m = record_traits<t::memo>;
    EXPECT_EQ(tx.query(storage::query<t::memo>().where(m::tag, std::string("tab\there"))).size(),
              5000u);
    EXPECT_EQ(tx.query(storage::query<t::memo>().where_between(m::priority, 4990, 5010)).size(),
              10u);
}

TEST_F(PostgresStore, BeginWaitsForAFreeConnectionThenFailsWithBusy) {
    auto o = options(2);
    o.acquire_timeout = std::chrono::milliseconds(200);
    auto db = make_postgresql_store(o);
    auto first = db->begin(ada);
    auto second = db->begin(ada, access_mode::read_only);
    try {
        (void)db->begin(ada);
        FAIL() << "expected storage_error";
    } catch (const storage_error& e) {
        EXPECT_EQ(e.category(), storage_errc::busy) << e.what();
    }
    second.commit();
    auto third = db->begin(ada);
    EXPECT_TRUE(third.active());
}

TEST_F(PostgresStore, ALostConnectionFailsItsTransactionAndIsReplaced) {
    const std::string app = "theracore_" + t::random_suffix();
    auto o = options(1);
    o.conninfo += " application_name=" + app;
    auto db = make_postgresql_store(o);
    db->transact(ada, [](transaction& tx) { tx.insert(t::full_client()); });
    {
        auto tx = db->begin(ada);
        t::pg_exec(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
            "application_name = '" +
            app + "'");
        try {
            (void)tx.get<client>(client_id("c-zoe"));
            FAIL() << "expected storage_error";
        } catch (const storage_error& e) {
            EXPECT_EQ(e.category(), storage_errc::unavailable) << e.what();
        }
        EXPECT_FALSE(tx.active());
    }
    {
        auto tx = db->begin(ada, access_mode::read_only);
        EXPECT_EQ(tx.get<client>(client_id("c-zoe")).value, t::full_client());
    }
    // Closed by the server while idle in the pool: the next begin takes a fresh connection.
    t::pg_exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '" +
               app + "'");
    auto tx = db->begin(ada, access_mode::read_only);
    EXPECT_EQ(tx.get<client>(client_id("c-zoe")).value, t::full_client());
}
