// SPDX-License-Identifier: Apache-2.0
// The composed signing path: a note for a client with an open high or imminent flag cannot be
// signed until the session records a risk review and a current safety plan or an urgent
// referral exists, applied through progress_note::sign's preconditions.
#include <gtest/gtest.h>

#include <theracore/adapters/from_administration.hpp>
#include <theracore/adapters/risk_signing.hpp>
#include <theracore/care.hpp>

#include "support/adapters_builders.hpp"
#include "support/safety_builders.hpp"

using namespace theracore;
using test::at;

namespace {

clinician ada() {
    clinician k;
    k.id = clinician_id("k-ada");
    k.name.text = "Ada Okafor";
    return k;
}

session make_session(bool risk_reviewed, bool couple = false) {
    session::fields f;
    f.id = session_id("s-1");
    f.episode = episode_id("e-100");
    f.clinician = clinician_id("k-ada");
    f.start = at(2025, 3, 3, 15);
    f.duration_minutes = 50;
    f.type = couple ? session_type::couple : session_type::individual;
    f.attendees = {{client_id("c-zoe"), std::nullopt, std::nullopt, attendance_role::client}};
    if (couple) {
        f.attendees.push_back(
            {client_id("c-lee"), std::nullopt, std::nullopt, attendance_role::partner});
    }
    f.risk_reviewed = risk_reviewed;
    return session::create(f);
}

progress_note draft_note(const std::string& session = "s-1") {
    progress_note::fields f;
    f.id = note_id("n-1");
    f.session = session_id(session);
    f.episode = episode_id("e-100");
    f.author = clinician_id("k-ada");
    f.created = at(2025, 3, 3, 16);
    f.body = soap_note{"Low mood", "PHQ-9 = 22, item 9 = 2", "Passive ideation", "Safety plan"};
    return progress_note::create(f);
}

/// Zoë's PHQ-9 at 14:05 on 3 March with item 9 = 2: an open high flag (urgent item).
std::vector<risk_flag> zoes_flags() {
    const auto a = itest::phq9("adm-42", "c-zoe", at(2025, 3, 3, 14, 5), 20, 2);
    return risk_flags_for(critical_items(itest::builtin("phq9"), a));
}

const note_signature signing{clinician_id("k-ada"), at(2025, 3, 3, 18)};

std::vector<std::string> paths(const problem_list& p) {
    std::vector<std::string> out;
    for (const auto& x : p) {
        out.push_back(x.path);
    }
    return out;
}

problem_list sign_problems(progress_note& note, const signing_precondition& gate) {
    try {
        note.sign(signing, ada(), {gate});
    } catch (const validation_error& e) {
        return e.problems();
    }
    return {};
}

referral urgent_referral_sent_at(instant sent) {
    auto f = test::draft_referral_fields();  // c-zoe, outbound, urgent
    f.created_at = sent - boost::posix_time::hours(1);
    auto r = referral::create(f);
    r.transition(referral_status::sent, sent, "Faxed");
    return r;
}

}  // namespace

