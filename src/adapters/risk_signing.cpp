// SPDX-License-Identifier: Apache-2.0
#include <theracore/adapters/risk_signing.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace adapters {

signing_precondition risk_gate_precondition(session s, std::vector<risk_flag> flags,
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

}  // namespace adapters
THERACORE_NAMESPACE_END
