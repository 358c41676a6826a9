// SPDX-License-Identifier: Apache-2.0
#include <theracore/outcomes/alert_rules.hpp>

#include <algorithm>

#include "detail/outcomes.hpp"

THERACORE_NAMESPACE_BEGIN
namespace outcomes {

problem_list validate(const alert_rule_parameters& r) {
    problem_list p;
    theracore::detail::require_nonempty(p, "instrument_id", r.instrument_id);
    if (r.not_on_track_after < 0) {
        p.push_back({"not_on_track_after", "must be 0 (off) or a number of administrations, got " +
                                               std::to_string(r.not_on_track_after)});
    }
    for (std::size_t i = 0; i < r.critical_flags.size(); ++i) {
        if (r.critical_flags[i].empty()) {
            p.push_back({"critical_flags[" + std::to_string(i) + "]", "required"});
        }
    }
    return p;
}

problem_list validate(const alert_context& c) {
    problem_list p;
    theracore::detail::require_nonempty(p, "client", c.client);
    if (c.now.is_special()) {
        p.push_back({"now", "required"});
    }
    return p;
}

namespace detail {

alert_evidence evidence_of(const score_series& s, std::size_t i, evidence_role role) {
    const auto& sp = s.points[i];
    return {role,     s.instrument_id,   s.instrument_version, sp.when,
            sp.value, sp.administration, sp.session,           sp.fired_flags};
}

void alert_builder::add(alert_kind kind, alert_severity severity, const observation_time& at,
                        std::vector<alert_evidence> evidence, std::string summary,
                        std::string rule) {
    alert::fields f;
    f.id = alert_id(c_.client.str() + "/" + s_.instrument_id + "/" + std::string(to_string(kind)) +
                    "/" + at.iso8601());
    f.client = c_.client;
    f.episode = c_.episode;
    f.kind = kind;
    f.severity = severity;
    f.instrument_id = s_.instrument_id;
    f.summary = std::move(summary);
    f.rule = std::move(rule);
    f.evidence = std::move(evidence);
    f.raised_at = c_.now;
    out_.push_back(alert::create(std::move(f)));
}

}  // namespace detail

namespace {

/// Orders observation times; a date sorts before the instants of its day.
std::pair<instant, bool> time_key(const observation_time& t) {
    return t.is_date() ? std::pair{instant(t.day()), false}
                       : std::pair{std::get<instant>(t.value()), true};
}

/// Raises a critical-item alert for every administration, scored or not, at which a critical
/// flag fired: a critical answer is evaluated on its own, whatever happened to the total.
void raise_critical_items(const score_series& series, const alert_rule_parameters& rules,
                          detail::alert_builder& out) {
    auto critical = [&](const std::vector<std::string>& fired) {
        std::vector<std::string> hit;
        for (const auto& f : fired) {
            if (rules.critical_flags.empty() ||
                std::find(rules.critical_flags.begin(), rules.critical_flags.end(), f) !=
                    rules.critical_flags.end()) {
                hit.push_back(f);
            }
        }
        return hit;
    };
    struct trigger {
        observation_time when;
        std::vector<std::string> hit;
        alert_evidence evidence;
        bool scored;
    };
    std::vector<trigger> triggers;
    for (std::size_t i = 0; i < series.points.size(); ++i) {
        auto hit = critical(series.points[i].fired_flags);
        if (!hit.empty()) {
            triggers.push_back({series.points[i].when, std::move(hit),
                                detail::evidence_of(series, i, evidence_role::trigger), true});
        }
    }
    for (const auto& u : series.unscored) {
        auto hit = critical(u.fired_flags);
        if (!hit.empty()) {
            triggers.push_back(
                {u.when,
                 std::move(hit),
                 {evidence_role::trigger, series.instrument_id, series.instrument_version, u.when,
                  std::nullopt, u.administration, u.session, u.fired_flags},
                 false});
        }
    }
    std::stable_sort(triggers.begin(), triggers.end(), [](const trigger& a, const trigger& b) {
        return time_key(a.when) < time_key(b.when);
    });
    const auto name = display_name(series);
    for (auto& t : triggers) {
        out.add(alert_kind::critical_item, rules.critical_item_severity, t.when,
                {std::move(t.evidence)},
                name + " critical item fired (" + detail::join(t.hit) + ") on " + t.when.iso8601() +
                    (t.scored ? "" : " (the form could not be scored)"),
                rules.critical_flags.empty()
                    ? std::string("critical_item: any fired flag")
                    : "critical_item: flags " + detail::join(rules.critical_flags));
    }
}

}  // namespace

std::vector<alert> evaluate_alerts(const score_series& series, const change_parameters& parameters,
                                   const alert_rule_parameters& rules,
                                   const alert_context& context) {
    auto problems = detail::check_series(series, parameters, false);
    theracore::detail::append_prefixed(problems, "rules", validate(rules));
    theracore::detail::append_prefixed(problems, "context", validate(context));
    if (!rules.instrument_id.empty() && rules.instrument_id != series.instrument_id) {
        problems.push_back({"rules.instrument_id", "the rules are for \"" + rules.instrument_id +
                                                       "\" but the series is from \"" +
                                                       series.instrument_id + "\""});
    }
    throw_if_invalid(problems, "invalid alert input");
    detail::alert_builder out(series, context);
    if (rules.critical_items) {
        raise_critical_items(series, rules, out);
    }
    if (series.points.empty()) {
        return out.take();
    }

    const auto& pts = series.points;
    const auto name = display_name(series);
    const auto t = detail::threshold_unchecked(parameters);
    std::vector<change_kind> kinds;
    for (const auto& sp : pts) {
        kinds.push_back(detail::rci_unchecked(pts.front().value, sp.value, t).kind);
    }
    using detail::evidence_of;
    using detail::number;
    // The threshold every deterioration rule states.
    const auto beyond = " (S_diff " + detail::fixed(t.s_diff, 3) + ", change beyond " +
                        detail::fixed(t.points, 2) + " points)";
    // Points at which a deterioration rule raised, so that the later ones do not repeat it.
    std::vector<bool> raised(pts.size(), false);

    if (rules.reliable_deterioration) {
        for (std::size_t i = 1; i < pts.size(); ++i) {
            if (kinds[i] == change_kind::reliable_deterioration &&
                kinds[i - 1] != change_kind::reliable_deterioration) {
                raised[i] = true;
                const auto rc = detail::rci_unchecked(pts.front().value, pts[i].value, t);
                out.add(alert_kind::reliable_deterioration, rules.deterioration_severity, i,
                        {evidence_of(series, 0, evidence_role::baseline),
                         evidence_of(series, i, evidence_role::trigger)},
                        name + " " + detail::direction_word(rc.pre, rc.post) + " from " +
                            number(rc.pre) + " to " + number(rc.post) +
                            " since baseline: reliable deterioration (RCI " +
                            detail::fixed(rc.rci, 2) + ")",
                        "reliable_deterioration since baseline: |RCI| > z = " +
                            number(parameters.z) + beyond);
            }
        }
    }
    const bool lower_better = parameters.direction == score_direction::lower_is_better;
    auto better = [lower_better](double a, double b) { return lower_better ? a < b : a > b; };
    if (rules.deterioration_from_best) {
        std::size_t best = 0;  // the best point before i (the earliest of equal ones)
        bool was = false;
        for (std::size_t i = 1; i < pts.size(); ++i) {
            const auto rc = detail::rci_unchecked(pts[best].value, pts[i].value, t);
            const bool worse = rc.kind == change_kind::reliable_deterioration;
            if (worse && !was && !(raised[i] && best == 0)) {
                out.add(alert_kind::deterioration_from_best, rules.deterioration_from_best_severity,
                        i,
                        {evidence_of(series, best, evidence_role::best),
                         evidence_of(series, i, evidence_role::trigger)},
                        name + " " + detail::direction_word(rc.pre, rc.post) + " from its best " +
                            number(rc.pre) + " (" + pts[best].when.iso8601() + ") to " +
                            number(rc.post) + ": reliable deterioration (RCI " +
                            detail::fixed(rc.rci, 2) + ")",
                        "deterioration_from_best: |RCI| > z = " + number(parameters.z) +
                            " from the best earlier score" + beyond);
                raised[i] = true;
            }
            was = worse;
            if (better(pts[i].value, pts[best].value)) {
                best = i;
                was = false;
            }
        }
    }
    if (rules.deterioration_from_previous) {
        for (std::size_t i = 1; i < pts.size(); ++i) {
            const auto rc = detail::rci_unchecked(pts[i - 1].value, pts[i].value, t);
            if (rc.kind != change_kind::reliable_deterioration || raised[i]) {
                continue;
            }
            out.add(alert_kind::deterioration_from_previous,
                    rules.deterioration_from_previous_severity, i,
                    {evidence_of(series, i - 1, evidence_role::previous),
                     evidence_of(series, i, evidence_role::trigger)},
                    name + " " + detail::direction_word(rc.pre, rc.post) + " from " +
                        number(rc.pre) + " to " + number(rc.post) +
                        " since the previous administration: reliable deterioration (RCI " +
                        detail::fixed(rc.rci, 2) + ")",
                    "deterioration_from_previous: |RCI| > z = " + number(parameters.z) +
                        " from the previous score" + beyond);
        }
    }
    if (rules.most_severe_band && !series.bands.empty()) {
        const std::size_t worst = most_severe_band(series.bands, parameters.direction);
        const auto& band = series.bands[worst];
        for (std::size_t i = 0; i < pts.size(); ++i) {
            const bool in = band_index(series.bands, pts[i].value) == worst;
            const bool was = i > 0 && band_index(series.bands, pts[i - 1].value) == worst;
            if (in && !was) {
                std::vector<alert_evidence> ev;
                if (i > 0) {
                    ev.push_back(evidence_of(series, i - 1, evidence_role::previous));
                }
                ev.push_back(evidence_of(series, i, evidence_role::trigger));
                out.add(
                    alert_kind::most_severe_band, rules.most_severe_band_severity, i, std::move(ev),
                    name + " " + number(pts[i].value) + " is in the most severe band \"" +
                        band.label + "\" (" + number(band.lower) + "–" + number(band.upper) + ")",
                    "most_severe_band: entry into \"" + band.label + "\"");
            }
        }
    }
    if (rules.not_on_track_after > 0) {
        const auto n = static_cast<std::size_t>(rules.not_on_track_after);
        bool was = false;
        for (std::size_t i = n; i < pts.size(); ++i) {
            const bool off = kinds[i] != change_kind::reliable_improvement;
            if (off && !was) {
                const auto rc = detail::rci_unchecked(pts.front().value, pts[i].value, t);
                out.add(alert_kind::not_on_track, rules.not_on_track_severity, i,
                        {evidence_of(series, 0, evidence_role::baseline),
                         evidence_of(series, i, evidence_role::trigger)},
                        name + ": no reliable improvement " + std::to_string(i) +
                            " administrations after baseline (" + number(rc.pre) + " to " +
                            number(rc.post) + ", RCI " + detail::fixed(rc.rci, 2) + ")",
                        "not_on_track: no reliable improvement (z = " + number(parameters.z) +
                            ") at or after administration " + std::to_string(n) +
                            " after baseline");
            }
            was = off;
        }
    }
    return out.take();
}

}  // namespace outcomes
THERACORE_NAMESPACE_END
