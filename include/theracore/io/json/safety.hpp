// SPDX-License-Identifier: Apache-2.0
/// @file
/// JSON adapters for the risk, safety, referral, consent, culture and continuing-education
/// records (theracore/safety.hpp).
/// Declarations only: the adapters are compiled into the library (src/io/json/safety.cpp), one
/// pair for each type of `THERACORE_SAFETY_TYPES` (theracore/io/types.hpp).
#pragma once

#include <theracore/io/json_api.hpp>
#include <theracore/io/types.hpp>
#include <theracore/safety.hpp>

THERACORE_NAMESPACE_BEGIN

THERACORE_SAFETY_TYPES(THERACORE_JSON_DECLARE)

namespace io {
/// The types of `THERACORE_SAFETY_TYPES`.
using safety_types = THERACORE_TYPE_LIST(THERACORE_SAFETY_TYPES, THERACORE_TYPE_LIST_ITEM);
}  // namespace io

THERACORE_NAMESPACE_END
