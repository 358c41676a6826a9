// SPDX-License-Identifier: Apache-2.0
#include <theracore/safety/risk_flag.hpp>

#include "detail/safety_rules.hpp"

THERACORE_NAMESPACE_BEGIN
inline namespace safety {

problem_list validate(const instrument_item_source& s) {
    problem_list p;
    detail::require_nonempty(p, "instrument_id", s.instrument_id);
    detail::require_nonempty(p, "item_id", s.item_id);
    detail::require_nonempty(p, "flag_code", s.flag_code);
    return p;
}

problem_list validate(const cssrs_triage_source& s) {
    problem_list p;
    detail::require_nonempty(p, "assessment", s.assessment);
    if (s.triage == cssrs_triage::none) {
        p.push_back({"triage", "a screener with no Yes answer raises no flag"});
    }
    return p;
}

problem_list validate(const clinician_raised_source& s) {
    problem_list p;
    detail::require_nonempty(p, "raised_by", s.raised_by);
    detail::require_nonempty(p, "reason", s.reason);
    return p;
}

risk_flag risk_flag::create(fields f) {
    throw_if_invalid(check(f), "invalid risk_flag");
    return risk_flag(std::move(f));
}

problem_list risk_flag::check(const fields& f) {
    problem_list p;
    detail::require_nonempty(p, "id", f.id);
    detail::require_nonempty(p, "client", f.client);
    std::visit(
        [&p](const auto& s) {
            using S = std::decay_t<decltype(s)>;
            detail::append_prefixed(p, std::string("source.") + S::variant_tag, validate(s));
        },
        f.source);
    detail::safety::require_instant(p, "raised_at", f.raised_at);
    detail::safety::require_date(p, "review_by", f.review_by);
    detail::safety::check_optional_date(p, "expires", f.expires);
    if (!f.raised_at.is_special()) {
        detail::safety::not_before(p, "review_by", f.review_by, f.raised_at.date(),
                                   "the day the flag was raised");
        if (f.expires) {
            detail::safety::not_before(p, "expires", *f.expires, f.raised_at.date(),
                                       "the day the flag was raised");
        }
    }
    detail::require_nonempty(p, "required_follow_up", f.required_follow_up);
    check_history(p, f);
    check_ratings(p, f);
    return p;
}

risk_level risk_flag::severity_on(date on) const noexcept {
    auto r = raised_severity();
    for (const auto& x : f_.rerated) {
        if (!x.at.is_special() && x.at.date() <= on) {
            r = x.to;
        }
    }
    return r;
}

void risk_flag::rerate(risk_level to, instant at, clinician_id by, std::string reason) {
    if (f_.status == flag_status::resolved || f_.status == flag_status::expired) {
        throw conflict("risk_flag " + f_.id.str() + ": a " + std::string(to_string(f_.status)) +
                       " flag is not re-rated; raise a new one");
    }
    fields next = f_;
    next.rerated.push_back({f_.severity, to, at, std::move(by), std::move(reason)});
    next.severity = to;
    problem_list p;
    check_ratings(p, next);
    if (!f_.history.empty() && !at.is_special() && at < f_.history.back().at) {
        p.push_back(
            {"rerated[" + std::to_string(f_.rerated.size()) + "].at",
             "before the flag's last status change (" + to_iso8601(f_.history.back().at) + ")"});
    }
    throw_if_invalid(p, "invalid risk_flag re-rating");
    f_ = std::move(next);
}

void risk_flag::check_ratings(problem_list& p, const fields& f) {
    // A re-rating comes after the raise and the flag's earlier changes, and before it closed.
    std::optional<instant> closed;
    for (const auto& h : f.history) {
        if (h.to == flag_status::resolved || h.to == flag_status::expired) {
            closed = h.at;
        }
    }
    instant last = f.raised_at;
    for (std::size_t i = 0; i < f.rerated.size(); ++i) {
        const auto& r = f.rerated[i];
        const std::string path = "rerated[" + std::to_string(i) + "]";
        if (i > 0 && r.from != f.rerated[i - 1].to) {
            p.push_back({path + ".from", "expected " + std::string(to_string(f.rerated[i - 1].to)) +
                                             ", the rating before it"});
        }
        if (r.from == r.to) {
            p.push_back({path + ".to",
                         "is the rating it already had (" + std::string(to_string(r.from)) + ")"});
        }
        if (r.at.is_special() || (!last.is_special() && r.at < last)) {
            p.push_back({path + ".at", "re-ratings must be timed, in order, from the raise"});
        } else {
            last = r.at;
            if (closed && r.at > *closed) {
                p.push_back({path + ".at", "after the flag was closed (" + to_iso8601(*closed) +
                                               "); a closed flag is not re-rated"});
            }
        }
        detail::require_nonempty(p, path + ".by", r.by);
        detail::require_nonempty(p, path + ".reason", r.reason);
    }
    if (!f.rerated.empty() && f.rerated.back().to != f.severity) {
        p.push_back({"severity", "does not match the last re-rating (" +
                                     std::string(to_string(f.rerated.back().to)) + ")"});
    }
}

flag_status risk_flag::status_on(date on) const noexcept {
    auto s = flag_status::open;
    for (const auto& h : f_.history) {
        if (h.at.date() <= on) {
            s = h.to;
        }
    }
    if ((s == flag_status::open || s == flag_status::followed_up) && f_.expires &&
        on >= *f_.expires) {
        s = flag_status::expired;
    }
    return s;
}

bool risk_flag::is_active_on(date on) const noexcept {
    if (f_.raised_at.is_special() || f_.raised_at.date() > on) {
        return false;
    }
    const auto s = status_on(on);
    return s == flag_status::open || s == flag_status::followed_up;
}

void risk_flag::transition(flag_status to, instant at, std::optional<clinician_id> by,
                           std::string note) {
    if (!flag_transition_allowed(f_.status, to)) {
        throw conflict("risk_flag " + f_.id.str() + ": cannot move from " +
                       std::string(to_string(f_.status)) + " to " + std::string(to_string(to)));
    }
    fields next = f_;
    next.history.push_back({f_.status, to, at, std::move(by), std::move(note)});
    next.status = to;
    problem_list p;
    check_history(p, next);
    throw_if_invalid(p, "invalid risk_flag transition");
    f_ = std::move(next);
}

void risk_flag::check_history(problem_list& p, const fields& f) {
    auto at_status = flag_status::open;
    instant last = f.raised_at;
    for (std::size_t i = 0; i < f.history.size(); ++i) {
        const auto& h = f.history[i];
        const std::string path = "history[" + std::to_string(i) + "]";
        if (h.from != at_status) {
            p.push_back({path + ".from", "expected " + std::string(to_string(at_status))});
        }
        if (!flag_transition_allowed(h.from, h.to)) {
            p.push_back({path, "cannot move from " + std::string(to_string(h.from)) + " to " +
                                   std::string(to_string(h.to))});
        }
        if (h.at.is_special() || (!last.is_special() && h.at < last)) {
            p.push_back({path + ".at", "changes must be timed, in order, from the raise"});
        } else {
            last = h.at;
        }
        if ((h.to == flag_status::followed_up || h.to == flag_status::resolved) &&
            (!h.by || h.by->empty())) {
            p.push_back(
                {path + ".by", "a " + std::string(to_string(h.to)) + " change names who did it"});
        }
        if (h.to == flag_status::expired && !h.at.is_special()) {
            if (!f.expires) {
                p.push_back({path, "the flag has no expiry date; resolve it instead"});
            } else if (h.at.date() < *f.expires) {
                p.push_back({path + ".at", "the flag expires on " + to_iso8601(*f.expires)});
            }
        }
        at_status = h.to;
    }
    if (at_status != f.status) {
        p.push_back(
            {"status", "does not match the history (" + std::string(to_string(at_status)) + ")"});
    }
}

risk_flag flag_from_critical_item(const critical_item_fired& e, flag_id id) {
    risk_flag::fields f;
    f.id = std::move(id);
    f.client = e.client;
    f.source = instrument_item_source{e.instrument_id, e.item_id, e.flag_code, e.administration};
    f.severity = e.severity;
    f.raised_at = e.when;
    f.review_by = e.review_by ? *e.review_by : (e.when.is_special() ? date() : e.when.date());
    f.required_follow_up = e.required_follow_up.empty() ? "Risk review: " + e.instrument_id +
                                                              " item " + e.item_id + " endorsed"
                                                        : e.required_follow_up;
    return risk_flag::create(std::move(f));
}

std::optional<risk_flag> flag_from_cssrs(const risk_assessment& a, flag_id id, instant when) {
    if (!a.cssrs_screener || a.cssrs_screener->triage != cssrs_triage::high) {
        return std::nullopt;
    }
    risk_flag::fields f;
    f.id = std::move(id);
    f.client = a.client;
    f.source = cssrs_triage_source{a.id, cssrs_triage::high};
    f.severity = risk_level::high;
    f.raised_at = when;
    f.review_by = when.is_special() ? date() : when.date();
    f.required_follow_up =
        "Immediate safety action: C-SSRS screener triage high (mental-health evaluation, "
        "precautions)";
    return risk_flag::create(std::move(f));
}

bool operator==(const risk_flag& a, const risk_flag& b) {
    return a.f_ == b.f_;
}

}  // namespace safety
THERACORE_NAMESPACE_END
