// SPDX-License-Identifier: Apache-2.0
#include <theracore/safety/continuing_education.hpp>

#include "detail/safety_rules.hpp"

THERACORE_NAMESPACE_BEGIN
inline namespace safety {

problem_list validate(const ce_activity& a) {
    problem_list p;
    detail::require_nonempty(p, "id", a.id);
    detail::require_nonempty(p, "clinician", a.clinician);
    detail::require_nonempty(p, "provider", a.provider);
    detail::require_nonempty(p, "title", a.title);
    detail::safety::require_date(p, "completed_on", a.completed_on);
    if (!std::isfinite(a.hours) || a.hours <= 0) {
        p.push_back({"hours", "must be a positive number"});
    }
    detail::require_nonempty(p, "category", a.category);
    return p;
}

problem_list validate(const ce_requirement& r) {
    problem_list p;
    detail::require_nonempty(p, "jurisdiction", r.jurisdiction);
    detail::require_nonempty(p, "licence_type", r.licence_type);
    if (r.cycle_months < 1) {
        p.push_back({"cycle_months", "must be at least 1"});
    }
    if (!std::isfinite(r.total_hours) || r.total_hours < 0) {
        p.push_back({"total_hours", "must be zero or more"});
    }
    std::set<std::string> seen;
    double sum = 0;
    for (std::size_t i = 0; i < r.category_minimums.size(); ++i) {
        const auto& m = r.category_minimums[i];
        const std::string path = "category_minimums[" + std::to_string(i) + "]";
        detail::require_nonempty(p, path + ".category", m.category);
        if (!m.category.empty() && !seen.insert(m.category).second) {
            p.push_back({path + ".category", "duplicate category " + m.category});
        }
        if (!std::isfinite(m.hours) || m.hours <= 0) {
            p.push_back({path + ".hours", "must be a positive number"});
        } else {
            sum += m.hours;
        }
    }
    if (std::isfinite(r.total_hours) && sum > r.total_hours) {
        p.push_back({"category_minimums", "add up to more than total_hours"});
    }
    return p;
}

problem_list validate(const ce_rule_set& s) {
    problem_list p;
    detail::require_nonempty(p, "name", s.name);
    detail::validate_each(p, "requirements", s.requirements);
    std::set<std::pair<std::string, std::string>> seen;
    for (std::size_t i = 0; i < s.requirements.size(); ++i) {
        const auto& r = s.requirements[i];
        if (!seen.insert({r.jurisdiction, r.licence_type}).second) {
            p.push_back({"requirements[" + std::to_string(i) + "]",
                         "duplicate requirement for " + r.licence_type + " in " + r.jurisdiction});
        }
    }
    return p;
}

const ce_requirement* find_requirement(const ce_rule_set& rules, const licence& l) noexcept {
    for (const auto& r : rules.requirements) {
        if (r.jurisdiction == l.jurisdiction() && r.licence_type == l.type()) {
            return &r;
        }
    }
    return nullptr;
}

ce_compliance ce_compliance_on(const ce_requirement& r, const licence& l,
                               const clinician_id& holder,
                               const std::vector<ce_activity>& activities, date on) {
    throw_if_invalid(validate(r), "invalid CE requirement");
    throw_if_invalid(validate(l), "invalid licence");
    ce_compliance c;
    c.jurisdiction = r.jurisdiction;
    c.licence_type = r.licence_type;
    c.licence_number = l.number();
    c.renewal_date = l.expires();
    c.cycle_start = l.expires() - boost::gregorian::months(r.cycle_months);
    c.days_to_renewal = static_cast<long>((c.renewal_date - on).days());
    c.total_required = r.total_hours;
    for (const auto& m : r.category_minimums) {
        c.categories.push_back({m.category, m.hours, 0.0, 0.0});
    }
    problem_list bad;
    for (std::size_t i = 0; i < activities.size(); ++i) {
        const auto& a = activities[i];
        if (a.clinician != holder || a.completed_on.is_special() ||
            a.completed_on < c.cycle_start || a.completed_on >= c.renewal_date ||
            a.completed_on > on) {
            continue;
        }
        detail::append_prefixed(bad, "activities[" + std::to_string(i) + "]", validate(a));
        c.total_earned += a.hours;
        for (auto& cat : c.categories) {
            if (cat.category == a.category) {
                cat.earned += a.hours;
            }
        }
        c.counted.push_back(a.id);
    }
    throw_if_invalid(bad, "invalid CE activities");
    double category_shortfall = 0;
    for (auto& cat : c.categories) {
        cat.shortfall = std::max(0.0, cat.required - cat.earned);
        category_shortfall += cat.shortfall;
    }
    c.total_shortfall = std::max(0.0, c.total_required - c.total_earned);
    c.hours_needed = std::max(c.total_shortfall, category_shortfall);
    c.compliant = c.hours_needed <= 0.0;
    return c;
}

ce_compliance_report ce_compliance_for(const clinician& k, const ce_rule_set& rules,
                                       const std::vector<ce_activity>& activities, date on) {
    throw_if_invalid(validate(rules), "invalid CE rule set");
    ce_compliance_report report;
    for (const auto& l : k.licences) {
        if (const auto* r = find_requirement(rules, l)) {
            report.licences.push_back(ce_compliance_on(*r, l, k.id, activities, on));
        } else {
            report.without_requirement.push_back(l);
        }
    }
    return report;
}

}  // namespace safety
THERACORE_NAMESPACE_END
