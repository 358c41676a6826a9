// SPDX-License-Identifier: Apache-2.0
// The storage registrations of the safety and consent records (theracore/storage/records/
// safety.hpp): what each type indexes, the safety-plan version keys, and every history rule
// (flags, referrals, consents, disclosures, safety-plan versions) with each way of breaking it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <theracore/storage/memory.hpp>
#include <theracore/storage/records.hpp>

#include "storage/record_helpers.hpp"
#include "support/safety_builders.hpp"

using namespace theracore;
using namespace theracore::storage;
using namespace theracore::test::record_helpers;

TEST(SafetyRecords, EveryRecordIsRegisteredWithItsDeletionPolicy) {
    static_assert(is_registered_record_v<risk_assessment>);
    static_assert(is_registered_record_v<safety_plan>);
    static_assert(is_registered_record_v<risk_flag>);
    static_assert(is_registered_record_v<referral>);
    static_assert(is_registered_record_v<consent>);
    static_assert(is_registered_record_v<disclosure_record>);
    static_assert(is_registered_record_v<cultural_formulation>);
    static_assert(is_registered_record_v<ce_activity>);
    static_assert(is_registered_record_v<ce_rule_set>);
    static_assert(is_registered_record_v<referral_trigger_set>);
    for (const auto policy :
         {record_traits<risk_assessment>::deletion, record_traits<safety_plan>::deletion,
          record_traits<risk_flag>::deletion, record_traits<referral>::deletion,
          record_traits<consent>::deletion, record_traits<disclosure_record>::deletion,
          record_traits<cultural_formulation>::deletion, record_traits<ce_activity>::deletion}) {
        EXPECT_EQ(policy, deletion_policy::soft);
    }
    EXPECT_EQ(record_traits<ce_rule_set>::deletion, deletion_policy::hard);
    EXPECT_EQ(record_traits<referral_trigger_set>::deletion, deletion_policy::hard);
    EXPECT_EQ(record_traits<ce_rule_set>::id(test::example_rule_set()).str(),
              "EXAMPLE (fictional boards)");
}

TEST(SafetyRecords, WhatEachTypeIndexes) {
    const auto a = test::full_risk_assessment();
    EXPECT_EQ(values(a, "client"), (texts{"c-zoe"}));
    EXPECT_EQ(values(a, "level"), (texts{"moderate"}));
    EXPECT_EQ(values(a, "assessed_on"), (texts{"2025-03-03"}));
    EXPECT_EQ(values(a, "next_review"), (texts{"2025-03-10"}));
    const auto f = test::open_phq9_flag();
    EXPECT_EQ(values(f, "status"), (texts{"open"}));
    EXPECT_EQ(values(f, "severity"), (texts{"high"}));
    EXPECT_EQ(values(f, "raised"), (texts{"2025-03-03T14:05:00.000000Z"}));
    EXPECT_EQ(values(test::resolved_flag(), "status"), (texts{"resolved"}));
    const auto r = test::completed_referral();
    EXPECT_EQ(values(r, "status"), (texts{"completed"}));
    EXPECT_EQ(values(r, "urgency"), (texts{"urgent"}));
    EXPECT_EQ(values(r, "direction"), (texts{"outbound"}));
    EXPECT_EQ(values(test::full_release(), "kind"), (texts{"release_of_information"}));
    EXPECT_EQ(values(test::full_release(), "revoked"), (texts{"0"}));
    EXPECT_EQ(values(test::revoked_treatment_consent(), "revoked"), (texts{"1"}));
    EXPECT_EQ(values(test::full_disclosure_record(), "recipient"), (texts{"npi-0000000000"}));
    EXPECT_EQ(values(test::full_cultural_formulation(), "recorded_on"), (texts{"2025-03-10"}));
    EXPECT_EQ(values(test::ce("ce-1", 2, "ethics", date(2024, 1, 10)), "category"),
              (texts{"ethics"}));
}

TEST(SafetyRecords, EachSafetyPlanVersionIsARecordOfItsOwn) {
    const auto v1 = test::full_safety_plan();
    const auto v2 = revise(v1, date(2025, 4, 1), date(2025, 7, 1), clinician_id("k-ada"));
    EXPECT_EQ(record_traits<safety_plan>::id(v1).str(), "sp-1|1");
    EXPECT_EQ(record_traits<safety_plan>::id(v2),
              safety_plan_version_key(safety_plan_id("sp-1"), 2));
    EXPECT_EQ(values(v2, "plan"), (texts{"sp-1"}));
    EXPECT_EQ(values(v2, "version"), (texts{key_codec<std::int64_t>::encode(2)}));
}

