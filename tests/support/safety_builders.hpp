// SPDX-License-Identifier: Apache-2.0
// Shared test data for the risk, safety, referral, consent, culture and CE records: fully
// populated values (with non-ASCII text) so that round-trip tests exercise every field.
#pragma once

#include <theracore/safety.hpp>

#include "support/values.hpp"

namespace theracore::test {

inline cssrs_screener_answers cssrs_no() {
    return {};
}

inline risk_assessment full_risk_assessment() {
    risk_assessment a;
    a.id = risk_assessment_id("ra-1");
    a.client = client_id("c-zoe");
    a.episode = episode_id("e-100");
    a.session = session_id("s-7");
    a.assessor = clinician_id("k-ada");
    a.assessed_on = date(2025, 3, 3);
    cssrs_screener_answers answers;
    answers.q1 = true;
    answers.q2 = true;
    answers.q3 = true;
    answers.q4 = false;
    answers.q5 = false;
    answers.q6 = true;
    answers.q6_past_3_months = false;
    // Q3 Yes and Q6 more than 3 months ago: moderate (instruments reference §2.18). Typed, so
    // that these builders need no instrument catalog; tests/adapters/test_cssrs_screener.cpp
    // checks that the built-in screener definition gives the same.
    a.cssrs_screener = cssrs_screener_result{answers, cssrs_triage::moderate};
    a.risk_factors = {{coded_concept{"urn:example:risk-factor", "recent-loss", "Recent loss"},
                       "Father died in January"},
                      {std::nullopt, "Lives alone since the move"}};
    a.protective_factors = {
        {std::nullopt, "Close to her sister, calls daily"},
        {coded_concept{"urn:example:protective-factor", "future-plans", "Future plans"},
         "Wants to visit Valparaíso in summer"}};
    a.formulated_level = risk_level::moderate;
    a.formulation = "Passive and active ideation with a method, no intent; attempt in 2019.";
    a.actions = {{risk_action_kind::safety_plan_created, "Stanley–Brown plan written together",
                  safety_plan_id("sp-1"), std::nullopt},
                 {risk_action_kind::increased_contact, "Weekly sessions for a month", std::nullopt,
                  std::nullopt}};
    a.next_review = date(2025, 3, 10);
    return a;
}

inline safety_plan full_safety_plan() {
    safety_plan s;
    s.id = safety_plan_id("sp-1");
    s.plan_version = 1;
    s.client = client_id("c-zoe");
    s.episode = episode_id("e-100");
    s.clinician = clinician_id("k-ada");
    s.created_on = date(2025, 3, 3);
    s.review_on = date(2025, 6, 3);
    s.client_copy_given_on = date(2025, 3, 3);
    s.warning_signs = {"Not sleeping", "Thinking \"nadie me necesita\""};
    s.internal_coping_strategies = {"Walk by the sea", "Play guitar"};
    s.distraction_contacts = {{"Marta",
                               std::string("neighbour"),
                               {{contact_system::phone, "+56 9 5555 0101", contact_use::mobile}}}};
    s.distraction_settings = {"Café on Calle Mayor"};
    s.help_contacts = {{"Tomás Ñúñez",
                        std::string("brother"),
                        {{contact_system::phone, "+56 9 5555 0000", contact_use::mobile}}}};
    s.professionals_and_agencies = {{support_service_kind::professional,
                                     "Ada Okafor",
                                     std::string("Example Clinic"),
                                     {{contact_system::phone, "+1 555 0199", contact_use::work}},
                                     std::string("weekdays 9–17")},
                                    {support_service_kind::crisis_line,
                                     "988 Suicide & Crisis Lifeline",
                                     std::nullopt,
                                     {{contact_system::phone, "988", contact_use::other}},
                                     std::string("24/7")}};
    s.environment_safety = {
        {"Stockpiled medication", "Sister keeps it; weekly dispensing", std::string("Tomás")}};
    s.reasons_for_living = {"My nieces", "Seeing Chile again"};
    return s;
}

inline risk_flag open_phq9_flag() {
    critical_item_fired e;
    e.client = client_id("c-zoe");
    e.instrument_id = "phq9";
    e.item_id = "phq9_9";
    e.flag_code = "phq9_item9_positive";
    e.severity = risk_level::high;
    e.when = at(2025, 3, 3, 14, 5);
    e.administration = administration_id("adm-42");
    return flag_from_critical_item(e, flag_id("f-1"));
}

inline risk_flag resolved_flag() {
    auto f = open_phq9_flag();
    f.follow_up(at(2025, 3, 3, 15, 0), clinician_id("k-ada"), "Risk assessment ra-1 done");
    f.resolve(at(2025, 4, 1, 10, 0), clinician_id("k-ada"), "PHQ-9 item 9 at 0 for 3 weeks");
    return f;
}

inline referral_party psychiatrist() {
    return {referral_party_kind::psychiatrist,
            "Dr. Inés Ortúzar",
            std::string("Example Psychiatry Group"),
            std::string("npi-0000000000"),
            {{contact_system::email, "intake@psych.example.org", contact_use::work}}};
}

inline referral::fields draft_referral_fields() {
    referral::fields f;
    f.id = referral_id("r-1");
    f.client = client_id("c-zoe");
    f.episode = episode_id("e-100");
    f.direction = referral_direction::outbound;
    f.counterpart = psychiatrist();
    f.clinician = clinician_id("k-ada");
    f.reason = "Medication evaluation: PHQ-9 ≥ 20 for 4 sessions";
    f.urgency = referral_urgency::urgent;
    f.attachments = {{attachment_kind::assessment, "adm-42", "PHQ-9 on 2025-03-03"},
                     {attachment_kind::summary, "doc://summaries/77", "Treatment summary"}};
    f.consent = consent_id("co-roi");
    f.suggested_by = "phq9-persistent-severe";
    f.created_at = at(2025, 3, 3, 15, 30);
    return f;
}

inline referral completed_referral() {
    auto r = referral::create(draft_referral_fields());
    r.transition(referral_status::sent, at(2025, 3, 3, 16, 0), "Faxed and e-mailed");
    r.transition(referral_status::accepted, at(2025, 3, 4, 9, 0));
    r.transition(referral_status::scheduled, at(2025, 3, 4, 9, 30), "Seen 2025-03-10");
    r.transition(referral_status::completed, at(2025, 3, 10, 17, 0), "Letter received");
    return r;
}

inline disclosure_party psychiatrist_recipient() {
    return {"npi-0000000000", "Dr. Inés Ortúzar", std::string("Example Psychiatry Group")};
}

inline consent::fields release_fields() {
    consent::fields f;
    f.id = consent_id("co-roi");
    f.client = client_id("c-zoe");
    f.kind = consent_kind::release_of_information;
    f.parties = {{consenting_role::client, client_id("c-zoe"), "Zoë Ñúñez", date(2025, 3, 3)}};
    f.given_on = date(2025, 3, 3);
    f.expires_on = date(2026, 3, 3);
    release_terms t;
    t.recipient = psychiatrist_recipient();
    t.purposes = {disclosure_purpose::treatment, disclosure_purpose::care_coordination};
    t.purpose_description = "Medication evaluation and shared care";
    t.categories = {record_category::assessments, record_category::diagnoses,
                    record_category::progress_notes};
    f.release = t;
    f.document_reference = "doc://consents/roi-1.pdf";
    return f;
}

inline consent full_release() {
    return consent::create(release_fields());
}

/// A release that names substance-use records (42 CFR Part 2) with the notice; placeholder
/// notice text, not legal wording.
inline consent part2_release() {
    auto f = release_fields();
    f.id = consent_id("co-part2");
    f.release->categories = {record_category::substance_use_records};
    f.release->redisclosure_notice = "[EXAMPLE 42 CFR 2.32 NOTICE TEXT SUPPLIED BY COUNSEL]";
    f.expires_on.reset();
    f.expires_on_event = expiry_event{"End of the current episode of care", std::nullopt};
    return consent::create(f);
}

inline consent revoked_treatment_consent() {
    consent::fields f;
    f.id = consent_id("co-tx");
    f.client = client_id("c-zoe");
    f.kind = consent_kind::treatment;
    f.parties = {{consenting_role::client, std::nullopt, "Zoë Ñúñez", date(2025, 2, 28)}};
    f.given_on = date(2025, 3, 1);
    auto c = consent::create(f);
    c.revoke(at(2025, 5, 1, 12, 0), "Zoë Ñúñez", "Moving abroad");
    return c;
}

inline disclosure_request psychiatrist_request() {
    disclosure_request r;
    r.client = client_id("c-zoe");
    r.recipient = psychiatrist_recipient();
    r.purpose = disclosure_purpose::treatment;
    r.categories = {record_category::assessments, record_category::diagnoses};
    return r;
}

inline disclosure_record full_disclosure_record() {
    return record_disclosure({full_release()}, psychiatrist_request(), disclosure_id("d-1"),
                             at(2025, 3, 4, 11, 0), clinician_id("k-ada"),
                             "PHQ-9 and GAD-7 results 2025-01 to 2025-03; working diagnosis");
}

inline cultural_formulation full_cultural_formulation() {
    cultural_formulation f;
    f.id = cultural_formulation_id("cf-1");
    f.client = client_id("c-zoe");
    f.episode = episode_id("e-100");
    f.clinician = clinician_id("k-ada");
    f.recorded_on = date(2025, 3, 10);
    f.respondent = cfi_respondent::client;
    f.language = language("es-CL", "Spanish (Chile)");
    f.interpreter_used = false;
    f.problem_definition.problem_in_own_words = "Nervios since the move";
    f.problem_definition.how_others_describe = "My mother says I am 'sad from being far away'";
    f.problem_definition.most_troubling = "Not sleeping";
    f.cause_context_support.causes = "Losing my father while abroad";
    f.cause_context_support.supports = "Church group; sister";
    f.cause_context_support.stressors = "Visa paperwork, money";
    f.cause_context_support.cultural_identity = "Chilean, Catholic, bilingual";
    f.coping_and_past_help.self_coping = "Prayer, walking";
    f.coping_and_past_help.past_help_seeking = "Talked to a priest";
    f.coping_and_past_help.barriers = "Cost; worry about being seen as 'loca'";
    f.current_help_seeking.preferences = "Talking therapy in Spanish";
    f.current_help_seeking.clinician_relationship = "Comfortable; prefers Spanish for feelings";
    f.cultural_concepts_of_distress = {
        coded_concept{"urn:example:cultural-concept", "nervios", "Nervios"}};
    f.overall_assessment = "Grief and acculturative stress; family-centred supports.";
    return f;
}

inline ce_activity ce(const char* id, double hours, const char* category, date on,
                      const char* who = "k-ada") {
    ce_activity a;
    a.id = ce_activity_id(id);
    a.clinician = clinician_id(who);
    a.provider = "Example CE Institute";
    a.title = std::string("Course ") + id;
    a.completed_on = on;
    a.hours = hours;
    a.category = category;
    a.format = ce_format::live_online;
    a.certificate_reference = std::string("cert-") + id;
    return a;
}

/// EXAMPLE rules for a fictional board ("Example Board of Counselling, XX-A").
inline ce_rule_set example_rule_set() {
    ce_rule_set s;
    s.name = "EXAMPLE (fictional boards)";
    s.notice = "Fictional rules for tests; not any real board's requirements";
    s.requirements = {{"XX-A",
                       "Counsellor",
                       24,
                       40.0,
                       {{ce_categories::ethics, 6.0},
                        {ce_categories::suicide_prevention, 3.0},
                        {ce_categories::cultural_competence, 2.0}},
                       "Example Board of Counselling, rule 1 (fictional)"},
                      {"XX-B",
                       "Psychologist",
                       36,
                       60.0,
                       {{ce_categories::ethics, 4.0}},
                       "Example Psychology Board (fictional)"}};
    return s;
}

inline ce_compliance sample_ce_compliance() {
    return ce_compliance_on(
        example_rule_set().requirements[0],
        licence::create({"Counsellor", "XX-A", "C-777", date(2023, 7, 1), date(2025, 7, 1)}),
        clinician_id("k-ada"),
        {ce("ce-1", 6.0, ce_categories::ethics, date(2024, 1, 10)),
         ce("ce-2", 20.0, ce_categories::general, date(2024, 6, 1))},
        date(2025, 3, 1));
}

}  // namespace theracore::test
