// SPDX-License-Identifier: Apache-2.0
/// @file
/// The compiled JSON adapters of `THERACORE_CARE_TYPES`.

#include <theracore/io/json/care.hpp>
#include <theracore/io/json_core.hpp>

THERACORE_NAMESPACE_BEGIN

THERACORE_CARE_TYPES(THERACORE_JSON_DEFINE)

THERACORE_NAMESPACE_END
