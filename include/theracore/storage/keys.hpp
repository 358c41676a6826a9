// SPDX-License-Identifier: Apache-2.0
/// @file
/// Index keys: how a record type declares the columns it can be queried by, and how values
/// become index text.
///
/// Every indexed value is stored as text whose byte order is the value's order, so that one
/// generic index (and one comparison: `memcmp`) serves every type on every backend:
///
/// | column value type    | index text                                                        |
/// |----------------------|-------------------------------------------------------------------|
/// | `std::string`        | the text itself (exact match, prefix)                             |
/// | `folded_text`        | `fold_case(text)`: case-insensitive match and prefix              |
/// | `basic_id<Tag>`      | the id                                                            |
/// | described enum       | its wire name (equality only)                                     |
/// | `date`               | `YYYY-MM-DD`                                                      |
/// | `instant`            | `YYYY-MM-DDTHH:MM:SS.ffffffZ` (always six fraction digits)        |
/// | `std::int64_t`       | 20 digits of the value offset by 2^63                             |
/// | `double`             | 16 hex digits of the order-preserving IEEE-754 bit pattern        |
/// | `bool`               | `0` or `1`                                                        |
#pragma once

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <theracore/enum.hpp>
#include <theracore/error.hpp>
#include <theracore/id.hpp>
#include <theracore/storage/detail/case_folding.hpp>
#include <theracore/storage/record.hpp>
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
namespace storage {

namespace detail {

/// Decodes the code point at `s[i]` and advances `i`. An ill-formed sequence (overlong,
/// surrogate, beyond U+10FFFF, truncated) yields nothing and advances by one byte.
inline std::optional<char32_t> utf8_next(std::string_view s, std::size_t& i) noexcept {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) {
        ++i;
        return char32_t{b0};
    }
    std::size_t n = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((b0 & 0xE0) == 0xC0) {
        n = 1;
        cp = b0 & 0x1Fu;
        min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        n = 2;
        cp = b0 & 0x0Fu;
        min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        n = 3;
        cp = b0 & 0x07u;
        min = 0x10000;
    } else {
        ++i;
        return std::nullopt;
    }
    if (i + n >= s.size()) {  // truncated
        ++i;
        return std::nullopt;
    }
    for (std::size_t k = 1; k <= n; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            ++i;
            return std::nullopt;
        }
        cp = (cp << 6) | (byte(i + k) & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++i;
        return std::nullopt;
    }
    i += n + 1;
    return cp;
}

/// Appends the UTF-8 form of `cp` (a Unicode scalar value).
inline void utf8_append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

/// True when `s` is well-formed UTF-8.
[[nodiscard]] inline bool is_valid_utf8(std::string_view s) noexcept {
    for (std::size_t i = 0; i < s.size();) {
        if (!utf8_next(s, i)) {
            return false;
        }
    }
    return true;
}

/// Unicode simple case folding (CaseFolding.txt, status C and S) of one code point, from the
/// generated table in `detail/case_folding.hpp`.
constexpr char32_t simple_fold(char32_t c) noexcept {
    const fold_run* lo = std::begin(case_folding_runs);
    const fold_run* hi = std::end(case_folding_runs);
    while (hi - lo > 1) {  // the last run starting at or before c
        const fold_run* mid = lo + (hi - lo) / 2;
        (mid->first <= c ? lo : hi) = mid;
    }
    if (c < lo->first || c > lo->last || (c - lo->first) % lo->stride != 0) {
        return c;
    }
    return static_cast<char32_t>(static_cast<long>(c) + lo->delta);
}

}  // namespace detail

/// `text` with Unicode simple case folding applied (every script with case: Latin, Greek,
/// Cyrillic, Armenian, Georgian, Cherokee, Deseret, …; the table is generated from the Unicode
/// Character Database), for case-insensitive matching:
/// `fold_case("ZOË Ñúñez") == fold_case("zoë ÑÚÑEZ")`. Simple folding maps one code point to
/// one (`ß` stays `ß`, it does not become `ss`). Text is not normalized: a name typed with a
/// combining accent (NFD) and one typed with a precomposed letter (NFC) stay different. Ill-formed
/// UTF-8 bytes are kept as they are.
[[nodiscard]] inline std::string fold_case(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t start = i;
        if (const auto cp = detail::utf8_next(text, i)) {
            detail::utf8_append(out, detail::simple_fold(*cp));
        } else {
            out.append(text.substr(start, i - start));
        }
    }
    return out;
}

/// The smallest text greater than every text that starts with `prefix`, in byte (= code
/// point) order, or nothing when there is none. It is itself well-formed UTF-8, so backends
/// that insist on valid text (PostgreSQL) can compare with it: `prefix <= v < successor` holds
/// exactly for the `v` that start with `prefix`.
[[nodiscard]] inline std::optional<std::string> prefix_successor(std::string_view prefix) {
    std::vector<char32_t> cps;
    for (std::size_t i = 0; i < prefix.size();) {
        const auto cp = detail::utf8_next(prefix, i);
        if (!cp) {
            return std::nullopt;  // not text; callers pass folded, validated text
        }
        cps.push_back(*cp);
    }
    while (!cps.empty()) {
        char32_t last = cps.back();
        if (last < 0x10FFFF) {
            last = last + 1 == 0xD800 ? 0xE000 : last + 1;
            cps.back() = last;
            std::string out;
            for (char32_t cp : cps) {
                detail::utf8_append(out, cp);
            }
            return out;
        }
        cps.pop_back();
    }
    return std::nullopt;
}

