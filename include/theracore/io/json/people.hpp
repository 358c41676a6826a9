// SPDX-License-Identifier: Apache-2.0
/// @file
/// JSON adapters for the core model (clients, clinicians, episodes, intakes).
/// Declarations only: the adapters are compiled into the library (src/io/json/model.cpp), one
/// pair for each type of `THERACORE_PEOPLE_TYPES` (theracore/io/types.hpp).
#pragma once

#include <theracore/io/json_api.hpp>
#include <theracore/io/types.hpp>
#include <theracore/people.hpp>

THERACORE_NAMESPACE_BEGIN

THERACORE_PEOPLE_TYPES(THERACORE_JSON_DECLARE)

namespace io {
/// The types of `THERACORE_PEOPLE_TYPES`.
using people_types = THERACORE_TYPE_LIST(THERACORE_PEOPLE_TYPES, THERACORE_TYPE_LIST_ITEM);
}  // namespace io

THERACORE_NAMESPACE_END
