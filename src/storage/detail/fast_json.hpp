// SPDX-License-Identifier: Apache-2.0
/// @file
/// A fast path for the JSON wire form of stored records (`storage::json_codec`).
///
/// `io::to_json_string` and `io::from_json_string` build an nlohmann DOM (a `std::map` per
/// object) and walk it with error paths; for a 1 KB administration that costs ~25 µs to write
/// and ~55 µs to read, which is most of the time of a bulk insert or a trajectory query. This
/// header writes the same document straight into a string and reads it straight from the
/// text, walking the same field descriptions with the same rules (`io/json_core.hpp`):
/// sorted keys (nlohmann's `std::map` order), optional fields left out when empty, enums by
/// wire name, ISO-8601 dates and instants, `{"<tag>": …}` for variants, `"schema"` and
/// `"version"` on records, `T::create` or `validate` on reading.
///
/// It decides nothing on its own: whenever it meets anything it is not sure of — text that
/// is not UTF-8, a non-finite number, an unknown or repeated key, a missing key, a type
/// mismatch, a record of another schema version, an invalid record — it gives up (`bail`),
/// and the caller runs the nlohmann path, which then produces the canonical result or error
/// (and upgrades older versions). So on success it returns exactly what the nlohmann path
/// returns; numbers are written in nlohmann's format (shortest round-trip digits), so the
/// text is the same document. Types with their own nlohmann adapter are written and read
/// through nlohmann unless they specialize `fast_json_adapter`.
///
/// Internal to storage; not a general JSON library.
#pragma once

#include <algorithm>
#include <bitset>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include <theracore/detail/describe.hpp>
#include <theracore/enum.hpp>
#include <theracore/io/json_core.hpp>
#include <theracore/storage/keys.hpp>
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
namespace storage {

namespace fast_json {
class reader;
}  // namespace fast_json

/// Specialize for a type with its own nlohmann adapter to write and read it without nlohmann:
/// `static void write(std::string& out, const T&)` and `static void read(fast_json::reader&,
/// T&)` (throw `fast_json::bail` for anything unexpected). Both must agree exactly with the
/// type's nlohmann adapter.
template <class T>
struct fast_json_adapter;

namespace fast_json {

/// Thrown when the fast path cannot decide; the caller falls back to nlohmann.
struct bail {};

namespace iod = theracore::io::detail;

template <class T, class = void>
struct has_adapter : std::false_type {};
template <class T>
struct has_adapter<T, std::void_t<decltype(fast_json_adapter<T>::write(std::declval<std::string&>(),
                                                                       std::declval<const T&>()))>>
    : std::true_type {};

// ----- Writing ----------------------------------------------------------------------------

/// Appends `s` as a JSON string, escaped as nlohmann's `dump` escapes it.
/// @throws bail when `s` is not UTF-8.
inline void write_string(std::string& out, std::string_view s) {
    out += '"';
    bool ascii = true;
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii) {
        out.append(s.data(), s.size());
        out += '"';
        return;
    }
    if (!storage::detail::is_valid_utf8(s)) {
        throw bail{};
    }
    static constexpr char hex[] = "0123456789abcdef";
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (ch) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (c < 0x20) {
                    out += "\\u00";
                    out += hex[c >> 4];
                    out += hex[c & 0xF];
                } else {
                    out += ch;
                }
        }
    }
    out += '"';
}

template <class I>
void write_integer(std::string& out, I v) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

