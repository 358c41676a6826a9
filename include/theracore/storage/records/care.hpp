// SPDX-License-Identifier: Apache-2.0
/// @file
/// Storage registrations and named queries for the care records: treatment plans, sessions,
/// progress notes, psychotherapy notes, homework, behaviour diaries and the intervention
/// catalog.
///
/// Psychotherapy (process) notes are a kind of their own (`psychotherapy_note`), never stored
/// with progress notes: a query for progress notes cannot return them, and an access policy can
/// refuse the kind as a whole.
///
/// Two rules of the records' history are enforced on every update, whatever the caller does:
/// a signed progress note changes only by co-signature and addenda (`check_note_update`), and a
/// superseded treatment-plan version never changes (`check_plan_update`).
#pragma once

#include <cstdint>
#include <string>

#include <boost/date_time/posix_time/posix_time_types.hpp>

#include <theracore/care.hpp>
#include <theracore/io/types.hpp>
#include <theracore/storage/json_codec.hpp>
#include <theracore/storage/keys.hpp>
#include <theracore/storage/query.hpp>
#include <theracore/storage/record_traits.hpp>
#include <theracore/storage/records/common.hpp>

THERACORE_NAMESPACE_BEGIN
namespace storage {

/// Identifies a behaviour diary, which is one client's diary within one episode (see
/// `behaviour_diary_key`).
struct behaviour_diary_id_tag {
    static constexpr const char* name = "behaviour_diary_id";
};
using behaviour_diary_id = basic_id<behaviour_diary_id_tag>;

/// The key of `client`'s diary in `episode`.
[[nodiscard]] inline behaviour_diary_id behaviour_diary_key(const episode_id& episode,
                                                            const client_id& client) {
    return behaviour_diary_id(detail::composite_key({episode.str(), client.str()}));
}

/// Identifies a store-wide setting: a rule set or catalog an integrator configures.
struct setting_id_tag {
    static constexpr const char* name = "setting_id";
};
using setting_id = basic_id<setting_id_tag>;

/// The key of the store's intervention catalog (there is one per store).
[[nodiscard]] inline setting_id intervention_catalog_key() {
    return setting_id("intervention_catalog");
}

template <>
struct record_traits<treatment_plan> : json_codec<treatment_plan> {
    static constexpr const char* kind = "treatment_plan";
    static constexpr deletion_policy deletion = deletion_policy::soft;
    using id_type = plan_id;
    static const plan_id& id(const treatment_plan& p) noexcept { return p.id(); }

    static constexpr column<treatment_plan, episode_id> episode{"episode"};
    /// Every client the plan is for.
    static constexpr column<treatment_plan, client_id> client{"client"};
    /// The live version's review date.
    static constexpr column<treatment_plan, date> review_due{"review_due"};

    THERACORE_API static void index(const treatment_plan& p, index_writer<treatment_plan>& w);

    /// Superseded versions are read-only; versions are never dropped (`check_plan_update`).
    THERACORE_API static void check_update(const treatment_plan& stored, const treatment_plan& next,
                                           transaction&);
};

template <>
struct record_traits<session> : json_codec<session> {
    static constexpr const char* kind = "session";
    static constexpr deletion_policy deletion = deletion_policy::soft;
    using id_type = session_id;
    static const session_id& id(const session& s) noexcept { return s.id(); }

    static constexpr column<session, episode_id> episode{"episode"};
    static constexpr column<session, clinician_id> clinician{"clinician"};
    /// Every client who attended.
    static constexpr column<session, client_id> client{"client"};
    static constexpr column<session, instant> start{"start"};
    static constexpr column<session, session_type> type{"type"};

    THERACORE_API static void index(const session& s, index_writer<session>& w);
};

template <>
struct record_traits<progress_note> : json_codec<progress_note> {
    static constexpr const char* kind = "progress_note";
    static constexpr deletion_policy deletion = deletion_policy::soft;
    using id_type = note_id;
    static const note_id& id(const progress_note& n) noexcept { return n.id(); }

    static constexpr column<progress_note, episode_id> episode{"episode"};
    static constexpr column<progress_note, session_id> session{"session"};
    static constexpr column<progress_note, clinician_id> author{"author"};
    /// The supervisor who must co-sign, once the author has signed.
    static constexpr column<progress_note, clinician_id> cosigner{"cosigner"};
    static constexpr column<progress_note, note_status> status{"status"};
    /// True once the author has signed.
    static constexpr column<progress_note, bool> is_signed{"signed"};
    static constexpr column<progress_note, instant> created{"created"};

    THERACORE_API static void index(const progress_note& n, index_writer<progress_note>& w);

    /// From the author's signature on, only a co-signature and addenda may be added
    /// (`check_note_update`).
    THERACORE_API static void check_update(const progress_note& stored, const progress_note& next,
                                           transaction&);
};

template <>
struct record_traits<psychotherapy_note> : json_codec<psychotherapy_note> {
    static constexpr const char* kind = "psychotherapy_note";
    static constexpr deletion_policy deletion = deletion_policy::soft;
    using id_type = note_id;
    static const note_id& id(const psychotherapy_note& n) noexcept { return n.id; }

    static constexpr column<psychotherapy_note, episode_id> episode{"episode"};
    static constexpr column<psychotherapy_note, session_id> session{"session"};
    static constexpr column<psychotherapy_note, client_id> client{"client"};
    static constexpr column<psychotherapy_note, clinician_id> author{"author"};
    static constexpr column<psychotherapy_note, instant> written{"written"};