/// Tag for a column of case-folded text (names): its values are indexed with `fold_case`, and
/// queries on it fold their arguments the same way.
struct folded_text {};

namespace detail {

inline std::string two(unsigned v) {
    char buf[4];
    std::snprintf(buf, sizeof buf, "%02u", v % 100u);
    return buf;
}

}  // namespace detail

/// `t` as fixed-width UTC text, `YYYY-MM-DDTHH:MM:SS.ffffffZ`, so that text order is time
/// order. Also the form in which the SQL backends store instants.
/// @throws validation_error for a special value (not-a-date-time, infinities).
[[nodiscard]] inline std::string encode_instant(const instant& t) {
    if (t.is_special()) {
        throw validation_error("cannot store a time", {{"", "not a date-time"}});
    }
    const auto tod = t.time_of_day();
    const auto micros = tod.fractional_seconds() * (1000000 / tod.ticks_per_second());
    char frac[8];
    std::snprintf(frac, sizeof frac, "%06lld", static_cast<long long>(micros));
    return to_iso8601(t.date()) + "T" + detail::two(static_cast<unsigned>(tod.hours())) + ":" +
           detail::two(static_cast<unsigned>(tod.minutes())) + ":" +
           detail::two(static_cast<unsigned>(tod.seconds())) + "." + frac + "Z";
}

/// The instant `encode_instant` wrote. @throws storage_error (corrupt) for other text.
[[nodiscard]] inline instant decode_instant(const std::string& text) {
    const auto t = parse_instant(text);
    if (!t) {
        throw storage_error(storage_errc::corrupt, "", "stored time is not a UTC instant: " + text);
    }
    return *t;
}

/// How a column's value type becomes index text. Specialized for the types in the table at the
/// top of this file; `input_type` is what `index_writer::add` and `query::where` accept.
template <class V, class = void>
struct key_codec;

template <>
struct key_codec<std::string> {
    using input_type = std::string;
    static std::string encode(const std::string& v) { return v; }
};

template <>
struct key_codec<folded_text> {
    using input_type = std::string;
    static std::string encode(const std::string& v) { return fold_case(v); }
};

template <class Tag>
struct key_codec<basic_id<Tag>> {
    using input_type = basic_id<Tag>;
    static std::string encode(const basic_id<Tag>& v) { return v.str(); }
};

template <class E>
struct key_codec<E, std::enable_if_t<is_described_enum_v<E>>> {
    using input_type = E;
    static std::string encode(E v) { return std::string(to_string(v)); }
};

template <>
struct key_codec<date> {
    using input_type = date;
    /// @throws validation_error for a special value.
    static std::string encode(const date& v) {
        if (v.is_special()) {
            throw validation_error("cannot index a date", {{"", "not a calendar date"}});
        }
        return to_iso8601(v);
    }
};

template <>
struct key_codec<instant> {
    using input_type = instant;
    static std::string encode(const instant& v) { return encode_instant(v); }
};

template <>
struct key_codec<std::int64_t> {
    using input_type = std::int64_t;
    static std::string encode(std::int64_t v) {
        const auto u = static_cast<std::uint64_t>(v) ^ (std::uint64_t{1} << 63);
        char buf[24];
        std::snprintf(buf, sizeof buf, "%020llu", static_cast<unsigned long long>(u));
        return buf;
    }
};

template <>
struct key_codec<double> {
    using input_type = double;
    /// @throws validation_error for NaN, which has no place in an order.
    static std::string encode(double v) {
        if (std::isnan(v)) {
            throw validation_error("cannot index a number", {{"", "not a number (NaN)"}});
        }
        if (v == 0.0) {
            v = 0.0;  // -0.0 and 0.0 are the same key
        }
        std::uint64_t bits = 0;
        std::memcpy(&bits, &v, sizeof bits);
        bits = (bits >> 63) != 0 ? ~bits : bits | (std::uint64_t{1} << 63);
        char buf[20];
        std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(bits));
        return buf;
    }
};

template <>
struct key_codec<bool> {
    using input_type = bool;
    static std::string encode(bool v) { return v ? "1" : "0"; }
};

/// A queryable column of record type `Record` holding values of type `Value` (see the table
/// above). Declared once, as a static member of `record_traits<Record>`; the index writer and
/// the query builder accept only the record's own columns and the column's own value type, so
/// `where(episode_columns::client, some_clinician_id)` does not compile.
template <class Record, class Value>
struct column {
    const char* name;
};

/// Collects a record's index entries; `record_traits<R>::index` fills it.
template <class Record>
class index_writer {
  public:
    /// Adds one value of `c` (call again for each value of a multi-valued column).
    /// @throws validation_error when the value cannot be indexed (a special date, NaN).
    template <class Value>
    void add(const column<Record, Value>& c, const typename key_codec<Value>::input_type& value) {
        entries_.push_back({c.name, key_codec<Value>::encode(value)});
    }

    /// Adds the value of an optional field when it is present.
    template <class Value>
    void add_optional(const column<Record, Value>& c,
                      const std::optional<typename key_codec<Value>::input_type>& value) {
        if (value) {
            add(c, *value);
        }
    }

    [[nodiscard]] std::vector<index_entry> take() && { return std::move(entries_); }

  private:
    std::vector<index_entry> entries_;
};

}  // namespace storage
THERACORE_NAMESPACE_END
