// SPDX-License-Identifier: Apache-2.0
#include <theracore/care/behaviour.hpp>

#include "detail/care_validation.hpp"

THERACORE_NAMESPACE_BEGIN
inline namespace care {

problem_list validate(const behaviour_target& t) {
    problem_list p;
    detail::require_nonempty(p, "id", t.id);
    detail::require_nonempty(p, "name", t.name);
    return p;
}

problem_list validate(const diary_entry& e) {
    problem_list p;
    detail::require_nonempty(p, "target", e.target);
    detail::require_date(p, "on", e.on);
    if (e.urge) {
        detail::require_range(p, "urge", *e.urge, 0, 5);
    }
    if (e.count) {
        if (*e.count < 1) {
            p.push_back({"count", "must be at least 1 when given"});
        }
        if (e.acted != std::optional<bool>(true)) {
            p.push_back({"count", "is given only when acted is true"});
        }
    }
    if (e.at) {
        detail::require_instant(p, "at", *e.at);
        if (!e.at->is_special() && !e.on.is_special() &&
            (e.at->date() < e.on - boost::gregorian::days(1) ||
             e.at->date() > e.on + boost::gregorian::days(1))) {
            p.push_back({"at", "is more than a day away from " + to_iso8601(e.on)});
        }
    }
    for (std::size_t i = 0; i < e.skills_used.size(); ++i) {
        detail::require_nonempty(p, detail::indexed("skills_used", i), e.skills_used[i]);
    }
    return p;
}

behaviour_diary behaviour_diary::create(fields f) {
    throw_if_invalid(check(f), "invalid behaviour_diary");
    return behaviour_diary(std::move(f));
}

problem_list behaviour_diary::check(const fields& f) {
    problem_list p;
    detail::require_nonempty(p, "client", f.client);
    detail::require_nonempty(p, "episode", f.episode);
    detail::validate_each(p, "targets", f.targets);
    for (std::size_t i = 0; i < f.targets.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (!f.targets[i].id.empty() && f.targets[i].id == f.targets[j].id) {
                p.push_back({detail::indexed("targets", i) + ".id",
                             "target " + f.targets[i].id.str() + " is already targets[" +
                                 std::to_string(j) + "]"});
            }
        }
    }
    detail::validate_each(p, "entries", f.entries);
    for (std::size_t i = 0; i < f.entries.size(); ++i) {
        const std::string path = detail::indexed("entries", i);
        const auto& e = f.entries[i];
        const behaviour_target* t = find(f.targets, e.target);
        if (t == nullptr) {
            if (!e.target.empty()) {
                p.push_back({path + ".target", "no target " + e.target.str()});
            }
            continue;
        }
        if (t->logging == logging_mode::per_event && !e.at) {
            p.push_back({path + ".at", "a per-event entry needs the time of the event"});
        }
        if (i > 0 && !in_order(f.entries[i - 1], e)) {
            p.push_back({path + ".on", "entries are in date order"});
        }
        if (t->logging == logging_mode::daily) {
            for (std::size_t j = 0; j < i; ++j) {
                if (f.entries[j].target == e.target && f.entries[j].on == e.on &&
                    !e.on.is_special()) {
                    p.push_back({path, "target " + e.target.str() + " already has an entry on " +
                                           to_iso8601(e.on) + " (entries[" + std::to_string(j) +
                                           "])"});
                }
            }
        }
    }
    return p;
}

const behaviour_target& behaviour_diary::target(const behaviour_id& id) const {
    const auto* t = find(f_.targets, id);
    if (t == nullptr) {
        throw not_found("behaviour diary has no target " + id.str());
    }
    return *t;
}

void behaviour_diary::add_target(behaviour_target t) {
    throw_if_invalid(validate(t), "invalid behaviour_target");
    if (find(f_.targets, t.id) != nullptr) {
        throw conflict("behaviour diary already tracks target " + t.id.str());
    }
    f_.targets.push_back(std::move(t));
}

void behaviour_diary::log(diary_entry e) {
    (void)target(e.target);
    fields next = f_;
    const auto at = std::upper_bound(
        next.entries.begin(), next.entries.end(), e,
        [](const diary_entry& a, const diary_entry& b) { return !in_order(b, a); });
    next.entries.insert(at, std::move(e));
    throw_if_invalid(check(next), "cannot log diary entry");
    f_ = std::move(next);
}

