// SPDX-License-Identifier: Apache-2.0
/// @file
/// Suicide-risk assessment: the C-SSRS screener answers and their triage level, risk and
/// protective factors, the clinician's formulated risk level and the actions taken.
///
/// TheraCore records what the clinician enters and derives only what the screener's published
/// triage defines (`cssrs_screener_triage` in adapters/cssrs_screener.hpp, which runs the triage
/// rule of the screener's instrument definition). The formulated risk level is the clinician's
/// judgement; the library never computes it.
#pragma once

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
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace safety {

/// A level of suicide risk as a clinician formulates it; also the severity of a risk flag.
/// Ordered: `low < moderate < high < imminent` (the built-in relational operators apply).
enum class risk_level { low, moderate, high, imminent };
constexpr auto describe_enum(risk_level) {
    using E = risk_level;
    return enum_table<E, 4>{"risk_level",
                            {{{E::low, "low"},
                              {E::moderate, "moderate"},
                              {E::high, "high"},
                              {E::imminent, "imminent"}}}};
}

/// The triage level of the C-SSRS screener. `none` means no answer was Yes. Ordered like
/// `risk_level`: `none < low < moderate < high`.
enum class cssrs_triage { none, low, moderate, high };
constexpr auto describe_enum(cssrs_triage) {
    using E = cssrs_triage;
    return enum_table<E, 4>{
        "cssrs_triage",
        {{{E::none, "none"}, {E::low, "low"}, {E::moderate, "moderate"}, {E::high, "high"}}}};
}

/// The answers to the C-SSRS screener, "recent" version (Posner et al. 2011; TheraCore's
/// instruments reference §2.18). Q1–Q5 cover the past month; Q6 is lifetime, with Q6b asking
/// whether it was within the past 3 months.
///
/// Skip rule: when Q2 is No, Q3–Q5 are not asked (they must be empty); when Q2 is Yes they are
/// required. Q6b is asked only when Q6 is Yes. `validate` enforces both.
struct cssrs_screener_answers {
    bool q1 = false;                       ///< wish to be dead
    bool q2 = false;                       ///< non-specific active suicidal thoughts
    std::optional<bool> q3;                ///< active ideation with a method, no plan or intent
    std::optional<bool> q4;                ///< active ideation with some intent, no specific plan
    std::optional<bool> q5;                ///< active ideation with a specific plan and intent
    bool q6 = false;                       ///< suicidal behaviour, lifetime
    std::optional<bool> q6_past_3_months;  ///< Q6b: was the behaviour within the past 3 months

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("q1", s.q1), field("q2", s.q2), field("q3", s.q3),
                               field("q4", s.q4), field("q5", s.q5), field("q6", s.q6),
                               field("q6_past_3_months", s.q6_past_3_months));
    }
};

/// Every break of the screener's skip rule, with the question as the path.
[[nodiscard]] THERACORE_API problem_list validate(const cssrs_screener_answers& a);

// The triage itself (which answers reach which level) is not encoded here: it is the derived
// rule `risk_level` of the C-SSRS screener's instrument definition
// (src/instruments/definitions/cssrs_screener.json), run by the instrument engine.
// `cssrs_screener_triage(screener, answers)` in adapters/cssrs_screener.hpp applies it to these
// answers; adapters/builtin_cssrs_screener.hpp does so with the built-in definition.

/// The risk level a screener triage corresponds to; nothing for `none`.
[[nodiscard]] constexpr std::optional<risk_level> to_risk_level(cssrs_triage t) noexcept {
    switch (t) {
        case cssrs_triage::low:
            return risk_level::low;
        case cssrs_triage::moderate:
            return risk_level::moderate;
        case cssrs_triage::high:
            return risk_level::high;
        case cssrs_triage::none:
            break;
    }
    return std::nullopt;
}

/// A screener administration as recorded: the answers and the triage derived from them. The
/// triage is stored so that a reader of the record sees what the clinician saw; `validate`
/// checks the answers, `check_cssrs_screener` (adapters/cssrs_screener.hpp) that the triage still
/// matches them under the screener's definition.
struct cssrs_screener_result {
    cssrs_screener_answers answers;
    cssrs_triage triage{cssrs_triage::none};

