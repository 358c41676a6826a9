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

/// Marks what a compiled TheraCore library exports. The libraries are built with hidden
/// visibility (`-fvisibility=hidden -fvisibility-inlines-hidden`), so only functions and classes
/// marked with it are part of a shared library's ABI. Classes whose type identity crosses the
/// library boundary (exceptions, polymorphic bases) are marked as a whole, so that a `catch`
/// in a program matches what the library threw. ELF and Mach-O only: on these the same
/// attribute serves when building and when using the library.
#if defined(_WIN32)
#error "TheraCore's compiled libraries are built for ELF and Mach-O platforms only"
#elif defined(__GNUC__) || defined(__clang__)
#define THERACORE_API __attribute__((visibility("default")))
#else
#define THERACORE_API
#endif