/// Appends `v` as nlohmann writes a double: the shortest digits that read back as `v`,
/// laid out as its `format_buffer` does (`12.0`, `0.001`, `1e-05`, `1.5e+20`).
/// @throws bail for NaN and infinities (the nlohmann path reports them).
inline void write_double(std::string& out, double v) {
    if (!std::isfinite(v)) {
        throw bail{};
    }
    if (std::signbit(v)) {
        out += '-';
        v = -v;
    }
    if (v == 0) {
        out += "0.0";
        return;
    }
    char sci[40];
    const auto r = std::to_chars(sci, sci + sizeof sci, v, std::chars_format::scientific);
    // "d[.ddd]e±XX": the digits and the exponent of the first digit.
    char digits[24];
    int k = 0;
    const char* p = sci;
    for (; p < r.ptr && *p != 'e'; ++p) {
        if (*p != '.') {
            digits[k++] = *p;
        }
    }
    int e = 0;
    std::from_chars(p + (p[1] == '+' ? 2 : 1), r.ptr, e);
    const int n = e + 1;  // the position of the decimal point from the first digit
    constexpr int min_exp = -4;
    constexpr int max_exp = std::numeric_limits<double>::digits10;
    if (k <= n && n <= max_exp) {
        out.append(digits, static_cast<std::size_t>(k));
        out.append(static_cast<std::size_t>(n - k), '0');
        out += ".0";
    } else if (0 < n && n <= max_exp) {
        out.append(digits, static_cast<std::size_t>(n));
        out += '.';
        out.append(digits + n, static_cast<std::size_t>(k - n));
    } else if (min_exp < n && n <= 0) {
        out += "0.";
        out.append(static_cast<std::size_t>(-n), '0');
        out.append(digits, static_cast<std::size_t>(k));
    } else {
        out += digits[0];
        if (k > 1) {
            out += '.';
            out.append(digits + 1, static_cast<std::size_t>(k - 1));
        }
        out += 'e';
        int x = n - 1;
        out += x < 0 ? '-' : '+';
        x = x < 0 ? -x : x;
        if (x < 10) {
            out += '0';
        }
        write_integer(out, x);
    }
}

/// Calls `f(std::get<I>(t))` for the `I` equal to `i`.
template <class Tuple, class F, std::size_t... I>
void at_index(Tuple& t, std::size_t i, F&& f, std::index_sequence<I...>) {
    ((i == I ? (void)f(std::get<I>(t)) : void()), ...);
}

inline constexpr std::size_t schema_key = static_cast<std::size_t>(-1);
inline constexpr std::size_t version_key = static_cast<std::size_t>(-2);

struct named_index {
    std::string_view name;
    std::size_t index;
};

/// The keys of an object of type `S` in the order nlohmann writes them (sorted), with
/// "schema" and "version" for a record. Computed once per type.
template <class S, bool Record, class Tuple>
const std::vector<named_index>& sorted_keys(const Tuple& fields) {
    static const std::vector<named_index> keys = [&] {
        std::vector<named_index> k;
        std::apply([&](const auto&... f) { (k.push_back({f.name, k.size()}), ...); }, fields);
        if (Record) {
            k.push_back({"schema", schema_key});
            k.push_back({"version", version_key});
        }
        std::sort(k.begin(), k.end(),
                  [](const named_index& a, const named_index& b) { return a.name < b.name; });
        return k;
    }();
    return keys;
}

template <class T>
void write_value(std::string& out, const T& v);

inline void write_key(std::string& out, bool& first, std::string_view key) {
    if (!first) {
        out += ',';
    }
    first = false;
    write_string(out, key);
    out += ':';
}

/// Writes the described fields of `s` as an object; `T` is the type being written (a record
/// adds its schema and version).
template <class T, class S>
void write_object(std::string& out, const S& s) {
    constexpr bool record = iod::is_record<T>::value;
    const auto fields = S::describe(s);
    constexpr std::size_t n = std::tuple_size_v<std::decay_t<decltype(fields)>>;
    out += '{';
    bool first = true;
    for (const auto& key : sorted_keys<S, record>(fields)) {
        if constexpr (record) {
            if (key.index == schema_key) {
                write_key(out, first, key.name);
                write_string(out, T::schema_name);
                continue;
            }
            if (key.index == version_key) {
                write_key(out, first, key.name);
                write_integer(out, T::schema_version);
                continue;
            }
        }
        at_index(
            fields, key.index,
            [&](const auto& f) {
                using F = std::decay_t<decltype(f.ref)>;
                if constexpr (iod::is_optional<F>::value) {
                    if (!f.ref) {
                        return;
                    }
                }
                write_key(out, first, key.name);
                write_value(out, f.ref);
            },
            std::make_index_sequence<n>{});
    }
    out += '}';
}

