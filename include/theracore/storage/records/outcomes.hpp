// SPDX-License-Identifier: Apache-2.0
/// @file
/// Storage registrations and named queries for the outcome records: alerts and measurement
/// schedules.
#pragma once

#include <string>
#include <vector>

#include <theracore/io/types.hpp>
#include <theracore/outcomes/alert.hpp>
#include <theracore/outcomes/schedule.hpp>
#include <theracore/outcomes/series.hpp>
#include <theracore/storage/json_codec.hpp>
#include <theracore/storage/keys.hpp>
#include <theracore/storage/query.hpp>
#include <theracore/storage/record_traits.hpp>

THERACORE_NAMESPACE_BEGIN
namespace storage {

template <>
struct record_traits<outcomes::alert> : json_codec<outcomes::alert> {
    static constexpr const char* kind = "alert";
    static constexpr deletion_policy deletion = deletion_policy::soft;
    using id_type = alert_id;
    static const alert_id& id(const outcomes::alert& a) noexcept { return a.id(); }

    static constexpr column<outcomes::alert, client_id> client{"client"};
    static constexpr column<outcomes::alert, episode_id> episode{"episode"};
    static constexpr column<outcomes::alert, outcomes::alert_state> state{"state"};
    static constexpr column<outcomes::alert, outcomes::alert_severity> severity{"severity"};
    static constexpr column<outcomes::alert, std::string> instrument{"instrument"};
    static constexpr column<outcomes::alert, instant> raised{"raised"};

    THERACORE_API static void index(const outcomes::alert& a, index_writer<outcomes::alert>& w);

    /// An alert's finding and evidence never change, and its lifecycle only moves forward
    /// (raised → acknowledged → resolved, as `alert::acknowledge` and `resolve` do): who
    /// acknowledged or resolved it, and when, is kept once recorded.
    /// @throws conflict naming what would be rewritten.
    THERACORE_API static void check_update(const outcomes::alert& stored,
                                           const outcomes::alert& next, transaction&);
};

template <>
struct record_traits<outcomes::measurement_schedule> : json_codec<outcomes::measurement_schedule> {
    static constexpr const char* kind = "measurement_schedule";
    static constexpr deletion_policy deletion = deletion_policy::soft;
    /// One schedule per episode: its key is the episode's id.
    using id_type = episode_id;
    static const episode_id& id(const outcomes::measurement_schedule& s) noexcept {
        return s.episode;
    }

    /// Each measure's instrument.
    static constexpr column<outcomes::measurement_schedule, std::string> instrument{"instrument"};

    THERACORE_API static void index(const outcomes::measurement_schedule& s,
                                    index_writer<outcomes::measurement_schedule>& w);
};

/// The alerts about `client` that are not resolved (raised or acknowledged), oldest first.
[[nodiscard]] THERACORE_API query<outcomes::alert> open_alerts_of(const client_id& client);

/// The unresolved alerts about any of `clients`, oldest first.
[[nodiscard]] THERACORE_API query<outcomes::alert> open_alerts_of(
    const std::vector<client_id>& clients);

/// The schedules that include `instrument`.
[[nodiscard]] THERACORE_API query<outcomes::measurement_schedule> schedules_measuring(
    const std::string& instrument);

/// The record types of `THERACORE_OUTCOMES_RECORDS` (theracore/io/types.hpp).
using outcomes_records = THERACORE_TYPE_LIST(THERACORE_OUTCOMES_RECORDS, THERACORE_TYPE_LIST_ITEM);

}  // namespace storage
THERACORE_NAMESPACE_END
