// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <theracore/io/json.hpp>

#include "support/care_builders.hpp"
#include "support/fixtures.hpp"

using namespace theracore;
using nlohmann::json;

namespace {

template <class T>
void expect_round_trip(const T& value) {
    const json j = value;
    EXPECT_EQ(j.get<T>(), value) << j.dump(2);
    EXPECT_EQ(io::from_json_string<T>(io::to_json_string(value)), value);
}

/// The fixture's JSON must equal what we write today and read back to the same value: a change
/// of the wire format breaks this test on purpose.
template <class T>
void expect_matches_fixture(const std::string& file, const T& value) {
    const json fixture = json::parse(test::read_fixture(file));
    EXPECT_EQ(json(value), fixture) << "wire format of " << file << " changed:\n"
                                    << json(value).dump(2);
    EXPECT_EQ(fixture.get<T>(), value);
}

template <class T>
problem_list validation_problems(const json& j) {
    try {
        (void)j.get<T>();
    } catch (const validation_error& e) {
        return e.problems();
    }
    ADD_FAILURE() << "expected validation_error";
    return {};
}

template <class T>
std::string parse_error_text(const json& j) {
    try {
        (void)j.get<T>();
    } catch (const parse_error& e) {
        return e.what();
    }
    ADD_FAILURE() << "expected parse_error";
    return {};
}

care_record_export zoe_export_with_process_notes() {
    export_request req;
    req.for_client = client_id("c-zoe");
    req.psychotherapy_notes = psychotherapy_note_policy::include;
    return export_records(care_episode::create(test::couple_episode_fields()),
                          {session::create(test::individual_session_fields()),
                           session::create(test::couple_session_fields())},
                          {test::signed_note_with_addendum()}, {test::process_note()}, req);
}

}  // namespace

TEST(CareRecordsJson, EveryTypeRoundTrips) {
    const auto plan = test::revised_plan();
    expect_round_trip(plan);
    expect_round_trip(treatment_plan::create(test::plan_fields()));
    for (const auto& v : plan.versions()) {
        expect_round_trip(v);
        for (const auto& g : v.goals) {
            expect_round_trip(g);
        }
    }
    const auto& mood = plan.goal(goal_id("g-mood"));
    expect_round_trip(*mood.measure);
    expect_round_trip(mood.objectives[0]);
    expect_round_trip(mood.interventions[0]);
    expect_round_trip(mood.history[0]);
    expect_round_trip(*plan.goal(goal_id("g-sleep")).gas);
    expect_round_trip(plan.goal(goal_id("g-sleep")).gas->ratings[0]);
    expect_round_trip(plan.current().problems[0]);
    expect_round_trip(plan.current().agreements[0]);
    expect_round_trip(evaluate_measure_goal(mood, test::couple_observations(), date(2024, 4, 1)));
    expect_round_trip(measure_evaluation{});
    expect_round_trip(intervention_catalog::builtin());
    expect_round_trip(intervention_catalog::builtin().modalities()[3]);
    expect_round_trip(session::create(test::individual_session_fields()));
    expect_round_trip(session::create(test::couple_session_fields()));
    expect_round_trip(test::couple_session_fields().attendees[2]);
    expect_round_trip(progress_note::create(test::draft_note_fields()));
    expect_round_trip(progress_note::create(test::couple_note_fields()));
    auto dap = test::draft_note_fields();
    dap.body = dap_note{"Data", "Assessment", "Plan"};
    expect_round_trip(progress_note::create(dap));
    const auto signed_note = test::signed_note_with_addendum();
    expect_round_trip(signed_note);
    expect_round_trip(*signed_note.signature());
    expect_round_trip(signed_note.addenda()[0]);
    expect_round_trip(soap_note{"s", "o", "a", "p"});
    expect_round_trip(dap_note{"d", "a", "p"});
    expect_round_trip(birp_note{"b", "i", "r", "p"});
    expect_round_trip(test::process_note());
    const auto h = homework_assignment::create(test::assignment_fields());
    expect_round_trip(h);
    expect_round_trip(h.log()[0]);
    expect_round_trip(h.adherence(date(2024, 3, 15), date(2024, 3, 22)));
    expect_round_trip(h.adherence(date(2025, 1, 1), date(2025, 1, 2)));  // no rate
    const auto d = behaviour_diary::create(test::diary_fields());
    expect_round_trip(d);
    expect_round_trip(d.targets()[0]);
    expect_round_trip(d.entries()[1]);
    expect_round_trip(
        d.weekly_summaries(behaviour_id("b-drink"), date(2024, 3, 18), date(2024, 3, 24))[0]);
    expect_round_trip(d.trend(behaviour_id("b-drink"), date(2024, 3, 18), date(2024, 3, 31),
                              trend_metric::mean_urge));
    for (const auto& o : test::couple_observations()) {
        expect_round_trip(o);
    }
    expect_round_trip(
        dyadic("csi16", client_id("c-zoe"), client_id("c-lee"), test::couple_observations(), 3));
    expect_round_trip(side_by_side("csi16", {client_id("c-zoe"), client_id("c-lee")},
                                   test::couple_observations()));
    expect_round_trip(export_request{client_id("c-zoe"), psychotherapy_note_policy::include, true});
    expect_round_trip(zoe_export_with_process_notes());
}

