// SPDX-License-Identifier: Apache-2.0
// The storage codec's fast path (theracore/storage/detail/fast_json.hpp): on every record
// fixture it writes exactly the text io::to_json_string writes and reads back exactly what
// io::from_json_string reads; on anything unusual it declines, and the nlohmann path decides.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <theracore/io/json.hpp>
#include <theracore/storage/json_codec.hpp>
#include <theracore/storage/records.hpp>

#include "storage/detail/fast_json_adapters.hpp"
#include "storage/json_codec_impl.hpp"  // json_codec of types that are not stored
#include "support/fixtures.hpp"

using namespace theracore;
using namespace theracore::storage;

namespace {

/// Checks both directions of the fast path on `value`.
template <class T>
void check_value(const T& value) {
    const std::string canonical = io::to_json_string(value);
    const auto written = fast_json::try_encode(value);
    ASSERT_TRUE(written.has_value());
    EXPECT_EQ(*written, canonical);
    const auto read = fast_json::try_decode<T>(canonical);
    ASSERT_TRUE(read.has_value());
    EXPECT_TRUE(*read == value);
    // Whitespace anywhere JSON allows it.
    const auto pretty = fast_json::try_decode<T>(io::to_json_string(value, 4));
    ASSERT_TRUE(pretty.has_value());
    EXPECT_TRUE(*pretty == value);
    EXPECT_TRUE(json_codec<T>::decode(json_codec<T>::encode(value)) == value);
}

/// Reads the fixture with the nlohmann path, then checks both directions of the fast path.
template <class T>
void check_fixture(const std::string& name) {
    SCOPED_TRACE(name);
    check_value(io::from_json_string<T>(test::read_fixture(name)));
}

std::string nlohmann_double(double v) {
    return nlohmann::json(v).dump();
}

std::string fast_double(double v) {
    std::string out;
    fast_json::write_double(out, v);
    return out;
}

}  // namespace

TEST(FastJson, EveryRecordFixtureIsWrittenAndReadAsNlohmannDoes) {
    check_fixture<client>("client.json");
    check_fixture<client>("client_minimal.json");
    check_fixture<clinician>("clinician.json");
    check_fixture<care_episode>("care_episode.json");
    check_fixture<intake>("intake.json");
    check_fixture<instruments::administration>("administration.json");
    check_fixture<outcomes::alert>("alert.json");
    check_fixture<outcomes::measurement_schedule>("measurement_schedule.json");
    check_fixture<treatment_plan>("treatment_plan.json");
    check_fixture<session>("session.json");
    check_fixture<progress_note>("progress_note.json");
    check_fixture<psychotherapy_note>("psychotherapy_note.json");
    check_fixture<homework_assignment>("homework_assignment.json");
    check_fixture<behaviour_diary>("behaviour_diary.json");
    check_fixture<intervention_catalog>("intervention_catalog.json");
    check_fixture<care_record_export>("care_record_export.json");
    check_fixture<risk_assessment>("risk_assessment.json");
    check_fixture<safety_plan>("safety_plan.json");
    check_fixture<risk_flag>("risk_flag.json");
    check_fixture<referral>("referral.json");
    check_fixture<consent>("consent.json");
    check_fixture<disclosure_record>("disclosure_record.json");
    check_fixture<cultural_formulation>("cultural_formulation.json");
    check_fixture<ce_activity>("ce_activity.json");
    check_fixture<ce_rule_set>("ce_rule_set.json");
    check_fixture<referral_trigger_set>("referral_trigger_set.json");
    // A definition file may leave defaults out (the definition loader fills them in); stored,
    // it is written whole.
    SCOPED_TRACE("instruments/custom_wellbeing.json");
    check_value(
        instruments::load_instrument_text(test::read_fixture("instruments/custom_wellbeing.json")));
}

TEST(FastJson, NumbersAreWrittenInNlohmannsFormat) {
    for (const double v : {0.0,
                           -0.0,
                           1.0,
                           -1.0,
                           12.0,
                           0.5,
                           0.1,
                           1.0 / 3.0,
                           2.0 / 3.0,
                           100.0,
                           1e15,
                           1e16,
                           1e-4,
                           1e-5,
                           0.001,
                           123456789012345.0,
                           1234567890123456.0,
                           1.5e300,
                           -2.5e-300,
                           5e-324,
                           std::numeric_limits<double>::max(),
                           std::numeric_limits<double>::min(),
                           9007199254740993.0,
                           37.5,
                           2.87,
                           1.96}) {
        EXPECT_EQ(fast_double(v), nlohmann_double(v)) << v;
    }
}

TEST(FastJson, RandomDoublesReadBackExactly) {
    std::mt19937_64 rng(20240229);
    std::uniform_int_distribution<std::uint64_t> bits;
    int checked = 0;
    while (checked < 20000) {
        const std::uint64_t b = bits(rng);
        double v = 0;
        std::memcpy(&v, &b, sizeof v);
        if (!std::isfinite(v)) {
            continue;
        }
        ++checked;
        const std::string text = fast_double(v);
        ASSERT_EQ(nlohmann::json::parse(text).get<double>(), v) << text;
        fast_json::reader r(text);
        ASSERT_EQ(r.number_value(), v) << text;
    }
}

