// SPDX-License-Identifier: Apache-2.0
// JSON and Boost.Serialization of every outcome value type, and fixtures that pin the wire
// format of the records (alert, measurement_schedule).
#include <sstream>

#include <gtest/gtest.h>
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/archive/xml_iarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>

#include <theracore/adapters/builtin_rule_sets.hpp>
#include <theracore/io/boost_define.hpp>
#include <theracore/io/boost_serialization.hpp>
#include <theracore/io/json.hpp>
#include <theracore/io/json_core.hpp>  // io::detail::read and write on plain values

#include "support/fixtures.hpp"
#include "support/outcomes_builders.hpp"

using namespace theracore;
using namespace theracore::outcomes;
using boost::posix_time::hours;
using boost::serialization::make_nvp;
using nlohmann::json;

namespace test_io {
/// Archives like an `alert` (its fields under "fields", version 1) without its checks.
struct fake_alert {
    alert::fields fields;
    template <class Archive>
    void serialize(Archive& ar, const unsigned int /*version*/) {
        ar& make_nvp("fields", fields);
    }
};
}  // namespace test_io
BOOST_CLASS_VERSION(test_io::fake_alert, 1)

namespace {

template <class OArchive, class IArchive, class T>
T boost_round_trip(const T& value) {
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
void expect_round_trips(const T& value) {
    using namespace boost::archive;
    const json j = value;
    EXPECT_EQ(j.get<T>(), value) << j.dump(2);
    EXPECT_EQ(io::from_json_string<T>(io::to_json_string(value)), value);
    EXPECT_EQ((boost_round_trip<text_oarchive, text_iarchive>(value)), value);
    EXPECT_EQ((boost_round_trip<xml_oarchive, xml_iarchive>(value)), value);
    EXPECT_EQ((boost_round_trip<binary_oarchive, binary_iarchive>(value)), value);
}

alert acknowledged_alert() {
    alert::fields f;
    f.id = alert_id("c-1/phq9/critical_item/2026-02-02T10:15:00Z");
    f.client = client_id("c-1");
    f.episode = episode_id("e-1");
    f.kind = alert_kind::critical_item;
    f.severity = alert_severity::critical;
    f.instrument_id = "phq9";
    f.summary = "PHQ-9 critical item fired (phq9_9) on 2026-02-02T10:15:00Z";
    f.rule = "critical_item: any fired flag";
    f.evidence = {
        {evidence_role::trigger,
         "phq9",
         "1",
         observation_time(instant(date(2026, 2, 2), hours(10) + boost::posix_time::minutes(15))),
         14,
         administration_id("a-7"),
         session_id("s-5"),
         {"phq9_9"}}};
    f.raised_at = instant(date(2026, 2, 2), hours(11));
    auto a = alert::create(f);
    a.acknowledge(clinician_id("k-ada"), instant(date(2026, 2, 2), hours(12)));
    return a;
}

measurement_schedule sample_schedule() {
    return {
        episode_id("e-1"),
        {{"phq9", true, true, 1, std::nullopt, 0}, {"core10", true, false, std::nullopt, 28, 7}}};
}

}  // namespace

TEST(OutcomesIo, EveryValueTypeRoundTrips) {
    const auto p = test::core10_parameters();
    expect_round_trips(p);
    expect_round_trips(test::phq9_parameters());
    expect_round_trips(p.sd);
    expect_round_trips(p.reliability);
    expect_round_trips(*p.functional);
    expect_round_trips(*p.range);
    expect_round_trips(p.provenance);
    auto s = test::phq9_series({17, 15, 12, 9, 7});
    s.points[1].fired_flags = {"phq9_9"};
    s.points[2].when = observation_time(instant(date(2026, 1, 19), hours(9)));
    expect_round_trips(s);
    expect_round_trips(s.points[1]);
    expect_round_trips(s.bands[0]);
    expect_round_trips(*s.cutoff);
    expect_round_trips(test::score(p, 22));
    const auto rc = jacobson_truax_rci(test::score(p, 22), test::score(p, 12), p);
    expect_round_trips(rc);
    expect_round_trips(rc.threshold);
    const auto cut = clinical_cutoffs(test::pcl5_parameters());
    expect_round_trips(cut);
    expect_round_trips(cut.a);
    expect_round_trips(
        jacobson_truax(test::score(p, 22), test::score(p, 8), p, cutoff_criterion::c));
    const group_statistics g{19.7, 7.7, 12.0, 8.5, 0.5, "example A"};
    expect_round_trips(g);
    const auto ha = hageman_arrindell(test::score(p, 22), test::score(p, 12), p, g);
    expect_round_trips(ha);
    const auto& rules = talking_therapies_rule_set_named("nhs_talking_therapies.phq9");
    expect_round_trips(rules);
    const auto tt = talking_therapies({"phq9", "1", 16}, {"phq9", "1", 9}, rules);
    expect_round_trips(tt);
    const auto cohort = summarize(std::vector<talking_therapies_outcome>{tt});
    expect_round_trips(cohort);
    expect_round_trips(cohort.categories[0]);
    const std::vector<gas_goal> goals{{goal_id("g1"), "Sleep 7 hours", 1, 2},
                                      {goal_id("g2"), "Return to work", std::nullopt, 1}};
    expect_round_trips(goals[0]);
    expect_round_trips(goals[1]);
    expect_round_trips(gas_t_score(goals));
    const auto t = build_trajectory(s, test::phq9_parameters(), cutoff_criterion::published);
    expect_round_trips(t);
    expect_round_trips(t.points[1]);
    expect_round_trips(sample_schedule());
    expect_round_trips(sample_schedule().measures[1]);
    episode_timeline tl;
    tl.intake = date(2026, 1, 5);
    tl.discharge = date(2026, 3, 30);
    tl.sessions = {{session_id("s1"), date(2026, 1, 5)}};
    tl.administrations = {{"phq9", date(2026, 1, 5), session_id("s1"), administration_id("a1")}};
    expect_round_trips(tl);
    expect_round_trips(tl.sessions[0]);
    expect_round_trips(tl.administrations[0]);
    const auto due = measures_due(sample_schedule(), tl, date(2026, 1, 12));
    expect_round_trips(due[0]);
    expect_round_trips(due[1]);
    expect_round_trips(acknowledged_alert());
    expect_round_trips(acknowledged_alert().evidence()[0]);
    alert_rule_parameters ar;
    ar.instrument_id = "phq9";
    ar.critical_flags = {"phq9_9"};
    expect_round_trips(ar);
    expect_round_trips(alert_context{client_id("c-1"), std::nullopt, instant(date(2026, 1, 1))});
    const chart_event ev{observation_time(date(2026, 2, 9)), "medication change"};
    expect_round_trips(ev);
    expect_round_trips(chart_options{800, 360});
    const report_instrument ri{s, test::phq9_parameters(), cutoff_criterion::published};
    expect_round_trips(ri);
    progress_report_data rd;
    rd.client = client_id("c-1");
    rd.client_name = "Zoë Ñúñez";
    rd.generated_on = date(2026, 4, 1);
    rd.instruments = {ri};
    rd.events = {ev};
    rd.alerts = {acknowledged_alert()};
    rd.goals = goals;
    expect_round_trips(rd);
}

TEST(OutcomesIo, IntegersReadFromTextKeepTheirSign) {
    // nlohmann stores "1" parsed from text as an unsigned number; a signed field (a GAS level,
    // a grace period) must still accept it, and reject what does not fit.
    EXPECT_EQ(
        io::from_json_string<gas_goal>(R"({"id":"g","description":"","level":1,"weight":1})").level,
        1);
    EXPECT_EQ(io::from_json_string<gas_goal>(R"({"id":"g","description":"","level":-2,"weight":1})")
                  .level,
              -2);
    int small = 0;
    EXPECT_THROW(io::detail::read(json::parse("3000000000"), small), parse_error);
    std::size_t n = 0;
    io::detail::read(json(5), n);  // a signed in-memory value that fits
    EXPECT_EQ(n, 5u);
    EXPECT_THROW(io::detail::read(json(-5), n), parse_error);
}

// Fields added after a type's first version (`detail::field<N>`) raise its Boost class
// version and may be absent from JSON written before them; an alert's evidence without a
// score (schema 2) round-trips through JSON and every archive.
TEST(OutcomesIo, FieldsAddedLaterReadFromOlderDataAndRoundTrip) {
    static_assert(io::detail::boost_version<score_point>() == 2);
    static_assert(io::detail::boost_version<score_series>() == 2);
    static_assert(io::detail::boost_version<unscored_point>() == 1);
    static_assert(io::detail::boost_version<alert_evidence>() == 2);
    static_assert(io::detail::boost_version<severity_band>() == 1);

    auto s = test::phq9_series({17, 12});
    json j = s;
    EXPECT_TRUE(j.contains("unscored"));
    j.erase("unscored");
    j["points"][0].erase("flags_not_evaluated");
    EXPECT_EQ(j.get<score_series>(), s);  // as a version-1 writer left it
    j["points"][0].erase("value");        // a first-version field is still required
    EXPECT_THROW((void)j.get<score_series>(), parse_error);

    s.unscored.push_back({observation_time(date(2026, 1, 8)),
                          std::nullopt,
                          administration_id("a-9"),
                          "scale_not_scored",
                          {"phq9_9"},
                          {}});
    s.points[1].flags_not_evaluated = {"phq9_9"};
    EXPECT_EQ(json(s).get<score_series>(), s);

    alert_rule_parameters rules;
    rules.instrument_id = "phq9";
    const auto alerts =
        evaluate_alerts(s, test::phq9_parameters(), rules,
                        {client_id("c-1"), std::nullopt, instant(date(2026, 3, 1))});
    ASSERT_EQ(alerts.size(), 1u);
    const alert& a = alerts[0];
    ASSERT_FALSE(a.evidence()[0].value);
    const json aj = a;
    EXPECT_EQ(aj.at("version"), 2);
    EXPECT_FALSE(aj.at("evidence")[0].contains("value"));
    EXPECT_EQ(aj.get<alert>(), a);
    for (int kind = 0; kind < 3; ++kind) {
        std::stringstream ss;
        alert back;
        if (kind == 0) {
            {
                boost::archive::text_oarchive oa(ss);
                oa << a;
            }
            boost::archive::text_iarchive ia(ss);
            ia >> back;
        } else if (kind == 1) {
            {
                boost::archive::xml_oarchive oa(ss);
                oa << make_nvp("a", a);
            }
            boost::archive::xml_iarchive ia(ss);
            ia >> make_nvp("a", back);
        } else {
            {
                boost::archive::binary_oarchive oa(ss);
                oa << a;
            }
            boost::archive::binary_iarchive ia(ss);
            ia >> back;
        }
        EXPECT_EQ(back, a) << kind;
    }
    // Evidence without a score must say which flags it is evidence of.
    auto bad = aj;
    bad["evidence"][0]["fired_flags"] = json::array();
    try {
        (void)bad.get<alert>();
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        EXPECT_TRUE(test::names_path(e, "alert.evidence[0].value")) << e.what();
    }
}

// A version too large for any integer type is "newer", not read as a small one.
TEST(OutcomesIo, AHugeSchemaVersionIsNewerNotWrapped) {
    json j = acknowledged_alert();
    j["version"] = 4294967297ULL;
    try {
        (void)j.get<alert>();
        FAIL() << "expected parse_error";
    } catch (const parse_error& e) {
        EXPECT_EQ(e.path(), "alert.version");
        EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos) << e.what();
    }
}

