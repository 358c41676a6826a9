// SPDX-License-Identifier: Apache-2.0
/// @file
/// The queries that span several record kinds.

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <theracore/storage/queries.hpp>

THERACORE_NAMESPACE_BEGIN
namespace storage {

std::vector<client_id> caseload_of(transaction& tx, const clinician_id& k,
                                   const std::vector<episode_status>& statuses) {
    using e = record_traits<care_episode>;
    std::set<client_id> clients;
    for (const auto& episode :
         tx.query(episodes_of_clinician(k).where_any_of(e::status, statuses))) {
        for (const auto& p : episode.value.participants()) {
            clients.insert(p.client);
        }
    }
    return {clients.begin(), clients.end()};
}

std::vector<instruments::administration> client_trajectory(transaction& tx, const client_id& client,
                                                           const std::string& instrument) {
    using t = record_traits<instruments::administration>;
    std::vector<instruments::administration> out;
    for (auto& a : tx.query(query<instruments::administration>()
                                .where(t::client, client)
                                .where(t::instrument, instrument)
                                .order_by(t::administered))) {
        out.push_back(std::move(a.value));
    }
    return out;
}

std::map<std::string, std::vector<instruments::administration>> client_trajectories(
    transaction& tx, const client_id& client) {
    std::map<std::string, std::vector<instruments::administration>> out;
    for (auto& a : tx.query(administrations_of(client))) {
        auto& series = out[a.value.instrument];
        series.push_back(std::move(a.value));
    }
    return out;
}

std::vector<due_measure> measures_due_for_clinician(transaction& tx, const clinician_id& k, date on,
                                                    const std::vector<episode_status>& statuses) {
    if (on.is_special()) {
        throw validation_error("invalid due-measures query", {{"on", "required"}});
    }
    using e = record_traits<care_episode>;
    std::vector<due_measure> out;
    for (const auto& ve : tx.query(episodes_of_clinician(k).where_any_of(e::status, statuses))) {
        const care_episode& episode = ve.value;
        const auto schedule = tx.find<outcomes::measurement_schedule>(episode.id());
        if (!schedule) {
            continue;
        }
        std::set<std::string> scheduled;
        for (const auto& m : schedule->value.measures) {
            scheduled.insert(m.instrument_id);
        }
        const auto sessions = tx.query(sessions_of_episode(episode.id()));
        for (const auto& p : episode.participants()) {
            outcomes::episode_timeline timeline;
            timeline.intake = episode.opened();
            timeline.discharge = episode.closed();
            for (const auto& s : sessions) {
                if (s.value.attended(p.client)) {
                    timeline.sessions.push_back({s.value.id(), s.value.start().date()});
                }
            }
            for (const auto& a : tx.query(administrations_of(p.client))) {
                const instruments::administration& x = a.value;
                const date day = x.administered_at.date();
                const bool in_episode = x.episode
                                            ? *x.episode == episode.id()
                                            : day >= episode.opened() &&
                                                  (!episode.closed() || day <= *episode.closed());
                if (in_episode && scheduled.count(x.instrument) != 0) {
                    timeline.administrations.push_back({x.instrument, day, std::nullopt, x.id});
                }
            }
            for (auto& m : outcomes::measures_due(schedule->value, timeline, on)) {
                if (m.status != outcomes::due_status::not_due) {
                    out.push_back({episode.id(), p.client, std::move(m)});
                }
            }
        }
    }
    return out;
}

std::vector<versioned<risk_flag>> open_flags_of(transaction& tx, const client_id& client, date on) {
    auto flags = tx.query(unresolved_flags_of({client}));
    flags.erase(
        std::remove_if(flags.begin(), flags.end(),
                       [&](const versioned<risk_flag>& f) { return !f.value.is_active_on(on); }),
        flags.end());
    return flags;
}

std::vector<versioned<risk_flag>> open_flags_for_clinician(
    transaction& tx, const clinician_id& k, date on, const std::vector<episode_status>& statuses) {
    auto flags = tx.query(unresolved_flags_of(caseload_of(tx, k, statuses)));
    flags.erase(
        std::remove_if(flags.begin(), flags.end(),
                       [&](const versioned<risk_flag>& f) { return !f.value.is_active_on(on); }),
        flags.end());
    return flags;
}

std::vector<versioned<outcomes::alert>> open_alerts_for_clinician(
    transaction& tx, const clinician_id& k, const std::vector<episode_status>& statuses) {
    return tx.query(open_alerts_of(caseload_of(tx, k, statuses)));
}

std::optional<versioned<safety_plan>> current_safety_plan_of(transaction& tx,
                                                             const client_id& client, date on) {
    auto versions = tx.query(safety_plans_of_client(client));
    std::vector<safety_plan> plans;
    plans.reserve(versions.size());
    for (const auto& v : versions) {
        plans.push_back(v.value);
    }
    const safety_plan* current = current_safety_plan(plans, client, on);
    if (current == nullptr) {
        return std::nullopt;
    }
    return versions[static_cast<std::size_t>(current - plans.data())];
}

}  // namespace storage
THERACORE_NAMESPACE_END
