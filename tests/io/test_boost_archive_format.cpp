// SPDX-License-Identifier: Apache-2.0
// The archive format does not move: tests/data/boost/<kind>.txt and .xml are the text and XML
// archives of the record fixtures tests/data/<kind>.json. Most were written by TheraCore 0.1.0
// at commit 538c4bf (when every `serialize` was an inline template in the adapter headers); a
// record whose schema version has since been raised has its current archives there and the
// archives of each older version under tests/data/boost/v<N>/, beside the JSON it was written
// from (tests/data/v<N>/<kind>.json). The compiled serialization (theracore::serialization) must
// write the current archives byte for byte and read every archive back to the same record.
// Every registered record type with a fixture is checked.
#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/archive/xml_iarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>

#include <theracore/io/boost_serialization.hpp>
#include <theracore/io/json.hpp>
#include <theracore/storage/records.hpp>

#include "support/fixtures.hpp"

using namespace theracore;

using theracore::test::read_fixture;

TEST(BoostArchiveFormat, RecordsWriteAndReadTheArchivesOfTheFirstRelease) {
    std::vector<std::string> checked;
    io::for_each_type(storage::record_types{}, [&](auto tag) {
        using T = typename decltype(tag)::type;
        const std::string kind = storage::record_traits<T>::kind;
        // Instrument definitions have no record fixture (test_json_instruments covers them).
        if (!std::filesystem::exists(std::string(THERACORE_TEST_DATA_DIR) + "/" + kind + ".json")) {
            return;
        }
        SCOPED_TRACE(kind);
        const T value = io::from_json_string<T>(read_fixture(kind + ".json"));
        const std::string golden_text = read_fixture("boost/" + kind + ".txt");
        const std::string golden_xml = read_fixture("boost/" + kind + ".xml");

        std::ostringstream text;
        {
            boost::archive::text_oarchive oa(text);
            oa << value;
        }
        EXPECT_EQ(text.str(), golden_text);
        std::ostringstream xml;
        {
            boost::archive::xml_oarchive oa(xml);
            oa << boost::serialization::make_nvp("record", value);
        }
        EXPECT_EQ(xml.str(), golden_xml);

        T from_text{};
        {
            std::istringstream in(golden_text);
            boost::archive::text_iarchive ia(in);
            ia >> from_text;
        }
        EXPECT_EQ(from_text, value);
        T from_xml{};
        {
            std::istringstream in(golden_xml);
            boost::archive::xml_iarchive ia(in);
            ia >> boost::serialization::make_nvp("record", from_xml);
        }
        EXPECT_EQ(from_xml, value);
        checked.push_back(kind);
    });
    // Every record kind but the instrument definition has a fixture.
    EXPECT_EQ(checked.size(), storage::record_types::size - 1);
}

// A record written by an older version (JSON or Boost) reads as the same record today: the
// fields added since keep their defaults, a field that became optional reads its old value.
TEST(BoostArchiveFormat, ArchivesAndJsonOfOlderSchemaVersionsStillRead) {
    std::vector<std::string> checked;
    io::for_each_type(storage::record_types{}, [&](auto tag) {
        using T = typename decltype(tag)::type;
        const std::string kind = storage::record_traits<T>::kind;
        for (int v = 1; v < T::schema_version; ++v) {
            const std::string dir = "v" + std::to_string(v) + "/";
            if (!std::filesystem::exists(std::string(THERACORE_TEST_DATA_DIR) + "/" + dir + kind +
                                         ".json")) {
                continue;
            }
            SCOPED_TRACE(dir + kind);
            const auto old_json = nlohmann::json::parse(read_fixture(dir + kind + ".json"));
            ASSERT_EQ(old_json.at("version"), v);
            const T value = old_json.get<T>();
            T from_text{};
            {
                std::istringstream in(read_fixture("boost/" + dir + kind + ".txt"));
                boost::archive::text_iarchive ia(in);
                ia >> from_text;
            }
            EXPECT_EQ(from_text, value);
            T from_xml{};
            {
                std::istringstream in(read_fixture("boost/" + dir + kind + ".xml"));
                boost::archive::xml_iarchive ia(in);
                ia >> boost::serialization::make_nvp("record", from_xml);
            }
            EXPECT_EQ(from_xml, value);
            checked.push_back(dir + kind);
        }
    });
    // The records whose schema moved on: alert (2: evidence without a score), risk_flag (2:
    // re-ratings).
    std::sort(checked.begin(), checked.end());
    EXPECT_EQ(checked, (std::vector<std::string>{"v1/alert", "v1/risk_flag"}));
}
