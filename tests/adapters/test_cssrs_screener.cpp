// SPDX-License-Identifier: Apache-2.0
// The C-SSRS screener triage has one implementation, the `risk_level` rule of the screener's
// instrument definition. These tests prove that it is the published table over every set of
// answers the skip rule allows, and that the risk record's entry point uses it.
#include <algorithm>
#include <functional>
#include <optional>
#include <vector>

#include <gtest/gtest.h>

#include <theracore/adapters/cssrs_screener.hpp>

#include "support/adapters_builders.hpp"

using namespace theracore;
using itest::builtin;

namespace {

// The triage table of TheraCore's instruments reference §2.18 (C-SSRS screener, 2021
// triage-colour version; Posner K et al., Am J Psychiatry 2011;168:1266-1277; Columbia
// Lighthouse Project triage guidelines as given by the Blueprint help article and the docsbay
// triage guide), typed here independently of the definition:
//
//   Q1 or Q2 yes                      -> low
//   Q3 yes                            -> moderate
//   Q4 or Q5 yes                      -> high
//   Q6 yes, more than 3 months ago    -> moderate
//   Q6 yes, within the past 3 months  -> high
//   overall risk = the highest level triggered (none when nothing is)
struct table_row {
    std::function<bool(const cssrs_screener_answers&)> holds;
    cssrs_triage level;
};

const std::vector<table_row>& reference_table() {
    static const std::vector<table_row> rows{
        {[](const cssrs_screener_answers& a) { return a.q1 || a.q2; }, cssrs_triage::low},
        {[](const cssrs_screener_answers& a) { return a.q3.value_or(false); },
         cssrs_triage::moderate},
        {[](const cssrs_screener_answers& a) {
             return a.q4.value_or(false) || a.q5.value_or(false);
         },
         cssrs_triage::high},
        {[](const cssrs_screener_answers& a) { return a.q6 && !a.q6_past_3_months.value_or(true); },
         cssrs_triage::moderate},
        {[](const cssrs_screener_answers& a) { return a.q6 && a.q6_past_3_months.value_or(false); },
         cssrs_triage::high},
    };
    return rows;
}

cssrs_triage from_table(const cssrs_screener_answers& a) {
    auto level = cssrs_triage::none;
    for (const auto& row : reference_table()) {
        if (row.holds(a)) {
            level = std::max(level, row.level);
        }
    }
    return level;
}

const std::vector<std::optional<bool>> skipped_or_answered{std::nullopt, false, true};

/// Every combination of presence and value of the seven answers (2·2·3·3·3·2·3 = 648).
std::vector<cssrs_screener_answers> every_combination() {
    std::vector<cssrs_screener_answers> out;
    for (bool q1 : {false, true}) {
        for (bool q2 : {false, true}) {
            for (const auto& q3 : skipped_or_answered) {
                for (const auto& q4 : skipped_or_answered) {
                    for (const auto& q5 : skipped_or_answered) {
                        for (bool q6 : {false, true}) {
                            for (const auto& q6b : skipped_or_answered) {
                                out.push_back({q1, q2, q3, q4, q5, q6, q6b});
                            }
                        }
                    }
                }
            }
        }
    }
    return out;
}

}  // namespace

TEST(CssrsScreenerTriage, TheDefinitionIsTheReferenceTableForEveryAllowedAnswerSet) {
    const auto& screener = builtin("cssrs_screener");
    int allowed = 0;
    for (const auto& a : every_combination()) {
        if (!validate(a).empty()) {
            continue;
        }
        ++allowed;
        const auto expected = from_table(a);
        EXPECT_EQ(cssrs_screener_triage(screener, a), expected)
            << "q1=" << a.q1 << " q2=" << a.q2 << " q3=" << a.q3.value_or(false)
            << " q4=" << a.q4.value_or(false) << " q5=" << a.q5.value_or(false) << " q6=" << a.q6
            << " q6b=" << a.q6_past_3_months.value_or(false);
        // The engine itself, on the same responses: the level and its determination.
        const auto r = instruments::score(screener, cssrs_screener_responses(a));
        const auto* level = r.outcome("risk_level");
        ASSERT_NE(level, nullptr);
        EXPECT_EQ(level->label, to_string(expected));
        EXPECT_TRUE(level->determined);
        // §2.18: Q4, Q5 or Q6 within 3 months is the immediate-safety condition, i.e. exactly
        // the answers that triage high; the definition's flag must say the same.
        EXPECT_EQ(r.flagged("immediate_safety"), expected == cssrs_triage::high);
        EXPECT_TRUE(r.flags_not_evaluated.empty());
    }
    // Q1 (2) × Q2 No, or Q2 Yes with Q3–Q5 answered (1 + 8) × Q6 No, or Yes with Q6b (1 + 2).
    EXPECT_EQ(allowed, 2 * 9 * 3);
}

TEST(CssrsScreenerTriage, EveryAnswerSetBreakingTheSkipRuleIsRefused) {
    const auto& screener = builtin("cssrs_screener");
    int refused = 0;
    for (const auto& a : every_combination()) {
        if (validate(a).empty()) {
            continue;
        }
        ++refused;
        EXPECT_THROW((void)cssrs_screener_triage(screener, a), validation_error);
        EXPECT_THROW((void)score_cssrs_screener(screener, a), validation_error);
    }
    EXPECT_EQ(refused, 648 - 54);
}

