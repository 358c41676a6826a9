// SPDX-License-Identifier: Apache-2.0
#include <theracore/safety/culture.hpp>

#include "detail/safety_rules.hpp"

THERACORE_NAMESPACE_BEGIN
inline namespace safety {

bool any_domain_explored(const cultural_formulation& f) {
    bool any = false;
    const auto look = [&any](const auto& domain) {
        detail::for_each_field(domain, [&any](auto field) { any = any || field.ref.has_value(); });
    };
    look(f.problem_definition);
    look(f.cause_context_support);
    look(f.coping_and_past_help);
    look(f.current_help_seeking);
    return any;
}

problem_list validate(const cultural_formulation& f) {
    problem_list p;
    detail::require_nonempty(p, "id", f.id);
    detail::require_nonempty(p, "client", f.client);
    detail::require_nonempty(p, "clinician", f.clinician);
    detail::safety::require_date(p, "recorded_on", f.recorded_on);
    if (f.respondent == cfi_respondent::informant) {
        if (!f.informant_name || f.informant_name->empty()) {
            p.push_back({"informant_name", "required for the informant version"});
        }
        if (!f.informant_relationship || f.informant_relationship->empty()) {
            p.push_back({"informant_relationship", "required for the informant version"});
        }
    }
    if (f.language) {
        detail::append_prefixed(p, "language", validate(*f.language));
        if (f.language->system != code_systems::bcp47) {
            p.push_back(
                {"language.system", std::string("a language must be a BCP-47 tag (system ") +
                                        code_systems::bcp47 + ")"});
        }
    }
    detail::validate_each(p, "cultural_concepts_of_distress", f.cultural_concepts_of_distress);
    if (!any_domain_explored(f)) {
        p.push_back({"", "no CFI domain has been explored"});
    }
    return p;
}

namespace {
/// The text when it says something; nothing otherwise.
std::optional<std::string> cfi_present(const std::optional<std::string>& text) {
    return text && !text->empty() ? text : std::nullopt;
}

std::optional<std::string> cfi_labelled(
    std::initializer_list<std::pair<const char*, const std::optional<std::string>*>> parts) {
    std::optional<std::string> out;
    for (const auto& [label, text] : parts) {
        if (*text && !(*text)->empty()) {
            out = (out ? *out + "\n" : std::string()) + label + ": " + **text;
        }
    }
    return out;
}

}  // namespace

cultural_profile derive_cultural_profile(const cultural_formulation& f) {
    const auto& d1 = f.problem_definition;
    const auto& d2 = f.cause_context_support;
    const auto& d3 = f.coping_and_past_help;
    const auto& d4 = f.current_help_seeking;
    cultural_profile p;
    p.cultural_identity = cfi_present(d2.cultural_identity);
    p.explanation_of_problem =
        cfi_labelled({{"In own words", &d1.problem_in_own_words},
                      {"As others describe it", &d1.how_others_describe},
                      {"Most troubling", &d1.most_troubling},
                      {"Causes", &d2.causes},
                      {"Others' views of cause", &d2.others_views_of_cause}});
    p.stressors_and_supports =
        cfi_labelled({{"Stressors", &d2.stressors}, {"Supports", &d2.supports}});
    p.help_seeking = cfi_labelled({{"Self-coping", &d3.self_coping},
                                   {"Past help seeking", &d3.past_help_seeking},
                                   {"Barriers", &d3.barriers},
                                   {"Preferences", &d4.preferences}});
    p.clinician_relationship = cfi_present(d4.clinician_relationship);
    return p;
}

}  // namespace safety
THERACORE_NAMESPACE_END
