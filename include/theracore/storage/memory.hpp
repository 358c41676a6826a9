// SPDX-License-Identifier: Apache-2.0
/// @file
/// The in-memory store: the reference implementation of every hook, a test double, and the
/// template for a new backend (src/storage/memory.cpp; docs/storage.md, "Writing a backend").
/// Nothing is persisted.
///
/// Each transaction keeps its own write set (records it inserted, replaced or erased, and the
/// revision each had when first touched) and reads through it; `commit` takes the store's lock,
/// checks that nothing it touched changed since, and applies the set at once — or throws
/// `conflict` and applies nothing. Readers never block writers and nothing deadlocks.
/// Thread-safe (see `store.hpp`).
#pragma once

#include <memory>

#include <theracore/storage/store.hpp>

THERACORE_NAMESPACE_BEGIN
namespace storage {

/// A new, empty in-memory store.
[[nodiscard]] THERACORE_API std::unique_ptr<store> make_memory_store();

}  // namespace storage
THERACORE_NAMESPACE_END
