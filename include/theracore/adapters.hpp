// SPDX-License-Identifier: Apache-2.0
/// @file
/// The adapters that connect the areas (compiled into `theracore::core`; docs/architecture.md, "How
/// the areas connect"): instrument definitions and scored administrations to the outcome analytics
/// and the clinical records, the C-SSRS triage of risk records, the risk gate on note signing, and
/// GAS T-scores of treatment plans. The conveniences that use the built-in catalog are not
/// included here: `theracore/adapters/builtin_rule_sets.hpp` and
/// `theracore/adapters/builtin_cssrs_screener.hpp` (link `theracore::catalog`).
#pragma once

#include <theracore/adapters/administration_scores.hpp>
#include <theracore/adapters/cssrs_screener.hpp>
#include <theracore/adapters/from_administration.hpp>
#include <theracore/adapters/from_instrument.hpp>
#include <theracore/adapters/from_plan.hpp>
#include <theracore/adapters/risk_signing.hpp>
