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

#include <theracore/detail/care_validation.hpp>
#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/error.hpp>
#include <theracore/model/enum.hpp>
#include <theracore/model/id.hpp>
#include <theracore/model/time.hpp>

THERACORE_NAMESPACE_BEGIN

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

[[nodiscard]] inline problem_list validate(const completion_entry& e) {
    problem_list p;
    detail::require_date(p, "on", e.on);
    if (e.rating) {
        detail::require_range(p, "rating", *e.rating, 0, 10);
    }
    return p;
}

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
    [[nodiscard]] static homework_assignment create(fields f) {
        throw_if_invalid(check(f), "invalid homework_assignment");
        return homework_assignment(std::move(f));
    }

    /// Every problem of `f`, without throwing.
    [[nodiscard]] static problem_list check(const fields& f) {
        problem_list p;
        detail::require_nonempty(p, "id", f.id);
        detail::require_nonempty(p, "client", f.client);
        detail::require_nonempty(p, "episode", f.episode);
        if (f.assigned_in && f.assigned_in->empty()) {
            p.push_back({"assigned_in", "must not be empty when given"});
        }
        detail::require_nonempty(p, "assigned_by", f.assigned_by);
        detail::require_nonempty(p, "title", f.title);
        detail::require_nonempty(p, "instructions", f.instructions);
        detail::require_date(p, "assigned_on", f.assigned_on);
        detail::require_date(p, "due", f.due);
        if (!f.due.is_special() && !f.assigned_on.is_special() && f.due < f.assigned_on) {
            p.push_back({"due", "is before the assignment date " + to_iso8601(f.assigned_on)});
        }
        detail::validate_each(p, "log", f.log);
        for (std::size_t i = 0; i < f.log.size(); ++i) {
            const date d = f.log[i].on;
            if (d.is_special()) {
                continue;
            }
            if (!f.assigned_on.is_special() && d < f.assigned_on) {
                p.push_back({detail::indexed("log", i) + ".on",
                             "is before the assignment date " + to_iso8601(f.assigned_on)});
            }
            if (i > 0 && !f.log[i - 1].on.is_special() && d < f.log[i - 1].on) {
                p.push_back({detail::indexed("log", i) + ".on", "the log is in date order"});
            }
        }
        return p;
    }

    [[nodiscard]] const fields& data() const noexcept { return f_; }
    [[nodiscard]] const assignment_id& id() const noexcept { return f_.id; }
    [[nodiscard]] const std::vector<completion_entry>& log() const noexcept { return f_.log; }

    /// Adds a log entry, kept in date order (after existing entries of the same date).
    /// @throws validation_error when the entry is invalid or dated before the assignment.
    void log_completion(completion_entry e) {
        problem_list p = validate(e);
        if (!e.on.is_special() && e.on < f_.assigned_on) {
            p.push_back({"on", "is before the assignment date " + to_iso8601(f_.assigned_on)});
        }
        throw_if_invalid(p, "invalid completion_entry");
        const auto at =
            std::upper_bound(f_.log.begin(), f_.log.end(), e.on,
                             [](const date& d, const completion_entry& x) { return d < x.on; });
        f_.log.insert(at, std::move(e));
    }

    /// True when the due date has passed on `on` and no entry up to the due date says `done`.
    [[nodiscard]] bool overdue(date on) const {
        if (on <= f_.due) {
            return false;
        }
        return std::none_of(f_.log.begin(), f_.log.end(), [&](const completion_entry& e) {
            return e.status == completion::done && e.on <= f_.due;
        });
    }

    /// Adherence over the days `from` … `to` (inclusive). A `partly` entry counts
    /// `partial_credit` of a `done` one (0.5 by default; 0 counts only full practice).
    /// Thread-safe (pure).
    /// @throws validation_error when a date is missing, `to` is before `from`, or
    /// `partial_credit` is outside [0, 1].
    [[nodiscard]] adherence_summary adherence(date from, date to,
                                              double partial_credit = 0.5) const {
        problem_list p;
        detail::require_date(p, "from", from);
        detail::require_date(p, "to", to);
        if (!from.is_special() && !to.is_special() && to < from) {
            p.push_back({"to", "is before from"});
        }
        if (!(partial_credit >= 0.0 && partial_credit <= 1.0)) {
            p.push_back({"partial_credit", "must be between 0 and 1"});
        }
        throw_if_invalid(p, "invalid adherence query");
        adherence_summary s;
        s.from = from;
        s.to = to;
        for (const auto& e : f_.log) {
            if (e.on < from || e.on > to) {
                continue;
            }
            ++s.entries;
            switch (e.status) {
                case completion::done:
                    ++s.done;
                    break;
                case completion::partly:
                    ++s.partly;
                    break;
                case completion::not_done:
                    ++s.not_done;
                    break;
            }
        }
        if (s.entries > 0) {
            s.rate = (s.done + partial_credit * s.partly) / s.entries;
        }
        return s;
    }

    friend bool operator==(const homework_assignment& a, const homework_assignment& b) {
        return a.f_ == b.f_;
    }
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

THERACORE_NAMESPACE_END
