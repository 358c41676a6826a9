// SPDX-License-Identifier: Apache-2.0
// TheraCore's end-to-end demo (scripts/demo.sh runs it): one client's course of care told
// through the public API and kept in an embedded SQLite file.
//
// Amara, 37, is referred for low mood after a redundancy. Dr Jonas Berg (licensed, scope:
// CBT for depression and anxiety, not trauma-focused work) sees her weekly for ten weeks:
// consent, episode and intake; a treatment plan with a goal bound to the PHQ-9 and two Goal
// Attainment Scaling goals; PHQ-9 at every session, GAD-7 every other session, the WSAS at
// intake, all scored by the built-in catalog. At the third session she endorses PHQ-9 item 9:
// the administration raises a risk flag, the note for that session cannot be signed until the
// risk is reviewed and a Stanley–Brown safety plan exists, and two severe PHQ-9 scores in a
// row suggest a psychiatry referral. Then the outcome analytics: trajectories with the
// Jacobson–Truax RCI and category, the NHS Talking Therapies rule sets, measures due, the GAS
// T-score, alerts and the HTML progress report. Every record is written to the SQLite store
// as it is made or changed (revisions, optimistic concurrency); finally the store is closed,
// the file reopened, the records read back and the PHQ-9 trajectory and the measures due
// recomputed from what was stored.
//
//   theracore_demo [database-file [report.html]]
//
// The database is created afresh (an existing file of that name is replaced); the report is
// written next to it unless a path is given.
#include <algorithm>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <theracore/adapters/builtin_cssrs_screener.hpp>
#include <theracore/adapters/builtin_rule_sets.hpp>
#include <theracore/instruments/builtin_catalog.hpp>
#include <theracore/io/json.hpp>
#include <theracore/outcomes/report.hpp>
#include <theracore/storage/records.hpp>
#include <theracore/storage/sqlite.hpp>
#include <theracore/theracore.hpp>

#ifndef THERACORE_DEMO_OUTPUT_DIR
#define THERACORE_DEMO_OUTPUT_DIR "demo-output"
#endif

namespace {

using namespace theracore;
namespace ti = theracore::instruments;
namespace oc = theracore::outcomes;
namespace storage = theracore::storage;
namespace fs = std::filesystem;
using boost::gregorian::days;

// ---------------------------------------------------------------------------------------------
// Printing

void heading(const std::string& title) {
    std::cout << "\n== " << title << " "
              << std::string(title.size() < 76 ? 76 - title.size() : 0, '=') << "\n";
}

std::string num(double v, int decimals = 1) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(decimals) << v;
    return s.str();
}

void print_refusal(const validation_error& e) {
    const std::string what = e.what();
    std::cout << "   refused, validation_error: " << what.substr(0, what.find('\n')) << "\n";
    for (const auto& p : e.problems()) {
        std::cout << "     - " << p.path << ": " << p.message << "\n";
    }
}

instant at(date d, int hh, int mm = 0) {
    return instant(d, boost::posix_time::hours(hh) + boost::posix_time::minutes(mm));
}

// ---------------------------------------------------------------------------------------------
// The cast and the calendar

const client_id amara_id("c-amara");
const clinician_id berg_id("k-berg");
const episode_id episode_1("e-amara-1");
const date intake_day(2026, 1, 5);
const date report_day(2026, 3, 16);
const storage::actor berg_actor{"k-berg"};

/// One weekly session: what was administered and what the client said.
struct visit {
    date day;
    int phq9_items_1_to_8;    ///< spread over items 1–8 as the form would be filled in
    int phq9_item9;           ///< "thoughts that you would be better off dead…"
    std::optional<int> gad7;  ///< total, every other session
    bool phq9_given = true;   ///< the last session ran short and the PHQ-9 was not given
    std::string subjective;
};

std::vector<visit> calendar() {
    return {
        {date(2026, 1, 5), 19, 0, 14, true, "Low since the redundancy in October; sleeps badly."},
        {date(2026, 1, 12), 20, 0, std::nullopt, true, "Stays in bed until noon most days."},
        {date(2026, 1, 19), 20, 1, 15, true, "\"Some days I think everyone would be better off.\""},
        {date(2026, 1, 26), 18, 0, std::nullopt, true,
         "Used the safety plan once; called her sister."},
        {date(2026, 2, 2), 16, 0, 12, true, "Two walks and a coffee with a friend this week."},
        {date(2026, 2, 9), 14, 0, std::nullopt, true,
         "Emailed her old manager about part-time work."},
        {date(2026, 2, 16), 12, 0, 10, true, "Sleeping 7 hours; started the new medication."},
        {date(2026, 2, 23), 10, 0, std::nullopt, true, "Interview for a part-time role."},
        {date(2026, 3, 2), 8, 0, 7, true, "Offered the job, two days a week."},
        {date(2026, 3, 9), 7, 0, std::nullopt, true, "First week back at work went well."},
        {date(2026, 3, 16), 0, 0, std::nullopt, false, "Arrived late; reviewed relapse signs."},
    };
}

session_id session_of(std::size_t i) {
    return session_id("s-" + std::to_string(i + 1));
}

// PHQ-9 answers in form order: items 1–8 as 3s then the remainder, item 9, and item 10
// (difficulty, not scored).
ti::responses phq9_answers(int items_1_to_8, int item9) {
    std::vector<ti::answer> a;
    int left = items_1_to_8;
    for (int i = 0; i < 8; ++i) {
        const int v = left >= 3 ? 3 : left;
        a.emplace_back(v);
        left -= v;
    }
    a.emplace_back(item9);
    a.emplace_back(left == 0 ? 1 : 2);
    return ti::responses::ordered(std::move(a));
}

