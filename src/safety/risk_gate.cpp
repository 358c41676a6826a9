// SPDX-License-Identifier: Apache-2.0
#include <theracore/safety/risk_gate.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace safety {

bool is_urgent_referral_for(const referral& r, const client_id& client, instant raised,
                            date on) noexcept {
    if (r.client() != client || r.direction() != referral_direction::outbound ||
        r.urgency() < referral_urgency::urgent) {
        return false;
    }
    const auto sent = r.sent_at();
    if (!sent || raised.is_special() || sent->date() < raised.date() || sent->date() > on) {
        return false;
    }
    const auto s = r.status_on(on);
    return s == referral_status::sent || s == referral_status::accepted ||
           s == referral_status::scheduled || s == referral_status::completed;
}

risk_gate_decision evaluate_risk_signing_gate(const client_id& client, date on,
                                              bool session_recorded_risk_review,
                                              const std::vector<risk_flag>& flags,
                                              const std::vector<safety_plan>& safety_plans,
                                              const std::vector<referral>& referrals) {
    risk_gate_decision d;
    std::vector<const risk_flag*> blocking;
    for (const auto& f : flags) {
        if (f.client() == client && f.severity_on(on) >= risk_level::high && f.is_active_on(on)) {
            blocking.push_back(&f);
            d.blocking_flags.push_back(f.id());
        }
    }
    if (blocking.empty()) {
        return d;
    }
    const auto list = [](const std::vector<flag_id>& ids) {
        std::string s;
        for (const auto& id : ids) {
            s += (s.empty() ? "" : ", ") + id.str();
        }
        return s;
    };
    if (!session_recorded_risk_review) {
        d.reasons.push_back({risk_gate_reason::risk_review_missing, d.blocking_flags,
                             "the session must record a risk review (open high or imminent "
                             "flags: " +
                                 list(d.blocking_flags) + ")"});
    }
    if (current_safety_plan(safety_plans, client, on) == nullptr) {
        std::vector<flag_id> uncovered;
        for (const auto* f : blocking) {
            const bool referred =
                std::any_of(referrals.begin(), referrals.end(), [&](const referral& r) {
                    return is_urgent_referral_for(r, client, f->raised_at(), on);
                });
            if (!referred) {
                uncovered.push_back(f->id());
            }
        }
        if (!uncovered.empty()) {
            d.reasons.push_back(
                {risk_gate_reason::safety_measure_missing, uncovered,
                 "needs a current safety plan or an urgent referral sent since the flag was "
                 "raised (flags: " +
                     list(uncovered) + ")"});
        }
    }
    d.may_sign = d.reasons.empty();
    return d;
}

}  // namespace safety
THERACORE_NAMESPACE_END
