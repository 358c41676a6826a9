// SPDX-License-Identifier: Apache-2.0
#include <theracore/outcomes/alert.hpp>

#include "detail/outcomes.hpp"

THERACORE_NAMESPACE_BEGIN
namespace outcomes {

problem_list validate(const alert_evidence& e) {
    problem_list p;
    theracore::detail::require_nonempty(p, "instrument_id", e.instrument_id);
    if (!e.when.is_set()) {
        p.push_back({"when", "required"});
    }
    if (e.value) {
        detail::require_finite(p, "value", *e.value);
    } else if (e.fired_flags.empty()) {
        p.push_back({"value",
                     "required unless the evidence names the flags that fired (an "
                     "unscored administration is evidence only of its critical items)"});
    }
    return p;
}

alert alert::create(fields f) {
    throw_if_invalid(check(f), "invalid alert");
    return alert(std::move(f));
}

problem_list alert::check(const fields& f) {
    problem_list p;
    theracore::detail::require_nonempty(p, "id", f.id);
    theracore::detail::require_nonempty(p, "client", f.client);
    theracore::detail::require_nonempty(p, "instrument_id", f.instrument_id);
    theracore::detail::require_nonempty(p, "summary", f.summary);
    if (f.evidence.empty()) {
        p.push_back({"evidence", "an alert needs at least one score as evidence"});
    }
    theracore::detail::validate_each(p, "evidence", f.evidence);
    if (f.raised_at.is_special()) {
        p.push_back({"raised_at", "required"});
    }
    const bool acked = f.state != alert_state::raised;
    const bool resolved = f.state == alert_state::resolved;
    check_pair(p, acked, "acknowledged", f.acknowledged_by, f.acknowledged_at,
               std::string(to_string(f.state)));
    check_pair(p, resolved, "resolved", f.resolved_by, f.resolved_at,
               std::string(to_string(f.state)));
    if (f.resolution_note && !resolved) {
        p.push_back({"resolution_note", "only a resolved alert has a resolution note"});
    }
    if (f.acknowledged_at && !f.acknowledged_at->is_special() && !f.raised_at.is_special() &&
        *f.acknowledged_at < f.raised_at) {
        p.push_back({"acknowledged_at", "must not be before raised_at"});
    }
    if (f.resolved_at && f.acknowledged_at && !f.resolved_at->is_special() &&
        !f.acknowledged_at->is_special() && *f.resolved_at < *f.acknowledged_at) {
        p.push_back({"resolved_at", "must not be before acknowledged_at"});
    }
    return p;
}

void alert::acknowledge(const clinician_id& by, instant at) {
    require_state(alert_state::raised, alert_state::acknowledged);
    check_actor(by, at, f_.raised_at, "raised_at");
    f_.state = alert_state::acknowledged;
    f_.acknowledged_by = by;
    f_.acknowledged_at = at;
}

void alert::resolve(const clinician_id& by, instant at, std::optional<std::string> note) {
    require_state(alert_state::acknowledged, alert_state::resolved);
    check_actor(by, at, *f_.acknowledged_at, "acknowledged_at");
    f_.state = alert_state::resolved;
    f_.resolved_by = by;
    f_.resolved_at = at;
    f_.resolution_note = std::move(note);
}

void alert::check_pair(problem_list& p, bool expected, const std::string& what,
                       const std::optional<clinician_id>& by, const std::optional<instant>& at,
                       const std::string& state) {
    if (expected) {
        if (!by || by->empty()) {
            p.push_back({what + "_by", "required when the state is " + state});
        }
        if (!at || at->is_special()) {
            p.push_back({what + "_at", "required when the state is " + state});
        }
    } else {
        if (by) {
            p.push_back({what + "_by", "must be empty when the state is " + state});
        }
        if (at) {
            p.push_back({what + "_at", "must be empty when the state is " + state});
        }
    }
}

void alert::require_state(alert_state from, alert_state to) const {
    if (f_.state != from) {
        throw conflict("alert " + f_.id.str() + ": cannot move from " +
                       std::string(to_string(f_.state)) + " to " + std::string(to_string(to)));
    }
}

void alert::check_actor(const clinician_id& by, instant at, instant earliest,
                        const std::string& earliest_name) {
    problem_list p;
    if (by.empty()) {
        p.push_back({"by", "required"});
    }
    if (at.is_special()) {
        p.push_back({"at", "required"});
    } else if (!earliest.is_special() && at < earliest) {
        p.push_back(
            {"at", "must not be before " + earliest_name + " (" + to_iso8601(earliest) + ")"});
    }
    throw_if_invalid(p, "invalid alert transition");
}

bool operator==(const alert& a, const alert& b) {
    return a.f_ == b.f_;
}

}  // namespace outcomes
THERACORE_NAMESPACE_END
