// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <theracore/adapters/builtin_cssrs_screener.hpp>
#include <theracore/safety/risk_flag.hpp>

#include "support/safety_builders.hpp"

using namespace theracore;
using test::at;

namespace {

const std::vector<flag_status> all_statuses{flag_status::open, flag_status::followed_up,
                                            flag_status::resolved, flag_status::expired};

using theracore::test::has_path;

risk_flag::fields clinician_flag_fields() {
    risk_flag::fields f;
    f.id = flag_id("f-9");
    f.client = client_id("c-zoe");
    f.source = clinician_raised_source{clinician_id("k-ada"), "Disclosed a plan in session"};
    f.severity = risk_level::imminent;
    f.raised_at = at(2025, 3, 3, 10, 0);
    f.review_by = date(2025, 3, 3);
    f.expires = date(2025, 4, 3);
    f.required_follow_up = "Same-day crisis assessment";
    return f;
}

}  // namespace

// PHQ-9 item 9 > 0 -> urgent risk review, whatever the total (instruments reference §2.1;
// Kroenke et al. 2001).
TEST(RiskFlag, FromAPhq9CriticalItem) {
    const auto f = test::open_phq9_flag();
    EXPECT_EQ(f.status(), flag_status::open);
    EXPECT_EQ(f.severity(), risk_level::high);
    EXPECT_EQ(f.client(), client_id("c-zoe"));
    EXPECT_EQ(f.raised_at(), at(2025, 3, 3, 14, 5));
    EXPECT_EQ(f.review_by(), date(2025, 3, 3));  // default: due the day it fired
    EXPECT_FALSE(f.expires());
    EXPECT_EQ(f.required_follow_up(), "Risk review: phq9 item phq9_9 endorsed");
    const auto& source = std::get<instrument_item_source>(f.source());
    EXPECT_EQ(source.instrument_id, "phq9");
    EXPECT_EQ(source.item_id, "phq9_9");
    EXPECT_EQ(source.flag_code, "phq9_item9_positive");
    EXPECT_EQ(source.administration, administration_id("adm-42"));
}

// EPDS item 10 > 0 (§2.15, Cox et al. 1987) and CORE-10 item 6 > 0 (§2.13, Barkham et al.
// 2013) take the same plain-data path, here with the caller's review date and follow-up.
TEST(RiskFlag, FromEpdsAndCore10CriticalItemsWithTheCallersPolicy) {
    critical_item_fired epds;
    epds.client = client_id("c-ana");
    epds.instrument_id = "epds";
    epds.item_id = "epds_10";
    epds.flag_code = "epds_item10_positive";
    epds.severity = risk_level::imminent;
    epds.when = at(2025, 5, 1, 9, 0);
    epds.required_follow_up = "Immediate safety evaluation";
    const auto f = flag_from_critical_item(epds, flag_id("f-epds"));
    EXPECT_EQ(f.severity(), risk_level::imminent);
    EXPECT_EQ(f.required_follow_up(), "Immediate safety evaluation");
    EXPECT_FALSE(std::get<instrument_item_source>(f.source()).administration);

    critical_item_fired core10 = epds;
    core10.instrument_id = "core10";
    core10.item_id = "core10_6";
    core10.flag_code = "core10_item6_positive";
    core10.severity = risk_level::high;
    core10.review_by = date(2025, 5, 2);
    const auto g = flag_from_critical_item(core10, flag_id("f-core"));
    EXPECT_EQ(g.review_by(), date(2025, 5, 2));
    EXPECT_EQ(std::get<instrument_item_source>(g.source()).item_id, "core10_6");
}

TEST(RiskFlag, ACriticalItemWithoutItsFactsIsRejected) {
    critical_item_fired e;
    try {
        (void)flag_from_critical_item(e, flag_id("f"));
        FAIL() << "expected validation_error";
    } catch (const validation_error& x) {
        const problem_list expected{{"client", "required"},
                                    {"source.instrument_item.instrument_id", "required"},
                                    {"source.instrument_item.item_id", "required"},
                                    {"source.instrument_item.flag_code", "required"},
                                    {"raised_at", "required"},
                                    {"review_by", "required"}};
        EXPECT_EQ(x.problems(), expected);
    }
    e = critical_item_fired{};
    e.client = client_id("c");
    e.instrument_id = "phq9";
    e.item_id = "phq9_9";
    e.flag_code = "x";
    e.when = at(2025, 1, 2);
    e.review_by = date(2025, 1, 1);
    EXPECT_THROW((void)flag_from_critical_item(e, flag_id("f")), validation_error);
}

