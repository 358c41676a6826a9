// SPDX-License-Identifier: Apache-2.0
// The storage registrations of the care records (theracore/storage/records/care.hpp):
// what plans, sessions, notes, homework, diaries and the catalog index, their keys, and the
// two update rules (signed notes, superseded plan versions) run through a store.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <theracore/storage/memory.hpp>
#include <theracore/storage/records.hpp>

#include "storage/record_helpers.hpp"
#include "support/care_builders.hpp"

using namespace theracore;
using namespace theracore::storage;
using namespace theracore::test::record_helpers;

TEST(CareRecords, EveryCareRecordIsRegisteredUnderItsOwnKind) {
    static_assert(is_registered_record_v<treatment_plan>);
    static_assert(is_registered_record_v<session>);
    static_assert(is_registered_record_v<progress_note>);
    static_assert(is_registered_record_v<psychotherapy_note>);
    static_assert(is_registered_record_v<homework_assignment>);
    static_assert(is_registered_record_v<behaviour_diary>);
    static_assert(is_registered_record_v<intervention_catalog>);
    EXPECT_STREQ(record_traits<progress_note>::kind, "progress_note");
    EXPECT_STREQ(record_traits<psychotherapy_note>::kind, "psychotherapy_note");
    EXPECT_EQ(record_traits<progress_note>::deletion, deletion_policy::soft);
    EXPECT_EQ(record_traits<psychotherapy_note>::deletion, deletion_policy::soft);
    EXPECT_EQ(record_traits<treatment_plan>::deletion, deletion_policy::soft);
    EXPECT_EQ(record_traits<session>::deletion, deletion_policy::soft);
    EXPECT_EQ(record_traits<homework_assignment>::deletion, deletion_policy::soft);
    EXPECT_EQ(record_traits<behaviour_diary>::deletion, deletion_policy::soft);
    EXPECT_EQ(record_traits<intervention_catalog>::deletion, deletion_policy::hard);
}

TEST(CareRecords, PlansIndexEpisodeEveryClientAndTheLiveReviewDate) {
    const auto p = test::revised_plan();
    EXPECT_EQ(values(p, "episode"), (texts{"e-100"}));
    EXPECT_EQ(values(p, "client"), (texts{"c-lee", "c-zoe"}));
    EXPECT_EQ(values(p, "review_due"), (texts{"2024-09-07"})) << "version 2's, not version 1's";
}

TEST(CareRecords, SessionsIndexEpisodeClinicianAttendingClientsTimeAndType) {
    const auto s = session::create(test::couple_session_fields());
    EXPECT_EQ(values(s, "episode"), (texts{"e-100"}));
    EXPECT_EQ(values(s, "clinician"), (texts{"k-ada"}));
    EXPECT_EQ(values(s, "client"), (texts{"c-lee", "c-zoe"})) << "not the interpreter";
    EXPECT_EQ(values(s, "start"), (texts{"2024-03-22T17:30:00.000000Z"}));
    EXPECT_EQ(values(s, "type"), (texts{"couple"}));
}

TEST(CareRecords, ProgressNotesIndexTheirSignatureState) {
    const auto draft = progress_note::create(test::draft_note_fields());
    EXPECT_EQ(values(draft, "signed"), (texts{"0"}));
    EXPECT_EQ(values(draft, "status"), (texts{"draft"}));
    EXPECT_EQ(values(draft, "cosigner"), texts{});
    EXPECT_EQ(values(draft, "created"), (texts{"2024-03-15T16:00:00.000000Z"}));
    EXPECT_EQ(values(draft, "author"), (texts{"k-ada"}));
    EXPECT_EQ(values(draft, "session"), (texts{"s-1"}));
    auto awaiting = draft;
    awaiting.sign({clinician_id("k-ada"), test::at(2024, 3, 15, 18)}, test::full_clinician());
    EXPECT_EQ(values(awaiting, "signed"), (texts{"1"}));
    EXPECT_EQ(values(awaiting, "status"), (texts{"awaiting_cosignature"}));
    EXPECT_EQ(values(awaiting, "cosigner"), (texts{"k-sup"}));
    EXPECT_EQ(values(test::signed_note_with_addendum(), "status"), (texts{"signed_off"}));
}

TEST(CareRecords, PsychotherapyNotesIndexTheirClientAndSession) {
    const auto n = test::process_note();
    EXPECT_EQ(values(n, "client"), (texts{"c-zoe"}));
    EXPECT_EQ(values(n, "session"), (texts{"s-1"}));
    EXPECT_EQ(values(n, "author"), (texts{"k-ada"}));
}