    template <class Self>
    static auto describe(Self& s) {
        return std::make_tuple(detail::field("answers", s.answers),
                               detail::field("triage", s.triage));
    }
};

/// Every break of the answers' skip rule, with paths under `answers`. Whether `triage` matches
/// the answers is a question for the instrument definition that defines the triage:
/// `check_cssrs_screener(screener, result)` (adapters/cssrs_screener.hpp) answers it.
[[nodiscard]] THERACORE_API problem_list validate(const cssrs_screener_result& r);

/// One risk or protective factor: a code from the integrator's own terminology, free text, or
/// both ("coded list with free text"). TheraCore ships no factor terminology.
struct risk_factor {
    std::optional<coded_concept> code;
    std::string description;

    template <class Self>
    static auto describe(Self& s) {
        return std::make_tuple(detail::field("code", s.code),
                               detail::field("description", s.description));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const risk_factor& f);

/// What was done in response to the assessed risk.
enum class risk_action_kind {
    safety_plan_created,
    safety_plan_reviewed,
    means_restriction_counselling,
    increased_contact,
    support_person_contacted,
    referral_made,
    emergency_services_contacted,
    hospital_admission_arranged,
    consultation,
    other,
};
constexpr auto describe_enum(risk_action_kind) {
    using E = risk_action_kind;
    return enum_table<E, 10>{"risk_action_kind",
                             {{{E::safety_plan_created, "safety_plan_created"},
                               {E::safety_plan_reviewed, "safety_plan_reviewed"},
                               {E::means_restriction_counselling, "means_restriction_counselling"},
                               {E::increased_contact, "increased_contact"},
                               {E::support_person_contacted, "support_person_contacted"},
                               {E::referral_made, "referral_made"},
                               {E::emergency_services_contacted, "emergency_services_contacted"},
                               {E::hospital_admission_arranged, "hospital_admission_arranged"},
                               {E::consultation, "consultation"},
                               {E::other, "other"}}}};
}

/// One action taken, optionally linked to the safety plan or referral it produced.
struct risk_action {
    risk_action_kind kind{risk_action_kind::other};
    std::string description;
    std::optional<safety_plan_id> safety_plan;
    std::optional<referral_id> referral;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("kind", s.kind), field("description", s.description),
                               field("safety_plan", s.safety_plan), field("referral", s.referral));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const risk_action& a);

/// A suicide-risk assessment. Rules (`validate`):
/// - an id, a client, an assessor and a date;
/// - a screener result whose answers keep the skip rule (whether its triage matches them is
///   `check_cssrs_screener`'s question, since the triage is the instrument definition's);
/// - every factor has a code or a description; an `other` action says what it was;
/// - a `high` or `imminent` formulation lists at least one action taken;
/// - a formulated level below the screener's triage needs the clinician's reasoning in
///   `formulation` (a clinician may judge the risk lower, but must say why);
/// - the next review is not before the assessment.
struct risk_assessment {
    static constexpr const char* schema_name = "theracore.risk_assessment";
    static constexpr int schema_version = 1;

    risk_assessment_id id;
    client_id client;
    std::optional<episode_id> episode;
    std::optional<session_id> session;
    clinician_id assessor;
    date assessed_on;
    std::optional<cssrs_screener_result> cssrs_screener;
    std::vector<risk_factor> risk_factors;
    std::vector<risk_factor> protective_factors;
    risk_level formulated_level{risk_level::low};
    /// The clinician's reasoning for the formulated level.
    std::string formulation;
    std::vector<risk_action> actions;
    std::optional<date> next_review;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(
            field("id", s.id), field("client", s.client), field("episode", s.episode),
            field("session", s.session), field("assessor", s.assessor),
            field("assessed_on", s.assessed_on), field("cssrs_screener", s.cssrs_screener),
            field("risk_factors", s.risk_factors),
            field("protective_factors", s.protective_factors),
            field("formulated_level", s.formulated_level), field("formulation", s.formulation),
            field("actions", s.actions), field("next_review", s.next_review));
    }
};

/// Every problem of `a` (see `risk_assessment`).
[[nodiscard]] THERACORE_API problem_list validate(const risk_assessment& a);

}  // namespace safety
THERACORE_NAMESPACE_END
