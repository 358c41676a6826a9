// SPDX-License-Identifier: Apache-2.0
/// @file
/// Skill practice and homework between sessions: what was assigned, the client's completion
/// log, and adherence over a period.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/enum.hpp>
#include <theracore/error.hpp>
#include <theracore/id.hpp>
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace care {

/// The kind of skill practised. `other` covers anything else; the assignment's title says
/// what it is.
enum class skill_kind {
    thought_record,
    breathing,
    grounding,
    behavioural_experiment,
    exposure_step,
    dbt_skill,
    communication_exercise,
    activity_scheduling,
    relaxation,
    mindfulness,
    other,
};
constexpr auto describe_enum(skill_kind) {
    using E = skill_kind;
    return enum_table<E, 11>{"skill_kind",
                             {{{E::thought_record, "thought_record"},
                               {E::breathing, "breathing"},
                               {E::grounding, "grounding"},
                               {E::behavioural_experiment, "behavioural_experiment"},
                               {E::exposure_step, "exposure_step"},
                               {E::dbt_skill, "dbt_skill"},
                               {E::communication_exercise, "communication_exercise"},
                               {E::activity_scheduling, "activity_scheduling"},
                               {E::relaxation, "relaxation"},
                               {E::mindfulness, "mindfulness"},
                               {E::other, "other"}}}};
}

/// How much of a planned practice was done.
enum class completion { done, partly, not_done };
constexpr auto describe_enum(completion) {
    using E = completion;
    return enum_table<E, 3>{
        "completion", {{{E::done, "done"}, {E::partly, "partly"}, {E::not_done, "not_done"}}}};
}

/// One entry of the completion log, as the client reports it.
struct completion_entry {
    date on;
    completion status{completion::done};
    /// The client's rating of the practice, 0 (not at all helpful) to 10 (extremely helpful).
    std::optional<int> rating;
    std::optional<std::string> note;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("on", s.on), field("status", s.status),
                               field("rating", s.rating), field("note", s.note));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const completion_entry& e);

/// Adherence over a period, from the completion log.
struct adherence_summary {
    date from;
    date to;
    int entries = 0;
    int done = 0;
    int partly = 0;
    int not_done = 0;
    /// (done + partial_credit × partly) / entries; absent when nothing was logged in the
    /// period: an empty log is "unknown", never 0 %.
    std::optional<double> rate;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("from", s.from), field("to", s.to),
                               field("entries", s.entries), field("done", s.done),
                               field("partly", s.partly), field("not_done", s.not_done),
                               field("rate", s.rate));
    }
};

/// A homework or skill-practice assignment. Invariants (checked by `create`): an id, client,
/// episode, assigning clinician, title and instructions; a due date not before the assignment
/// date; log entries valid, not before the assignment date, and in date order.
class homework_assignment {
  public:
    static constexpr const char* schema_name = "theracore.homework_assignment";
    static constexpr int schema_version = 1;

    /// The plain data of an assignment; `homework_assignment::create` checks it.
    struct fields {
        assignment_id id;
        client_id client;
        episode_id episode;
        /// The session it was assigned in, when it was.
        std::optional<session_id> assigned_in;
        clinician_id assigned_by;
        skill_kind skill{skill_kind::other};
        std::string title;  ///< e.g. "Thought record after difficult calls", "DBT: TIPP"
        std::string instructions;
        date assigned_on;
        date due;
        std::vector<completion_entry> log;

        template <class Self>
        static auto describe(Self& s) {
            using detail::field;
            return std::make_tuple(field("id", s.id), field("client", s.client),
                                   field("episode", s.episode), field("assigned_in", s.assigned_in),
                                   field("assigned_by", s.assigned_by), field("skill", s.skill),
                                   field("title", s.title), field("instructions", s.instructions),
                                   field("assigned_on", s.assigned_on), field("due", s.due),
                                   field("log", s.log));
        }
    };

    /// An empty placeholder, only for assigning or deserializing into.
    homework_assignment() = default;

    /// @throws validation_error listing every broken invariant of `f`.
    [[nodiscard]] THERACORE_API static homework_assignment create(fields f);

    /// Every problem of `f`, without throwing.
    [[nodiscard]] THERACORE_API static problem_list check(const fields& f);

    [[nodiscard]] const fields& data() const noexcept { return f_; }
    [[nodiscard]] const assignment_id& id() const noexcept { return f_.id; }
    [[nodiscard]] const std::vector<completion_entry>& log() const noexcept { return f_.log; }

    /// Adds a log entry, kept in date order (after existing entries of the same date).
    /// @throws validation_error when the entry is invalid or dated before the assignment.
    THERACORE_API void log_completion(completion_entry e);

    /// True when the due date has passed on `on` and no entry up to the due date says `done`.
    [[nodiscard]] THERACORE_API bool overdue(date on) const;

    /// Adherence over the days `from` … `to` (inclusive). A `partly` entry counts
    /// `partial_credit` of a `done` one (0.5 by default; 0 counts only full practice).
    /// Thread-safe (pure).
    /// @throws validation_error when a date is missing, `to` is before `from`, or
    /// `partial_credit` is outside [0, 1].
    [[nodiscard]] THERACORE_API adherence_summary adherence(date from, date to,
                                                            double partial_credit = 0.5) const;

    friend THERACORE_API bool operator==(const homework_assignment& a,
                                         const homework_assignment& b);
    friend bool operator!=(const homework_assignment& a, const homework_assignment& b) {
        return !(a == b);
    }

  private:
    explicit homework_assignment(fields f) : f_(std::move(f)) {}
    fields f_;
};

/// Every problem of `h` (none for an assignment made by `create`).
[[nodiscard]] inline problem_list validate(const homework_assignment& h) {
    return homework_assignment::check(h.data());
}

}  // namespace care
THERACORE_NAMESPACE_END
