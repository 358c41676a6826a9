// SPDX-License-Identifier: Apache-2.0
// Shared by the storage tests: record types that exist only here (registered with
// record_traits exactly as a new area would, with no change to any backend), per-test scratch
// space (a temporary directory, a PostgreSQL schema), and the list of backends.
#pragma once

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <random>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include <theracore/storage/memory.hpp>
#include <theracore/storage/records.hpp>
#include <theracore/storage/store.hpp>
#ifdef THERACORE_TEST_HAVE_SQLITE
#include <theracore/storage/sqlite.hpp>
#endif
#ifdef THERACORE_TEST_HAVE_POSTGRESQL
#include <libpq-fe.h>

#include <theracore/storage/postgresql.hpp>
#endif

#include "storage/json_codec_impl.hpp"  // the codec of the test record types below
#include "support/builders.hpp"
#include "support/values.hpp"

namespace theracore::test {

/// The clinician most storage tests act as.
inline const storage::actor ada{"k-ada"};

// Described-struct equality for the record types below (found by ADL).
using theracore::operator==;
using theracore::operator!=;

struct memo_id_tag {
    static constexpr const char* name = "memo_id";
};
using memo_id = basic_id<memo_id_tag>;

/// A clinical-style record kind that only the tests know. Its columns cover every index value
/// type, so every backend is checked on every key encoding.
struct memo {
    static constexpr const char* schema_name = "theracore.test_memo";
    static constexpr int schema_version = 1;

    memo_id id;
    client_id client;
    std::string title;
    instant written;
    double score = 0;
    /// Whole numbers only. A double rather than an int64 because the JSON reader of the
    /// foundation rejects every non-negative signed integer (reported to the lead); the
    /// `priority` index column is an int64 all the same.
    double priority = 0;
    bool urgent = false;
    std::vector<std::string> tags;
    std::string body;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(
            field("id", s.id), field("client", s.client), field("title", s.title),
            field("written", s.written), field("score", s.score), field("priority", s.priority),
            field("urgent", s.urgent), field("tags", s.tags), field("body", s.body));
    }
};

[[nodiscard]] inline problem_list validate(const memo& m) {
    problem_list p;
    detail::require_nonempty(p, "id", m.id);
    detail::require_nonempty(p, "title", m.title);
    if (m.written.is_special()) {
        p.push_back({"written", "required"});
    }
    return p;
}

/// The same kind as written by a newer TheraCore (schema version 2), to test that an older
/// reader refuses it clearly.
struct memo_v2 : memo {
    static constexpr int schema_version = 2;
};

struct scratch_note_id_tag {
    static constexpr const char* name = "scratch_note_id";
};
using scratch_note_id = basic_id<scratch_note_id_tag>;

/// A non-clinical record kind: deleted for good (deletion_policy::hard).
struct scratch_note {
    static constexpr const char* schema_name = "theracore.test_scratch_note";
    static constexpr int schema_version = 1;

    scratch_note_id id;
    std::string text;

    template <class Self>
    static auto describe(Self& s) {
        return std::make_tuple(theracore::detail::field("id", s.id),
                               theracore::detail::field("text", s.text));
    }
};

[[nodiscard]] inline problem_list validate(const scratch_note& s) {
    problem_list p;
    detail::require_nonempty(p, "id", s.id);
    return p;
}

/// When set, memos also index their body as `body_word` (to test reindex).
inline std::atomic<bool> index_memo_body{false};

}  // namespace theracore::test

THERACORE_NAMESPACE_BEGIN
namespace storage {

template <>
struct record_traits<test::memo> : json_codec<test::memo> {
    static constexpr const char* kind = "test_memo";
    static constexpr deletion_policy deletion = deletion_policy::soft;
    using id_type = test::memo_id;
    static const test::memo_id& id(const test::memo& m) noexcept { return m.id; }

    static constexpr column<test::memo, client_id> client{"client"};
    static constexpr column<test::memo, std::string> title{"title"};
    static constexpr column<test::memo, instant> written{"written"};
    static constexpr column<test::memo, double> score{"score"};
    static constexpr column<test::memo, std::int64_t> priority{"priority"};
    static constexpr column<test::memo, bool> urgent{"urgent"};
    static constexpr column<test::memo, std::string> tag{"tag"};
    static constexpr column<test::memo, std::string> body_word{"body_word"};

    static void index(const test::memo& m, index_writer<test::memo>& w) {
        w.add(client, m.client);
        w.add(title, m.title);
        w.add(written, m.written);
        w.add(score, m.score);
        w.add(priority, static_cast<std::int64_t>(m.priority));
        w.add(urgent, m.urgent);
        for (const auto& t : m.tags) {
            w.add(tag, t);
        }
        if (test::index_memo_body) {
            w.add(body_word, m.body);
        }
    }
};

template <>
struct record_traits<test::memo_v2> : json_codec<test::memo_v2> {
    static constexpr const char* kind = "test_memo";
    static constexpr deletion_policy deletion = deletion_policy::soft;
    using id_type = test::memo_id;
    static const test::memo_id& id(const test::memo_v2& m) noexcept { return m.id; }
    static void index(const test::memo_v2&, index_writer<test::memo_v2>&) {}
};

template <>
struct record_traits<test::scratch_note> : json_codec<test::scratch_note> {
    static constexpr const char* kind = "test_scratch_note";
    static constexpr deletion_policy deletion = deletion_policy::hard;
    using id_type = test::scratch_note_id;
    static const test::scratch_note_id& id(const test::scratch_note& s) noexcept { return s.id; }
    static void index(const test::scratch_note&, index_writer<test::scratch_note>&) {}
};

}  // namespace storage
THERACORE_NAMESPACE_END

