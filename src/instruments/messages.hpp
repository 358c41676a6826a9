// SPDX-License-Identifier: Apache-2.0
// Messages of the scoring functions, shared by single and batch scoring.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <theracore/instruments/batch_view.hpp>
#include <theracore/instruments/definition.hpp>
#include <theracore/instruments/instrument.hpp>
#include <theracore/instruments/score.hpp>

#include "plan.hpp"

THERACORE_NAMESPACE_BEGIN
namespace instruments {
namespace detail {

/// What item `ip` accepts, for messages: "0, 1, 2, 3" or "a whole number from 0".
std::string allowed_text(const item_plan& ip);

/// "7 is not an allowed answer (allowed: 0, 1, 2, 3)".
std::string invalid_value_message(const item_plan& ip, double v);

/// Why an answer `v` to item `item` is invalid although allowed: a skip rule does not ask it.
std::string skipped_message(const instrument_definition& d, std::size_t item, double v);

/// Why scale `s` has status `st` under options `o`, with `missing` items missing; empty when
/// scored.
std::string reason_text(const instrument_definition& d, const scale& s, const score_options& o,
                        scale_status st, int missing);

/// Builds the detailed result of row 0 of `out`.
score_result build_result(const instrument& inst, const plan& p, const batch_result& out,
                          const std::vector<scale_counts>& counts);

}  // namespace detail
}  // namespace instruments
THERACORE_NAMESPACE_END