std::vector<weekly_summary> behaviour_diary::weekly_summaries(
    const behaviour_id& id, date from, date to, boost::date_time::weekdays week_starts_on) const {
    const behaviour_target& t = target(id);
    check_period(from, to);
    std::vector<weekly_summary> out;
    const int back = (from.day_of_week().as_number() - static_cast<int>(week_starts_on) + 7) % 7;
    for (date start = from - boost::gregorian::days(back); start <= to;
         start += boost::gregorian::days(7)) {
        const date first = std::max(start, from);
        const date last = std::min(start + boost::gregorian::days(6), to);
        out.push_back(summarise_week(t, start, first, last));
    }
    return out;
}

behaviour_trend behaviour_diary::trend(const behaviour_id& id, date from, date to,
                                       trend_metric metric, double tolerance,
                                       boost::date_time::weekdays week_starts_on) const {
    if (!(tolerance >= 0.0)) {
        throw validation_error("invalid trend query", {{"tolerance", "must not be negative"}});
    }
    const auto weeks = weekly_summaries(id, from, to, week_starts_on);
    std::vector<std::pair<double, double>> points;
    for (std::size_t i = 0; i < weeks.size(); ++i) {
        const auto& v =
            metric == trend_metric::action_rate ? weeks[i].action_rate : weeks[i].mean_urge;
        if (v) {
            points.emplace_back(static_cast<double>(i), *v);
        }
    }
    behaviour_trend r;
    r.metric = metric;
    r.weeks_used = static_cast<int>(points.size());
    if (points.size() < 2) {
        return r;
    }
    double mx = 0, my = 0;
    for (const auto& [x, y] : points) {
        mx += x;
        my += y;
    }
    const auto n = static_cast<double>(points.size());
    mx /= n;
    my /= n;
    double sxy = 0, sxx = 0;
    for (const auto& [x, y] : points) {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
    }
    const double slope = sxy / sxx;  // sxx > 0: the x values are distinct week indices
    r.slope_per_week = slope;
    const double towards_goal =
        target(id).direction == behaviour_direction::decrease ? -slope : slope;
    r.direction = towards_goal > tolerance    ? trend_direction::improving
                  : towards_goal < -tolerance ? trend_direction::worsening
                                              : trend_direction::stable;
    return r;
}

const behaviour_target* behaviour_diary::find(const std::vector<behaviour_target>& ts,
                                              const behaviour_id& id) {
    for (const auto& t : ts) {
        if (t.id == id) {
            return &t;
        }
    }
    return nullptr;
}

bool behaviour_diary::in_order(const diary_entry& a, const diary_entry& b) {
    if (a.on.is_special() || b.on.is_special() || a.on != b.on) {
        return a.on.is_special() || b.on.is_special() || a.on < b.on;
    }
    return !(a.at && b.at) || !(*b.at < *a.at);
}

void behaviour_diary::check_period(date from, date to) {
    problem_list p;
    detail::require_date(p, "from", from);
    detail::require_date(p, "to", to);
    if (p.empty() && to < from) {
        p.push_back({"to", "is before from"});
    }
    throw_if_invalid(p, "invalid period");
}

weekly_summary behaviour_diary::summarise_week(const behaviour_target& t, date start, date first,
                                               date last) const {
    weekly_summary w;
    w.week_start = start;
    std::set<date> days;
    std::set<date> action_days;
    int urges = 0;
    int urge_sum = 0;
    for (const auto& e : f_.entries) {
        if (e.target != t.id || e.on < first || e.on > last) {
            continue;
        }
        ++w.entries;
        days.insert(e.on);
        if (e.acted == std::optional<bool>(true)) {
            action_days.insert(e.on);
            w.actions += e.count.value_or(1);
        }
        if (e.urge) {
            ++urges;
            urge_sum += *e.urge;
            w.max_urge = std::max(w.max_urge.value_or(*e.urge), *e.urge);
        }
        for (const auto& s : e.skills_used) {
            if (std::find(w.skills_used.begin(), w.skills_used.end(), s) == w.skills_used.end()) {
                w.skills_used.push_back(s);
            }
        }
    }
    w.days_logged = static_cast<int>(days.size());
    w.action_days = static_cast<int>(action_days.size());
    if (urges > 0) {
        w.mean_urge = static_cast<double>(urge_sum) / urges;
    }
    if (t.logging == logging_mode::daily) {
        if (w.days_logged > 0) {
            w.action_rate = static_cast<double>(w.action_days) / w.days_logged;
        }
    } else {
        const auto span = (last - first).days() + 1;
        w.action_rate = static_cast<double>(w.actions) / static_cast<double>(span);
    }
    return w;
}

bool operator==(const behaviour_diary& a, const behaviour_diary& b) {
    return a.f_ == b.f_;
}

}  // namespace care
THERACORE_NAMESPACE_END
