// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <theracore/io/json.hpp>
#include <theracore/io/json_core.hpp>  // io::detail::read and write on plain values

#include "support/builders.hpp"
#include "support/fixtures.hpp"

using namespace theracore;
using nlohmann::json;

namespace {

template <class T>
void expect_round_trip(const T& value) {
    const json j = value;
    const auto back = j.get<T>();
    EXPECT_EQ(back, value) << j.dump(2);
    // Text round trip too, including non-ASCII.
    EXPECT_EQ(io::from_json_string<T>(io::to_json_string(value)), value);
}

template <class T>
void expect_parse_error(const json& j, const std::string& path, const std::string& what) {
    try {
        (void)j.get<T>();
        ADD_FAILURE() << "expected parse_error at " << path;
    } catch (const parse_error& e) {
        EXPECT_EQ(e.path(), path);
        EXPECT_EQ(std::string(e.what()), what);
    }
}

/// The fixture's JSON must equal what we write today, and read back to the same value: a
/// change in the wire format breaks this test on purpose.
template <class T>
void expect_matches_fixture(const std::string& file, const T& value) {
    const json fixture = json::parse(test::read_fixture(file));
    EXPECT_EQ(json(value), fixture) << "wire format of " << file << " changed:\n"
                                    << json(value).dump(2);
    EXPECT_EQ(fixture.get<T>(), value);
}

}  // namespace

TEST(Json, EveryModelTypeRoundTrips) {
    expect_round_trip(test::full_client());
    expect_round_trip(test::minimal_client());
    expect_round_trip(test::full_clinician());
    expect_round_trip(clinician{clinician_id("k"), {"K", std::nullopt, {}}, {}, {}, {}, false, {}});
    expect_round_trip(test::sample_licence());
    expect_round_trip(care_episode::create(test::couple_episode_fields()));
    expect_round_trip(test::closed_episode());
    expect_round_trip(test::full_intake());
    expect_round_trip(intake{intake_id("i"),
                             client_id("c"),
                             episode_id("e"),
                             clinician_id("k"),
                             date(2000, 2, 29),
                             "x",
                             {},
                             {},
                             {},
                             {},
                             {},
                             {},
                             {}});
    expect_round_trip(coded_concept{code_systems::loinc, "44261-6", "PHQ-9 total score"});
}

TEST(Json, FixturesPinTheWireFormat) {
    expect_matches_fixture("client.json", test::full_client());
    expect_matches_fixture("client_minimal.json", test::minimal_client());
    expect_matches_fixture("clinician.json", test::full_clinician());
    expect_matches_fixture("care_episode.json", test::closed_episode());
    expect_matches_fixture("intake.json", test::full_intake());
}

TEST(Json, RecordsCarrySchemaAndVersion) {
    const json j = test::minimal_client();
    EXPECT_EQ(j.at("schema"), "theracore.client");
    EXPECT_EQ(j.at("version"), 1);
    EXPECT_FALSE(j.contains("preferred_name"));  // empty optionals are omitted
    EXPECT_EQ(j.at("legal_name").at("text"), "李小龍");
    EXPECT_NE(io::to_json_string(test::minimal_client()).find("李小龍"), std::string::npos);
}

TEST(Json, ImpossibleDateNamesThePath) {
    json j = test::minimal_client();
    j["date_of_birth"] = "31/02/2020";
    expect_parse_error<client>(j, "client.date_of_birth",
                               R"(client.date_of_birth: expected YYYY-MM-DD, got "31/02/2020")");
    j["date_of_birth"] = "2023-02-29";
    expect_parse_error<client>(j, "client.date_of_birth",
                               R"(client.date_of_birth: expected YYYY-MM-DD, got "2023-02-29")");
}

TEST(Json, UnknownEnumWrongTypeMissingAndUnknownKeys) {
    json j = test::full_client();
    j["telecom"][1]["system"] = "pager";
    expect_parse_error<client>(
        j, "client.telecom[1].system",
        R"(client.telecom[1].system: expected one of contact_system (phone, sms, email, other), got "pager")");

    j = test::full_client();
    j["interpreter_needed"] = "no";
    expect_parse_error<client>(j, "client.interpreter_needed",
                               R"(client.interpreter_needed: expected true or false, got "no")");

    j = test::full_client();
    j.erase("notes");
    expect_parse_error<client>(j, "client.notes", "client.notes: required key is missing");

    j = test::full_client();
    j["legal_name"]["nickname"] = "Z";
    expect_parse_error<client>(j, "client.legal_name.nickname",
                               "client.legal_name.nickname: unknown key");

    j = test::full_client();
    j["legal_name"]["given"] = {"Zoë", 7};
    expect_parse_error<client>(j, "client.legal_name.given[1]",
                               "client.legal_name.given[1]: expected a string, got 7");

    j = test::full_client();
    j["id"] = nullptr;
    expect_parse_error<client>(j, "client.id", "client.id: expected a client_id string, got null");
}

