// SPDX-License-Identifier: Apache-2.0
/// @file
/// The rules that raise alerts from a client's series on one instrument. Every threshold is a
/// parameter (`alert_rule_parameters`, one per instrument; the z criterion comes from the
/// `change_parameters`):
///
/// - **reliable deterioration since baseline**: the reliable change index against the first
///   point is beyond z in the worse direction. Raised on entry (the first point of a run).
/// - **reliable deterioration from the best score so far** (a relapse: PHQ-9 18 → 10 → 5 → 4 →
///   16 is not reliably worse than its baseline, but is than its best): the RCI from the best
///   earlier point to this one is beyond z in the worse direction. Raised on entry, unless the
///   baseline rule raised at the same point against a baseline that is also the best.
/// - **reliable deterioration from the previous score** (a sudden worsening between two
///   administrations): the RCI from the point before is beyond z in the worse direction. Raised
///   at each such point unless one of the two rules above raised at it already.
/// - **critical item**: a point's `fired_flags` contains a critical flag (any flag when
///   `critical_flags` is empty). Raised for every such point: each one needs a risk review.
/// - **most severe band**: a point enters the most severe band (the highest for
///   lower-is-better instruments). Raised on entry, including a baseline already there.
/// - **not on track**: at the N-th administration after baseline or later, no reliable
///   improvement since baseline (N = `not_on_track_after`, 4 by default, see
///   `default_not_on_track_after`; 0 turns it off).
///   Raised on entry. N counts scored administrations, i.e. sessions for a measure given every
///   session.
///
/// Alert ids are derived from the client, instrument, rule and triggering time, so evaluating
/// the same series again gives the same ids and a store can skip alerts it already holds.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/id.hpp>
#include <theracore/outcomes/alert.hpp>
#include <theracore/outcomes/parameters.hpp>
#include <theracore/outcomes/reliable_change.hpp>
#include <theracore/outcomes/series.hpp>
#include <theracore/outcomes/trajectory.hpp>
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
namespace outcomes {

/// The number of administrations after baseline without reliable improvement after which a
/// client is "not on track", unless configured otherwise: 4, i.e. about week 4 for a weekly
/// measure, the first critical decision point of measurement-based care in STAR*D (Trivedi MH
/// et al., Am J Psychiatry 2006;163:28-40: weeks 4, 6, 9, 12) and the 4-6-week initial-response
/// check of PHQ-9 monitoring. Psychotherapy guidance allows 8-10 weeks before changing treatment
/// (ICSI adult depression guideline), and some clients respond late, so the alert (severity
/// `info`) prompts a review of the plan, not a change of treatment.
inline constexpr int default_not_on_track_after = 4;

/// Which alert rules apply to one instrument, with their thresholds and severities.
struct alert_rule_parameters {
    std::string instrument_id;
    bool reliable_deterioration = true;
    alert_severity deterioration_severity{alert_severity::warning};
    bool deterioration_from_best = true;
    alert_severity deterioration_from_best_severity{alert_severity::warning};
    bool deterioration_from_previous = true;
    alert_severity deterioration_from_previous_severity{alert_severity::warning};
    bool critical_items = true;
    /// Flag ids that count as critical; empty means every fired flag does.
    std::vector<std::string> critical_flags;
    alert_severity critical_item_severity{alert_severity::critical};
    bool most_severe_band = true;
    alert_severity most_severe_band_severity{alert_severity::warning};
    /// N of the not-on-track rule; 0 turns the rule off.
    int not_on_track_after = default_not_on_track_after;
    alert_severity not_on_track_severity{alert_severity::info};

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(
            field("instrument_id", s.instrument_id),
            field("reliable_deterioration", s.reliable_deterioration),
            field("deterioration_severity", s.deterioration_severity),
            field("deterioration_from_best", s.deterioration_from_best),
            field("deterioration_from_best_severity", s.deterioration_from_best_severity),
            field("deterioration_from_previous", s.deterioration_from_previous),
            field("deterioration_from_previous_severity", s.deterioration_from_previous_severity),
            field("critical_items", s.critical_items), field("critical_flags", s.critical_flags),
            field("critical_item_severity", s.critical_item_severity),
            field("most_severe_band", s.most_severe_band),
            field("most_severe_band_severity", s.most_severe_band_severity),
            field("not_on_track_after", s.not_on_track_after),
            field("not_on_track_severity", s.not_on_track_severity));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const alert_rule_parameters& r);

/// Who the series belongs to and when the alerts are raised.
struct alert_context {
    client_id client;
    std::optional<episode_id> episode;
    instant now;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("client", s.client), field("episode", s.episode),
                               field("now", s.now));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const alert_context& c);

/// Every alert the rules raise over `series`, in rule order and then time order.
/// An empty series raises none.
/// @throws validation_error naming the argument: an invalid series (unsorted or duplicated time
/// points), invalid parameters or rules, parameters or rules for another instrument, a missing
/// client or time in `context`.
[[nodiscard]] THERACORE_API std::vector<alert> evaluate_alerts(const score_series& series,
                                                               const change_parameters& parameters,
                                                               const alert_rule_parameters& rules,
                                                               const alert_context& context);

}  // namespace outcomes
THERACORE_NAMESPACE_END
