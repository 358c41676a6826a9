// SPDX-License-Identifier: Apache-2.0
// Shared test data for the care records: a couple episode's plan, sessions, notes,
// homework and diary, fully populated so round-trip tests exercise every field. The episode
// and clinician come from builders.hpp (episode e-100: c-zoe and c-lee, clinician k-ada who
// requires supervision by k-sup).
#pragma once

#include <string>
#include <vector>

#include <theracore/care.hpp>

#include "support/builders.hpp"

#include "support/values.hpp"

namespace theracore::test {

/// The problems `f` throws as validation_error (empty if it throws nothing).
template <class F>
problem_list problems_of(F&& f) {
    try {
        f();
    } catch (const validation_error& e) {
        return e.problems();
    }
    return {};
}

/// A clinician who signs alone.
inline clinician unsupervised_clinician() {
    clinician k;
    k.id = clinician_id("k-ben");
    k.name.text = "Ben Adler";
    return k;
}

inline gas_scale sleep_gas_scale() {
    gas_scale g;
    g.much_less_than_expected = "Sleeps under 4 hours most nights";
    g.less_than_expected = "Sleeps 4-5 hours most nights";
    g.expected = "Sleeps 6 hours on 5 nights a week";
    g.more_than_expected = "Sleeps 6-7 hours most nights";
    g.much_more_than_expected = "Sleeps 7+ hours every night";
    g.baseline_level = -2;
    g.weight = 2.0;
    return g;
}

inline plan_goal mood_goal() {
    plan_goal g;
    g.id = goal_id("g-mood");
    g.addresses = {"P1"};
    g.statement = "Zoë's low mood lifts enough to return to work full time";
    g.measured_by = "PHQ-9 total at each session";
    g.target = "PHQ-9 below 10";
    g.due = date(2024, 9, 1);
    g.objectives = {
        {"Schedule three valued activities a week", date(2024, 4, 30), std::nullopt},
        {"Complete a thought record after each difficult call", std::nullopt, std::nullopt}};
    g.interventions = {{builtin_intervention("behavioural_activation"),
                        std::string("activity scheduling"), std::string("weekly")},
                       {builtin_intervention("cbt"), std::nullopt, std::nullopt}};
    g.measure = measure_target{"phq9", target_comparison::below, 10.0, client_id("c-zoe")};
    return g;
}

inline plan_goal sleep_goal() {
    plan_goal g;
    g.id = goal_id("g-sleep");
    g.addresses = {"P1"};
    g.statement = "Zoë sleeps at least six hours on most nights";
    g.measured_by = "Sleep diary reviewed each session";
    g.target = "GAS level 0 or better";
    g.due = date(2024, 7, 1);
    g.gas = sleep_gas_scale();
    return g;
}

inline plan_goal conflict_goal() {
    plan_goal g;
    g.id = goal_id("g-conflict");
    g.addresses = {"P2"};
    g.statement = "The couple resolve money disagreements without shouting";
    g.measured_by = "Self-reported arguments per week";
    g.target = "At most one heated argument a week";
    g.due = date(2024, 8, 1);
    g.interventions = {{builtin_intervention("eft_couples"), std::nullopt,
                        std::string("fortnightly joint sessions")}};
    return g;
}

/// Version 1 of the plan, as drafted before anyone agreed (all goals proposed).
inline treatment_plan::fields plan_fields() {
    treatment_plan::fields f;
    f.id = plan_id("p-1");
    f.episode = episode_id("e-100");
    f.clients = {client_id("c-zoe"), client_id("c-lee")};
    plan_version v;
    v.number = 1;
    v.effective = date(2024, 3, 8);
    v.author = clinician_id("k-ada");
    v.problems = {{"P1", "Low mood since the move",
                   coded_concept{code_systems::icd10, "F32.1", "Moderate depressive episode"}},
                  {"P2", "Frequent conflict about finances", std::nullopt}};
    v.goals = {mood_goal(), sleep_goal(), conflict_goal()};
    v.review_due = date(2024, 6, 8);
    f.versions = {v};
    return f;
}

inline client_agreement zoe_agrees(date on) {
    return {"Zoë Ñúñez",
            agreeing_party::client,
            client_id("c-zoe"),
            on,
            agreement_method::electronic_signature,
            std::string("Signed on the portal")};
}

/// Version 1 agreed by both partners, with the mood and sleep goals active.
inline treatment_plan agreed_plan() {
    auto p = treatment_plan::create(plan_fields());
    p.record_agreement(zoe_agrees(date(2024, 3, 8)));
    p.record_agreement({"Lee", agreeing_party::partner, client_id("c-lee"), date(2024, 3, 8),
                        agreement_method::verbal, std::nullopt});
    p.transition_goal(goal_id("g-mood"), goal_status::active, date(2024, 3, 8));
    p.transition_goal(goal_id("g-sleep"), goal_status::active, date(2024, 3, 8));
    p.transition_goal(goal_id("g-conflict"), goal_status::active, date(2024, 3, 8));
    p.record_gas_rating(goal_id("g-sleep"),
                        {date(2024, 4, 5), -1, clinician_id("k-ada"), std::string("Better")});
    p.mark_objective_met(goal_id("g-mood"), 0, date(2024, 4, 12));
    return p;
}

/// The agreed plan revised on 2024-06-07: the conflict goal reworded (revised and replaced),
/// the sleep goal achieved, the review date moved; version 2 agreed again by Zoë.
inline treatment_plan revised_plan() {
    auto p = agreed_plan();
    auto r = p.draft_revision(date(2024, 6, 7), clinician_id("k-ada"), "Three-month review");
    plan_goal reworded = conflict_goal();
    reworded.id = goal_id("g-conflict-2");
    reworded.statement = "The couple agree a monthly budget together";
    reworded.target = "A budget both sign each month";
    reworded.revises = goal_id("g-conflict");
    r.goals.push_back(reworded);
    for (auto& g : r.goals) {
        if (g.id == goal_id("g-sleep")) {
            g.status = goal_status::achieved;
        }
    }
    r.review_due = date(2024, 9, 7);
    p.revise(r);
    p.record_agreement(zoe_agrees(date(2024, 6, 7)));
    return p;
}

inline session::fields individual_session_fields() {
    session::fields f;
    f.id = session_id("s-1");
    f.episode = episode_id("e-100");
    f.clinician = clinician_id("k-ada");
    f.start = at(2024, 3, 15, 15);
    f.duration_minutes = 50;
    f.setting = session_setting::in_person;
    f.type = session_type::individual;
    f.attendees = {{client_id("c-zoe"), std::nullopt, std::nullopt, attendance_role::client}};
    f.interventions = {builtin_intervention("behavioural_activation")};
    f.measures = {administration_id("a-phq9-1")};
    f.homework_assigned = {assignment_id("h-1")};
    f.risk_reviewed = true;
    f.risk_assessment = risk_assessment_id("r-1");
    return f;
}

inline session::fields couple_session_fields() {
    session::fields f;
    f.id = session_id("s-2");
    f.episode = episode_id("e-100");
    f.clinician = clinician_id("k-ada");
    f.start = at(2024, 3, 22, 17, 30);
    f.duration_minutes = 80;
    f.setting = session_setting::telehealth_video;
    f.type = session_type::couple;
    f.attendees = {
        {client_id("c-zoe"), std::nullopt, std::nullopt, attendance_role::client},
        {client_id("c-lee"), std::nullopt, std::nullopt, attendance_role::partner},
        {std::nullopt, std::nullopt, std::string("Marta Ruiz"), attendance_role::interpreter}};
    f.interventions = {builtin_intervention("eft_couples")};
    f.measures = {administration_id("a-csi-zoe"), administration_id("a-csi-lee")};
    f.homework_reviewed = {assignment_id("h-1")};
    f.risk_reviewed = false;
    return f;
}

inline progress_note::fields draft_note_fields() {
    progress_note::fields f;
    f.id = note_id("n-1");
    f.session = session_id("s-1");
    f.episode = episode_id("e-100");
    f.author = clinician_id("k-ada");
    f.created = at(2024, 3, 15, 16);
    f.body = soap_note{"Reports sleeping 5 hours; \"work feels impossible\".",
                       "Tearful at times, good eye contact. PHQ-9 = 16.",
                       "Moderate depressive symptoms; engaged with activity scheduling.",
                       "Schedule 3 valued activities; review next week."};
    return f;
}

/// Signed by k-ada (who requires supervision), co-signed by k-sup, with one addendum.
inline progress_note signed_note_with_addendum() {
    auto n = progress_note::create(draft_note_fields());
    n.sign({clinician_id("k-ada"), at(2024, 3, 15, 18)}, full_clinician());
    n.cosign({clinician_id("k-sup"), at(2024, 3, 16, 9)});
    n.add_addendum({clinician_id("k-ada"), at(2024, 3, 18, 10), "Late information",
                    "Client called: PHQ-9 item 9 answer was 0, not 1 as first recorded."});
    return n;
}

inline progress_note::fields couple_note_fields() {
    progress_note::fields f;
    f.id = note_id("n-2");
    f.session = session_id("s-2");
    f.episode = episode_id("e-100");
    f.author = clinician_id("k-ada");
    f.created = at(2024, 3, 22, 19);
    f.body = birp_note{"Escalating cycle about spending; both withdrew.",
                       "EFT: tracked the cycle and reframed it as the shared enemy.",
                       "Both named the fear under the anger; calmer by the end.",
                       "Budget conversation at home using the speaker-listener rules."};
    return f;
}

inline psychotherapy_note process_note() {
    return {note_id("pn-1"),
            session_id("s-1"),
            episode_id("e-100"),
            client_id("c-zoe"),
            clinician_id("k-ada"),
            at(2024, 3, 15, 16, 5),
            "My own sense of helplessness mirrored hers; take to supervision."};
}

inline homework_assignment::fields assignment_fields() {
    homework_assignment::fields f;
    f.id = assignment_id("h-1");
    f.client = client_id("c-zoe");
    f.episode = episode_id("e-100");
    f.assigned_in = session_id("s-1");
    f.assigned_by = clinician_id("k-ada");
    f.skill = skill_kind::thought_record;
    f.title = "Thought record after difficult calls";
    f.instructions = "Within an hour of a difficult call, fill in the five columns.";
    f.assigned_on = date(2024, 3, 15);
    f.due = date(2024, 3, 22);
    f.log = {{date(2024, 3, 16), completion::done, 7, std::string("Helped")},
             {date(2024, 3, 18), completion::partly, 5, std::nullopt},
             {date(2024, 3, 20), completion::not_done, std::nullopt, std::string("Too tired")}};
    return f;
}

inline behaviour_diary::fields diary_fields() {
    behaviour_diary::fields f;
    f.client = client_id("c-zoe");
    f.episode = episode_id("e-100");
    f.targets = {
        {behaviour_id("b-drink"), "Drinking to cope", std::string("Any alcohol when upset"),
         behaviour_direction::decrease, logging_mode::daily},
        {behaviour_id("b-walk"), "Walk outside", std::nullopt, behaviour_direction::increase,
         logging_mode::per_event}};
    f.entries = {
        {behaviour_id("b-drink"),
         date(2024, 3, 18),
         std::nullopt,
         4,
         true,
         2,
         {"TIPP"},
         std::string("After a call with mum")},
        {behaviour_id("b-walk"),
         date(2024, 3, 18),
         at(2024, 3, 18, 7),
         std::nullopt,
         true,
         std::nullopt,
         {},
         std::nullopt},
        {behaviour_id("b-drink"),
         date(2024, 3, 19),
         std::nullopt,
         2,
         false,
         std::nullopt,
         {"opposite action", "TIPP"},
         std::nullopt},
    };
    return f;
}

inline std::vector<measure_observation> couple_observations() {
    return {{"csi16", client_id("c-zoe"), at(2024, 3, 22, 17), 38, administration_id("a-1")},
            {"csi16", client_id("c-lee"), at(2024, 3, 22, 17, 5), 51, administration_id("a-2")},
            {"csi16", client_id("c-zoe"), at(2024, 4, 19, 17), 47, std::nullopt},
            {"csi16", client_id("c-lee"), at(2024, 4, 21, 9), 53, std::nullopt},
            {"phq9", client_id("c-zoe"), at(2024, 3, 22, 17, 10), 14, std::nullopt}};
}

}  // namespace theracore::test
