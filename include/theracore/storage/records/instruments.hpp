// SPDX-License-Identifier: Apache-2.0
/// @file
/// Storage registrations and named queries for the instrument engine's records: administrations
/// (answers and scores) and the instrument definitions they were scored with.
///
/// Administrations are the one kind that grows to millions of rows. They index exactly three
/// single-valued columns (client, instrument, time); the SQL backends keep them in a table of
/// their own with those as real columns and one composite index, so that a client's history
/// is one index range scan (docs/storage.md, "Administrations").
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <theracore/instruments/administration.hpp>
#include <theracore/instruments/instrument.hpp>
#include <theracore/instruments/responses.hpp>
#include <theracore/io/types.hpp>
#include <theracore/storage/json_codec.hpp>
#include <theracore/storage/keys.hpp>
#include <theracore/storage/query.hpp>
#include <theracore/storage/record_traits.hpp>
#include <theracore/storage/records/common.hpp>

THERACORE_NAMESPACE_BEGIN
namespace storage {

/// Identifies a stored instrument definition: its id and version (see
/// `instrument_version_key`).
struct instrument_version_id_tag {
    static constexpr const char* name = "instrument_version_id";
};
using instrument_version_id = basic_id<instrument_version_id_tag>;

/// The key of version `version` of instrument `id`: `"phq9|1.0"`.
[[nodiscard]] inline instrument_version_id instrument_version_key(const std::string& id,
                                                                  const std::string& version) {
    return instrument_version_id(detail::composite_key({id, version}));
}

template <>
struct record_traits<instruments::administration> : json_codec<instruments::administration> {
    static constexpr const char* kind = "administration";
    static constexpr deletion_policy deletion = deletion_policy::soft;
    using id_type = administration_id;
    static const administration_id& id(const instruments::administration& a) noexcept {
        return a.id;
    }

    static constexpr column<instruments::administration, client_id> client{"client"};
    /// The instrument id (`phq9`).
    static constexpr column<instruments::administration, std::string> instrument{"instrument"};
    static constexpr column<instruments::administration, instant> administered{"administered"};

    /// One value per column: the SQL backends keep these as the columns of a table of their
    /// own. A new column here needs a migration there (src/storage/common/sql_store.hpp).
    THERACORE_API static void index(const instruments::administration& a,
                                    index_writer<instruments::administration>& w);

    /// What was answered, by whom, when and in which language is history: an update may
    /// re-score (a new `result` and `instrument_version`) or link the episode, nothing else.
    /// A mistyped answer is corrected by deleting the administration and recording it again.
    /// @throws conflict naming the first field that would change.
    THERACORE_API static void check_update(const instruments::administration& stored,
                                           const instruments::administration& next, transaction&);
};

template <>
struct record_traits<instruments::instrument> : json_codec<instruments::instrument> {
    static constexpr const char* kind = "instrument_definition";
    /// Scores refer to definitions by id and version: they are kept like clinical records.
    static constexpr deletion_policy deletion = deletion_policy::soft;
    using id_type = instrument_version_id;
    static instrument_version_id id(const instruments::instrument& i) {
        return instrument_version_key(i.id(), i.version());
    }

    static constexpr column<instruments::instrument, std::string> instrument{"instrument"};
    static constexpr column<instruments::instrument, std::string> version{"version"};

    THERACORE_API static void index(const instruments::instrument& i,
                                    index_writer<instruments::instrument>& w);

    /// A definition version never changes: scores recorded with it would silently mean
    /// something else. Publish a new version instead.
    /// @throws conflict for any change.
    THERACORE_API static void check_update(const instruments::instrument& stored,
                                           const instruments::instrument& next, transaction&);
};

/// `client`'s administrations of `instrument` from `from` to `to` (inclusive), oldest first.
[[nodiscard]] THERACORE_API query<instruments::administration> administrations_of(
    const client_id& client, const std::string& instrument, instant from, instant to);

/// `client`'s administrations of `instrument` on the days `from` to `to` (inclusive, UTC),
/// oldest first.
/// @throws validation_error for a special date.
[[nodiscard]] THERACORE_API query<instruments::administration> administrations_of(
    const client_id& client, const std::string& instrument, date from, date to);

/// Every administration of `client` (any instrument), oldest first.
[[nodiscard]] THERACORE_API query<instruments::administration> administrations_of(
    const client_id& client);

/// The stored versions of instrument `id`, by version text.
[[nodiscard]] THERACORE_API query<instruments::instrument> instrument_versions(
    const std::string& id);

/// The record types of `THERACORE_INSTRUMENTS_RECORDS` (theracore/io/types.hpp).
using instruments_records = THERACORE_TYPE_LIST(THERACORE_INSTRUMENTS_RECORDS,
                                                THERACORE_TYPE_LIST_ITEM);

}  // namespace storage
THERACORE_NAMESPACE_END