TEST(CssrsScreenerTriage, AYesAfterASkipIsRefusedByTheEngineToo) {
    // The record's skip rule and the definition's agree on contradictions: a Yes to Q4 after a
    // No to Q2 is an invalid answer for both (the record also refuses an explicit No there).
    cssrs_screener_answers a;
    a.q4 = true;
    EXPECT_THROW((void)instruments::score(builtin("cssrs_screener"), cssrs_screener_responses(a)),
                 validation_error);
    try {
        (void)cssrs_screener_triage(builtin("cssrs_screener"), a);
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        EXPECT_EQ(e.problems(),
                  (problem_list{{"q4", "must be skipped when Q2 is No (screener skip rule)"}}));
    }
}

TEST(CssrsScreenerTriage, ResponsesFollowTheFormOrder) {
    cssrs_screener_answers a;
    a.q1 = true;
    a.q6 = true;
    a.q6_past_3_months = false;
    const auto r = cssrs_screener_responses(a);
    ASSERT_EQ(r.form_order.size(), 7u);
    EXPECT_EQ(r.form_order[0], instruments::answer(1));
    EXPECT_EQ(r.form_order[1], instruments::answer(0));
    EXPECT_TRUE(r.form_order[2].is_missing());
    EXPECT_TRUE(r.form_order[4].is_missing());
    EXPECT_EQ(r.form_order[5], instruments::answer(1));
    EXPECT_EQ(r.form_order[6], instruments::answer(0));
}

TEST(CssrsScreenerTriage, ADefinitionThatIsNotTheScreenerIsRefused) {
    cssrs_screener_answers a;
    a.q1 = true;
    try {
        (void)cssrs_screener_triage(builtin("phq9"), a);
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        EXPECT_EQ(e.problems(),
                  (problem_list{{"screener.items",
                                 "a C-SSRS screener has 7 items (Q1-Q5, Q6, Q6b); phq9 has 10"},
                                {"screener.derived", "phq9 has no triage rule \"risk_level\""}}));
    }
    const auto renamed_levels = itest::variant_of("cssrs_screener", [](auto& d) {
        auto& t = std::get<instruments::triage_rule>(d.derived[0].rule);
        t.levels = {"none", "low", "medium", "high"};
        for (auto& trig : t.triggers) {
            trig.level = trig.level == "moderate" ? "medium" : trig.level;
        }
    });
    EXPECT_EQ(check_cssrs_screener_definition(renamed_levels),
              (problem_list{{"screener.derived.risk_level.levels",
                             "the triage levels must be none, low, moderate, high (lowest "
                             "first)"}}));
    EXPECT_THROW((void)cssrs_screener_triage(renamed_levels, a), validation_error);
    EXPECT_TRUE(check_cssrs_screener_definition(builtin("cssrs_screener")).empty());
}

TEST(CssrsScreenerTriage, ADefinitionThatLeavesTheLevelOpenIsRefused) {
    // Without the skip rules, Q3–Q5 left out after a No to Q2 are missing, and the triage
    // cannot be decided: refuse rather than guess.
    const auto no_skips =
        itest::variant_of("cssrs_screener", [](auto& d) { d.skip_rules.clear(); });
    cssrs_screener_answers a;
    a.q1 = true;
    try {
        (void)cssrs_screener_triage(no_skips, a);
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        ASSERT_EQ(e.problems().size(), 1u);
        EXPECT_EQ(e.problems()[0].path, "screener.derived.risk_level");
    }
}

TEST(CssrsScreenerResult, TheStoredTriageIsCheckedAgainstTheDefinition) {
    const auto& screener = builtin("cssrs_screener");
    cssrs_screener_answers a;
    a.q1 = true;
    a.q2 = true;
    a.q3 = true;
    a.q4 = false;
    a.q5 = false;
    auto r = score_cssrs_screener(screener, a);
    EXPECT_EQ(r.triage, cssrs_triage::moderate);  // §2.18: Q3 yes -> moderate
    EXPECT_TRUE(check_cssrs_screener(screener, r).empty());
    r.triage = cssrs_triage::none;
    EXPECT_EQ(check_cssrs_screener(screener, r),
              (problem_list{
                  {"triage", "does not match the answers (cssrs_screener v1.0 gives moderate)"}}));
    r.answers.q5.reset();
    EXPECT_EQ(check_cssrs_screener(screener, r),
              (problem_list{{"answers.q5", "required when Q2 is Yes"}}));
}

TEST(CssrsScreenerResult, RiskAssessmentsAreCheckedWithTheirScreener) {
    risk_assessment ra;
    ra.id = risk_assessment_id("ra-9");
    ra.client = client_id("c-1");
    ra.assessor = clinician_id("k-1");
    ra.assessed_on = date(2025, 5, 5);
    cssrs_screener_answers a;
    a.q6 = true;
    a.q6_past_3_months = true;  // §2.18: high
    ra.cssrs_screener = cssrs_screener_result{a, cssrs_triage::low};
    ra.formulated_level = risk_level::high;
    ra.actions = {
        {risk_action_kind::safety_plan_created, "Plan written", std::nullopt, std::nullopt}};
    EXPECT_TRUE(validate(ra).empty());
    EXPECT_EQ(check_risk_assessment(builtin("cssrs_screener"), ra),
              (problem_list{{"cssrs_screener.triage",
                             "does not match the answers (cssrs_screener v1.0 gives high)"}}));
    ra.cssrs_screener->triage = cssrs_triage::high;
    EXPECT_TRUE(check_risk_assessment(builtin("cssrs_screener"), ra).empty());
    ra.assessor = clinician_id();
    EXPECT_EQ(check_risk_assessment(builtin("cssrs_screener"), ra),
              (problem_list{{"assessor", "required"}}));
}
