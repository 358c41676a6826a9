// SPDX-License-Identifier: Apache-2.0
#include <theracore/safety/referral.hpp>

#include "detail/safety_rules.hpp"

THERACORE_NAMESPACE_BEGIN
inline namespace safety {

problem_list validate(const referral_party& r) {
    problem_list p;
    detail::require_nonempty(p, "name", r.name);
    detail::validate_each(p, "telecom", r.telecom);
    return p;
}

problem_list validate(const referral_attachment& a) {
    problem_list p;
    detail::require_nonempty(p, "reference", a.reference);
    return p;
}

referral referral::create(fields f) {
    throw_if_invalid(check(f), "invalid referral");
    return referral(std::move(f));
}

problem_list referral::check(const fields& f) {
    problem_list p;
    detail::require_nonempty(p, "id", f.id);
    detail::require_nonempty(p, "client", f.client);
    detail::append_prefixed(p, "counterpart", validate(f.counterpart));
    detail::require_nonempty(p, "clinician", f.clinician);
    detail::require_nonempty(p, "reason", f.reason);
    detail::validate_each(p, "attachments", f.attachments);
    if (f.consent && f.consent->empty()) {
        p.push_back({"consent", "empty id"});
    }
    detail::safety::require_instant(p, "created_at", f.created_at);
    check_history(p, f);
    const bool was_sent =
        std::any_of(f.history.begin(), f.history.end(),
                    [](const referral_status_change& h) { return h.to == referral_status::sent; });
    if (f.direction == referral_direction::outbound && was_sent &&
        f.urgency != referral_urgency::emergency && !f.consent) {
        p.push_back({"consent",
                     "an outbound referral that has been sent names the consent used (only "
                     "an emergency referral may be sent without one)"});
    }
    return p;
}

referral_status referral::status_on(date on) const noexcept {
    auto s = referral_status::draft;
    for (const auto& h : f_.history) {
        if (h.at.date() <= on) {
            s = h.to;
        }
    }
    return s;
}

std::optional<instant> referral::sent_at() const noexcept {
    for (const auto& h : f_.history) {
        if (h.to == referral_status::sent) {
            return h.at;
        }
    }
    return std::nullopt;
}

void referral::transition(referral_status to, instant at, std::string note) {
    if (!referral_transition_allowed(f_.status, to)) {
        throw conflict("referral " + f_.id.str() + ": cannot move from " +
                       std::string(to_string(f_.status)) + " to " + std::string(to_string(to)));
    }
    fields next = f_;
    next.history.push_back({f_.status, to, at, std::move(note)});
    next.status = to;
    throw_if_invalid(check(next), "invalid referral transition");
    f_ = std::move(next);
}

void referral::check_history(problem_list& p, const fields& f) {
    auto at_status = referral_status::draft;
    instant last = f.created_at;
    for (std::size_t i = 0; i < f.history.size(); ++i) {
        const auto& h = f.history[i];
        const std::string path = "history[" + std::to_string(i) + "]";
        if (h.from != at_status) {
            p.push_back({path + ".from", "expected " + std::string(to_string(at_status))});
        }
        if (!referral_transition_allowed(h.from, h.to)) {
            p.push_back({path, "cannot move from " + std::string(to_string(h.from)) + " to " +
                                   std::string(to_string(h.to))});
        }
        if (h.at.is_special() || (!last.is_special() && h.at < last)) {
            p.push_back({path + ".at", "changes must be timed, in order, from the creation"});
        } else {
            last = h.at;
        }
        at_status = h.to;
    }
    if (at_status != f.status) {
        p.push_back(
            {"status", "does not match the history (" + std::string(to_string(at_status)) + ")"});
    }
}

bool operator==(const referral& a, const referral& b) {
    return a.f_ == b.f_;
}

}  // namespace safety
THERACORE_NAMESPACE_END