TEST(CareRecordsJson, FixturesPinTheWireFormat) {
    expect_matches_fixture("treatment_plan.json", test::revised_plan());
    expect_matches_fixture("intervention_catalog.json", intervention_catalog::builtin());
    expect_matches_fixture("session.json", session::create(test::couple_session_fields()));
    expect_matches_fixture("progress_note.json", test::signed_note_with_addendum());
    expect_matches_fixture("psychotherapy_note.json", test::process_note());
    expect_matches_fixture("homework_assignment.json",
                           homework_assignment::create(test::assignment_fields()));
    expect_matches_fixture("behaviour_diary.json", behaviour_diary::create(test::diary_fields()));
    expect_matches_fixture("care_record_export.json", zoe_export_with_process_notes());
}

TEST(CareRecordsJson, RecordsCarryTheirSchema) {
    EXPECT_EQ(json(test::revised_plan()).at("schema"), "theracore.treatment_plan");
    EXPECT_EQ(json(test::signed_note_with_addendum()).at("schema"), "theracore.progress_note");
    EXPECT_EQ(json(test::process_note()).at("schema"), "theracore.psychotherapy_note");
    const json note = test::signed_note_with_addendum();
    EXPECT_EQ(note.at("body").begin().key(), "soap");  // the variant names its format
    EXPECT_FALSE(note.contains("status"));             // derived, never stored
    json j = test::process_note();
    j["version"] = 2;
    EXPECT_EQ(parse_error_text<psychotherapy_note>(j),
              "psychotherapy_note.version: written by a newer TheraCore (version 2; this library "
              "reads up to 1)");
}

TEST(CareRecordsJson, MalformedInputNamesThePath) {
    json j = test::signed_note_with_addendum();
    j["body"] = {{"narrative", {{"text", "x"}}}};
    EXPECT_EQ(parse_error_text<progress_note>(j),
              "progress_note.body.narrative: unknown kind; expected one of: soap, dap, birp");
    j = session::create(test::couple_session_fields());
    j["setting"] = "home_visit";
    EXPECT_EQ(parse_error_text<session>(j),
              "session.setting: expected one of session_setting (in_person, telehealth_video, "
              "telehealth_phone), got \"home_visit\"");
    j = test::revised_plan();
    j["versions"][0]["goals"][0]["due"] = "2024-02-30";
    EXPECT_EQ(parse_error_text<treatment_plan>(j),
              "treatment_plan.versions[0].goals[0].due: expected YYYY-MM-DD, got \"2024-02-30\"");
    j = behaviour_diary::create(test::diary_fields());
    j["entries"][0]["urge"] = 2.5;
    EXPECT_EQ(parse_error_text<behaviour_diary>(j),
              "behaviour_diary.entries[0].urge: expected an integer, got 2.5");
}

TEST(CareRecordsJson, WellFormedButInvalidRecordsAreRejected) {
    json j = test::signed_note_with_addendum();
    j["body"]["soap"]["plan"] = "";
    EXPECT_EQ(validation_problems<progress_note>(j),
              (problem_list{{"progress_note.body.soap.plan", "required before signing"}}));
    j = test::revised_plan();
    j["versions"][0]["goals"][0]["status"] = "achieved";
    EXPECT_TRUE(test::has_path(validation_problems<treatment_plan>(j),
                               "treatment_plan.versions[0].goals[0].status"));
    j = test::revised_plan();
    j["versions"][1]["goals"].erase(0);  // a goal silently deleted in version 2
    EXPECT_TRUE(
        test::has_path(validation_problems<treatment_plan>(j), "treatment_plan.versions[1].goals"));
    j = zoe_export_with_process_notes();
    j["includes_psychotherapy_notes"] = false;
    EXPECT_EQ(validation_problems<care_record_export>(j),
              (problem_list{{"care_record_export.psychotherapy_notes",
                             "psychotherapy notes are exported only when explicitly requested"}}));
    j = homework_assignment::create(test::assignment_fields());
    j["log"][0]["rating"] = 11;
    EXPECT_EQ(
        validation_problems<homework_assignment>(j),
        (problem_list{{"homework_assignment.log[0].rating", "must be between 0 and 10 (got 11)"}}));
    j = intervention_catalog::builtin();
    j["modalities"][1]["code"]["code"] = "cbt";
    EXPECT_EQ(validation_problems<intervention_catalog>(j),
              (problem_list{{"intervention_catalog.modalities[1].code",
                             "code cbt is already modalities[0]"}}));
    j = session::create(test::couple_session_fields());
    j["duration_minutes"] = 0;
    EXPECT_EQ(validation_problems<session>(j),
              (problem_list{{"session.duration_minutes", "must be between 1 and 1440 (got 0)"}}));
}

TEST(CareRecordsJson, UserCatalogsAreData) {
    const auto text = R"({
      "schema": "theracore.intervention_catalog", "version": 1,
      "modalities": [{
        "code": {"system": "urn:example:clinic", "code": "cft", "display": "Compassion-focused therapy"},
        "description": "Cultivates self-compassion to counter shame and self-criticism.",
        "evidence": ["Gilbert P. Compassion Focused Therapy. London: Routledge; 2010."]
      }]})";
    const auto c = io::from_json_string<intervention_catalog>(text);
    EXPECT_EQ(c.at("cft", "urn:example:clinic").code.display, "Compassion-focused therapy");
}
