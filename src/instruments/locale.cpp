// SPDX-License-Identifier: Apache-2.0
// Choosing an instrument's locale for a client, and locale overlays.
#include <theracore/instruments/locale.hpp>

#include <string>
#include <utility>

#include "check.hpp"

THERACORE_NAMESPACE_BEGIN
namespace instruments {

namespace {
std::string primary_subtag(const std::string& tag) {
    return tag.substr(0, tag.find('-'));
}
}  // namespace

locale_choice choose_locale(const instrument& inst, const coded_concept& preferred_language) {
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
        const auto language = primary_subtag(wanted);
        for (const auto& l : locales) {
            if (primary_subtag(detail::lower_ascii(l.tag)) == language) {
                return {&l, locale_match::same_language};
            }
        }
    }
    if (const auto* l = find(detail::lower_ascii(inst.data().default_locale))) {
        return {l, locale_match::fallback};
    }
    return {&locales.front(), locale_match::fallback};
}

instrument with_locale(const instrument& inst, instrument_locale overlay) {
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

const std::string& item_text(const instrument& inst, const instrument_locale* locale,
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
