// SPDX-License-Identifier: Apache-2.0
#include <theracore/adapters/builtin_rule_sets.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace adapters {

const std::vector<outcomes::talking_therapies_rule_set>& talking_therapies_rule_sets() {
    static const std::vector<outcomes::talking_therapies_rule_set> sets = [] {
        std::vector<outcomes::talking_therapies_rule_set> out;
        for (const auto& inst : instruments::builtin_catalog().instruments()) {
            const auto* total = inst.total();
            if (!total) {
                continue;
            }
            for (const auto& c : total->psychometrics.change_criteria) {
                if (c.id == talking_therapies_criterion) {
                    out.push_back(talking_therapies_rule_set_for(inst, c.id));
                }
            }
        }
        return out;
    }();
    return sets;
}

const outcomes::talking_therapies_rule_set& talking_therapies_rule_set_named(
    std::string_view name) {
    std::string known;
    for (const auto& r : talking_therapies_rule_sets()) {
        if (r.name == name) {
            return r;
        }
        known += (known.empty() ? "" : ", ") + r.name;
    }
    throw not_found("no NHS Talking Therapies rule set \"" + std::string(name) +
                    "\" (known: " + known + ")");
}

}  // namespace adapters
THERACORE_NAMESPACE_END
