// SPDX-License-Identifier: Apache-2.0
/// @file
/// The storage registrations (`record_traits`) and named queries of every record type, and the
/// queries that span several kinds (`queries.hpp`). Records are stored as their JSON wire form;
/// the codecs are compiled into the library (`storage/json_codec.hpp`).
///
/// ```
/// #include <theracore/storage/records.hpp>
/// auto hits = tx.query(storage::clients_by_name_prefix("zo"));
/// auto phq9 = storage::client_trajectory(tx, client_id("c-zoe"), "phq9");
/// ```
#pragma once

// One header per area; each specializes record_traits for its types (docs/storage.md).
#include <theracore/storage/records/care.hpp>
#include <theracore/storage/records/instruments.hpp>
#include <theracore/storage/records/outcomes.hpp>
#include <theracore/storage/records/people.hpp>
#include <theracore/storage/records/safety.hpp>
// Queries over several kinds.
#include <theracore/storage/queries.hpp>

THERACORE_NAMESPACE_BEGIN
namespace storage {
/// Every storable record type, area by area.
using record_types = io::concat_t<people_records, care_records, safety_records, instruments_records,
                                  outcomes_records>;
}  // namespace storage
THERACORE_NAMESPACE_END