TEST(CareRecords, HomeworkDiariesAndTheCatalogHaveTheirKeys) {
    const auto h = homework_assignment::create(test::assignment_fields());
    EXPECT_EQ(values(h, "client"), (texts{"c-zoe"}));
    EXPECT_EQ(values(h, "due"), (texts{"2024-03-22"}));
    EXPECT_EQ(values(h, "assigned_in"), (texts{"s-1"}));
    const auto d = behaviour_diary::create(test::diary_fields());
    EXPECT_EQ(record_traits<behaviour_diary>::id(d).str(), "e-100|c-zoe");
    EXPECT_EQ(record_traits<behaviour_diary>::id(d),
              behaviour_diary_key(episode_id("e-100"), client_id("c-zoe")));
    EXPECT_EQ(record_traits<intervention_catalog>::id(intervention_catalog::builtin()),
              intervention_catalog_key());
}

TEST(CareRecords, UnsignedNotesOlderThanIsADraftsBeforeTheCutoffQuery) {
    const auto q = unsigned_notes_older_than(test::at(2024, 3, 20, 12), 48).erased();
    ASSERT_EQ(q.where.size(), 2u);
    EXPECT_EQ(q.where[0].column, "signed");
    EXPECT_EQ(q.where[0].any_of, (std::optional<texts>(texts{"0"})));
    EXPECT_EQ(q.where[1].column, "created");
    EXPECT_EQ(q.where[1].upper->value, "2024-03-18T12:00:00.000000Z");
    EXPECT_FALSE(q.where[1].upper->inclusive);
    EXPECT_THROW((void)unsigned_notes_older_than(test::at(2024, 3, 20, 12), -1), validation_error);
    EXPECT_THROW((void)unsigned_notes_older_than(instant(), 1), validation_error);
}

TEST(CareRecords, ASignedNoteChangesOnlyByCosignatureAndAddendum) {
    auto draft = progress_note::create(test::draft_note_fields());
    auto edited = draft;
    edited.set_body(soap_note{"S", "O", "A", "P"});
    EXPECT_FALSE(refused(draft, edited)) << "a draft is edited freely";

    auto awaiting = draft;
    awaiting.sign({clinician_id("k-ada"), test::at(2024, 3, 15, 18)}, test::full_clinician());
    auto cosigned = awaiting;
    cosigned.cosign({clinician_id("k-sup"), test::at(2024, 3, 16, 9)});
    auto with_addendum = cosigned;
    with_addendum.add_addendum(
        {clinician_id("k-ada"), test::at(2024, 3, 18, 10), "Late information", "More"});
    EXPECT_FALSE(refused(awaiting, cosigned));
    EXPECT_FALSE(refused(cosigned, with_addendum));

    auto rewritten = awaiting.data();
    rewritten.body = soap_note{"S", "O", "A", "P"};
    EXPECT_TRUE(refused(awaiting, progress_note::create(rewritten))) << "the body is signed";
    auto unsigned_again = awaiting.data();
    unsigned_again.signature.reset();
    unsigned_again.cosigner.reset();
    EXPECT_TRUE(refused(awaiting, progress_note::create(unsigned_again)));
    auto dropped = with_addendum.data();
    dropped.addenda.clear();
    EXPECT_TRUE(refused(with_addendum, progress_note::create(dropped))) << "addenda stay";
}

TEST(CareRecords, ASupersededPlanVersionNeverChanges) {
    const auto v1 = test::agreed_plan();
    const auto v2 = test::revised_plan();
    EXPECT_FALSE(refused(v1, v2)) << "a revision appends a version";
    auto live_edit = v2;
    live_edit.transition_goal(goal_id("g-mood"), goal_status::achieved, date(2024, 6, 20));
    EXPECT_FALSE(refused(v2, live_edit)) << "the live version takes status changes";
    auto f = v2.data();
    f.versions[0].problems[0].description = "Rewritten";
    EXPECT_TRUE(refused(v2, treatment_plan::create(f))) << "version 1 is superseded";
    EXPECT_TRUE(refused(v2, v1)) << "versions are never dropped";
}

TEST(CareRecords, APsychotherapyNoteKeepsWhoWroteItAboutWhomAndWhen) {
    const auto n = test::process_note();
    auto revised = n;
    revised.text = "Revised after supervision.";
    EXPECT_FALSE(refused(n, revised));
    auto other = n;
    other.client = client_id("c-lee");
    EXPECT_TRUE(refused(n, other));
    other = n;
    other.author = clinician_id("k-bob");
    EXPECT_TRUE(refused(n, other));
    other = n;
    other.written += boost::posix_time::hours(1);
    EXPECT_TRUE(refused(n, other));
}
