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
#include <theracore/detail/safety_rules.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/error.hpp>
#include <theracore/model/clinician.hpp>
#include <theracore/model/id.hpp>
#include <theracore/model/referral.hpp>
#include <theracore/model/time.hpp>

THERACORE_NAMESPACE_BEGIN

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

[[nodiscard]] inline problem_list validate(const observed_score& o) {
    problem_list p;
    detail::require_nonempty(p, "instrument_id", o.instrument_id);
    detail::safety::require_date(p, "on", o.on);
    if (o.total && !std::isfinite(*o.total)) {
        p.push_back({"total", "not a finite number"});
    }
    return p;
}

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

[[nodiscard]] inline problem_list validate(const referral_trigger& t) {
    problem_list p;
    detail::require_nonempty(p, "id", t.id);
    detail::require_nonempty(p, "instrument_id", t.instrument_id);
    if (const auto* total = std::get_if<total_at_least>(&t.condition)) {
        if (!std::isfinite(total->threshold)) {
            p.push_back({"condition.total_at_least.threshold", "not a finite number"});
        }
    } else if (const auto* level = std::get_if<level_in>(&t.condition)) {
        if (level->levels.empty()) {
            p.push_back({"condition.level_in.levels", "name at least one level"});
        }
        detail::safety::no_empty_entries(p, "condition.level_in.levels", level->levels);
    }
    if (t.consecutive_observations < 1) {
        p.push_back({"consecutive_observations", "must be at least 1"});
    }
    if (t.unless_scope_tag && t.unless_scope_tag->empty()) {
        p.push_back({"unless_scope_tag", "empty tag"});
    }
    detail::require_nonempty(p, "reason", t.reason);
    return p;
}

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
[[nodiscard]] inline problem_list validate(const referral_trigger_set& s) {
    problem_list p;
    detail::require_nonempty(p, "name", s.name);
    detail::validate_each(p, "triggers", s.triggers);
    std::set<std::string> seen;
    for (std::size_t i = 0; i < s.triggers.size(); ++i) {
        if (!s.triggers[i].id.empty() && !seen.insert(s.triggers[i].id).second) {
            p.push_back({"triggers[" + std::to_string(i) + "].id",
                         "duplicate trigger id " + s.triggers[i].id});
        }
    }
    return p;
}

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

namespace detail {
inline bool trigger_condition_holds(const trigger_condition& c, const observed_score& o) {
    if (const auto* total = std::get_if<total_at_least>(&c)) {
        return o.total && *o.total >= total->threshold;
    }
    const auto& levels = std::get<level_in>(c).levels;
    return o.level && std::find(levels.begin(), levels.end(), *o.level) != levels.end();
}

inline bool trigger_observation_applies(const trigger_condition& c, const observed_score& o) {
    return std::holds_alternative<total_at_least>(c) ? o.total.has_value() : o.level.has_value();
}
}  // namespace detail

