// SPDX-License-Identifier: Apache-2.0
/// @file
/// The storage registrations (`record_traits`) and named queries of every record type. Needs
/// `theracore::json`: records are stored as their JSON wire form.
///
/// ```
/// #include <theracore/storage/records.hpp>
/// auto hits = tx.query(storage::clients_by_name_prefix("zo"));
/// ```
#pragma once

// One header per area; each specializes record_traits for its types (docs/storage.md).
#include <theracore/storage/records/model.hpp>
