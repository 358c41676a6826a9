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
#include <theracore/detail/validation.hpp>
#include <theracore/enum.hpp>
#include <theracore/error.hpp>
#include <theracore/id.hpp>
#include <theracore/people/clinician.hpp>
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace safety {

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
[[nodiscard]] THERACORE_API problem_list validate(const ce_activity& a);

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
[[nodiscard]] THERACORE_API problem_list validate(const ce_requirement& r);

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
[[nodiscard]] THERACORE_API problem_list validate(const ce_rule_set& s);

/// The requirement of `rules` for `l`'s jurisdiction and type, or null. Refers into `rules`.
[[nodiscard]] THERACORE_API const ce_requirement* find_requirement(const ce_rule_set& rules,
                                                                   const licence& l) noexcept;

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
[[nodiscard]] THERACORE_API ce_compliance
ce_compliance_on(const ce_requirement& r, const licence& l, const clinician_id& holder,
                 const std::vector<ce_activity>& activities, date on);

/// The CE standing of every licence of `k` on `on` under `rules`, plus the licences the rules
/// do not cover.
struct ce_compliance_report {
    std::vector<ce_compliance> licences;
    std::vector<licence> without_requirement;
};

/// @throws validation_error as `ce_compliance_on`, or when `rules` is invalid.
[[nodiscard]] THERACORE_API ce_compliance_report
ce_compliance_for(const clinician& k, const ce_rule_set& rules,
                  const std::vector<ce_activity>& activities, date on);

}  // namespace safety
THERACORE_NAMESPACE_END
