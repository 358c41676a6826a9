// SPDX-License-Identifier: Apache-2.0
/// @file
/// Adapters from scored administrations to the clinical records:
///
/// - `measure_observations`: totals for measure-bound goals and dyadic summaries (care records);
/// - `observed_scores`: totals and levels for the scope-of-practice referral triggers;
/// - `critical_items` and `risk_flags_for`: fired critical flags as risk flags, with the
///   critical flags that could not be evaluated returned beside them.
///
/// Scores are read through adapters/administration_scores.hpp, so every adapter agrees on which
/// scale is the total and on which administrations give no score (returned as findings).
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

#include <theracore/adapters/administration_scores.hpp>
#include <theracore/care/measure_observation.hpp>
#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/error.hpp>
#include <theracore/instruments/administration.hpp>
#include <theracore/instruments/catalog.hpp>
#include <theracore/instruments/instrument.hpp>
#include <theracore/safety/referral_trigger.hpp>
#include <theracore/safety/risk.hpp>
#include <theracore/safety/risk_flag.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace adapters {

/// Measure observations and the administrations that gave none.
struct measure_observation_set {
    std::vector<measure_observation> observations;
    std::vector<unscored_administration> unscored;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("observations", s.observations),
                               field("unscored", s.unscored));
    }
};

/// One `measure_observation` per administration whose instrument (looked up in `instruments`)
/// has a scored total: instrument id, client, time, total, administration id. In the order
/// given. The others are returned in `unscored`: an instrument not in the catalog, one without
/// a total scale, a total not scored, or a score from another definition version.
/// @throws validation_error when an administration is invalid (`administrations[i].…`).
[[nodiscard]] THERACORE_API measure_observation_set
measure_observations(const instruments::catalog& instruments,
                     const std::vector<instruments::administration>& administrations);

/// Observed scores and the administrations that gave none (or only part).
struct observed_score_set {
    std::vector<observed_score> scores;
    std::vector<unscored_administration> unscored;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("scores", s.scores), field("unscored", s.unscored));
    }
};

/// One `observed_score` per administration with a scored total or a determined level, for
/// `evaluate_referral_triggers`:
///
/// - `on` is the UTC date of `administered_at`;
/// - `total` is the total scale's value when scored;
/// - `level` is the label of the instrument's first triage rule (C-SSRS screener: `none`,
///   `low`, `moderate`, `high`) when the answers determine it; for an instrument without a
///   triage rule, the band label of the scored total (PHQ-9 `Severe`).
///
/// A total that is not scored, or a triage level that missing answers could change, is also
/// reported in `unscored` (the score is still returned with what is known, e.g. the total
/// without the level). An administration that gives neither is only in `unscored`.
/// @throws validation_error when an administration is invalid (`administrations[i].…`).
[[nodiscard]] THERACORE_API observed_score_set
observed_scores(const instruments::catalog& instruments,
                const std::vector<instruments::administration>& administrations);

/// The risk level of a flag raised by an instrument's critical item, from the severity the
/// definition gives the item:
///
/// | instrument flag severity | risk flag severity |
/// |--------------------------|--------------------|
/// | `info`                   | `low`              |
/// | `review`                 | `moderate`         |
/// | `urgent`                 | `high`             |
/// | `immediate`              | `high`             |
///
/// `urgent` (PHQ-9 item 9, CORE-10 item 6) and `immediate` (EPDS item 10, C-SSRS screener)
/// both make `high` flags, which the note-signing gate enforces. None makes `imminent`: that is
/// the clinician's formulation, which no questionnaire answer establishes (a high C-SSRS triage
/// also makes a `high` flag, `flag_from_cssrs`). How fast to act is in the flag's review date
/// and follow-up, not in its level.
[[nodiscard]] constexpr risk_level risk_level_for(instruments::flag_severity s) noexcept {
    switch (s) {
        case instruments::flag_severity::info:
            return risk_level::low;
        case instruments::flag_severity::review:
            return risk_level::moderate;
        case instruments::flag_severity::urgent:
        case instruments::flag_severity::immediate:
            return risk_level::high;
    }
    return risk_level::high;
}

/// A critical flag of an administration that could not be evaluated because its items were
/// not answered: the clinician must ask the question. Not a risk flag — the risk is unknown,
/// not present — but never silent.
struct critical_item_not_evaluated {
    client_id client;
    std::string instrument_id;
    std::string flag_code;
    std::string flag_name;
    instruments::flag_severity severity{instruments::flag_severity::urgent};
    /// The items the flag reads (the unanswered ones among them decide).
    std::vector<std::string> items;
    instant when;
    administration_id administration;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("client", s.client), field("instrument_id", s.instrument_id),
                               field("flag_code", s.flag_code), field("flag_name", s.flag_name),
                               field("severity", s.severity), field("items", s.items),
                               field("when", s.when), field("administration", s.administration));
    }
};

/// The critical items of one administration: those that fired and those that could not be
/// evaluated. Both lists must be shown; a caller cannot take one without the other.
struct critical_item_findings {
    std::vector<critical_item_fired> fired;
    std::vector<critical_item_not_evaluated> not_evaluated;
};

/// The critical items of administration `a` of `inst`: each flag of severity `min_severity` or
/// above (default `critical_flag_severity`: urgent and immediate) that fired, as a
/// `critical_item_fired` (client, instrument, item, the definition's flag id, `risk_level_for`
/// its severity, the administration time and id; review date and follow-up left to
/// `flag_from_critical_item`'s defaults), and each such flag the engine could not evaluate.
///
/// `item_id` is the flag's item (`phq9_9`); a flag over several items (C-SSRS Q4, Q5 or Q6b)
/// names them all, joined by " or ", since the score result does not say which one fired.
/// @throws validation_error when `a` is invalid, of another instrument (`instrument`) or
/// scored with another version of the definition (`instrument_version`: re-score it first, as
/// its flags may differ), or when `a` reports a flag `inst` does not define.
[[nodiscard]] THERACORE_API critical_item_findings
critical_items(const instruments::instrument& inst, const instruments::administration& a,
               instruments::flag_severity min_severity = critical_flag_severity);

/// The id of the risk flag raised for flag `flag_code` of administration `administration`:
/// `"<administration id>/<flag code>"`, so that raising the flags of an administration again
/// gives the same ids and a store can skip those it holds.
[[nodiscard]] inline flag_id critical_item_flag_id(const administration_id& administration,
                                                   const std::string& flag_code) {
    return flag_id(administration.str() + "/" + flag_code);
}

/// An open risk flag (`flag_from_critical_item`) for each fired critical item in `findings`,
/// with ids from `critical_item_flag_id`. `findings.not_evaluated` raises no flag: show it.
/// @throws validation_error as `flag_from_critical_item` (an item without a client, time…).
[[nodiscard]] THERACORE_API std::vector<risk_flag> risk_flags_for(
    const critical_item_findings& findings);

}  // namespace adapters
THERACORE_NAMESPACE_END
