// SPDX-License-Identifier: Apache-2.0
/// @file
/// Dates and instants. Calendar dates (birth, due, review) are `boost::gregorian::date`; points
/// in time are `boost::posix_time::ptime`, always in UTC. ISO-8601 text forms are the wire format.
#pragma once

#include <cctype>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

#include <theracore/config.hpp>

THERACORE_NAMESPACE_BEGIN

/// A calendar date.
using date = boost::gregorian::date;
/// A point in time, in UTC.
using instant = boost::posix_time::ptime;

namespace detail {
THERACORE_API bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out);
}  // namespace detail

/// `YYYY-MM-DD`. @throws std::out_of_range for a special value (not-a-date-time, infinities).
[[nodiscard]] THERACORE_API std::string to_iso8601(const date& d);

/// Parses exactly `YYYY-MM-DD` into a real calendar date (no 2021-02-29); nothing otherwise.
[[nodiscard]] THERACORE_API std::optional<date> parse_date(std::string_view s) noexcept;

/// `YYYY-MM-DDTHH:MM:SS[.ffffff]Z` (UTC; fractional seconds only when non-zero).
/// @throws std::out_of_range for a special value.
[[nodiscard]] THERACORE_API std::string to_iso8601(const instant& t);

/// Parses `YYYY-MM-DDTHH:MM:SS[.f…]` followed by `Z` or a `±HH:MM` offset, converted to UTC.
/// A time without a zone is rejected: an instant must say where it was measured.
[[nodiscard]] THERACORE_API std::optional<instant> parse_instant(std::string_view s) noexcept;

THERACORE_NAMESPACE_END
