// SPDX-License-Identifier: Apache-2.0
/// @file
/// Namespace and ABI macros shared by every TheraCore header.
#pragma once

#include <theracore/version.hpp>

/// Every public name lives in `theracore::THERACORE_ABI` (an inline namespace), so two
/// incompatible major versions linked into one program fail at link time instead of at run time.
#define THERACORE_ABI_CONCAT_(a, b) a##b
#define THERACORE_ABI_NAME_(major) THERACORE_ABI_CONCAT_(v, major)
#define THERACORE_ABI THERACORE_ABI_NAME_(THERACORE_VERSION_MAJOR)

#define THERACORE_NAMESPACE_BEGIN \
    namespace theracore {         \
    inline namespace THERACORE_ABI {
#define THERACORE_NAMESPACE_END \
    }                           \
    }
