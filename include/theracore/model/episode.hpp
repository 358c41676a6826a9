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

#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/model/coded_concept.hpp>
#include <theracore/model/enum.hpp>
#include <theracore/model/id.hpp>
#include <theracore/model/time.hpp>

THERACORE_NAMESPACE_BEGIN

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

[[nodiscard]] inline problem_list validate(const presenting_problem& p) {
    problem_list out;
    detail::require_nonempty(out, "description", p.description);
    if (p.code) {
        detail::append_prefixed(out, "code", validate(*p.code));
    }
    return out;
}

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
    [[nodiscard]] static care_episode create(fields f) {
        throw_if_invalid(check(f), "invalid care_episode");
        return care_episode(std::move(f));
    }

    /// Every problem of `f`, without throwing.
    [[nodiscard]] static problem_list check(const fields& f) {
        problem_list p;
        detail::require_nonempty(p, "id", f.id);
        detail::require_nonempty(p, "primary_clinician", f.primary_clinician);
        if (f.opened.is_special()) {
            p.push_back({"opened", "required"});
        }
        check_participants(p, f.kind, f.participants);
        if (f.status == episode_status::closed && !f.closed) {
            p.push_back({"closed", "a closed episode needs a close date"});
        }
        if (f.status != episode_status::closed && f.closed) {
            p.push_back({"closed", "only a closed episode has a close date (status is " +
                                       std::string(to_string(f.status)) + ")"});
        }
        if (f.closed &&
            (f.closed->is_special() || (!f.opened.is_special() && *f.closed < f.opened))) {
            p.push_back({"closed", "the close date must be a date on or after the opening date"});
        }
        detail::validate_each(p, "presenting_problems", f.presenting_problems);
        check_history(p, f);
        return p;
    }

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
    [[nodiscard]] bool includes(const client_id& c) const noexcept {
        return std::any_of(f_.participants.begin(), f_.participants.end(),
                           [&](const participant& p) { return p.client == c; });
    }

    /// Moves the episode to `to` on `on` and records the change; closing sets the close date.
    /// @throws conflict when the move is not allowed (the message names both states).
    /// @throws validation_error when `on` is before the opening date or the last change.
    void transition(episode_status to, date on, std::optional<std::string> reason = {}) {
        if (!episode_transition_allowed(f_.status, to)) {
            throw conflict("care_episode " + f_.id.str() + ": cannot move from " +
                           std::string(to_string(f_.status)) + " to " + std::string(to_string(to)));
        }
        const date earliest = f_.history.empty() ? f_.opened : f_.history.back().on;
        if (on.is_special() || on < earliest) {
            throw validation_error("invalid transition date",
                                   {{"on", "must be a date on or after " + to_iso8601(earliest)}});
        }
        f_.history.push_back({f_.status, to, on});
        f_.status = to;
        if (to == episode_status::closed) {
            f_.closed = on;
            f_.close_reason = std::move(reason);
        }
    }

    /// Adds a participant. @throws validation_error when the client is already in the episode
    /// or the episode kind does not allow another participant.
    void add_participant(participant p) {
        fields next = f_;
        next.participants.push_back(std::move(p));
        problem_list problems;
        check_participants(problems, next.kind, next.participants);
        throw_if_invalid(problems, "cannot add participant");
        f_ = std::move(next);
    }

    friend bool operator==(const care_episode& a, const care_episode& b) { return a.f_ == b.f_; }
    friend bool operator!=(const care_episode& a, const care_episode& b) { return !(a == b); }

  private:
    explicit care_episode(fields f) : f_(std::move(f)) {}

    static void check_participants(problem_list& p, episode_kind kind,
                                   const std::vector<participant>& ps) {
        if (ps.empty()) {
            p.push_back({"participants", "an episode needs at least one participant"});
        }
        if (kind == episode_kind::individual && ps.size() > 1) {
            p.push_back({"participants", "an individual episode has exactly one participant"});
        }
        if ((kind == episode_kind::couple || kind == episode_kind::family) && ps.size() == 1) {
            p.push_back({"participants", std::string("a ") + std::string(to_string(kind)) +
                                             " episode needs at least two participants"});
        }
        for (std::size_t i = 0; i < ps.size(); ++i) {
            const std::string path = "participants[" + std::to_string(i) + "]";
            if (ps[i].client.empty()) {
                p.push_back({path + ".client", "required"});
            }
            for (std::size_t j = 0; j < i; ++j) {
                if (!ps[i].client.empty() && ps[i].client == ps[j].client) {
                    p.push_back({path + ".client", "client " + ps[i].client.str() +
                                                       " is already participants[" +
                                                       std::to_string(j) + "]"});
                }
            }
        }
    }

    static void check_history(problem_list& p, const fields& f) {
        episode_status at = episode_status::referred;
        date last = f.opened;
        for (std::size_t i = 0; i < f.history.size(); ++i) {
            const auto& h = f.history[i];
            const std::string path = "history[" + std::to_string(i) + "]";
            if (h.from != at) {
                p.push_back({path + ".from", "expected " + std::string(to_string(at))});
            }
            if (!episode_transition_allowed(h.from, h.to)) {
                p.push_back({path, "cannot move from " + std::string(to_string(h.from)) + " to " +
                                       std::string(to_string(h.to))});
            }
            if (h.on.is_special() || (!last.is_special() && h.on < last)) {
                p.push_back({path + ".on", "changes must be dated, in order, from the opening"});
            } else {
                last = h.on;
            }
            at = h.to;
        }
        if (!f.history.empty() && at != f.status) {
            p.push_back({"status", "does not match the last history entry (" +
                                       std::string(to_string(at)) + ")"});
        }
    }

    fields f_;
};

/// Every problem of `e` (none for an episode made by `create`).
[[nodiscard]] inline problem_list validate(const care_episode& e) {
    return care_episode::check(e.data());
}

THERACORE_NAMESPACE_END