template <class T>
void write_value(std::string& out, const T& v) {
    if constexpr (std::is_same_v<T, std::string>) {
        write_string(out, v);
    } else if constexpr (std::is_same_v<T, bool>) {
        out += v ? "true" : "false";
    } else if constexpr (std::is_enum_v<T> && is_described_enum_v<T>) {
        write_string(out, to_string(v));
    } else if constexpr (std::is_integral_v<T>) {
        write_integer(out, v);
    } else if constexpr (std::is_floating_point_v<T>) {
        write_double(out, static_cast<double>(v));
    } else if constexpr (std::is_same_v<T, date> || std::is_same_v<T, instant>) {
        if (v.is_special()) {
            out += "null";
        } else {
            out += '"';
            out += to_iso8601(v);
            out += '"';
        }
    } else if constexpr (iod::is_id<T>::value) {
        write_string(out, v.str());
    } else if constexpr (iod::is_optional<T>::value) {
        if (v) {
            write_value(out, *v);
        } else {
            out += "null";
        }
    } else if constexpr (iod::is_vector<T>::value) {
        out += '[';
        bool first = true;
        for (const auto& e : v) {
            if (!first) {
                out += ',';
            }
            first = false;
            write_value(out, e);
        }
        out += ']';
    } else if constexpr (iod::is_string_map<T>::value) {
        out += '{';
        bool first = true;
        for (const auto& [k, e] : v) {
            write_key(out, first, k);
            write_value(out, e);
        }
        out += '}';
    } else if constexpr (iod::is_variant<T>::value) {
        std::visit(
            [&](const auto& alt) {
                using A = std::decay_t<decltype(alt)>;
                out += '{';
                write_string(out, A::variant_tag);
                out += ':';
                write_value(out, alt);
                out += '}';
            },
            v);
    } else if constexpr (iod::is_validated_class<T>::value) {
        write_object<T>(out, v.data());
    } else if constexpr (iod::is_described_v<T>) {
        write_object<T>(out, v);
    } else if constexpr (has_adapter<T>::value) {
        fast_json_adapter<T>::write(out, v);
    } else {
        nlohmann::json j;
        iod::write(j, v);
        out += j.dump();
    }
}

// ----- Reading ----------------------------------------------------------------------------

/// A pull reader over JSON text. Every method throws `bail` on input it does not expect.
class reader {
  public:
    explicit reader(std::string_view text) noexcept : s_(text) {}

    /// Skips whitespace and returns the next character (0 at the end).
    char peek() noexcept {
        while (i_ < s_.size() &&
               (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) {
            ++i_;
        }
        return i_ < s_.size() ? s_[i_] : '\0';
    }

    /// Consumes `c` if it comes next.
    bool consume(char c) noexcept {
        if (peek() == c) {
            ++i_;
            return true;
        }
        return false;
    }

    void expect(char c) {
        if (!consume(c)) {
            throw bail{};
        }
    }

    /// Consumes `null` if it comes next.
    bool null() {
        if (peek() == 'n') {
            literal("null");
            return true;
        }
        return false;
    }

    bool boolean() {
        const char c = peek();
        if (c == 't') {
            literal("true");
            return true;
        }
        if (c == 'f') {
            literal("false");
            return false;
        }
        throw bail{};
    }

    /// The next string. The view points into the input when the string has no escapes, into
    /// `scratch` otherwise; either way it is valid until the next call.
    std::string_view string(std::string& scratch) {
        expect('"');
        const std::size_t start = i_;
        bool plain = true;
        for (; i_ < s_.size(); ++i_) {
            const auto c = static_cast<unsigned char>(s_[i_]);
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                plain = false;
                break;
            }
            if (c < 0x20) {
                throw bail{};
            }
            if (c >= 0x80) {
                plain = false;
            }
        }
        if (plain) {
            if (i_ >= s_.size()) {
                throw bail{};
            }
            ++i_;
            return s_.substr(start, i_ - 1 - start);
        }
        i_ = start;
        scratch.clear();
        unescape(scratch);
        if (!storage::detail::is_valid_utf8(scratch)) {
            throw bail{};
        }
        return scratch;
    }