TEST(SafetyRecords, AFlagChangesOnlyAlongItsLifecycle) {
    const auto open = test::open_phq9_flag();
    auto followed = open;
    followed.follow_up(test::at(2025, 3, 3, 15), clinician_id("k-ada"), "Assessed");
    auto resolved = followed;
    resolved.resolve(test::at(2025, 4, 1, 10), clinician_id("k-ada"), "Item 9 at 0 for 3 weeks");
    EXPECT_FALSE(refused(open, followed));
    EXPECT_FALSE(refused(open, resolved));
    EXPECT_FALSE(refused(followed, resolved));
    EXPECT_TRUE(refused(followed, test::resolved_flag())) << "another follow-up note";
    EXPECT_TRUE(refused(resolved, open)) << "reopened by dropping the history";
    EXPECT_TRUE(refused(followed, open));
    auto f = followed.data();
    f.history[0].note = "Rewritten";
    EXPECT_TRUE(refused(followed, risk_flag::create(f))) << "a recorded change is kept";
    for (const auto& change : std::vector<void (*)(risk_flag::fields&)>{
             [](risk_flag::fields& x) { x.severity = risk_level::moderate; },
             [](risk_flag::fields& x) { x.client = client_id("c-lee"); },
             [](risk_flag::fields& x) { x.review_by = date(2025, 3, 20); },
             [](risk_flag::fields& x) { x.expires = date(2025, 6, 1); },
             [](risk_flag::fields& x) { x.required_follow_up = "Something else"; },
             [](risk_flag::fields& x) {
                 x.source = clinician_raised_source{clinician_id("k-ada"), "Judgement"};
             }}) {
        auto g = open.data();
        change(g);
        EXPECT_TRUE(refused(open, risk_flag::create(g)));
    }
    // The rating changes by a re-rating only, and re-ratings are kept.
    auto rerated = open;
    rerated.rerate(risk_level::moderate, test::at(2025, 3, 3, 16), clinician_id("k-ada"),
                   "Risk formulation: passive ideation, no plan or intent");
    EXPECT_FALSE(refused(open, rerated));
    auto again = rerated;
    again.rerate(risk_level::high, test::at(2025, 3, 10, 9), clinician_id("k-ada"), "Plan");
    EXPECT_FALSE(refused(rerated, again));
    EXPECT_TRUE(refused(again, rerated)) << "a re-rating dropped";
    auto g = again.data();
    g.rerated[0].reason = "Rewritten";
    EXPECT_TRUE(refused(again, risk_flag::create(g))) << "a recorded re-rating is kept";
    // A new re-rating starts from the stored rating, does not predate the stored flag's last
    // change, and never follows its closing (each of these passes `create` on its own).
    auto h = open.data();
    h.rerated = {{risk_level::low, risk_level::moderate, test::at(2025, 3, 3, 16),
                  clinician_id("k-ada"), "Says it was raised low"}};
    h.severity = risk_level::moderate;
    EXPECT_TRUE(refused(open, risk_flag::create(h))) << "falsifies the rating it was raised with";
    h = followed.data();  // followed up at 15:00
    h.rerated = {{risk_level::high, risk_level::moderate, test::at(2025, 3, 3, 14, 30),
                  clinician_id("k-ada"), "Backdated"}};
    h.severity = risk_level::moderate;
    EXPECT_TRUE(refused(followed, risk_flag::create(h))) << "before the follow-up";
    h = resolved.data();  // resolved 2025-04-01
    h.rerated = {{risk_level::high, risk_level::moderate, test::at(2025, 3, 20, 9),
                  clinician_id("k-ada"), "After the fact"}};
    h.severity = risk_level::moderate;
    EXPECT_TRUE(refused(resolved, risk_flag::create(h))) << "a closed flag";
}

