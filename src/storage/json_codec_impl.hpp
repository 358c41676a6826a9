// SPDX-License-Identifier: Apache-2.0
/// @file
/// The definitions of `storage::json_codec<T>`, for the source files that instantiate it
/// (`THERACORE_STORAGE_DEFINE_CODEC(T)` in src/storage/records/, and tests with record types of
/// their own, which the generic walker writes and reads). The codecs of the registered record
/// types are declared extern here: the library compiles them once.
#pragma once

#include <string>
#include <utility>

#include <theracore/error.hpp>
#include <theracore/io/json.hpp>
#include <theracore/io/json_core.hpp>
#include <theracore/io/types.hpp>
#include <theracore/storage/json_codec.hpp>
#include <theracore/storage/records.hpp>

#include "storage/detail/fast_json.hpp"
#include "storage/detail/fast_json_adapters.hpp"

THERACORE_NAMESPACE_BEGIN
namespace storage {

template <class T>
std::string json_codec<T>::encode(const T& value) {
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

template <class T>
T json_codec<T>::decode(const std::string& payload) {
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
                                "; this library reads up to " + std::to_string(T::schema_version) +
                                ")");
    }
    try {
        return io::from_json_value<T>(j);
    } catch (const error& e) {
        throw storage_error(
            storage_errc::corrupt, "",
            std::string("stored payload is not a valid ") + T::schema_name + ": " + e.what());
    }
}

#define THERACORE_STORAGE_DETAIL_EXTERN_CODEC(T) extern template struct json_codec<T>;
THERACORE_PEOPLE_RECORDS(THERACORE_STORAGE_DETAIL_EXTERN_CODEC)
THERACORE_CARE_RECORDS(THERACORE_STORAGE_DETAIL_EXTERN_CODEC)
THERACORE_SAFETY_RECORDS(THERACORE_STORAGE_DETAIL_EXTERN_CODEC)
THERACORE_INSTRUMENTS_RECORDS(THERACORE_STORAGE_DETAIL_EXTERN_CODEC)
THERACORE_OUTCOMES_RECORDS(THERACORE_STORAGE_DETAIL_EXTERN_CODEC)
#undef THERACORE_STORAGE_DETAIL_EXTERN_CODEC

}  // namespace storage
THERACORE_NAMESPACE_END

/// Compiles the codec of record type `T` (named as seen from `theracore::storage`); in
/// `theracore::storage`, in one source file.
#define THERACORE_STORAGE_DEFINE_CODEC(T) template struct json_codec<T>;