    THERACORE_API static void index(const psychotherapy_note& n,
                                    index_writer<psychotherapy_note>& w);

    /// The author may revise the text of a process note; whose note it is, about whom, which
    /// session and when it was written stay as recorded.
    /// @throws conflict naming the field that would change.
    THERACORE_API static void check_update(const psychotherapy_note& stored,
                                           const psychotherapy_note& next, transaction&);
};

template <>
struct record_traits<homework_assignment> : json_codec<homework_assignment> {
    static constexpr const char* kind = "homework_assignment";
    static constexpr deletion_policy deletion = deletion_policy::soft;
    using id_type = assignment_id;
    static const assignment_id& id(const homework_assignment& h) noexcept { return h.id(); }

    static constexpr column<homework_assignment, client_id> client{"client"};
    static constexpr column<homework_assignment, episode_id> episode{"episode"};
    static constexpr column<homework_assignment, clinician_id> assigned_by{"assigned_by"};
    static constexpr column<homework_assignment, session_id> assigned_in{"assigned_in"};
    static constexpr column<homework_assignment, date> due{"due"};

    THERACORE_API static void index(const homework_assignment& h,
                                    index_writer<homework_assignment>& w);
};

template <>
struct record_traits<behaviour_diary> : json_codec<behaviour_diary> {
    static constexpr const char* kind = "behaviour_diary";
    static constexpr deletion_policy deletion = deletion_policy::soft;
    using id_type = behaviour_diary_id;
    static behaviour_diary_id id(const behaviour_diary& d) {
        return behaviour_diary_key(d.data().episode, d.data().client);
    }

    static constexpr column<behaviour_diary, client_id> client{"client"};
    static constexpr column<behaviour_diary, episode_id> episode{"episode"};

    THERACORE_API static void index(const behaviour_diary& d, index_writer<behaviour_diary>& w);
};

template <>
struct record_traits<intervention_catalog> : json_codec<intervention_catalog> {
    static constexpr const char* kind = "intervention_catalog";
    /// Configuration, not a clinical record; a delete is journaled.
    static constexpr deletion_policy deletion = deletion_policy::hard;
    using id_type = setting_id;
    static setting_id id(const intervention_catalog&) { return intervention_catalog_key(); }

    static void index(const intervention_catalog&, index_writer<intervention_catalog>&) {}
};

/// The plans of episode `e`, by id.
[[nodiscard]] THERACORE_API query<treatment_plan> plans_of_episode(const episode_id& e);

/// The plans for client `c`, by id.
[[nodiscard]] THERACORE_API query<treatment_plan> plans_of_client(const client_id& c);

/// Plans whose live version is due for review on or before `day`, soonest first.
[[nodiscard]] THERACORE_API query<treatment_plan> plans_due_for_review(date day);

/// The sessions of episode `e`, in time order.
[[nodiscard]] THERACORE_API query<session> sessions_of_episode(const episode_id& e);

/// The sessions client `c` attended, in time order.
[[nodiscard]] THERACORE_API query<session> sessions_of_client(const client_id& c);

/// The sessions clinician `k` is responsible for from `from` to `to` (inclusive), in time
/// order.
[[nodiscard]] THERACORE_API query<session> sessions_of_clinician(const clinician_id& k,
                                                                 instant from, instant to);

/// The progress notes of episode `e`, oldest first. Psychotherapy notes are a kind of their
/// own and never among them.
[[nodiscard]] THERACORE_API query<progress_note> progress_notes_of_episode(const episode_id& e);

/// The progress notes of session `s`, oldest first.
[[nodiscard]] THERACORE_API query<progress_note> progress_notes_of_session(const session_id& s);

/// Progress notes their author has not signed, created more than `hours` hours before `now`,
/// oldest first: the late-documentation worklist. Narrow to one author with
/// `.where(record_traits<progress_note>::author, k)`.
/// @throws validation_error for negative `hours` or a missing `now`.
[[nodiscard]] THERACORE_API query<progress_note> unsigned_notes_older_than(instant now,
                                                                           std::int64_t hours);

/// Notes signed by their author and waiting for `supervisor`'s co-signature, oldest first.
[[nodiscard]] THERACORE_API query<progress_note> notes_awaiting_cosignature(
    const clinician_id& supervisor);

/// The psychotherapy notes about client `c`, oldest first.
[[nodiscard]] THERACORE_API query<psychotherapy_note> psychotherapy_notes_of_client(
    const client_id& c);

/// The psychotherapy notes of session `s`, oldest first.
[[nodiscard]] THERACORE_API query<psychotherapy_note> psychotherapy_notes_of_session(
    const session_id& s);

/// Client `c`'s homework, soonest due first.
[[nodiscard]] THERACORE_API query<homework_assignment> homework_of_client(const client_id& c);

/// Client `c`'s behaviour diaries (one per episode), by key.
[[nodiscard]] THERACORE_API query<behaviour_diary> diaries_of_client(const client_id& c);

/// The record types of `THERACORE_CARE_RECORDS` (theracore/io/types.hpp).
using care_records = THERACORE_TYPE_LIST(THERACORE_CARE_RECORDS, THERACORE_TYPE_LIST_ITEM);

}  // namespace storage
THERACORE_NAMESPACE_END
