// SPDX-License-Identifier: Apache-2.0
// The conformance suite (StoreConformance, every backend) for the safety and consent records:
// round trips, bad input, the history rules (flags, referrals, consents, disclosures,
// safety-plan versions) enforced by the store, open flags of a client and a caseload, open
// referrals by status, the safety plan current on a date, and settings deleted for good.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include <theracore/storage/records.hpp>

#include "support/safety_builders.hpp"
#include "support/storage_records_builders.hpp"
// After the builders: see store_fixture.hpp.
#include "storage/store_fixture.hpp"

namespace {

using namespace theracore::test::store_suite;
using t::when;

risk_flag flag(const std::string& id, const std::string& client, instant raised,
               std::optional<date> expires = std::nullopt) {
    auto f = t::open_phq9_flag().data();
    f.id = flag_id(id);
    f.client = client_id(client);
    f.raised_at = raised;
    f.review_by = raised.date();
    f.expires = expires;
    return risk_flag::create(f);
}

referral referral_at(const std::string& id, instant created,
                     const std::vector<referral_status>& moves) {
    auto f = t::draft_referral_fields();
    f.id = referral_id(id);
    f.created_at = created;
    auto r = referral::create(f);
    instant at = created;
    for (const auto to : moves) {
        at += boost::posix_time::hours(1);
        r.transition(to, at);
    }
    return r;
}

care_episode episode_of(const std::string& id, const std::string& client,
                        const std::string& clinician) {
    return individual_episode(id, client, clinician, date(2025, 1, 6));
}

TEST_P(StoreConformance, SafetyRecordsReadBackEqualAtRevisionOne) {
    const auto v1 = t::full_safety_plan();
    const auto v2 = revise(v1, date(2025, 4, 1), date(2025, 7, 1), clinician_id("k-ada"));
    db().transact(ada, [&](transaction& tx) {
        tx.insert(t::full_risk_assessment());
        tx.insert(v1);
        tx.insert(v2);
        tx.insert(t::resolved_flag());
        tx.insert(t::completed_referral());
        tx.insert(t::full_release());
        tx.insert(t::revoked_treatment_consent());
        tx.insert(t::full_disclosure_record());
        tx.insert(t::full_cultural_formulation());
        tx.insert(t::ce("ce-1", 6.0, ce_categories::ethics, date(2024, 1, 10)));
        tx.insert(t::example_rule_set());
        tx.insert(standard_referral_triggers(4));
    });
    auto tx = db().begin(bob, access_mode::read_only);
    EXPECT_EQ(tx.get<risk_assessment>(risk_assessment_id("ra-1")).value, t::full_risk_assessment());
    EXPECT_EQ(tx.get<safety_plan>(safety_plan_version_key(safety_plan_id("sp-1"), 1)).value, v1);
    EXPECT_EQ(tx.get<safety_plan>(safety_plan_version_key(safety_plan_id("sp-1"), 2)).value, v2);
    EXPECT_EQ(tx.get<risk_flag>(flag_id("f-1")).value, t::resolved_flag());
    EXPECT_EQ(tx.get<referral>(referral_id("r-1")).value, t::completed_referral());
    EXPECT_EQ(tx.get<consent>(consent_id("co-roi")).value, t::full_release());
    EXPECT_EQ(tx.get<consent>(consent_id("co-tx")).value, t::revoked_treatment_consent());
    EXPECT_EQ(tx.get<disclosure_record>(disclosure_id("d-1")).value, t::full_disclosure_record());
    EXPECT_EQ(tx.get<cultural_formulation>(cultural_formulation_id("cf-1")).value,
              t::full_cultural_formulation());
    EXPECT_EQ(tx.get<ce_activity>(ce_activity_id("ce-1")).value,
              t::ce("ce-1", 6.0, ce_categories::ethics, date(2024, 1, 10)));
    EXPECT_EQ(tx.get<ce_rule_set>(setting_id("EXAMPLE (fictional boards)")).value,
              t::example_rule_set());
    const auto triggers = standard_referral_triggers(4);
    EXPECT_EQ(tx.get<referral_trigger_set>(setting_id(triggers.name)).value, triggers);
    EXPECT_EQ(tx.get<referral>(referral_id("r-1")).revision(), 1);
}

TEST_P(StoreConformance, InvalidSafetyRecordsAreRejectedBeforeAnyWrite) {
    {
        auto tx = db().begin(ada);
        expect_rejected(tx, risk_assessment{}, "id");
        auto plan = t::full_safety_plan();
        plan.warning_signs.clear();
        expect_rejected(tx, plan, "warning_signs");
        expect_rejected(tx, risk_flag{}, "id");
        expect_rejected(tx, referral{}, "id");
        expect_rejected(tx, consent{}, "id");
        auto d = t::full_disclosure_record();
        d.description.clear();
        expect_rejected(tx, d, "description");
        auto cf = t::full_cultural_formulation();
        cf.clinician = clinician_id();
        expect_rejected(tx, cf, "clinician");
        expect_rejected(tx, t::ce("ce-1", 0.0, ce_categories::ethics, date(2024, 1, 10)), "hours");
        expect_rejected(tx, ce_rule_set{}, "name");
        expect_rejected(tx, referral_trigger_set{}, "name");
        tx.commit();
    }
    expect_empty();
}

// ----- History rules, enforced by every backend ----------------------------------------------

TEST_P(StoreConformance, HistoriesCannotBeRewrittenThroughTheStore) {
    auto followed = t::open_phq9_flag();
    followed.follow_up(when(2025, 3, 3, 15), clinician_id("k-ada"), "Assessed");
    auto sent = referral_at("r-1", when(2025, 3, 3, 15, 30), {referral_status::sent});
    auto revoked = t::full_release();
    revoked.revoke(when(2025, 5, 1, 12), "Zoë Ñúñez", "Changed her mind");
    db().transact(ada, [&](transaction& tx) {
        tx.insert(followed);
        tx.insert(sent);
        tx.insert(revoked);
        tx.insert(t::full_disclosure_record());
    });
    auto tx = db().begin(ada);
    EXPECT_THROW(tx.update(t::open_phq9_flag(), 1), conflict) << "reopen a followed-up flag";
    auto reworded = sent.data();
    reworded.reason = "Reworded after sending";
    EXPECT_THROW(tx.update(referral::create(reworded), 1), conflict);
    EXPECT_THROW(tx.update(t::full_release(), 1), conflict) << "withdraw a revocation";
    auto d = t::full_disclosure_record();
    d.categories.push_back(record_category::progress_notes);
    d.authorised_by.push_back({record_category::progress_notes, consent_id("co-roi")});
    EXPECT_THROW(tx.update(d, 1), conflict);
    EXPECT_TRUE(tx.active());
    // What the lifecycle allows goes through.
    auto resolved = followed;
    resolved.resolve(when(2025, 4, 1, 10), clinician_id("k-ada"), "Stable");
    EXPECT_EQ(tx.update(resolved, 1), 2);
    auto accepted = sent;
    accepted.transition(referral_status::accepted, when(2025, 3, 4, 9));
    EXPECT_EQ(tx.update(accepted, 1), 2);
    tx.commit();
    EXPECT_EQ(read<risk_flag>(flag_id("f-1")).value.status(), flag_status::resolved);
    EXPECT_EQ(read<referral>(referral_id("r-1")).value.status(), referral_status::accepted);
    EXPECT_EQ(read<consent>(consent_id("co-roi")).value, revoked);
    EXPECT_EQ(read<disclosure_record>(disclosure_id("d-1")).revision(), 1);
}

TEST_P(StoreConformance, ASafetyPlanVersionIsReadOnlyOnceSuperseded) {
    auto v1 = t::full_safety_plan();
    v1.client_copy_given_on.reset();
    const auto v2 = revise(v1, date(2025, 4, 1), date(2025, 7, 1), clinician_id("k-ada"));
    put(v1);
    auto edited = v1;
    edited.warning_signs.push_back("Giving things away");
    {
        auto tx = db().begin(ada);
        EXPECT_EQ(tx.update(edited, 1), 2) << "a draft version before the client has it";
        tx.insert(v2);
        edited.warning_signs.push_back("Not answering the phone");
        EXPECT_THROW(tx.update(edited, 2), conflict) << "version 2 exists, in this transaction";
        tx.commit();
    }
    EXPECT_EQ(found(safety_plan_versions(safety_plan_id("sp-1"))), (ids{"sp-1|1", "sp-1|2"}));
}

// ----- Queries --------------------------------------------------------------------------------

TEST_P(StoreConformance, OpenFlagsOfAClientAndOfACaseload) {
    auto resolved = flag("f-2", "c-zoe", when(2025, 3, 1, 9));
    resolved.resolve(when(2025, 3, 20, 9), clinician_id("k-ada"), "Stable");
    auto followed = flag("f-7", "c-lee", when(2025, 3, 6, 9));
    followed.follow_up(when(2025, 3, 6, 12), clinician_id("k-ada"), "Seen");
    db().transact(ada, [&](transaction& tx) {
        tx.insert(flag("f-1", "c-zoe", when(2025, 3, 3, 14, 5)));
        tx.insert(resolved);
        tx.insert(flag("f-3", "c-zoe", when(2025, 3, 2, 9), date(2025, 4, 1)));  // lapsed
        tx.insert(flag("f-4", "c-zoe", when(2025, 4, 20, 9)));                   // later
        tx.insert(flag("f-5", "c-lee", when(2025, 3, 5, 9)));
        tx.insert(followed);
        tx.insert(flag("f-6", "c-max", when(2025, 3, 5, 9)));
        tx.insert(episode_of("e-1", "c-zoe", "k-ada"));
        tx.insert(episode_of("e-2", "c-lee", "k-ada"));
        tx.insert(episode_of("e-3", "c-max", "k-bob"));
    });
    auto tx = db().begin(ada, access_mode::read_only);
    const date on(2025, 4, 10);
    EXPECT_EQ(ids_of(open_flags_of(tx, client_id("c-zoe"), on)), (ids{"f-1"}));
    EXPECT_EQ(ids_of(open_flags_of(tx, client_id("c-zoe"), date(2025, 3, 25))), (ids{"f-3", "f-1"}))
        << "f-3 lapses on 2025-04-01";
    EXPECT_EQ(ids_of(open_flags_for_clinician(tx, clinician_id("k-ada"), on)),
              (ids{"f-1", "f-5", "f-7"}))
        << "followed up is still open";
    EXPECT_EQ(ids_of(open_flags_for_clinician(tx, clinician_id("k-bob"), on)), (ids{"f-6"}));
    EXPECT_EQ(caseload_of(tx, clinician_id("k-ada")),
              (std::vector<client_id>{client_id("c-lee"), client_id("c-zoe")}));
}

TEST_P(StoreConformance, OpenReferralsByStatus) {
    db().transact(ada, [&](transaction& tx) {
        tx.insert(referral_at("r-1", when(2025, 3, 3, 10), {}));
        tx.insert(referral_at("r-2", when(2025, 3, 4, 10), {referral_status::sent}));
        tx.insert(referral_at("r-3", when(2025, 3, 1, 10),
                              {referral_status::sent, referral_status::accepted,
                               referral_status::scheduled, referral_status::completed}));
        tx.insert(referral_at("r-4", when(2025, 3, 2, 10), {referral_status::cancelled}));
        tx.insert(referral_at(
            "r-5", when(2025, 2, 27, 10),
            {referral_status::sent, referral_status::accepted, referral_status::scheduled}));
        auto other = t::draft_referral_fields();
        other.id = referral_id("r-6");
        other.client = client_id("c-lee");
        other.clinician = clinician_id("k-bob");
        other.created_at = when(2025, 3, 5, 10);
        tx.insert(referral::create(other));
    });
    EXPECT_EQ(found(open_referrals()), (ids{"r-5", "r-1", "r-2", "r-6"}));
    EXPECT_EQ(found(referrals_by_status({referral_status::sent})), (ids{"r-2"}));
    EXPECT_EQ(found(referrals_by_status({referral_status::completed, referral_status::cancelled})),
              (ids{"r-3", "r-4"}));
    EXPECT_EQ(found(referrals_by_status({})), ids{});
    using r = record_traits<referral>;
    EXPECT_EQ(found(open_referrals().where(r::clinician, clinician_id("k-bob"))), (ids{"r-6"}));
    EXPECT_EQ(found(referrals_of_client(client_id("c-lee"))), (ids{"r-6"}));
    // A transition moves a referral between the lists.
    db().transact(ada, [](transaction& tx) {
        auto x = tx.get<referral>(referral_id("r-2"));
        x.value.transition(referral_status::declined, when(2025, 3, 6, 9));
        tx.update(x);
    });
    EXPECT_EQ(found(open_referrals()), (ids{"r-5", "r-1", "r-6"}));
}

TEST_P(StoreConformance, TheSafetyPlanCurrentOnADate) {
    const auto v1 = t::full_safety_plan();  // 2025-03-03, review 2025-06-03
    const auto v2 = revise(v1, date(2025, 4, 1), date(2025, 7, 1), clinician_id("k-ada"));
    auto other = t::full_safety_plan();
    other.id = safety_plan_id("sp-9");
    other.client = client_id("c-lee");
    db().transact(ada, [&](transaction& tx) {
        tx.insert(v2);
        tx.insert(v1);
        tx.insert(other);
    });
    auto tx = db().begin(ada, access_mode::read_only);
    const auto version_on = [&](date on) {
        const auto p = current_safety_plan_of(tx, client_id("c-zoe"), on);
        return p ? p->value.plan_version : 0;
    };
    EXPECT_EQ(version_on(date(2025, 3, 2)), 0);
    EXPECT_EQ(version_on(date(2025, 3, 15)), 1);
    EXPECT_EQ(version_on(date(2025, 4, 15)), 2);
    EXPECT_EQ(version_on(date(2025, 7, 2)), 0) << "past its review date";
    EXPECT_EQ(ids_of(tx.query(safety_plans_of_client(client_id("c-zoe")))),
              (ids{"sp-1|1", "sp-1|2"}));
}

TEST_P(StoreConformance, ConsentsDisclosuresAndCeByClientAndClinician) {
    db().transact(ada, [&](transaction& tx) {
        tx.insert(t::revoked_treatment_consent());
        tx.insert(t::full_release());
        tx.insert(t::full_disclosure_record());
        tx.insert(t::full_risk_assessment());
        tx.insert(t::full_cultural_formulation());
        tx.insert(t::ce("ce-2", 20.0, ce_categories::general, date(2024, 6, 1)));
        tx.insert(t::ce("ce-1", 6.0, ce_categories::ethics, date(2024, 1, 10)));
        tx.insert(t::ce("ce-3", 3.0, ce_categories::ethics, date(2024, 2, 1), "k-bob"));
    });
    EXPECT_EQ(found(consents_of_client(client_id("c-zoe"))), (ids{"co-tx", "co-roi"}));
    EXPECT_EQ(found(disclosures_of_client(client_id("c-zoe"))), (ids{"d-1"}));
    EXPECT_EQ(found(risk_assessments_of_client(client_id("c-zoe"))), (ids{"ra-1"}));
    EXPECT_EQ(found(cultural_formulations_of_client(client_id("c-zoe"))), (ids{"cf-1"}));
    EXPECT_EQ(found(ce_activities_of(clinician_id("k-ada"))), (ids{"ce-1", "ce-2"}));
    using c = record_traits<consent>;
    EXPECT_EQ(found(consents_of_client(client_id("c-zoe")).where(c::revoked, false)),
              (ids{"co-roi"}));
}

TEST_P(StoreConformance, SettingsAreDeletedForGoodAndJournaled) {
    put(t::example_rule_set());
    const setting_id key("EXAMPLE (fictional boards)");
    {
        auto tx = db().begin(ada);
        auto rules = tx.get<ce_rule_set>(key);
        rules.value.notice = "Checked again";
        EXPECT_EQ(tx.update(rules), 2);
        EXPECT_EQ(tx.remove<ce_rule_set>(key, 2, "Replaced by the board's 2026 rules"), 0);
        tx.commit();
    }
    auto tx = db().begin(ada, access_mode::read_only);
    EXPECT_FALSE(tx.find<ce_rule_set>(key, visibility::include_deleted));
    const auto j = tx.journal();
    ASSERT_EQ(j.size(), 1u);
    EXPECT_EQ(j[0].category, "delete");
    EXPECT_EQ(j[0].kind, "ce_rule_set");
    EXPECT_EQ(j[0].record_id, key.str());
}

}  // namespace