namespace tc_user {
/// An integrator's own described types, archived with THERACORE_BOOST_SERIALIZE: one from its
/// first version (no class version, Boost's default 0) and one with a field added later.
struct visit_note {
    int minutes = 0;
    std::string topic;
    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("minutes", s.minutes), field("topic", s.topic));
    }
};
THERACORE_BOOST_SERIALIZE(visit_note)
struct visit_note2 {
    int minutes = 0;
    std::string topic;
    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("minutes", s.minutes), field<2>("topic", s.topic));
    }
};
THERACORE_BOOST_SERIALIZE(visit_note2)
}  // namespace tc_user
BOOST_CLASS_VERSION(tc_user::visit_note2, 2)

TEST(OutcomesIo, AnIntegratorsOwnTypesKeepTheirFieldsInBoostArchives) {
    std::stringstream ss;
    {
        boost::archive::text_oarchive oa(ss);
        const tc_user::visit_note a{50, "sleep"};
        const tc_user::visit_note2 b{30, "grief"};
        oa << a << b;
    }
    tc_user::visit_note a;
    tc_user::visit_note2 b;
    boost::archive::text_iarchive ia(ss);
    ia >> a >> b;
    EXPECT_EQ(a.minutes, 50);
    EXPECT_EQ(a.topic, "sleep");
    EXPECT_EQ(b.minutes, 30);
    EXPECT_EQ(b.topic, "grief");
}

