// SPDX-License-Identifier: Apache-2.0
#include <theracore/adapters/administration_scores.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace adapters {

const instruments::scale& scale_for(const instruments::instrument& inst,
                                    std::string_view scale_id) {
    const auto* s = scale_id.empty() ? inst.total() : inst.find_scale(scale_id);
    if (s) {
        return *s;
    }
    std::string known;
    for (const auto& x : inst.scales()) {
        known += (known.empty() ? "" : ", ") + x.id;
    }
    throw validation_error(
        "no scale to read",
        {{"scale_id", scale_id.empty() ? inst.id() + " has no total scale; name one of: " + known
                                       : inst.id() + " has no scale \"" + std::string(scale_id) +
                                             "\" (scales: " + known + ")"}});
}

scale_reading read_scale(const instruments::instrument& inst, const instruments::administration& a,
                         const instruments::scale& s) {
    if (a.instrument != inst.id()) {
        throw validation_error("cannot read " + inst.id() + " scores",
                               {{"instrument", "administration " + a.id.str() + " is of " +
                                                   a.instrument + ", not " + inst.id()}});
    }
    scale_reading r;
    const auto unscored = [&](unscored_reason why, std::string detail) {
        r.unscored =
            unscored_administration{a.id, a.instrument, a.instrument_version, a.administered_at,
                                    s.id, why,          std::move(detail)};
        return r;
    };
    if (a.instrument_version != inst.version()) {
        return unscored(unscored_reason::other_version,
                        "scored with " + a.instrument + " v" + a.instrument_version + ", not v" +
                            inst.version() + ": re-score its answers with v" + inst.version());
    }
    const auto* score = a.result.scale(s.id);
    if (!score) {
        return unscored(unscored_reason::scale_not_scored,
                        "the stored result has no scale \"" + s.id + "\"");
    }
    if (score->status != instruments::scale_status::scored || !score->value) {
        return unscored(unscored_reason::scale_not_scored,
                        std::string(to_string(score->status)) + ": " + score->reason);
    }
    r.score = score;
    return r;
}

std::optional<unevaluated_flags> critical_flags_not_evaluated(
    const instruments::instrument& inst, const instruments::administration& a,
    instruments::flag_severity min_severity) {
    unevaluated_flags out{a.id, a.administered_at, {}};
    for (const auto& id : a.result.flags_not_evaluated) {
        const instruments::flag_rule* rule = nullptr;
        for (const auto& f : inst.flags()) {
            rule = f.id == id ? &f : rule;
        }
        if (!rule || rule->severity >= min_severity) {
            out.flags.push_back(id);
        }
    }
    if (out.flags.empty()) {
        return std::nullopt;
    }
    return out;
}

}  // namespace adapters
THERACORE_NAMESPACE_END
