// SPDX-License-Identifier: Apache-2.0
// Shared test data: fully populated values, with Unicode names and a leap-day birth date, so
// round-trip tests exercise every field.
#pragma once

#include <theracore/people.hpp>

namespace theracore::test {

inline client full_client() {
    client c;
    c.id = client_id("c-zoe");
    c.legal_name = {"Zoë Ñúñez", std::string("Ñúñez"), {"Zoë", "María"}};
    c.preferred_name = "Zoë";
    c.pronouns = "she/her";
    c.date_of_birth = date(1992, 2, 29);
    c.sex_at_birth = coded_concept{code_systems::administrative_gender, "female", "Female"};
    c.gender_identity =
        coded_concept{code_systems::snomed_ct, "446141000124107", "Identifies as female gender"};
    c.telecom = {{contact_system::phone, "+1 555 0100", contact_use::mobile},
                 {contact_system::email, "zoe@example.org", contact_use::home}};
    c.home_address = address{{"12 Calle Mayor", "Apt 3"}, "Valparaíso", "V", "2340000", "CL"};
    c.emergency_contacts = {{"Tomás Ñúñez",
                             "brother",
                             {{contact_system::phone, "+56 9 5555 0000", contact_use::mobile}}}};
    c.preferred_language = language("es-CL", "Spanish (Chile)");
    c.interpreter_needed = false;
    c.culture.cultural_identity = "Chilean, bilingual; family is central";
    c.culture.explanation_of_problem = "\"nervios\" after moving abroad";
    c.culture.stressors_and_supports = "Supported by church community";
    c.culture.help_seeking = "First sought help from a priest";
    c.culture.clinician_relationship = "Prefers a Spanish-speaking clinician";
    c.religion_spirituality = "Catholic";
    c.notes = "Prefers morning appointments.";
    return c;
}

inline client minimal_client() {
    client c;
    c.id = client_id("c-lee");
    c.legal_name.text = "李小龍";
    return c;
}

inline licence sample_licence() {
    return licence::create(
        {"Psychologist", "US-NY", "PSY-12345", date(2020, 1, 15), date(2028, 1, 14)});
}

inline clinician full_clinician() {
    clinician k;
    k.id = clinician_id("k-ada");
    k.name = {"Ada Okafor", std::string("Okafor"), {"Ada"}};
    k.credentials = {"PsyD"};
    k.licences = {sample_licence(), licence::create({"LMFT", "US-NJ", "37FI00123",
                                                     date(2024, 2, 29), date(2026, 2, 28)})};
    k.scope_tags = {"couples", "trauma-focused"};
    k.requires_supervision = true;
    k.supervisor = clinician_id("k-sup");
    return k;
}

inline care_episode::fields couple_episode_fields() {
    care_episode::fields f;
    f.id = episode_id("e-100");
    f.kind = episode_kind::couple;
    f.participants = {{client_id("c-zoe"), participant_role::identified_client},
                      {client_id("c-lee"), participant_role::partner}};
    f.primary_clinician = clinician_id("k-ada");
    f.opened = date(2024, 2, 29);
    f.presenting_problems = {
        {"Conflict about finances", std::nullopt},
        {"Low mood", coded_concept{code_systems::icd10, "F32.1", "Moderate depressive episode"}}};
    f.referral_source = "GP";
    return f;
}

inline care_episode closed_episode() {
    auto e = care_episode::create(couple_episode_fields());
    e.transition(episode_status::assessment, date(2024, 3, 1));
    e.transition(episode_status::active, date(2024, 3, 8));
    e.transition(episode_status::on_hold, date(2024, 6, 1));
    e.transition(episode_status::active, date(2024, 7, 1));
    e.transition(episode_status::closed, date(2024, 12, 20), "Goals met");
    return e;
}

inline intake full_intake() {
    intake i;
    i.id = intake_id("i-1");
    i.client = client_id("c-zoe");
    i.episode = episode_id("e-100");
    i.clinician = clinician_id("k-ada");
    i.recorded_on = date(2024, 3, 1);
    i.presenting_concerns = "Arguments at home; low mood since the move";
    i.mental_health_history = "One depressive episode in 2015";
    i.prior_treatment = "Eight sessions of CBT in 2015";
    i.current_medications = {"sertraline 50 mg daily (as reported)"};
    i.substance_use = "Alcohol 2–3 units a week";
    i.trauma_history = false;
    i.current_symptoms = {"poor sleep", "irritability"};
    i.goals_in_own_words = {"Stop fighting about money", "Feel like myself again"};
    return i;
}

}  // namespace theracore::test
