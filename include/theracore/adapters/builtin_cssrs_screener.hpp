// SPDX-License-Identifier: Apache-2.0
/// @file
/// The C-SSRS screener triage with the built-in screener definition (`cssrs_screener` of
/// `builtin_catalog()`). Link `theracore::catalog`; without it, pass the definition yourself
/// (adapters/cssrs_screener.hpp).
#pragma once

#include <theracore/adapters/cssrs_screener.hpp>
#include <theracore/instruments/builtin_catalog.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace adapters {

/// The built-in C-SSRS screener definition. Thread-safe.
/// @throws not_found if the catalog lacks it (a build without the definition).
[[nodiscard]] inline const instruments::instrument& builtin_cssrs_screener() {
    return instruments::builtin_catalog().at("cssrs_screener");
}

/// `cssrs_screener_triage(builtin_cssrs_screener(), a)`. @throws as that function.
[[nodiscard]] inline cssrs_triage cssrs_screener_triage(const cssrs_screener_answers& a) {
    return cssrs_screener_triage(builtin_cssrs_screener(), a);
}

/// `score_cssrs_screener(builtin_cssrs_screener(), a)`. @throws as that function.
[[nodiscard]] inline cssrs_screener_result score_cssrs_screener(const cssrs_screener_answers& a) {
    return score_cssrs_screener(builtin_cssrs_screener(), a);
}

/// `check_cssrs_screener(builtin_cssrs_screener(), r)`. @throws as that function.
[[nodiscard]] inline problem_list check_cssrs_screener(const cssrs_screener_result& r) {
    return check_cssrs_screener(builtin_cssrs_screener(), r);
}

/// `check_risk_assessment(builtin_cssrs_screener(), a)`. @throws as that function.
[[nodiscard]] inline problem_list check_risk_assessment(const risk_assessment& a) {
    return check_risk_assessment(builtin_cssrs_screener(), a);
}

}  // namespace adapters
THERACORE_NAMESPACE_END
