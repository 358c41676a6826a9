// SPDX-License-Identifier: Apache-2.0
/// @file
/// Helpers of the instrument engine that other areas share: numbers written as a person writes
/// them, and the range of values a scale can take. Internal: not a stable API.
#pragma once

#include <string>

#include <theracore/config.hpp>
#include <theracore/instruments/definition.hpp>

THERACORE_NAMESPACE_BEGIN
namespace instruments {
namespace detail {

/// "4", "4.5", "0.1": numbers as a person writes them.
[[nodiscard]] THERACORE_API std::string num(double v);

/// The range of values a scale can take over its applicable items, and whether every value is
/// an integer (which decides how bands must meet).
struct scale_range {
    double lo = 0;
    double hi = 0;
    bool bounded = false;
    bool integer = false;
    bool known = true;  ///< false when an item or response scale is unknown (reported elsewhere)
};

[[nodiscard]] THERACORE_API scale_range range_of(const instrument_definition& d, const scale& s);

}  // namespace detail
}  // namespace instruments
THERACORE_NAMESPACE_END
