// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <theracore/safety/safety_plan.hpp>

#include "support/safety_builders.hpp"

using namespace theracore;

TEST(SafetyPlan, FullPlanIsValid) {
    const auto s = test::full_safety_plan();
    EXPECT_TRUE(validate(s).empty()) << detail::join_problems("", validate(s));
}

TEST(SafetyPlan, RequiredFieldsAndTheTwoStructuralRules) {
    safety_plan s;
    s.plan_version = 0;
    const problem_list expected{
        {"id", "required"},
        {"plan_version", "versions count from 1"},
        {"client", "required"},
        {"clinician", "required"},
        {"created_on", "required"},
        {"review_on", "required"},
        {"warning_signs", "a safety plan starts from at least one warning sign"},
        {"professionals_and_agencies", "needs at least one crisis line or emergency service"}};
    EXPECT_EQ(validate(s), expected);
}

TEST(SafetyPlan, AProfessionalAloneIsNotACrisisContact) {
    auto s = test::full_safety_plan();
    s.professionals_and_agencies.pop_back();  // keep only the clinician
    EXPECT_EQ(validate(s), (problem_list{{"professionals_and_agencies",
                                          "needs at least one crisis line or emergency service"}}));
    s.professionals_and_agencies.push_back({support_service_kind::emergency_services,
                                            "Emergency services",
                                            std::nullopt,
                                            {{contact_system::phone, "112", contact_use::other}},
                                            std::nullopt});
    EXPECT_TRUE(validate(s).empty());
}

TEST(SafetyPlan, CrisisEntriesNeedAWayToReachThem) {
    auto s = test::full_safety_plan();
    s.professionals_and_agencies[1].telecom.clear();
    EXPECT_EQ(validate(s),
              (problem_list{{"professionals_and_agencies[1].telecom",
                             "a crisis_line entry needs a number or address to reach it"}}));
    s.professionals_and_agencies[1].kind = support_service_kind::agency;  // agencies may omit
    EXPECT_EQ(validate(s), (problem_list{{"professionals_and_agencies",
                                          "needs at least one crisis line or emergency service"}}));
}

TEST(SafetyPlan, DatesAreOrdered) {
    auto s = test::full_safety_plan();
    s.review_on = date(2025, 3, 2);
    s.client_copy_given_on = date(2025, 3, 1);
    EXPECT_EQ(validate(s),
              (problem_list{
                  {"review_on", "must be on or after the creation date (2025-03-03)"},
                  {"client_copy_given_on", "must be on or after the creation date (2025-03-03)"}}));
}

TEST(SafetyPlan, EmptyEntriesAndIncompleteContactsAreReported) {
    auto s = test::full_safety_plan();
    s.warning_signs.push_back("");
    s.internal_coping_strategies.push_back("");
    s.distraction_settings.push_back("");
    s.reasons_for_living.push_back("");
    s.distraction_contacts.push_back({"", std::nullopt, {}});
    s.help_contacts.push_back(
        {"Ana", std::nullopt, {{contact_system::phone, "", contact_use::home}}});
    s.professionals_and_agencies.push_back(
        {support_service_kind::professional, "", std::nullopt, {}, std::nullopt});
    s.environment_safety.push_back({"", "", std::nullopt});
    const problem_list expected{{"warning_signs[2]", "empty entry"},
                                {"internal_coping_strategies[2]", "empty entry"},
                                {"distraction_contacts[1].name", "required"},
                                {"distraction_settings[1]", "empty entry"},
                                {"help_contacts[1].telecom[0].value", "required"},
                                {"professionals_and_agencies[2].name", "required"},
                                {"environment_safety[1].means", "required"},
                                {"environment_safety[1].action", "required"},
                                {"reasons_for_living[2]", "empty entry"}};
    EXPECT_EQ(validate(s), expected);
}

TEST(SafetyPlan, ReviseMakesTheNextVersionAndKeepsTheOld) {
    const auto v1 = test::full_safety_plan();
    const auto v2 = revise(v1, date(2025, 4, 1), date(2025, 7, 1), clinician_id("k-bo"));
    EXPECT_EQ(v2.id, v1.id);
    EXPECT_EQ(v2.plan_version, 2);
    EXPECT_EQ(v2.created_on, date(2025, 4, 1));
    EXPECT_EQ(v2.review_on, date(2025, 7, 1));
    EXPECT_EQ(v2.clinician, clinician_id("k-bo"));
    EXPECT_FALSE(v2.client_copy_given_on);  // the client needs the new copy
    EXPECT_EQ(v2.warning_signs, v1.warning_signs);
    EXPECT_EQ(v1.plan_version, 1);  // a revision is a new value

    try {
        (void)revise(v1, date(2025, 3, 1), date(2025, 7, 1), clinician_id("k-bo"));
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        EXPECT_EQ(e.problems(),
                  (problem_list{{"created_on", "must be on or after version 1 (2025-03-03)"}}));
    }
    EXPECT_THROW((void)revise(v1, date(2025, 4, 1), date(2025, 3, 31), clinician_id("k")),
                 validation_error);
}

TEST(SafetyPlan, CurrentPlanIsTheLatestVersionWithinItsReviewDate) {
    const auto v1 = test::full_safety_plan();  // 03-03 .. 06-03
    const auto v2 = revise(v1, date(2025, 4, 1), date(2025, 5, 1), clinician_id("k-ada"));
    const std::vector<safety_plan> plans{v2, v1};
    const client_id zoe("c-zoe");
    EXPECT_EQ(current_safety_plan(plans, zoe, date(2025, 3, 2)), nullptr);  // before any plan
    EXPECT_EQ(current_safety_plan(plans, zoe, date(2025, 3, 3)), &plans[1]);
    EXPECT_EQ(current_safety_plan(plans, zoe, date(2025, 3, 31)), &plans[1]);
    EXPECT_EQ(current_safety_plan(plans, zoe, date(2025, 4, 1)), &plans[0]);
    EXPECT_EQ(current_safety_plan(plans, zoe, date(2025, 5, 1)), &plans[0]);
    // v2's review date passed; v1 is superseded even though its own review date has not.
    EXPECT_EQ(current_safety_plan(plans, zoe, date(2025, 5, 2)), nullptr);
    EXPECT_EQ(current_safety_plan(plans, client_id("c-other"), date(2025, 4, 1)), nullptr);
}
