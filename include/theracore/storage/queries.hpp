// SPDX-License-Identifier: Apache-2.0
/// @file
/// Queries an EHR screen asks that span several record kinds: a client's trajectories, the
/// measures due for a clinician's caseload, open flags and alerts of a caseload, the safety
/// plan current on a date. Each runs inside the caller's transaction (so it sees one snapshot
/// and the transaction's own writes) through the named queries of `records/*.hpp`, and is
/// subject to the access policy and audit like any other read.
///
/// ```
/// auto tx = db->begin(storage::actor{"k-ada"}, storage::access_mode::read_only);
/// for (const auto& d : storage::measures_due_for_clinician(tx, clinician_id("k-ada"), today))
///     … d.episode, d.client, d.measure.instrument_id, d.measure.status …
/// auto phq9 = storage::client_trajectory(tx, client_id("c-zoe"), "phq9");   // oldest first
/// ```
#pragma once

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <theracore/detail/describe.hpp>
#include <theracore/outcomes/schedule.hpp>
#include <theracore/storage/records/care.hpp>
#include <theracore/storage/records/instruments.hpp>
#include <theracore/storage/records/outcomes.hpp>
#include <theracore/storage/records/people.hpp>
#include <theracore/storage/records/safety.hpp>
#include <theracore/storage/store.hpp>

THERACORE_NAMESPACE_BEGIN
namespace storage {

/// The episode statuses in which a clinician is responsible for a client: every one but
/// `closed`.
[[nodiscard]] inline std::vector<episode_status> open_episode_statuses() {
    return {episode_status::referred, episode_status::waitlisted, episode_status::assessment,
            episode_status::active, episode_status::on_hold};
}

/// The clients of the episodes `k` is the primary clinician of, in `statuses` (default: every
/// episode not closed), each once, by id.
/// @throws access_denied, storage_error.
[[nodiscard]] THERACORE_API std::vector<client_id> caseload_of(
    transaction& tx, const clinician_id& k,
    const std::vector<episode_status>& statuses = open_episode_statuses());

/// `client`'s administrations of `instrument`, oldest first: the input of the outcomes
/// module's series (`adapters::series_for`). Administrations at the same instant keep id
/// order.
/// @throws access_denied, storage_error.
[[nodiscard]] THERACORE_API std::vector<instruments::administration> client_trajectory(
    transaction& tx, const client_id& client, const std::string& instrument);

/// Every trajectory of `client`: for each instrument the client completed, the
/// administrations oldest first (as `client_trajectory`). One query.
/// @throws access_denied, storage_error.
[[nodiscard]] THERACORE_API std::map<std::string, std::vector<instruments::administration>>
client_trajectories(transaction& tx, const client_id& client);

/// One measure due (or overdue) for one client of one episode.
struct due_measure {
    episode_id episode;
    client_id client;
    outcomes::measure_due measure;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("episode", s.episode), field("client", s.client),
                               field("measure", s.measure));
    }
};

/// The measures due or overdue on `on` in the episodes `k` is the primary clinician of (in
/// `statuses`, by default assessment and active), by episode (oldest first), client (in
/// participant order) and schedule order.
///
/// For each such episode with a `measurement_schedule`, and each of its participants, the
/// timeline `outcomes::measures_due` takes is gathered from the store: intake and discharge
/// are the episode's opening and closing dates; the sessions are those of the episode the
/// client attended; the administrations are the client's of the scheduled instruments that
/// are linked to the episode, or linked to none and dated within it.
/// @throws access_denied, storage_error; validation_error when `on` is not a date.
[[nodiscard]] THERACORE_API std::vector<due_measure> measures_due_for_clinician(
    transaction& tx, const clinician_id& k, date on,
    const std::vector<episode_status>& statuses = {episode_status::assessment,
                                                   episode_status::active});

/// `client`'s flags that are active on `on` (raised by then, open or followed up, not past
/// their expiry date: `risk_flag::is_active_on`), by raise time.
/// @throws access_denied, storage_error.
[[nodiscard]] THERACORE_API std::vector<versioned<risk_flag>> open_flags_of(transaction& tx,
                                                                            const client_id& client,
                                                                            date on);

/// The flags active on `on` of every client in `k`'s caseload (`caseload_of` with
/// `statuses`), by raise time.
/// @throws access_denied, storage_error.
[[nodiscard]] THERACORE_API std::vector<versioned<risk_flag>> open_flags_for_clinician(
    transaction& tx, const clinician_id& k, date on,
    const std::vector<episode_status>& statuses = open_episode_statuses());

/// The unresolved alerts of every client in `k`'s caseload, oldest first.
/// @throws access_denied, storage_error.
[[nodiscard]] THERACORE_API std::vector<versioned<outcomes::alert>> open_alerts_for_clinician(
    transaction& tx, const clinician_id& k,
    const std::vector<episode_status>& statuses = open_episode_statuses());

/// The safety plan version current for `client` on `on` (`current_safety_plan`: created by
/// then, not superseded by then, not past its review date), or nothing.
/// @throws access_denied, storage_error.
[[nodiscard]] THERACORE_API std::optional<versioned<safety_plan>> current_safety_plan_of(
    transaction& tx, const client_id& client, date on);

}  // namespace storage
THERACORE_NAMESPACE_END
