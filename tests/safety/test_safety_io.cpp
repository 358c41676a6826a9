// SPDX-License-Identifier: Apache-2.0
// JSON and Boost.Serialization of the risk, safety, referral, consent, culture and CE records.
#include <limits>
#include <sstream>

#include <gtest/gtest.h>
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/archive/xml_iarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>

#include <theracore/io/boost_serialization.hpp>
#include <theracore/io/json.hpp>
#include <theracore/io/json_core.hpp>  // io::detail::read and write on plain values

#include "support/fixtures.hpp"
#include "support/safety_builders.hpp"

using namespace theracore;
using boost::serialization::make_nvp;
using nlohmann::json;
using test::at;

namespace {

template <class T>
void expect_json_round_trip(const T& value) {
    const json j = value;
    EXPECT_EQ(j.get<T>(), value) << j.dump(2);
    EXPECT_EQ(io::from_json_string<T>(io::to_json_string(value)), value);
}

template <class T>
void expect_matches_fixture(const std::string& file, const T& value) {
    const json fixture = json::parse(test::read_fixture(file));
    EXPECT_EQ(json(value), fixture) << "wire format of " << file << " changed:\n"
                                    << json(value).dump(2);
    EXPECT_EQ(fixture.get<T>(), value);
}

template <class OArchive, class IArchive, class T>
T archive_round_trip(const T& value) {
    std::stringstream ss;
    {
        OArchive oa(ss);
        oa << make_nvp("value", value);
    }
    T back{};
    {
        IArchive ia(ss);
        ia >> make_nvp("value", back);
    }
    return back;
}

template <class T>
void expect_boost_round_trip(const T& value) {
    using namespace boost::archive;
    EXPECT_EQ((archive_round_trip<text_oarchive, text_iarchive>(value)), value);
    EXPECT_EQ((archive_round_trip<xml_oarchive, xml_iarchive>(value)), value);
    EXPECT_EQ((archive_round_trip<binary_oarchive, binary_iarchive>(value)), value);
}

template <class T>
void expect_both_round_trips(const T& value) {
    expect_json_round_trip(value);
    expect_boost_round_trip(value);
}

template <class T>
void expect_parse_error(const json& j, const std::string& what) {
    try {
        (void)j.get<T>();
        ADD_FAILURE() << "expected parse_error: " << what;
    } catch (const parse_error& e) {
        EXPECT_EQ(std::string(e.what()), what);
    }
}

risk_flag clinician_flag_with_expiry() {
    risk_flag::fields f;
    f.id = flag_id("f-2");
    f.client = client_id("c-zoe");
    f.source = clinician_raised_source{clinician_id("k-ada"), "Disclosed a plan"};
    f.severity = risk_level::imminent;
    f.raised_at = at(2025, 3, 3, 10, 0);
    f.review_by = date(2025, 3, 3);
    f.expires = date(2025, 4, 3);
    f.required_follow_up = "Crisis assessment today";
    auto flag = risk_flag::create(f);
    flag.expire(at(2025, 4, 3, 0, 0));
    return flag;
}

risk_flag cssrs_flag() {
    auto a = test::full_risk_assessment();
    cssrs_screener_answers high;
    high.q6 = true;
    high.q6_past_3_months = true;
    a.cssrs_screener =
        cssrs_screener_result{high, cssrs_triage::high};  // §2.18: Q6 within 3 months
    a.formulated_level = risk_level::high;
    return *flag_from_cssrs(a, flag_id("f-3"), at(2025, 3, 3, 12, 0));
}

}  // namespace

TEST(SafetyJson, EveryRecordRoundTrips) {
    expect_json_round_trip(test::full_risk_assessment());
    expect_json_round_trip(test::full_safety_plan());
    expect_json_round_trip(test::open_phq9_flag());
    expect_json_round_trip(test::resolved_flag());
    expect_json_round_trip(clinician_flag_with_expiry());
    expect_json_round_trip(cssrs_flag());
    expect_json_round_trip(referral::create(test::draft_referral_fields()));
    expect_json_round_trip(test::completed_referral());
    expect_json_round_trip(standard_referral_triggers(4));
    expect_json_round_trip(test::full_release());
    expect_json_round_trip(test::part2_release());
    expect_json_round_trip(test::revoked_treatment_consent());
    expect_json_round_trip(test::full_disclosure_record());
    expect_json_round_trip(test::full_cultural_formulation());
    expect_json_round_trip(test::ce("ce-1", 1.5, ce_categories::ethics, date(2024, 2, 29)));
    expect_json_round_trip(test::example_rule_set());
}

