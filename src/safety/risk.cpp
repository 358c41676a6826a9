// SPDX-License-Identifier: Apache-2.0
#include <theracore/safety/risk.hpp>

#include "detail/safety_rules.hpp"

THERACORE_NAMESPACE_BEGIN
inline namespace safety {

problem_list validate(const cssrs_screener_answers& a) {
    problem_list p;
    const std::pair<const char*, const std::optional<bool>*> gated[] = {
        {"q3", &a.q3}, {"q4", &a.q4}, {"q5", &a.q5}};
    for (const auto& [key, answer] : gated) {
        if (a.q2 && !answer->has_value()) {
            p.push_back({key, "required when Q2 is Yes"});
        }
        if (!a.q2 && answer->has_value()) {
            p.push_back({key, "must be skipped when Q2 is No (screener skip rule)"});
        }
    }
    if (a.q6 && !a.q6_past_3_months) {
        p.push_back({"q6_past_3_months", "required when Q6 is Yes"});
    }
    if (!a.q6 && a.q6_past_3_months) {
        p.push_back({"q6_past_3_months", "must be empty when Q6 is No"});
    }
    return p;
}

problem_list validate(const cssrs_screener_result& r) {
    problem_list p;
    detail::append_prefixed(p, "answers", validate(r.answers));
    return p;
}

problem_list validate(const risk_factor& f) {
    problem_list p;
    if (!f.code && f.description.empty()) {
        p.push_back({"", "a factor needs a code or a description"});
    }
    detail::safety::validate_optional_code(p, "code", f.code);
    return p;
}

problem_list validate(const risk_action& a) {
    problem_list p;
    if (a.kind == risk_action_kind::other && a.description.empty()) {
        p.push_back({"description", "required when kind is other"});
    }
    return p;
}

problem_list validate(const risk_assessment& a) {
    problem_list p;
    detail::require_nonempty(p, "id", a.id);
    detail::require_nonempty(p, "client", a.client);
    detail::require_nonempty(p, "assessor", a.assessor);
    detail::safety::require_date(p, "assessed_on", a.assessed_on);
    if (a.cssrs_screener) {
        const auto screener_problems = validate(*a.cssrs_screener);
        detail::append_prefixed(p, "cssrs_screener", screener_problems);
        if (screener_problems.empty()) {
            const auto triaged = to_risk_level(a.cssrs_screener->triage);
            if (triaged && a.formulated_level < *triaged && a.formulation.empty()) {
                p.push_back({"formulation", "required when the formulated level (" +
                                                std::string(to_string(a.formulated_level)) +
                                                ") is below the screener triage (" +
                                                std::string(to_string(*triaged)) + ")"});
            }
        }
    }
    detail::validate_each(p, "risk_factors", a.risk_factors);
    detail::validate_each(p, "protective_factors", a.protective_factors);
    detail::validate_each(p, "actions", a.actions);
    if (a.formulated_level >= risk_level::high && a.actions.empty()) {
        p.push_back({"actions", "required when the formulated level is " +
                                    std::string(to_string(a.formulated_level))});
    }
    detail::safety::check_optional_date(p, "next_review", a.next_review);
    if (a.next_review) {
        detail::safety::not_before(p, "next_review", *a.next_review, a.assessed_on,
                                   "the assessment");
    }
    return p;
}

}  // namespace safety
THERACORE_NAMESPACE_END