/// The referrals `triggers` suggest on `on` for a client with `observations`, treated by
/// `treating`. Observations after `on`, of other instruments, or without the total or level a
/// condition needs are ignored; the rest are taken in date order (ties keep their given order).
/// Suggestions follow the order of the triggers. Pure; thread-safe for distinct arguments.
/// @throws validation_error when the trigger set or an observation is invalid.
[[nodiscard]] inline std::vector<suggested_referral> evaluate_referral_triggers(
    const referral_trigger_set& triggers, const std::vector<observed_score>& observations,
    const clinician& treating, date on) {
    throw_if_invalid(validate(triggers), "invalid referral trigger set");
    problem_list bad;
    detail::validate_each(bad, "observations", observations);
    throw_if_invalid(bad, "invalid observations");

    std::vector<observed_score> sorted;
    for (const auto& o : observations) {
        if (o.on <= on) {
            sorted.push_back(o);
        }
    }
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const observed_score& a, const observed_score& b) { return a.on < b.on; });

    std::vector<suggested_referral> out;
    for (const auto& t : triggers.triggers) {
        if (t.unless_scope_tag && has_scope(treating, *t.unless_scope_tag)) {
            continue;
        }
        std::vector<observed_score> relevant;
        for (const auto& o : sorted) {
            if (o.instrument_id == t.instrument_id &&
                detail::trigger_observation_applies(t.condition, o)) {
                relevant.push_back(o);
            }
        }
        const auto n = static_cast<std::size_t>(t.consecutive_observations);
        if (relevant.size() < n) {
            continue;
        }
        std::vector<observed_score> evidence(relevant.end() - static_cast<std::ptrdiff_t>(n),
                                             relevant.end());
        const bool fires =
            std::all_of(evidence.begin(), evidence.end(), [&](const observed_score& o) {
                return detail::trigger_condition_holds(t.condition, o);
            });
        if (fires) {
            out.push_back({t.id, t.refer_to, t.urgency, t.reason, std::move(evidence)});
        }
    }
    return out;
}

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
[[nodiscard]] inline referral_trigger_set standard_referral_triggers(int phq9_sessions,
                                                                     double pcl5_cutoff = 33.0) {
    referral_trigger_set s;
    s.name = "TheraCore standard scope-of-practice triggers";
    s.triggers.push_back({"phq9-persistent-severe", "phq9", total_at_least{20.0}, phq9_sessions,
                          std::nullopt, referral_party_kind::psychiatrist,
                          referral_urgency::routine,
                          "Medication evaluation: PHQ-9 in the severe range (>= 20) at each of "
                          "the last " +
                              std::to_string(phq9_sessions) + " administrations",
                          "Kroenke, Spitzer & Williams 2001 (J Gen Intern Med 16:606-613)"});
    s.triggers.push_back({"audit-possible-dependence", "audit", total_at_least{20.0}, 1,
                          std::nullopt, referral_party_kind::specialist_service,
                          referral_urgency::routine,
                          "Possible alcohol dependence: AUDIT >= 20 (zone IV); specialist "
                          "diagnostic evaluation",
                          "Babor et al. 2001, WHO/MSD/MSB/01.6a"});
    s.triggers.push_back(
        {"cssrs-high", "cssrs_screener", level_in{{"high"}}, 1, std::nullopt,
         referral_party_kind::crisis_service, referral_urgency::emergency,
         "C-SSRS screener triage high: immediate mental-health evaluation and precautions",
         "Posner et al. 2011 (Am J Psychiatry 168:1266-1277); C-SSRS triage guidelines"});
    s.triggers.push_back({"pcl5-outside-trauma-scope", "pcl5", total_at_least{pcl5_cutoff}, 1,
                          std::string("trauma-focused"), referral_party_kind::psychologist,
                          referral_urgency::routine,
                          "Probable PTSD (PCL-5 at or above the cut-off) and the clinician has no "
                          "trauma-focused scope",
                          "Weathers et al. 2013 (NCPTSD); Bovin et al. 2016"});
    throw_if_invalid(validate(s), "invalid standard trigger parameters");
    return s;
}

/// A draft outbound referral to `to` from a suggestion: its urgency and reason, the trigger as
/// `suggested_by`, and each evidence administration attached by reference.
/// @throws validation_error when the result is not a valid referral (e.g. `to` has no name).
[[nodiscard]] inline referral draft_referral(const suggested_referral& s, referral_id id,
                                             client_id client, clinician_id by, referral_party to,
                                             instant at) {
    referral::fields f;
    f.id = std::move(id);
    f.client = std::move(client);
    f.direction = referral_direction::outbound;
    f.counterpart = std::move(to);
    f.clinician = std::move(by);
    f.reason = s.reason;
    f.urgency = s.urgency;
    f.suggested_by = s.trigger_id;
    f.created_at = at;
    for (const auto& e : s.evidence) {
        if (e.administration) {
            f.attachments.push_back(
                {attachment_kind::assessment, e.administration->str(),
                 e.instrument_id + " on " + (e.on.is_special() ? "?" : to_iso8601(e.on))});
        }
    }
    return referral::create(std::move(f));
}

THERACORE_NAMESPACE_END
