// SPDX-License-Identifier: Apache-2.0
#include <theracore/outcomes/schedule.hpp>

#include "detail/outcomes.hpp"

THERACORE_NAMESPACE_BEGIN
namespace outcomes {

problem_list validate(const measure_rule& m) {
    problem_list p;
    theracore::detail::require_nonempty(p, "instrument_id", m.instrument_id);
    if (!m.at_intake && !m.at_discharge && !m.every_sessions && !m.every_days) {
        p.push_back({"",
                     "a measure needs at least one of at_intake, at_discharge, "
                     "every_sessions, every_days"});
    }
    if (m.every_sessions && *m.every_sessions < 1) {
        p.push_back(
            {"every_sessions", "must be at least 1, got " + std::to_string(*m.every_sessions)});
    }
    if (m.every_days && *m.every_days < 1) {
        p.push_back({"every_days", "must be at least 1, got " + std::to_string(*m.every_days)});
    }
    if (m.grace_days < 0) {
        p.push_back({"grace_days", "must not be negative, got " + std::to_string(m.grace_days)});
    }
    return p;
}

problem_list validate(const measurement_schedule& s) {
    problem_list p;
    theracore::detail::require_nonempty(p, "episode", s.episode);
    theracore::detail::validate_each(p, "measures", s.measures);
    for (std::size_t i = 0; i < s.measures.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (!s.measures[i].instrument_id.empty() &&
                s.measures[i].instrument_id == s.measures[j].instrument_id) {
                p.push_back({"measures[" + std::to_string(i) + "].instrument_id",
                             "\"" + s.measures[i].instrument_id + "\" is already measures[" +
                                 std::to_string(j) + "]; combine its rules there"});
            }
        }
    }
    return p;
}

problem_list validate(const held_session& s) {
    problem_list p;
    theracore::detail::require_nonempty(p, "id", s.id);
    if (s.on.is_special()) {
        p.push_back({"on", "required"});
    }
    return p;
}

problem_list validate(const administration_done& a) {
    problem_list p;
    theracore::detail::require_nonempty(p, "instrument_id", a.instrument_id);
    if (a.on.is_special()) {
        p.push_back({"on", "required"});
    }
    return p;
}

problem_list validate(const episode_timeline& t) {
    problem_list p;
    if (t.intake.is_special()) {
        p.push_back({"intake", "required"});
    }
    if (t.discharge &&
        (t.discharge->is_special() || (!t.intake.is_special() && *t.discharge < t.intake))) {
        p.push_back({"discharge", "must be a date on or after the intake"});
    }
    theracore::detail::validate_each(p, "sessions", t.sessions);
    for (std::size_t i = 1; i < t.sessions.size(); ++i) {
        const auto& a = t.sessions[i - 1];
        const auto& b = t.sessions[i];
        if (!a.on.is_special() && !b.on.is_special() && b.on < a.on) {
            p.push_back({"sessions[" + std::to_string(i) + "].on",
                         to_iso8601(b.on) + " is earlier than sessions[" + std::to_string(i - 1) +
                             "] (" + to_iso8601(a.on) + "); give sessions in date order"});
        }
        for (std::size_t j = 0; j < i; ++j) {
            if (!b.id.empty() && b.id == t.sessions[j].id) {
                p.push_back(
                    {"sessions[" + std::to_string(i) + "].id",
                     "session " + b.id.str() + " is already sessions[" + std::to_string(j) + "]"});
            }
        }
    }
    theracore::detail::validate_each(p, "administrations", t.administrations);
    return p;
}

namespace detail {

void raise_due(measure_due& out, date since, date on, int grace, std::string reason) {
    const auto status =
        on > since + boost::gregorian::days(grace) ? due_status::overdue : due_status::due;
    if (static_cast<int>(status) > static_cast<int>(out.status)) {
        out.status = status;
    }
    if (!out.due_since || since < *out.due_since) {
        out.due_since = since;
    }
    out.reasons.push_back(std::move(reason) + (status == due_status::overdue ? " (overdue)" : ""));
}

void propose_next(measure_due& out, date next) {
    if (!out.next_due || next < *out.next_due) {
        out.next_due = next;
    }
}

measure_due evaluate_rule(const measure_rule& m, const episode_timeline& t, date on) {
    measure_due out;
    out.instrument_id = m.instrument_id;
    std::optional<date> last;
    bool since_intake = false;
    for (const auto& a : t.administrations) {
        if (a.instrument_id != m.instrument_id || a.on > on) {
            continue;
        }
        since_intake = since_intake || a.on >= t.intake;
        if (!last || a.on > *last) {
            last = a.on;
        }
    }
    const bool discharged = t.discharge.has_value();
    const auto before_discharge = [&](date d) { return !discharged || d <= *t.discharge; };

    if (m.at_intake && !since_intake) {
        if (on < t.intake) {
            propose_next(out, t.intake);
        } else {
            raise_due(out, t.intake, on, m.grace_days,
                      "at intake (" + to_iso8601(t.intake) + "): not administered yet");
        }
    }
    if (m.every_days) {
        const date due = last ? *last + boost::gregorian::days(*m.every_days) : t.intake;
        if (before_discharge(due)) {
            if (on < due) {
                propose_next(out, due);
            } else {
                raise_due(out, due, on, m.grace_days,
                          "every " + std::to_string(*m.every_days) + " days: " +
                              (last ? "last administered " + to_iso8601(*last)
                                    : std::string("never administered")) +
                              ", due " + to_iso8601(due));
            }
        }
    }
    if (m.every_sessions) {
        int counted = 0;
        for (const auto& s : t.sessions) {
            if (s.on > on || s.on < t.intake || (last && s.on <= *last)) {
                continue;
            }
            ++counted;
            if (counted == *m.every_sessions) {
                if (before_discharge(s.on)) {
                    raise_due(out, s.on, on, m.grace_days,
                              "every " +
                                  (*m.every_sessions == 1
                                       ? std::string("session")
                                       : std::to_string(*m.every_sessions) + " sessions") +
                                  ": session " + s.id.str() + " on " + to_iso8601(s.on) +
                                  " without an administration");
                }
                break;
            }
        }
        if (counted < *m.every_sessions) {
            out.sessions_until_due = *m.every_sessions - counted;
        }
    }
    if (m.at_discharge && discharged) {
        const date window = *t.discharge - boost::gregorian::days(m.grace_days);
        const bool met = last && *last >= window;
        if (!met) {
            if (on < *t.discharge) {
                propose_next(out, *t.discharge);
            } else {
                raise_due(out, *t.discharge, on, m.grace_days,
                          "at discharge (" + to_iso8601(*t.discharge) + "): not administered yet");
            }
        }
    }
    if (out.status != due_status::not_due) {
        out.next_due.reset();
    }
    return out;
}

}  // namespace detail

std::vector<measure_due> measures_due(const measurement_schedule& schedule,
                                      const episode_timeline& timeline, date on) {
    problem_list p;
    theracore::detail::append_prefixed(p, "schedule", validate(schedule));
    theracore::detail::append_prefixed(p, "timeline", validate(timeline));
    if (on.is_special()) {
        p.push_back({"on", "required"});
    }
    throw_if_invalid(p, "invalid measurement schedule input");
    std::vector<measure_due> out;
    out.reserve(schedule.measures.size());
    for (const auto& m : schedule.measures) {
        out.push_back(detail::evaluate_rule(m, timeline, on));
    }
    return out;
}

}  // namespace outcomes
THERACORE_NAMESPACE_END
