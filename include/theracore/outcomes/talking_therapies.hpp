// SPDX-License-Identifier: Apache-2.0
/// @file
/// NHS Talking Therapies (formerly IAPT) outcome conventions: rule-based, not formula-based
/// (instruments.md §3.4). Each rule set is data: a name, the instrument, its caseness threshold
/// and the number of points that counts as reliable change. The thresholds live in the
/// instrument definitions (the `nhs_talking_therapies` change criterion of PHQ-9 and GAD-7):
/// `talking_therapies_rule_set_for(instrument)` (outcomes/from_instrument.hpp) builds a rule set
/// from a definition, and `talking_therapies_rule_sets()` (outcomes/builtin_rule_sets.hpp, link
/// `theracore::catalog`) lists the built-in ones, `nhs_talking_therapies.phq9` (case >= 10,
/// reliable change >= 6) and `nhs_talking_therapies.gad7` (>= 8, >= 4). Callers may define
/// their own (a service's local measures) with the same type.
///
/// Per measure: reliable improvement = a change of at least `reliable_change` points in the
/// better direction; reliable deterioration = the same in the worse direction; recovery = a case
/// at the start and not a case at the end; reliable recovery = recovery and reliable
/// improvement. NHS Digital's headline figures combine PHQ-9 with an anxiety measure per
/// referral; that combination is not implemented here (see docs/outcomes.md).
#pragma once

#include <cmath>
#include <string>
#include <tuple>
#include <vector>

#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/error.hpp>
#include <theracore/outcomes/parameters.hpp>
#include <theracore/outcomes/series.hpp>

THERACORE_NAMESPACE_BEGIN
namespace outcomes {

/// A named rule set for one instrument.
struct talking_therapies_rule_set {
    std::string name;
    std::string instrument_id;
    score_direction direction{score_direction::lower_is_better};
    /// A score at or beyond this on the worse side is a case (PHQ-9: 10 or more).
    double caseness = 0;
    /// A change of at least this many points is reliable, either way (PHQ-9: 6).
    double reliable_change = 0;
    std::string source;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("name", s.name), field("instrument_id", s.instrument_id),
                               field("direction", s.direction), field("caseness", s.caseness),
                               field("reliable_change", s.reliable_change),
                               field("source", s.source));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const talking_therapies_rule_set& r);

/// One measure's pre/post outcome under a rule set.
struct talking_therapies_outcome {
    std::string rule_set;
    std::string instrument_id;
    double pre = 0;
    double post = 0;
    bool case_at_start = false;
    bool case_at_end = false;
    bool reliable_improvement = false;
    bool reliable_deterioration = false;
    /// A case at the start and not a case at the end.
    bool recovered = false;
    /// Recovered and reliably improved.
    bool reliable_recovery = false;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(
            field("rule_set", s.rule_set), field("instrument_id", s.instrument_id),
            field("pre", s.pre), field("post", s.post), field("case_at_start", s.case_at_start),
            field("case_at_end", s.case_at_end),
            field("reliable_improvement", s.reliable_improvement),
            field("reliable_deterioration", s.reliable_deterioration),
            field("recovered", s.recovered), field("reliable_recovery", s.reliable_recovery));
    }
};

/// True when `score` is a case under `r`.
[[nodiscard]] THERACORE_API bool is_case(const talking_therapies_rule_set& r,
                                         double score) noexcept;

/// The outcome of `pre` → `post` under `rules`.
/// @throws validation_error naming the argument: an invalid rule set, non-finite scores, pre
/// and post from different instruments or versions, or scores from another instrument than the
/// rule set's.
[[nodiscard]] THERACORE_API talking_therapies_outcome
talking_therapies(const instrument_score& pre, const instrument_score& post,
                  const talking_therapies_rule_set& rules);

}  // namespace outcomes
THERACORE_NAMESPACE_END