ti::responses gad7_answers(int total) {
    std::vector<ti::answer> a;
    int left = total;
    for (int i = 0; i < 7; ++i) {
        const int v = left >= 3 ? 3 : left;
        a.emplace_back(v);
        left -= v;
    }
    return ti::responses::ordered(std::move(a));
}

// ---------------------------------------------------------------------------------------------
// The records, as the story produces them

clinician make_clinician() {
    clinician k;
    k.id = berg_id;
    k.name.text = "Dr Jonas Berg";
    k.name.family = "Berg";
    k.name.given = {"Jonas"};
    k.credentials = {"PsyD"};
    k.licences = {licence::create({"Licensed Psychologist", "US-OR", "PSY-EXAMPLE-0421",
                                   date(2024, 7, 1), date(2027, 6, 30)})};
    k.scope_tags = {"cbt", "depression", "anxiety"};  // not "trauma-focused"
    return k;
}

client make_client() {
    client c;
    c.id = amara_id;
    c.legal_name.text = "Amara Osei";
    c.legal_name.family = "Osei";
    c.legal_name.given = {"Amara"};
    c.preferred_name = "Amara";
    c.pronouns = "she/her";
    c.date_of_birth = date(1988, 4, 12);
    c.preferred_language = language("en-GB", "English (United Kingdom)");
    c.telecom = {{contact_system::phone, "+1 503 555 0147", contact_use::mobile}};
    c.emergency_contacts = {
        {"Efua Osei", "sister", {{contact_system::phone, "+1 503 555 0190", contact_use::mobile}}}};
    return c;
}

consent treatment_consent() {
    consent::fields f;
    f.id = consent_id("co-treatment");
    f.client = amara_id;
    f.kind = consent_kind::treatment;
    f.parties = {{consenting_role::client, amara_id, "Amara Osei", intake_day}};
    f.given_on = intake_day;
    f.document_reference = "doc://consents/amara-treatment.pdf";
    return consent::create(f);
}

disclosure_party psychiatry_recipient() {
    return {"npi-EXAMPLE-7788", "Dr Lena Marsh", std::string("Riverside Psychiatry (example)")};
}

consent psychiatry_release(date on) {
    consent::fields f;
    f.id = consent_id("co-roi-psychiatry");
    f.client = amara_id;
    f.kind = consent_kind::release_of_information;
    f.parties = {{consenting_role::client, amara_id, "Amara Osei", on}};
    f.given_on = on;
    f.expires_on = on + days(182);
    release_terms t;
    t.recipient = psychiatry_recipient();
    t.purposes = {disclosure_purpose::treatment, disclosure_purpose::care_coordination};
    t.purpose_description = "Medication evaluation and shared care";
    t.categories = {record_category::assessments, record_category::diagnoses,
                    record_category::treatment_plans};
    f.release = t;
    f.document_reference = "doc://consents/amara-roi-psychiatry.pdf";
    return consent::create(f);
}

treatment_plan make_plan(date on) {
    plan_goal mood;
    mood.id = goal_id("g-mood");
    mood.addresses = {"P1"};
    mood.statement = "Amara's mood lifts out of the clinical range";
    mood.measured_by = "PHQ-9 at every session";
    mood.target = "PHQ-9 below 10";
    mood.due = date(2026, 4, 30);
    mood.measure = measure_target{"phq9", target_comparison::below, 10, amara_id};
    mood.interventions = {{builtin_intervention("behavioural_activation"),
                           std::string("activity scheduling"), std::string("weekly")}};

    plan_goal work;
    work.id = goal_id("g-work");
    work.addresses = {"P2"};
    work.statement = "Amara returns to paid work";
    work.measured_by = "Goal Attainment Scale, rated monthly";
    work.target = "GAS level 0: back at work two days a week";
    work.due = date(2026, 5, 31);
    work.interventions = {
        {builtin_intervention("problem_solving"), {}, std::string("fortnightly")}};
    gas_scale wg;
    wg.much_less_than_expected = "On sick leave, no contact with work or job search";
    wg.less_than_expected = "In contact about work; applications or a return date agreed";
    wg.expected = "Back at work two days a week";
    wg.more_than_expected = "Back at work three or four days a week";
    wg.much_more_than_expected = "Back at work full time";
    wg.baseline_level = -2;
    wg.weight = 2;
    work.gas = wg;

    plan_goal social;
    social.id = goal_id("g-social");
    social.addresses = {"P1"};
    social.statement = "Amara sees friends again";
    social.measured_by = "Goal Attainment Scale, rated monthly";
    social.target = "GAS level 0: a social contact every fortnight";
    social.due = date(2026, 5, 31);
    social.interventions = {{builtin_intervention("behavioural_activation"), {}, {}}};
    gas_scale sg;
    sg.much_less_than_expected = "No social contact outside the family";
    sg.less_than_expected = "One social contact a month";
    sg.expected = "A social contact every fortnight";
    sg.more_than_expected = "A social contact every week";
    sg.much_more_than_expected = "Weekly contact and has joined a group";
    sg.baseline_level = -2;
    social.gas = sg;

    plan_version v;
    v.effective = on;
    v.author = berg_id;
    v.problems = {{"P1", "Low mood, withdrawal and poor sleep since being made redundant",
                   coded_concept{code_systems::icd10, "F32.1", "Moderate depressive episode"}},
                  {"P2", "Off work since October; avoids job searching", std::nullopt}};
    v.goals = {mood, work, social};
    v.review_due = date(2026, 4, 6);

    auto plan = treatment_plan::create({plan_id("p-amara-1"), episode_1, {amara_id}, {v}});
    plan.record_agreement({"Amara Osei",
                           agreeing_party::client,
                           amara_id,
                           on,
                           agreement_method::electronic_signature,
                           {}});
    for (const auto* g : {&mood, &work, &social}) {
        plan.transition_goal(g->id, goal_status::active, on);
    }
    return plan;
}