TEST(SafetyRecords, AReferralKeepsItsTransitionsAndWhatWasSent) {
    const auto draft = referral::create(test::draft_referral_fields());
    auto edited_draft = test::draft_referral_fields();
    edited_draft.reason = "Reworded before sending";
    edited_draft.urgency = referral_urgency::routine;
    EXPECT_FALSE(refused(draft, referral::create(edited_draft))) << "a draft is edited freely";
    auto sent = draft;
    sent.transition(referral_status::sent, test::at(2025, 3, 3, 16));
    EXPECT_FALSE(refused(draft, sent));
    auto accepted = sent;
    accepted.transition(referral_status::accepted, test::at(2025, 3, 4, 9));
    EXPECT_FALSE(refused(sent, accepted));
    auto handed_over = accepted.data();
    handed_over.clinician = clinician_id("k-bob");
    EXPECT_FALSE(refused(accepted, referral::create(handed_over))) << "a handover is not history";
    EXPECT_TRUE(refused(accepted, sent)) << "a transition dropped";
    auto reworded = sent.data();
    reworded.reason = "Reworded after sending";
    EXPECT_TRUE(refused(sent, referral::create(reworded)));
    auto attachment = sent.data();
    attachment.attachments.pop_back();
    EXPECT_TRUE(refused(sent, referral::create(attachment)));
    auto other_client = draft.data();
    other_client.client = client_id("c-lee");
    EXPECT_TRUE(refused(draft, referral::create(other_client)));
    const auto completed = test::completed_referral();
    auto f = completed.data();
    f.clinician = clinician_id("k-bob");
    EXPECT_TRUE(refused(completed, referral::create(f))) << "a closed referral is closed";
    f = completed.data();
    f.history[1].note = "Rewritten";
    EXPECT_TRUE(refused(completed, referral::create(f)));
}

TEST(SafetyRecords, AConsentKeepsItsTermsAndWhatHappenedToIt) {
    const auto c = test::full_release();
    auto revoked = c;
    revoked.revoke(test::at(2025, 5, 1, 12), "Zoë Ñúñez", "Changed her mind");
    EXPECT_FALSE(refused(c, revoked)) << "a revocation may be added";
    EXPECT_TRUE(refused(revoked, c)) << "and never withdrawn";
    auto other = c;
    other.revoke(test::at(2025, 6, 1, 12), "Zoë Ñúñez");
    EXPECT_TRUE(refused(revoked, other)) << "or changed";
    auto f = c.data();
    f.release->categories.push_back(record_category::psychotherapy_notes);
    f.release->categories = {record_category::assessments};
    EXPECT_TRUE(refused(c, consent::create(f))) << "the signed terms";
    f = c.data();
    f.expires_on = date(2027, 1, 1);
    EXPECT_TRUE(refused(c, consent::create(f)));
    f = c.data();
    f.document_reference = "doc://consents/roi-1-scanned.pdf";
    EXPECT_FALSE(refused(c, consent::create(f))) << "where the form is kept may change";

    const auto part2 = test::part2_release();
    auto ended = part2;
    ended.record_expiry_event(date(2025, 9, 1));
    EXPECT_FALSE(refused(part2, ended));
    auto g = ended.data();
    g.expires_on_event->occurred_on = date(2025, 10, 1);
    EXPECT_TRUE(refused(ended, consent::create(g))) << "a recorded expiry date stays";
    g = ended.data();
    g.expires_on_event->occurred_on.reset();
    EXPECT_TRUE(refused(ended, consent::create(g)));
}

TEST(SafetyRecords, ADisclosureRecordNeverChanges) {
    const auto d = test::full_disclosure_record();
    auto e = d;
    e.description = "Something else";
    EXPECT_TRUE(refused(d, e));
    EXPECT_FALSE(refused(d, d)) << "an identical update changes nothing";
}

TEST(SafetyRecords, ASafetyPlanVersionIsReadOnlyOnceGivenOrSuperseded) {
    auto draft = test::full_safety_plan();
    draft.client_copy_given_on.reset();
    auto edited = draft;
    edited.warning_signs.push_back("Giving things away");
    EXPECT_FALSE(refused(draft, edited)) << "before the client has a copy";
    const auto given = test::full_safety_plan();
    auto changed = given;
    changed.reasons_for_living.push_back("Music");
    EXPECT_TRUE(refused(given, changed)) << "the client holds this version";
    auto other_client = draft;
    other_client.client = client_id("c-lee");
    EXPECT_TRUE(refused(draft, other_client));

    // Superseded: version 2 exists.
    auto db = make_memory_store();
    const auto v2 = revise(draft, date(2025, 4, 1), date(2025, 7, 1), clinician_id("k-ada"));
    db->transact(actor{"k-ada"}, [&](transaction& tx) {
        tx.insert(draft);
        tx.insert(v2);
    });
    auto tx = db->begin(actor{"k-ada"});
    EXPECT_THROW(tx.update(edited, 1), conflict);
    auto v2_edited = v2;
    v2_edited.internal_coping_strategies.push_back("Call Tomás");
    EXPECT_EQ(tx.update(v2_edited, 1), 2) << "the live version is still a draft";
}