// C-SSRS screener triage high -> immediate safety action (§2.18).
TEST(RiskFlag, FromAHighCssrsTriageOnly) {
    auto a = test::full_risk_assessment();  // moderate triage
    EXPECT_FALSE(flag_from_cssrs(a, flag_id("f-c"), at(2025, 3, 3, 12, 0)));
    cssrs_screener_answers high;
    high.q1 = true;
    high.q2 = true;
    high.q3 = true;
    high.q4 = true;
    high.q5 = false;
    a.cssrs_screener = score_cssrs_screener(high);
    a.formulated_level = risk_level::high;
    const auto f = flag_from_cssrs(a, flag_id("f-c"), at(2025, 3, 3, 12, 0));
    ASSERT_TRUE(f);
    EXPECT_EQ(f->severity(), risk_level::high);
    EXPECT_EQ(f->review_by(), date(2025, 3, 3));
    EXPECT_EQ(std::get<cssrs_triage_source>(f->source()).assessment, risk_assessment_id("ra-1"));
    a.cssrs_screener.reset();
    EXPECT_FALSE(flag_from_cssrs(a, flag_id("f-c"), at(2025, 3, 3, 12, 0)));
}

TEST(RiskFlag, EveryInvariantIsChecked) {
    risk_flag::fields f;
    f.source = cssrs_triage_source{risk_assessment_id(), cssrs_triage::none};
    const auto p = risk_flag::check(f);
    for (const char* path :
         {"id", "client", "source.cssrs_triage.assessment", "source.cssrs_triage.triage",
          "raised_at", "review_by", "required_follow_up"}) {
        EXPECT_TRUE(has_path(p, path)) << path;
    }

    f = clinician_flag_fields();
    EXPECT_TRUE(risk_flag::check(f).empty());
    f.source = clinician_raised_source{};
    EXPECT_EQ(risk_flag::check(f), (problem_list{{"source.clinician.raised_by", "required"},
                                                 {"source.clinician.reason", "required"}}));
    f = clinician_flag_fields();
    f.review_by = date(2025, 3, 2);
    f.expires = date(2025, 3, 1);
    EXPECT_EQ(risk_flag::check(f), (problem_list{{"review_by",
                                                  "must be on or after the day the flag was raised "
                                                  "(2025-03-03)"},
                                                 {"expires",
                                                  "must be on or after the day the flag was raised "
                                                  "(2025-03-03)"}}));
}

TEST(RiskFlag, LifecycleFollowUpThenResolve) {
    const auto f = test::resolved_flag();
    EXPECT_EQ(f.status(), flag_status::resolved);
    ASSERT_EQ(f.data().history.size(), 2u);
    EXPECT_EQ(f.data().history[0].to, flag_status::followed_up);
    EXPECT_EQ(f.data().history[0].by, clinician_id("k-ada"));
    EXPECT_TRUE(risk_flag::check(f.data()).empty());
}

TEST(RiskFlag, EveryInvalidTransitionThrowsConflictNamingBothStates) {
    int invalid = 0;
    for (auto from : all_statuses) {
        for (auto to : all_statuses) {
            if (flag_transition_allowed(from, to)) {
                continue;
            }
            ++invalid;
            auto f = risk_flag::create(clinician_flag_fields());
            const auto t = at(2025, 4, 3, 9, 0);  // on the expiry date, so expiry is allowed
            if (from == flag_status::followed_up) {
                f.follow_up(t, clinician_id("k-ada"), "done");
            } else if (from == flag_status::resolved) {
                f.resolve(t, clinician_id("k-ada"), "done");
            } else if (from == flag_status::expired) {
                f.expire(t);
            }
            ASSERT_EQ(f.status(), from);
            const auto before = f;
            try {
                f.transition(to, t, clinician_id("k-ada"), "x");
                ADD_FAILURE() << to_string(from) << " -> " << to_string(to) << " was allowed";
            } catch (const conflict& c) {
                const std::string what = c.what();
                EXPECT_NE(what.find("from " + std::string(to_string(from))), std::string::npos)
                    << what;
                EXPECT_NE(what.find("to " + std::string(to_string(to))), std::string::npos) << what;
            }
            EXPECT_EQ(f, before);
        }
    }
    EXPECT_EQ(invalid, 16 - 5);  // 5 allowed moves in the documented table
}