TEST(OutcomesIo, ObservationTimeIsItsIsoText) {
    EXPECT_EQ(json(observation_time(date(2026, 1, 5))), json("2026-01-05"));
    EXPECT_EQ(json(observation_time(instant(date(2026, 1, 5), hours(9)))),
              json("2026-01-05T09:00:00Z"));
    json j = test::phq9_series({17}).points[0];
    j["when"] = "2026-13-01";
    try {
        (void)j.get<score_point>();
        FAIL() << "expected parse_error";
    } catch (const parse_error& e) {
        EXPECT_EQ(e.path(), "when");
    }
    j["when"] = "2026-01-05T09:00:00";  // no zone
    EXPECT_THROW((void)j.get<score_point>(), parse_error);
}

TEST(OutcomesIo, FixturesPinTheRecordWireFormat) {
    const json alert_fixture = json::parse(test::read_fixture("alert.json"));
    EXPECT_EQ(json(acknowledged_alert()), alert_fixture) << json(acknowledged_alert()).dump(2);
    EXPECT_EQ(alert_fixture.get<alert>(), acknowledged_alert());
    const json schedule_fixture = json::parse(test::read_fixture("measurement_schedule.json"));
    EXPECT_EQ(json(sample_schedule()), schedule_fixture) << json(sample_schedule()).dump(2);
    EXPECT_EQ(schedule_fixture.get<measurement_schedule>(), sample_schedule());
}