    void string_into(std::string& out) {
        std::string scratch;
        const auto v = string(scratch);
        if (v.data() == scratch.data() && !scratch.empty()) {
            out = std::move(scratch);
        } else {
            out.assign(v.data(), v.size());
        }
    }

    /// The next number, as its text; `integer` tells whether it has no fraction or exponent.
    std::string_view number(bool& integer) {
        peek();
        const std::size_t start = i_;
        if (i_ < s_.size() && s_[i_] == '-') {
            ++i_;
        }
        if (i_ >= s_.size() || !digit(s_[i_])) {
            throw bail{};
        }
        if (s_[i_] == '0') {
            ++i_;
        } else {
            while (i_ < s_.size() && digit(s_[i_])) {
                ++i_;
            }
        }
        integer = true;
        if (i_ < s_.size() && s_[i_] == '.') {
            integer = false;
            ++i_;
            digits_required();
        }
        if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
            integer = false;
            ++i_;
            if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) {
                ++i_;
            }
            digits_required();
        }
        return s_.substr(start, i_ - start);
    }

    double number_value() {
        bool integer = false;
        const auto text = number(integer);
        double v = 0;
        const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
        if (r.ec != std::errc() || r.ptr != text.data() + text.size()) {
            throw bail{};
        }
        if (integer && v == 0) {
            v = 0;  // nlohmann reads "-0" as the integer 0
        }
        return v;
    }

    /// Skips one value and returns its text.
    std::string_view value_text() {
        peek();
        const std::size_t start = i_;
        skip();
        return s_.substr(start, i_ - start);
    }

    /// Requires that only whitespace is left.
    void end() {
        if (peek() != '\0' || i_ != s_.size()) {
            throw bail{};
        }
    }

  private:
    static bool digit(char c) noexcept { return c >= '0' && c <= '9'; }

    void digits_required() {
        if (i_ >= s_.size() || !digit(s_[i_])) {
            throw bail{};
        }
        while (i_ < s_.size() && digit(s_[i_])) {
            ++i_;
        }
    }

    void literal(std::string_view word) {
        if (s_.substr(i_, word.size()) != word) {
            throw bail{};
        }
        i_ += word.size();
    }

    unsigned hex4() {
        if (i_ + 4 > s_.size()) {
            throw bail{};
        }
        unsigned v = 0;
        for (int k = 0; k < 4; ++k) {
            const char c = s_[i_++];
            v <<= 4;
            if (c >= '0' && c <= '9') {
                v |= static_cast<unsigned>(c - '0');
            } else if (c >= 'a' && c <= 'f') {
                v |= static_cast<unsigned>(c - 'a' + 10);
            } else if (c >= 'A' && c <= 'F') {
                v |= static_cast<unsigned>(c - 'A' + 10);
            } else {
                throw bail{};
            }
        }
        return v;
    }

    void unescape(std::string& out) {
        for (;;) {
            if (i_ >= s_.size()) {
                throw bail{};
            }
            const char c = s_[i_++];
            if (c == '"') {
                return;
            }
            if (static_cast<unsigned char>(c) < 0x20) {
                throw bail{};
            }
            if (c != '\\') {
                out += c;
                continue;
            }
            if (i_ >= s_.size()) {
                throw bail{};
            }
            switch (s_[i_++]) {
                case '"':
                    out += '"';
                    break;
                case '\\':
                    out += '\\';
                    break;
                case '/':
                    out += '/';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'n':
                    out += '\n';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'u': {
                    unsigned cp = hex4();
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        if (s_.substr(i_, 2) != "\\u") {
                            throw bail{};
                        }
                        i_ += 2;
                        const unsigned low = hex4();
                        if (low < 0xDC00 || low > 0xDFFF) {
                            throw bail{};
                        }
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                        throw bail{};
                    }
                    storage::detail::utf8_append(out, static_cast<char32_t>(cp));
                    break;
                }
                default:
                    throw bail{};
            }
        }
    }

    void skip() {
        const char c = peek();
        if (c == '"') {
            std::string scratch;
            (void)string(scratch);
        } else if (c == '{' || c == '[') {
            const char close = c == '{' ? '}' : ']';
            ++i_;
            if (consume(close)) {
                return;
            }
            do {
                if (c == '{') {
                    std::string scratch;
                    (void)string(scratch);
                    expect(':');
                }
                skip();
            } while (consume(','));
            expect(close);
        } else if (c == 't' || c == 'f') {
            (void)boolean();
        } else if (c == 'n') {
            literal("null");
        } else {
            bool integer = false;
            (void)number(integer);
        }
    }

    std::string_view s_;
    std::size_t i_ = 0;
};

