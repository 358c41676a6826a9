// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <theracore/adapters/builtin_cssrs_screener.hpp>
#include <theracore/safety/risk.hpp>

#include "support/safety_builders.hpp"

using namespace theracore;

namespace {

cssrs_screener_answers answers(bool q1, bool q2, std::optional<bool> q3, std::optional<bool> q4,
                               std::optional<bool> q5, bool q6,
                               std::optional<bool> q6_past_3_months) {
    cssrs_screener_answers a;
    a.q1 = q1;
    a.q2 = q2;
    a.q3 = q3;
    a.q4 = q4;
    a.q5 = q5;
    a.q6 = q6;
    a.q6_past_3_months = q6_past_3_months;
    return a;
}

using theracore::test::has_path;

}  // namespace

// Expected levels: TheraCore instruments reference §2.18 (C-SSRS screener, 2021 triage-colour
// version; Posner et al. 2011, Am J Psychiatry 168:1266–1277; Columbia triage guidelines as
// summarised by the Blueprint help article and the docsbay triage guide). Each row of the table.
TEST(CssrsScreenerTriage, EachRowOfThePublishedTable) {
    const std::nullopt_t no_answer = std::nullopt;
    // All No: nothing triggered.
    EXPECT_EQ(cssrs_screener_triage(
                  answers(false, false, no_answer, no_answer, no_answer, false, no_answer)),
              cssrs_triage::none);
    // Q1 Yes only -> low.
    EXPECT_EQ(cssrs_screener_triage(
                  answers(true, false, no_answer, no_answer, no_answer, false, no_answer)),
              cssrs_triage::low);
    // Q2 Yes (Q3-Q5 No) -> low.
    EXPECT_EQ(cssrs_screener_triage(answers(false, true, false, false, false, false, no_answer)),
              cssrs_triage::low);
    // Q3 Yes -> moderate.
    EXPECT_EQ(cssrs_screener_triage(answers(true, true, true, false, false, false, no_answer)),
              cssrs_triage::moderate);
    // Q4 Yes -> high.
    EXPECT_EQ(cssrs_screener_triage(answers(true, true, false, true, false, false, no_answer)),
              cssrs_triage::high);
    // Q5 Yes -> high.
    EXPECT_EQ(cssrs_screener_triage(answers(true, true, false, false, true, false, no_answer)),
              cssrs_triage::high);
    // Q6 Yes, more than 3 months ago -> moderate, even with every other answer No.
    EXPECT_EQ(
        cssrs_screener_triage(answers(false, false, no_answer, no_answer, no_answer, true, false)),
        cssrs_triage::moderate);
    // Q6 Yes, within 3 months -> high.
    EXPECT_EQ(
        cssrs_screener_triage(answers(false, false, no_answer, no_answer, no_answer, true, true)),
        cssrs_triage::high);
}

// §2.18: "Overall risk = highest level triggered".
TEST(CssrsScreenerTriage, TheHighestLevelTriggeredWins) {
    // low (Q1) + moderate (Q6 long ago) -> moderate
    EXPECT_EQ(cssrs_screener_triage(
                  answers(true, false, std::nullopt, std::nullopt, std::nullopt, true, false)),
              cssrs_triage::moderate);
    // moderate (Q3) + moderate (Q6 long ago) -> moderate
    EXPECT_EQ(cssrs_screener_triage(answers(true, true, true, false, false, true, false)),
              cssrs_triage::moderate);
    // moderate (Q3) + high (Q6 recent) -> high
    EXPECT_EQ(cssrs_screener_triage(answers(true, true, true, false, false, true, true)),
              cssrs_triage::high);
    // everything Yes -> high
    EXPECT_EQ(cssrs_screener_triage(answers(true, true, true, true, true, true, true)),
              cssrs_triage::high);
}

// Skip rule (§2.18, NINDS CDE): Q2 No skips Q3-Q5; Q6b only after Q6 Yes.
TEST(CssrsScreenerAnswers, SkipRuleIsEnforced) {
    EXPECT_TRUE(validate(answers(true, true, false, false, false, false, std::nullopt)).empty());

    const auto answered_after_skip =
        answers(true, false, true, false, std::nullopt, false, std::nullopt);
    EXPECT_EQ(validate(answered_after_skip),
              (problem_list{{"q3", "must be skipped when Q2 is No (screener skip rule)"},
                            {"q4", "must be skipped when Q2 is No (screener skip rule)"}}));

    const auto missing_after_yes =
        answers(false, true, std::nullopt, false, std::nullopt, false, std::nullopt);
    EXPECT_EQ(validate(missing_after_yes),
              (problem_list{{"q3", "required when Q2 is Yes"}, {"q5", "required when Q2 is Yes"}}));

    EXPECT_EQ(validate(answers(false, false, std::nullopt, std::nullopt, std::nullopt, true,
                               std::nullopt)),
              (problem_list{{"q6_past_3_months", "required when Q6 is Yes"}}));
    EXPECT_EQ(
        validate(answers(false, false, std::nullopt, std::nullopt, std::nullopt, false, true)),
        (problem_list{{"q6_past_3_months", "must be empty when Q6 is No"}}));
}

TEST(CssrsScreenerTriage, AnswersBreakingTheSkipRuleAreRejectedNotTriaged) {
    // A Yes to Q4 after a No to Q2 would be high if counted and none if ignored: refuse both.
    const auto bad = answers(false, false, std::nullopt, true, std::nullopt, false, std::nullopt);
    try {
        (void)cssrs_screener_triage(bad);
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        EXPECT_EQ(e.problems(),
                  (problem_list{{"q4", "must be skipped when Q2 is No (screener skip rule)"}}));
    }
    EXPECT_THROW((void)score_cssrs_screener(bad), validation_error);
}

