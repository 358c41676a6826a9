// SPDX-License-Identifier: Apache-2.0
/// @file
/// Therapy sessions: when, how long, where, what kind, who attended in which role, what was
/// done (interventions, measures, homework) and whether risk was reviewed.
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <theracore/detail/care_validation.hpp>
#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/error.hpp>
#include <theracore/model/coded_concept.hpp>
#include <theracore/model/enum.hpp>
#include <theracore/model/episode.hpp>
#include <theracore/model/id.hpp>
#include <theracore/model/time.hpp>

THERACORE_NAMESPACE_BEGIN

/// Where the session took place.
enum class session_setting { in_person, telehealth_video, telehealth_phone };
constexpr auto describe_enum(session_setting) {
    using E = session_setting;
    return enum_table<E, 3>{"session_setting",
                            {{{E::in_person, "in_person"},
                              {E::telehealth_video, "telehealth_video"},
                              {E::telehealth_phone, "telehealth_phone"}}}};
}

/// What kind of session it was.
enum class session_type { intake, individual, couple, family, group, crisis, discharge };
constexpr auto describe_enum(session_type) {
    using E = session_type;
    return enum_table<E, 7>{"session_type",
                            {{{E::intake, "intake"},
                              {E::individual, "individual"},
                              {E::couple, "couple"},
                              {E::family, "family"},
                              {E::group, "group"},
                              {E::crisis, "crisis"},
                              {E::discharge, "discharge"}}}};
}

/// The role in which someone attended.
enum class attendance_role {
    client,
    partner,
    parent,
    child,
    sibling,
    guardian,
    carer,
    other_family_member,
    group_member,
    support_person,
    interpreter,
    co_therapist,
    observer,
};
constexpr auto describe_enum(attendance_role) {
    using E = attendance_role;
    return enum_table<E, 13>{"attendance_role",
                             {{{E::client, "client"},
                               {E::partner, "partner"},
                               {E::parent, "parent"},
                               {E::child, "child"},
                               {E::sibling, "sibling"},
                               {E::guardian, "guardian"},
                               {E::carer, "carer"},
                               {E::other_family_member, "other_family_member"},
                               {E::group_member, "group_member"},
                               {E::support_person, "support_person"},
                               {E::interpreter, "interpreter"},
                               {E::co_therapist, "co_therapist"},
                               {E::observer, "observer"}}}};
}

/// True for roles held by staff or helpers rather than by someone receiving care.
[[nodiscard]] constexpr bool is_professional_role(attendance_role r) noexcept {
    return r == attendance_role::interpreter || r == attendance_role::co_therapist ||
           r == attendance_role::observer;
}

/// Someone who attended: a client of the episode, a clinician, or another person named in
/// words (an interpreter, a relative who is not a client). Exactly one of the three is set.
struct session_attendee {
    std::optional<client_id> client;
    std::optional<clinician_id> clinician;
    std::optional<std::string> name;
    attendance_role role{attendance_role::client};

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("client", s.client), field("clinician", s.clinician),
                               field("name", s.name), field("role", s.role));
    }
};

