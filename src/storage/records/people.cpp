// SPDX-License-Identifier: Apache-2.0
/// @file
/// What the storage registrations of the clients, clinicians, care episodes and intakes index,
/// their update rules and named queries.

#include <cstddef>
#include <string>
#include <string_view>

#include <theracore/storage/records/people.hpp>

THERACORE_NAMESPACE_BEGIN
namespace storage {

namespace {

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

}  // namespace

query<client> clients_by_name_prefix(const std::string& prefix) {
    using t = record_traits<client>;
    return query<client>().where_prefix(t::name, prefix).order_by(t::sort_name);
}

query<clinician> clinicians_by_name_prefix(const std::string& prefix) {
    using t = record_traits<clinician>;
    return query<clinician>().where_prefix(t::name, prefix).order_by(t::sort_name);
}

query<care_episode> episodes_of_client(const client_id& c) {
    using t = record_traits<care_episode>;
    return query<care_episode>().where(t::client, c).order_by(t::opened);
}

query<care_episode> episodes_of_clinician(const clinician_id& k) {
    using t = record_traits<care_episode>;
    return query<care_episode>().where(t::clinician, k).order_by(t::opened);
}

query<intake> intakes_of_client(const client_id& c) {
    using t = record_traits<intake>;
    return query<intake>().where(t::client, c).order_by(t::recorded_on);
}

query<intake> intakes_of_episode(const episode_id& e) {
    using t = record_traits<intake>;
    return query<intake>().where(t::episode, e).order_by(t::recorded_on);
}

void record_traits<client>::index(const client& c, index_writer<client>& w) {
    add_human_name(w, name, c.legal_name);
    if (c.preferred_name) {
        add_name_parts(w, name, *c.preferred_name);
    }
    w.add(sort_name, c.legal_name.text);
    w.add_optional(date_of_birth, c.date_of_birth);
}

void record_traits<clinician>::index(const clinician& c, index_writer<clinician>& w) {
    add_human_name(w, name, c.name);
    w.add(sort_name, c.name.text);
    w.add_optional(supervisor, c.supervisor);
    for (const auto& tag : c.scope_tags) {
        w.add(scope, tag);
    }
    for (const auto& l : c.licences) {
        w.add(licence_expires, l.expires());
    }
}

void record_traits<care_episode>::index(const care_episode& e, index_writer<care_episode>& w) {
    for (const auto& p : e.participants()) {
        w.add(client, p.client);
    }
    w.add(clinician, e.primary_clinician());
    w.add(status, e.status());
    w.add(opened, e.opened());
    w.add_optional(closed, e.closed());
}

void record_traits<intake>::index(const intake& i, index_writer<intake>& w) {
    w.add(client, i.client);
    w.add(episode, i.episode);
    w.add(clinician, i.clinician);
    w.add(recorded_on, i.recorded_on);
}

}  // namespace storage
THERACORE_NAMESPACE_END
