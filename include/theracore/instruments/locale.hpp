// SPDX-License-Identifier: Apache-2.0
/// @file
/// Which locale of an instrument to offer a client, and loading licensed texts as overlays.
#pragma once

#include <string>
#include <vector>

#include <theracore/coded_concept.hpp>
#include <theracore/config.hpp>
#include <theracore/enum.hpp>
#include <theracore/error.hpp>
#include <theracore/instruments/instrument.hpp>

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

/// The locale of `inst` to offer a client whose preferred language is `preferred_language`
/// (a BCP-47 coded concept, as `client::preferred_language`): an exact match, else the tag
/// with trailing subtags removed, else another variety of the same language, else the
/// instrument's default locale (or its first). An empty code asks for the fallback.
/// @throws validation_error when `preferred_language` is not a BCP-47 concept.
[[nodiscard]] THERACORE_API locale_choice choose_locale(const instrument& inst,
                                                        const coded_concept& preferred_language);

/// `inst` with `overlay` added, or replacing the locale with the same tag: licensed texts a
/// user loads for a locale. The overlay is marked `user_supplied`, so the definition's licence
/// check allows its texts; the definition is checked again.
/// @throws validation_error when the overlay names unknown items or options, or has no tag.
[[nodiscard]] THERACORE_API instrument with_locale(const instrument& inst,
                                                   instrument_locale overlay);

/// The text of item `item_id` in `locale`, or the item's neutral label when the locale has no
/// text for it.
/// @throws not_found when `inst` has no item `item_id`.
[[nodiscard]] THERACORE_API const std::string& item_text(const instrument& inst,
                                                         const instrument_locale* locale,
                                                         const std::string& item_id);

}  // namespace instruments
THERACORE_NAMESPACE_END