/// Problems of `a`: exactly one of client, clinician and name; a client never attends in a
/// professional role, a clinician only as co-therapist or observer.
[[nodiscard]] inline problem_list validate(const session_attendee& a) {
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

/// Who may read a session's record within a multi-client episode. See `visible_to` in
/// `theracore/model/dyadic.hpp` for the default rule that applies when a session sets none.
enum class session_visibility {
    private_to_attendees,  ///< only the clients who attended
    shared_with_episode,   ///< every client of the episode
};
constexpr auto describe_enum(session_visibility) {
    using E = session_visibility;
    return enum_table<E, 2>{"session_visibility",
                            {{{E::private_to_attendees, "private_to_attendees"},
                              {E::shared_with_episode, "shared_with_episode"}}}};
}

/// A session. Invariants (checked by `create`):
/// - an id, an episode, a clinician, a start time and a duration of 1 to 1440 minutes;
/// - valid attendees, no client twice, at least one client; an individual session has exactly
///   one client, a couple session at least two, a family session at least two people receiving
///   care;
/// - a risk assessment is linked only when risk was reviewed;
/// - no administration or homework listed twice, and homework is not both assigned and
///   reviewed in the same session.
///
/// To change a recorded session, copy `data()`, edit and `create` again.
class session {
  public:
    static constexpr const char* schema_name = "theracore.session";
    static constexpr int schema_version = 1;

    /// The plain data of a session; `session::create` checks it.
    struct fields {
        session_id id;
        episode_id episode;
        clinician_id clinician;  ///< the clinician responsible for the session
        instant start;
        int duration_minutes = 0;
        session_setting setting{session_setting::in_person};
        session_type type{session_type::individual};
        std::vector<session_attendee> attendees;
        /// Interventions used (codes from the intervention catalog or the clinician's own).
        std::vector<coded_concept> interventions;
        /// Measures administered in the session.
        std::vector<administration_id> measures;
        std::vector<assignment_id> homework_assigned;
        std::vector<assignment_id> homework_reviewed;
        bool risk_reviewed = false;
        /// The risk assessment completed or reviewed in the session.
        std::optional<risk_assessment_id> risk_assessment;
        /// Overrides the default visibility rule (see `visible_to`).
        std::optional<session_visibility> visibility;

        template <class Self>
        static auto describe(Self& s) {
            using detail::field;
            return std::make_tuple(
                field("id", s.id), field("episode", s.episode), field("clinician", s.clinician),
                field("start", s.start), field("duration_minutes", s.duration_minutes),
                field("setting", s.setting), field("type", s.type), field("attendees", s.attendees),
                field("interventions", s.interventions), field("measures", s.measures),
                field("homework_assigned", s.homework_assigned),
                field("homework_reviewed", s.homework_reviewed),
                field("risk_reviewed", s.risk_reviewed),
                field("risk_assessment", s.risk_assessment), field("visibility", s.visibility));
        }
    };

    /// An empty placeholder, only for assigning or deserializing into.
    session() = default;

    /// @throws validation_error listing every broken invariant of `f`.
    [[nodiscard]] static session create(fields f) {
        throw_if_invalid(check(f), "invalid session");
        return session(std::move(f));
    }

    /// Every problem of `f`, without throwing.
    [[nodiscard]] static problem_list check(const fields& f) {
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

    [[nodiscard]] const fields& data() const noexcept { return f_; }
    [[nodiscard]] const session_id& id() const noexcept { return f_.id; }
    [[nodiscard]] const episode_id& episode() const noexcept { return f_.episode; }
    [[nodiscard]] const clinician_id& clinician() const noexcept { return f_.clinician; }
    [[nodiscard]] session_type type() const noexcept { return f_.type; }
    [[nodiscard]] instant start() const noexcept { return f_.start; }
    /// The end of the session: start plus duration.
    [[nodiscard]] instant end() const {
        return f_.start + boost::posix_time::minutes(f_.duration_minutes);
    }
    [[nodiscard]] bool risk_reviewed() const noexcept { return f_.risk_reviewed; }

    /// The clients who attended, in attendee order.
    [[nodiscard]] std::vector<client_id> attending_clients() const {
        std::vector<client_id> out;
        for (const auto& a : f_.attendees) {
            if (a.client) {
                out.push_back(*a.client);
            }
        }
        return out;
    }

    /// True when client `c` attended.
    [[nodiscard]] bool attended(const client_id& c) const noexcept {
        return std::any_of(f_.attendees.begin(), f_.attendees.end(),
                           [&](const session_attendee& a) { return a.client && *a.client == c; });
    }

    friend bool operator==(const session& a, const session& b) { return a.f_ == b.f_; }
    friend bool operator!=(const session& a, const session& b) { return !(a == b); }

  private:
    explicit session(fields f) : f_(std::move(f)) {}

    template <class Id>
    static void check_unique(problem_list& p, const std::string& key, const std::vector<Id>& ids) {
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

    fields f_;
};

/// Every problem of `s` (none for a session made by `create`).
[[nodiscard]] inline problem_list validate(const session& s) {
    return session::check(s.data());
}

/// Problems of `s` as part of episode `e`: the session belongs to `e`, every attending client
/// is a participant of `e`, and it took place while `e` was open (from the opening date up to
/// the close date). Paths are relative to the session.
[[nodiscard]] inline problem_list check_against(const session& s, const care_episode& e) {
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

THERACORE_NAMESPACE_END
