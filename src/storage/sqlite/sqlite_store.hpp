// SPDX-License-Identifier: Apache-2.0
// Private: the SQLite store with an explicit list of migrations, so that tests can exercise the
// migration runner with steps beyond the real schema. Not in an installed header, but exported
// (THERACORE_API) so that the tests can call it in a shared-library build too.
#pragma once

#include <memory>
#include <vector>

#include <theracore/storage/sqlite.hpp>

#include "common/sql_store.hpp"

THERACORE_NAMESPACE_BEGIN
namespace storage {
namespace sqlite_detail {

/// The real schema of the SQLite backend, version by version.
[[nodiscard]] THERACORE_API std::vector<sql::migration> migrations();

/// `make_sqlite_store(options)`, migrating with `steps` instead of `migrations()`.
[[nodiscard]] THERACORE_API std::unique_ptr<store> open(const sqlite_options& options,
                                                        const std::vector<sql::migration>& steps);

}  // namespace sqlite_detail
}  // namespace storage
THERACORE_NAMESPACE_END
