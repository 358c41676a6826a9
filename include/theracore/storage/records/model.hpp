// SPDX-License-Identifier: Apache-2.0
/// @file
/// Storage registrations and named queries for the core model: clients, clinicians, care
/// episodes and intakes. The pattern every area follows (docs/storage.md).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <theracore/io/json/model.hpp>
#include <theracore/model.hpp>
#include <theracore/storage/json_codec.hpp>
#include <theracore/storage/keys.hpp>
#include <theracore/storage/query.hpp>
#include <theracore/storage/record_traits.hpp>

THERACORE_NAMESPACE_BEGIN
namespace storage {

namespace detail {

/// Adds `name` and each of its words (split at spaces and hyphens) to a folded-text column, so
/// that "ñú", "zoë ñ" and "maría" all find "Zoë María Ñúñez-Pérez".
template <class R>
void add_name_parts(index_writer<R>& w, const column<R, folded_text>& c, std::string_view name) {
    if (name.empty()) {
        return;
    }
    w.add(c, std::string(name));
    std::size_t start = 0;
    for (std::size_t i = 0; i <= name.size(); ++i) {
        if (i == name.size() || name[i] == ' ' || name[i] == '\t' || name[i] == '-') {
            if (i > start) {
                w.add(c, std::string(name.substr(start, i - start)));
            }
            start = i + 1;
        }
    }
}

template <class R>
void add_human_name(index_writer<R>& w, const column<R, folded_text>& c, const human_name& n) {
    add_name_parts(w, c, n.text);
    if (n.family) {
        add_name_parts(w, c, *n.family);
    }
    for (const auto& g : n.given) {
        add_name_parts(w, c, g);
    }
}

}  // namespace detail

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

    static void index(const client& c, index_writer<client>& w) {
        detail::add_human_name(w, name, c.legal_name);
        if (c.preferred_name) {
            detail::add_name_parts(w, name, *c.preferred_name);
        }
        w.add(sort_name, c.legal_name.text);
        w.add_optional(date_of_birth, c.date_of_birth);
    }
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

    static void index(const clinician& c, index_writer<clinician>& w) {
        detail::add_human_name(w, name, c.name);
        w.add(sort_name, c.name.text);
        w.add_optional(supervisor, c.supervisor);
        for (const auto& tag : c.scope_tags) {
            w.add(scope, tag);
        }
        for (const auto& l : c.licences) {
            w.add(licence_expires, l.expires());
        }
    }
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

    static void index(const care_episode& e, index_writer<care_episode>& w) {
        for (const auto& p : e.participants()) {
            w.add(client, p.client);
        }
        w.add(clinician, e.primary_clinician());
        w.add(status, e.status());
        w.add(opened, e.opened());
        w.add_optional(closed, e.closed());
    }
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

    static void index(const intake& i, index_writer<intake>& w) {
        w.add(client, i.client);
        w.add(episode, i.episode);
        w.add(clinician, i.clinician);
        w.add(recorded_on, i.recorded_on);
    }
};

/// Clients with a name, or a word of a name, starting with `prefix`, case-insensitively (see
/// `fold_case`), ordered by legal name. An empty prefix selects every client.
[[nodiscard]] inline query<client> clients_by_name_prefix(const std::string& prefix) {
    using t = record_traits<client>;
    return query<client>().where_prefix(t::name, prefix).order_by(t::sort_name);
}

/// Clinicians whose name or a word of it starts with `prefix`, case-insensitively, by name.
[[nodiscard]] inline query<clinician> clinicians_by_name_prefix(const std::string& prefix) {
    using t = record_traits<clinician>;
    return query<clinician>().where_prefix(t::name, prefix).order_by(t::sort_name);
}

/// The episodes `c` takes part in (in any role), oldest first.
[[nodiscard]] inline query<care_episode> episodes_of_client(const client_id& c) {
    using t = record_traits<care_episode>;
    return query<care_episode>().where(t::client, c).order_by(t::opened);
}

/// The episodes `k` is the primary clinician of, oldest first; add
/// `.where_any_of(record_traits<care_episode>::status, {…})` to narrow by status.
[[nodiscard]] inline query<care_episode> episodes_of_clinician(const clinician_id& k) {
    using t = record_traits<care_episode>;
    return query<care_episode>().where(t::clinician, k).order_by(t::opened);
}

/// The intakes recorded for `c`, oldest first.
[[nodiscard]] inline query<intake> intakes_of_client(const client_id& c) {
    using t = record_traits<intake>;
    return query<intake>().where(t::client, c).order_by(t::recorded_on);
}

/// The intakes recorded in episode `e`, oldest first.
[[nodiscard]] inline query<intake> intakes_of_episode(const episode_id& e) {
    using t = record_traits<intake>;
    return query<intake>().where(t::episode, e).order_by(t::recorded_on);
}

}  // namespace storage
THERACORE_NAMESPACE_END
