// SPDX-License-Identifier: Apache-2.0
// choose_locale (BCP-47 matching with fallback), with_locale overlays, item_text.
#include <gtest/gtest.h>

#include <string>

#include <theracore/instruments.hpp>
#include <theracore/people/client.hpp>

#include "support/instruments_builders.hpp"

using namespace theracore;
using namespace theracore::instruments;

namespace {

instrument with_locales(std::initializer_list<const char*> tags, std::string fallback = "") {
    auto d = test::toy_definition();
    for (const char* tag : tags) {
        instrument_locale l;
        l.tag = tag;
        l.source = "Test fixture";
        l.item_texts = {{"toy_1", std::string("text ") + tag}};
        d.locales.push_back(l);
    }
    d.default_locale = std::move(fallback);
    return instrument::create(d);
}

std::string chosen(const instrument& inst, const std::string& tag) {
    const auto c = choose_locale(inst, language(tag));
    return c.locale ? c.locale->tag + " " + std::string(to_string(c.match)) : "none";
}

}  // namespace

TEST(Locale, ExactTruncatedSameLanguageAndFallback) {
    const auto inst = with_locales({"en", "es-ES", "es-MX", "zh-Hant", "pt-BR"}, "en");
    EXPECT_EQ(chosen(inst, "es-MX"), "es-MX exact");
    EXPECT_EQ(chosen(inst, "ES-mx"), "es-MX exact");  // tags are case-insensitive
    EXPECT_EQ(chosen(inst, "zh-Hant-TW"), "zh-Hant truncated");
    EXPECT_EQ(chosen(inst, "en-US"), "en truncated");
    EXPECT_EQ(chosen(inst, "en-a-bbb"), "en truncated");  // extension dropped with its singleton
    EXPECT_EQ(chosen(inst, "es-AR"), "es-ES same_language");
    EXPECT_EQ(chosen(inst, "pt"), "pt-BR same_language");
    EXPECT_EQ(chosen(inst, "de-DE"), "en fallback");
    EXPECT_EQ(chosen(inst, ""), "en fallback");
    // Without a default locale the first one is offered.
    EXPECT_EQ(chosen(with_locales({"fr", "de"}), "ja"), "fr fallback");
    EXPECT_EQ(chosen(test::toy(), "en"), "none");
}

TEST(Locale, PreferredLanguageMustBeBcp47) {
    const auto inst = with_locales({"en"});
    EXPECT_EQ(test::problem_paths([&] {
                  (void)choose_locale(inst, coded_concept{code_systems::snomed_ct, "en", ""});
              }),
              std::vector<std::string>{"preferred_language.system"});
}

TEST(Locale, ClientPreferredLanguageDrivesTheChoice) {
    client c;
    c.id = client_id("c1");
    c.legal_name.text = "Ana";
    c.preferred_language = language("es-CL", "Spanish (Chile)");
    const auto inst = with_locales({"en", "es"}, "en");
    const auto choice = choose_locale(inst, *c.preferred_language);
    ASSERT_NE(choice.locale, nullptr);
    EXPECT_EQ(choice.locale->tag, "es");
    EXPECT_EQ(item_text(inst, choice.locale, "toy_1"), "text es");
    EXPECT_EQ(item_text(inst, choice.locale, "toy_2"), "Item 2");  // no text: neutral label
    EXPECT_EQ(item_text(inst, nullptr, "toy_1"), "Item 1");
    EXPECT_THROW((void)item_text(inst, choice.locale, "toy_9"), not_found);
}

TEST(Locale, OverlaysAddOrReplaceAndAreMarkedUserSupplied) {
    const auto& core = test::builtin("core10");  // texts may not ship
    EXPECT_TRUE(core.locales().empty());
    instrument_locale de;
    de.tag = "de";
    de.source = "Licensed German version held by the clinic";
    de.item_texts = {{"core10_1", "(licensed text)"}};
    const auto with_de = with_locale(core, de);
    ASSERT_EQ(with_de.locales().size(), 1U);
    EXPECT_TRUE(with_de.locales()[0].user_supplied);
    de.item_texts["core10_2"] = "(second text)";
    const auto replaced = with_locale(with_de, de);
    ASSERT_EQ(replaced.locales().size(), 1U);
    EXPECT_EQ(replaced.locales()[0].item_texts.size(), 2U);
    // Scoring is unchanged by locales.
    EXPECT_EQ(score(replaced, test::answers({0, 0, 0, 0, 0, 0, 0, 0, 0, 0})).scales[0].value,
              std::optional<double>(8));
}
