// SPDX-License-Identifier: Apache-2.0
/// @file
/// Records are stored as their JSON wire form (`theracore/io/json.hpp`): the payload a backend
/// keeps is exactly what `io::to_json_string(record)` writes, with its `"schema"` and
/// `"version"`, so a record written by an older TheraCore is upgraded on read by the record's
/// own `upgrade_json`, and a database can be inspected with ordinary JSON tools. Inherit
/// `record_traits<T>` from `json_codec<T>` to get `encode` and `decode`.
///
/// The codec writes and reads that text directly (a fast path several times faster than going
/// through an nlohmann DOM) and falls back to `io::to_json_string` and `io::from_json_value` for
/// anything it is not sure of, which is how errors are reported and older versions upgraded.
///
/// Only declared here: the library compiles the codec of every record type of the registration
/// lists (`THERACORE_<AREA>_RECORDS`, theracore/io/types.hpp) in src/storage/records/.
#pragma once

#include <string>

#include <theracore/config.hpp>

THERACORE_NAMESPACE_BEGIN
namespace storage {

/// `encode`/`decode` through the JSON wire form of `T`.
template <class T>
struct json_codec {
    /// @throws validation_error when `value` cannot be written (text that is not UTF-8, a
    /// number that is not finite).
    [[nodiscard]] THERACORE_API static std::string encode(const T& value);

    /// @throws storage_error: `schema_mismatch` when a newer TheraCore wrote the record,
    /// `corrupt` when the payload is not a valid record.
    [[nodiscard]] THERACORE_API static T decode(const std::string& payload);
};

}  // namespace storage
THERACORE_NAMESPACE_END
