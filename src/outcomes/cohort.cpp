// SPDX-License-Identifier: Apache-2.0
#include <theracore/outcomes/cohort.hpp>

#include "detail/outcomes.hpp"

THERACORE_NAMESPACE_BEGIN
namespace outcomes {

const category_count& row(const cohort_summary& s, const std::string& category) {
    for (const auto& c : s.categories) {
        if (c.category == category) {
            return c;
        }
    }
    throw not_found("cohort summary has no category \"" + category + "\"");
}

namespace detail {

category_count make_row(std::string name, std::size_t count, std::size_t denominator) {
    return {std::move(name), count, denominator,
            denominator == 0 ? 0.0 : static_cast<double>(count) / static_cast<double>(denominator)};
}

}  // namespace detail

cohort_summary summarize(const std::vector<jacobson_truax_outcome>& outcomes) {
    problem_list p;
    for (std::size_t i = 1; i < outcomes.size(); ++i) {
        if (outcomes[i].change.threshold.parameters != outcomes[0].change.threshold.parameters) {
            p.push_back({detail::outcome_path(i) + ".change.threshold.parameters",
                         "differs from outcomes[0]; a summary needs one parameter set"});
        }
        if (outcomes[i].cutoff.criterion != outcomes[0].cutoff.criterion ||
            outcomes[i].cutoff.value != outcomes[0].cutoff.value) {
            p.push_back({detail::outcome_path(i) + ".cutoff",
                         "differs from outcomes[0]; a summary needs one cut-off"});
        }
    }
    throw_if_invalid(p, "cannot summarize a mixed cohort");
    cohort_summary s;
    s.method = "jacobson_truax";
    s.instrument_id =
        outcomes.empty() ? std::string() : outcomes[0].change.threshold.parameters.instrument_id;
    s.n = outcomes.size();
    s.categories =
        detail::category_rows(outcomes, [](const jacobson_truax_outcome& o) { return o.category; });
    return s;
}

cohort_summary summarize(const std::vector<hageman_arrindell_outcome>& outcomes) {
    problem_list p;
    for (std::size_t i = 1; i < outcomes.size(); ++i) {
        if (outcomes[i].parameters != outcomes[0].parameters ||
            outcomes[i].group != outcomes[0].group ||
            outcomes[i].critical_value != outcomes[0].critical_value) {
            p.push_back({detail::outcome_path(i),
                         "parameters, group statistics or critical value differ from outcomes[0]"});
        }
    }
    throw_if_invalid(p, "cannot summarize a mixed cohort");
    cohort_summary s;
    s.method = "hageman_arrindell";
    s.instrument_id = outcomes.empty() ? std::string() : outcomes[0].parameters.instrument_id;
    s.n = outcomes.size();
    s.categories = detail::category_rows(
        outcomes, [](const hageman_arrindell_outcome& o) { return o.category; });
    return s;
}

cohort_summary summarize(const std::vector<talking_therapies_outcome>& outcomes) {
    problem_list p;
    for (std::size_t i = 1; i < outcomes.size(); ++i) {
        if (outcomes[i].rule_set != outcomes[0].rule_set) {
            p.push_back({detail::outcome_path(i) + ".rule_set",
                         "\"" + outcomes[i].rule_set + "\" differs from outcomes[0] (\"" +
                             outcomes[0].rule_set + "\")"});
        }
    }
    throw_if_invalid(p, "cannot summarize a mixed cohort");
    std::size_t cases = 0, recovered = 0, reliable_recovery = 0, improved = 0, deteriorated = 0;
    for (const auto& o : outcomes) {
        cases += o.case_at_start ? 1u : 0u;
        recovered += o.recovered ? 1u : 0u;
        reliable_recovery += o.reliable_recovery ? 1u : 0u;
        improved += o.reliable_improvement ? 1u : 0u;
        deteriorated += o.reliable_deterioration ? 1u : 0u;
    }
    cohort_summary s;
    s.method = outcomes.empty() ? std::string() : outcomes[0].rule_set;
    s.instrument_id = outcomes.empty() ? std::string() : outcomes[0].instrument_id;
    s.n = outcomes.size();
    s.categories = {detail::make_row("case_at_start", cases, s.n),
                    detail::make_row("recovered", recovered, cases),
                    detail::make_row("reliable_recovery", reliable_recovery, cases),
                    detail::make_row("reliable_improvement", improved, s.n),
                    detail::make_row("reliable_deterioration", deteriorated, s.n)};
    return s;
}

}  // namespace outcomes
THERACORE_NAMESPACE_END
