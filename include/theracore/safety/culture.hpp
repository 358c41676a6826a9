// SPDX-License-Identifier: Apache-2.0
/// @file
/// Cultural formulation records following the four domains of the DSM-5 Cultural Formulation
/// Interview (CFI; American Psychiatric Association 2013, DSM-5 Section III), linked to the
/// client's `cultural_profile` (people/client.hpp).
///
/// The record keeps the client's account in their own words, domain by domain; the clinician's
/// synthesis goes in `overall_assessment`. TheraCore ships no CFI question wording.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <theracore/coded_concept.hpp>
#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/enum.hpp>
#include <theracore/error.hpp>
#include <theracore/id.hpp>
#include <theracore/people/client.hpp>
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace safety {

/// Identifier of a cultural formulation (id.hpp has no kind for it yet).
struct cultural_formulation_id_tag {
    static constexpr const char* name = "cultural_formulation_id";
};
using cultural_formulation_id = basic_id<cultural_formulation_id_tag>;

/// CFI domain 1, cultural definition of the problem (core questions 1–3). An empty optional
/// means "not asked", an empty string "asked, nothing said".
struct cfi_problem_definition {
    std::optional<std::string> problem_in_own_words;  ///< Q1
    std::optional<std::string> how_others_describe;   ///< Q2: family, friends, community
    std::optional<std::string> most_troubling;        ///< Q3

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("problem_in_own_words", s.problem_in_own_words),
                               field("how_others_describe", s.how_others_describe),
                               field("most_troubling", s.most_troubling));
    }
};

/// CFI domain 2, cultural perceptions of cause, context and support (questions 4–10).
struct cfi_cause_context_support {
    std::optional<std::string> causes;                 ///< Q4
    std::optional<std::string> others_views_of_cause;  ///< Q5
    std::optional<std::string> supports;               ///< Q6
    std::optional<std::string> stressors;              ///< Q7
    std::optional<std::string> cultural_identity;      ///< Q8–10: the role of cultural identity

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("causes", s.causes),
                               field("others_views_of_cause", s.others_views_of_cause),
                               field("supports", s.supports), field("stressors", s.stressors),
                               field("cultural_identity", s.cultural_identity));
    }
};

/// CFI domain 3, cultural factors affecting self-coping and past help seeking (questions 11–13).
struct cfi_coping_and_past_help {
    std::optional<std::string> self_coping;        ///< Q11
    std::optional<std::string> past_help_seeking;  ///< Q12
    std::optional<std::string> barriers;           ///< Q13

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("self_coping", s.self_coping),
                               field("past_help_seeking", s.past_help_seeking),
                               field("barriers", s.barriers));
    }
};

/// CFI domain 4, cultural factors affecting current help seeking (questions 14–16).
struct cfi_current_help_seeking {
    std::optional<std::string> preferences;             ///< Q14–15: what help would be useful
    std::optional<std::string> clinician_relationship;  ///< Q16

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("preferences", s.preferences),
                               field("clinician_relationship", s.clinician_relationship));
    }
};

/// Who answered: the client (core CFI) or an informant (the CFI Informant Version).
enum class cfi_respondent { client, informant };
constexpr auto describe_enum(cfi_respondent) {
    using E = cfi_respondent;
    return enum_table<E, 2>{"cfi_respondent",
                            {{{E::client, "client"}, {E::informant, "informant"}}}};
}

/// A cultural formulation. Rules (`validate`): an id, a client, a clinician and a date; an
/// informant interview names the informant and their relationship; an interview language is a
/// BCP-47 tag; cultural concepts of distress are complete coded concepts; and at least one
/// domain has been explored (an empty formulation says nothing).
struct cultural_formulation {
    static constexpr const char* schema_name = "theracore.cultural_formulation";
    static constexpr int schema_version = 1;

    cultural_formulation_id id;
    client_id client;
    std::optional<episode_id> episode;
    clinician_id clinician;
    date recorded_on;
    cfi_respondent respondent{cfi_respondent::client};
    std::optional<std::string> informant_name;
    std::optional<std::string> informant_relationship;
    /// The language of the interview (BCP-47), and whether an interpreter was used.
    std::optional<coded_concept> language;
    bool interpreter_used = false;
    cfi_problem_definition problem_definition;
    cfi_cause_context_support cause_context_support;
    cfi_coping_and_past_help coping_and_past_help;
    cfi_current_help_seeking current_help_seeking;
    /// Cultural concepts of distress the client uses (idioms, explanations, syndromes), coded in
    /// the integrator's terminology.
    std::vector<coded_concept> cultural_concepts_of_distress;
    /// The clinician's overall cultural assessment and its implications for care.
    std::optional<std::string> overall_assessment;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(
            field("id", s.id), field("client", s.client), field("episode", s.episode),
            field("clinician", s.clinician), field("recorded_on", s.recorded_on),
            field("respondent", s.respondent), field("informant_name", s.informant_name),
            field("informant_relationship", s.informant_relationship),
            field("language", s.language), field("interpreter_used", s.interpreter_used),
            field("problem_definition", s.problem_definition),
            field("cause_context_support", s.cause_context_support),
            field("coping_and_past_help", s.coping_and_past_help),
            field("current_help_seeking", s.current_help_seeking),
            field("cultural_concepts_of_distress", s.cultural_concepts_of_distress),
            field("overall_assessment", s.overall_assessment));
    }
};

/// True when any domain of `f` holds an answer.
[[nodiscard]] THERACORE_API bool any_domain_explored(const cultural_formulation& f);

/// Every problem of `f` (see `cultural_formulation`).
[[nodiscard]] THERACORE_API problem_list validate(const cultural_formulation& f);

/// The client's cultural profile as `f` describes it, for the integrator to store on the client
/// (`client::culture`) when the clinician confirms it. Each profile field is built from the CFI
/// answers it corresponds to, as labelled lines; a field with no answer stays empty (not
/// explored):
///
/// | profile field            | CFI answers                                                   |
/// |--------------------------|---------------------------------------------------------------|
/// | cultural_identity        | domain 2: role of cultural identity                            |
/// | explanation_of_problem   | domain 1: own words, others' description, most troubling; domain 2:
/// causes, others' views | | stressors_and_supports   | domain 2: stressors, supports | |
/// help_seeking             | domain 3: self-coping, past help, barriers; domain 4: preferences |
/// | clinician_relationship   | domain 4: clinician–patient relationship                       |
[[nodiscard]] THERACORE_API cultural_profile derive_cultural_profile(const cultural_formulation& f);

}  // namespace safety
THERACORE_NAMESPACE_END
