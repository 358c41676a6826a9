// SPDX-License-Identifier: Apache-2.0
/// @file
/// JSON adapters for the outcome analytics (`theracore::outcomes`). An `observation_time` is
/// its ISO-8601 text: `"2026-01-05"` for a date, `"2026-01-05T09:30:00Z"` for an instant.
/// Declarations only: the adapters are compiled into the library (src/io/json/outcomes.cpp),
/// one pair for each type of `THERACORE_OUTCOMES_TYPES` (theracore/io/types.hpp).
#pragma once

#include <theracore/io/json_api.hpp>
#include <theracore/io/types.hpp>
#include <theracore/outcomes.hpp>
#include <theracore/outcomes/report.hpp>

THERACORE_NAMESPACE_BEGIN
namespace outcomes {

THERACORE_JSON_DECLARE(observation_time)
THERACORE_OUTCOMES_TYPES(THERACORE_JSON_DECLARE)

}  // namespace outcomes

namespace io {
/// The types of `THERACORE_OUTCOMES_TYPES`.
using outcomes_types = THERACORE_TYPE_LIST(THERACORE_OUTCOMES_TYPES,
                                           THERACORE_TYPE_LIST_ITEM_OUTCOMES);
}  // namespace io

THERACORE_NAMESPACE_END
