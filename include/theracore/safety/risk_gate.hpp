// SPDX-License-Identifier: Apache-2.0
/// @file
/// The risk signing gate: a session note for a client with an open high or imminent risk flag
/// cannot be signed until the session records a risk review AND either a current safety plan or
/// an urgent (or emergency) referral exists.
///
/// The gate is a pure function over plain inputs so that note signing can compose it with its
/// own rules: call `evaluate_risk_signing_gate` before signing and refuse when `may_sign` is
/// false, showing `reasons`.
#pragma once

#include <algorithm>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <theracore/detail/describe.hpp>
#include <theracore/enum.hpp>
#include <theracore/id.hpp>
#include <theracore/safety/referral.hpp>
#include <theracore/safety/risk.hpp>
#include <theracore/safety/risk_flag.hpp>
#include <theracore/safety/safety_plan.hpp>
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace safety {

/// What the gate is missing.
enum class risk_gate_reason {
    risk_review_missing,     ///< the session did not record a risk review
    safety_measure_missing,  ///< no current safety plan and no urgent referral since the flag
};
constexpr auto describe_enum(risk_gate_reason) {
    using E = risk_gate_reason;
    return enum_table<E, 2>{"risk_gate_reason",
                            {{{E::risk_review_missing, "risk_review_missing"},
                              {E::safety_measure_missing, "safety_measure_missing"}}}};
}

/// One reason the note cannot be signed, with the flags it concerns.
struct risk_gate_finding {
    risk_gate_reason reason{risk_gate_reason::risk_review_missing};
    std::vector<flag_id> flags;
    std::string message;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("reason", s.reason), field("flags", s.flags),
                               field("message", s.message));
    }
};

/// The gate's answer. `blocking_flags` are the client's active high or imminent flags; when
/// there are none the note may be signed whatever else is missing.
struct risk_gate_decision {
    bool may_sign = true;
    std::vector<flag_id> blocking_flags;
    std::vector<risk_gate_finding> reasons;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("may_sign", s.may_sign),
                               field("blocking_flags", s.blocking_flags),
                               field("reasons", s.reasons));
    }
};

/// True when `r` counts as an urgent referral for a flag raised at `raised`, as of `on`: an
/// outbound referral of the client, urgent or emergency, sent on or after the day the flag was
/// raised and on or before `on`, and sent, accepted, scheduled or completed on `on` (not a
/// draft, not declined, not cancelled).
[[nodiscard]] THERACORE_API bool is_urgent_referral_for(const referral& r, const client_id& client,
                                                        instant raised, date on) noexcept;

/// Whether a session note of `client` may be signed on `on`.
///
/// - Blocking flags: the client's flags that are active on `on` (`risk_flag::is_active_on`: open
///   or followed up, not resolved, not expired) rated high or imminent on `on`
///   (`risk_flag::severity_on`: a clinician's re-rating counts from its day). Other clients'
///   flags are ignored. No blocking flag: the note may be signed.
/// - Otherwise the session must have recorded a risk review (`session_recorded_risk_review`),
///   and each blocking flag must be covered by either the client's current safety plan on `on`
///   (`current_safety_plan`: the latest version, not past its review date) or an urgent or
///   emergency referral sent since that flag was raised (`is_urgent_referral_for`).
///
/// Pure; thread-safe for distinct arguments. @throws std::bad_alloc only.
[[nodiscard]] THERACORE_API risk_gate_decision evaluate_risk_signing_gate(
    const client_id& client, date on, bool session_recorded_risk_review,
    const std::vector<risk_flag>& flags, const std::vector<safety_plan>& safety_plans,
    const std::vector<referral>& referrals);

}  // namespace safety
THERACORE_NAMESPACE_END
