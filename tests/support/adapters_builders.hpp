// SPDX-License-Identifier: Apache-2.0
// Shared test data for the adapters between areas (tests/adapters): scored administrations
// of built-in instruments, and small records around them. Its own namespace, so that a test
// may include it beside another area's builders.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <theracore/instruments.hpp>
#include <theracore/instruments/administration.hpp>
#include <theracore/instruments/builtin_catalog.hpp>

#include "support/values.hpp"

namespace theracore::itest {

namespace ti = theracore::instruments;

using test::at;

/// The problems of the validation_error `f` throws (none when it does not throw).
inline problem_list problems_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const validation_error& e) {
        return e.problems();
    }
    return {};
}

inline const ti::instrument& builtin(const std::string& id) {
    return ti::builtin_catalog().at(id);
}

/// An administration of built-in `instrument` scored from `answers` in form order (an
/// `answer()` is missing).
inline instruments::administration scored(const std::string& instrument, const std::string& id,
                                          const std::string& client, instant when,
                                          std::vector<ti::answer> answers) {
    return administer(builtin(instrument), administration_id(id), client_id(client), when,
                      ti::responses::ordered(std::move(answers)));
}

/// A PHQ-9 administration: items 1–8 sum to `items_1_8` (spread as 3s, then the rest), item 9
/// as given, item 10 (not scored) 0. Total = items_1_8 + item9.
inline instruments::administration phq9(const std::string& id, const std::string& client,
                                        instant when, int items_1_8, ti::answer item9 = 0) {
    std::vector<ti::answer> a;
    int left = items_1_8;
    for (int i = 0; i < 8; ++i) {
        const int v = left >= 3 ? 3 : left;
        a.emplace_back(v);
        left -= v;
    }
    a.push_back(item9);
    a.emplace_back(0);
    return scored("phq9", id, client, when, std::move(a));
}

/// The same administration as if scored with definition version `version` (both the record
/// and its result say so, as a stored older administration would).
inline instruments::administration as_version(instruments::administration a,
                                              const std::string& version) {
    a.instrument_version = version;
    a.result.provenance.instrument_version = version;
    return a;
}

/// Built-in definition `base` changed by `edit`, checked again (item ids stay as they are, so
/// renaming the instrument keeps them).
template <class F>
ti::instrument variant_of(const std::string& base, F edit) {
    auto d = builtin(base).data();
    edit(d);
    return ti::instrument::create(std::move(d));
}

}  // namespace theracore::itest
