// SPDX-License-Identifier: Apache-2.0
// The conformance suite of theracore/storage/store.hpp: every behaviour of the store interface,
// run against every backend (in-memory, SQLite file, SQLite :memory:, PostgreSQL).
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <limits>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <theracore/storage/memory.hpp>
#include <theracore/storage/records.hpp>
#include <theracore/storage/store.hpp>

#include "storage/store_fixture.hpp"
#include "support/builders.hpp"
#include "support/storage_builders.hpp"

using namespace theracore;
using namespace theracore::storage;
namespace t = theracore::test;

namespace {

using namespace theracore::test::store_suite;

// ----- Records round-trip with their bookkeeping ------------------------------------------

TEST_P(StoreConformance, InsertedRecordsReadBackEqualAtRevisionOne) {
    const auto episode = t::closed_episode();
    {
        auto tx = db().begin(ada);
        EXPECT_EQ(tx.insert(t::full_client()), 1);
        tx.insert(t::minimal_client());
        tx.insert(t::full_clinician());
        tx.insert(episode);
        tx.insert(t::full_intake());
        tx.insert(t::sample_memo("m-1"));
        tx.commit();
    }
    auto tx = db().begin(bob, access_mode::read_only);
    const auto c = tx.get<client>(client_id("c-zoe"));
    EXPECT_EQ(c.value, t::full_client());
    EXPECT_EQ(c.revision(), 1);
    EXPECT_FALSE(c.deleted());
    EXPECT_EQ(c.meta.created_by, "k-ada");
    EXPECT_EQ(c.meta.updated_by, "k-ada");
    EXPECT_EQ(c.meta.created_at, clock_);
    EXPECT_EQ(c.meta.updated_at, clock_);
    EXPECT_EQ(tx.get<client>(client_id("c-lee")).value, t::minimal_client());
    EXPECT_EQ(tx.get<clinician>(clinician_id("k-ada")).value, t::full_clinician());
    EXPECT_EQ(tx.get<care_episode>(episode_id("e-100")).value, episode);
    EXPECT_EQ(tx.get<intake>(intake_id("i-1")).value, t::full_intake());
    EXPECT_EQ(tx.get<t::memo>(t::memo_id("m-1")).value, t::sample_memo("m-1"));
}

TEST_P(StoreConformance, MissingRecordsAreNotFound) {
    put(t::full_client());
    auto tx = db().begin(ada, access_mode::read_only);
    EXPECT_FALSE(tx.find<client>(client_id("nobody")).has_value());
    EXPECT_THROW((void)tx.get<client>(client_id("nobody")), not_found);
    // Same id, other kind: kinds are separate.
    EXPECT_FALSE(tx.find<t::memo>(t::memo_id("c-zoe")).has_value());
    EXPECT_TRUE(tx.active());
}

TEST_P(StoreConformance, InsertingAnExistingIdIsAConflictThatKeepsTheStoredRecord) {
    put(t::full_client());
    auto other = t::minimal_client();
    other.id = client_id("c-zoe");
    {
        auto tx = db().begin(ada);
        EXPECT_THROW(tx.insert(other), conflict);
        EXPECT_TRUE(tx.active()) << "the store refused before writing: the transaction goes on";
        tx.insert(t::minimal_client());
        tx.commit();
    }
    EXPECT_EQ(read<client>(client_id("c-zoe")).value, t::full_client());
    EXPECT_EQ(all<client>().size(), 2u);
}

TEST_P(StoreConformance, UpdateWithTheCurrentRevisionReplacesAndKeepsCreation) {
    put(t::full_client());
    const instant created = clock_;
    clock_ += boost::posix_time::hours(2);
    {
        auto tx = db().begin(bob);
        auto c = tx.get<client>(client_id("c-zoe"));
        c.value.notes = "Moved to evening appointments";
        EXPECT_EQ(tx.update(c), 2);
        c = tx.get<client>(client_id("c-zoe"));
        c.value.pronouns = "she/they";
        EXPECT_EQ(tx.update(c.value, c.revision()), 3);
        tx.commit();
    }
    const auto c = read<client>(client_id("c-zoe"));
    EXPECT_EQ(c.revision(), 3);
    EXPECT_EQ(c.value.notes, "Moved to evening appointments");
    EXPECT_EQ(c.value.pronouns, "she/they");
    EXPECT_EQ(c.meta.created_by, "k-ada");
    EXPECT_EQ(c.meta.created_at, created);
    EXPECT_EQ(c.meta.updated_by, "k-bob");
    EXPECT_EQ(c.meta.updated_at, clock_);
}

TEST_P(StoreConformance, UpdateWithAStaleRevisionIsAConflictAndChangesNothing) {
    put(t::full_client());
    const auto first = read<client>(client_id("c-zoe"));
    {
        auto tx = db().begin(bob);
        auto c = first;
        c.value.notes = "bob's edit";
        tx.update(c);
        tx.commit();
    }
    {
        auto tx = db().begin(ada);
        auto c = first;  // read before bob's edit
        c.value.notes = "ada's edit";
        try {
            tx.update(c);
            FAIL() << "a stale update must not overwrite";
        } catch (const conflict& e) {
            EXPECT_NE(std::string(e.what()).find("stale"), std::string::npos) << e.what();
        }
        EXPECT_TRUE(tx.active());
        tx.commit();
    }
    const auto c = read<client>(client_id("c-zoe"));
    EXPECT_EQ(c.value.notes, "bob's edit");
    EXPECT_EQ(c.revision(), 2);
}

TEST_P(StoreConformance, UpdateOfAMissingRecordIsNotFound) {
    auto tx = db().begin(ada);
    EXPECT_THROW(tx.update(t::full_client(), 1), not_found);
    EXPECT_TRUE(tx.active());
}

TEST_P(StoreConformance, TimesKeepMicroseconds) {
    clock_ = t::at(1999, 12, 31, 23, 59, 59, 999999);
    put(t::sample_memo("m-1"));
    const auto m = read<t::memo>(t::memo_id("m-1"));
    EXPECT_EQ(m.meta.created_at, clock_);
    EXPECT_EQ(m.value.written, t::at(2024, 3, 1, 9, 30, 0, 250));
}

// ----- Transactions -----------------------------------------------------------------------

TEST_P(StoreConformance, RollbackDiscardsEveryChange) {
    put(t::full_client());
    put(t::sample_memo("m-1"));
    {
        auto tx = db().begin(ada);
        tx.insert(t::minimal_client());
        auto c = tx.get<client>(client_id("c-zoe"));
        c.value.notes = "changed";
        tx.update(c);
        tx.remove<t::memo>(t::memo_id("m-1"), 1, "test");
        tx.rollback();
        EXPECT_FALSE(tx.active());
    }
    {
        auto tx = db().begin(ada);
        tx.insert(t::minimal_client());
        // destroyed without commit
    }
    EXPECT_EQ(ids_of(all<client>()), (ids{"c-zoe"}));
    EXPECT_EQ(read<client>(client_id("c-zoe")).value, t::full_client());
    EXPECT_EQ(read<t::memo>(t::memo_id("m-1")).revision(), 1);
    EXPECT_EQ(db().open_transactions(), 0u);
}

TEST_P(StoreConformance, ATransactionSeesItsOwnWrites) {
    auto tx = db().begin(ada);
    tx.insert(t::full_client());
    EXPECT_EQ(ids_of(tx.query(clients_by_name_prefix("zoë"))), (ids{"c-zoe"}));
    auto c = tx.get<client>(client_id("c-zoe"));
    c.value.legal_name = {"Zoë Pérez", std::string("Pérez"), {"Zoë"}};
    tx.update(c);
    EXPECT_EQ(tx.get<client>(client_id("c-zoe")).value.legal_name.text, "Zoë Pérez");
    EXPECT_EQ(ids_of(tx.query(clients_by_name_prefix("pér"))), (ids{"c-zoe"}));
    EXPECT_TRUE(tx.query(clients_by_name_prefix("ñú")).empty());
    tx.remove<client>(client_id("c-zoe"), 2, "duplicate");
    EXPECT_FALSE(tx.find<client>(client_id("c-zoe")).has_value());
    EXPECT_TRUE(tx.list<client>().empty());
    tx.commit();
}

TEST_P(StoreConformance, EndedTransactionsRefuseFurtherUse) {
    auto tx = db().begin(ada);
    tx.insert(t::full_client());
    tx.commit();
    EXPECT_FALSE(tx.active());
    EXPECT_THROW(tx.commit(), conflict);
    EXPECT_THROW(tx.insert(t::minimal_client()), conflict);
    EXPECT_THROW((void)tx.get<client>(client_id("c-zoe")), conflict);
    tx.rollback();  // a no-op once committed
    EXPECT_EQ(all<client>().size(), 1u);

    auto rolled = db().begin(ada);
    rolled.rollback();
    EXPECT_THROW(rolled.insert(t::minimal_client()), conflict);
    EXPECT_THROW(rolled.commit(), conflict);
    EXPECT_EQ(all<client>().size(), 1u);
}

TEST_P(StoreConformance, ReadOnlyTransactionsRefuseWrites) {
    put(t::full_client());
    auto tx = db().begin(ada, access_mode::read_only);
    EXPECT_EQ(tx.mode(), access_mode::read_only);
    EXPECT_THROW(tx.insert(t::minimal_client()), conflict);
    EXPECT_THROW(tx.update(t::full_client(), 1), conflict);
    EXPECT_THROW(tx.remove<client>(client_id("c-zoe"), 1, "x"), conflict);
    EXPECT_THROW(tx.purge<client>(client_id("c-zoe"), 1, "x"), conflict);
    EXPECT_TRUE(tx.active());
    tx.commit();
    EXPECT_EQ(read<client>(client_id("c-zoe")).revision(), 1);
}

TEST_P(StoreConformance, TransactCommitsOnReturnAndRollsBackOnThrow) {
    const int n = db().transact(ada, [](transaction& tx) {
        tx.insert(t::full_client());
        return 42;
    });
    EXPECT_EQ(n, 42);
    EXPECT_THROW(db().transact(ada,
                               [](transaction& tx) {
                                   tx.insert(t::minimal_client());
                                   throw std::runtime_error("caller gave up");
                               }),
                 std::runtime_error);
    EXPECT_EQ(ids_of(all<client>()), (ids{"c-zoe"}));
    EXPECT_EQ(db().open_transactions(), 0u);
}

TEST_P(StoreConformance, OpenTransactionsAreCounted) {
    EXPECT_EQ(db().open_transactions(), 0u);
    {
        auto tx = db().begin(ada);
        EXPECT_EQ(db().open_transactions(), 1u);
        auto moved = std::move(tx);
        EXPECT_EQ(db().open_transactions(), 1u);
        EXPECT_FALSE(tx.active());  // NOLINT(bugprone-use-after-move): moved-from is inert
        EXPECT_TRUE(moved.active());
        moved.commit();
        EXPECT_EQ(db().open_transactions(), 0u);
    }
    { auto tx = db().begin(ada); }
    EXPECT_EQ(db().open_transactions(), 0u);
}

// ----- Deletes ----------------------------------------------------------------------------

TEST_P(StoreConformance, SoftDeleteKeepsTheRecordWithWhoWhenAndWhy) {
    put(t::full_client());
    put(t::minimal_client());
    clock_ += boost::posix_time::minutes(5);
    {
        auto tx = db().begin(bob);
        EXPECT_EQ(tx.remove<client>(client_id("c-zoe"), 1, "Duplicate of c-zoe-2"), 2);
        tx.commit();
    }
    EXPECT_THROW((void)read<client>(client_id("c-zoe")), not_found);
    const auto gone = read<client>(client_id("c-zoe"), visibility::include_deleted);
    EXPECT_EQ(gone.value, t::full_client());
    EXPECT_EQ(gone.revision(), 2);
    ASSERT_TRUE(gone.deleted());
    EXPECT_EQ(gone.meta.deleted->by, "k-bob");
    EXPECT_EQ(gone.meta.deleted->at, clock_);
    EXPECT_EQ(gone.meta.deleted->reason, "Duplicate of c-zoe-2");
    EXPECT_EQ(gone.meta.updated_by, "k-bob");
    EXPECT_EQ(ids_of(all<client>()), (ids{"c-lee"}));
    EXPECT_EQ(ids_of(all<client>(deleted_records::included)), (ids{"c-lee", "c-zoe"}));
    EXPECT_EQ(ids_of(all<client>(deleted_records::only)), (ids{"c-zoe"}));
    EXPECT_TRUE(found(clients_by_name_prefix("zo")).empty());
    EXPECT_EQ(found(clients_by_name_prefix("zo").deleted(deleted_records::included)),
              (ids{"c-zoe"}));
    EXPECT_TRUE(journal().empty()) << "a soft delete lives in the record, not the journal";
}

TEST_P(StoreConformance, DeletingTwiceOrFromAStaleRevisionIsAConflict) {
    put(t::full_client());
    auto tx = db().begin(ada);
    EXPECT_THROW(tx.remove<client>(client_id("c-zoe"), 7, "x"), conflict);
    EXPECT_THROW(tx.remove<client>(client_id("nobody"), 1, "x"), not_found);
    EXPECT_EQ(tx.remove<client>(client_id("c-zoe"), 1, "x"), 2);
    EXPECT_THROW(tx.remove<client>(client_id("c-zoe"), 2, "again"), conflict);
    tx.commit();
    EXPECT_EQ(read<client>(client_id("c-zoe"), visibility::include_deleted).revision(), 2);
}

TEST_P(StoreConformance, DeletedRecordsCannotBeUpdatedOrReinserted) {
    put(t::full_client());
    db().transact(ada, [](transaction& tx) { tx.remove<client>(client_id("c-zoe"), 1, "x"); });
    auto tx = db().begin(ada);
    EXPECT_THROW(tx.update(t::full_client(), 2), conflict);
    try {
        tx.insert(t::full_client());
        FAIL() << "the id is taken by the deleted record";
    } catch (const conflict& e) {
        EXPECT_NE(std::string(e.what()).find("restore or purge"), std::string::npos) << e.what();
    }
}

TEST_P(StoreConformance, RestoreUndoesASoftDeleteAndJournalsIt) {
    put(t::full_client());
    db().transact(ada, [](transaction& tx) {
        tx.remove<client>(client_id("c-zoe"), 1, "Looked like a duplicate");
    });
    clock_ += boost::posix_time::hours(1);
    {
        auto tx = db().begin(bob);
        EXPECT_THROW(tx.restore<client>(client_id("c-zoe"), 1, "x"), conflict);  // stale
        EXPECT_EQ(tx.restore<client>(client_id("c-zoe"), 2, "Not a duplicate after all"), 3);
        EXPECT_THROW(tx.restore<client>(client_id("c-zoe"), 3, "x"), conflict);  // not deleted
        tx.commit();
    }
    const auto c = read<client>(client_id("c-zoe"));
    EXPECT_FALSE(c.deleted());
    EXPECT_EQ(c.revision(), 3);
    const auto j = journal();
    ASSERT_EQ(j.size(), 1u);
    EXPECT_EQ(j[0].category, "restore");
    EXPECT_EQ(j[0].actor, "k-bob");
    EXPECT_EQ(j[0].kind, "client");
    EXPECT_EQ(j[0].record_id, "c-zoe");
    EXPECT_EQ(j[0].revision, 3);
    EXPECT_EQ(j[0].at, clock_);
    EXPECT_NE(j[0].detail.find("deleted by k-ada"), std::string::npos) << j[0].detail;
    EXPECT_NE(j[0].detail.find("Looked like a duplicate"), std::string::npos) << j[0].detail;
    EXPECT_NE(j[0].detail.find("Not a duplicate after all"), std::string::npos) << j[0].detail;
}

TEST_P(StoreConformance, PurgeErasesForGoodAndIsJournaled) {
    put(t::sample_memo("m-1"));
    put(t::sample_memo("m-2"));
    db().transact(ada, [](transaction& tx) { tx.remove<t::memo>(t::memo_id("m-1"), 1, "x"); });
    clock_ += boost::posix_time::seconds(30);
    {
        auto tx = db().begin(bob);
        EXPECT_THROW(tx.purge<t::memo>(t::memo_id("m-1"), 1, "stale"), conflict);
        EXPECT_THROW(tx.purge<t::memo>(t::memo_id("nope"), 1, "missing"), not_found);
        tx.purge<t::memo>(t::memo_id("m-1"), 2, "Entered in the wrong chart");
        tx.purge<t::memo>(t::memo_id("m-2"), 1, "Test data");  // a live record too
        tx.commit();
    }
    EXPECT_TRUE(all<t::memo>(deleted_records::included).empty());
    using m = record_traits<t::memo>;
    EXPECT_TRUE(found(storage::query<t::memo>()
                          .where(m::client, client_id("c-zoe"))
                          .deleted(deleted_records::included))
                    .empty())
        << "index entries go with the record";
    const auto j = journal({std::string("purge"), {}, {}, 0, 0, false});
    ASSERT_EQ(j.size(), 2u);
    EXPECT_EQ(j[0].actor, "k-bob");
    EXPECT_EQ(j[0].kind, "test_memo");
    EXPECT_EQ(j[0].record_id, "m-1");
    EXPECT_EQ(j[0].revision, 2);
    EXPECT_EQ(j[0].detail, "Entered in the wrong chart");
    EXPECT_EQ(j[0].at, clock_);
    EXPECT_EQ(j[1].record_id, "m-2");
    EXPECT_LT(j[0].sequence, j[1].sequence);
    // The id is free again.
    put(t::sample_memo("m-1"));
    EXPECT_EQ(read<t::memo>(t::memo_id("m-1")).revision(), 1);
}

TEST_P(StoreConformance, HardDeleteKindsAreErasedAndJournaled) {
    put(t::scratch_note{t::scratch_note_id("s-1"), "draft"});
    {
        auto tx = db().begin(ada);
        EXPECT_EQ(tx.remove<t::scratch_note>(t::scratch_note_id("s-1"), 1, "tidy up"), 0);
        tx.commit();
    }
    auto tx = db().begin(ada, access_mode::read_only);
    EXPECT_FALSE(tx.find<t::scratch_note>(t::scratch_note_id("s-1"), visibility::include_deleted));
    const auto j = tx.journal();
    ASSERT_EQ(j.size(), 1u);
    EXPECT_EQ(j[0].category, "delete");
    EXPECT_EQ(j[0].record_id, "s-1");
    EXPECT_EQ(j[0].detail, "tidy up");
}

// ----- Queries ----------------------------------------------------------------------------

class StoreQueries : public StoreConformance {
  protected:
    void SetUp() override {
        StoreConformance::SetUp();
        if (IsSkipped()) {
            return;
        }
        auto tx = db().begin(ada);
        tx.insert(t::full_client());     // Zoë Ñúñez
        tx.insert(t::minimal_client());  // 李小龍
        tx.insert(named("c-greek", "Σωκράτης Παπαδόπουλος"));
        tx.insert(named("c-cyr", "Мария Иванова"));
        tx.insert(named("c-smith", "Anna O'Brien-Smith"));
        tx.insert(named("c-zola", "Zola Adams"));
        tx.insert(t::closed_episode());  // e-100: c-zoe + c-lee, k-ada, 2024-02-29
        tx.insert(individual_episode("e-200", "c-lee", "k-bob", date(2023, 5, 1)));
        tx.insert(individual_episode("e-300", "c-zoe", "k-ada", date(2025, 1, 2)));
        auto i2 = t::full_intake();
        i2.id = intake_id("i-2");
        i2.episode = episode_id("e-300");
        i2.recorded_on = date(2025, 1, 3);
        tx.insert(i2);
        tx.insert(t::full_intake());  // i-1: e-100, 2024-03-01
        tx.commit();
    }
};

TEST_P(StoreQueries, ClientsByNamePrefixIgnoresCaseInEveryScript) {
    EXPECT_EQ(found(clients_by_name_prefix("zo")), (ids{"c-zola", "c-zoe"}));
    EXPECT_EQ(found(clients_by_name_prefix("ZOË")), (ids{"c-zoe"}));
    EXPECT_EQ(found(clients_by_name_prefix("ñú")), (ids{"c-zoe"}));
    EXPECT_EQ(found(clients_by_name_prefix("ÑÚÑEZ")), (ids{"c-zoe"}));
    EXPECT_EQ(found(clients_by_name_prefix("maría")), (ids{"c-zoe"})) << "a given name";
    EXPECT_EQ(found(clients_by_name_prefix("zoë ñ")), (ids{"c-zoe"})) << "the whole name";
    EXPECT_EQ(found(clients_by_name_prefix("σωκ")), (ids{"c-greek"}));
    EXPECT_EQ(found(clients_by_name_prefix("ΠΑΠΑ")), (ids{"c-greek"}));
    EXPECT_EQ(found(clients_by_name_prefix("мар")), (ids{"c-cyr"}));
    EXPECT_EQ(found(clients_by_name_prefix("ИВАН")), (ids{"c-cyr"}));
    EXPECT_EQ(found(clients_by_name_prefix("李")), (ids{"c-lee"}));
    EXPECT_EQ(found(clients_by_name_prefix("smith")), (ids{"c-smith"})) << "after a hyphen";
    EXPECT_EQ(found(clients_by_name_prefix("x")), ids{});
    // Case-insensitive, not accent-insensitive (documented in keys.hpp).
    EXPECT_EQ(found(clients_by_name_prefix("zoe")), ids{});
}

TEST_P(StoreQueries, ClientsByNamePrefixOrdersByLegalNameAndPages) {
    const ids everyone{"c-smith", "c-zola", "c-zoe", "c-greek", "c-cyr", "c-lee"};
    EXPECT_EQ(found(clients_by_name_prefix("")), everyone);
    EXPECT_EQ(found(clients_by_name_prefix("").limit(2)), (ids{"c-smith", "c-zola"}));
    EXPECT_EQ(found(clients_by_name_prefix("").offset(1).limit(2)), (ids{"c-zola", "c-zoe"}));
    EXPECT_EQ(found(clients_by_name_prefix("").offset(4)), (ids{"c-cyr", "c-lee"}));
    EXPECT_EQ(found(clients_by_name_prefix("").offset(10)), ids{});
    EXPECT_EQ(found(clients_by_name_prefix("").limit(0)), ids{});
    using c = record_traits<client>;
    EXPECT_EQ(found(storage::query<client>().order_by(c::sort_name, sort_order::descending)),
              (ids{"c-lee", "c-cyr", "c-greek", "c-zoe", "c-zola", "c-smith"}));
    EXPECT_EQ(found(storage::query<client>()),
              (ids{"c-cyr", "c-greek", "c-lee", "c-smith", "c-zoe", "c-zola"}))
        << "by id when no order is given";
}

TEST_P(StoreQueries, EpisodesByClientFindEveryParticipantAndByClinician) {
    EXPECT_EQ(found(episodes_of_client(client_id("c-lee"))), (ids{"e-200", "e-100"}));
    EXPECT_EQ(found(episodes_of_client(client_id("c-zoe"))), (ids{"e-100", "e-300"}));
    EXPECT_EQ(found(episodes_of_client(client_id("c-greek"))), ids{});
    EXPECT_EQ(found(episodes_of_clinician(clinician_id("k-ada"))), (ids{"e-100", "e-300"}));
    EXPECT_EQ(found(episodes_of_clinician(clinician_id("k-bob"))), (ids{"e-200"}));
    using e = record_traits<care_episode>;
    EXPECT_EQ(
        found(episodes_of_clinician(clinician_id("k-ada"))
                  .where_any_of(e::status, {episode_status::referred, episode_status::active})),
        (ids{"e-300"}));
    EXPECT_EQ(found(storage::query<care_episode>().where(e::status, episode_status::closed)),
              (ids{"e-100"}));
    EXPECT_EQ(found(storage::query<care_episode>().where_between(e::opened, date(2024, 1, 1),
                                                                 date(2024, 12, 31))),
              (ids{"e-100"}));
}

TEST_P(StoreQueries, IntakesByEpisodeAndByClient) {
    EXPECT_EQ(found(intakes_of_episode(episode_id("e-300"))), (ids{"i-2"}));
    EXPECT_EQ(found(intakes_of_client(client_id("c-zoe"))), (ids{"i-1", "i-2"}));
    EXPECT_EQ(found(intakes_of_client(client_id("c-lee"))), ids{});
}

TEST_P(StoreQueries, UpdatesAndDeletesKeepTheIndexCurrent) {
    {
        auto tx = db().begin(ada);
        auto c = tx.get<client>(client_id("c-zola"));
        c.value.legal_name.text = "Yolanda Adams";
        tx.update(c);
        auto e = tx.get<care_episode>(episode_id("e-300"));
        e.value.transition(episode_status::active, date(2025, 1, 10));
        tx.update(e);
        tx.remove<care_episode>(episode_id("e-200"), 1, "opened in error");
        tx.commit();
    }
    EXPECT_EQ(found(clients_by_name_prefix("zo")), (ids{"c-zoe"}));
    EXPECT_EQ(found(clients_by_name_prefix("yol")), (ids{"c-zola"}));
    using e = record_traits<care_episode>;
    EXPECT_EQ(found(storage::query<care_episode>().where(e::status, episode_status::active)),
              (ids{"e-300"}));
    EXPECT_EQ(found(episodes_of_client(client_id("c-lee"))), (ids{"e-100"}));
    EXPECT_EQ(found(episodes_of_client(client_id("c-lee")).deleted(deleted_records::only)),
              (ids{"e-200"}));
}

class StoreMemoQueries : public StoreConformance {
  protected:
    void SetUp() override {
        StoreConformance::SetUp();
        if (IsSkipped()) {
            return;
        }
        auto a = t::sample_memo("m-a", -10);
        a.title = "Alpha";
        a.written = t::at(2024, 1, 1);
        a.score = -2.5;
        a.urgent = true;
        a.tags = {"x", "y"};
        auto b = t::sample_memo("m-b", 0);
        b.title = "alphabet";
        b.written = t::at(2024, 1, 1, 0, 0, 0, 1);
        b.score = 0.0;
        b.tags = {"y"};
        auto c = t::sample_memo("m-c", 7);
        c.title = "Beta";
        c.written = t::at(2024, 6, 30, 23, 59, 59, 999999);
        c.score = 1e-3;
        c.tags = {};
        auto d = t::sample_memo("m-d", 9000000000);
        d.title = "Alpha Centauri";
        d.client = client_id("c-lee");
        d.written = t::at(2025, 1, 1, 12);
        d.score = 1e6;
        d.urgent = true;
        d.tags = {};
        db().transact(ada, [&](transaction& tx) {
            tx.insert_all(std::vector<t::memo>{a, b, c, d});
        });
    }
};

using m = record_traits<t::memo>;

TEST_P(StoreMemoQueries, InstantRanges) {
    EXPECT_EQ(found(storage::query<t::memo>()
                        .where_between(m::written, t::at(2024, 1, 1, 0, 0, 0, 1),
                                       t::at(2024, 6, 30, 23, 59, 59, 999999))
                        .order_by(m::written)),
              (ids{"m-b", "m-c"}));
    EXPECT_EQ(
        found(storage::query<t::memo>().where_before(m::written, t::at(2024, 1, 1, 0, 0, 0, 1))),
        (ids{"m-a"}));
    EXPECT_EQ(found(storage::query<t::memo>().where_after(m::written, t::at(2024, 6, 30))),
              (ids{"m-c", "m-d"}));
}

TEST_P(StoreMemoQueries, NumberRangesAndOrder) {
    EXPECT_EQ(found(storage::query<t::memo>().where_at_least(m::score, 0.0).order_by(m::score)),
              (ids{"m-b", "m-c", "m-d"}));
    EXPECT_EQ(found(storage::query<t::memo>().where_before(m::score, 0.0)), (ids{"m-a"}));
    EXPECT_EQ(found(storage::query<t::memo>().order_by(m::score, sort_order::descending)),
              (ids{"m-d", "m-c", "m-b", "m-a"}));
    EXPECT_EQ(found(storage::query<t::memo>().where_at_most(m::priority, 0)), (ids{"m-a", "m-b"}));
    EXPECT_EQ(found(storage::query<t::memo>().where_after(m::priority, -10).order_by(m::priority)),
              (ids{"m-b", "m-c", "m-d"}));
    EXPECT_EQ(found(storage::query<t::memo>().where(m::priority, 9000000000)), (ids{"m-d"}));
}

TEST_P(StoreMemoQueries, EqualityPrefixAndSets) {
    EXPECT_EQ(found(storage::query<t::memo>().where(m::urgent, true)), (ids{"m-a", "m-d"}));
    EXPECT_EQ(found(storage::query<t::memo>().where_prefix(m::title, "Alpha")), (ids{"m-a", "m-d"}))
        << "a plain text column is case-sensitive";
    EXPECT_EQ(found(storage::query<t::memo>().where_any_of(m::tag, {"x"})), (ids{"m-a"}));
    EXPECT_EQ(found(storage::query<t::memo>().where_any_of(m::tag, {"x", "y"})),
              (ids{"m-a", "m-b"}))
        << "a record matching twice appears once";
    EXPECT_EQ(found(storage::query<t::memo>().where_any_of(m::tag, {})), ids{});
    EXPECT_EQ(found(storage::query<t::memo>()
                        .where(m::urgent, true)
                        .where_after(m::written, t::at(2024, 6, 1))),
              (ids{"m-d"}));
    EXPECT_EQ(found(storage::query<t::memo>()
                        .where(m::client, client_id("c-zoe"))
                        .where_between(m::score, -3.0, 0.0)),
              (ids{"m-a", "m-b"}));
}

TEST_P(StoreMemoQueries, RecordsWithoutTheOrderColumnSortFirstThenById) {
    EXPECT_EQ(found(storage::query<t::memo>().order_by(m::tag)), (ids{"m-c", "m-d", "m-a", "m-b"}));
    EXPECT_EQ(found(storage::query<t::memo>().order_by(m::tag, sort_order::descending)),
              (ids{"m-b", "m-a", "m-d", "m-c"}));
}

TEST_P(StoreConformance, ReindexRewritesIndexEntriesWithoutNewRevisions) {
    struct reset_flag {
        ~reset_flag() { t::index_memo_body = false; }
    } guard;
    auto memo = t::sample_memo("m-1");
    memo.body = "zebra";
    put(memo);
    const auto by_body = storage::query<t::memo>().where(m::body_word, std::string("zebra"));
    EXPECT_EQ(found(by_body), ids{});
    t::index_memo_body = true;
    {
        auto tx = db().begin(ada);
        EXPECT_EQ(tx.reindex<t::memo>(), 1u);
        tx.commit();
    }
    EXPECT_EQ(found(by_body), (ids{"m-1"}));
    EXPECT_EQ(read<t::memo>(t::memo_id("m-1")).revision(), 1);
}

TEST_P(StoreConformance, ARecordFromANewerTheraCoreIsRefusedClearly) {
    t::memo_v2 newer;
    static_cast<t::memo&>(newer) = t::sample_memo("m-new");
    put(newer);
    auto tx = db().begin(ada, access_mode::read_only);
    try {
        (void)tx.get<t::memo>(t::memo_id("m-new"));
        FAIL() << "expected storage_error";
    } catch (const storage_error& e) {
        EXPECT_EQ(e.category(), storage_errc::schema_mismatch);
        const std::string what = e.what();
        EXPECT_NE(what.find("test_memo m-new"), std::string::npos) << what;
        EXPECT_NE(what.find("newer"), std::string::npos) << what;
    }
}

// ----- Bad input: rejected before any write -----------------------------------------------

TEST_P(StoreConformance, InvalidRecordsOfEveryTypeAreRejectedBeforeAnyWrite) {
    {
        auto tx = db().begin(ada);
        client c = t::full_client();
        c.legal_name.text.clear();
        try {
            tx.insert(c);
            FAIL() << "expected validation_error";
        } catch (const validation_error& e) {
            EXPECT_EQ(e.problems(), (problem_list{{"legal_name.text", "required"}}));
        }
        clinician k = t::full_clinician();
        k.supervisor.reset();
        EXPECT_THROW(tx.insert(k), validation_error);
        EXPECT_THROW(tx.insert(care_episode{}), validation_error);  // an empty placeholder
        intake i = t::full_intake();
        i.presenting_concerns.clear();
        EXPECT_THROW(tx.insert(i), validation_error);
        t::memo memo = t::sample_memo("m-1");
        memo.title.clear();
        EXPECT_THROW(tx.insert(memo), validation_error);
        EXPECT_TRUE(tx.active());
        tx.commit();
    }
    expect_empty();
}

TEST_P(StoreConformance, InvalidUpdatesChangeNothing) {
    put(t::full_client());
    {
        auto tx = db().begin(ada);
        auto c = tx.get<client>(client_id("c-zoe"));
        c.value.legal_name.text.clear();
        EXPECT_THROW(tx.update(c), validation_error);
        tx.commit();
    }
    const auto c = read<client>(client_id("c-zoe"));
    EXPECT_EQ(c.value, t::full_client());
    EXPECT_EQ(c.revision(), 1);
}

TEST_P(StoreConformance, IdsMustBeTextWithoutNul) {
    auto tx = db().begin(ada);
    for (const std::string& bad : {std::string("c-\0x", 4), std::string("c-\xff")}) {
        client c = t::full_client();
        c.id = client_id(bad);
        try {
            tx.insert(c);
            FAIL() << "expected validation_error";
        } catch (const validation_error& e) {
            ASSERT_EQ(e.problems().size(), 1u);
            EXPECT_EQ(e.problems()[0].path, "id");
        }
        EXPECT_THROW((void)tx.find<client>(c.id), validation_error);
    }
    EXPECT_THROW((void)tx.find<client>(client_id("")), validation_error);
    tx.commit();
    expect_empty();
}

TEST_P(StoreConformance, TextThatIsNotUtf8OrIndexValuesWithNulAreRejected) {
    auto tx = db().begin(ada);
    client c = t::full_client();
    c.notes = "bad byte \xC3 here";
    try {
        tx.insert(c);
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        EXPECT_NE(std::string(e.what()).find("UTF-8"), std::string::npos) << e.what();
    }
    t::memo memo = t::sample_memo("m-1");
    memo.title = std::string("a\0b", 3);
    try {
        tx.insert(memo);
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        EXPECT_EQ(e.problems(), (problem_list{{"index.title", "contains a NUL character"}}));
    }
    memo = t::sample_memo("m-1");
    memo.score = std::nan("");
    EXPECT_THROW(tx.insert(memo), validation_error);
    tx.commit();
    expect_empty();
}

TEST_P(StoreConformance, AnActorIsRequired) {
    EXPECT_THROW((void)db().begin(actor{""}), validation_error);
    EXPECT_THROW((void)db().begin(actor{std::string("k\0", 2)}), validation_error);
    EXPECT_EQ(db().open_transactions(), 0u);
}

TEST_P(StoreConformance, RevisionsBelowOneAndMissingReasonsAreRejected) {
    put(t::full_client());
    auto tx = db().begin(ada);
    const client_id id("c-zoe");
    for (const std::int64_t bad : {std::int64_t{0}, std::int64_t{-1}}) {
        EXPECT_THROW(tx.update(t::full_client(), bad), validation_error);
        EXPECT_THROW(tx.remove<client>(id, bad, "x"), validation_error);
        EXPECT_THROW(tx.restore<client>(id, bad, "x"), validation_error);
        EXPECT_THROW(tx.purge<client>(id, bad, "x"), validation_error);
    }
    try {
        tx.remove<client>(id, 1, "");
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        EXPECT_EQ(e.problems(), (problem_list{{"reason", "required"}}));
    }
    EXPECT_THROW(tx.purge<client>(id, 1, ""), validation_error);
    EXPECT_THROW(tx.restore<client>(id, 1, ""), validation_error);
    EXPECT_THROW(tx.remove<client>(client_id(""), 1, "x"), validation_error);
    tx.commit();
    EXPECT_EQ(read<client>(id).revision(), 1);
    EXPECT_TRUE(journal().empty());
}

// ----- Bulk insert ------------------------------------------------------------------------

TEST_P(StoreConformance, InsertAllStoresEveryRecord) {
    std::vector<t::memo> memos;
    for (int i = 0; i < 300; ++i) {
        memos.push_back(t::sample_memo("m-" + std::to_string(1000 + i), i));
    }
    db().transact(ada, [&](transaction& tx) { tx.insert_all(memos); });
    const auto stored = all<t::memo>();
    ASSERT_EQ(stored.size(), 300u);
    EXPECT_EQ(stored[42].value, memos[42]);
    EXPECT_EQ(stored[42].revision(), 1);
    EXPECT_EQ(stored[42].meta.created_by, "k-ada");
    EXPECT_EQ(found(storage::query<t::memo>().where_between(m::priority, 10, 12)),
              (ids{"m-1010", "m-1011", "m-1012"}));
}

TEST_P(StoreConformance, InsertAllRejectsTheWholeBatchForAnyBadRecord) {
    std::vector<t::memo> memos{t::sample_memo("m-1"), t::sample_memo("m-2"), t::sample_memo("m-1")};
    memos[1].title.clear();
    auto tx = db().begin(ada);
    try {
        tx.insert_all(memos);
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        EXPECT_EQ(e.problems(),
                  (problem_list{{"[1].title", "required"}, {"[2].id", "repeats [0] (m-1)"}}));
    }
    EXPECT_TRUE(tx.active());
    tx.commit();
    expect_empty();
}

TEST_P(StoreConformance, InsertAllWithAnExistingIdInsertsNothing) {
    put(t::sample_memo("m-5"));
    auto tx = db().begin(ada);
    EXPECT_THROW(tx.insert_all(std::vector<t::memo>{t::sample_memo("m-4"), t::sample_memo("m-5"),
                                                    t::sample_memo("m-6")}),
                 conflict);
    EXPECT_FALSE(tx.active()) << "a batch is all or nothing: the transaction is over";
    EXPECT_THROW(tx.commit(), conflict);
    EXPECT_EQ(ids_of(all<t::memo>()), (ids{"m-5"}));
}

// ----- Access policy and audit ------------------------------------------------------------

class recording_policy final : public access_policy {
  public:
    void check(const access_request& r) override {
        std::lock_guard<std::mutex> lock(mutex_);
        seen_.push_back(std::string(to_string(r.op)) + " " + std::string(r.kind) + " " +
                        std::string(r.id));
        if (r.who.id == "intruder") {
            throw access_denied("intruder");
        }
        if (r.op == operation::insert && r.record != nullptr &&
            r.record->payload.find("secret") != std::string::npos) {
            throw access_denied("no secrets");
        }
    }
    bool may_read(const actor&, const stored_record& r) override { return r.id != "c-lee"; }
    std::vector<std::string> seen() {
        std::lock_guard<std::mutex> lock(mutex_);
        return seen_;
    }

