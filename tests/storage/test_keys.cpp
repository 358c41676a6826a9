// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <theracore/people/episode.hpp>
#include <theracore/storage/keys.hpp>

#include "support/storage_builders.hpp"

using namespace theracore;
using namespace theracore::storage;
namespace t = theracore::test;

namespace {

template <class V>
std::string key(const typename key_codec<V>::input_type& v) {
    return key_codec<V>::encode(v);
}

/// Encodes `values` (given in increasing order) and checks the text sorts the same way.
template <class V>
void expect_order_preserved(const std::vector<typename key_codec<V>::input_type>& values) {
    std::vector<std::string> keys;
    for (const auto& v : values) {
        keys.push_back(key<V>(v));
    }
    for (std::size_t i = 1; i < keys.size(); ++i) {
        EXPECT_LT(keys[i - 1], keys[i]) << "values " << i - 1 << " and " << i;
    }
}

}  // namespace

TEST(FoldCase, FoldsEveryCasedScript) {
    // Expected values: Unicode CaseFolding.txt (status C and S).
    EXPECT_STREQ(storage::detail::case_folding_unicode_version, "15.0.0");
    EXPECT_EQ(fold_case("ZOË Ñúñez"), "zoë ñúñez");
    EXPECT_EQ(fold_case("ÀÉÎÕÜÞ µ"), "àéîõüþ μ");
    EXPECT_EQ(fold_case("ŁĄĆČĎĘĞŊŒŠŸŹŽ ſ"), "łąćčďęğŋœšÿźž s");
    EXPECT_EQ(fold_case("ǄǅǍȘȚ"), "ǆǆǎșț");
    EXPECT_EQ(fold_case("ΆΈΉΊΌΎΏ ΣΊΣΥΦΟΣ Ϊ ς"), "άέήίόύώ σίσυφοσ ϊ σ");
    EXPECT_EQ(fold_case("ЁЂЏ МОСКВА ѢҐӁӀӘ"), "ёђџ москва ѣґӂӏә");
    EXPECT_EQ(fold_case("ԱՐՄԵՆ"), "արմեն");
    EXPECT_EQ(fold_case("ႠႡ"), "ⴀⴁ");
    EXPECT_EQ(fold_case("ẠỄ ẞ"), "ạễ ß");
    EXPECT_EQ(fold_case("ＡＢＣ"), "ａｂｃ");
    EXPECT_EQ(fold_case("ƁƊƐƳ ƆKÚ"), "ɓɗɛƴ ɔkú");      // Hausa, Fula, Yoruba names
    EXPECT_EQ(fold_case("\U00010400"), "\U00010428");  // Deseret: beyond the BMP
}

TEST(FoldCase, LeavesUncasedTextAndIllFormedBytesAlone) {
    for (const std::string s : {"李小龍", "שלום", "مرحبا", "😀 123 ß ×", "İ"}) {
        EXPECT_EQ(fold_case(s), s);
    }
    EXPECT_EQ(fold_case("A\xff"
                        "B\xc3"),
              "a\xff"
              "b\xc3");
}

TEST(FoldCase, IsIdempotent) {
    const std::string s = "Zoë ΣΊΣΥΦΟΣ Москва ԱՐՄԵՆ Ǆ ẞ";
    EXPECT_EQ(fold_case(fold_case(s)), fold_case(s));
}

TEST(Utf8, ValidatesWellFormedness) {
    EXPECT_TRUE(storage::detail::is_valid_utf8(""));
    EXPECT_TRUE(storage::detail::is_valid_utf8("Zoë 李 😀"));
    EXPECT_FALSE(storage::detail::is_valid_utf8("\xc0\x80"));          // overlong NUL
    EXPECT_FALSE(storage::detail::is_valid_utf8("\xed\xa0\x80"));      // surrogate
    EXPECT_FALSE(storage::detail::is_valid_utf8("\xf4\x90\x80\x80"));  // beyond U+10FFFF
    EXPECT_FALSE(storage::detail::is_valid_utf8("\xe2\x82"));          // truncated
    EXPECT_FALSE(storage::detail::is_valid_utf8("\x80"));              // stray continuation
}

