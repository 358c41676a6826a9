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

#include <theracore/error.hpp>
#include <theracore/model/enum.hpp>
#include <theracore/model/progress_note.hpp>
#include <theracore/model/referral.hpp>
#include <theracore/model/risk_flag.hpp>
#include <theracore/model/risk_gate.hpp>
#include <theracore/model/safety_plan.hpp>
#include <theracore/model/session.hpp>

THERACORE_NAMESPACE_BEGIN

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
[[nodiscard]] inline signing_precondition risk_gate_precondition(session s,
                                                                 std::vector<risk_flag> flags,
                                                                 std::vector<safety_plan> plans,
                                                                 std::vector<referral> referrals) {
    struct inputs {
        session s;
        std::vector<risk_flag> flags;
        std::vector<safety_plan> plans;
        std::vector<referral> referrals;
    };
    auto in = std::make_shared<const inputs>(
        inputs{std::move(s), std::move(flags), std::move(plans), std::move(referrals)});
    return [in](const progress_note& note, const note_signature& signature) {
        problem_list p;
        if (note.session() != in->s.id()) {
            p.push_back({"session", "the risk gate was prepared for session " + in->s.id().str() +
                                        ", not " + note.session().str()});
            return p;
        }
        if (signature.at.is_special()) {
            return p;  // the note's own rules reject a signature without a time
        }
        for (const auto& client : in->s.attending_clients()) {
            const auto d =
                evaluate_risk_signing_gate(client, signature.at.date(), in->s.risk_reviewed(),
                                           in->flags, in->plans, in->referrals);
            for (const auto& r : d.reasons) {
                p.push_back({"risk_gate." + std::string(to_string(r.reason)),
                             "client " + client.str() + ": " + r.message});
            }
        }
        return p;
    };
}

THERACORE_NAMESPACE_END
