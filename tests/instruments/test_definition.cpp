// SPDX-License-Identifier: Apache-2.0
// instrument::create / check: defaults, and every rule of a definition, one broken at a time.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <theracore/instruments.hpp>

#include "support/instruments_builders.hpp"

using namespace theracore;
using namespace theracore::instruments;
using test::toy_definition;

namespace {

/// The problems of `d` as "path: message" lines, for readable failures.
std::vector<std::string> problems_of(const instrument_definition& d) {
    std::vector<std::string> out;
    for (const auto& p : instrument::check(d)) {
        out.push_back(p.path + ": " + p.message);
    }
    return out;
}

/// Expects exactly one problem, at `path`, whose message contains `text`.
void expect_one_problem(const instrument_definition& d, const std::string& path,
                        const std::string& text) {
    const auto p = instrument::check(d);
    ASSERT_EQ(p.size(), 1U) << ::testing::PrintToString(problems_of(d));
    EXPECT_EQ(p[0].path, path);
    EXPECT_NE(p[0].message.find(text), std::string::npos) << p[0].message;
    EXPECT_THROW((void)instrument::create(d), validation_error);
}

}  // namespace

TEST(Definition, ToyIsValidAndDefaultsAreFilled) {
    const auto t = test::toy();
    EXPECT_EQ(t.items()[0].id, "toy_1");
    EXPECT_EQ(t.items()[3].id, "toy_4");
    EXPECT_EQ(t.items()[2].label, "Item 3");
    EXPECT_EQ(t.total()->id, "total");
    EXPECT_EQ(t.find_scale("sub")->items.size(), 2U);
    EXPECT_EQ(t.item_index("toy_3"), std::optional<std::size_t>(2));
    EXPECT_FALSE(t.item_index("toy_9"));
    EXPECT_TRUE(validate(t).empty());
    EXPECT_EQ(t, test::toy());
    auto d = toy_definition();
    d.response_scales.pop_back();  // one scale left: items may omit it
    d.items = {item{}, item{}};
    d.scales = {};
    d.flags = {};
    d.derived = {};
    const auto one = instrument::create(d);
    EXPECT_EQ(one.items()[1].response_scale, "four");
}

TEST(Definition, HeaderRules) {
    auto d = toy_definition();
    d.id = "PHQ-9";
    const auto p = problems_of(d);
    ASSERT_FALSE(p.empty());
    EXPECT_EQ(p[0],
              "id: \"PHQ-9\" is not an id: use lowercase ASCII letters, digits and _, "
              "starting with a letter");
    d = toy_definition();
    d.name.clear();
    d.version.clear();
    d.citation.clear();
    d.licence_note.clear();
    EXPECT_EQ(problems_of(d),
              (std::vector<std::string>{"name: required", "instrument_version: required",
                                        "citation: required", "licence_note: required"}));
    d = toy_definition();
    d.items.clear();
    d.scales.clear();
    d.flags.clear();
    d.derived.clear();
    expect_one_problem(d, "items", "at least one item");
}

TEST(Definition, ResponseScaleRules) {
    auto d = toy_definition();
    d.response_scales[0].options.push_back({2, "again", false, {}});
    expect_one_problem(d, "response_scales[0].options[4].value", "listed twice");
    d = toy_definition();
    d.response_scales[1].options.push_back({8, "n/a too", true, {}});
    expect_one_problem(d, "response_scales[1].options", "at most one option");
    d = toy_definition();
    d.response_scales[0].range = numeric_range{0, 3, true};
    expect_one_problem(d, "response_scales[0]", "not both");
    d = toy_definition();
    d.response_scales[1].id = "four";
    const auto p = problems_of(d);
    EXPECT_EQ(p[0], "response_scales[1].id: duplicate id \"four\"");
}

TEST(Definition, ItemRules) {
    auto d = toy_definition();
    d.items[1].id = "toy_1";
    auto p = problems_of(d);
    ASSERT_FALSE(p.empty());
    EXPECT_EQ(p[0], "items[1].id: duplicate id \"toy_1\"");
    d = toy_definition();
    d.items[0].response_scale = "five";
    expect_one_problem(d, "items[0].response_scale", "unknown response scale \"five\"");
    // Reverse keying needs both ends of the scale.
    d = toy_definition();
    response_scale open;
    open.id = "months";
    open.range = numeric_range{0, std::nullopt, true};
    d.response_scales.push_back(open);
    d.items.push_back(item{"toy_5", "Months", "months", true, {}});
    expect_one_problem(d, "items[4].reverse", "minimum and a maximum");
}