TEST(RiskFlag, FollowUpAndResolutionNameWhoDidThem) {
    auto f = risk_flag::create(clinician_flag_fields());
    try {
        f.transition(flag_status::followed_up, at(2025, 3, 3, 11, 0));
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        EXPECT_EQ(e.problems(),
                  (problem_list{{"history[0].by", "a followed_up change names who did it"}}));
    }
    EXPECT_THROW(f.transition(flag_status::resolved, at(2025, 3, 3, 11, 0), clinician_id()),
                 validation_error);
    EXPECT_EQ(f.status(), flag_status::open);
}

TEST(RiskFlag, ChangesAreTimedInOrder) {
    auto f = risk_flag::create(clinician_flag_fields());
    EXPECT_THROW(f.follow_up(at(2025, 3, 3, 9, 59), clinician_id("k"), "before the raise"),
                 validation_error);
    f.follow_up(at(2025, 3, 3, 11, 0), clinician_id("k"), "ok");
    EXPECT_THROW(f.resolve(at(2025, 3, 3, 10, 30), clinician_id("k"), "earlier"), validation_error);
    EXPECT_EQ(f.status(), flag_status::followed_up);
}

TEST(RiskFlag, ExpiryOnlyFromTheExpiryDateAndOnlyWithOne) {
    auto f = risk_flag::create(clinician_flag_fields());  // expires 2025-04-03
    try {
        f.expire(at(2025, 4, 2, 23, 0));
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        EXPECT_EQ(e.problems(),
                  (problem_list{{"history[0].at", "the flag expires on 2025-04-03"}}));
    }
    f.expire(at(2025, 4, 3, 0, 0));
    EXPECT_EQ(f.status(), flag_status::expired);

    auto g = test::open_phq9_flag();  // no expiry date
    try {
        g.expire(at(2030, 1, 1));
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        EXPECT_EQ(
            e.problems(),
            (problem_list{{"history[0]", "the flag has no expiry date; resolve it instead"}}));
    }
}

TEST(RiskFlag, StatusOnADateReplaysTheHistoryAndAppliesExpiry) {
    const auto r = test::resolved_flag();  // raised 03-03 14:05, followed up 03-03, resolved 04-01
    EXPECT_EQ(r.status_on(date(2025, 3, 3)), flag_status::followed_up);
    EXPECT_EQ(r.status_on(date(2025, 3, 31)), flag_status::followed_up);
    EXPECT_EQ(r.status_on(date(2025, 4, 1)), flag_status::resolved);
    EXPECT_FALSE(r.is_active_on(date(2025, 3, 2)));  // not raised yet
    EXPECT_TRUE(r.is_active_on(date(2025, 3, 3)));
    EXPECT_TRUE(r.is_active_on(date(2025, 3, 31)));
    EXPECT_FALSE(r.is_active_on(date(2025, 4, 1)));

    const auto f = risk_flag::create(clinician_flag_fields());  // open, expires 04-03
    EXPECT_EQ(f.status_on(date(2025, 4, 2)), flag_status::open);
    EXPECT_EQ(f.status_on(date(2025, 4, 3)), flag_status::expired);  // no one recorded it
    EXPECT_TRUE(f.is_active_on(date(2025, 4, 2)));
    EXPECT_FALSE(f.is_active_on(date(2025, 4, 3)));
}

