// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <string>

#include <theracore/io/json.hpp>
#include <theracore/storage/json_codec.hpp>

#include "support/builders.hpp"

using namespace theracore;
using codec = storage::json_codec<client>;

namespace {

void expect_decode_error(const std::string& payload, storage_errc category,
                         const std::string& fragment) {
    try {
        (void)codec::decode(payload);
        ADD_FAILURE() << "expected storage_error for " << payload;
    } catch (const storage_error& e) {
        EXPECT_EQ(e.category(), category) << e.what();
        EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
    }
}

}  // namespace

TEST(JsonCodec, ThePayloadIsTheJsonWireForm) {
    const auto c = test::full_client();
    EXPECT_EQ(codec::encode(c), io::to_json_string(c));
    EXPECT_EQ(codec::decode(codec::encode(c)), c);
}

TEST(JsonCodec, TextThatIsNotUtf8CannotBeStored) {
    auto c = test::minimal_client();
    c.notes = "\xff";
    try {
        (void)codec::encode(c);
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        EXPECT_NE(std::string(e.what()).find("UTF-8"), std::string::npos) << e.what();
    }
}

TEST(JsonCodec, UnreadablePayloadsAreStorageErrors) {
    expect_decode_error("{not json", storage_errc::corrupt, "not JSON");
    expect_decode_error(R"({"schema": "theracore.client", "version": 1})", storage_errc::corrupt,
                        "not a valid theracore.client");
    expect_decode_error(
        R"({"schema": "theracore.client", "version": 1, "id": "", "legal_name": {"text": "", "given": []}, "telecom": [], "emergency_contacts": [], "interpreter_needed": false, "culture": {}, "notes": ""})",
        storage_errc::corrupt, "required");
    expect_decode_error(R"({"schema": "theracore.clinician", "version": 1})", storage_errc::corrupt,
                        "schema");
}

TEST(JsonCodec, APayloadFromANewerTheraCoreIsASchemaMismatch) {
    auto j = nlohmann::json::parse(codec::encode(test::full_client()));
    j["version"] = 3;
    expect_decode_error(j.dump(), storage_errc::schema_mismatch,
                        "written by a newer TheraCore (theracore.client version 3; this library "
                        "reads up to 1)");
}
