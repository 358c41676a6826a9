// SPDX-License-Identifier: Apache-2.0
/// @file
/// Reading scores out of scored administrations: the one place that decides which scale is
/// "the" score of an instrument, which administrations give no score for it and why, and which
/// flag severities are critical. The adapters that feed the other areas — `adapters::series_for`
/// (outcomes/from_instrument.hpp) and `measure_observations`, `observed_scores` and
/// `critical_items` (adapters/from_administration.hpp) — all read administrations through here.
///
/// An administration that gives no score is a finding, returned as an `unscored_administration`
/// beside the results: it is never dropped silently.
#pragma once

#include <string>
#include <string_view>
#include <tuple>
#include <utility>

#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/enum.hpp>
#include <theracore/error.hpp>
#include <theracore/id.hpp>
#include <theracore/instruments/administration.hpp>
#include <theracore/instruments/instrument.hpp>
#include <theracore/instruments/score.hpp>
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace adapters {

/// Flags of this severity or above are *critical*: they raise critical-item alerts
/// (`adapters::alert_rules_for`) and risk flags (`critical_items`). PHQ-9 item 9 and CORE-10
/// item 6 are `urgent`, EPDS item 10 and the C-SSRS screener `immediate`; AUDIT's "next higher
/// zone" (`info`) is not a risk.
inline constexpr instruments::flag_severity critical_flag_severity =
    instruments::flag_severity::urgent;

/// Why an administration gave no score for the scale an adapter reads.
enum class unscored_reason {
    /// The scale could not be scored (too many missing answers, nothing answered…); `detail`
    /// has the engine's reason.
    scale_not_scored,
    /// Scored with another version of the definition than the one given: re-score its answers
    /// with this version (`administer`) to put it on the same footing.
    other_version,
    /// The instrument is not in the catalog given.
    unknown_instrument,
    /// The instrument has no total scale (DASS-21, C-SSRS screener) and no triage rule.
    no_total_scale,
    /// Missing answers could change the instrument's triage level (`observed_scores`).
    level_undetermined,
};
constexpr auto describe_enum(unscored_reason) {
    using E = unscored_reason;
    return enum_table<E, 5>{"unscored_reason",
                            {{{E::scale_not_scored, "scale_not_scored"},
                              {E::other_version, "other_version"},
                              {E::unknown_instrument, "unknown_instrument"},
                              {E::no_total_scale, "no_total_scale"},
                              {E::level_undetermined, "level_undetermined"}}}};
}

/// An administration that gave no score, and why.
struct unscored_administration {
    administration_id administration;
    std::string instrument;
    std::string instrument_version;
    instant administered_at;
    /// The scale that was read (empty when the reason is not about a scale).
    std::string scale;
    unscored_reason reason{unscored_reason::scale_not_scored};
    std::string detail;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("administration", s.administration),
                               field("instrument", s.instrument),
                               field("instrument_version", s.instrument_version),
                               field("administered_at", s.administered_at), field("scale", s.scale),
                               field("reason", s.reason), field("detail", s.detail));
    }
};

/// An administration whose critical flags could not all be evaluated because their items were
/// not answered. Not knowing whether PHQ-9 item 9 was endorsed is something the clinician must
/// see: ask the question.
struct unevaluated_flags {
    administration_id administration;
    instant administered_at;
    /// Ids of the definition's flags that could neither fire nor be ruled out.
    std::vector<std::string> flags;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("administration", s.administration),
                               field("administered_at", s.administered_at),
                               field("flags", s.flags));
    }
};

/// The scale an adapter reads: `scale_id`, or the instrument's total scale when `scale_id` is
/// empty.
/// @throws validation_error at `scale_id` when `inst` has no such scale, or no total scale and
/// `scale_id` is empty (DASS-21: name a subscale).
[[nodiscard]] THERACORE_API const instruments::scale& scale_for(const instruments::instrument& inst,
                                                                std::string_view scale_id = {});

/// The result of scale `s` of `inst` in `a`: the scored `scale_score`, or why there is none.
struct scale_reading {
    const instruments::scale_score* score = nullptr;
    std::optional<unscored_administration> unscored;
};

/// Reads scale `s` (a scale of `inst`) from administration `a` of `inst`. An administration
/// scored with another definition version, or whose scale is not scored, gives `unscored`.
/// The result points into `a`, which must outlive it.
/// @throws validation_error at `instrument` when `a` is of another instrument.
[[nodiscard]] THERACORE_API scale_reading read_scale(const instruments::instrument& inst,
                                                     const instruments::administration& a,
                                                     const instruments::scale& s);

/// The critical flags of `a` (severity at least `min_severity`) that were not evaluated, or
/// nothing when every one was. Flags `inst` does not define are reported too (a result from
/// another version), since their severity is unknown.
[[nodiscard]] THERACORE_API std::optional<unevaluated_flags> critical_flags_not_evaluated(
    const instruments::instrument& inst, const instruments::administration& a,
    instruments::flag_severity min_severity = critical_flag_severity);

}  // namespace adapters
THERACORE_NAMESPACE_END
