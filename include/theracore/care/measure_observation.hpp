// SPDX-License-Identifier: Apache-2.0
/// @file
/// A score as the clinical records see it: which instrument, whose, when and the total. Goals
/// bound to a measure and dyadic (couple) summaries read these; the instrument engine's scored
/// administrations are converted to them by the caller, so the records do not depend on how an
/// instrument is scored.
#pragma once

#include <optional>
#include <string>
#include <tuple>

#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/id.hpp>
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace care {

/// One total score of one client on one instrument at one time.
struct measure_observation {
    /// The instrument's id as the instrument catalog names it, e.g. "phq9". Compared exactly.
    std::string instrument;
    client_id client;
    /// When the instrument was completed (UTC).
    instant at;
    double total = 0;
    /// The administration the total was scored from, when there is one.
    std::optional<administration_id> administration;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("instrument", s.instrument), field("client", s.client),
                               field("at", s.at), field("total", s.total),
                               field("administration", s.administration));
    }
};

/// Every problem of `o`: instrument, client and time are required, the total must be finite.
[[nodiscard]] THERACORE_API problem_list validate(const measure_observation& o);

}  // namespace care
THERACORE_NAMESPACE_END
