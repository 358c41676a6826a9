// SPDX-License-Identifier: Apache-2.0
// The JSON format of definitions: round trips, every problem at once, custom instruments;
// answers, responses and results on the wire; Boost archives of definitions.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/archive/xml_iarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>

#include <theracore/io/boost_serialization.hpp>
#include <theracore/io/json.hpp>

#include "support/fixtures.hpp"
#include "support/instruments_builders.hpp"

using namespace theracore;
using namespace theracore::instruments;
using nlohmann::json;
using test::answers;
using test::na;

namespace {

std::vector<std::string> paths_of(const validation_error& e) {
    std::vector<std::string> out;
    for (const auto& p : e.problems()) {
        out.push_back(p.path + ": " + p.message);
    }
    return out;
}

bool contains(const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

json phq9_json() {
    return json(test::builtin("phq9"));
}

}  // namespace

TEST(InstrumentJson, EveryBuiltinRoundTrips) {
    for (const auto& inst : builtin_catalog().instruments()) {
        const json j = inst;
        EXPECT_EQ(j.at("schema"), "theracore.instrument");
        EXPECT_EQ(j.at("version"), instrument::schema_version);
        EXPECT_EQ(j.at("instrument_version"), inst.version());
        EXPECT_EQ(load_instrument(j), inst) << inst.id();
        EXPECT_EQ(j.get<instrument>(), inst) << inst.id();
        EXPECT_EQ(load_instrument_text(io::to_json_string(inst, 2)), inst) << inst.id();
        EXPECT_EQ(io::from_json_value<instrument>(j), inst) << inst.id();
    }
}

TEST(InstrumentJson, EveryBuiltinRoundTripsThroughBoostArchives) {
    for (const auto& inst : builtin_catalog().instruments()) {
        std::stringstream text, xml;
        {
            boost::archive::text_oarchive oa(text);
            oa << inst;
            boost::archive::xml_oarchive xa(xml);
            xa << boost::serialization::make_nvp("instrument", inst);
        }
        instrument a, b;
        {
            boost::archive::text_iarchive ia(text);
            ia >> a;
            boost::archive::xml_iarchive xa(xml);
            xa >> boost::serialization::make_nvp("instrument", b);
        }
        EXPECT_EQ(a, inst);
        EXPECT_EQ(b, inst);
        // The loaded copy scores (its plan was compiled on load).
        EXPECT_NO_THROW((void)score(a, responses{}));
    }
}

TEST(InstrumentJson, EveryProblemOfADefinitionAtOnce) {
    json j = phq9_json();
    j["colour"] = "blue";                                     // unknown key
    j["items"][2]["reverse"] = "yes";                         // wrong type
    j["scales"][0]["band_sets"][0]["bands"][1].erase("min");  // required number
    j["scales"][0]["band_sets"][0]["bands"][3]["min"] = 14;   // overlaps 10-14
    j["scales"][1]["items"][1] = "phq9_12";                   // unknown item
    j["scales"][1]["missing"] = {{"max_missing", 2},
                                 {"prorate", "mean_of_answered"},
                                 {"rounding", "none"},
                                 {"source", "policy"}};  // unmeetable
    j["flags"][0]["severity"] = "panic";                 // unknown enum value
    try {
        (void)load_instrument(j);
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        const auto p = paths_of(e);
        EXPECT_TRUE(contains(p, "colour: unknown key")) << e.what();
        EXPECT_TRUE(contains(p, "items[2].reverse: expected true or false, got \"yes\""))
            << e.what();
        EXPECT_TRUE(contains(p, "scales[0].band_sets[0].bands[1].min: required key is missing"))
            << e.what();
        EXPECT_TRUE(contains(p,
                             "scales[0].band_sets[0].bands[3]: band 14–19 Moderately severe "
                             "overlaps the band before it (10–14 Moderate)"))
            << e.what();
        EXPECT_TRUE(contains(p, "scales[1].items[1]: unknown item \"phq9_12\"")) << e.what();
        EXPECT_TRUE(contains(p,
                             "scales[1].missing.max_missing: cannot be met: allowing 2 of 2 "
                             "items to be missing would score a scale with no answer"))
            << e.what();
        EXPECT_TRUE(contains(p,
                             "flags[0].severity: expected one of flag_severity (info, review, "
                             "urgent, immediate), got \"panic\""))
            << e.what();
        EXPECT_NE(std::string(e.what()).find("invalid instrument definition phq9"),
                  std::string::npos);
    }
}

TEST(InstrumentJson, ReverseKeyingWithoutBoundsAndGapsAreReported) {
    json j = phq9_json();
    j["response_scales"].push_back({{"id", "open"}, {"range", {{"min", 0}}}});
    j["items"][9]["response_scale"] = "open";
    j["items"][9]["reverse"] = true;
    j["scales"][0]["band_sets"][0]["bands"][2]["min"] = 11;
    try {
        (void)load_instrument(j);
        FAIL();
    } catch (const validation_error& e) {
        const auto p = paths_of(e);
        ASSERT_EQ(p.size(), 2U) << e.what();
        EXPECT_EQ(p[0],
                  "items[9].reverse: reverse keying needs a response scale with a minimum "
                  "and a maximum; \"open\" has no upper bound");
        EXPECT_EQ(p[1],
                  "scales[0].band_sets[0].bands[2]: gap between 5–9 Mild and 11–14 "
                  "Moderate: the next band must start at 10");
    }
}

TEST(InstrumentJson, SchemaAndTextErrors) {
    json j = phq9_json();
    j["schema"] = "theracore.client";
    EXPECT_EQ(test::problem_paths([&] { (void)load_instrument(j); }),
              std::vector<std::string>{"schema"});
    // A version-1 definition has no `answers` key: it takes form positions.
    j = phq9_json();
    j["version"] = 1;
    j.erase("answers");
    EXPECT_EQ(load_instrument(j).answers(), answer_coding::positions);
    EXPECT_EQ(j.get<instrument>().answers(), answer_coding::positions);
    j = phq9_json();
    j["answers"] = "letters";
    EXPECT_EQ(test::problem_paths([&] { (void)load_instrument(j); }),
              std::vector<std::string>{"answers"});
    j = phq9_json();
    j["version"] = instrument::schema_version + 1;
    EXPECT_EQ(test::problem_paths([&] { (void)load_instrument(j); }),
              std::vector<std::string>{"version"});
    EXPECT_THROW((void)load_instrument_text("{\"schema\": "), parse_error);
    EXPECT_EQ(test::problem_paths([&] { (void)load_instrument(json::array()); }),
              std::vector<std::string>{""});
}

TEST(InstrumentJson, CustomInstrumentFromJsonScoresLikeABuiltIn) {
    const auto custom =
        load_instrument_text(test::read_fixture("instruments/custom_wellbeing.json"));
    EXPECT_EQ(custom.items()[2].id, "custom_wellbeing_3");  // default ids
    // Gate yes; items 2-6 answered 4, 2, 0 (reversed: 4), 3, 1: mean 14/5 x 25 = 70, "Good".
    auto r = score(custom, answers({1, 4, 2, 0, 3, 1}));
    EXPECT_EQ(*r.scale("total")->value, 70);
    EXPECT_EQ(r.scale("total")->band_label, "Good");
    EXPECT_TRUE(r.scale("total")->cut_offs_met.empty());
    EXPECT_EQ(r.outcome("priority")->label, "soon");
    // Gate no: the work item does not apply; one missing item is allowed (a fixture policy):
    // answered 1 and 9 (= not applicable) on item 6 -> mean of item 3 (1) and item 4 (4 - 1 = 3)
    // is 2, x 25 = 50: the boundary belongs to the higher band.
    r = score(custom, answers({0, na, 1, 1, na, 9}));
    EXPECT_EQ(*r.scale("total")->value, 50);
    EXPECT_EQ(r.scale("total")->band_label, "Good");
    EXPECT_TRUE(r.scale("total")->prorated);
    EXPECT_TRUE(r.scale("total")->nonstandard_rule);
    EXPECT_EQ(r.scale("total")->not_applicable, 2);
    EXPECT_FALSE(r.outcome("priority")->determined);  // item 5 is missing
    // Batch scoring of the same definition gives the same value.
    const double row[6] = {0, na, 1, 1, na, 9};
    EXPECT_EQ(score_batch(custom, batch_view::row_major(row, 1, 6)).scales[0].value[0], 50);
    EXPECT_EQ(test::problem_paths([&] {
                  (void)score(custom, answers({0, 2}));
              }),
              std::vector<std::string>{"custom_wellbeing_2"});
}

TEST(InstrumentJson, AnswersResponsesAndResultsOnTheWire) {
    const json a = responses::ordered({2, answer(), answer(std::string("two"))});
    EXPECT_EQ(a.at("form_order"), json::parse(R"([2.0, null, "two"])"));
    EXPECT_EQ(a.get<responses>(), responses::ordered({2, answer(), answer(std::string("two"))}));
    const json keyed = responses::keyed({{"phq9_1", 1}});
    EXPECT_EQ(keyed.at("by_item").at("phq9_1"), 1.0);
    json bad = keyed;
    bad["by_item"]["phq9_1"] = json::array();
    EXPECT_THROW((void)bad.get<responses>(), parse_error);
    EXPECT_EQ(answer(na), answer());  // NaN is how numpy spells missing
    const auto result = score(test::builtin("core10"), answers({0, 4, 4, 0, 0, na, 0, 0, 0, 0}));
    const json jr = result;
    EXPECT_EQ(jr.get<score_result>(), result);
    EXPECT_EQ(jr.at("scales")[0].at("status"), "scored");
    EXPECT_EQ(jr.at("flags_not_evaluated")[0], "item6_risk");
}

TEST(InstrumentJson, LocaleOverlaysLoadFromJson) {
    const auto& epds = test::builtin("epds");
    const auto overlay = load_locale(json::parse(R"j({
        "tag": "en-GB", "title": "EPDS", "source": "Licensed copy held by the clinic",
        "item_texts": {"epds_1": "(licensed text)"}})j"));
    const auto with = with_locale(epds, overlay);
    ASSERT_EQ(with.locales().size(), 1U);
    EXPECT_TRUE(with.locales()[0].user_supplied);
    EXPECT_EQ(item_text(with, &with.locales()[0], "epds_1"), "(licensed text)");
    EXPECT_EQ(test::problem_paths([] { (void)load_locale(json::parse(R"j({"tag": 5})j")); }),
              std::vector<std::string>{"tag"});
    instrument_locale typo = overlay;
    typo.item_texts = {{"epds_11", "?"}};
    EXPECT_EQ(test::problem_paths([&] { (void)with_locale(epds, typo); }),
              std::vector<std::string>{"locales[0].item_texts.epds_11"});
}