TEST(SafetyJson, ResultValuesRoundTripToo) {
    expect_json_round_trip(
        permits({test::full_release()}, test::psychiatrist_request(), date(2026, 3, 3)));
    expect_json_round_trip(test::psychiatrist_request());
    expect_json_round_trip(test::sample_ce_compliance());
    expect_json_round_trip(evaluate_risk_signing_gate(client_id("c-zoe"), date(2025, 3, 4), false,
                                                      {test::open_phq9_flag()}, {}, {}));
    suggested_referral s{"cssrs-high",
                         referral_party_kind::crisis_service,
                         referral_urgency::emergency,
                         "Triage high",
                         {{"cssrs_screener", date(2025, 3, 3), std::nullopt, std::string("high"),
                           administration_id("adm-1")}}};
    expect_json_round_trip(s);
}

TEST(SafetyJson, FixturesPinTheWireFormat) {
    expect_matches_fixture("risk_assessment.json", test::full_risk_assessment());
    expect_matches_fixture("safety_plan.json", test::full_safety_plan());
    expect_matches_fixture("risk_flag.json", test::resolved_flag());
    expect_matches_fixture("referral.json", test::completed_referral());
    expect_matches_fixture("referral_trigger_set.json", standard_referral_triggers(4));
    expect_matches_fixture("consent.json", test::part2_release());
    expect_matches_fixture("disclosure_record.json", test::full_disclosure_record());
    expect_matches_fixture("cultural_formulation.json", test::full_cultural_formulation());
    expect_matches_fixture("ce_activity.json",
                           test::ce("ce-1", 1.5, ce_categories::ethics, date(2024, 2, 29)));
    expect_matches_fixture("ce_rule_set.json", test::example_rule_set());
}

// Text parses 1 as an unsigned number; signed fields (plan_version, cycle_months,
// days_to_renewal) must still read it, and still reject what does not fit.
TEST(SafetyJson, SignedIntegerFieldsReadNumbersParsedFromText) {
    const auto plan =
        io::from_json_string<safety_plan>(io::to_json_string(test::full_safety_plan()));
    EXPECT_EQ(plan.plan_version, 1);
    int small = 0;
    io::detail::read(json::parse("2147483647"), small);
    EXPECT_EQ(small, 2147483647);
    EXPECT_THROW(io::detail::read(json::parse("2147483648"), small), parse_error);
    long long big = 0;
    EXPECT_THROW(io::detail::read(json::parse("9223372036854775808"), big), parse_error);
    io::detail::read(json::parse("-9223372036854775808"), big);
    EXPECT_EQ(big, std::numeric_limits<long long>::min());
}

TEST(SafetyJson, RecordsCarryTheirSchema) {
    EXPECT_EQ(json(test::full_risk_assessment()).at("schema"), "theracore.risk_assessment");
    EXPECT_EQ(json(test::full_safety_plan()).at("schema"), "theracore.safety_plan");
    EXPECT_EQ(json(test::open_phq9_flag()).at("schema"), "theracore.risk_flag");
    EXPECT_EQ(json(test::completed_referral()).at("schema"), "theracore.referral");
    EXPECT_EQ(json(test::full_release()).at("schema"), "theracore.consent");
    EXPECT_EQ(json(test::full_disclosure_record()).at("schema"), "theracore.disclosure_record");
    EXPECT_EQ(json(test::full_cultural_formulation()).at("schema"),
              "theracore.cultural_formulation");
    EXPECT_EQ(json(test::example_rule_set()).at("version"), 1);
    // The flag source is a tagged variant.
    EXPECT_TRUE(json(test::open_phq9_flag()).at("source").contains("instrument_item"));
}

TEST(SafetyJson, MalformedInputNamesThePath) {
    json j = test::full_risk_assessment();
    j["cssrs_screener"]["triage"] = "severe";
    expect_parse_error<risk_assessment>(
        j, R"(risk_assessment.cssrs_screener.triage: expected one of cssrs_triage (none, low, )"
           R"(moderate, high), got "severe")");
    j = test::completed_referral();
    j["history"][1]["at"] = "2025-03-04 09:00";
    expect_parse_error<referral>(
        j, R"(referral.history[1].at: expected an ISO-8601 date-time with a zone )"
           R"((YYYY-MM-DDTHH:MM:SSZ), got "2025-03-04 09:00")");
    j = test::open_phq9_flag();
    j["source"] = json{{"pager", json::object()}};
    expect_parse_error<risk_flag>(
        j,
        "risk_flag.source.pager: unknown kind; expected one of: instrument_item, "
        "cssrs_triage, clinician");
}