TEST(PrefixSuccessor, IsTheLeastTextAfterEveryExtension) {
    EXPECT_FALSE(prefix_successor("").has_value());
    EXPECT_EQ(prefix_successor("abc"), "abd");
    EXPECT_EQ(prefix_successor("zo"), "zp");
    EXPECT_EQ(prefix_successor("ñ"), "ò");
    EXPECT_EQ(prefix_successor("a\xf4\x8f\xbf\xbf"), "b");           // U+10FFFF carries
    EXPECT_FALSE(prefix_successor("\xf4\x8f\xbf\xbf").has_value());  // nothing after it
    EXPECT_EQ(prefix_successor("a\xed\x9f\xbf"), "a\xee\x80\x80");   // skips the surrogates
    const std::string p = "zoë";
    const std::string upper = *prefix_successor(p);
    for (const std::string inside : {"zoë", "zoë ñúñez", "zoë\xf4\x8f\xbf\xbf"}) {
        EXPECT_TRUE(p <= inside && inside < upper) << inside;
    }
    for (const std::string outside : {"zo", "zoe", "zp", "zoì", "zoí"}) {
        EXPECT_FALSE(p <= outside && outside < upper) << outside;
    }
}

TEST(KeyCodec, IntegersSortAsNumbers) {
    constexpr auto lo = std::numeric_limits<std::int64_t>::min();
    constexpr auto hi = std::numeric_limits<std::int64_t>::max();
    expect_order_preserved<std::int64_t>({lo, -9000000000, -10, -1, 0, 1, 9, 10, 11, hi});
    EXPECT_EQ(key<std::int64_t>(0), "09223372036854775808");
}

TEST(KeyCodec, DoublesSortAsNumbers) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    expect_order_preserved<double>({-inf, -1e300, -2.5, -1, -1e-300, 0, 1e-300, 1e-3, 1, 1e6, inf});
    EXPECT_EQ(key<double>(-0.0), key<double>(0.0));
    EXPECT_THROW((void)key<double>(std::nan("")), validation_error);
}

TEST(KeyCodec, DatesAndInstantsSortAsTime) {
    expect_order_preserved<date>({date(1900, 1, 1), date(2024, 2, 29), date(2024, 3, 1)});
    EXPECT_EQ(key<date>(date(2024, 2, 29)), "2024-02-29");
    EXPECT_THROW((void)key<date>(date()), validation_error);
    expect_order_preserved<instant>({t::at(2024, 1, 1), t::at(2024, 1, 1, 0, 0, 0, 1),
                                     t::at(2024, 1, 1, 0, 0, 1),
                                     t::at(2024, 1, 1, 23, 59, 59, 999999)});
    EXPECT_EQ(key<instant>(t::at(2024, 1, 1)), "2024-01-01T00:00:00.000000Z");
    EXPECT_EQ(encode_instant(t::at(2024, 2, 29, 13, 5, 9, 42)), "2024-02-29T13:05:09.000042Z");
    EXPECT_EQ(decode_instant("2024-02-29T13:05:09.000042Z"), t::at(2024, 2, 29, 13, 5, 9, 42));
    EXPECT_THROW((void)encode_instant(instant()), validation_error);
    EXPECT_THROW((void)decode_instant("yesterday"), storage_error);
}

TEST(KeyCodec, TextIdsEnumsAndBooleans) {
    EXPECT_EQ(key<std::string>("Zoë"), "Zoë");
    EXPECT_EQ(key<folded_text>("Zoë"), "zoë");
    EXPECT_EQ(key<client_id>(client_id("c-1")), "c-1");
    EXPECT_EQ(key<episode_status>(episode_status::on_hold), "on_hold");
    EXPECT_EQ(key<bool>(false), "0");
    EXPECT_EQ(key<bool>(true), "1");
}

TEST(IndexWriter, CollectsEntriesInOrderOfAddition) {
    struct r {};
    constexpr column<r, client_id> who{"who"};
    constexpr column<r, date> when{"when"};
    index_writer<r> w;
    w.add(who, client_id("c-1"));
    w.add(who, client_id("c-2"));
    w.add_optional(when, std::optional<date>());
    w.add_optional(when, std::optional<date>(date(2024, 1, 2)));
    const auto entries = std::move(w).take();
    EXPECT_EQ(entries,
              (std::vector<index_entry>{{"who", "c-1"}, {"who", "c-2"}, {"when", "2024-01-02"}}));
}
