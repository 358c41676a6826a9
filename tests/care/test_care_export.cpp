// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <theracore/care/care_export.hpp>

#include "support/care_builders.hpp"

using namespace theracore;
using test::has_path;
using test::problems_of;

namespace {
struct records {
    care_episode episode = care_episode::create(test::couple_episode_fields());
    std::vector<session> sessions;
    std::vector<progress_note> notes;
    std::vector<psychotherapy_note> process_notes{test::process_note()};

    records() {
        auto other = test::couple_session_fields();
        other.id = session_id("s-other");
        other.episode = episode_id("e-other");
        // Out of time order on purpose: the export sorts by start.
        sessions = {session::create(test::couple_session_fields()),
                    session::create(test::individual_session_fields()), session::create(other)};
        auto unsigned_note = test::couple_note_fields();
        notes = {test::signed_note_with_addendum(), progress_note::create(unsigned_note)};
    }

    [[nodiscard]] care_record_export run(const export_request& r) const {
        return export_records(episode, sessions, notes, process_notes, r);
    }
};

std::vector<session_id> ids(const std::vector<session>& ss) {
    std::vector<session_id> out;
    for (const auto& s : ss) {
        out.push_back(s.id());
    }
    return out;
}
}  // namespace

TEST(CareExport, PsychotherapyNotesAreExcludedByDefault) {
    const records r;
    const auto x = r.run({});
    EXPECT_FALSE(x.includes_psychotherapy_notes);
    EXPECT_TRUE(x.psychotherapy_notes.empty());
    EXPECT_EQ(ids(x.sessions), (std::vector<session_id>{session_id("s-1"), session_id("s-2")}));
    ASSERT_EQ(x.progress_notes.size(), 1u);  // the draft of s-2 is not exported
    EXPECT_EQ(x.progress_notes[0].id(), note_id("n-1"));
    EXPECT_TRUE(validate(x).empty());
    const auto text = summarize(x);
    EXPECT_EQ(text.find("helplessness"), std::string::npos) << text;
    EXPECT_NE(text.find("psychotherapy notes excluded"), std::string::npos) << text;
}

TEST(CareExport, PsychotherapyNotesOnlyOnExplicitRequest) {
    const records r;
    export_request req;
    req.psychotherapy_notes = psychotherapy_note_policy::include;
    const auto x = r.run(req);
    EXPECT_TRUE(x.includes_psychotherapy_notes);
    ASSERT_EQ(x.psychotherapy_notes.size(), 1u);
    EXPECT_TRUE(validate(x).empty());
    const auto text = summarize(x);
    EXPECT_NE(text.find("Psychotherapy note pn-1 by k-ada: My own sense of helplessness"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("included on request"), std::string::npos);
}

TEST(CareExport, AClientsExportHoldsOnlyWhatTheyMaySee) {
    const records r;
    export_request req;
    req.for_client = client_id("c-lee");
    req.psychotherapy_notes = psychotherapy_note_policy::include;
    req.include_unsigned = true;
    const auto x = r.run(req);
    EXPECT_EQ(ids(x.sessions), std::vector<session_id>{session_id("s-2")});  // not Zoë's own
    ASSERT_EQ(x.progress_notes.size(), 1u);
    EXPECT_EQ(x.progress_notes[0].id(), note_id("n-2"));
    EXPECT_TRUE(x.psychotherapy_notes.empty());  // about Zoë
    req.for_client = client_id("c-zoe");
    const auto z = r.run(req);
    EXPECT_EQ(ids(z.sessions), (std::vector<session_id>{session_id("s-1"), session_id("s-2")}));
    EXPECT_EQ(z.progress_notes.size(), 2u);
    EXPECT_EQ(z.psychotherapy_notes.size(), 1u);
    req.for_client = client_id("c-stranger");
    EXPECT_EQ(problems_of([&] { (void)r.run(req); }),
              (problem_list{{"for_client", "c-stranger is not a participant of episode e-100"}}));
}

TEST(CareExport, SummaryShowsSessionsNotesAndAddenda) {
    const records r;
    const auto text = summarize(r.run({}));
    const std::string expected =
        "Episode e-100 (psychotherapy notes excluded)\n"
        "\n"
        "2024-03-15T15:00:00Z individual session (in_person, 50 min), risk reviewed: yes\n"
        "  Progress note n-1 by k-ada [signed_off, signed 2024-03-15T18:00:00Z, co-signed by "
        "k-sup 2024-03-16T09:00:00Z]\n"
        "    subjective: Reports sleeping 5 hours; \"work feels impossible\".\n"
        "    objective: Tearful at times, good eye contact. PHQ-9 = 16.\n"
        "    assessment: Moderate depressive symptoms; engaged with activity scheduling.\n"
        "    plan: Schedule 3 valued activities; review next week.\n"
        "  Addendum 2024-03-18T10:00:00Z by k-ada (Late information): Client called: PHQ-9 item "
        "9 answer was 0, not 1 as first recorded.\n"
        "\n"
        "2024-03-22T17:30:00Z couple session (telehealth_video, 80 min), risk reviewed: no\n";
    EXPECT_EQ(text, expected);
}

TEST(CareExport, AnExportClaimingNoPsychotherapyNotesCannotHoldThem) {
    const records r;
    auto x = r.run({});
    x.psychotherapy_notes.push_back(test::process_note());
    EXPECT_EQ(validate(x), (problem_list{{"psychotherapy_notes",
                                          "psychotherapy notes are exported only when explicitly "
                                          "requested"}}));
    x.includes_psychotherapy_notes = true;
    x.for_client = client_id("c-lee");
    x.progress_notes.push_back(progress_note::create(test::couple_note_fields()));
    x.sessions.pop_back();
    const auto p = validate(x);
    EXPECT_TRUE(has_path(p, "psychotherapy_notes[0].client"));
    EXPECT_TRUE(has_path(p, "progress_notes[1].session"));
    x.sessions.push_back(r.sessions[2]);  // another episode's session
    EXPECT_TRUE(has_path(validate(x), "sessions[1].episode"));
}
