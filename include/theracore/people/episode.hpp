// SPDX-License-Identifier: Apache-2.0
/// @file
/// Care episodes: one course of care for one client, a couple, a family or a group.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <theracore/coded_concept.hpp>
#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/enum.hpp>
#include <theracore/id.hpp>
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace people {

/// Who is seen together in an episode.
enum class episode_kind { individual, couple, family, group };
constexpr auto describe_enum(episode_kind) {
    using E = episode_kind;
    return enum_table<E, 4>{"episode_kind",
                            {{{E::individual, "individual"},
                              {E::couple, "couple"},
                              {E::family, "family"},
                              {E::group, "group"}}}};
}

/// A participant's role in the episode.
enum class participant_role {
    identified_client,
    partner,
    parent,
    child,
    sibling,
    guardian,
    carer,
    other_family_member,
    group_member,
};
constexpr auto describe_enum(participant_role) {
    using E = participant_role;
    return enum_table<E, 9>{"participant_role",
                            {{{E::identified_client, "identified_client"},
                              {E::partner, "partner"},
                              {E::parent, "parent"},
                              {E::child, "child"},
                              {E::sibling, "sibling"},
                              {E::guardian, "guardian"},
                              {E::carer, "carer"},
                              {E::other_family_member, "other_family_member"},
                              {E::group_member, "group_member"}}}};
}

/// Where an episode is in its lifecycle. Allowed moves (anything else is a `conflict`):
///
/// ```
/// referred    -> waitlisted | assessment | active | closed
/// waitlisted  -> assessment | active | closed
/// assessment  -> active | closed
/// active      -> on_hold | closed
/// on_hold     -> active | closed
/// closed      -> (final; a return to care is a new episode)
/// ```
enum class episode_status { referred, waitlisted, assessment, active, on_hold, closed };
constexpr auto describe_enum(episode_status) {
    using E = episode_status;
    return enum_table<E, 6>{"episode_status",
                            {{{E::referred, "referred"},
                              {E::waitlisted, "waitlisted"},
                              {E::assessment, "assessment"},
                              {E::active, "active"},
                              {E::on_hold, "on_hold"},
                              {E::closed, "closed"}}}};
}

/// True when an episode may move from `from` to `to`.
[[nodiscard]] constexpr bool episode_transition_allowed(episode_status from,
                                                        episode_status to) noexcept {
    using S = episode_status;
    switch (from) {
        case S::referred:
            return to == S::waitlisted || to == S::assessment || to == S::active || to == S::closed;
        case S::waitlisted:
            return to == S::assessment || to == S::active || to == S::closed;
        case S::assessment:
            return to == S::active || to == S::closed;
        case S::active:
            return to == S::on_hold || to == S::closed;
        case S::on_hold:
            return to == S::active || to == S::closed;
        case S::closed:
            return false;
    }
    return false;
}

/// A client taking part in an episode, in a role.
struct participant {
    client_id client;
    participant_role role{participant_role::identified_client};

    template <class Self>
    static auto describe(Self& s) {
        return std::make_tuple(detail::field("client", s.client), detail::field("role", s.role));
    }
};

/// A problem the client brings, in words, with an optional clinician-entered code (ICD-10,
/// DSM-5). TheraCore records codes; it never infers one.
struct presenting_problem {
    std::string description;
    std::optional<coded_concept> code;

    template <class Self>
    static auto describe(Self& s) {
        return std::make_tuple(detail::field("description", s.description),
                               detail::field("code", s.code));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const presenting_problem& p);

/// One recorded status change.
struct status_change {
    episode_status from{episode_status::referred};
    episode_status to{episode_status::referred};
    date on;

    template <class Self>
    static auto describe(Self& s) {
        return std::make_tuple(detail::field("from", s.from), detail::field("to", s.to),
                               detail::field("on", s.on));
    }
};

/// A course of care. Invariants (checked by `create`, kept by every operation):
/// - an id, a responsible clinician, an opening date and at least one participant;
/// - no client twice; an individual episode has exactly one participant, a couple or family
///   episode at least two;
/// - closed if and only if it has a close date, which is not before the opening date;
/// - the history is a chain of allowed moves, in date order, ending at the current status.
class care_episode {
  public:
    static constexpr const char* schema_name = "theracore.care_episode";
    static constexpr int schema_version = 1;

    /// The plain data of an episode; `care_episode::create` checks it.
    struct fields {
        episode_id id;
        episode_kind kind{episode_kind::individual};
        std::vector<participant> participants;
        clinician_id primary_clinician;
        episode_status status{episode_status::referred};
        date opened;
        std::optional<date> closed;
        std::optional<std::string> close_reason;
        std::vector<presenting_problem> presenting_problems;
        std::optional<std::string> referral_source;
        std::vector<status_change> history;

        template <class Self>
        static auto describe(Self& s) {
            using detail::field;
            return std::make_tuple(
                field("id", s.id), field("kind", s.kind), field("participants", s.participants),
                field("primary_clinician", s.primary_clinician), field("status", s.status),
                field("opened", s.opened), field("closed", s.closed),
                field("close_reason", s.close_reason),
                field("presenting_problems", s.presenting_problems),
                field("referral_source", s.referral_source), field("history", s.history));
        }
    };

    /// An empty placeholder, only for assigning or deserializing into.
    care_episode() = default;

    /// @throws validation_error listing every broken invariant of `f`.
    [[nodiscard]] THERACORE_API static care_episode create(fields f);

    /// Every problem of `f`, without throwing.
    [[nodiscard]] THERACORE_API static problem_list check(const fields& f);

    [[nodiscard]] const fields& data() const noexcept { return f_; }
    [[nodiscard]] const episode_id& id() const noexcept { return f_.id; }
    [[nodiscard]] episode_kind kind() const noexcept { return f_.kind; }
    [[nodiscard]] episode_status status() const noexcept { return f_.status; }
    [[nodiscard]] const std::vector<participant>& participants() const noexcept {
        return f_.participants;
    }
    [[nodiscard]] const clinician_id& primary_clinician() const noexcept {
        return f_.primary_clinician;
    }
    [[nodiscard]] date opened() const noexcept { return f_.opened; }
    [[nodiscard]] const std::optional<date>& closed() const noexcept { return f_.closed; }
    [[nodiscard]] THERACORE_API bool includes(const client_id& c) const noexcept;

    /// Moves the episode to `to` on `on` and records the change; closing sets the close date.
    /// @throws conflict when the move is not allowed (the message names both states).
    /// @throws validation_error when `on` is before the opening date or the last change.
    THERACORE_API void transition(episode_status to, date on,
                                  std::optional<std::string> reason = {});

    /// Adds a participant. @throws validation_error when the client is already in the episode
    /// or the episode kind does not allow another participant.
    THERACORE_API void add_participant(participant p);

    friend THERACORE_API bool operator==(const care_episode& a, const care_episode& b);
    friend bool operator!=(const care_episode& a, const care_episode& b) { return !(a == b); }

  private:
    explicit care_episode(fields f) : f_(std::move(f)) {}

    THERACORE_API static void check_participants(problem_list& p, episode_kind kind,
                                                 const std::vector<participant>& ps);

    THERACORE_API static void check_history(problem_list& p, const fields& f);

    fields f_;
};

/// Every problem of `e` (none for an episode made by `create`).
[[nodiscard]] inline problem_list validate(const care_episode& e) {
    return care_episode::check(e.data());
}

}  // namespace people
THERACORE_NAMESPACE_END
