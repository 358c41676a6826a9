// SPDX-License-Identifier: Apache-2.0
#include <limits>

#include <gtest/gtest.h>

#include <theracore/safety/continuing_education.hpp>

#include "support/safety_builders.hpp"

using namespace theracore;
using test::ce;

namespace {

licence counsellor_licence() {  // renews 2025-07-01; a 24-month cycle starts 2023-07-01
    return licence::create({"Counsellor", "XX-A", "C-777", date(2023, 7, 1), date(2025, 7, 1)});
}

const ce_requirement& counsellor_rule() {
    static const auto rules = test::example_rule_set();
    return rules.requirements[0];  // 40 h; ethics 6, suicide prevention 3, cultural 2
}

const ce_category_status& category(const ce_compliance& c, const std::string& name) {
    for (const auto& x : c.categories) {
        if (x.category == name) {
            return x;
        }
    }
    throw std::runtime_error("no category " + name);
}

}  // namespace

TEST(CeActivity, ValidAndEveryRule) {
    EXPECT_TRUE(validate(ce("a", 1.5, ce_categories::ethics, date(2024, 1, 1))).empty());
    ce_activity a;
    const problem_list expected{
        {"id", "required"},           {"clinician", "required"},
        {"provider", "required"},     {"title", "required"},
        {"completed_on", "required"}, {"hours", "must be a positive number"},
        {"category", "required"}};
    EXPECT_EQ(validate(a), expected);
    a = ce("a", std::numeric_limits<double>::infinity(), "x", date(2024, 1, 1));
    EXPECT_EQ(validate(a), (problem_list{{"hours", "must be a positive number"}}));
}

TEST(CeRequirement, EveryRule) {
    EXPECT_TRUE(validate(counsellor_rule()).empty());
    ce_requirement r;
    r.cycle_months = 0;
    r.total_hours = -1;
    r.category_minimums = {{"", 1.0}, {"ethics", 0.0}, {"ethics", 2.0}};
    const problem_list expected{{"jurisdiction", "required"},
                                {"licence_type", "required"},
                                {"cycle_months", "must be at least 1"},
                                {"total_hours", "must be zero or more"},
                                {"category_minimums[0].category", "required"},
                                {"category_minimums[1].hours", "must be a positive number"},
                                {"category_minimums[2].category", "duplicate category ethics"},
                                {"category_minimums", "add up to more than total_hours"}};
    EXPECT_EQ(validate(r), expected);
}

TEST(CeRuleSet, OneRequirementPerJurisdictionAndType) {
    auto s = test::example_rule_set();
    EXPECT_TRUE(validate(s).empty());
    s.requirements.push_back(s.requirements[0]);
    s.name.clear();
    EXPECT_EQ(validate(s),
              (problem_list{{"name", "required"},
                            {"requirements[2]", "duplicate requirement for Counsellor in XX-A"}}));
    EXPECT_EQ(find_requirement(test::example_rule_set(), counsellor_licence())->cycle_months, 24);
    EXPECT_EQ(find_requirement(
                  test::example_rule_set(),
                  licence::create({"Counsellor", "XX-B", "1", date(2024, 1, 1), date(2026, 1, 1)})),
              nullptr);
}

// Hand computation: 6 h ethics (2024-01-10) + 20 h general (2024-06-01) = 26 of 40 h;
// ethics 6/6, suicide prevention 0/3, cultural competence 0/2; 2025-03-01 to 2025-07-01 is
// 31 + 30 + 31 + 30 = 122 days.
TEST(CeCompliance, HoursPerCategoryShortfallAndDaysToRenewal) {
    const auto c = test::sample_ce_compliance();
    EXPECT_EQ(c.cycle_start, date(2023, 7, 1));
    EXPECT_EQ(c.renewal_date, date(2025, 7, 1));
    EXPECT_EQ(c.days_to_renewal, 122);
    EXPECT_EQ(c.licence_number, "C-777");
    EXPECT_DOUBLE_EQ(c.total_required, 40.0);
    EXPECT_DOUBLE_EQ(c.total_earned, 26.0);
    EXPECT_DOUBLE_EQ(c.total_shortfall, 14.0);
    EXPECT_DOUBLE_EQ(category(c, "ethics").earned, 6.0);
    EXPECT_DOUBLE_EQ(category(c, "ethics").shortfall, 0.0);
    EXPECT_DOUBLE_EQ(category(c, "suicide_prevention").shortfall, 3.0);
    EXPECT_DOUBLE_EQ(category(c, "cultural_competence").shortfall, 2.0);
    EXPECT_DOUBLE_EQ(c.hours_needed, 14.0);  // max(14, 3 + 2)
    EXPECT_FALSE(c.compliant);
    EXPECT_EQ(c.counted,
              (std::vector<ce_activity_id>{ce_activity_id("ce-1"), ce_activity_id("ce-2")}));
}