template <class T>
void read_value(reader& r, T& out);

template <class I>
I read_integer(reader& r) {
    bool integer = false;
    const auto text = r.number(integer);
    if (!integer) {
        throw bail{};
    }
    I v{};
    const auto res = std::from_chars(text.data(), text.data() + text.size(), v);
    if (res.ec != std::errc() || res.ptr != text.data() + text.size()) {
        throw bail{};
    }
    return v;
}

/// Reads an object into the described fields of `s`; `T` is the type being read (a record
/// must carry its own schema name and the current version).
template <class T, class S>
void read_object(reader& r, S& s) {
    constexpr bool record = iod::is_record<T>::value;
    auto fields = S::describe(s);
    constexpr std::size_t n = std::tuple_size_v<std::decay_t<decltype(fields)>>;
    static_assert(n <= 64, "fast_json reads objects of up to 64 fields");
    const auto& keys = sorted_keys<S, record>(fields);
    std::bitset<66> seen;
    r.expect('{');
    if (!r.consume('}')) {
        std::string scratch;
        do {
            const std::string_view key = r.string(scratch);
            r.expect(':');
            std::size_t index = static_cast<std::size_t>(-3);
            std::size_t bit = 0;
            for (std::size_t k = 0; k < keys.size(); ++k) {
                if (keys[k].name == key) {
                    index = keys[k].index;
                    bit = k;
                    break;
                }
            }
            if (index == static_cast<std::size_t>(-3) || seen.test(bit)) {
                throw bail{};  // unknown or repeated key
            }
            seen.set(bit);
            if constexpr (record) {
                if (index == schema_key) {
                    std::string name_scratch;
                    if (r.string(name_scratch) != T::schema_name) {
                        throw bail{};
                    }
                    continue;
                }
                if (index == version_key) {
                    if (read_integer<long long>(r) != T::schema_version) {
                        throw bail{};  // older: the nlohmann path upgrades it
                    }
                    continue;
                }
            }
            at_index(
                fields, index,
                [&](auto f) {
                    using F = std::decay_t<decltype(f.ref)>;
                    if constexpr (iod::is_optional<F>::value) {
                        if (r.null()) {
                            f.ref.reset();
                            return;
                        }
                    }
                    read_value(r, f.ref);
                },
                std::make_index_sequence<n>{});
        } while (r.consume(','));
        r.expect('}');
    }
    for (std::size_t k = 0; k < keys.size(); ++k) {
        if (seen.test(k)) {
            continue;
        }
        bool optional = false;
        at_index(
            fields, keys[k].index,
            [&](auto f) { optional = iod::is_optional<std::decay_t<decltype(f.ref)>>::value; },
            std::make_index_sequence<n>{});
        if (!optional) {
            throw bail{};  // a required key (or the schema, the version) is missing
        }
    }
}

template <class Variant, std::size_t I = 0>
void read_alternative(reader& r, std::string_view tag, Variant& out) {
    if constexpr (I < std::variant_size_v<Variant>) {
        using A = std::variant_alternative_t<I, Variant>;
        if (tag == A::variant_tag) {
            A alt{};
            read_value(r, alt);
            out = std::move(alt);
            return;
        }
        read_alternative<Variant, I + 1>(r, tag, out);
    } else {
        throw bail{};
    }
}

