// SPDX-License-Identifier: Apache-2.0
/// @file
/// Scope-of-practice triggers: data-driven rules that suggest a referral when a client's scores
/// show a need beyond the clinician's scope ("PHQ-9 stays at or above 20 for N sessions →
/// medication evaluation"). A trigger is data with parameters; `evaluate_referral_triggers` is
/// the only code path, so a new rule is a new value, not new code.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/error.hpp>
#include <theracore/id.hpp>
#include <theracore/people/clinician.hpp>
#include <theracore/safety/referral.hpp>
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace safety {

/// One score as a trigger sees it: the instrument, the date, and the total and/or a level (a
/// band label or a triage level such as the C-SSRS screener's "high"). Deliberately minimal so
/// that any score source can feed it.
struct observed_score {
    std::string instrument_id;
    date on;
    std::optional<double> total;
    std::optional<std::string> level;
    std::optional<administration_id> administration;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("instrument_id", s.instrument_id), field("on", s.on),
                               field("total", s.total), field("level", s.level),
                               field("administration", s.administration));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const observed_score& o);

/// The condition holds when the total is at or above `threshold`.
struct total_at_least {
    static constexpr const char* variant_tag = "total_at_least";
    double threshold = 0;

    template <class Self>
    static auto describe(Self& s) {
        return std::make_tuple(detail::field("threshold", s.threshold));
    }
};

/// The condition holds when the level is one of `levels`.
struct level_in {
    static constexpr const char* variant_tag = "level_in";
    std::vector<std::string> levels;

    template <class Self>
    static auto describe(Self& s) {
        return std::make_tuple(detail::field("levels", s.levels));
    }
};

using trigger_condition = std::variant<total_at_least, level_in>;

/// A scope-of-practice trigger. It fires on a date when its condition holds for each of the
/// `consecutive_observations` most recent observations of `instrument_id` up to that date (those
/// that carry a total, or a level, as the condition needs) — unless the clinician carries
/// `unless_scope_tag` in their scope of practice.
struct referral_trigger {
    std::string id;
    std::string instrument_id;
    trigger_condition condition;
    int consecutive_observations = 1;
    std::optional<std::string> unless_scope_tag;
    referral_party_kind refer_to{referral_party_kind::other};
    referral_urgency urgency{referral_urgency::routine};
    std::string reason;
    /// Where the threshold comes from, e.g. "Babor et al. 2001, zone IV".
    std::string source;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("id", s.id), field("instrument_id", s.instrument_id),
                               field("condition", s.condition),
                               field("consecutive_observations", s.consecutive_observations),
                               field("unless_scope_tag", s.unless_scope_tag),
                               field("refer_to", s.refer_to), field("urgency", s.urgency),
                               field("reason", s.reason), field("source", s.source));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const referral_trigger& t);

/// A named set of triggers, as an integrator configures them.
struct referral_trigger_set {
    static constexpr const char* schema_name = "theracore.referral_trigger_set";
    static constexpr int schema_version = 1;

    std::string name;
    std::vector<referral_trigger> triggers;

    template <class Self>
    static auto describe(Self& s) {
        return std::make_tuple(detail::field("name", s.name),
                               detail::field("triggers", s.triggers));
    }
};

/// Problems of `s`: a name, valid triggers, no trigger id twice.
[[nodiscard]] THERACORE_API problem_list validate(const referral_trigger_set& s);

/// A referral a trigger suggests, with the observations that made it fire.
struct suggested_referral {
    std::string trigger_id;
    referral_party_kind refer_to{referral_party_kind::other};
    referral_urgency urgency{referral_urgency::routine};
    std::string reason;
    std::vector<observed_score> evidence;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("trigger_id", s.trigger_id), field("refer_to", s.refer_to),
                               field("urgency", s.urgency), field("reason", s.reason),
                               field("evidence", s.evidence));
    }
};

/// The referrals `triggers` suggest on `on` for a client with `observations`, treated by
/// `treating`. Observations after `on`, of other instruments, or without the total or level a
/// condition needs are ignored; the rest are taken in date order (ties keep their given order).
/// Suggestions follow the order of the triggers. Pure; thread-safe for distinct arguments.
/// @throws validation_error when the trigger set or an observation is invalid.
[[nodiscard]] THERACORE_API std::vector<suggested_referral> evaluate_referral_triggers(
    const referral_trigger_set& triggers, const std::vector<observed_score>& observations,
    const clinician& treating, date on);

/// The four triggers the issue names, with thresholds from TheraCore's instruments reference:
/// - `phq9-persistent-severe`: PHQ-9 ≥ 20 (severe band, Kroenke et al. 2001; §2.1) at each of
///   the last `phq9_sessions` administrations → psychiatrist, routine, medication evaluation;
/// - `audit-possible-dependence`: AUDIT ≥ 20 (zone IV, "referral to specialist for diagnostic
///   evaluation", Babor et al. 2001; §2.8) → specialist service, routine;
/// - `cssrs-high`: C-SSRS screener triage "high" (immediate safety action, §2.18) → crisis
///   service, emergency;
/// - `pcl5-outside-trauma-scope`: PCL-5 ≥ `pcl5_cutoff` (31–33 per NCPTSD, library default 33;
///   §2.6) when the clinician lacks the "trauma-focused" scope tag → psychologist, routine.
///
/// Instrument ids are `phq9`, `audit`, `cssrs_screener` and `pcl5`. These are starting values for
/// an integrator to review, not clinical policy.
/// @throws validation_error when `phq9_sessions` < 1 or `pcl5_cutoff` is not finite.
[[nodiscard]] THERACORE_API referral_trigger_set
standard_referral_triggers(int phq9_sessions, double pcl5_cutoff = 33.0);

/// A draft outbound referral to `to` from a suggestion: its urgency and reason, the trigger as
/// `suggested_by`, and each evidence administration attached by reference.
/// @throws validation_error when the result is not a valid referral (e.g. `to` has no name).
[[nodiscard]] THERACORE_API referral draft_referral(const suggested_referral& s, referral_id id,
                                                    client_id client, clinician_id by,
                                                    referral_party to, instant at);

}  // namespace safety
THERACORE_NAMESPACE_END