TEST(RiskFlag, OverdueWhenTheFollowUpIsLate) {
    auto f = test::open_phq9_flag();  // review by 2025-03-03
    EXPECT_FALSE(f.is_overdue_on(date(2025, 3, 3)));
    EXPECT_TRUE(f.is_overdue_on(date(2025, 3, 4)));
    f.follow_up(at(2025, 3, 5, 9, 0), clinician_id("k-ada"), "late but done");
    EXPECT_TRUE(f.is_overdue_on(date(2025, 3, 4)));   // it was overdue that day
    EXPECT_FALSE(f.is_overdue_on(date(2025, 3, 5)));  // no longer
}

TEST(RiskFlag, TamperedHistoryIsRejected) {
    auto f = test::resolved_flag().data();
    f.history[1].from = flag_status::open;
    EXPECT_TRUE(has_path(risk_flag::check(f), "history[1].from"));
    f = test::resolved_flag().data();
    f.status = flag_status::open;
    EXPECT_EQ(risk_flag::check(f), (problem_list{{"status",
                                                  "does not match the history "
                                                  "(resolved)"}}));
    f = test::resolved_flag().data();
    f.history[0].to = flag_status::open;
    EXPECT_TRUE(has_path(risk_flag::check(f), "history[0]"));
}

// Issue 15, correction 6: a clinician re-rates a flag with a reason; the previous rating is
// kept and the chain must hold.
TEST(RiskFlag, AClinicianReRatesItWithAReasonAndThePreviousRatingIsKept) {
    auto f = test::open_phq9_flag();  // high, raised 2025-03-03 14:05
    f.rerate(risk_level::moderate, at(2025, 3, 3, 15, 0), clinician_id("k-ada"),
             "Risk formulation: passive ideation, no plan or intent");
    EXPECT_EQ(f.severity(), risk_level::moderate);
    EXPECT_EQ(f.raised_severity(), risk_level::high);
    ASSERT_EQ(f.rerated().size(), 1u);
    EXPECT_EQ(f.rerated()[0].from, risk_level::high);
    EXPECT_EQ(f.rerated()[0].to, risk_level::moderate);
    EXPECT_EQ(f.rerated()[0].by, clinician_id("k-ada"));
    EXPECT_EQ(f.severity_on(date(2025, 3, 2)), risk_level::high);
    EXPECT_EQ(f.severity_on(date(2025, 3, 3)), risk_level::moderate);
    EXPECT_TRUE(risk_flag::check(f.data()).empty());

    // Each re-rating names who, why, and changes something; it comes after the last one.
    auto g = f;
    EXPECT_THROW(g.rerate(risk_level::moderate, at(2025, 3, 4), clinician_id("k-ada"), "same"),
                 validation_error);
    EXPECT_THROW(g.rerate(risk_level::low, at(2025, 3, 4), clinician_id(""), "why"),
                 validation_error);
    EXPECT_THROW(g.rerate(risk_level::low, at(2025, 3, 4), clinician_id("k-ada"), ""),
                 validation_error);
    EXPECT_THROW(g.rerate(risk_level::low, at(2025, 3, 3, 14, 30), clinician_id("k-ada"), "x"),
                 validation_error);
    EXPECT_EQ(g, f);  // a refused re-rating changes nothing

    // A closed flag is not re-rated.
    g.resolve(at(2025, 3, 10), clinician_id("k-ada"), "Item 9 at 0 for a week");
    EXPECT_THROW(g.rerate(risk_level::high, at(2025, 3, 11), clinician_id("k-ada"), "again"),
                 conflict);

    // Tampered data is named.
    auto d = f.data();
    d.severity = risk_level::imminent;
    EXPECT_TRUE(has_path(risk_flag::check(d), "severity"));
    d = f.data();
    d.rerated.push_back(
        {risk_level::high, risk_level::low, at(2025, 3, 5), clinician_id("k"), "r"});
    d.severity = risk_level::low;
    EXPECT_TRUE(has_path(risk_flag::check(d), "rerated[1].from"));
    d = g.data();  // resolved on 2025-03-10
    d.rerated.push_back(
        {risk_level::moderate, risk_level::low, at(2025, 3, 12), clinician_id("k"), "r"});
    d.severity = risk_level::low;
    EXPECT_TRUE(has_path(risk_flag::check(d), "rerated[1].at"));
}
