// SPDX-License-Identifier: Apache-2.0
// The conformance suite (StoreConformance, every backend) for the care records: round trips,
// bad input, the signed-note and plan-version rules enforced by the store, psychotherapy notes
// kept apart from progress notes, and the queries over sessions and notes.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <theracore/storage/records.hpp>

#include "support/care_builders.hpp"
#include "support/storage_records_builders.hpp"
// After the builders: see store_fixture.hpp.
#include "storage/store_fixture.hpp"

namespace {

using namespace theracore::test::store_suite;

progress_note signed_note(const std::string& id, const std::string& session, instant created) {
    auto f = t::draft_note_fields();
    f.id = note_id(id);
    f.session = session_id(session);
    f.created = created;
    auto n = progress_note::create(f);
    n.sign({clinician_id("k-ada"), created + boost::posix_time::hours(1)}, t::full_clinician());
    return n;
}

progress_note draft_note(const std::string& id, const std::string& author, instant created) {
    auto f = t::draft_note_fields();
    f.id = note_id(id);
    f.author = clinician_id(author);
    f.created = created;
    return progress_note::create(f);
}

TEST_P(StoreConformance, CareRecordsReadBackEqualAtRevisionOne) {
    const auto plan = t::revised_plan();
    const auto s1 = session::create(t::individual_session_fields());
    const auto s2 = session::create(t::couple_session_fields());
    const auto cosigned = t::signed_note_with_addendum();
    const auto couple_note = progress_note::create(t::couple_note_fields());
    const auto process = t::process_note();
    const auto homework = homework_assignment::create(t::assignment_fields());
    const auto diary = behaviour_diary::create(t::diary_fields());
    const auto catalog = intervention_catalog::builtin();
    {
        auto tx = db().begin(ada);
        tx.insert(plan);
        tx.insert(s1);
        tx.insert(s2);
        tx.insert(couple_note);
        tx.insert(process);
        tx.insert(homework);
        tx.insert(diary);
        tx.insert(catalog);
        tx.commit();
    }
    put(cosigned);  // n-1, signed, co-signed, with an addendum
    auto tx = db().begin(bob, access_mode::read_only);
    EXPECT_EQ(tx.get<treatment_plan>(plan_id("p-1")).value, plan);
    EXPECT_EQ(tx.get<session>(session_id("s-1")).value, s1);
    EXPECT_EQ(tx.get<session>(session_id("s-2")).value, s2);
    EXPECT_EQ(tx.get<progress_note>(note_id("n-1")).value, cosigned);
    EXPECT_EQ(tx.get<progress_note>(note_id("n-2")).value, couple_note);
    EXPECT_EQ(tx.get<psychotherapy_note>(note_id("pn-1")).value, process);
    EXPECT_EQ(tx.get<homework_assignment>(assignment_id("h-1")).value, homework);
    EXPECT_EQ(
        tx.get<behaviour_diary>(behaviour_diary_key(episode_id("e-100"), client_id("c-zoe"))).value,
        diary);
    const auto stored_catalog = tx.get<intervention_catalog>(intervention_catalog_key());
    EXPECT_EQ(stored_catalog.value, catalog);
    EXPECT_EQ(stored_catalog.revision(), 1);
    EXPECT_EQ(stored_catalog.meta.created_by, "k-ada");
}

TEST_P(StoreConformance, InvalidCareRecordsAreRejectedBeforeAnyWrite) {
    {
        auto tx = db().begin(ada);
        expect_rejected(tx, treatment_plan{}, "id");
        expect_rejected(tx, session{}, "id");
        expect_rejected(tx, progress_note{}, "session");
        auto process = t::process_note();
        process.text.clear();
        expect_rejected(tx, process, "text");
        expect_rejected(tx, homework_assignment{}, "title");
        expect_rejected(tx, behaviour_diary{}, "client");
        tx.commit();
    }
    expect_empty();
}

// ----- History rules, enforced by every backend ----------------------------------------------

TEST_P(StoreConformance, ASignedNoteCannotBeEditedWhateverTheCallerSends) {
    put(signed_note("n-1", "s-1", t::when(2024, 3, 15, 16)));
    const auto stored = read<progress_note>(note_id("n-1"));
    {
        auto tx = db().begin(ada);
        // Rebuilt from its fields with another body: not through set_body, which would refuse.
        auto f = stored.value.data();
        f.body = soap_note{"Rewritten", "Rewritten", "Rewritten", "Rewritten"};
        try {
            tx.update(progress_note::create(f), stored.revision());
            FAIL() << "expected conflict";
        } catch (const conflict& e) {
            EXPECT_NE(std::string(e.what()).find("body"), std::string::npos) << e.what();
        }
        f = stored.value.data();
        f.signature.reset();
        f.cosigner.reset();
        EXPECT_THROW(tx.update(progress_note::create(f), stored.revision()), conflict)
            << "unsigning is an edit too";
        EXPECT_TRUE(tx.active());
        auto cosigned = stored.value;
        cosigned.cosign({clinician_id("k-sup"), t::when(2024, 3, 16, 9)});
        EXPECT_EQ(tx.update(cosigned, stored.revision()), 2);
        auto amended = cosigned;
        amended.add_addendum({clinician_id("k-ada"), t::when(2024, 3, 17, 9), "Correction",
                              "The session lasted 45 minutes."});
        EXPECT_EQ(tx.update(amended, 2), 3);
        tx.commit();
    }
    const auto now = read<progress_note>(note_id("n-1"));
    EXPECT_EQ(now.value.body(), stored.value.body());
    EXPECT_EQ(now.value.status(), note_status::signed_off);
    EXPECT_EQ(now.value.addenda().size(), 1u);
}

TEST_P(StoreConformance, ASupersededPlanVersionCannotBeEdited) {
    put(t::agreed_plan());
    db().transact(ada, [](transaction& tx) {
        auto p = tx.get<treatment_plan>(plan_id("p-1"));
        EXPECT_EQ(tx.update(t::revised_plan(), p.revision()), 2);
    });
    // One transaction at a time: the SQLite :memory: store has one connection.
    auto tx = db().begin(ada);
    auto f = tx.get<treatment_plan>(plan_id("p-1")).value.data();
    f.versions[0].review_due = date(2024, 7, 1);
    EXPECT_THROW(tx.update(treatment_plan::create(f), 2), conflict);
    EXPECT_THROW(tx.update(t::agreed_plan(), 2), conflict) << "dropping version 2";
    EXPECT_TRUE(tx.active());
    tx.commit();
    EXPECT_EQ(read<treatment_plan>(plan_id("p-1")).value, t::revised_plan());
}

// ----- Psychotherapy notes stay apart -------------------------------------------------------

TEST_P(StoreConformance, PsychotherapyNotesNeverComeBackAsProgressNotes) {
    // The same id in both kinds, about the same session: still two separate records.
    auto process = t::process_note();
    process.id = note_id("n-1");
    db().transact(ada, [&](transaction& tx) {
        tx.insert(progress_note::create(t::draft_note_fields()));  // n-1, session s-1
        tx.insert(process);
        tx.insert(t::process_note());  // pn-1, session s-1
    });
    EXPECT_EQ(found(progress_notes_of_session(session_id("s-1"))), (ids{"n-1"}));
    EXPECT_EQ(found(progress_notes_of_episode(episode_id("e-100"))), (ids{"n-1"}));
    EXPECT_EQ(ids_of(all<progress_note>(deleted_records::included)), (ids{"n-1"}));
    EXPECT_EQ(found(unsigned_notes_older_than(t::when(2030, 1, 1, 0), 0)), (ids{"n-1"}));
    EXPECT_EQ(found(psychotherapy_notes_of_session(session_id("s-1"))), (ids{"n-1", "pn-1"}));
    EXPECT_EQ(found(psychotherapy_notes_of_client(client_id("c-zoe"))), (ids{"n-1", "pn-1"}));
    EXPECT_EQ(read<progress_note>(note_id("n-1")).value,
              progress_note::create(t::draft_note_fields()));
    EXPECT_EQ(read<psychotherapy_note>(note_id("n-1")).value, process);
    // Deleting one kind leaves the other.
    db().transact(ada, [](transaction& tx) {
        tx.remove<psychotherapy_note>(note_id("n-1"), 1, "Moved to supervision notes");
    });
    EXPECT_FALSE(read<progress_note>(note_id("n-1")).deleted());
}

// ----- Queries --------------------------------------------------------------------------------

TEST_P(StoreConformance, UnsignedNotesOlderThanNHours) {
    db().transact(ada, [](transaction& tx) {
        tx.insert(draft_note("n-old", "k-ada", t::when(2024, 3, 10, 9)));
        tx.insert(draft_note("n-edge", "k-ada", t::when(2024, 3, 19, 12)));
        tx.insert(draft_note("n-new", "k-ada", t::when(2024, 3, 20, 8)));
        tx.insert(draft_note("n-bob", "k-bob", t::when(2024, 3, 11, 9)));
        tx.insert(signed_note("n-signed", "s-2", t::when(2024, 3, 1, 9)));
    });
    const instant now = t::when(2024, 3, 20, 12);
    EXPECT_EQ(found(unsigned_notes_older_than(now, 24)), (ids{"n-old", "n-bob"}))
        << "created exactly 24 hours ago is not older than 24 hours";
    EXPECT_EQ(found(unsigned_notes_older_than(now, 23)), (ids{"n-old", "n-bob", "n-edge"}));
    EXPECT_EQ(found(unsigned_notes_older_than(now, 0)), (ids{"n-old", "n-bob", "n-edge", "n-new"}));
    using n = record_traits<progress_note>;
    EXPECT_EQ(found(unsigned_notes_older_than(now, 24).where(n::author, clinician_id("k-ada"))),
              (ids{"n-old"}));
    // Signing takes a note off the list.
    db().transact(ada, [](transaction& tx) {
        auto note = tx.get<progress_note>(note_id("n-old"));
        note.value.sign({clinician_id("k-ada"), t::when(2024, 3, 20, 12)}, t::full_clinician());
        tx.update(note);
    });
    EXPECT_EQ(found(unsigned_notes_older_than(now, 24)), (ids{"n-bob"}));
    EXPECT_EQ(found(notes_awaiting_cosignature(clinician_id("k-sup"))), (ids{"n-signed", "n-old"}));
}

TEST_P(StoreConformance, SessionsPlansAndHomeworkByEpisodeAndClient) {
    auto later = t::individual_session_fields();
    later.id = session_id("s-3");
    later.start = t::when(2024, 3, 29, 15);
    db().transact(ada, [&](transaction& tx) {
        tx.insert(session::create(later));
        tx.insert(session::create(t::couple_session_fields()));
        tx.insert(session::create(t::individual_session_fields()));
        tx.insert(t::revised_plan());
        tx.insert(homework_assignment::create(t::assignment_fields()));
        tx.insert(behaviour_diary::create(t::diary_fields()));
    });
    EXPECT_EQ(found(sessions_of_episode(episode_id("e-100"))), (ids{"s-1", "s-2", "s-3"}));
    EXPECT_EQ(found(sessions_of_client(client_id("c-lee"))), (ids{"s-2"}));
    EXPECT_EQ(found(sessions_of_clinician(clinician_id("k-ada"), t::when(2024, 3, 20, 0),
                                          t::when(2024, 3, 31, 0))),
              (ids{"s-2", "s-3"}));
    EXPECT_EQ(found(plans_of_client(client_id("c-lee"))), (ids{"p-1"}));
    EXPECT_EQ(found(plans_due_for_review(date(2024, 9, 6))), ids{}) << "version 2's date counts";
    EXPECT_EQ(found(plans_due_for_review(date(2024, 9, 7))), (ids{"p-1"}));
    EXPECT_EQ(found(homework_of_client(client_id("c-zoe"))), (ids{"h-1"}));
    EXPECT_EQ(found(diaries_of_client(client_id("c-zoe"))), (ids{"e-100|c-zoe"}));
}

}  // namespace