TEST(Definition, ScalesMustNameKnownItems) {
    auto d = toy_definition();
    d.scales[1].items = {"toy_1", "toy_9"};
    const auto p = problems_of(d);
    ASSERT_FALSE(p.empty());
    EXPECT_EQ(p[0], "scales[1].items[1]: unknown item \"toy_9\"");
    d = toy_definition();
    d.scales[1].items = {"toy_1", "toy_1"};
    EXPECT_EQ(problems_of(d)[0], "scales[1].items[1]: item \"toy_1\" is listed twice");
    d = toy_definition();
    d.scales[1].role = scale_role::total;
    expect_one_problem(d, "scales", "at most one scale may have the role total");
    d = toy_definition();
    d.scales[1].multiplier = 0;
    expect_one_problem(d, "scales[1].multiplier", "positive");
}

TEST(Definition, BandsMustCoverTheRangeWithoutGapsOrOverlaps) {
    auto d = toy_definition();
    d.scales[0].band_sets[0].bands[1] = {3, 7, "medium"};  // overlaps 0-3 at 3
    expect_one_problem(d, "scales[0].band_sets[0].bands[1]", "overlaps the band before it");
    d = toy_definition();
    d.scales[0].band_sets[0].bands[1] = {5, 7, "medium"};  // 4 is in no band
    expect_one_problem(d, "scales[0].band_sets[0].bands[1]", "next band must start at 4");
    d = toy_definition();
    d.scales[0].band_sets[0].bands[2].max = 12;  // the total ends at 11
    expect_one_problem(d, "scales[0].band_sets[0].bands[2].max",
                       "must end at the scale's maximum 11");
    d = toy_definition();
    d.scales[0].band_sets[0].bands[0].min = 1;
    expect_one_problem(d, "scales[0].band_sets[0].bands[0].min",
                       "must start at the scale's minimum 0");
    d = toy_definition();
    d.scales[0].band_sets[0].bands[1] = {7, 4, "medium"};
    EXPECT_EQ(problems_of(d)[0], "scales[0].band_sets[0].bands[1]: max 4 is below min 7");
    d = toy_definition();
    d.scales[0].band_sets[1].id = "main";
    expect_one_problem(d, "scales[0].band_sets[1].id", "duplicate id \"main\"");
    // Doubled (DASS-style) scales are integer-valued: bands meet at max + 1.
    d = toy_definition();
    d.scales[0].multiplier = 2;
    d.scales[0].band_sets = {{"x2", "Doubled", "Test fixture", true, {{0, 9, "a"}, {10, 22, "b"}}}};
    d.scales[0].cut_offs.clear();
    EXPECT_TRUE(problems_of(d).empty()) << ::testing::PrintToString(problems_of(d));
    // Mean-scored scales are continuous: a band ends where the next starts.
    d = toy_definition();
    d.scales[1].method = scale_method::mean;
    d.scales[1].band_sets = {{"m", "Mean", "Test fixture", true, {{0, 1.5, "a"}, {1.5, 3, "b"}}}};
    EXPECT_TRUE(problems_of(d).empty()) << ::testing::PrintToString(problems_of(d));
    d.scales[1].band_sets[0].bands[1].min = 1.6;
    expect_one_problem(d, "scales[1].band_sets[0].bands[1]", "gap between");
}

TEST(Definition, MissingDataRulesMustBeSatisfiable) {
    auto d = toy_definition();
    d.scales[1].missing->max_missing = 2;  // both items of the subscale could be missing
    expect_one_problem(d, "scales[1].missing.max_missing", "cannot be met");
    d = toy_definition();
    d.scales[1].missing->required = {"toy_1", "toy_2"};  // all required: 1 missing never allowed
    expect_one_problem(d, "scales[1].missing", "cannot be met");
    d = toy_definition();
    d.scales[1].missing->required = {"toy_3"};
    expect_one_problem(d, "scales[1].missing.required[0]", "not in scale \"sub\"");
    d = toy_definition();
    d.scales[1].missing->max_missing = -1;
    expect_one_problem(d, "scales[1].missing.max_missing", "negative");
    d = toy_definition();
    d.scales[1].missing->source.clear();
    expect_one_problem(d, "scales[1].missing.source", "required");
}

TEST(Definition, CutOffRules) {
    auto d = toy_definition();
    d.scales[0].cut_offs[0].threshold = 12;
    expect_one_problem(d, "scales[0].cut_offs[0].threshold", "decides nothing");
    d = toy_definition();
    d.scales[0].cut_offs[0].threshold = 0;  // >= 0 is always met
    expect_one_problem(d, "scales[0].cut_offs[0].threshold", "decides nothing");
    d = toy_definition();
    d.scales[0].cut_offs[0].alternative_to = "nothing";
    expect_one_problem(d, "scales[0].cut_offs[0].alternative_to", "not another cut-off");
    d = toy_definition();
    d.scales[1].cut_offs = {d.scales[0].cut_offs[0]};
    d.scales[1].cut_offs[0].threshold = 2;
    expect_one_problem(d, "scales[1].cut_offs[0].id", "duplicate id \"case\"");
    d = toy_definition();
    d.scales[0].cut_offs[0].source.clear();
    expect_one_problem(d, "scales[0].cut_offs[0].source", "required");
}

