// SPDX-License-Identifier: Apache-2.0
// The registration lists (theracore/io/types.hpp) against what the library compiles and what
// storage registers: every listed type has compiled JSON adapters that write what the generic
// walker writes, every storable record type is listed, has a kind of its own and round-trips
// through JSON and its storage codec.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <type_traits>

#include <theracore/io/json.hpp>
#include <theracore/io/json_core.hpp>
#include <theracore/storage/records.hpp>

#include "support/fixtures.hpp"

using namespace theracore;
using namespace theracore::storage;

namespace {

template <class T, class... Ts>
constexpr bool contains(io::type_list<Ts...>) {
    return (std::is_same_v<T, Ts> || ...);
}

template <class... Ts>
constexpr bool all_distinct(io::type_list<Ts...>) {
    bool distinct = true;
    io::for_each_type(io::type_list<Ts...>{}, [&](auto a) {
        using A = typename decltype(a)::type;
        int seen = 0;
        ((seen += std::is_same_v<A, Ts> ? 1 : 0), ...);
        distinct = distinct && seen == 1;
    });
    return distinct;
}

/// The record of type `T` in the fixture of its kind.
template <class T>
T read_fixture_of(const std::string& kind) {
    if constexpr (std::is_same_v<T, instruments::instrument>) {
        // A definition file leaves out keys with defaults: it is read by the loader.
        return instruments::load_instrument_text(
            test::read_fixture("instruments/custom_wellbeing.json"));
    } else {
        return io::from_json_string<T>(test::read_fixture(kind + ".json"));
    }
}

}  // namespace

TEST(Registration, EveryListedTypeHasCompiledAdaptersFoundByLookup) {
    std::size_t count = 0;
    io::for_each_type(io::json_types{}, [&](auto tag) {
        using T = typename decltype(tag)::type;
        static_assert(io::has_json_adapter_v<T>);
        // Calls of the adapters (found by lookup), so the link fails for a type the library
        // lacks.
        void (*write)(nlohmann::json&, const T&) = &theracore_io_adl::write<T>;
        void (*read)(const nlohmann::json&, T&) = &theracore_io_adl::read<T>;
        EXPECT_NE(write, nullptr);
        EXPECT_NE(read, nullptr);
        ++count;
    });
    EXPECT_EQ(count, io::json_types::size);
    EXPECT_TRUE(all_distinct(io::json_types{}));
    EXPECT_TRUE(all_distinct(storage::record_types{}));
}

TEST(Registration, CompiledAdaptersWriteWhatTheWalkerWrites) {
    io::for_each_type(io::json_types{}, [&](auto tag) {
        using T = typename decltype(tag)::type;
        const T value{};
        nlohmann::json walked;
        bool walker_threw = false;
        try {
            io::detail::write(walked, value);
        } catch (const error&) {
            walker_threw = true;
        }
        if (walker_threw) {
            EXPECT_THROW((void)io::to_json_value(value), error);
        } else {
            EXPECT_EQ(io::to_json_value(value), walked);
        }
    });
}

TEST(Registration, EveryRegisteredRecordTypeIsListed) {
    // A listed record type that storage registers must be in the record lists ...
    io::for_each_type(io::json_types{}, [&](auto tag) {
        using T = typename decltype(tag)::type;
        if constexpr (io::detail::is_record<T>::value && is_registered_record_v<T>) {
            EXPECT_TRUE(contains<T>(storage::record_types{})) << T::schema_name;
        }
    });
    // ... and every record type of those lists is registered and has JSON adapters.
    io::for_each_type(storage::record_types{}, [&](auto tag) {
        using T = typename decltype(tag)::type;
        static_assert(is_registered_record_v<T>);
        static_assert(io::has_json_adapter_v<T>);
        static_assert(io::detail::is_record<T>::value);
    });
    EXPECT_EQ(storage::record_types::size, 25U);
}

TEST(Registration, EveryStorableKindIsDistinct) {
    std::set<std::string> kinds;
    io::for_each_type(storage::record_types{}, [&](auto tag) {
        using T = typename decltype(tag)::type;
        EXPECT_TRUE(kinds.insert(record_traits<T>::kind).second)
            << "kind " << record_traits<T>::kind << " is used twice";
    });
    EXPECT_EQ(kinds.size(), storage::record_types::size);
}

TEST(Registration, EveryStorableKindRoundTripsThroughJsonAndItsCodec) {
    io::for_each_type(storage::record_types{}, [&](auto tag) {
        using T = typename decltype(tag)::type;
        const std::string kind = record_traits<T>::kind;
        SCOPED_TRACE(kind);
        const auto value = read_fixture_of<T>(kind);
        EXPECT_TRUE(io::from_json_string<T>(io::to_json_string(value)) == value);
        const auto payload = record_traits<T>::encode(value);
        EXPECT_EQ(payload, io::to_json_string(value));
        EXPECT_TRUE(record_traits<T>::decode(payload) == value);
    });
}