TEST(SafetyJson, WellFormedButInvalidRecordsAreRejected) {
    json j = test::full_risk_assessment();
    j["cssrs_screener"]["answers"]["q3"] = nullptr;  // Q2 is Yes, so Q3 must be answered
    try {
        (void)j.get<risk_assessment>();
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        EXPECT_EQ(e.problems(), (problem_list{{"risk_assessment.cssrs_screener.answers.q3",
                                               "required when Q2 is Yes"}}));
    }
    j = test::completed_referral();
    j["status"] = "declined";
    EXPECT_THROW((void)j.get<referral>(), validation_error);
    j = test::full_release();
    j["release"]["categories"] = {"psychotherapy_notes", "assessments"};
    EXPECT_THROW((void)j.get<consent>(), validation_error);
    j = test::full_safety_plan();
    j["warning_signs"] = json::array();
    EXPECT_THROW((void)j.get<safety_plan>(), validation_error);
}

TEST(SafetyBoost, EveryRecordRoundTripsThroughTextXmlAndBinary) {
    expect_boost_round_trip(test::full_risk_assessment());
    expect_boost_round_trip(risk_assessment{});
    expect_boost_round_trip(test::full_safety_plan());
    expect_boost_round_trip(test::resolved_flag());
    expect_boost_round_trip(clinician_flag_with_expiry());
    expect_boost_round_trip(cssrs_flag());
    expect_boost_round_trip(test::completed_referral());
    expect_boost_round_trip(standard_referral_triggers(4));
    expect_boost_round_trip(test::full_release());
    expect_boost_round_trip(test::part2_release());
    expect_boost_round_trip(test::revoked_treatment_consent());
    expect_boost_round_trip(test::full_disclosure_record());
    expect_boost_round_trip(test::full_cultural_formulation());
    expect_boost_round_trip(test::ce("ce-1", 1.5, ce_categories::ethics, date(2024, 2, 29)));
    expect_boost_round_trip(test::example_rule_set());
    expect_boost_round_trip(test::sample_ce_compliance());
    expect_boost_round_trip(
        permits({test::full_release()}, test::psychiatrist_request(), date(2026, 3, 3)));
}

TEST(SafetyBoost, XmlUsesTheWireNames) {
    std::stringstream ss;
    {
        boost::archive::xml_oarchive oa(ss);
        const auto plan = test::full_safety_plan();
        oa << make_nvp("safety_plan", plan);
    }
    const std::string xml = ss.str();
    EXPECT_NE(xml.find("<reasons_for_living"), std::string::npos);
    EXPECT_NE(xml.find("<professionals_and_agencies"), std::string::npos);
    EXPECT_NE(xml.find("Tomás Ñúñez"), std::string::npos);
}

namespace {
// Lays out an archive exactly as a validated class does, from fields that break its invariants.
template <class Fields>
struct shadow {
    Fields f;
    template <class Archive>
    void serialize(Archive& ar, const unsigned int /*version*/) {
        ar& make_nvp("fields", f);
    }
};

template <class T>
void expect_archive_load_rechecks(typename T::fields broken, const T& good) {
    const auto write = [](const shadow<typename T::fields>& s) {
        std::stringstream ss;
        {
            boost::archive::text_oarchive oa(ss);
            oa << make_nvp("value", s);
        }
        return ss.str();
    };
    {  // the untouched fields load: the shadow really has the class's layout
        std::stringstream in(write({good.data()}));
        boost::archive::text_iarchive ia(in);
        T back;
        ia >> make_nvp("value", back);
        EXPECT_EQ(back, good);
    }
    std::stringstream in(write({std::move(broken)}));
    boost::archive::text_iarchive ia(in);
    T back;
    EXPECT_THROW(ia >> make_nvp("value", back), validation_error);
}
}  // namespace

BOOST_CLASS_VERSION(shadow<risk_flag::fields>, 1)
BOOST_CLASS_VERSION(shadow<referral::fields>, 1)
BOOST_CLASS_VERSION(shadow<consent::fields>, 1)

TEST(SafetyBoost, LoadingAValidatedRecordRechecksItsInvariants) {
    auto flag = test::resolved_flag().data();
    flag.status = flag_status::open;
    expect_archive_load_rechecks(flag, test::resolved_flag());

    auto ref = test::completed_referral().data();
    ref.consent.reset();
    expect_archive_load_rechecks(ref, test::completed_referral());

    auto c = test::full_release().data();
    c.release->categories.push_back(record_category::psychotherapy_notes);
    expect_archive_load_rechecks(c, test::full_release());
}