TEST(Definition, PsychometricsRules) {
    auto d = toy_definition();
    auto& p = d.scales[0].psychometrics;
    p.reliability = {{"a", reliability_kind::cronbach_alpha, 1.2, "x", 10, "src"}};
    p.norms = {{"n", "N", norm_population::clinical, 5, 0, -3, "src"},
               {"n", "N2", norm_population::non_clinical, 40, 2, {}, "src"}};
    p.change_criteria = {{"c", "C", 0, 20, 1.5, "src"}};
    EXPECT_EQ(problems_of(d),
              (std::vector<std::string>{
                  "scales[0].psychometrics.reliability[0].value: a reliability must lie strictly "
                  "between 0 and 1",
                  "scales[0].psychometrics.norms[1].id: duplicate id \"n\"",
                  "scales[0].psychometrics.norms[0].sd: must be positive",
                  "scales[0].psychometrics.norms[0].n: must be positive",
                  "scales[0].psychometrics.norms[1].mean: 40 is outside the scale's range 0–11",
                  "scales[0].psychometrics.change_criteria[0].reliable_change: must be positive",
                  "scales[0].psychometrics.change_criteria[0].caseness: 20 is outside the scale's "
                  "range",
                  "scales[0].psychometrics.change_criteria[0].confidence: must lie strictly "
                  "between 0 and 1 (e.g. 0.9)"}));
}

TEST(Definition, FlagSkipAndDerivedRules) {
    auto d = toy_definition();
    d.flags[0].any_of[0].value = 3;  // item 2 can never score > 3
    expect_one_problem(d, "flags[0].any_of[0]", "can never hold");
    d = toy_definition();
    d.flags[0].any_of.clear();
    expect_one_problem(d, "flags[0].any_of", "at least one condition");
    d = toy_definition();
    d.skip_rules = {{"s",
                     {{"toy_1"}, condition_match::sum, comparison::equal, 0},
                     {"toy_1", "toy_2"},
                     0,
                     "src"}};
    expect_one_problem(d, "skip_rules[0].skip[0]", "cannot be skipped by a rule that tests it");
    d = toy_definition();
    d.skip_rules = {
        {"s", {{"toy_1"}, condition_match::sum, comparison::equal, 0}, {"toy_2"}, 7, "src"}};
    expect_one_problem(d, "skip_rules[0].score_as", "not a value item \"toy_2\" can score");
    d = toy_definition();
    std::get<criteria_rule>(d.derived[0].rule).all_of[0].at_least = 4;
    expect_one_problem(d, "derived[0].rule.criteria.all_of[0].at_least", "only 3 items");
    d = toy_definition();
    std::get<criteria_rule>(d.derived[0].rule).all_of[0].at_most = 1;
    expect_one_problem(d, "derived[0].rule.criteria.all_of[0].at_most", "below at_least");
    d = toy_definition();
    triage_rule t;
    t.levels = {"none", "some"};
    t.triggers = {{"lots", {{"toy_1"}, condition_match::any, comparison::at_least, 1}}};
    d.derived[0].rule = t;
    expect_one_problem(d, "derived[0].rule.triage.triggers[0].level", "unknown level \"lots\"");
}

TEST(Definition, TextsShipOnlyWhereTheLicenceAllows) {
    auto d = toy_definition();
    d.texts_may_ship = false;
    instrument_locale en;
    en.tag = "en";
    en.source = "Form";
    en.item_texts = {{"toy_1", "How often?"}};
    d.locales = {en};
    expect_one_problem(d, "locales[0]", "does not allow shipping its texts");
    d.locales[0].user_supplied = true;  // a user's licensed overlay is fine
    EXPECT_TRUE(problems_of(d).empty());
    d.locales[0].item_texts["toy_9"] = "?";
    expect_one_problem(d, "locales[0].item_texts.toy_9", "unknown item");
    d = toy_definition();
    en.tag = "en_GB";
    d.locales = {en};
    expect_one_problem(d, "locales[0].tag", "not a BCP-47 language tag");
    d = toy_definition();
    d.default_locale = "fr";
    expect_one_problem(d, "default_locale", "not one of the locales");
}

TEST(Definition, EveryProblemIsReportedAtOnce) {
    auto d = toy_definition();
    d.id = "";
    d.scales[0].band_sets[0].bands[1].min = 5;
    d.scales[1].items.push_back("toy_99");
    d.items[2].response_scale = "nope";
    try {
        (void)instrument::create(d);
        FAIL();
    } catch (const validation_error& e) {
        EXPECT_GE(e.problems().size(), 4U) << e.what();
    }
}
