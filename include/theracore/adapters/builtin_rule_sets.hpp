// SPDX-License-Identifier: Apache-2.0
/// @file
/// The NHS Talking Therapies rule sets of the built-in catalog (link `theracore::catalog`),
/// taken from the instrument definitions' `nhs_talking_therapies` change criteria: the
/// definitions hold the thresholds, this header only lists them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <theracore/adapters/from_instrument.hpp>
#include <theracore/error.hpp>
#include <theracore/instruments/builtin_catalog.hpp>
#include <theracore/outcomes/talking_therapies.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace adapters {

/// The id of the NHS Talking Therapies change criterion in the built-in definitions.
inline constexpr std::string_view talking_therapies_criterion = "nhs_talking_therapies";

/// One rule set per built-in instrument whose total scale has an `nhs_talking_therapies`
/// change criterion, in catalog order: `nhs_talking_therapies.phq9` (caseness >= 10, reliable
/// change >= 6) and `nhs_talking_therapies.gad7` (>= 8, >= 4). Built once; thread-safe.
/// @throws validation_error only if a built-in definition's criterion is broken.
[[nodiscard]] THERACORE_API const std::vector<outcomes::talking_therapies_rule_set>&
talking_therapies_rule_sets();

/// The built-in rule set called `name`. @throws not_found naming it and the known names.
[[nodiscard]] THERACORE_API const outcomes::talking_therapies_rule_set&
talking_therapies_rule_set_named(std::string_view name);

}  // namespace adapters
THERACORE_NAMESPACE_END