TEST(RiskSigning, AnOpenHighFlagBlocksUntilReviewAndSafetyMeasure) {
    const auto flags = zoes_flags();
    ASSERT_EQ(flags.size(), 1u);
    ASSERT_EQ(flags[0].severity(), risk_level::high);

    auto note = draft_note();
    const auto p = sign_problems(note, risk_gate_precondition(make_session(false), flags, {}, {}));
    EXPECT_EQ(paths(p), (std::vector<std::string>{"risk_gate.risk_review_missing",
                                                  "risk_gate.safety_measure_missing"}));
    EXPECT_EQ(p[0].message.rfind("client c-zoe: the session must record a risk review", 0), 0u)
        << p[0].message;
    EXPECT_EQ(note.status(), note_status::draft);
    EXPECT_FALSE(note.signature());

    // The session records a risk review: still no safety plan or urgent referral.
    EXPECT_EQ(paths(sign_problems(note, risk_gate_precondition(make_session(true), flags, {}, {}))),
              (std::vector<std::string>{"risk_gate.safety_measure_missing"}));
    EXPECT_EQ(note.status(), note_status::draft);

    // A safety plan without the review is not enough either.
    EXPECT_EQ(paths(sign_problems(note, risk_gate_precondition(make_session(false), flags,
                                                               {test::full_safety_plan()}, {}))),
              (std::vector<std::string>{"risk_gate.risk_review_missing"}));
    EXPECT_EQ(note.status(), note_status::draft);

    // Review and a current safety plan (created 3 March, review 3 June): the note is signed.
    EXPECT_TRUE(sign_problems(note, risk_gate_precondition(make_session(true), flags,
                                                           {test::full_safety_plan()}, {}))
                    .empty());
    EXPECT_EQ(note.status(), note_status::signed_off);
}

TEST(RiskSigning, AnUrgentReferralSentSinceTheFlagAlsoCovers) {
    const auto flags = zoes_flags();
    auto note = draft_note();
    // Sent before the flag was raised (another episode of risk): does not cover it.
    const auto earlier = urgent_referral_sent_at(at(2025, 3, 2, 10));
    EXPECT_EQ(paths(sign_problems(
                  note, risk_gate_precondition(make_session(true), flags, {}, {earlier}))),
              (std::vector<std::string>{"risk_gate.safety_measure_missing"}));
    const auto since = urgent_referral_sent_at(at(2025, 3, 3, 16, 30));
    EXPECT_TRUE(sign_problems(note, risk_gate_precondition(make_session(true), flags, {}, {since}))
                    .empty());
    EXPECT_EQ(note.status(), note_status::signed_off);
}

TEST(RiskSigning, NoActiveHighFlagNoObjection) {
    auto resolved = zoes_flags();
    resolved[0].resolve(at(2025, 3, 3, 17), clinician_id("k-ada"), "Reviewed: no current intent");
    auto note = draft_note();
    EXPECT_TRUE(note.can_sign(signing, ada(),
                              {risk_gate_precondition(make_session(false), resolved, {}, {})})
                    .empty());
    // Another client's flag does not concern Zoë's individual session.
    auto lees = test::open_phq9_flag().data();
    lees.client = client_id("c-lee");
    EXPECT_TRUE(note.can_sign(signing, ada(),
                              {risk_gate_precondition(make_session(false),
                                                      {risk_flag::create(lees)}, {}, {})})
                    .empty());
    EXPECT_EQ(note.status(), note_status::draft);  // can_sign changes nothing
}

TEST(RiskSigning, ACoupleSessionNoteIsBlockedByEitherPartnersFlag) {
    const auto flags = zoes_flags();
    auto note = draft_note();
    const auto p = note.can_sign(
        signing, ada(), {risk_gate_precondition(make_session(false, true), flags, {}, {})});
    ASSERT_EQ(p.size(), 2u);
    EXPECT_EQ(p[0].message.rfind("client c-zoe:", 0), 0u);
}

TEST(RiskSigning, APreconditionForAnotherSessionObjects) {
    auto note = draft_note("s-9");
    EXPECT_EQ(
        note.can_sign(signing, ada(), {risk_gate_precondition(make_session(true), {}, {}, {})}),
        (problem_list{{"session", "the risk gate was prepared for session s-1, not s-9"}}));
}

TEST(RiskSigning, ASignatureWithoutATimeIsLeftToTheNotesOwnRules) {
    auto note = draft_note();
    const auto gate = risk_gate_precondition(make_session(false), zoes_flags(), {}, {});
    EXPECT_TRUE(gate(note, {clinician_id("k-ada"), instant()}).empty());
    EXPECT_FALSE(note.can_sign({clinician_id("k-ada"), instant()}, ada(), {gate}).empty());
}
