// SPDX-License-Identifier: Apache-2.0
/// @file
/// The compiled JSON adapters of the instrument engine: definitions (read with every problem
/// reported at once), locale overlays, answers, and the types of `THERACORE_INSTRUMENTS_TYPES`.

#include <cmath>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>

#include <theracore/io/json/instruments.hpp>
#include <theracore/io/json_core.hpp>

THERACORE_NAMESPACE_BEGIN
namespace instruments {

namespace json_detail {

using nlohmann::json;
using theracore::detail::is_described_v;
using theracore::detail::join_path;
namespace iod = theracore::io::detail;

/// Keys holding numbers or choices have no safe default, so a definition must give them; any
/// other key (text, true/false, lists, maps, optional values) may be left out.
template <class F>
constexpr bool required_key() {
    return (std::is_arithmetic_v<F> && !std::is_same_v<F, bool>) || std::is_enum_v<F>;
}

template <class Variant, std::size_t I = 0>
void gather_variant(const std::string& tag, const json& j, Variant& out, const std::string& path,
                    problem_list& p);

/// Reads `j` into `out` like the strict reader, but records each problem in `p` (with its
/// path) and carries on, so a definition's author sees every mistake at once.
template <class T>
void gather(const json& j, T& out, const std::string& path, problem_list& p) {
    if constexpr (iod::is_optional<T>::value) {
        if (j.is_null()) {
            out.reset();
        } else {
            typename T::value_type v{};
            gather(j, v, path, p);
            out = std::move(v);
        }
    } else if constexpr (iod::is_vector<T>::value) {
        if (!j.is_array()) {
            p.push_back({path, "expected an array, got " + iod::kind_of(j)});
            return;
        }
        out.clear();
        for (std::size_t i = 0; i < j.size(); ++i) {
            typename T::value_type v{};
            gather(j[i], v, path + "[" + std::to_string(i) + "]", p);
            out.push_back(std::move(v));
        }
    } else if constexpr (iod::is_string_map<T>::value) {
        if (!j.is_object()) {
            p.push_back({path, "expected an object, got " + iod::kind_of(j)});
            return;
        }
        out.clear();
        for (const auto& kv : j.items()) {
            typename T::mapped_type v{};
            gather(kv.value(), v, join_path(path, kv.key()), p);
            out.emplace(kv.key(), std::move(v));
        }
    } else if constexpr (iod::is_variant<T>::value) {
        if (!j.is_object() || j.size() != 1) {
            p.push_back({path, "expected an object with exactly one key naming its kind, got " +
                                   iod::kind_of(j)});
            return;
        }
        gather_variant(j.begin().key(), j.begin().value(), out, path, p);
    } else if constexpr (is_described_v<T>) {
        if (!j.is_object()) {
            p.push_back({path, "expected an object, got " + iod::kind_of(j)});
            return;
        }
        std::set<std::string> known;
        theracore::detail::for_each_field(out, [&](auto f) {
            using F = std::decay_t<decltype(f.ref)>;
            known.insert(f.name);
            const auto it = j.find(f.name);
            if (it == j.end()) {
                // A key added after the first format version may be absent (its default).
                if constexpr (required_key<F>() && decltype(f)::since == 1) {
                    p.push_back({join_path(path, f.name), "required key is missing"});
                }
                return;
            }
            gather(*it, f.ref, join_path(path, f.name), p);
        });
        for (const auto& kv : j.items()) {
            if (known.count(kv.key()) == 0) {
                p.push_back({join_path(path, kv.key()), "unknown key"});
            }
        }
    } else {
        try {
            iod::read(j, out);
        } catch (const parse_error& e) {
            p.push_back({join_path(path, e.path()), e.reason()});
        }
    }
}

template <class Variant, std::size_t I>
void gather_variant(const std::string& tag, const json& j, Variant& out, const std::string& path,
                    problem_list& p) {
    if constexpr (I < std::variant_size_v<Variant>) {
        using A = std::variant_alternative_t<I, Variant>;
        if (tag == A::variant_tag) {
            A alt{};
            gather(j, alt, join_path(path, tag), p);
            out = std::move(alt);
            return;
        }
        gather_variant<Variant, I + 1>(tag, j, out, path, p);
    } else {
        std::string choices;
        std::apply(
            [&](auto... alts) {
                ((choices +=
                  (choices.empty() ? "" : ", ") + std::string(decltype(alts)::type::variant_tag)),
                 ...);
            },
            iod::variant_tags<Variant>());
        p.push_back({join_path(path, tag), "unknown kind; expected one of: " + choices});
    }
}

}  // namespace json_detail

/// Loads and checks an instrument definition (`{"schema": "theracore.instrument", "version":
/// 1, …}`, see docs/instrument-format.md).
/// @throws validation_error listing every problem at once, each with its path (`scales[0].
/// band_sets[0].bands[2]`): wrong types, unknown or missing keys, and every rule
/// `instrument::create` checks (bands that overlap or leave gaps, unknown items, reverse keying
/// without bounds, missing-data rules that cannot be met, texts the licence forbids, …).
instrument load_instrument(const nlohmann::json& j) {
    nlohmann::json body;
    try {
        body = io::detail::check_schema<instrument>(j);
    } catch (const parse_error& e) {
        throw validation_error("invalid instrument definition", {{e.path(), e.reason()}});
    }
    instrument_definition f;
    problem_list problems;
    json_detail::gather(body, f, "", problems);
    auto checks = instrument::check(f);
    problems.insert(problems.end(), checks.begin(), checks.end());
    throw_if_invalid(problems, "invalid instrument definition" + (f.id.empty() ? "" : " " + f.id));
    return instrument::create(std::move(f));
}

/// Loads an instrument definition from JSON text.
/// @throws parse_error for text that is not JSON; validation_error as `load_instrument`.
instrument load_instrument_text(std::string_view text) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw parse_error("", std::string("malformed JSON: ") + e.what());
    }
    return load_instrument(j);
}

