// SPDX-License-Identifier: Apache-2.0
// The built-in definitions' JSON text, embedded at build time (see embed_definitions.cmake).
#pragma once

#include <cstddef>

namespace theracore_catalog_detail {

struct embedded_definition {
    const char* name;
    const char* json;
};

extern const embedded_definition builtin_definitions[];
extern const std::size_t builtin_definition_count;

}  // namespace theracore_catalog_detail
