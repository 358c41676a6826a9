// SPDX-License-Identifier: Apache-2.0
/// @file
/// The PostgreSQL store (target `theracore::postgresql`): for a service with several
/// clinicians and machines, on a server run with standard PostgreSQL tooling (backups,
/// replicas, monitoring). This header does not include `libpq-fe.h`.
///
/// The store keeps a pool of connections shared by threads. Its tables live in one schema
/// (`theracore` by default), created and migrated on open under an advisory lock, so several
/// processes may open the same database at once. Read-write transactions run at READ
/// COMMITTED; every revision check is a conditional `UPDATE`/`DELETE` that PostgreSQL evaluates
/// on the locked row, so concurrent writers cannot lose each other's updates. Read-only
/// transactions run at REPEATABLE READ (one snapshot). Serialization failures and deadlocks
/// surface as `conflict`. `transaction::insert_all` loads records with COPY.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include <theracore/storage/store.hpp>

THERACORE_NAMESPACE_BEGIN
namespace storage {

/// How to reach a PostgreSQL store.
struct postgresql_options {
    /// A libpq connection string or URI: `host=db.example port=5432 dbname=ehr user=theracore`
    /// or `postgresql://theracore@db.example/ehr`. Passwords are best kept in `~/.pgpass` or
    /// `PGPASSWORD` rather than here.
    std::string conninfo;
    /// The schema holding TheraCore's tables (created when missing).
    std::string schema = "theracore";
    /// Connections kept for concurrent transactions.
    std::size_t pool_size = 4;
    /// How long `begin` waits for a free connection before failing with `storage_error`
    /// (`busy`).
    std::chrono::milliseconds acquire_timeout{10000};
};

/// Connects, creates the schema if needed and applies missing migrations.
/// @throws validation_error when `conninfo` or `schema` is empty.
/// @throws storage_error: `unavailable` when the server cannot be reached or refuses the login,
/// `schema_mismatch` when the schema was written by a newer TheraCore or holds other tables.
[[nodiscard]] THERACORE_API std::unique_ptr<store> make_postgresql_store(
    const postgresql_options& options);

/// `make_postgresql_store({conninfo})` with the default options.
[[nodiscard]] THERACORE_API std::unique_ptr<store> make_postgresql_store(
    const std::string& conninfo);

}  // namespace storage
THERACORE_NAMESPACE_END
