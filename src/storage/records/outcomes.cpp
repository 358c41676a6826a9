// SPDX-License-Identifier: Apache-2.0
/// @file
/// What the storage registrations of the alerts and measurement schedules index, their update rules
/// and named queries.

#include <theracore/storage/records/outcomes.hpp>

THERACORE_NAMESPACE_BEGIN
namespace storage {

query<outcomes::alert> open_alerts_of(const client_id& client) {
    using t = record_traits<outcomes::alert>;
    return query<outcomes::alert>()
        .where(t::client, client)
        .where_any_of(t::state,
                      {outcomes::alert_state::raised, outcomes::alert_state::acknowledged})
        .order_by(t::raised);
}

query<outcomes::alert> open_alerts_of(const std::vector<client_id>& clients) {
    using t = record_traits<outcomes::alert>;
    return query<outcomes::alert>()
        .where_any_of(t::client, clients)
        .where_any_of(t::state,
                      {outcomes::alert_state::raised, outcomes::alert_state::acknowledged})
        .order_by(t::raised);
}

query<outcomes::measurement_schedule> schedules_measuring(const std::string& instrument) {
    using t = record_traits<outcomes::measurement_schedule>;
    return query<outcomes::measurement_schedule>().where(t::instrument, instrument);
}

void record_traits<outcomes::alert>::index(const outcomes::alert& a,
                                           index_writer<outcomes::alert>& w) {
    w.add(client, a.client());
    w.add_optional(episode, a.data().episode);
    w.add(state, a.state());
    w.add(severity, a.severity());
    w.add(instrument, a.instrument_id());
    w.add(raised, a.raised_at());
}

void record_traits<outcomes::alert>::check_update(const outcomes::alert& stored,
                                                  const outcomes::alert& next, transaction&) {
    const auto& b = stored.data();
    const auto& a = next.data();
    const std::string what = "alert " + b.id.str() + ": ";
    if (b.client != a.client || b.episode != a.episode || b.kind != a.kind ||
        b.severity != a.severity || b.instrument_id != a.instrument_id || b.summary != a.summary ||
        b.rule != a.rule || b.evidence != a.evidence || b.raised_at != a.raised_at) {
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

void record_traits<outcomes::measurement_schedule>::index(
    const outcomes::measurement_schedule& s, index_writer<outcomes::measurement_schedule>& w) {
    for (const auto& m : s.measures) {
        w.add(instrument, m.instrument_id);
    }
}

}  // namespace storage
THERACORE_NAMESPACE_END