TEST(CeCompliance, CategoryHoursAlsoCountTowardTheTotal) {
    // 40 general hours meet the total but no minimum: 11 more hours are needed, not 51.
    const auto c = ce_compliance_on(counsellor_rule(), counsellor_licence(), clinician_id("k-ada"),
                                    {ce("g", 40.0, ce_categories::general, date(2024, 2, 1))},
                                    date(2025, 3, 1));
    EXPECT_DOUBLE_EQ(c.total_shortfall, 0.0);
    EXPECT_DOUBLE_EQ(c.hours_needed, 11.0);
    EXPECT_FALSE(c.compliant);

    const auto done =
        ce_compliance_on(counsellor_rule(), counsellor_licence(), clinician_id("k-ada"),
                         {ce("g", 29.0, ce_categories::general, date(2024, 2, 1)),
                          ce("e", 6.0, ce_categories::ethics, date(2024, 3, 1)),
                          ce("s", 3.0, ce_categories::suicide_prevention, date(2024, 4, 1)),
                          ce("c", 2.0, ce_categories::cultural_competence, date(2024, 5, 1))},
                         date(2025, 3, 1));
    EXPECT_DOUBLE_EQ(done.total_earned, 40.0);
    EXPECT_DOUBLE_EQ(done.hours_needed, 0.0);
    EXPECT_TRUE(done.compliant);
}

TEST(CeCompliance, OnlyThisClinciansActivitiesInTheCycleUpToTheDateCount) {
    const std::vector<ce_activity> activities{
        ce("before", 5.0, ce_categories::ethics, date(2023, 6, 30)),  // previous cycle
        ce("first", 1.0, ce_categories::ethics, date(2023, 7, 1)),    // first day counts
        ce("someone", 5.0, ce_categories::ethics, date(2024, 1, 1), "k-bo"),
        ce("later", 2.0, ce_categories::ethics, date(2025, 4, 1)),     // after the date asked
        ce("renewal", 3.0, ce_categories::ethics, date(2025, 7, 1))};  // next cycle
    const auto c = ce_compliance_on(counsellor_rule(), counsellor_licence(), clinician_id("k-ada"),
                                    activities, date(2025, 3, 1));
    EXPECT_EQ(c.counted, std::vector<ce_activity_id>{ce_activity_id("first")});
    EXPECT_DOUBLE_EQ(category(c, "ethics").earned, 1.0);

    const auto after = ce_compliance_on(counsellor_rule(), counsellor_licence(),
                                        clinician_id("k-ada"), activities, date(2025, 7, 10));
    EXPECT_EQ(after.days_to_renewal, -9);  // renewal has passed
    EXPECT_EQ(after.counted,
              (std::vector<ce_activity_id>{ce_activity_id("first"), ce_activity_id("later")}));
}

TEST(CeCompliance, InvalidInputIsRejected) {
    auto bad = ce("x", 0.0, ce_categories::ethics, date(2024, 1, 1));
    try {
        (void)ce_compliance_on(counsellor_rule(), counsellor_licence(), clinician_id("k-ada"),
                               {bad}, date(2025, 3, 1));
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        EXPECT_EQ(e.problems(),
                  (problem_list{{"activities[0].hours", "must be a positive number"}}));
    }
    ce_requirement broken = counsellor_rule();
    broken.cycle_months = 0;
    EXPECT_THROW((void)ce_compliance_on(broken, counsellor_licence(), clinician_id("k-ada"), {},
                                        date(2025, 3, 1)),
                 validation_error);
    EXPECT_THROW((void)ce_compliance_on(counsellor_rule(), licence(), clinician_id("k-ada"), {},
                                        date(2025, 3, 1)),
                 validation_error);
}

TEST(CeCompliance, ForAClinicianWithSeveralLicences) {
    clinician k;
    k.id = clinician_id("k-ada");
    k.name.text = "Ada Okafor";
    k.licences = {
        counsellor_licence(),
        licence::create({"Psychologist", "XX-B", "P-1", date(2023, 1, 1), date(2026, 1, 1)}),
        licence::create({"LMFT", "XX-C", "M-1", date(2023, 1, 1), date(2026, 1, 1)})};
    const auto report = ce_compliance_for(k, test::example_rule_set(),
                                          {ce("e", 4.0, ce_categories::ethics, date(2024, 1, 1))},
                                          date(2025, 3, 1));
    ASSERT_EQ(report.licences.size(), 2u);
    EXPECT_EQ(report.licences[0].licence_type, "Counsellor");
    EXPECT_DOUBLE_EQ(report.licences[0].hours_needed, 36.0);  // max(40-4, 2+3+2)
    EXPECT_EQ(report.licences[1].licence_type, "Psychologist");
    EXPECT_EQ(report.licences[1].cycle_start, date(2023, 1, 1));  // 36 months before 2026-01-01
    EXPECT_DOUBLE_EQ(report.licences[1].hours_needed, 56.0);      // 60 - 4; ethics 4/4 met
    ASSERT_EQ(report.without_requirement.size(), 1u);
    EXPECT_EQ(report.without_requirement[0].type(), "LMFT");
}
