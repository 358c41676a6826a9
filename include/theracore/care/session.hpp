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

#include <theracore/coded_concept.hpp>
#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/enum.hpp>
#include <theracore/error.hpp>
#include <theracore/id.hpp>
#include <theracore/people/episode.hpp>
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace care {

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
[[nodiscard]] THERACORE_API problem_list validate(const session_attendee& a);

/// Who may read a session's record within a multi-client episode. See `visible_to` in
/// `theracore/care/dyadic.hpp` for the default rule that applies when a session sets none.
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
    [[nodiscard]] THERACORE_API static session create(fields f);

    /// Every problem of `f`, without throwing.
    [[nodiscard]] THERACORE_API static problem_list check(const fields& f);

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
    [[nodiscard]] THERACORE_API std::vector<client_id> attending_clients() const;

    /// True when client `c` attended.
    [[nodiscard]] THERACORE_API bool attended(const client_id& c) const noexcept;

    friend THERACORE_API bool operator==(const session& a, const session& b);
    friend bool operator!=(const session& a, const session& b) { return !(a == b); }

  private:
    explicit session(fields f) : f_(std::move(f)) {}

    fields f_;
};

/// Every problem of `s` (none for a session made by `create`).
[[nodiscard]] inline problem_list validate(const session& s) {
    return session::check(s.data());
}

/// Problems of `s` as part of episode `e`: the session belongs to `e`, every attending client
/// is a participant of `e`, and it took place while `e` was open (from the opening date up to
/// the close date). Paths are relative to the session.
[[nodiscard]] THERACORE_API problem_list check_against(const session& s, const care_episode& e);

}  // namespace care
THERACORE_NAMESPACE_END
