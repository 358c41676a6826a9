// SPDX-License-Identifier: Apache-2.0
#include <theracore/care/intervention.hpp>

#include "detail/care_validation.hpp"

THERACORE_NAMESPACE_BEGIN
inline namespace care {

problem_list validate(const intervention_modality& m) {
    problem_list p;
    detail::append_prefixed(p, "code", validate(m.code));
    detail::require_nonempty(p, "description", m.description);
    if (m.evidence.empty()) {
        p.push_back({"evidence", "at least one evidence reference is required"});
    }
    for (std::size_t i = 0; i < m.evidence.size(); ++i) {
        detail::require_nonempty(p, detail::indexed("evidence", i), m.evidence[i]);
    }
    return p;
}

namespace {

intervention_modality builtin_modality(const char* code, const char* display,
                                       const char* description, std::vector<std::string> evidence) {
    return {coded_concept{code_systems::theracore_interventions, code, display}, description,
            std::move(evidence)};
}

}  // namespace

intervention_catalog intervention_catalog::create(fields f) {
    throw_if_invalid(check(f), "invalid intervention_catalog");
    return intervention_catalog(std::move(f));
}

problem_list intervention_catalog::check(const fields& f) {
    problem_list p;
    detail::validate_each(p, "modalities", f.modalities);
    for (std::size_t i = 0; i < f.modalities.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (same_code(f.modalities[i].code, f.modalities[j].code)) {
                p.push_back({detail::indexed("modalities", i) + ".code",
                             "code " + f.modalities[i].code.code + " is already modalities[" +
                                 std::to_string(j) + "]"});
            }
        }
    }
    return p;
}

