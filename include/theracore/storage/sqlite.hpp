// SPDX-License-Identifier: Apache-2.0
/// @file
/// The embedded SQLite store (target `theracore::sqlite`): one file, for a clinic on one
/// machine. This header does not include `sqlite3.h`.
///
/// The file is opened in WAL mode (readers do not block the writer), with foreign keys on, a
/// busy timeout, and `synchronous=FULL` unless asked otherwise: a transaction whose `commit`
/// returned survives a crash of the process or of the machine. The schema is versioned; opening
/// a file applies the forward migrations it lacks, in one transaction, and opening a file
/// written by a newer TheraCore fails with `storage_error` (`schema_mismatch`).
///
/// Records are stored as their JSON wire form with their index entries beside them (see
/// docs/storage.md for the tables). Several processes may share a file: SQLite admits one
/// writer at a time, and the others wait up to the busy timeout.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include <theracore/storage/store.hpp>

THERACORE_NAMESPACE_BEGIN
namespace storage {

/// How to open an SQLite store.
struct sqlite_options {
    /// The database file (created when missing), or `":memory:"` for a private in-memory
    /// database that lives as long as the store.
    std::string path;
    /// How long a transaction waits for another connection's write lock (and `begin` for a free
    /// connection) before failing with `storage_error` (`busy`).
    std::chrono::milliseconds busy_timeout{5000};
    /// Connections kept for concurrent transactions (readers run in parallel; writers take
    /// turns). Always 1 for `":memory:"`.
    std::size_t max_connections = 4;
    /// `true`: `synchronous=FULL`, durable across power loss. `false`: `synchronous=NORMAL`,
    /// durable across process crashes, faster, may lose the last commits on power loss.
    bool full_sync = true;
};

/// Opens (creating and migrating as needed) the SQLite store at `options.path`.
/// @throws validation_error when the path is empty.
/// @throws storage_error: `unavailable` when the file cannot be opened, `schema_mismatch` when
/// it was written by a newer TheraCore or is not a TheraCore database, `busy`, `io`, `corrupt`.
[[nodiscard]] THERACORE_API std::unique_ptr<store> make_sqlite_store(const sqlite_options& options);

/// `make_sqlite_store({path})` with the default options.
[[nodiscard]] THERACORE_API std::unique_ptr<store> make_sqlite_store(const std::string& path);

}  // namespace storage
THERACORE_NAMESPACE_END
