// SPDX-License-Identifier: Apache-2.0
// The JSON examples of docs/safety-and-consent.md are read and checked here, so the page
// cannot drift from the code.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include <theracore/io/json.hpp>

#include "support/safety_builders.hpp"

#ifndef THERACORE_DOCS_DIR
#error "THERACORE_DOCS_DIR must name docs/"
#endif

using namespace theracore;
using nlohmann::json;

namespace {

std::vector<json> json_blocks_of(const std::string& page) {
    std::ifstream in(std::string(THERACORE_DOCS_DIR) + "/" + page);
    if (!in) {
        throw std::runtime_error("missing docs/" + page);
    }
    std::vector<json> blocks;
    std::string line;
    std::string block;
    bool inside = false;
    while (std::getline(in, line)) {
        if (!inside && line == "```json") {
            inside = true;
            block.clear();
        } else if (inside && line == "```") {
            inside = false;
            blocks.push_back(json::parse(block));
        } else if (inside) {
            block += line + "\n";
        }
    }
    return blocks;
}

std::vector<ce_rule_set> rule_sets_of_the_page() {
    std::vector<ce_rule_set> sets;
    for (const auto& b : json_blocks_of("safety-and-consent.md")) {
        if (b.at("schema") == "theracore.ce_rule_set") {
            sets.push_back(b.get<ce_rule_set>());
        }
    }
    return sets;
}

}  // namespace

TEST(SafetyDocs, EveryJsonExampleReadsAsItsRecord) {
    const auto blocks = json_blocks_of("safety-and-consent.md");
    ASSERT_EQ(blocks.size(), 3u);
    for (const auto& b : blocks) {
        const std::string schema = b.at("schema");
        if (schema == "theracore.ce_rule_set") {
            const auto s = b.get<ce_rule_set>();  // reading validates it
            EXPECT_EQ(s.name.rfind("EXAMPLE", 0), 0u) << "example rule sets are labelled";
            EXPECT_NE(s.notice.find("Fictional"), std::string::npos);
            for (const auto& r : s.requirements) {
                EXPECT_EQ(r.jurisdiction.rfind("XX-", 0), 0u)
                    << "fictional jurisdictions use the user-assigned ISO code XX";
            }
        } else if (schema == "theracore.referral_trigger_set") {
            const auto s = b.get<referral_trigger_set>();
            EXPECT_TRUE(validate(s).empty());
        } else {
            ADD_FAILURE() << "unexpected example " << schema;
        }
    }
    EXPECT_EQ(rule_sets_of_the_page().size(), 2u);
}

TEST(SafetyDocs, TheWorkedComplianceExampleHolds) {
    const auto a = rule_sets_of_the_page().at(0);
    const auto l = licence::create(
        {"Licensed Counsellor", "XX-EA", "LC-1", date(2024, 7, 1), date(2026, 7, 1)});
    clinician k;
    k.id = clinician_id("k");
    k.name.text = "K";
    k.licences = {l};
    const std::vector<ce_activity> activities{
        test::ce("e", 6.0, ce_categories::ethics, date(2024, 9, 15), "k"),
        test::ce("c", 2.0, ce_categories::cultural_competence, date(2025, 1, 20), "k"),
        test::ce("g", 20.0, ce_categories::general, date(2025, 5, 5), "k")};
    const auto report = ce_compliance_for(k, a, activities, date(2025, 6, 1));
    ASSERT_EQ(report.licences.size(), 1u);
    const auto& c = report.licences[0];
    EXPECT_EQ(c.cycle_start, date(2024, 7, 1));
    EXPECT_DOUBLE_EQ(c.total_earned, 28.0);
    EXPECT_DOUBLE_EQ(c.total_shortfall, 12.0);
    ASSERT_EQ(c.categories.size(), 3u);
    EXPECT_DOUBLE_EQ(c.categories[0].shortfall, 0.0);  // ethics met
    EXPECT_DOUBLE_EQ(c.categories[1].shortfall, 3.0);  // suicide prevention
    EXPECT_DOUBLE_EQ(c.categories[2].shortfall, 1.0);  // cultural competence
    EXPECT_DOUBLE_EQ(c.hours_needed, 12.0);
    EXPECT_EQ(c.days_to_renewal, 395);
    EXPECT_FALSE(c.compliant);
}

TEST(SafetyDocs, TheClinicTriggerExampleFires) {
    for (const auto& b : json_blocks_of("safety-and-consent.md")) {
        if (b.at("schema") != "theracore.referral_trigger_set") {
            continue;
        }
        const auto s = b.get<referral_trigger_set>();
        observed_score first{"k10", date(2025, 1, 1), 31.0, std::nullopt, std::nullopt};
        observed_score second{"k10", date(2025, 1, 8), 30.0, std::nullopt, std::nullopt};
        clinician k;
        const auto fired = evaluate_referral_triggers(s, {first, second}, k, date(2025, 1, 8));
        ASSERT_EQ(fired.size(), 1u);
        EXPECT_EQ(fired[0].trigger_id, "k10-very-high");
        EXPECT_EQ(fired[0].urgency, referral_urgency::urgent);
    }
}
