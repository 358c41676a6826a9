// SPDX-License-Identifier: Apache-2.0
#include <theracore/care/session.hpp>

#include "detail/care_validation.hpp"

THERACORE_NAMESPACE_BEGIN
inline namespace care {

namespace {

/// Records an empty or repeated id in `ids` at `key[i]`.
template <class Id>
void check_unique(problem_list& p, const std::string& key, const std::vector<Id>& ids) {
    for (std::size_t i = 0; i < ids.size(); ++i) {
        detail::require_nonempty(p, detail::indexed(key, i), ids[i]);
        for (std::size_t j = 0; j < i; ++j) {
            if (!ids[i].empty() && ids[i] == ids[j]) {
                p.push_back({detail::indexed(key, i),
                             ids[i].str() + " is already " + detail::indexed(key, j)});
            }
        }
    }
}

}  // namespace

problem_list validate(const session_attendee& a) {
    problem_list p;
    const int set = (a.client ? 1 : 0) + (a.clinician ? 1 : 0) + (a.name ? 1 : 0);
    if (set != 1) {
        p.push_back({"client", "exactly one of client, clinician or name is required"});
    }
    if (a.client && a.client->empty()) {
        p.push_back({"client", "must not be empty when given"});
    }
    if (a.clinician && a.clinician->empty()) {
        p.push_back({"clinician", "must not be empty when given"});
    }
    if (a.name && a.name->empty()) {
        p.push_back({"name", "must not be empty when given"});
    }
    if (a.client && is_professional_role(a.role)) {
        p.push_back({"role", "a client cannot attend as " + std::string(to_string(a.role))});
    }
    if (a.clinician && a.role != attendance_role::co_therapist &&
        a.role != attendance_role::observer) {
        p.push_back({"role", "a clinician attends as co_therapist or observer, not " +
                                 std::string(to_string(a.role))});
    }
    return p;
}

session session::create(fields f) {
    throw_if_invalid(check(f), "invalid session");
    return session(std::move(f));
}

problem_list session::check(const fields& f) {
    problem_list p;
    detail::require_nonempty(p, "id", f.id);
    detail::require_nonempty(p, "episode", f.episode);
    detail::require_nonempty(p, "clinician", f.clinician);
    detail::require_instant(p, "start", f.start);
    detail::require_range(p, "duration_minutes", f.duration_minutes, 1, 24 * 60);
    detail::validate_each(p, "attendees", f.attendees);
    std::size_t clients = 0;
    std::size_t receiving_care = 0;
    for (std::size_t i = 0; i < f.attendees.size(); ++i) {
        const auto& a = f.attendees[i];
        if (a.client) {
            ++clients;
            for (std::size_t j = 0; j < i; ++j) {
                if (f.attendees[j].client && *f.attendees[j].client == *a.client) {
                    p.push_back({detail::indexed("attendees", i) + ".client",
                                 "client " + a.client->str() + " is already attendees[" +
                                     std::to_string(j) + "]"});
                }
            }
        }
        if (!a.clinician && !is_professional_role(a.role)) {
            ++receiving_care;
        }
    }
    if (clients == 0) {
        p.push_back({"attendees", "at least one client must attend"});
    }
    if (f.type == session_type::individual && clients > 1) {
        p.push_back({"attendees", "an individual session has exactly one client"});
    }
    if (f.type == session_type::couple && clients < 2) {
        p.push_back({"attendees", "a couple session needs both partners as clients"});
    }
    if (f.type == session_type::family && receiving_care < 2) {
        p.push_back({"attendees", "a family session needs at least two family members"});
    }
    detail::validate_each(p, "interventions", f.interventions);
    check_unique(p, "measures", f.measures);
    check_unique(p, "homework_assigned", f.homework_assigned);
    check_unique(p, "homework_reviewed", f.homework_reviewed);
    for (std::size_t i = 0; i < f.homework_reviewed.size(); ++i) {
        if (std::find(f.homework_assigned.begin(), f.homework_assigned.end(),
                      f.homework_reviewed[i]) != f.homework_assigned.end()) {
            p.push_back({detail::indexed("homework_reviewed", i),
                         "assignment " + f.homework_reviewed[i].str() +
                             " is assigned in this session and cannot be reviewed in it"});
        }
    }
    if (f.risk_assessment && !f.risk_reviewed) {
        p.push_back({"risk_assessment",
                     "a risk assessment is linked only when "
                     "risk_reviewed is true"});
    }
    if (f.risk_assessment && f.risk_assessment->empty()) {
        p.push_back({"risk_assessment", "must not be empty when given"});
    }
    return p;
}

std::vector<client_id> session::attending_clients() const {
    std::vector<client_id> out;
    for (const auto& a : f_.attendees) {
        if (a.client) {
            out.push_back(*a.client);
        }
    }
    return out;
}

bool session::attended(const client_id& c) const noexcept {
    return std::any_of(f_.attendees.begin(), f_.attendees.end(),
                       [&](const session_attendee& a) { return a.client && *a.client == c; });
}

problem_list check_against(const session& s, const care_episode& e) {
    problem_list p;
    if (s.episode() != e.id()) {
        p.push_back({"episode", "is " + s.episode().str() + ", not " + e.id().str()});
    }
    const auto& attendees = s.data().attendees;
    for (std::size_t i = 0; i < attendees.size(); ++i) {
        if (attendees[i].client && !e.includes(*attendees[i].client)) {
            p.push_back(
                {detail::indexed("attendees", i) + ".client",
                 attendees[i].client->str() + " is not a participant of episode " + e.id().str()});
        }
    }
    if (!s.start().is_special()) {
        const date day = s.start().date();
        if (!e.opened().is_special() && day < e.opened()) {
            p.push_back({"start", "is before the episode opened (" + to_iso8601(e.opened()) + ")"});
        }
        if (e.closed() && day > *e.closed()) {
            p.push_back({"start", "is after the episode closed (" + to_iso8601(*e.closed()) + ")"});
        }
    }
    return p;
}

bool operator==(const session& a, const session& b) {
    return a.f_ == b.f_;
}

}  // namespace care
THERACORE_NAMESPACE_END
