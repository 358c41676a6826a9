// SPDX-License-Identifier: Apache-2.0
// The walkthrough of docs/clinical-records.md, compiled and run by the tests: a couple's
// treatment plan, an individual and a joint session, a SOAP note signed by a supervised
// clinician with a caller-supplied signing rule, co-signed, corrected by an addendum, then
// progress from scores and a GAS rating, a plan revision and an export. The snippets in the
// document are the regions marked [name] … [name end] below (checked by a test).
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include <theracore/io/json.hpp>
#include <theracore/theracore.hpp>

namespace {
int failures = 0;
void require(bool ok, const std::string& what) {
    if (!ok) {
        std::cerr << "UNEXPECTED: " << what << "\n";
        ++failures;
    }
}
theracore::instant at(const char* iso) {
    return *theracore::parse_instant(iso);
}
}  // namespace

int main() {
    using namespace theracore;

    // The couple episode and the clinician (see docs/architecture.md for these types).
    care_episode::fields ef;
    ef.id = episode_id("e-7");
    ef.kind = episode_kind::couple;
    ef.participants = {{client_id("c-zoe"), participant_role::identified_client},
                       {client_id("c-sam"), participant_role::partner}};
    ef.primary_clinician = clinician_id("k-ada");
    ef.opened = date(2026, 10, 1);
    const auto episode = care_episode::create(ef);

    clinician ada;  // a trainee: her notes need her supervisor's co-signature
    ada.id = clinician_id("k-ada");
    ada.name.text = "Ada Okafor";
    ada.requires_supervision = true;
    ada.supervisor = clinician_id("k-sup");

    // [plan]
    plan_goal mood;
    mood.id = goal_id("g-mood");
    mood.addresses = {"P1"};
    mood.statement = "Zoë's mood lifts enough to return to work full time";
    mood.measured_by = "PHQ-9 at every session";
    mood.target = "PHQ-9 below 10";
    mood.due = date(2027, 3, 1);
    mood.measure = measure_target{"phq9", target_comparison::below, 10, client_id("c-zoe")};
    mood.interventions = {{builtin_intervention("behavioural_activation"),
                           std::string("activity scheduling"), std::string("weekly")}};

    plan_goal talk;
    talk.id = goal_id("g-talk");
    talk.addresses = {"P2"};
    talk.statement = "Zoë and Sam talk about money without shouting";
    talk.measured_by = "Goal Attainment Scale, rated monthly";
    talk.target = "GAS level 0";
    talk.due = date(2027, 1, 15);
    talk.objectives = {{"Hold a weekly 20-minute budget talk", date(2026, 12, 1), {}}};
    talk.interventions = {{builtin_intervention("eft_couples"), {}, std::string("fortnightly")}};
    gas_scale gas;
    gas.much_less_than_expected = "Shouting in most money talks";
    gas.less_than_expected = "Shouting in about half of them";
    gas.expected = "One heated talk a month at most";
    gas.more_than_expected = "Calm talks, one plan agreed";
    gas.much_more_than_expected = "Calm talks and a monthly budget both sign";
    gas.baseline_level = -2;
    talk.gas = gas;

    plan_version first;
    first.effective = date(2026, 10, 8);
    first.author = ada.id;
    first.problems = {
        {"P1", "Low mood since the move",
         coded_concept{code_systems::icd10, "F32.1", "Moderate depressive episode"}},
        {"P2", "Conflict about money", std::nullopt}};  // no code: none is ever inferred
    first.goals = {mood, talk};
    first.review_due = date(2027, 1, 8);

    auto plan = treatment_plan::create(
        {plan_id("p-7"), episode.id(), {client_id("c-zoe"), client_id("c-sam")}, {first}});
    plan.record_agreement({"Zoë Ñúñez",
                           agreeing_party::client,
                           client_id("c-zoe"),
                           date(2026, 10, 8),
                           agreement_method::electronic_signature,
                           {}});
    plan.record_agreement({"Sam Lee",
                           agreeing_party::partner,
                           client_id("c-sam"),
                           date(2026, 10, 8),
                           agreement_method::verbal,
                           {}});
    plan.transition_goal(mood.id, goal_status::active, date(2026, 10, 8));
    plan.transition_goal(talk.id, goal_status::active, date(2026, 10, 8));
    // [plan end]
    require(plan.agreed() && plan.goal(mood.id).status == goal_status::active, "plan agreed");

    // [sessions]
    session::fields sf;
    sf.id = session_id("s-1");
    sf.episode = episode.id();
    sf.clinician = ada.id;
    sf.start = at("2026-10-15T15:00:00Z");
    sf.duration_minutes = 50;
    sf.setting = session_setting::in_person;
    sf.type = session_type::individual;
    sf.attendees = {{client_id("c-zoe"), {}, {}, attendance_role::client}};
    sf.interventions = {builtin_intervention("behavioural_activation")};
    sf.measures = {administration_id("adm-phq9-1")};
    sf.homework_assigned = {assignment_id("h-1")};
    sf.risk_reviewed = true;
    sf.risk_assessment = risk_assessment_id("ra-1");
    const auto individual = session::create(sf);

    sf.id = session_id("s-2");
    sf.start = at("2026-10-22T17:00:00Z");
    sf.duration_minutes = 80;
    sf.setting = session_setting::telehealth_video;
    sf.type = session_type::couple;
    sf.attendees = {{client_id("c-zoe"), {}, {}, attendance_role::client},
                    {client_id("c-sam"), {}, {}, attendance_role::partner}};
    sf.interventions = {builtin_intervention("eft_couples")};
    sf.measures = {};
    sf.homework_assigned = {};
    sf.homework_reviewed = {assignment_id("h-1")};
    sf.risk_reviewed = false;
    sf.risk_assessment.reset();
    const auto joint = session::create(sf);

    // Zoë's individual session is private to her; the joint one is shared by both.
    const bool sam_sees_individual = visible_to(individual, episode, client_id("c-sam"));
    const bool sam_sees_joint = visible_to(joint, episode, client_id("c-sam"));
    // [sessions end]
    require(!sam_sees_individual && sam_sees_joint, "visibility rule");

    // [note]
    progress_note::fields nf;
    nf.id = note_id("n-1");
    nf.session = individual.id();
    nf.episode = episode.id();
    nf.author = ada.id;
    nf.created = at("2026-10-15T16:00:00Z");
    nf.body =
        soap_note{"Sleeping 5 hours; \"work feels impossible\".", "Tearful at times. PHQ-9 = 16.",
                  "Moderate depressive symptoms; engaged with activity scheduling.",
                  "Three valued activities this week; review next session."};
    auto note = progress_note::create(nf);

    // A rule owned by another part of the application (here: a stand-in for "an open high
    // risk flag needs a risk review in the session"), passed to sign() as a precondition.
    const signing_precondition risk_reviewed = [&](const progress_note&, const note_signature&) {
        return individual.risk_reviewed()
                   ? problem_list{}
                   : problem_list{{"session.risk_reviewed", "review risk before signing"}};
    };
    note.sign({ada.id, at("2026-10-15T17:30:00Z")}, ada, {risk_reviewed});
    const auto after_signing = note.status();  // awaiting_cosignature: Ada is supervised
    note.cosign({clinician_id("k-sup"), at("2026-10-16T09:00:00Z")});
    // [note end]
    require(after_signing == note_status::awaiting_cosignature, "awaiting co-signature");
    require(note.status() == note_status::signed_off, "signed off");

    // [addendum]
    bool edit_refused = false;
    try {
        note.set_body(soap_note{"changed", "changed", "changed", "changed"});
    } catch (const conflict&) {
        edit_refused = true;  // "progress_note n-1 is signed_off; a signed note is changed only
                              //  by an addendum"
    }
    note.add_addendum({ada.id, at("2026-10-17T10:00:00Z"), "Late information",
                       "Zoë called: she slept 6 hours twice this week, not once."});
    const bool late = is_late_documentation(note, individual, 24);  // signed 1 h 40 min after
    // [addendum end]
    require(edit_refused, "editing a signed note throws conflict");
    require(note.addenda().size() == 1 && !late, "addendum recorded, documented on time");

    // [progress]
    const std::vector<measure_observation> scores{
        {"phq9", client_id("c-zoe"), at("2026-10-15T15:05:00Z"), 16, administration_id("adm-1")},
        {"phq9", client_id("c-zoe"), at("2026-12-10T15:05:00Z"), 11, administration_id("adm-2")},
        {"phq9", client_id("c-sam"), at("2026-12-10T17:05:00Z"), 4, administration_id("adm-3")}};
    const auto mood_now = evaluate_measure_goal(plan.goal(mood.id), scores, date(2026, 12, 11));
    // mood_now.status == measure_status::not_met, evidence: the 11 of 10 December

    plan.record_gas_rating(talk.id, {date(2026, 12, 10), -1, ada.id, std::string("Fewer rows")});
    plan.mark_objective_met(talk.id, 0, date(2026, 11, 26));
    const auto review = plan.review_status(date(2026, 12, 28));  // due: within 14 days
    // [progress end]
    require(mood_now.status == measure_status::not_met && mood_now.evidence->total == 11,
            "measure goal status");
    require(review == plan_review_status::due, "review due");

    // [revise]
    auto revision = plan.draft_revision(date(2027, 1, 8), ada.id, "Three-month review");
    plan_goal budget = talk;
    budget.id = goal_id("g-budget");
    budget.statement = "Zoë and Sam agree a monthly budget together";
    budget.target = "A budget both sign each month";
    budget.due = date(2027, 4, 1);
    budget.revises = talk.id;          // g-talk becomes `revised`; its GAS ratings stay with it
    revision.goals.push_back(budget);  // new goals start `proposed` until agreed
    revision.review_due = date(2027, 4, 8);
    plan.revise(revision);
    // plan.version(1) is exactly what Zoë and Sam agreed to in October.
    // [revise end]
    require(plan.versions().size() == 2 && plan.version(1).goals[1].status == goal_status::active,
            "version 1 kept");
    require(plan.goal(talk.id).status == goal_status::revised, "goal revised");

    // [export]
    const psychotherapy_note process{note_id("pn-1"),
                                     individual.id(),
                                     episode.id(),
                                     client_id("c-zoe"),
                                     ada.id,
                                     at("2026-10-15T16:10:00Z"),
                                     "My own helplessness mirrored hers; take to supervision."};
    export_request for_sam;
    for_sam.for_client = client_id("c-sam");  // psychotherapy notes: excluded by default
    const auto sams_copy = export_records(episode, {individual, joint}, {note}, {process}, for_sam);
    std::cout << summarize(sams_copy);
    // [export end]
    require(sams_copy.sessions.size() == 1 && sams_copy.progress_notes.empty() &&
                sams_copy.psychotherapy_notes.empty(),
            "Sam's export holds only the joint session");

    // Everything round-trips through JSON.
    const auto plan_back = nlohmann::json(plan).get<treatment_plan>();
    const auto note_back = io::from_json_string<progress_note>(io::to_json_string(note));
    require(plan_back == plan && note_back == note, "JSON round trip");

    std::cout << "\nplan versions: " << plan.versions().size() << ", note " << note.id() << ": "
              << to_string(note.status()) << " with " << note.addenda().size()
              << " addendum, PHQ-9 goal: " << to_string(mood_now.status) << "\n";
    return failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