template <class T>
void read_value(reader& r, T& out) {
    if constexpr (std::is_same_v<T, std::string>) {
        r.string_into(out);
    } else if constexpr (std::is_same_v<T, bool>) {
        out = r.boolean();
    } else if constexpr (std::is_enum_v<T> && is_described_enum_v<T>) {
        std::string scratch;
        const auto v = enum_from_string<T>(r.string(scratch));
        if (!v) {
            throw bail{};
        }
        out = *v;
    } else if constexpr (std::is_integral_v<T>) {
        if constexpr (std::is_unsigned_v<T>) {
            const auto v = read_integer<std::uint64_t>(r);
            if (v > std::numeric_limits<T>::max()) {
                throw bail{};
            }
            out = static_cast<T>(v);
        } else {
            const auto v = read_integer<std::int64_t>(r);
            if (v < std::numeric_limits<T>::min() || v > std::numeric_limits<T>::max()) {
                throw bail{};
            }
            out = static_cast<T>(v);
        }
    } else if constexpr (std::is_floating_point_v<T>) {
        out = static_cast<T>(r.number_value());
    } else if constexpr (std::is_same_v<T, date>) {
        std::string scratch;
        const auto d = parse_date(r.string(scratch));
        if (!d) {
            throw bail{};
        }
        out = *d;
    } else if constexpr (std::is_same_v<T, instant>) {
        std::string scratch;
        const auto t = parse_instant(r.string(scratch));
        if (!t) {
            throw bail{};
        }
        out = *t;
    } else if constexpr (iod::is_id<T>::value) {
        std::string s;
        r.string_into(s);
        out = T(std::move(s));
    } else if constexpr (iod::is_optional<T>::value) {
        if (r.null()) {
            out.reset();
        } else {
            typename T::value_type v{};
            read_value(r, v);
            out = std::move(v);
        }
    } else if constexpr (iod::is_vector<T>::value) {
        T result;
        r.expect('[');
        if (!r.consume(']')) {
            do {
                typename T::value_type v{};
                read_value(r, v);
                result.push_back(std::move(v));
            } while (r.consume(','));
            r.expect(']');
        }
        out = std::move(result);
    } else if constexpr (iod::is_string_map<T>::value) {
        T result;
        r.expect('{');
        if (!r.consume('}')) {
            do {
                std::string key;
                r.string_into(key);
                r.expect(':');
                typename T::mapped_type v{};
                read_value(r, v);
                if (!result.emplace(std::move(key), std::move(v)).second) {
                    throw bail{};  // nlohmann keeps the last of repeated keys
                }
            } while (r.consume(','));
            r.expect('}');
        }
        out = std::move(result);
    } else if constexpr (iod::is_variant<T>::value) {
        r.expect('{');
        std::string scratch;
        const std::string tag(r.string(scratch));
        r.expect(':');
        read_alternative(r, tag, out);
        r.expect('}');
    } else if constexpr (iod::is_validated_class<T>::value) {
        typename T::fields f{};
        read_object<T>(r, f);
        out = T::create(std::move(f));  // throws for an invalid value: the caller falls back
    } else if constexpr (iod::is_described_v<T>) {
        T v{};
        read_object<T>(r, v);
        if constexpr (iod::is_record<T>::value && iod::has_validate<T>::value) {
            if (!validate(v).empty()) {
                throw bail{};
            }
        }
        out = std::move(v);
    } else if constexpr (has_adapter<T>::value) {
        fast_json_adapter<T>::read(r, out);
    } else {
        const auto text = r.value_text();
        const auto j = nlohmann::json::parse(text.begin(), text.end());
        iod::read(j, out);
    }
}

/// `value` as its JSON wire form, or nothing when the fast path cannot write it.
template <class T>
[[nodiscard]] std::optional<std::string> try_encode(const T& value) {
    std::string out;
    out.reserve(512);
    try {
        write_value(out, value);
    } catch (const bail&) {
        return std::nullopt;
    }
    return out;
}

/// The `T` that `text` holds, or nothing when the fast path cannot decide.
template <class T>
[[nodiscard]] std::optional<T> try_decode(std::string_view text) {
    try {
        reader r(text);
        T out{};
        read_value(r, out);
        r.end();
        return out;
    } catch (const bail&) {
    } catch (const error&) {  // an invalid value (T::create): the nlohmann path reports it
    } catch (const nlohmann::json::exception&) {
    }
    return std::nullopt;
}

}  // namespace fast_json
}  // namespace storage
THERACORE_NAMESPACE_END