TEST(CssrsScreenerResult, StoredTriageMustMatchTheAnswers) {
    auto r = score_cssrs_screener(answers(true, true, true, false, false, false, std::nullopt));
    EXPECT_EQ(r.triage, cssrs_triage::moderate);
    EXPECT_TRUE(validate(r).empty());
    EXPECT_TRUE(check_cssrs_screener(r).empty());
    r.triage = cssrs_triage::low;
    // The record's own rules see only the answers; the definition sees the triage.
    EXPECT_TRUE(validate(r).empty());
    EXPECT_EQ(check_cssrs_screener(r),
              (problem_list{
                  {"triage", "does not match the answers (cssrs_screener v1.0 gives moderate)"}}));
    r.answers.q3.reset();
    EXPECT_EQ(validate(r), (problem_list{{"answers.q3", "required when Q2 is Yes"}}));
    EXPECT_EQ(check_cssrs_screener(r), validate(r));
}

TEST(RiskLevel, OrderAndMappingFromTriage) {
    EXPECT_LT(risk_level::low, risk_level::moderate);
    EXPECT_LT(risk_level::high, risk_level::imminent);
    EXPECT_EQ(to_risk_level(cssrs_triage::none), std::nullopt);
    EXPECT_EQ(to_risk_level(cssrs_triage::low), risk_level::low);
    EXPECT_EQ(to_risk_level(cssrs_triage::moderate), risk_level::moderate);
    EXPECT_EQ(to_risk_level(cssrs_triage::high), risk_level::high);
    EXPECT_EQ(enum_from_string<risk_level>("imminent"), risk_level::imminent);
}

TEST(RiskAssessment, FullAssessmentIsValid) {
    const auto a = test::full_risk_assessment();
    EXPECT_TRUE(validate(a).empty()) << detail::join_problems("", validate(a));
    EXPECT_EQ(a.cssrs_screener->triage, cssrs_triage::moderate);
}

TEST(RiskAssessment, RequiredFields) {
    risk_assessment a;
    EXPECT_EQ(validate(a), (problem_list{{"id", "required"},
                                         {"client", "required"},
                                         {"assessor", "required"},
                                         {"assessed_on", "required"}}));
}

TEST(RiskAssessment, FactorsNeedACodeOrADescriptionAndCodesMustBeComplete) {
    auto a = test::full_risk_assessment();
    a.risk_factors.push_back({std::nullopt, ""});
    a.protective_factors.push_back({coded_concept{"urn:x", "", ""}, "text"});
    EXPECT_EQ(validate(a),
              (problem_list{{"risk_factors[2]", "a factor needs a code or a description"},
                            {"protective_factors[2].code.code", "required"}}));
}

TEST(RiskAssessment, OtherActionsSayWhatTheyWere) {
    auto a = test::full_risk_assessment();
    a.actions.push_back({risk_action_kind::other, "", std::nullopt, std::nullopt});
    EXPECT_EQ(validate(a),
              (problem_list{{"actions[2].description", "required when kind is other"}}));
}

TEST(RiskAssessment, HighOrImminentFormulationNeedsActions) {
    auto a = test::full_risk_assessment();
    a.actions.clear();
    EXPECT_TRUE(validate(a).empty());  // moderate: actions optional
    a.formulated_level = risk_level::high;
    EXPECT_EQ(validate(a),
              (problem_list{{"actions", "required when the formulated level is high"}}));
    a.formulated_level = risk_level::imminent;
    EXPECT_EQ(validate(a),
              (problem_list{{"actions", "required when the formulated level is imminent"}}));
}

TEST(RiskAssessment, FormulationBelowTheTriageNeedsReasoning) {
    auto a = test::full_risk_assessment();  // triage moderate
    a.formulated_level = risk_level::low;
    EXPECT_TRUE(validate(a).empty());  // reasoning is present
    a.formulation.clear();
    EXPECT_EQ(validate(a), (problem_list{{"formulation",
                                          "required when the formulated level (low) is below the "
                                          "screener triage (moderate)"}}));
    a.formulated_level = risk_level::moderate;  // equal to the triage: no reasoning needed
    EXPECT_TRUE(validate(a).empty());
}

TEST(RiskAssessment, ScreenerProblemsAreReportedWithTheirPath) {
    auto a = test::full_risk_assessment();
    EXPECT_TRUE(check_risk_assessment(a).empty());
    a.cssrs_screener->triage = cssrs_triage::high;
    EXPECT_FALSE(has_path(validate(a), "cssrs_screener.triage"));
    EXPECT_TRUE(has_path(check_risk_assessment(a), "cssrs_screener.triage"));
    a.cssrs_screener->answers.q6_past_3_months.reset();
    EXPECT_TRUE(has_path(validate(a), "cssrs_screener.answers.q6_past_3_months"));
    EXPECT_TRUE(has_path(check_risk_assessment(a), "cssrs_screener.answers.q6_past_3_months"));
}

TEST(RiskAssessment, NextReviewIsNotBeforeTheAssessment) {
    auto a = test::full_risk_assessment();
    a.next_review = date(2025, 3, 2);
    EXPECT_EQ(validate(a),
              (problem_list{{"next_review", "must be on or after the assessment (2025-03-03)"}}));
    a.next_review = date(boost::date_time::not_a_date_time);
    EXPECT_EQ(validate(a), (problem_list{{"next_review", "not a calendar date"}}));
}