TEST(OutcomesIo, ReadingAnAlertRechecksItsInvariants) {
    json j = acknowledged_alert();
    EXPECT_EQ(j.at("schema"), "theracore.alert");
    j.erase("acknowledged_by");
    try {
        (void)j.get<alert>();
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        EXPECT_TRUE(test::names_path(e, "alert.acknowledged_by")) << e.what();
    }
    j = acknowledged_alert();
    j["state"] = "dismissed";
    EXPECT_THROW((void)j.get<alert>(), parse_error);

    // A Boost archive cannot smuggle in a broken alert either: archive fields that break the
    // invariants in the shape of an alert, and load them as one.
    test_io::fake_alert broken{acknowledged_alert().data()};
    broken.fields.state = alert_state::resolved;  // without a resolver
    const auto& fake = broken;
    std::stringstream ss;
    {
        boost::archive::text_oarchive oa(ss);
        oa << make_nvp("value", fake);
    }
    alert back;
    boost::archive::text_iarchive ia(ss);
    EXPECT_THROW(ia >> make_nvp("value", back), validation_error);
}

TEST(OutcomesIo, ReadingASeriesOrScheduleValidatesIt) {
    json j = sample_schedule();
    j["measures"][1]["instrument_id"] = "phq9";
    try {
        (void)j.get<measurement_schedule>();
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        EXPECT_TRUE(test::names_path(e, "measurement_schedule.measures[1].instrument_id"))
            << e.what();
    }
}
