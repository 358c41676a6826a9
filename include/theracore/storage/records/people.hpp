// SPDX-License-Identifier: Apache-2.0
/// @file
/// Storage registrations and named queries for the core model: clients, clinicians, care
/// episodes and intakes. The pattern every area follows (docs/storage.md).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <theracore/io/types.hpp>
#include <theracore/people.hpp>
#include <theracore/storage/json_codec.hpp>
#include <theracore/storage/keys.hpp>
#include <theracore/storage/query.hpp>
#include <theracore/storage/record_traits.hpp>

THERACORE_NAMESPACE_BEGIN
namespace storage {

template <>
struct record_traits<client> : json_codec<client> {
    static constexpr const char* kind = "client";
    static constexpr deletion_policy deletion = deletion_policy::soft;
    using id_type = client_id;
    static const client_id& id(const client& c) noexcept { return c.id; }

    /// Every name and name part (legal, preferred, family, given), case-folded.
    static constexpr column<client, folded_text> name{"name"};
    /// The legal name, case-folded: the order of name searches.
    static constexpr column<client, folded_text> sort_name{"sort_name"};
    static constexpr column<client, date> date_of_birth{"date_of_birth"};

    THERACORE_API static void index(const client& c, index_writer<client>& w);
};

template <>
struct record_traits<clinician> : json_codec<clinician> {
    static constexpr const char* kind = "clinician";
    static constexpr deletion_policy deletion = deletion_policy::soft;
    using id_type = clinician_id;
    static const clinician_id& id(const clinician& c) noexcept { return c.id; }

    static constexpr column<clinician, folded_text> name{"name"};
    static constexpr column<clinician, folded_text> sort_name{"sort_name"};
    static constexpr column<clinician, clinician_id> supervisor{"supervisor"};
    static constexpr column<clinician, std::string> scope{"scope"};
    /// The expiry date of each licence.
    static constexpr column<clinician, date> licence_expires{"licence_expires"};

    THERACORE_API static void index(const clinician& c, index_writer<clinician>& w);
};

template <>
struct record_traits<care_episode> : json_codec<care_episode> {
    static constexpr const char* kind = "care_episode";
    static constexpr deletion_policy deletion = deletion_policy::soft;
    using id_type = episode_id;
    static const episode_id& id(const care_episode& e) noexcept { return e.id(); }

    /// Every participant.
    static constexpr column<care_episode, client_id> client{"client"};
    /// The primary clinician.
    static constexpr column<care_episode, clinician_id> clinician{"clinician"};
    static constexpr column<care_episode, episode_status> status{"status"};
    static constexpr column<care_episode, date> opened{"opened"};
    static constexpr column<care_episode, date> closed{"closed"};

    THERACORE_API static void index(const care_episode& e, index_writer<care_episode>& w);
};

template <>
struct record_traits<intake> : json_codec<intake> {
    static constexpr const char* kind = "intake";
    static constexpr deletion_policy deletion = deletion_policy::soft;
    using id_type = intake_id;
    static const intake_id& id(const intake& i) noexcept { return i.id; }

    static constexpr column<intake, client_id> client{"client"};
    static constexpr column<intake, episode_id> episode{"episode"};
    static constexpr column<intake, clinician_id> clinician{"clinician"};
    static constexpr column<intake, date> recorded_on{"recorded_on"};

    THERACORE_API static void index(const intake& i, index_writer<intake>& w);
};

/// Clients with a name, or a word of a name, starting with `prefix`, case-insensitively (see
/// `fold_case`), ordered by legal name. An empty prefix selects every client.
[[nodiscard]] THERACORE_API query<client> clients_by_name_prefix(const std::string& prefix);

/// Clinicians whose name or a word of it starts with `prefix`, case-insensitively, by name.
[[nodiscard]] THERACORE_API query<clinician> clinicians_by_name_prefix(const std::string& prefix);

/// The episodes `c` takes part in (in any role), oldest first.
[[nodiscard]] THERACORE_API query<care_episode> episodes_of_client(const client_id& c);

/// The episodes `k` is the primary clinician of, oldest first; add
/// `.where_any_of(record_traits<care_episode>::status, {…})` to narrow by status.
[[nodiscard]] THERACORE_API query<care_episode> episodes_of_clinician(const clinician_id& k);

/// The intakes recorded for `c`, oldest first.
[[nodiscard]] THERACORE_API query<intake> intakes_of_client(const client_id& c);

/// The intakes recorded in episode `e`, oldest first.
[[nodiscard]] THERACORE_API query<intake> intakes_of_episode(const episode_id& e);

/// The record types of `THERACORE_PEOPLE_RECORDS` (theracore/io/types.hpp).
using people_records = THERACORE_TYPE_LIST(THERACORE_PEOPLE_RECORDS, THERACORE_TYPE_LIST_ITEM);

}  // namespace storage
THERACORE_NAMESPACE_END