TEST(FastJson, IntegersAreReadAsNlohmannReadsThem) {
    // "-0" is the integer 0 for nlohmann, so a double field reads +0.0.
    fast_json::reader minus_zero("-0");
    EXPECT_FALSE(std::signbit(minus_zero.number_value()));
    fast_json::reader big("12345678901234567890");
    EXPECT_EQ(big.number_value(), nlohmann::json::parse("12345678901234567890").get<double>());
}

TEST(FastJson, StringsAreEscapedAsNlohmannEscapesThem) {
    for (const std::string& s :
         {std::string("plain"), std::string("quote \" and backslash \\"),
          std::string("tab\tnewline\nreturn\rback\bfeed\f"), std::string("\x01\x1f\x7f", 3),
          std::string("nul \0 inside", 12), std::string("Zoë Ñúñez — 李小龍 🙂"),
          std::string("slash / stays")}) {
        std::string out;
        fast_json::write_string(out, s);
        EXPECT_EQ(out, nlohmann::json(s).dump()) << s;
        std::string scratch;
        fast_json::reader r(out);
        EXPECT_EQ(std::string(r.string(scratch)), s);
    }
}

TEST(FastJson, EscapesAreReadIncludingSurrogatePairs) {
    std::string scratch;
    fast_json::reader r(R"("caf\u00e9 \ud83d\ude42 \/ \"q\" \\")");
    EXPECT_EQ(std::string(r.string(scratch)), "café 🙂 / \"q\" \\");
}

TEST(FastJson, TextThatIsNotUtf8IsLeftToNlohmann) {
    client c;
    c.id = client_id("c-1");
    c.legal_name.text = "bad \xC3 byte";
    EXPECT_FALSE(fast_json::try_encode(c).has_value());
    try {
        (void)json_codec<client>::encode(c);
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        EXPECT_NE(std::string(e.what()).find("UTF-8"), std::string::npos) << e.what();
    }
}

TEST(FastJson, NonFiniteNumbersAreLeftToNlohmann) {
    instruments::score_result r;
    r.scales.push_back({});
    r.scales[0].value = std::numeric_limits<double>::infinity();
    EXPECT_FALSE(fast_json::try_encode(r).has_value());
}

TEST(FastJson, AnythingUnexpectedIsLeftToNlohmann) {
    const client c = io::from_json_string<client>(test::read_fixture("client_minimal.json"));
    const std::string good = io::to_json_string(c);
    ASSERT_TRUE(fast_json::try_decode<client>(good).has_value());
    const auto without = [&](const std::string& key) {
        auto j = nlohmann::json::parse(good);
        j.erase(key);
        return j.dump();
    };
    const auto with = [&](const std::string& key, const nlohmann::json& v) {
        auto j = nlohmann::json::parse(good);
        j[key] = v;
        return j.dump();
    };
    const std::vector<std::string> declined{
        without("id"),                                 // a required key is missing
        without("schema"),                             // so is the schema
        without("version"),                            // and the version
        with("unknown", 1),                            // an unknown key
        with("schema", "theracore.clinician"),         // another record's schema
        with("version", 0),                            // an older version: upgraded by nlohmann
        with("version", 99),                           // a newer one: refused by nlohmann
        with("id", 7),                                 // a type mismatch
        with("legal_name", nlohmann::json::object()),  // an invalid value
        good + " x",                                   // trailing text
        good.substr(0, good.size() - 1),               // truncated
        R"({"id":"c-1","id":"c-2"})",                  // a repeated key
        "[]",                                          // not an object
        std::string("{\"id\":\"c-\x01\"}"),            // a raw control character
        R"({"id":"\ud800"})",                          // a lone surrogate
        R"({"id":01})",                                // a leading zero
    };
    for (const auto& text : declined) {
        EXPECT_FALSE(fast_json::try_decode<client>(text).has_value()) << text;
    }
    // The codec then gives nlohmann's verdict.
    EXPECT_THROW((void)json_codec<client>::decode(with("unknown", 1)), storage_error);
    try {
        (void)json_codec<client>::decode(with("version", 99));
        FAIL() << "expected storage_error";
    } catch (const storage_error& e) {
        EXPECT_EQ(e.category(), storage_errc::schema_mismatch);
    }
}

TEST(FastJson, OptionalKeysMayBeNullOrAbsent) {
    const client c = io::from_json_string<client>(test::read_fixture("client.json"));
    auto j = nlohmann::json::parse(io::to_json_string(c));
    ASSERT_TRUE(c.preferred_name.has_value());
    j["preferred_name"] = nullptr;
    const auto read = fast_json::try_decode<client>(j.dump());
    ASSERT_TRUE(read.has_value());
    EXPECT_FALSE(read->preferred_name.has_value());
    EXPECT_TRUE(*read == io::from_json_string<client>(j.dump()));
}