  private:
    std::mutex mutex_;
    std::vector<std::string> seen_;
};

/// Appends one "audit" entry per event, chained to the previous one through `last`.
class chaining_sink final : public audit_sink {
  public:
    explicit chaining_sink(bool reads = true) : reads_(reads) {}
    void record(const audit_event& e, journal_writer& j) override {
        const auto previous = j.last("audit");
        journal_entry x;
        x.category = "audit";
        x.kind = std::string(e.kind);
        x.record_id = e.ids.empty() ? "" : e.ids.front();
        x.revision = e.revision;
        x.detail = std::string(to_string(e.op)) + " " + std::string(to_string(e.result)) + " " +
                   std::to_string(e.ids.size()) + " after " +
                   std::to_string(previous ? previous->sequence : 0);
        j.append(x);
    }
    bool audits_reads() const override { return reads_; }

  private:
    bool reads_;
};

class throwing_sink final : public audit_sink {
  public:
    void record(const audit_event&, journal_writer&) override {
        throw std::runtime_error("audit log unavailable");
    }
};

TEST_P(StoreConformance, TheAccessPolicyIsAskedBeforeEveryOperation) {
    auto policy = std::make_shared<recording_policy>();
    db().set_access_policy(policy);
    {
        auto tx = db().begin(ada);
        tx.insert(t::full_client());
        auto c = tx.get<client>(client_id("c-zoe"));
        tx.update(c);
        (void)tx.query(clients_by_name_prefix("z"));
        tx.remove<client>(client_id("c-zoe"), 2, "x");
        tx.restore<client>(client_id("c-zoe"), 3, "y");
        tx.purge<client>(client_id("c-zoe"), 4, "z");
        (void)tx.journal();
        tx.commit();
    }
    EXPECT_EQ(policy->seen(), (std::vector<std::string>{
                                  "insert client c-zoe", "read client c-zoe", "update client c-zoe",
                                  "query client ", "remove client c-zoe", "restore client c-zoe",
                                  "purge client c-zoe", "read_journal  "}));
}

TEST_P(StoreConformance, ADeniedOperationWritesNothingAndTheTransactionGoesOn) {
    db().set_access_policy(std::make_shared<recording_policy>());
    {
        auto tx = db().begin(actor{"intruder"});
        EXPECT_THROW(tx.insert(t::full_client()), access_denied);
        EXPECT_THROW((void)tx.find<client>(client_id("c-zoe")), access_denied);
        EXPECT_TRUE(tx.active());
        tx.commit();
    }
    {
        auto tx = db().begin(ada);
        auto secret = t::sample_memo("m-1");
        secret.body = "secret";
        EXPECT_THROW(tx.insert(secret), access_denied);
        tx.insert(t::sample_memo("m-2"));
        tx.commit();
    }
    db().set_access_policy(nullptr);
    EXPECT_TRUE(all<client>().empty());
    EXPECT_EQ(ids_of(all<t::memo>()), (ids{"m-2"}));
}

TEST_P(StoreConformance, ThePolicyMayWithholdRecordsFromReads) {
    put(t::full_client());
    put(t::minimal_client());
    db().set_access_policy(std::make_shared<recording_policy>());
    auto tx = db().begin(ada, access_mode::read_only);
    EXPECT_THROW((void)tx.get<client>(client_id("c-lee")), access_denied);
    EXPECT_EQ(ids_of(tx.list<client>()), (ids{"c-zoe"}));
    EXPECT_EQ(tx.get<client>(client_id("c-zoe")).value, t::full_client());
}

TEST_P(StoreConformance, AuditEntriesCommitAndRollBackWithTheirData) {
    db().set_audit_sink(std::make_shared<chaining_sink>());
    {
        auto tx = db().begin(ada);
        tx.insert(t::full_client());
        (void)tx.get<client>(client_id("c-zoe"));
        tx.commit();
    }
    {
        auto tx = db().begin(bob);
        tx.insert(t::minimal_client());
        tx.rollback();
    }
    db().set_audit_sink(nullptr);
    const auto j = journal({std::string("audit"), {}, {}, 0, 0, false});
    ASSERT_EQ(j.size(), 2u);
    EXPECT_EQ(j[0].actor, "k-ada");
    EXPECT_EQ(j[0].kind, "client");
    EXPECT_EQ(j[0].record_id, "c-zoe");
    EXPECT_EQ(j[0].revision, 1);
    EXPECT_EQ(j[0].detail, "insert succeeded 1 after 0");
    EXPECT_EQ(j[1].detail, "read succeeded 1 after " + std::to_string(j[0].sequence));
    EXPECT_EQ(j[1].at, clock_);
    EXPECT_EQ(ids_of(all<client>()), (ids{"c-zoe"}));
}

TEST_P(StoreConformance, ReadsAreAuditedEvenInReadOnlyTransactions) {
    put(t::full_client());
    db().set_audit_sink(std::make_shared<chaining_sink>());
    {
        auto tx = db().begin(bob, access_mode::read_only);
        (void)tx.get<client>(client_id("c-zoe"));
        (void)tx.query(clients_by_name_prefix("z"));
        EXPECT_THROW(tx.insert(t::minimal_client()), conflict) << "still read-only for the caller";
        tx.commit();
    }
    db().set_audit_sink(nullptr);
    const auto j = journal({std::string("audit"), {}, {}, 0, 0, false});
    ASSERT_EQ(j.size(), 2u);
    EXPECT_EQ(j[0].actor, "k-bob");
    EXPECT_EQ(j[0].detail.substr(0, 14), "read succeeded");
    EXPECT_EQ(j[1].detail.substr(0, 17), "query succeeded 1");
}

TEST_P(StoreConformance, DeniedOperationsAreAuditedAndSinksMayIgnoreReads) {
    db().set_access_policy(std::make_shared<recording_policy>());
    db().set_audit_sink(std::make_shared<chaining_sink>(false));
    {
        auto tx = db().begin(actor{"intruder"});
        EXPECT_THROW(tx.insert(t::full_client()), access_denied);
        tx.commit();
    }
    {
        auto tx = db().begin(ada, access_mode::read_only);
        EXPECT_TRUE(tx.list<client>().empty());  // not audited: this sink skips reads
        tx.commit();
    }
    db().set_audit_sink(nullptr);
    db().set_access_policy(nullptr);
    const auto j = journal();
    ASSERT_EQ(j.size(), 1u);
    EXPECT_EQ(j[0].actor, "intruder");
    EXPECT_EQ(j[0].detail, "insert denied 1 after 0");
}

TEST_P(StoreConformance, AFailingAuditSinkEndsTheTransaction) {
    db().set_audit_sink(std::make_shared<throwing_sink>());
    {
        auto tx = db().begin(ada);
        EXPECT_THROW(tx.insert(t::full_client()), std::runtime_error);
        EXPECT_FALSE(tx.active());
        EXPECT_THROW(tx.commit(), conflict);
    }
    db().set_audit_sink(nullptr);
    EXPECT_TRUE(all<client>().empty());
}

TEST_P(StoreConformance, JournalFilters) {
    db().transact(ada, [](transaction& tx) {
        tx.insert(t::full_client());
        tx.insert(t::sample_memo("m-1"));
        tx.insert(t::sample_memo("m-2"));
        tx.insert(t::scratch_note{t::scratch_note_id("s-1"), ""});
    });
    db().transact(ada, [](transaction& tx) {
        tx.purge<t::memo>(t::memo_id("m-1"), 1, "a");
        tx.purge<client>(client_id("c-zoe"), 1, "b");
        tx.remove<t::scratch_note>(t::scratch_note_id("s-1"), 1, "c");
        tx.purge<t::memo>(t::memo_id("m-2"), 1, "d");
    });
    const auto details = [](const std::vector<journal_entry>& j) {
        std::string s;
        for (const auto& e : j) {
            s += e.detail;
        }
        return s;
    };
    const auto everything = journal();
    ASSERT_EQ(everything.size(), 4u);
    EXPECT_EQ(details(everything), "abcd");
    EXPECT_EQ(details(journal({std::string("purge"), {}, {}, 0, 0, false})), "abd");
    EXPECT_EQ(details(journal({{}, std::string("test_memo"), {}, 0, 0, false})), "ad");
    EXPECT_EQ(details(journal({{}, std::string("test_memo"), std::string("m-2"), 0, 0, false})),
              "d");
    EXPECT_EQ(details(journal({{}, {}, {}, everything[1].sequence, 0, false})), "cd");
    EXPECT_EQ(details(journal({{}, {}, {}, 0, 2, false})), "ab");
    EXPECT_EQ(details(journal({{}, {}, {}, 0, 3, true})), "dcb");
}

// ----- Concurrency ------------------------------------------------------------------------

TEST_P(StoreConformance, EightThreadsLoseNoUpdates) {
    db().set_clock(nullptr);
    put(t::sample_memo("counter", 0));
    constexpr int threads = 8;
    constexpr int per_thread = 15;
    std::atomic<int> conflicts{0};
    std::mutex failures_mutex;
    std::vector<std::string> failures;
    std::vector<std::thread> workers;
    for (int w = 0; w < threads; ++w) {
        workers.emplace_back([&, w] {
            const actor me{"worker-" + std::to_string(w)};
            try {
                for (int done = 0; done < per_thread;) {
                    versioned<t::memo> counter = [&] {
                        auto rx = db().begin(me, access_mode::read_only);
                        return rx.get<t::memo>(t::memo_id("counter"));
                    }();
                    counter.value.priority += 1;
                    try {
                        auto tx = db().begin(me);
                        tx.update(counter);
                        tx.commit();
                        ++done;
                    } catch (const conflict&) {
                        ++conflicts;  // someone else won: read again and retry
                    }
                }
            } catch (const std::exception& e) {
                std::lock_guard<std::mutex> lock(failures_mutex);
                failures.push_back(e.what());
            }
        });
    }
    for (auto& w : workers) {
        w.join();
    }
    EXPECT_EQ(failures, std::vector<std::string>{});
    const auto counter = read<t::memo>(t::memo_id("counter"));
    EXPECT_EQ(counter.value.priority, threads * per_thread);
    EXPECT_EQ(counter.revision(), 1 + threads * per_thread);
    RecordProperty("conflicts_retried", conflicts.load());
}

TEST_P(StoreConformance, ConcurrentInsertsOfOneIdLetExactlyOneWin) {
    db().set_clock(nullptr);
    constexpr int threads = 8;
    std::atomic<int> wins{0};
    std::atomic<int> conflicts{0};
    std::mutex failures_mutex;
    std::vector<std::string> failures;
    std::vector<std::thread> workers;
    for (int w = 0; w < threads; ++w) {
        workers.emplace_back([&, w] {
            try {
                auto memo = t::sample_memo("only-one");
                memo.title = "by " + std::to_string(w);
                auto tx = db().begin(actor{"worker"});
                tx.insert(memo);
                tx.commit();
                ++wins;
            } catch (const conflict&) {
                ++conflicts;
            } catch (const std::exception& e) {
                std::lock_guard<std::mutex> lock(failures_mutex);
                failures.push_back(e.what());
            }
        });
    }
    for (auto& w : workers) {
        w.join();
    }
    EXPECT_EQ(failures, std::vector<std::string>{});
    EXPECT_EQ(wins.load(), 1);
    EXPECT_EQ(conflicts.load(), threads - 1);
    EXPECT_EQ(read<t::memo>(t::memo_id("only-one")).revision(), 1);
}

std::string backend_name(const ::testing::TestParamInfo<t::backend>& info) {
    return info.param.name;
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreConformance, ::testing::ValuesIn(t::all_backends()),
                         backend_name);
INSTANTIATE_TEST_SUITE_P(Backends, StoreQueries, ::testing::ValuesIn(t::all_backends()),
                         backend_name);
INSTANTIATE_TEST_SUITE_P(Backends, StoreMemoQueries, ::testing::ValuesIn(t::all_backends()),
                         backend_name);

}  // namespace
