// SPDX-License-Identifier: Apache-2.0
// The administration record: built by administer(), validated, and round-tripped through JSON
// (pinned by tests/data/administration.json) and Boost archives.
#include <gtest/gtest.h>

#include <sstream>

#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/xml_iarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>

#include <theracore/io/boost_serialization.hpp>
#include <theracore/io/json.hpp>

#include "support/fixtures.hpp"
#include "support/instruments_builders.hpp"

using namespace theracore;
using nlohmann::json;
using theracore::instruments::administration;

namespace {

administration sample() {
    auto a = administer(test::builtin("phq9"), administration_id("a-1"), client_id("c-zoe"),
                        instant(date(2024, 2, 29), boost::posix_time::hours(9)),
                        test::answers({2, 2, 2, 1, 1, 1, 0, 0, 1}));
    a.episode = episode_id("e-100");
    a.administered_by = clinician_id("k-ada");
    a.locale = language("es-CL");
    return a;
}

}  // namespace

TEST(Administration, AdministerScoresAndRecords) {
    const auto a = sample();
    EXPECT_EQ(a.instrument, "phq9");
    EXPECT_EQ(a.instrument_version, "1.0");
    EXPECT_EQ(a.result.scale("total")->value, std::optional<double>(10));
    EXPECT_TRUE(a.result.flagged("item9_self_harm"));
    EXPECT_TRUE(validate(a).empty());
    EXPECT_THROW((void)administer(test::builtin("phq9"), administration_id("a"), client_id("c"),
                                  instant(date(2024, 1, 1)), test::answers({5})),
                 validation_error);
}

TEST(Administration, ValidateReportsEveryProblem) {
    auto a = sample();
    a.id = administration_id();
    a.client = client_id();
    a.administered_at = instant();
    a.locale = coded_concept{code_systems::snomed_ct, "x", ""};
    a.instrument = "gad7";
    a.result.scales[0].value.reset();
    std::vector<std::string> paths;
    for (const auto& p : validate(a)) {
        paths.push_back(p.path);
    }
    EXPECT_EQ(paths, (std::vector<std::string>{"id", "client", "administered_at", "locale.system",
                                               "result.scales[0].value", "result.provenance"}));
}

TEST(Administration, JsonWireFormatIsPinned) {
    const auto a = sample();
    const json j = a;
    EXPECT_EQ(j.at("schema"), "theracore.administration");
    EXPECT_EQ(j.get<administration>(), a);
    EXPECT_EQ(io::from_json_string<administration>(io::to_json_string(a)), a);
    const json fixture = json::parse(test::read_fixture("administration.json"));
    EXPECT_EQ(fixture.get<administration>(), a);
    // The library version is part of the result; compare the rest of the fixture exactly.
    json expected = fixture, actual = j;
    expected["result"]["provenance"].erase("library_version");
    actual["result"]["provenance"].erase("library_version");
    EXPECT_EQ(actual, expected) << "wire format of administration.json changed:\n" << j.dump(2);
    json bad = j;
    bad["result"]["provenance"]["instrument"] = "gad7";
    EXPECT_THROW((void)bad.get<administration>(), validation_error);
}

TEST(Administration, BoostArchivesRoundTrip) {
    const auto a = sample();
    std::stringstream xml, bin;
    {
        boost::archive::xml_oarchive xa(xml);
        xa << boost::serialization::make_nvp("administration", a);
        boost::archive::binary_oarchive ba(bin);
        ba << a;
    }
    administration x, b;
    {
        boost::archive::xml_iarchive xa(xml);
        xa >> boost::serialization::make_nvp("administration", x);
        boost::archive::binary_iarchive ba(bin);
        ba >> b;
    }
    EXPECT_EQ(x, a);
    EXPECT_EQ(b, a);
    // Text answers survive too.
    auto t = a;
    t.responses =
        instruments::responses::keyed({{"phq9_1", instruments::answer(std::string("?"))}});
    std::stringstream s;
    {
        boost::archive::xml_oarchive xa(s);
        xa << boost::serialization::make_nvp("administration", t);
    }
    administration back;
    boost::archive::xml_iarchive xa(s);
    xa >> boost::serialization::make_nvp("administration", back);
    EXPECT_EQ(back.responses, t.responses);
}