safety_plan make_safety_plan(date on) {
    safety_plan s;
    s.id = safety_plan_id("sp-amara");
    s.client = amara_id;
    s.episode = episode_1;
    s.clinician = berg_id;
    s.created_on = on;
    s.review_on = on + days(90);
    s.client_copy_given_on = on;
    s.warning_signs = {"Staying in bed past noon", "Thinking \"everyone would be better off\""};
    s.internal_coping_strategies = {"Walk to the river", "Music with headphones", "Cold shower"};
    s.distraction_contacts = {{"Noor",
                               std::string("friend"),
                               {{contact_system::phone, "+1 503 555 0112", contact_use::mobile}}}};
    s.distraction_settings = {"The café on Alder Street", "Library reading room"};
    s.help_contacts = {{"Efua Osei",
                        std::string("sister"),
                        {{contact_system::phone, "+1 503 555 0190", contact_use::mobile}}}};
    s.professionals_and_agencies = {
        {support_service_kind::professional,
         "Dr Jonas Berg",
         std::string("Example Clinic"),
         {{contact_system::phone, "+1 503 555 0100", contact_use::work}},
         std::string("Mon–Fri 9–17")},
        {support_service_kind::crisis_line,
         "988 Suicide & Crisis Lifeline",
         std::nullopt,
         {{contact_system::phone, "988", contact_use::other}},
         std::string("24/7")}};
    s.environment_safety = {{"Paracetamol and sleeping tablets at home",
                             "Efua keeps them; weekly supply", std::string("Efua Osei")}};
    s.reasons_for_living = {"Her nephews", "Singing in the choir again"};
    return s;
}

risk_assessment make_risk_assessment(date on) {
    risk_assessment a;
    a.id = risk_assessment_id("ra-amara-1");
    a.client = amara_id;
    a.episode = episode_1;
    a.session = session_of(2);
    a.assessor = berg_id;
    a.assessed_on = on;
    cssrs_screener_answers answers;
    answers.q1 = true;   // wished to be dead
    answers.q2 = false;  // no active thoughts of killing herself
    answers.q6 = false;  // no suicidal behaviour ever
    // The triage comes from the C-SSRS screener definition in the built-in catalog.
    a.cssrs_screener = score_cssrs_screener(answers);
    a.risk_factors = {{std::nullopt, "Job loss in October"}, {std::nullopt, "Lives alone"}};
    a.protective_factors = {{std::nullopt, "Close to her sister, speaks daily"},
                            {std::nullopt, "Her nephews; choir"}};
    a.formulated_level = risk_level::moderate;
    a.formulation =
        "Passive death wish in the last month, no active ideation, plan, intent or past "
        "behaviour; judged moderate because of recent loss and isolation.";
    a.actions = {{risk_action_kind::safety_plan_created, "Stanley–Brown plan written together",
                  safety_plan_id("sp-amara"), std::nullopt},
                 {risk_action_kind::means_restriction_counselling,
                  "Sister to hold medication at home", std::nullopt, std::nullopt},
                 {risk_action_kind::increased_contact, "Telephone check-in on Thursday",
                  std::nullopt, std::nullopt}};
    a.next_review = on + days(7);
    return a;
}

referral_party psychiatrist() {
    return {referral_party_kind::psychiatrist,
            "Dr Lena Marsh",
            std::string("Riverside Psychiatry (example)"),
            std::string("npi-EXAMPLE-7788"),
            {{contact_system::email, "intake@riverside.example.org", contact_use::work}}};
}

oc::measurement_schedule make_schedule() {
    // PHQ-9 every session, GAD-7 every other session, WSAS at intake and every four weeks.
    return {episode_1,
            {{"phq9", true, true, 1, std::nullopt, 0},
             {"gad7", true, true, 2, std::nullopt, 0},
             {"wsas", true, true, std::nullopt, 28, 7}}};
}

/// Change parameters from the definition's psychometrics when it has them; otherwise the
/// library's refusal is shown and the caller-supplied values are used (and labelled so).
oc::change_parameters parameters_for(const ti::instrument& inst, oc::change_parameters fallback) {
    try {
        return theracore::adapters::change_parameters_for(inst);
    } catch (const validation_error& e) {
        std::cout << "   " << inst.id() << ": the definition cannot supply change parameters:\n";
        for (const auto& p : e.problems()) {
            std::cout << "     - " << p.path << ": " << p.message << "\n";
        }
        std::cout << "     using caller-supplied values: SD " << fallback.sd.value << " ("
                  << fallback.sd.source << "), reliability " << fallback.reliability.value << " ("
                  << fallback.reliability.source << ")\n";
        return fallback;
    }
}

oc::change_parameters phq9_fallback() {
    oc::change_parameters p;
    p.instrument_id = "phq9";
    p.sd = {4.25, "primary care, PHQ-9 >= 10", "Gilbody et al. 2015"};
    p.reliability = {0.89, oc::reliability_kind::cronbach_alpha, "Kroenke et al. 2001"};
    p.range = oc::score_range{0, 27};
    p.provenance = {oc::parameter_origin::named_source,
                    "PHQ-9 psychometrics (instruments.md §2.1)"};
    return p;
}

oc::change_parameters gad7_fallback() {
    oc::change_parameters p;
    p.instrument_id = "gad7";
    // Bischoff et al. (2020) report r = .87 and an RCI of 5.59; the SD is back-calculated from
    // them (as in examples/progress_report.cpp) and labelled as such.
    p.sd = {5.59, "back-calculated", "Bischoff et al. 2020 (RCI 5.59)"};
    p.reliability = {0.87, oc::reliability_kind::test_retest, "Bischoff et al. 2020"};
    p.range = oc::score_range{0, 21};
    p.provenance = {oc::parameter_origin::caller_supplied, "back-calculated from Bischoff 2020"};
    return p;
}