intervention_catalog intervention_catalog::builtin() {
    fields f;
    f.modalities = {
        builtin_modality(
            "cbt", "Cognitive behavioural therapy",
            "Structured, present-focused therapy that identifies and tests unhelpful thoughts "
            "and behaviours, with homework between sessions.",
            {"Beck AT, Rush AJ, Shaw BF, Emery G. Cognitive Therapy of Depression. New York: "
             "Guilford Press; 1979.",
             "Hofmann SG, Asnaani A, Vonk IJJ, Sawyer AT, Fang A. The efficacy of cognitive "
             "behavioral therapy: a review of meta-analyses. Cognit Ther Res. "
             "2012;36(5):427-440.",
             "NICE guideline NG222. Depression in adults: treatment and management. 2022."}),
        builtin_modality(
            "dbt", "Dialectical behaviour therapy",
            "Skills training (mindfulness, distress tolerance, emotion regulation, "
            "interpersonal effectiveness) with individual therapy, diary cards and coaching, "
            "for emotion dysregulation and self-harm.",
            {"Linehan MM, Comtois KA, Murray AM, et al. Two-year randomized controlled trial "
             "and follow-up of dialectical behavior therapy vs therapy by experts for suicidal "
             "behaviors and borderline personality disorder. Arch Gen Psychiatry. "
             "2006;63(7):757-766."}),
        builtin_modality(
            "act", "Acceptance and commitment therapy",
            "Builds psychological flexibility: acceptance of difficult experience, cognitive "
            "defusion, present-moment awareness and committed action towards values.",
            {"A-Tjak JGL, Davis ML, Morina N, Powers MB, Smits JAJ, Emmelkamp PMG. A "
             "meta-analysis of the efficacy of acceptance and commitment therapy for "
             "clinically relevant mental and physical health problems. Psychother Psychosom. "
             "2015;84(1):30-36."}),
        builtin_modality(
            "mindfulness_based", "Mindfulness-based therapy (MBCT/MBSR)",
            "Group programmes of mindfulness practice; MBCT adds cognitive therapy elements "
            "to prevent depressive relapse, MBSR targets stress.",
            {"Kuyken W, Warren FC, Taylor RS, et al. Efficacy of mindfulness-based cognitive "
             "therapy in prevention of depressive relapse: an individual patient data "
             "meta-analysis from randomized trials. JAMA Psychiatry. 2016;73(6):565-574.",
             "NICE guideline NG222. Depression in adults: treatment and management. 2022."}),
        builtin_modality(
            "psychodynamic", "Psychodynamic psychotherapy",
            "Explores unconscious patterns, past relationships and their repetition in the "
            "therapeutic relationship to increase insight and change.",
            {"Shedler J. The efficacy of psychodynamic psychotherapy. Am Psychol. "
             "2010;65(2):98-109.",
             "Leichsenring F, Rabung S. Effectiveness of long-term psychodynamic "
             "psychotherapy: a meta-analysis. JAMA. 2008;300(13):1551-1565."}),
        builtin_modality(
            "ipt", "Interpersonal psychotherapy",
            "Time-limited therapy linking mood to interpersonal problem areas: grief, role "
            "disputes, role transitions and interpersonal deficits.",
            {"Cuijpers P, Geraedts AS, van Oppen P, Andersson G, Markowitz JC, van Straten A. "
             "Interpersonal psychotherapy for depression: a meta-analysis. Am J Psychiatry. "
             "2011;168(6):581-592."}),
        builtin_modality(
            "emdr", "Eye movement desensitisation and reprocessing",
            "Trauma-focused therapy that processes traumatic memories while the client "
            "attends to bilateral stimulation.",
            {"Shapiro F. Efficacy of the eye movement desensitization procedure in the "
             "treatment of traumatic memories. J Trauma Stress. 1989;2(2):199-223.",
             "NICE guideline NG116. Post-traumatic stress disorder. 2018."}),
        builtin_modality(
            "tf_cbt", "Trauma-focused cognitive behavioural therapy",
            "CBT for traumatised children and adolescents with caregiver involvement: "
            "psychoeducation, coping skills, trauma narrative and in-vivo mastery.",
            {"Cohen JA, Deblinger E, Mannarino AP, Steer RA. A multisite, randomized "
             "controlled trial for children with sexual abuse-related PTSD symptoms. J Am "
             "Acad Child Adolesc Psychiatry. 2004;43(4):393-402."}),
        builtin_modality(
            "prolonged_exposure", "Prolonged exposure therapy",
            "Repeated imaginal and in-vivo exposure to trauma memories and reminders until "
            "fear and avoidance decrease.",
            {"Foa EB, Dancu CV, Hembree EA, Jaycox LH, Meadows EA, Street GP. A comparison "
             "of exposure therapy, stress inoculation training, and their combination for "
             "reducing posttraumatic stress disorder in female assault victims. J Consult "
             "Clin Psychol. 1999;67(2):194-200.",
             "American Psychological Association. Clinical Practice Guideline for the "
             "Treatment of Posttraumatic Stress Disorder (PTSD) in Adults. 2017."}),
        builtin_modality(
            "cpt", "Cognitive processing therapy",
            "Manualised trauma therapy that identifies and challenges 'stuck points' about "
            "the trauma (safety, trust, power, esteem, intimacy).",
            {"Resick PA, Nishith P, Weaver TL, Astin MC, Feuer CA. A comparison of cognitive "
             "processing therapy with prolonged exposure and a waiting condition for the "
             "treatment of chronic posttraumatic stress disorder in female rape victims. J "
             "Consult Clin Psychol. 2002;70(4):867-879.",
             "American Psychological Association. Clinical Practice Guideline for the "
             "Treatment of Posttraumatic Stress Disorder (PTSD) in Adults. 2017."}),
        builtin_modality(
            "motivational_interviewing", "Motivational interviewing",
            "Collaborative, goal-oriented conversation that strengthens the client's own "
            "motivation for change by exploring and resolving ambivalence.",
            {"Miller WR, Rollnick S. Motivational Interviewing: Helping People Change. 3rd "
             "ed. New York: Guilford Press; 2013.",
             "Lundahl BW, Kunz C, Brownell C, Tollefson D, Burke BL. A meta-analysis of "
             "motivational interviewing: twenty-five years of empirical studies. Res Soc Work "
             "Pract. 2010;20(2):137-160."}),
        builtin_modality(
            "problem_solving", "Problem-solving therapy",
            "Teaches a stepwise method to define problems, generate and weigh solutions, act "
            "and review, for depression and stress.",
            {"Cuijpers P, van Straten A, Warmerdam L. Problem solving therapies for "
             "depression: a meta-analysis. Eur Psychiatry. 2007;22(1):9-15."}),
        builtin_modality(
            "behavioural_activation", "Behavioural activation",
            "Schedules valued and rewarding activities and reduces avoidance to lift mood.",
            {"Dimidjian S, Hollon SD, Dobson KS, et al. Randomized trial of behavioral "
             "activation, cognitive therapy, and antidepressant medication in the acute "
             "treatment of adults with major depression. J Consult Clin Psychol. "
             "2006;74(4):658-670.",
             "Richards DA, Ekers D, McMillan D, et al. Cost and Outcome of Behavioural "
             "Activation versus Cognitive Behavioural Therapy for Depression (COBRA): a "
             "randomised, controlled, non-inferiority trial. Lancet. "
             "2016;388(10047):871-880."}),
        builtin_modality(
            "family_systems", "Family systems therapy",
            "Works with the family as a system: patterns, roles, boundaries and "
            "communication that maintain a problem.",
            {"Bowen M. Family Therapy in Clinical Practice. New York: Jason Aronson; 1978.",
             "Carr A. Family therapy and systemic interventions for child-focused problems: "
             "the current evidence base. J Fam Ther. 2019;41(2):153-213."}),
        builtin_modality(
            "eft_couples", "Emotionally focused couples therapy",
            "Attachment-based couple therapy that de-escalates negative cycles and "
            "restructures emotional bonds between partners.",
            {"Johnson SM, Hunsley J, Greenberg L, Schindler D. Emotionally focused couples "
             "therapy: status and challenges. Clin Psychol Sci Pract. 1999;6(1):67-79."}),
        builtin_modality(
            "gottman_method", "Gottman method couples therapy",
            "Assessment-led couple therapy that builds friendship, manages conflict and "
            "creates shared meaning; its basis is mainly observational research on couple "
            "interaction rather than randomised trials.",
            {"Gottman JM, Levenson RW. Marital processes predictive of later dissolution: "
             "behavior, physiology, and health. J Pers Soc Psychol. 1992;63(2):221-233.",
             "Gottman JM. The Marriage Clinic: A Scientifically Based Marital Therapy. New "
             "York: WW Norton; 1999."}),
        builtin_modality(
            "grief_focused", "Grief-focused therapy",
            "Targets prolonged or complicated grief: accepting the loss, revisiting the "
            "death and restoring life goals and relationships.",
            {"Shear K, Frank E, Houck PR, Reynolds CF. Treatment of complicated grief: a "
             "randomized controlled trial. JAMA. 2005;293(21):2601-2608."}),
        builtin_modality(
            "supportive_counselling", "Supportive counselling",
            "Non-directive, empathic listening that helps the client express feelings and "
            "find their own solutions, without specific techniques.",
            {"Cuijpers P, Driessen E, Hollon SD, van Oppen P, Barth J, Andersson G. The "
             "efficacy of non-directive supportive therapy for adult depression: a "
             "meta-analysis. Clin Psychol Rev. 2012;32(4):280-291."}),
    };
    return create(std::move(f));
}

const intervention_modality* intervention_catalog::find(const coded_concept& code) const noexcept {
    const auto it =
        std::find_if(f_.modalities.begin(), f_.modalities.end(),
                     [&](const intervention_modality& m) { return same_code(m.code, code); });
    return it == f_.modalities.end() ? nullptr : &*it;
}

const intervention_modality& intervention_catalog::at(const std::string& code,
                                                      const std::string& system) const {
    const auto* m = find(coded_concept{system, code, {}});
    if (m == nullptr) {
        throw not_found("intervention catalog has no modality " + system + "|" + code);
    }
    return *m;
}

void intervention_catalog::add(intervention_modality m) {
    throw_if_invalid(validate(m), "invalid intervention_modality");
    if (contains(m.code)) {
        throw conflict("intervention catalog already has " + m.code.system + "|" + m.code.code);
    }
    f_.modalities.push_back(std::move(m));
}

coded_concept builtin_intervention(const std::string& code) {
    static const intervention_catalog catalog = intervention_catalog::builtin();
    return catalog.at(code).code;
}

bool operator==(const intervention_catalog& a, const intervention_catalog& b) {
    return a.f_ == b.f_;
}

}  // namespace care
THERACORE_NAMESPACE_END
