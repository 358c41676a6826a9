// SPDX-License-Identifier: Apache-2.0
#include <theracore/safety/safety_plan.hpp>

#include "detail/safety_rules.hpp"

THERACORE_NAMESPACE_BEGIN
inline namespace safety {

problem_list validate(const safety_contact& c) {
    problem_list p;
    detail::require_nonempty(p, "name", c.name);
    detail::validate_each(p, "telecom", c.telecom);
    return p;
}

problem_list validate(const support_service& s) {
    problem_list p;
    detail::require_nonempty(p, "name", s.name);
    if ((s.kind == support_service_kind::crisis_line ||
         s.kind == support_service_kind::emergency_services) &&
        s.telecom.empty()) {
        p.push_back({"telecom", "a " + std::string(to_string(s.kind)) +
                                    " entry needs a number or address to reach it"});
    }
    detail::validate_each(p, "telecom", s.telecom);
    return p;
}

problem_list validate(const means_safety_step& m) {
    problem_list p;
    detail::require_nonempty(p, "means", m.means);
    detail::require_nonempty(p, "action", m.action);
    return p;
}

problem_list validate(const safety_plan& s) {
    problem_list p;
    detail::require_nonempty(p, "id", s.id);
    if (s.plan_version < 1) {
        p.push_back({"plan_version", "versions count from 1"});
    }
    detail::require_nonempty(p, "client", s.client);
    detail::require_nonempty(p, "clinician", s.clinician);
    detail::safety::require_date(p, "created_on", s.created_on);
    detail::safety::require_date(p, "review_on", s.review_on);
    detail::safety::not_before(p, "review_on", s.review_on, s.created_on, "the creation date");
    detail::safety::check_optional_date(p, "client_copy_given_on", s.client_copy_given_on);
    if (s.client_copy_given_on) {
        detail::safety::not_before(p, "client_copy_given_on", *s.client_copy_given_on, s.created_on,
                                   "the creation date");
    }
    if (s.warning_signs.empty()) {
        p.push_back({"warning_signs", "a safety plan starts from at least one warning sign"});
    }
    detail::safety::no_empty_entries(p, "warning_signs", s.warning_signs);
    detail::safety::no_empty_entries(p, "internal_coping_strategies", s.internal_coping_strategies);
    detail::validate_each(p, "distraction_contacts", s.distraction_contacts);
    detail::safety::no_empty_entries(p, "distraction_settings", s.distraction_settings);
    detail::validate_each(p, "help_contacts", s.help_contacts);
    bool crisis = false;
    for (const auto& service : s.professionals_and_agencies) {
        crisis = crisis || service.kind == support_service_kind::crisis_line ||
                 service.kind == support_service_kind::emergency_services;
    }
    if (!crisis) {
        p.push_back(
            {"professionals_and_agencies", "needs at least one crisis line or emergency service"});
    }
    detail::validate_each(p, "professionals_and_agencies", s.professionals_and_agencies);
    detail::validate_each(p, "environment_safety", s.environment_safety);
    detail::safety::no_empty_entries(p, "reasons_for_living", s.reasons_for_living);
    return p;
}

safety_plan revise(const safety_plan& plan, date on, date review_on, clinician_id by) {
    safety_plan next = plan;
    next.plan_version = plan.plan_version + 1;
    next.created_on = on;
    next.review_on = review_on;
    next.clinician = std::move(by);
    next.client_copy_given_on.reset();
    problem_list p = validate(next);
    detail::safety::not_before(p, "created_on", on, plan.created_on,
                               "version " + std::to_string(plan.plan_version));
    throw_if_invalid(p, "invalid safety plan revision");
    return next;
}

const safety_plan* current_safety_plan(const std::vector<safety_plan>& plans,
                                       const client_id& client, date on) noexcept {
    const safety_plan* best = nullptr;
    for (const auto& p : plans) {
        if (p.client != client || p.created_on.is_special() || p.created_on > on) {
            continue;
        }
        bool superseded = false;
        for (const auto& q : plans) {
            superseded = superseded ||
                         (q.id == p.id && q.client == client && q.plan_version > p.plan_version &&
                          !q.created_on.is_special() && q.created_on <= on);
        }
        if (superseded || p.review_on.is_special() || on > p.review_on) {
            continue;
        }
        if (!best || p.created_on > best->created_on ||
            (p.created_on == best->created_on && p.plan_version > best->plan_version)) {
            best = &p;
        }
    }
    return best;
}

}  // namespace safety
THERACORE_NAMESPACE_END