/// Writes `r` in `tx`: inserted at revision 1 when new, otherwise updated from the revision
/// read (optimistic concurrency: another writer in between makes the update a `conflict`), and
/// left alone when unchanged. Returns the stored revision.
template <class T>
std::int64_t save(storage::transaction& tx, const T& r) {
    if (auto stored = tx.find<T>(storage::record_traits<T>::id(r))) {
        if (stored->value == r) {
            return stored->revision();
        }
        stored->value = r;
        return tx.update(*stored);
    }
    return tx.insert(r);
}

std::string band_of(const instruments::administration& a) {
    const auto* total = a.result.scale("total");
    if (!total || !total->value) {
        return "not scored";
    }
    return num(*total->value, 0) +
           (total->band_label.empty() ? "" : " (" + total->band_label + ")");
}

}  // namespace

int main(int argc, char** argv) try {
    const fs::path db_path =
        argc > 1 ? fs::path(argv[1]) : fs::path(THERACORE_DEMO_OUTPUT_DIR) / "clinic.theracore";
    const fs::path report_path =
        argc > 2 ? fs::path(argv[2]) : db_path.parent_path() / "progress_report.html";
    if (!db_path.parent_path().empty()) {
        fs::create_directories(db_path.parent_path());
    }
    if (!report_path.parent_path().empty()) {
        fs::create_directories(report_path.parent_path());
    }
    for (const auto* suffix : {"", "-wal", "-shm"}) {  // a fresh database every run
        fs::remove(db_path.string() + suffix);
    }

    const auto& catalog = ti::builtin_catalog();
    const auto& phq9 = catalog.at("phq9");
    const auto& gad7 = catalog.at("gad7");
    const auto& wsas = catalog.at("wsas");

    std::cout << "TheraCore end-to-end demo\n"
              << "database: " << db_path.string() << "\nreport:   " << report_path.string() << "\n";
    auto db = storage::make_sqlite_store(db_path.string());

    // -----------------------------------------------------------------------------------------
    heading("1. Clinician, client, consent");
    const auto berg = make_clinician();
    const auto amara = make_client();
    const auto consent_to_treat = treatment_consent();
    {
        auto tx = db->begin(berg_actor);
        tx.insert(berg);
        tx.insert(amara);
        tx.insert(consent_to_treat);
        tx.commit();
    }
    const auto& lic = berg.licences.front();
    std::cout << "clinician " << berg.name.text << " (" << berg.credentials.front() << "), "
              << lic.type() << " " << lic.jurisdiction() << " " << lic.number() << ", current on "
              << to_iso8601(intake_day) << ": " << (lic.is_current(intake_day) ? "yes" : "no")
              << "\n  scope:";
    for (const auto& t : berg.scope_tags) {
        std::cout << " " << t;
    }
    std::cout << "\nclient " << amara.legal_name.text << " (" << display_name(amara) << ", "
              << *amara.pronouns << "), born " << to_iso8601(*amara.date_of_birth) << "\n"
              << "consent " << consent_to_treat.id() << ": " << to_string(consent_to_treat.kind())
              << ", given " << to_iso8601(consent_to_treat.given_on()) << ", in force on "
              << to_iso8601(intake_day) << ": "
              << (consent_to_treat.in_force_on(intake_day) ? "yes" : "no") << "\n";

    // -----------------------------------------------------------------------------------------
    heading("2. Episode and intake");
    care_episode::fields ef;
    ef.id = episode_1;
    ef.kind = episode_kind::individual;
    ef.participants = {{amara_id, participant_role::identified_client}};
    ef.primary_clinician = berg_id;
    ef.opened = intake_day;  // the day of the first appointment; the referral came earlier
    ef.referral_source = "GP letter, 2025-12-15";
    ef.presenting_problems = {{"Low mood since redundancy", std::nullopt}};
    auto episode = care_episode::create(ef);
    episode.transition(episode_status::assessment, intake_day);

    const auto schedule = make_schedule();
    intake in;
    in.id = intake_id("i-amara-1");
    in.client = amara_id;
    in.episode = episode_1;
    in.clinician = berg_id;
    in.recorded_on = intake_day;
    in.presenting_concerns = "Low mood, poor sleep and withdrawal since being made redundant";
    in.prior_treatment = "Six sessions of counselling in 2019 (bereavement)";
    in.current_medications = {"None reported"};
    in.substance_use = "Alcohol 4–6 units a week; no drugs";
    in.trauma_history = false;
    in.current_symptoms = {"low mood", "early waking", "loss of interest", "poor concentration"};
    in.goals_in_own_words = {"Feel like myself again", "Get back to work"};
    {
        auto tx = db->begin(berg_actor);
        tx.insert(episode);
        tx.insert(in);
        tx.insert(schedule);  // what is measured when, kept with the episode
        tx.commit();
    }
    std::cout << "episode " << episode.id() << " (" << to_string(episode.kind()) << "), opened "
              << to_iso8601(episode.opened()) << ", status " << to_string(episode.status())
              << "\nintake " << in.id << " on " << to_iso8601(in.recorded_on) << ": "
              << in.presenting_concerns << "\n";

    // -----------------------------------------------------------------------------------------
    heading("3. Sessions, measures and the risk gate");
    const auto visits = calendar();
    std::vector<session> sessions;
    std::vector<instruments::administration> administrations;  // every instrument
    std::vector<instruments::administration> phq9_given, gad7_given;
    std::vector<progress_note> notes;
    std::vector<risk_flag> flags;
    std::vector<safety_plan> safety_plans;
    std::vector<referral> referrals;
    std::vector<consent> consents{consent_to_treat};
    std::vector<risk_assessment> risk_assessments;
    std::optional<treatment_plan> plan;
    std::vector<oc::chart_event> events;

    for (std::size_t i = 0; i < visits.size(); ++i) {
        const auto& v = visits[i];
        const instant start = at(v.day, 10);
        session::fields sf;
        sf.id = session_of(i);
        sf.episode = episode_1;
        sf.clinician = berg_id;
        sf.start = start;
        sf.duration_minutes = 50;
        sf.setting = i % 3 == 2 ? session_setting::telehealth_video : session_setting::in_person;
        sf.type = i == 0 ? session_type::intake : session_type::individual;
        sf.attendees = {{amara_id, {}, {}, attendance_role::client}};
        sf.interventions = {
            builtin_intervention(i == 0 ? "supportive_counselling" : "behavioural_activation")};

        std::vector<instruments::administration> today;
        const auto administer_one = [&](const ti::instrument& inst, const std::string& tag,
                                        ti::responses answers, int minute) {
            auto a = administer(inst, administration_id("adm-" + tag + "-" + std::to_string(i + 1)),
                                amara_id, at(v.day, 10, minute), std::move(answers));
            a.episode = episode_1;
            a.administered_by = berg_id;
            sf.measures.push_back(a.id);
            today.push_back(a);
            administrations.push_back(a);
            return a;
        };
        std::string line = to_iso8601(v.day) + " " + sf.id.str() + ":";
        if (v.phq9_given) {
            const auto a =
                administer_one(phq9, "phq9", phq9_answers(v.phq9_items_1_to_8, v.phq9_item9), 5);
            phq9_given.push_back(a);
            line += " PHQ-9 " + band_of(a);
        }
        if (v.gad7) {
            const auto a = administer_one(gad7, "gad7", gad7_answers(*v.gad7), 8);
            gad7_given.push_back(a);
            line += ", GAD-7 " + band_of(a);
        }
        if (i == 0) {
            const auto a =
                administer_one(wsas, "wsas", ti::responses::ordered({6, 5, 4, 5, 4}), 12);
            line += ", WSAS " + band_of(a);
        }
        if (!v.phq9_given) {
            line += " no measures (session ran short)";
        }
        std::cout << line << "\n";

        // Critical items of today's administrations become risk flags (ids are stable, so a
        // re-run would find the same flags).
        std::vector<risk_flag> raised;
        for (const auto& a : today) {
            const auto findings = critical_items(catalog.at(a.instrument), a);
            for (const auto& ne : findings.not_evaluated) {
                std::cout << "   critical item not evaluated: " << ne.flag_name << "\n";
            }
            for (auto& f : risk_flags_for(findings)) {
                std::cout << "   RISK FLAG " << f.id() << ": " << to_string(f.severity()) << ", "
                          << f.required_follow_up() << ", review by " << to_iso8601(f.review_by())
                          << "\n";
                raised.push_back(std::move(f));
            }
        }
        flags.insert(flags.end(), raised.begin(), raised.end());
        {  // scores and the flags they raise are stored as soon as the forms are scored
            auto tx = db->begin(berg_actor);
            for (const auto& a : today) {
                tx.insert(a);
            }
            for (const auto& f : raised) {
                tx.insert(f);
            }
            tx.commit();
        }

        if (i == 1) {  // the plan is agreed at the second session; the episode becomes active
            plan = make_plan(v.day);
            episode.transition(episode_status::active, v.day);
            std::cout << "   treatment plan " << plan->id() << " v" << plan->current().number
                      << " agreed: " << plan->current().goals.size()
                      << " goals active; episode now " << to_string(episode.status()) << "\n";
        }

        // Scope-of-practice triggers on everything observed so far, at every session.
        const auto observed = observed_scores(catalog, administrations);
        for (const auto& s : evaluate_referral_triggers(standard_referral_triggers(2),
                                                        observed.scores, berg, v.day)) {
            const bool already = std::any_of(
                referrals.begin(), referrals.end(),
                [&](const referral& r) { return r.data().suggested_by == s.trigger_id; });
            if (!already) {
                std::cout << "   referral suggested by trigger " << s.trigger_id << ": "
                          << to_string(s.refer_to) << ", " << to_string(s.urgency) << " — "
                          << s.reason << "\n";
                // Amara agrees: a release of information first, checked with permits().
                const auto release = psychiatry_release(v.day);
                consents.push_back(release);
                disclosure_request req;
                req.client = amara_id;
                req.recipient = psychiatry_recipient();
                req.purpose = disclosure_purpose::treatment;
                req.categories = {record_category::assessments};
                const auto decision = permits(consents, req, v.day + days(1));
                std::cout << "   release " << release.id()
                          << " permits sending assessments: " << (decision.permitted ? "yes" : "no")
                          << "\n";
                auto r = draft_referral(s, referral_id("r-amara-psychiatry"), amara_id, berg_id,
                                        psychiatrist(), at(v.day, 11, 40));
                auto rf = r.data();  // draft_referral takes no consent or episode: add them
                rf.consent = release.id();
                rf.episode = episode_1;
                r = referral::create(rf);
                r.transition(referral_status::sent, at(v.day + days(1), 9),
                             "Sent by secure e-mail");
                std::cout << "   referral " << r.id() << " " << to_string(r.status()) << " on "
                          << to_iso8601(*r.sent_at()) << " with " << r.data().attachments.size()
                          << " PHQ-9 administrations attached\n";
                referrals.push_back(r);
            }
        }

        // While a high flag is active, risk is reviewed at every session.
        sf.risk_reviewed = std::any_of(flags.begin(), flags.end(), [&](const risk_flag& f) {
            return f.raised_at().date() < v.day && f.is_active_on(v.day);
        });
        auto s = session::create(sf);
        progress_note::fields nf;
        nf.id = note_id("n-" + std::to_string(i + 1));
        nf.session = s.id();
        nf.episode = episode_1;
        nf.author = berg_id;
        nf.created = start + boost::posix_time::minutes(55);
        nf.body = soap_note{v.subjective, line.substr(line.find(':') + 2),
                            i < 2 ? "Moderate to severe depressive symptoms."
                                  : "Depressive symptoms; engaging with activity scheduling.",
                            "Continue weekly; review activity schedule."};
        auto note = progress_note::create(nf);
        note_signature sig{berg_id, start + boost::posix_time::minutes(65)};

        if (!raised.empty()) {
            std::cout << "   signing note " << note.id() << " before the risk review:\n";
            try {
                note.sign(sig, berg, {risk_gate_precondition(s, flags, safety_plans, referrals)});
                std::cout << "   UNEXPECTED: signed\n";
                return EXIT_FAILURE;
            } catch (const validation_error& e) {
                print_refusal(e);
            }
            // The risk review in the session: C-SSRS screener, formulation, safety plan.
            const auto ra = make_risk_assessment(v.day);
            const auto sp = make_safety_plan(v.day);
            risk_assessments.push_back(ra);
            safety_plans.push_back(sp);
            std::cout << "   risk assessment " << ra.id << ": C-SSRS screener triage "
                      << to_string(ra.cssrs_screener->triage) << ", formulated "
                      << to_string(ra.formulated_level) << "; screener check: "
                      << (check_risk_assessment(ra).empty() ? "consistent" : "INCONSISTENT")
                      << "\n   safety plan " << sp.id << " v" << sp.plan_version << ": "
                      << sp.warning_signs.size() << " warning signs, "
                      << sp.professionals_and_agencies.size() << " services, review "
                      << to_iso8601(sp.review_on) << "\n";
            for (auto& f : flags) {
                if (f.status() == flag_status::open) {
                    f.follow_up(at(v.day, 11, 20), berg_id,
                                "Risk assessment " + ra.id.str() + "; safety plan " + sp.id.str());
                }
            }
            sf.risk_reviewed = true;  // the session record now documents the review
            sf.risk_assessment = ra.id;
            s = session::create(sf);
            events.push_back({oc::observation_time(v.day), "safety plan"});
            sig.at = start + boost::posix_time::minutes(90);
            std::cout << "   signing note " << note.id() << " after the risk review: ";
        }
        note.sign(sig, berg, {risk_gate_precondition(s, flags, safety_plans, referrals)});
        if (!raised.empty()) {
            std::cout << to_string(note.status()) << "\n";
        }
        sessions.push_back(s);
        notes.push_back(note);

        if (i == 5) {
            plan->record_gas_rating(goal_id("g-work"),
                                    {v.day, -1, berg_id, std::string("Emailed manager")});
            plan->record_gas_rating(goal_id("g-social"),
                                    {v.day, -1, berg_id, std::string("One coffee")});
        }
        if (i == 3) {  // the psychiatry service replied during the week
            referrals.back().transition(referral_status::accepted, at(date(2026, 1, 22), 9));
            referrals.back().transition(referral_status::scheduled, at(date(2026, 1, 23), 9),
                                        "Appointment 2026-02-10");
        }
        if (i == 6) {  // four weeks without item 9: the flag is resolved
            for (auto& f : flags) {
                if (f.is_active_on(v.day)) {
                    f.resolve(at(v.day, 11), berg_id,
                              "PHQ-9 item 9 at 0 for four weeks; reassessed");
                }
            }
            referrals.back().transition(referral_status::completed, at(date(2026, 2, 12), 9),
                                        "Letter received: sertraline started 2026-02-10");
            events.push_back({oc::observation_time(date(2026, 2, 10)), "medication started"});
        }
        if (i == 9) {
            plan->record_gas_rating(goal_id("g-work"),
                                    {v.day, 0, berg_id, std::string("Two days a week")});
            plan->record_gas_rating(goal_id("g-social"),
                                    {v.day, 1, berg_id, std::string("Weekly choir")});
        }

        // Everything the session produced or changed, in one transaction.
        {
            auto tx = db->begin(berg_actor);
            save(tx, s);
            save(tx, note);
            for (const auto& f : flags) {
                save(tx, f);
            }
            for (const auto& r : risk_assessments) {
                save(tx, r);
            }
            for (const auto& sp : safety_plans) {
                save(tx, sp);
            }
            for (const auto& c : consents) {
                save(tx, c);
            }
            for (const auto& r : referrals) {
                save(tx, r);
            }
            if (plan) {
                save(tx, *plan);
            }
            const auto rev = save(tx, episode);
            if (i == 1) {
                std::cout << "   episode " << episode.id() << " stored as revision " << rev << "\n";
            }
            tx.commit();
        }
    }
    for (const auto& f : flags) {
        std::cout << "flag " << f.id() << ": " << to_string(f.status()) << "\n";
    }
    std::cout << "notes signed: " << notes.size() << " of " << sessions.size() << " sessions\n";

    // -----------------------------------------------------------------------------------------
    heading("4. Outcomes on " + to_iso8601(report_day));
    std::cout << "change parameters:\n";
    const auto phq9_params = parameters_for(phq9, phq9_fallback());
    const auto gad7_params = parameters_for(gad7, gad7_fallback());

    const auto phq9_series = theracore::adapters::series_for(phq9, phq9_given, sessions);
    const auto gad7_series = theracore::adapters::series_for(gad7, gad7_given, sessions);
    std::vector<oc::report_instrument> measured{
        {phq9_series.series, phq9_params, oc::cutoff_criterion::published},
        {gad7_series.series, gad7_params, oc::cutoff_criterion::published}};
    for (const auto& m : measured) {
        const auto t = oc::build_trajectory(m.series, m.parameters, m.criterion);
        std::cout << oc::display_name(m.series) << ": " << t.points.size() << " scores, "
                  << t.points.front().point.value << " -> " << t.points.back().point.value
                  << "; reliable change needs " << t.threshold.min_whole_points << " points; RCI "
                  << num(t.latest->change.rci, 2) << " (" << to_string(t.latest->change.kind)
                  << "), Jacobson–Truax: "
                  << (t.latest->category ? std::string(to_string(*t.latest->category))
                                         : std::string("unclassified"))
                  << "\n";
    }
    for (const auto& rules : theracore::adapters::talking_therapies_rule_sets()) {
        const auto& s = rules.instrument_id == "phq9" ? phq9_series.series : gad7_series.series;
        const auto o =
            oc::talking_therapies(oc::score_at(s, 0), oc::score_at(s, s.points.size() - 1), rules);
        std::cout << rules.name << ": case at start " << (o.case_at_start ? "yes" : "no")
                  << ", at end " << (o.case_at_end ? "yes" : "no") << ", reliable improvement "
                  << (o.reliable_improvement ? "yes" : "no") << ", reliable recovery "
                  << (o.reliable_recovery ? "yes" : "no") << "\n";
    }

    // Measure-bound goal, from the scores.
    const auto observations = measure_observations(catalog, administrations).observations;
    const auto mood =
        evaluate_measure_goal(plan->goal(goal_id("g-mood")), observations, report_day);
    std::cout << "goal g-mood (PHQ-9 below 10): " << to_string(mood.status);
    if (mood.evidence) {
        std::cout << " (PHQ-9 " << mood.evidence->total << " on "
                  << to_iso8601(mood.evidence->at.date()) << ")";
    }
    std::cout << "\n";
    if (mood.status == measure_status::met) {
        plan->transition_goal(goal_id("g-mood"), goal_status::achieved, report_day);
    }
    const auto gas = theracore::adapters::gas_t_score(*plan, report_day);
    std::cout << "GAS T-score " << num(gas.t_score) << " (" << gas.goals_used << " goals rated, "
              << gas.goals_skipped << " skipped)\n";

    // Measures due.
    oc::episode_timeline timeline;
    timeline.intake = intake_day;
    for (const auto& s : sessions) {
        timeline.sessions.push_back({s.id(), s.start().date()});
    }
    for (const auto& a : administrations) {
        std::optional<session_id> in_session;
        for (const auto& s : sessions) {
            for (const auto& m : s.data().measures) {
                in_session = m == a.id ? std::optional<session_id>(s.id()) : in_session;
            }
        }
        timeline.administrations.push_back(
            {a.instrument, a.administered_at.date(), in_session, a.id});
    }
    for (const auto& m : oc::measures_due(schedule, timeline, report_day)) {
        std::cout << "measure " << m.instrument_id << ": " << to_string(m.status);
        if (!m.reasons.empty()) {
            std::cout << " — " << m.reasons.front();
        }
        std::cout << "\n";
    }

    // Referral triggers today: the severe scores are in the past.
    const auto now_suggested = evaluate_referral_triggers(
        standard_referral_triggers(2), observed_scores(catalog, administrations).scores, berg,
        report_day);
    std::cout << "referral suggestions today: " << now_suggested.size() << "\n";

    // Alerts, as the rules raise them when each score arrives (the same ids on re-evaluation).
    std::vector<oc::alert> alerts;
    std::set<std::string> seen;
    for (const auto& m : measured) {
        const auto rules = theracore::adapters::alert_rules_for(catalog.at(m.series.instrument_id));
        // Every administration, scored or not (an unscored form's critical item still counts),
        // in time order; at each, the series as it stood then.
        std::vector<oc::observation_time> arrivals;
        for (const auto& p : m.series.points) {
            arrivals.push_back(p.when);
        }
        for (const auto& u : m.series.unscored) {
            arrivals.push_back(u.when);
        }
        std::sort(arrivals.begin(), arrivals.end(),
                  [](const auto& x, const auto& y) { return oc::compare(x, y).value_or(0) < 0; });
        for (const auto& now : arrivals) {
            auto so_far = m.series;
            const auto later = [&](const auto& p) {
                return oc::compare(p.when, now).value_or(0) > 0;
            };
            so_far.points.erase(std::remove_if(so_far.points.begin(), so_far.points.end(), later),
                                so_far.points.end());
            so_far.unscored.erase(
                std::remove_if(so_far.unscored.begin(), so_far.unscored.end(), later),
                so_far.unscored.end());
            const instant when = at(now.day(), 11);
            for (auto& a :
                 oc::evaluate_alerts(so_far, m.parameters, rules, {amara_id, episode_1, when})) {
                if (seen.insert(a.id().str()).second) {
                    alerts.push_back(std::move(a));
                }
            }
        }
    }
    for (auto& a : alerts) {
        const date on = a.raised_at().date();
        a.acknowledge(berg_id, at(on, 11, 30));
        if (a.kind() == oc::alert_kind::critical_item) {
            a.resolve(berg_id, at(on, 11, 45), "Risk assessment done; safety plan in place");
        }
        std::cout << "alert " << to_string(a.kind()) << " (" << to_string(a.severity()) << ") "
                  << a.instrument_id() << " on " << to_iso8601(on) << ": " << to_string(a.state())
                  << "\n";
    }

    {
        auto tx = db->begin(berg_actor);
        for (const auto& a : alerts) {
            save(tx, a);
        }
        save(tx, *plan);  // g-mood achieved
        tx.commit();
    }

    // The HTML progress report.
    oc::progress_report_data report;
    report.client = amara_id;
    report.client_name = amara.legal_name.text;
    report.clinician_name = berg.name.text;
    report.generated_on = report_day;
    report.instruments = measured;
    report.events = events;
    report.alerts = alerts;
    report.goals = theracore::adapters::gas_goals(plan->current(), report_day);
    const auto html = oc::render_progress_report_html(report);
    std::ofstream(report_path, std::ios::binary) << html;
    std::cout << "progress report: " << report_path.string() << " (" << html.size() << " bytes)\n";

    // -----------------------------------------------------------------------------------------
    heading("5. Close, reopen, read back");
    db.reset();
    auto reopened = storage::make_sqlite_store(db_path.string());
    {
        auto tx = reopened->begin(berg_actor, storage::access_mode::read_only);
        for (const auto& hit : tx.query(storage::clients_by_name_prefix("ama"))) {
            std::cout << "client " << hit.value.id << ": " << hit.value.legal_name.text
                      << " (revision " << hit.revision() << ")\n";
        }
        for (const auto& e : tx.query(storage::episodes_of_client(amara_id))) {
            std::cout << "episode " << e.value.id() << ": " << to_string(e.value.status())
                      << " since " << to_iso8601(e.value.data().history.back().on) << " (revision "
                      << e.revision() << ")\n";
        }
        for (const auto& i : tx.query(storage::intakes_of_episode(episode_1))) {
            std::cout << "intake " << i.value.id << ": " << i.value.presenting_concerns << "\n";
        }
        const auto k = tx.get<clinician>(berg_id);
        std::cout << "clinician " << k.value.id << ": " << k.value.name.text << ", "
                  << k.value.licences.size()
                  << " licence, equal to what was written: " << (k.value == berg ? "yes" : "no")
                  << "\n";

        std::vector<consent> stored_consents;
        for (auto& c : tx.query(storage::consents_of_client(amara_id))) {
            stored_consents.push_back(std::move(c.value));
        }
        disclosure_request req;
        req.client = amara_id;
        req.recipient = psychiatry_recipient();
        req.purpose = disclosure_purpose::treatment;
        req.categories = {record_category::assessments};
        std::cout << "consents: " << stored_consents.size()
                  << "; the stored release still permits sending assessments on "
                  << to_iso8601(report_day) << ": "
                  << (permits(stored_consents, req, report_day).permitted ? "yes" : "no") << "\n";

        for (const auto& p : tx.query(storage::plans_of_client(amara_id))) {
            std::cout << "plan " << p.value.id() << " v" << p.value.current().number
                      << " (revision " << p.revision() << "):";
            for (const auto& g : p.value.current().goals) {
                std::cout << " " << g.id << " "
                          << to_string(theracore::adapters::goal_status_on(g, report_day));
            }
            std::cout << "; GAS T-score "
                      << num(theracore::adapters::gas_t_score(p.value, report_day).t_score) << "\n";
        }

        std::vector<session> stored_sessions;
        for (auto& x : tx.query(storage::sessions_of_episode(episode_1))) {
            stored_sessions.push_back(std::move(x.value));
        }
        std::size_t signed_notes = 0, stored_notes = 0;
        for (const auto& n : tx.query(storage::progress_notes_of_episode(episode_1))) {
            ++stored_notes;
            if (n.value.status() == note_status::signed_off) {
                ++signed_notes;
            }
        }
        std::cout << "sessions: " << stored_sessions.size() << "; notes: " << stored_notes << " ("
                  << signed_notes << " signed)\n";

        // The trajectory again, from the stored administrations and sessions.
        const auto stored_phq9 = storage::client_trajectory(tx, amara_id, "phq9");
        const auto again = oc::build_trajectory(
            theracore::adapters::series_for(phq9, stored_phq9, stored_sessions).series, phq9_params,
            oc::cutoff_criterion::published);
        const auto before =
            oc::build_trajectory(phq9_series.series, phq9_params, oc::cutoff_criterion::published);
        std::cout << "PHQ-9 from the store: " << stored_phq9.size() << " administrations, RCI "
                  << num(again.latest->change.rci, 2)
                  << ", same trajectory as before: " << (again == before ? "yes" : "no") << "\n";

        const auto flag = tx.get<risk_flag>(flags.front().id());
        std::cout << "flag " << flag.value.id() << ": " << to_string(flag.value.status())
                  << " after " << flag.value.data().history.size() << " changes (revision "
                  << flag.revision() << "); flags active on " << to_iso8601(report_day) << ": "
                  << storage::open_flags_of(tx, amara_id, report_day).size() << "\n";
        for (const auto& r : tx.query(storage::risk_assessments_of_client(amara_id))) {
            std::cout << "risk assessment " << r.value.id << " on "
                      << to_iso8601(r.value.assessed_on) << ": "
                      << to_string(r.value.formulated_level) << "\n";
        }
        if (const auto sp = storage::current_safety_plan_of(tx, amara_id, report_day)) {
            std::cout << "current safety plan " << sp->value.id << " v" << sp->value.plan_version
                      << ", review " << to_iso8601(sp->value.review_on) << "\n";
        }
        for (const auto& r : tx.query(storage::referrals_of_client(amara_id))) {
            std::cout << "referral " << r.value.id() << " to " << r.value.counterpart().name << ": "
                      << to_string(r.value.status()) << " (revision " << r.revision() << ")\n";
        }
        std::cout << "alerts not resolved: " << tx.query(storage::open_alerts_of(amara_id)).size()
                  << "\n";
        for (const auto& d : storage::measures_due_for_clinician(tx, berg_id, report_day)) {
            std::cout << "due for " << d.client << ": " << d.measure.instrument_id << " "
                      << to_string(d.measure.status) << "\n";
        }
        tx.commit();
    }
    return EXIT_SUCCESS;
} catch (const std::exception& e) {
    std::cerr << "theracore_demo: " << e.what() << "\n";
    return EXIT_FAILURE;
}