/// Loads a locale overlay (`{"tag": "de", "item_texts": {…}, …}`) for `with_locale`.
/// @throws validation_error listing every problem of its shape.
instrument_locale load_locale(const nlohmann::json& j) {
    instrument_locale l;
    problem_list problems;
    json_detail::gather(j, l, "", problems);
    throw_if_invalid(problems, "invalid locale");
    return l;
}

/// An answer is a number, `null` (missing) or a string (kept, and rejected when scored).
void to_json(nlohmann::json& j, const answer& a) {
    if (a.is_number()) {
        if (!std::isfinite(a.number())) {
            throw validation_error("cannot write JSON", {{"", "not a finite number"}});
        }
        j = a.number();
    } else if (a.is_text()) {
        j = a.text();
    } else {
        j = nullptr;
    }
}
void from_json(const nlohmann::json& j, answer& a) {
    if (j.is_null()) {
        a = answer();
    } else if (j.is_number()) {
        a = answer(j.get<double>());
    } else if (j.is_string()) {
        a = answer(j.get<std::string>());
    } else {
        throw parse_error("", "expected a number, null or a string, got " + io::detail::kind_of(j));
    }
}

void to_json(nlohmann::json& j, const instrument& i) {
    io::detail::write(j, i);
}
/// Reads a definition with `load_instrument`'s checks.
void from_json(const nlohmann::json& j, instrument& i) {
    i = load_instrument(j);
}

THERACORE_INSTRUMENTS_TYPES(THERACORE_JSON_DEFINE)

}  // namespace instruments

namespace io {
template <>
instruments::instrument from_json_value<instruments::instrument>(const json& j) {
    instruments::instrument out{};
    detail::read_root(j, out);
    return out;
}
}  // namespace io

THERACORE_NAMESPACE_END
