// SPDX-License-Identifier: Apache-2.0
/// @file
/// Records are stored as their JSON wire form (`theracore/io/json.hpp`): the payload a backend
/// keeps is exactly what `io::to_json_string(record)` writes, with its `"schema"` and
/// `"version"`, so a record written by an older TheraCore is upgraded on read by the record's
/// own `upgrade_json`, and a database can be inspected with ordinary JSON tools. Inherit
/// `record_traits<T>` from `json_codec<T>` to get `encode` and `decode`.
///
/// The codec writes and reads that text directly (`detail/fast_json.hpp`, several times faster
/// than going through an nlohmann DOM) and falls back to `io::to_json_string` and
/// `io::from_json_value` for anything it is not sure of, which is how errors are reported and
/// older versions upgraded.
///
/// Needs `theracore::json` (nlohmann/json); the storage interface itself does not.
#pragma once

#include <string>
#include <utility>

#include <theracore/error.hpp>
#include <theracore/io/json_core.hpp>
#include <theracore/storage/detail/fast_json.hpp>

THERACORE_NAMESPACE_BEGIN
namespace storage {

/// `encode`/`decode` through the JSON wire form of `T`.
template <class T>
struct json_codec {
    /// @throws validation_error when `value` cannot be written (text that is not UTF-8, a
    /// number that is not finite).
    [[nodiscard]] static std::string encode(const T& value) {
        if (auto fast = fast_json::try_encode(value)) {
            return std::move(*fast);
        }
        try {
            return io::to_json_string(value);
        } catch (const nlohmann::json::exception& e) {
            throw validation_error(std::string("cannot store ") + T::schema_name,
                                   {{"", std::string("cannot be written as JSON: ") + e.what()}});
        }
    }

    /// @throws storage_error: `schema_mismatch` when a newer TheraCore wrote the record,
    /// `corrupt` when the payload is not a valid record.
    [[nodiscard]] static T decode(const std::string& payload) {
        if (auto fast = fast_json::try_decode<T>(payload)) {
            return std::move(*fast);
        }
        io::json j;
        try {
            j = io::json::parse(payload);
        } catch (const io::json::exception& e) {
            throw storage_error(storage_errc::corrupt, "",
                                std::string("stored payload is not JSON: ") + e.what());
        }
        const auto v = j.is_object() ? j.find("version") : j.end();
        if (v != j.end() && v->is_number_integer() && v->get<long long>() > T::schema_version) {
            throw storage_error(storage_errc::schema_mismatch, "",
                                std::string("written by a newer TheraCore (") + T::schema_name +
                                    " version " + std::to_string(v->get<long long>()) +
                                    "; this library reads up to " +
                                    std::to_string(T::schema_version) + ")");
        }
        try {
            return io::from_json_value<T>(j);
        } catch (const error& e) {
            throw storage_error(
                storage_errc::corrupt, "",
                std::string("stored payload is not a valid ") + T::schema_name + ": " + e.what());
        }
    }
};

}  // namespace storage
THERACORE_NAMESPACE_END
