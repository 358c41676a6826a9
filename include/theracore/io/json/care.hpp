// SPDX-License-Identifier: Apache-2.0
/// @file
/// JSON adapters for the care records (plans, interventions, sessions, notes, homework,
/// behaviour diaries, couples and family summaries, exports).
/// Declarations only: the adapters are compiled into the library (src/io/json/care_records.cpp),
/// one pair for each type of `THERACORE_CARE_TYPES` (theracore/io/types.hpp).
#pragma once

#include <theracore/care.hpp>
#include <theracore/io/json_api.hpp>
#include <theracore/io/types.hpp>

THERACORE_NAMESPACE_BEGIN

THERACORE_CARE_TYPES(THERACORE_JSON_DECLARE)

namespace io {
/// The types of `THERACORE_CARE_TYPES`.
using care_types = THERACORE_TYPE_LIST(THERACORE_CARE_TYPES, THERACORE_TYPE_LIST_ITEM);
}  // namespace io

THERACORE_NAMESPACE_END
