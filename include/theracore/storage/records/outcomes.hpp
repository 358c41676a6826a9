// SPDX-License-Identifier: Apache-2.0
/// @file
/// Storage registrations and named queries for the outcome records: alerts and measurement
/// schedules.
#pragma once

#include <string>
#include <vector>

#include <theracore/io/json/outcomes.hpp>
#include <theracore/outcomes/alert.hpp>
#include <theracore/outcomes/schedule.hpp>
#include <theracore/outcomes/series.hpp>
#include <theracore/storage/json_codec.hpp>
#include <theracore/storage/keys.hpp>
#include <theracore/storage/query.hpp>
#include <theracore/storage/record_traits.hpp>

THERACORE_NAMESPACE_BEGIN
namespace storage {

/// An observation time is its ISO-8601 text, as its nlohmann adapter writes it
/// (`theracore/io/json/outcomes.hpp`).
template <>
struct fast_json_adapter<outcomes::observation_time> {
    static void write(std::string& out, const outcomes::observation_time& t) {
        if (t.is_set()) {
            fast_json::write_string(out, t.iso8601());
        } else {
            out += "null";
        }
    }
    static void read(fast_json::reader& r, outcomes::observation_time& t) {
        std::string scratch;
        const auto v = outcomes::observation_time::parse(r.string(scratch));
        if (!v) {
            throw fast_json::bail{};
        }
        t = *v;
    }
};

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

    static void index(const outcomes::alert& a, index_writer<outcomes::alert>& w) {
        w.add(client, a.client());
        w.add_optional(episode, a.data().episode);
        w.add(state, a.state());
        w.add(severity, a.severity());
        w.add(instrument, a.instrument_id());
        w.add(raised, a.raised_at());
    }

    /// An alert's finding and evidence never change, and its lifecycle only moves forward
    /// (raised → acknowledged → resolved, as `alert::acknowledge` and `resolve` do): who
    /// acknowledged or resolved it, and when, is kept once recorded.
    /// @throws conflict naming what would be rewritten.
    static void check_update(const outcomes::alert& stored, const outcomes::alert& next,
                             transaction&) {
        const auto& b = stored.data();
        const auto& a = next.data();
        const std::string what = "alert " + b.id.str() + ": ";
        if (b.client != a.client || b.episode != a.episode || b.kind != a.kind ||
            b.severity != a.severity || b.instrument_id != a.instrument_id ||
            b.summary != a.summary || b.rule != a.rule || b.evidence != a.evidence ||
            b.raised_at != a.raised_at) {
            throw conflict(what + "the finding and its evidence cannot change");
        }
        if (static_cast<int>(a.state) < static_cast<int>(b.state)) {
            throw conflict(what + "cannot move from " + std::string(to_string(b.state)) + " to " +
                           std::string(to_string(a.state)));
        }
        if ((b.acknowledged_by &&
             (b.acknowledged_by != a.acknowledged_by || b.acknowledged_at != a.acknowledged_at)) ||
            (b.resolved_by && (b.resolved_by != a.resolved_by || b.resolved_at != a.resolved_at ||
                               b.resolution_note != a.resolution_note))) {
            throw conflict(what + "a recorded acknowledgement or resolution cannot change");
        }
    }
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

    static void index(const outcomes::measurement_schedule& s,
                      index_writer<outcomes::measurement_schedule>& w) {
        for (const auto& m : s.measures) {
            w.add(instrument, m.instrument_id);
        }
    }
};

/// The alerts about `client` that are not resolved (raised or acknowledged), oldest first.
[[nodiscard]] inline query<outcomes::alert> open_alerts_of(const client_id& client) {
    using t = record_traits<outcomes::alert>;
    return query<outcomes::alert>()
        .where(t::client, client)
        .where_any_of(t::state,
                      {outcomes::alert_state::raised, outcomes::alert_state::acknowledged})
        .order_by(t::raised);
}

/// The unresolved alerts about any of `clients`, oldest first.
[[nodiscard]] inline query<outcomes::alert> open_alerts_of(const std::vector<client_id>& clients) {
    using t = record_traits<outcomes::alert>;
    return query<outcomes::alert>()
        .where_any_of(t::client, clients)
        .where_any_of(t::state,
                      {outcomes::alert_state::raised, outcomes::alert_state::acknowledged})
        .order_by(t::raised);
}

/// The schedules that include `instrument`.
[[nodiscard]] inline query<outcomes::measurement_schedule> schedules_measuring(
    const std::string& instrument) {
    using t = record_traits<outcomes::measurement_schedule>;
    return query<outcomes::measurement_schedule>().where(t::instrument, instrument);
}

}  // namespace storage
THERACORE_NAMESPACE_END