namespace theracore::test {

inline memo sample_memo(const std::string& id, std::int64_t priority = 0) {
    memo m;
    m.id = memo_id(id);
    m.client = client_id("c-zoe");
    m.title = "Memo " + id;
    m.written = at(2024, 3, 1, 9, 30, 0, 250);
    m.score = 1.5;
    m.priority = static_cast<double>(priority);
    m.tags = {"follow-up"};
    m.body = "Tabs\tnewlines\nand back\\slashes, \"quotes\", Zoë — 李";
    return m;
}

/// A random lowercase hex string, for unique names.
inline std::string random_suffix() {
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    const auto v = rng();
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

/// A temporary directory, deleted with everything in it.
class temp_dir {
  public:
    temp_dir()
        : path_(std::filesystem::temp_directory_path() / ("theracore-test-" + random_suffix())) {
        std::filesystem::create_directories(path_);
    }
    ~temp_dir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    temp_dir(const temp_dir&) = delete;
    temp_dir& operator=(const temp_dir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }
    [[nodiscard]] std::string file(const std::string& name) const {
        return (path_ / name).string();
    }

  private:
    std::filesystem::path path_;
};

/// The connection string of the test server (scripts/postgres-test-server.sh), if any.
inline std::optional<std::string> postgres_dsn() {
    const char* dsn = std::getenv("THERACORE_TEST_POSTGRES_DSN");
    if (dsn == nullptr || *dsn == '\0') {
        return std::nullopt;
    }
    return std::string(dsn);
}

inline constexpr const char* no_postgres_reason =
    "THERACORE_TEST_POSTGRES_DSN is not set: no PostgreSQL server to test against "
    "(scripts/test.sh starts one with scripts/postgres-test-server.sh)";

#ifdef THERACORE_TEST_HAVE_POSTGRESQL
/// Runs SQL on the test server directly (to inspect or tamper with what a store wrote).
/// Returns the first column of the first row, if any.
inline std::optional<std::string> pg_exec(const std::string& sql) {
    PGconn* c = PQconnectdb(postgres_dsn().value().c_str());
    if (PQstatus(c) != CONNECTION_OK) {
        const std::string why = PQerrorMessage(c);
        PQfinish(c);
        throw std::runtime_error("cannot connect to the test server: " + why);
    }
    PQsetNoticeProcessor(
        c, [](void*, const char*) {}, nullptr);
    PGresult* r = PQexec(c, sql.c_str());
    const auto status = PQresultStatus(r);
    std::optional<std::string> out;
    std::string error;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        error = PQresultErrorMessage(r);
    } else if (PQntuples(r) > 0 && PQgetisnull(r, 0, 0) == 0) {
        out = PQgetvalue(r, 0, 0);
    }
    PQclear(r);
    PQfinish(c);
    if (!error.empty()) {
        throw std::runtime_error(sql + ": " + error);
    }
    return out;
}

/// A PostgreSQL schema of its own for one test, dropped afterwards.
class pg_schema {
  public:
    pg_schema() : name_("theracore_test_" + random_suffix()) {}
    ~pg_schema() {
        try {
            pg_exec("DROP SCHEMA IF EXISTS " + name_ + " CASCADE");
        } catch (...) {  // the server is gone; nothing to clean up
        }
    }
    pg_schema(const pg_schema&) = delete;
    pg_schema& operator=(const pg_schema&) = delete;
    [[nodiscard]] const std::string& name() const noexcept { return name_; }
    [[nodiscard]] storage::postgresql_options options(std::size_t pool_size = 4) const {
        storage::postgresql_options o;
        o.conninfo = postgres_dsn().value();
        o.schema = name_;
        o.pool_size = pool_size;
        return o;
    }

  private:
    std::string name_;
};
#endif

/// A backend of the conformance suite: makes a fresh, empty store whose external resources
/// (files, schemas) live as long as `scratch`.
struct backend {
    std::string name;
    bool needs_postgres = false;
    std::function<std::unique_ptr<storage::store>(std::shared_ptr<void>& scratch)> open;

    /// gtest prints the parameter of a failing test with this.
    friend void PrintTo(const backend& b, std::ostream* os) { *os << b.name; }
};

inline std::vector<backend> all_backends() {
    std::vector<backend> b;
    b.push_back(
        {"memory", false, [](std::shared_ptr<void>&) { return storage::make_memory_store(); }});
#ifdef THERACORE_TEST_HAVE_SQLITE
    b.push_back({"sqlite_file", false, [](std::shared_ptr<void>& scratch) {
                     auto dir = std::make_shared<temp_dir>();
                     scratch = dir;
                     return storage::make_sqlite_store(dir->file("store.theracore"));
                 }});
    b.push_back({"sqlite_memory", false,
                 [](std::shared_ptr<void>&) { return storage::make_sqlite_store(":memory:"); }});
#endif
#ifdef THERACORE_TEST_HAVE_POSTGRESQL
    b.push_back({"postgresql", true, [](std::shared_ptr<void>& scratch) {
                     auto schema = std::make_shared<pg_schema>();
                     scratch = schema;
                     return storage::make_postgresql_store(schema->options());
                 }});
#endif
    return b;
}

}  // namespace theracore::test
