// SPDX-License-Identifier: Apache-2.0
/// @file
/// The C-SSRS screener triage of a risk assessment, computed by the instrument engine from the
/// screener's instrument definition. The triage table (instruments reference §2.18) is written
/// once, as the derived rule `risk_level` of `src/instruments/definitions/cssrs_screener.json`;
/// this header only translates the risk record's answers into that definition's responses and
/// its triage label back into `cssrs_triage`.
///
/// With the built-in catalog linked (`theracore::catalog`), adapters/builtin_cssrs_screener.hpp
/// offers the same functions without the `screener` argument.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <theracore/detail/validation.hpp>
#include <theracore/enum.hpp>
#include <theracore/error.hpp>
#include <theracore/instruments/instrument.hpp>
#include <theracore/instruments/responses.hpp>
#include <theracore/instruments/score.hpp>
#include <theracore/safety/risk.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace adapters {

/// The id of the screener definition's triage rule.
inline constexpr std::string_view cssrs_triage_rule_id = "risk_level";

/// Every reason `screener` cannot triage `cssrs_screener_answers`: it must have the screener's
/// seven items in form order (Q1–Q5, Q6, Q6b) and a triage rule `risk_level` whose levels are
/// exactly `none`, `low`, `moderate`, `high` (the names of `cssrs_triage`), lowest first.
[[nodiscard]] THERACORE_API problem_list
check_cssrs_screener_definition(const instruments::instrument& screener);

/// The answers as the screener definition's responses, in form order: items 1–5 are Q1–Q5,
/// item 6 is Q6 and item 7 is Q6b ("within the past 3 months"); Yes is 1, No is 0, and a
/// question the skip rule leaves out is missing (the definition's own skip rules score it).
[[nodiscard]] THERACORE_API instruments::responses cssrs_screener_responses(
    const cssrs_screener_answers& a);

/// The triage level of `a` under the screener definition `screener`: the highest level its
/// triage rule reaches (Q1 or Q2 low; Q3 moderate; Q4 or Q5 high; Q6 more than 3 months ago
/// moderate, within 3 months high — instruments reference §2.18, in the definition).
///
/// @throws validation_error when the answers break the skip rule (see `validate`: a Yes to Q4
/// recorded after a No to Q2 is a data-entry error that could hide high risk, so it is refused,
/// not triaged), when `screener` is not a C-SSRS screener definition
/// (`check_cssrs_screener_definition`), or when the definition leaves the level undetermined for
/// a complete set of answers.
[[nodiscard]] THERACORE_API cssrs_triage
cssrs_screener_triage(const instruments::instrument& screener, const cssrs_screener_answers& a);

/// The answers with their triage under `screener`. @throws as `cssrs_screener_triage`.
[[nodiscard]] inline cssrs_screener_result score_cssrs_screener(
    const instruments::instrument& screener, const cssrs_screener_answers& a) {
    return {a, cssrs_screener_triage(screener, a)};
}

/// Every problem of a recorded screener result under `screener`: the answers' skip rule, and a
/// stored triage that differs from the one the definition gives (paths `answers.…`, `triage`).
/// @throws validation_error when `screener` is not a C-SSRS screener definition.
[[nodiscard]] THERACORE_API problem_list
check_cssrs_screener(const instruments::instrument& screener, const cssrs_screener_result& r);

/// Every problem of `a` (`validate`) plus a screener triage that does not match its answers
/// under `screener` (path `cssrs_screener.triage`).
/// @throws validation_error when `screener` is not a C-SSRS screener definition.
[[nodiscard]] THERACORE_API problem_list
check_risk_assessment(const instruments::instrument& screener, const risk_assessment& a);

}  // namespace adapters
THERACORE_NAMESPACE_END
