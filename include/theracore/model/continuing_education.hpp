// SPDX-License-Identifier: Apache-2.0
/// @file
/// Continuing education (CE): activities a clinician completes, licence renewal requirements per
/// jurisdiction and licence type as data, and a clinician's compliance on a date.
///
/// Renewal rules are supplied by the integrator (a `ce_rule_set`); TheraCore ships none as fact.
/// docs/safety-and-consent.md has two clearly labelled fictional examples.
#pragma once

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <theracore/detail/describe.hpp>
#include <theracore/detail/safety_rules.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/error.hpp>
#include <theracore/model/clinician.hpp>
#include <theracore/model/enum.hpp>
#include <theracore/model/id.hpp>
#include <theracore/model/time.hpp>

THERACORE_NAMESPACE_BEGIN

/// Common CE category keys. Categories are an open set because every board defines its own
/// ("jurisprudence", "HIV/AIDS", …): a rule set and the activities just have to use the same keys.
namespace ce_categories {
inline constexpr const char* ethics = "ethics";
inline constexpr const char* cultural_competence = "cultural_competence";
inline constexpr const char* suicide_prevention = "suicide_prevention";
inline constexpr const char* supervision = "supervision";
inline constexpr const char* general = "general";
}  // namespace ce_categories

/// How a CE activity was delivered.
enum class ce_format { in_person, live_online, self_study, conference, academic_course, other };
constexpr auto describe_enum(ce_format) {
    using E = ce_format;
    return enum_table<E, 6>{"ce_format",
                            {{{E::in_person, "in_person"},
                              {E::live_online, "live_online"},
                              {E::self_study, "self_study"},
                              {E::conference, "conference"},
                              {E::academic_course, "academic_course"},
                              {E::other, "other"}}}};
}

/// A completed CE activity.
struct ce_activity {
    static constexpr const char* schema_name = "theracore.ce_activity";
    static constexpr int schema_version = 1;

    ce_activity_id id;
    clinician_id clinician;
    std::string provider;
    std::string title;
    date completed_on;
    double hours = 0;
    std::string category;
    ce_format format{ce_format::in_person};
    std::optional<std::string> certificate_reference;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("id", s.id), field("clinician", s.clinician),
                               field("provider", s.provider), field("title", s.title),
                               field("completed_on", s.completed_on), field("hours", s.hours),
                               field("category", s.category), field("format", s.format),
                               field("certificate_reference", s.certificate_reference));
    }
};

/// Problems of `a`: every field but the certificate is required; hours are positive.
[[nodiscard]] inline problem_list validate(const ce_activity& a) {
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

/// A minimum number of hours in one category within a renewal cycle.
struct ce_category_minimum {
    std::string category;
    double hours = 0;

    template <class Self>
    static auto describe(Self& s) {
        return std::make_tuple(detail::field("category", s.category),
                               detail::field("hours", s.hours));
    }
};

/// The CE a licence type in a jurisdiction needs per renewal cycle. The cycle ends on the
/// licence's expiry date and starts `cycle_months` before it; hours in a category count toward
/// both the category minimum and the total.
struct ce_requirement {
    std::string jurisdiction;  ///< as in `licence::jurisdiction`, e.g. "US-TX"
    std::string licence_type;  ///< as in `licence::type`, e.g. "LPC"
    int cycle_months = 24;
    double total_hours = 0;
    std::vector<ce_category_minimum> category_minimums;
    /// Where the rule comes from (the board's rule and its date), for people.
    std::string source;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(
            field("jurisdiction", s.jurisdiction), field("licence_type", s.licence_type),
            field("cycle_months", s.cycle_months), field("total_hours", s.total_hours),
            field("category_minimums", s.category_minimums), field("source", s.source));
    }
};

/// Problems of `r`: a jurisdiction and licence type; a cycle of at least one month; a total of
/// zero or more hours; positive category minimums, no category twice, and minimums that fit in
/// the total.
[[nodiscard]] inline problem_list validate(const ce_requirement& r) {
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

/// A set of renewal requirements, as an integrator or a board publishes them.
struct ce_rule_set {
    static constexpr const char* schema_name = "theracore.ce_rule_set";
    static constexpr int schema_version = 1;

    std::string name;
    /// A note for people, e.g. the date the rules were last checked against the board's text.
    std::string notice;
    std::vector<ce_requirement> requirements;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("name", s.name), field("notice", s.notice),
                               field("requirements", s.requirements));
    }
};

/// Problems of `s`: a name, valid requirements, one requirement per jurisdiction and type.
[[nodiscard]] inline problem_list validate(const ce_rule_set& s) {
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

/// The requirement of `rules` for `l`'s jurisdiction and type, or null. Refers into `rules`.
[[nodiscard]] inline const ce_requirement* find_requirement(const ce_rule_set& rules,
                                                            const licence& l) noexcept {
    for (const auto& r : rules.requirements) {
        if (r.jurisdiction == l.jurisdiction() && r.licence_type == l.type()) {
            return &r;
        }
    }
    return nullptr;
}

/// Hours required and earned in one category.
struct ce_category_status {
    std::string category;
    double required = 0;
    double earned = 0;
    double shortfall = 0;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("category", s.category), field("required", s.required),
                               field("earned", s.earned), field("shortfall", s.shortfall));
    }
};

/// A licence's CE standing on a date.
struct ce_compliance {
    std::string jurisdiction;
    std::string licence_type;
    std::string licence_number;
    date cycle_start;
    date renewal_date;
    /// Days from the date asked about to the renewal date; negative once it has passed.
    long days_to_renewal = 0;
    double total_required = 0;
    double total_earned = 0;
    double total_shortfall = 0;
    std::vector<ce_category_status> categories;
    /// The fewest further hours that would meet every minimum: category hours count toward the
    /// total, so this is max(total shortfall, sum of category shortfalls).
    double hours_needed = 0;
    bool compliant = false;
    /// The activities counted, in the order given.
    std::vector<ce_activity_id> counted;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(
            field("jurisdiction", s.jurisdiction), field("licence_type", s.licence_type),
            field("licence_number", s.licence_number), field("cycle_start", s.cycle_start),
            field("renewal_date", s.renewal_date), field("days_to_renewal", s.days_to_renewal),
            field("total_required", s.total_required), field("total_earned", s.total_earned),
            field("total_shortfall", s.total_shortfall), field("categories", s.categories),
            field("hours_needed", s.hours_needed), field("compliant", s.compliant),
            field("counted", s.counted));
    }
};

/// The CE standing on `on` of `holder`'s licence `l` under requirement `r`. The cycle is
/// [expiry − cycle_months, expiry); activities of `holder` completed in the cycle and on or
/// before `on` count. Proration of a first, shortened cycle is board-specific and not modelled.
/// Pure; thread-safe for distinct arguments.
/// @throws validation_error when `r` or a counted activity is invalid, or `l` is an empty
///         placeholder.
[[nodiscard]] inline ce_compliance ce_compliance_on(const ce_requirement& r, const licence& l,
                                                    const clinician_id& holder,
                                                    const std::vector<ce_activity>& activities,
                                                    date on) {
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

/// The CE standing of every licence of `k` on `on` under `rules`, plus the licences the rules
/// do not cover.
struct ce_compliance_report {
    std::vector<ce_compliance> licences;
    std::vector<licence> without_requirement;
};

/// @throws validation_error as `ce_compliance_on`, or when `rules` is invalid.
[[nodiscard]] inline ce_compliance_report ce_compliance_for(
    const clinician& k, const ce_rule_set& rules, const std::vector<ce_activity>& activities,
    date on) {
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

THERACORE_NAMESPACE_END
