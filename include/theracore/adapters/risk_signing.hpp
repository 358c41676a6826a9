// SPDX-License-Identifier: Apache-2.0
/// @file
/// The risk signing gate as a note-signing precondition: the composed signing path of a
/// progress note. `progress_note::sign` (care records) takes `signing_precondition`s and knows
/// nothing of risk; `evaluate_risk_signing_gate` (safety records) knows nothing of notes. This
/// header joins them, so that "a note for a client with an open high or imminent flag cannot be
/// signed until the session records a risk review and a current safety plan or an urgent
/// referral exists" is applied on every signing path that passes it:
///
/// ```cpp
/// note.sign(signature, author, {risk_gate_precondition(session, flags, plans, referrals)});
/// ```
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <theracore/care/progress_note.hpp>
#include <theracore/care/session.hpp>
#include <theracore/enum.hpp>
#include <theracore/error.hpp>
#include <theracore/safety/referral.hpp>
#include <theracore/safety/risk_flag.hpp>
#include <theracore/safety/risk_gate.hpp>
#include <theracore/safety/safety_plan.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace adapters {

/// A precondition that refuses the signature of a note on `s` while the risk signing gate says
/// no for any client who attended `s`. The gate is evaluated on the day of the signature, with
/// `s.risk_reviewed()` as the session's risk review and the given flags, safety plans and
/// referrals (any clients' records; each client's own are used). Problems have the path
/// `risk_gate.<reason>` (`risk_gate.risk_review_missing`, `risk_gate.safety_measure_missing`)
/// and name the client and flags; a note of another session gets a problem at `session`.
///
/// The inputs are copied into the precondition, which may outlive them. Thread-safe: calling
/// it only reads them.
/// @throws std::bad_alloc only.
[[nodiscard]] THERACORE_API signing_precondition
risk_gate_precondition(session s, std::vector<risk_flag> flags, std::vector<safety_plan> plans,
                       std::vector<referral> referrals);

}  // namespace adapters
THERACORE_NAMESPACE_END
