// SPDX-License-Identifier: Apache-2.0
#include <theracore/safety/referral_trigger.hpp>

#include "detail/safety_rules.hpp"

THERACORE_NAMESPACE_BEGIN
inline namespace safety {

problem_list validate(const observed_score& o) {
    problem_list p;
    detail::require_nonempty(p, "instrument_id", o.instrument_id);
    detail::safety::require_date(p, "on", o.on);
    if (o.total && !std::isfinite(*o.total)) {
        p.push_back({"total", "not a finite number"});
    }
    return p;
}

problem_list validate(const referral_trigger& t) {
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

problem_list validate(const referral_trigger_set& s) {
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

namespace {

bool trigger_condition_holds(const trigger_condition& c, const observed_score& o) {
    if (const auto* total = std::get_if<total_at_least>(&c)) {
        return o.total && *o.total >= total->threshold;
    }
    const auto& levels = std::get<level_in>(c).levels;
    return o.level && std::find(levels.begin(), levels.end(), *o.level) != levels.end();
}

bool trigger_observation_applies(const trigger_condition& c, const observed_score& o) {
    return std::holds_alternative<total_at_least>(c) ? o.total.has_value() : o.level.has_value();
}
}  // namespace

std::vector<suggested_referral> evaluate_referral_triggers(
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
            if (o.instrument_id == t.instrument_id && trigger_observation_applies(t.condition, o)) {
                relevant.push_back(o);
            }
        }
        const auto n = static_cast<std::size_t>(t.consecutive_observations);
        if (relevant.size() < n) {
            continue;
        }
        std::vector<observed_score> evidence(relevant.end() - static_cast<std::ptrdiff_t>(n),
                                             relevant.end());
        const bool fires = std::all_of(
            evidence.begin(), evidence.end(),
            [&](const observed_score& o) { return trigger_condition_holds(t.condition, o); });
        if (fires) {
            out.push_back({t.id, t.refer_to, t.urgency, t.reason, std::move(evidence)});
        }
    }
    return out;
}

referral_trigger_set standard_referral_triggers(int phq9_sessions, double pcl5_cutoff) {
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

referral draft_referral(const suggested_referral& s, referral_id id, client_id client,
                        clinician_id by, referral_party to, instant at) {
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

}  // namespace safety
THERACORE_NAMESPACE_END
