// SPDX-License-Identifier: Apache-2.0
// Shared test data for the instrument engine: a small valid definition that tests break one
// rule at a time, and helpers around the built-in catalog.
#pragma once

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include <theracore/instruments.hpp>
#include <theracore/instruments/builtin_catalog.hpp>

namespace theracore::test {

namespace ti = theracore::instruments;

/// The scale `id` of a result (throws when it has none, failing the test that asked).
inline const ti::scale_score& scale_of(const ti::score_result& r, const std::string& id) {
    const auto* s = r.scale(id);
    if (!s) {
        throw std::runtime_error("no scale " + id);
    }
    return *s;
}

/// The outcome of derived rule `id` of a result (throws when it has none).
inline const ti::derived_result& outcome_of(const ti::score_result& r, const std::string& id) {
    const auto* d = r.outcome(id);
    if (!d) {
        throw std::runtime_error("no derived rule " + id);
    }
    return *d;
}

inline const double na = std::numeric_limits<double>::quiet_NaN();

/// A made-up four-item instrument ("toy"), valid as built: items 1–3 on a 0–3 scale (item 3
/// reverse keyed), item 4 on a 0–2 scale with a not-applicable code 9; a total 0–11 with two
/// band sets and a cut-off, a subscale of items 1–2 with a one-missing prorating rule, a flag
/// on item 2 and a criteria rule.
inline ti::instrument_definition toy_definition() {
    ti::instrument_definition d;
    d.id = "toy";
    d.name = "Toy instrument";
    d.version = "1";
    d.citation = "Test fixture";
    d.licence = ti::licence_terms::public_domain;
    d.licence_note = "Test fixture";
    d.texts_may_ship = true;
    ti::response_scale four;
    four.id = "four";
    four.options = {{0, "never", false, {}},
                    {1, "sometimes", false, {}},
                    {2, "often", false, {}},
                    {3, "always", false, {}}};
    ti::response_scale three;
    three.id = "three";
    three.options = {{0, "none", false, {}},
                     {1, "some", false, {}},
                     {2, "much", false, {}},
                     {9, "not applicable", true, {}}};
    d.response_scales = {four, three};
    d.items.resize(4);
    d.items[0].response_scale = "four";
    d.items[1].response_scale = "four";
    d.items[2].response_scale = "four";
    d.items[2].reverse = true;
    d.items[3].response_scale = "three";
    ti::scale total;
    total.id = "total";
    total.name = "Total";
    total.role = ti::scale_role::total;
    total.items = {"toy_1", "toy_2", "toy_3", "toy_4"};
    total.band_sets = {
        {"main", "Main", "Test fixture", true, {{0, 3, "low"}, {4, 7, "medium"}, {8, 11, "high"}}},
        {"alt", "Alternative", "Test fixture", false, {{0, 5, "low"}, {6, 11, "high"}}}};
    total.cut_offs = {
        {"case", "Case", ti::comparison::at_least, 6, "", std::nullopt, "Test fixture"}};
    ti::scale sub;
    sub.id = "sub";
    sub.name = "Subscale";
    sub.role = ti::scale_role::subscale;
    sub.items = {"toy_1", "toy_2"};
    sub.missing = ti::missing_rule{1,
                                   {},
                                   ti::prorate_method::mean_of_answered,
                                   ti::rounding_rule::half_up,
                                   true,
                                   "Test fixture"};
    d.scales = {total, sub};
    ti::flag_rule flag;
    flag.id = "item2";
    flag.name = "Item 2 endorsed";
    flag.any_of = {{{"toy_2"}, ti::condition_match::any, ti::comparison::greater_than, 0}};
    flag.source = "Test fixture";
    d.flags = {flag};
    ti::derived_rule rule;
    rule.id = "two_high";
    rule.name = "Two items at 2 or more";
    rule.rule = ti::criteria_rule{{{"",
                                    {{{"toy_1", "toy_2", "toy_3"}, ti::comparison::at_least, 2}},
                                    2,
                                    std::nullopt,
                                    std::nullopt}}};
    rule.source = "Test fixture";
    d.derived = {rule};
    return d;
}

inline ti::instrument toy() {
    return ti::instrument::create(toy_definition());
}

/// A built-in instrument.
inline const ti::instrument& builtin(const std::string& id) {
    return ti::builtin_catalog().at(id);
}

/// Answers in form order; NaN is missing.
inline ti::responses answers(std::vector<double> values) {
    std::vector<ti::answer> a(values.begin(), values.end());
    return ti::responses::ordered(std::move(a));
}

/// The paths of a validation_error thrown by `f`, or {"<no throw>"}.
template <class F>
std::vector<std::string> problem_paths(F&& f) {
    try {
        f();
    } catch (const theracore::validation_error& e) {
        std::vector<std::string> paths;
        for (const auto& p : e.problems()) {
            paths.push_back(p.path);
        }
        return paths;
    }
    return {"<no throw>"};
}

}  // namespace theracore::test
