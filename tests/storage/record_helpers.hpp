// SPDX-License-Identifier: Apache-2.0
/// @file
/// Helpers shared by the tests of the record registrations (test_records_<area>.cpp): what a
/// record writes to one index column, and whether a store's update rule refuses a change.
#pragma once

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include <theracore/error.hpp>
#include <theracore/storage/memory.hpp>
#include <theracore/storage/records.hpp>

namespace theracore::test::record_helpers {

/// The values `record` indexes under `column`, sorted so that tests need not know the order.
template <class T>
std::vector<std::string> values(const T& record, const std::string& column) {
    storage::index_writer<T> w;
    storage::record_traits<T>::index(record, w);
    std::vector<std::string> out;
    for (const auto& e : std::move(w).take()) {
        if (e.name == column) {
            out.push_back(e.value);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

/// The distinct values `record` indexes under `column`, sorted.
template <class T>
std::vector<std::string> distinct_values(const T& record, const std::string& column) {
    auto out = values(record, column);
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

using texts = std::vector<std::string>;

/// Whether the store refuses, with conflict, to replace `stored` by `next`.
template <class T>
bool refused(const T& stored, const T& next) {
    auto db = storage::make_memory_store();
    db->transact(storage::actor{"k-ada"}, [&](storage::transaction& tx) { tx.insert(stored); });
    auto tx = db->begin(storage::actor{"k-ada"});
    try {
        tx.update(next, 1);
        return false;
    } catch (const conflict&) {
        return true;
    }
}

}  // namespace theracore::test::record_helpers