TEST(Json, SchemaAndVersionAreChecked) {
    json j = test::minimal_client();
    j["schema"] = "theracore.clinician";
    expect_parse_error<client>(
        j, "client.schema",
        R"(client.schema: expected "theracore.client", got "theracore.clinician")");
    j = test::minimal_client();
    j["version"] = 2;
    expect_parse_error<client>(
        j, "client.version",
        "client.version: written by a newer TheraCore (version 2; this library reads up to 1)");
    j = test::minimal_client();
    j.erase("version");
    expect_parse_error<client>(j, "client.version", "client.version: required key is missing");
    expect_parse_error<client>(json::array(), "client", "client: expected an object, got an array");
}

TEST(Json, ValidInShapeButBrokenRulesIsAValidationError) {
    json j = test::full_clinician();
    j["licences"][1]["expires"] = "2020-01-01";
    try {
        (void)j.get<clinician>();
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        ASSERT_EQ(e.problems().size(), 1u);
        EXPECT_EQ(e.problems()[0].path, "clinician.licences[1].expires");
    }

    j = test::minimal_client();
    j["legal_name"]["text"] = "";
    try {
        (void)j.get<client>();
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        EXPECT_EQ(e.problems(), (problem_list{{"client.legal_name.text", "required"}}));
    }

    j = test::closed_episode();
    j.erase("closed");
    try {
        (void)j.get<care_episode>();
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        EXPECT_EQ(e.problems(),
                  (problem_list{{"care_episode.closed", "a closed episode needs a close date"}}));
    }
}

TEST(Json, MalformedTextIsAParseError) {
    EXPECT_THROW((void)io::from_json_string<client>("{\"schema\": "), parse_error);
    EXPECT_THROW((void)io::from_json_string<client>("not json"), parse_error);
    EXPECT_THROW((void)io::from_json_string<client>(""), parse_error);
}

TEST(Json, NumbersAreRangeChecked) {
    int small = 0;
    EXPECT_THROW(io::detail::read(json(1e100), small), parse_error);
    EXPECT_THROW(io::detail::read(json(1.5), small), parse_error);
    EXPECT_THROW(io::detail::read(json(3000000000LL), small), parse_error);
    unsigned u = 0;
    EXPECT_THROW(io::detail::read(json(-1), u), parse_error);
    io::detail::read(json(-7), small);
    EXPECT_EQ(small, -7);
    double d = 0;
    io::detail::read(json(3), d);
    EXPECT_EQ(d, 3.0);
    json out;
    EXPECT_THROW(io::detail::write(out, std::numeric_limits<double>::quiet_NaN()),
                 validation_error);
}

TEST(Json, NonNegativeIntegersReadFromTextFitSignedAndUnsignedFields) {
    // Parsed text gives number_unsigned for 5, a C++ int gives number_integer: both are 5.
    int small = 0;
    io::detail::read(json::parse("5"), small);
    EXPECT_EQ(small, 5);
    io::detail::read(json::parse("-5"), small);
    EXPECT_EQ(small, -5);
    EXPECT_THROW(io::detail::read(json::parse("2147483648"), small), parse_error);
    EXPECT_THROW(io::detail::read(json::parse("18446744073709551615"), small), parse_error);
    unsigned u = 0;
    io::detail::read(json(7), u);
    EXPECT_EQ(u, 7u);
    io::detail::read(json::parse("4294967295"), u);
    EXPECT_EQ(u, 4294967295u);
    EXPECT_THROW(io::detail::read(json::parse("4294967296"), u), parse_error);
}

namespace {
struct soap_like {
    static constexpr const char* variant_tag = "soap";
    std::string s;
    template <class Self>
    static auto describe(Self& x) {
        return std::make_tuple(theracore::detail::field("s", x.s));
    }
};
struct dap_like {
    static constexpr const char* variant_tag = "dap";
    int d = 0;
    template <class Self>
    static auto describe(Self& x) {
        return std::make_tuple(theracore::detail::field("d", x.d));
    }
};
}  // namespace

TEST(Json, VariantsAreTaggedObjects) {
    using V = std::variant<soap_like, dap_like>;
    const V v = dap_like{3};
    json j;
    io::detail::write(j, v);
    EXPECT_EQ(j, json::parse(R"({"dap": {"d": 3}})"));
    V back;
    io::detail::read(j, back);
    ASSERT_TRUE(std::holds_alternative<dap_like>(back));
    EXPECT_EQ(std::get<dap_like>(back).d, 3);
    try {
        io::detail::read(json::parse(R"({"birp": {}})"), back);
        FAIL();
    } catch (const parse_error& e) {
        EXPECT_EQ(std::string(e.what()), "birp: unknown kind; expected one of: soap, dap");
    }
    EXPECT_THROW(io::detail::read(json::parse(R"({"soap": {"s": "x"}, "dap": {"d": 1}})"), back),
                 parse_error);
}
