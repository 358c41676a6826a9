// SPDX-License-Identifier: Apache-2.0
/// @file
/// The built-in catalog (link `theracore::catalog`): the definitions under src/instruments/,
/// embedded at build time. Nothing is read from files at run time.
#pragma once

#include <theracore/instruments/catalog.hpp>

THERACORE_NAMESPACE_BEGIN
namespace instruments {

/// Every built-in instrument, parsed and checked on first use. Thread-safe (the first call
/// from any thread builds it once); the reference stays valid for the program's lifetime.
/// @throws validation_error only if a built-in definition is broken (a build defect that the
/// catalog tests catch).
[[nodiscard]] THERACORE_API const catalog& builtin_catalog();

}  // namespace instruments
THERACORE_NAMESPACE_END
