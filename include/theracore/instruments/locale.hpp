// SPDX-License-Identifier: Apache-2.0
/// @file
/// Which locale of an instrument to offer a client, and loading licensed texts as overlays.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <theracore/error.hpp>
#include <theracore/instruments/instrument.hpp>
#include <theracore/model/coded_concept.hpp>
#include <theracore/model/enum.hpp>

THERACORE_NAMESPACE_BEGIN
namespace instruments {

/// How the chosen locale relates to the language asked for.
enum class locale_match {
    exact,          ///< same tag (case-insensitive)
    truncated,      ///< the asked tag with subtags removed ("es-MX" → "es"), RFC 4647 lookup
    same_language,  ///< another variety of the same language ("es-MX" → "es-ES")
    fallback,       ///< the instrument's default locale (or its first), not the client's language
    none,           ///< the instrument has no locale
};
constexpr auto describe_enum(locale_match) {
    using E = locale_match;
    return enum_table<E, 5>{"locale_match",
                            {{{E::exact, "exact"},
                              {E::truncated, "truncated"},
                              {E::same_language, "same_language"},
                              {E::fallback, "fallback"},
                              {E::none, "none"}}}};
}

/// The locale to offer and how it was found. `locale` points into the instrument: it is valid
/// while the instrument is.
struct locale_choice {
    const instrument_locale* locale = nullptr;
    locale_match match = locale_match::none;
};

namespace detail {
inline std::string primary_subtag(const std::string& tag) {
    return tag.substr(0, tag.find('-'));
}
}  // namespace detail

/// The locale of `inst` to offer a client whose preferred language is `preferred_language`
/// (a BCP-47 coded concept, as `client::preferred_language`): an exact match, else the tag
/// with trailing subtags removed, else another variety of the same language, else the
/// instrument's default locale (or its first). An empty code asks for the fallback.
/// @throws validation_error when `preferred_language` is not a BCP-47 concept.
[[nodiscard]] inline locale_choice choose_locale(const instrument& inst,
                                                 const coded_concept& preferred_language) {
    if (preferred_language.system != code_systems::bcp47) {
        throw validation_error(
            "cannot choose a locale",
            {{"preferred_language.system", std::string("a language must be a BCP-47 tag (system ") +
                                               code_systems::bcp47 + ")"}});
    }
    const auto& locales = inst.locales();
    if (locales.empty()) {
        return {};
    }
    auto find = [&](const std::string& tag) -> const instrument_locale* {
        for (const auto& l : locales) {
            if (detail::lower_ascii(l.tag) == tag) {
                return &l;
            }
        }
        return nullptr;
    };
    std::string wanted = detail::lower_ascii(preferred_language.code);
    if (!wanted.empty()) {
        if (const auto* l = find(wanted)) {
            return {l, locale_match::exact};
        }
        for (auto dash = wanted.rfind('-'); dash != std::string::npos; dash = wanted.rfind('-')) {
            wanted.erase(dash);
            // A single-letter subtag (an extension or private-use introducer) goes with the
            // subtag after it (RFC 4647 §3.4).
            if (const auto d2 = wanted.rfind('-');
                d2 != std::string::npos && wanted.size() - d2 == 2) {
                wanted.erase(d2);
            }
            if (const auto* l = find(wanted)) {
                return {l, locale_match::truncated};
            }
        }
        const auto language = detail::primary_subtag(wanted);
        for (const auto& l : locales) {
            if (detail::primary_subtag(detail::lower_ascii(l.tag)) == language) {
                return {&l, locale_match::same_language};
            }
        }
    }
    if (const auto* l = find(detail::lower_ascii(inst.data().default_locale))) {
        return {l, locale_match::fallback};
    }
    return {&locales.front(), locale_match::fallback};
}

/// `inst` with `overlay` added, or replacing the locale with the same tag: licensed texts a
/// user loads for a locale. The overlay is marked `user_supplied`, so the definition's licence
/// check allows its texts; the definition is checked again.
/// @throws validation_error when the overlay names unknown items or options, or has no tag.
[[nodiscard]] inline instrument with_locale(const instrument& inst, instrument_locale overlay) {
    overlay.user_supplied = true;
    auto f = inst.data();
    bool replaced = false;
    for (auto& l : f.locales) {
        if (detail::lower_ascii(l.tag) == detail::lower_ascii(overlay.tag)) {
            l = overlay;
            replaced = true;
        }
    }
    if (!replaced) {
        f.locales.push_back(std::move(overlay));
    }
    return instrument::create(std::move(f));
}

/// The text of item `item_id` in `locale`, or the item's neutral label when the locale has no
/// text for it.
/// @throws not_found when `inst` has no item `item_id`.
[[nodiscard]] inline const std::string& item_text(const instrument& inst,
                                                  const instrument_locale* locale,
                                                  const std::string& item_id) {
    const auto i = inst.item_index(item_id);
    if (!i) {
        throw not_found(inst.id() + " has no item \"" + item_id + "\"");
    }
    if (locale) {
        const auto it = locale->item_texts.find(item_id);
        if (it != locale->item_texts.end()) {
            return it->second;
        }
    }
    return inst.items()[*i].label;
}

}  // namespace instruments
THERACORE_NAMESPACE_END
