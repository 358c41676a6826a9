// SPDX-License-Identifier: Apache-2.0
/// @file
/// Versioned treatment plans: problems, SMART goals with a lifecycle, objectives, planned
/// interventions, measure-bound goals and Goal Attainment Scaling (GAS) data, review dates and
/// the client's agreement.
///
/// A plan is a chain of versions. The newest version is the live one: goal status changes, GAS
/// ratings, met objectives and agreements are recorded on it. Changing the plan's content
/// (problems, goal wording, interventions, review date) is a *revision*: `revise()` appends a
/// new version and every earlier version stays readable exactly as it was.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <theracore/care/measure_observation.hpp>
#include <theracore/coded_concept.hpp>
#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/enum.hpp>
#include <theracore/error.hpp>
#include <theracore/id.hpp>
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace care {

/// Where a goal is in its lifecycle. Allowed moves (anything else is a `conflict`):
///
/// ```
/// proposed -> active | revised | discontinued
/// active   -> achieved | revised | discontinued
/// achieved, revised, discontinued  (final)
/// ```
///
/// `revised` means "replaced by a reworded goal": it is reached only through
/// `treatment_plan::revise`, by adding the new goal with `revises` naming the old one.
enum class goal_status { proposed, active, achieved, revised, discontinued };
constexpr auto describe_enum(goal_status) {
    using E = goal_status;
    return enum_table<E, 5>{"goal_status",
                            {{{E::proposed, "proposed"},
                              {E::active, "active"},
                              {E::achieved, "achieved"},
                              {E::revised, "revised"},
                              {E::discontinued, "discontinued"}}}};
}

/// True when a goal may move from `from` to `to`.
[[nodiscard]] constexpr bool goal_transition_allowed(goal_status from, goal_status to) noexcept {
    using S = goal_status;
    switch (from) {
        case S::proposed:
            return to == S::active || to == S::revised || to == S::discontinued;
        case S::active:
            return to == S::achieved || to == S::revised || to == S::discontinued;
        case S::achieved:
        case S::revised:
        case S::discontinued:
            return false;
    }
    return false;
}

/// True for the statuses a goal never leaves.
[[nodiscard]] constexpr bool is_final(goal_status s) noexcept {
    return s == goal_status::achieved || s == goal_status::revised ||
           s == goal_status::discontinued;
}

/// How a score is compared with a goal's threshold.
enum class target_comparison { below, at_most, above, at_least };
constexpr auto describe_enum(target_comparison) {
    using E = target_comparison;
    return enum_table<E, 4>{"target_comparison",
                            {{{E::below, "below"},
                              {E::at_most, "at_most"},
                              {E::above, "above"},
                              {E::at_least, "at_least"}}}};
}

/// True when `score` meets `threshold` under `c` (`below`: score < threshold, …).
[[nodiscard]] constexpr bool meets(target_comparison c, double score, double threshold) noexcept {
    switch (c) {
        case target_comparison::below:
            return score < threshold;
        case target_comparison::at_most:
            return score <= threshold;
        case target_comparison::above:
            return score > threshold;
        case target_comparison::at_least:
            return score >= threshold;
    }
    return false;
}

/// Binds a goal to a measure: "PHQ-9 below 10" (the date is the goal's `due`).
struct measure_target {
    /// The instrument id, compared exactly with `measure_observation::instrument`.
    std::string instrument;
    target_comparison comparison{target_comparison::below};
    double threshold = 0;
    /// Whose scores count. Required when the observations come from several clients (a couple
    /// or family plan), so that one partner's score never decides the other's goal.
    std::optional<client_id> client;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("instrument", s.instrument), field("comparison", s.comparison),
                               field("threshold", s.threshold), field("client", s.client));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const measure_target& m);

/// One Goal Attainment Scaling rating: the level reached on a date (−2 … +2).
struct gas_rating {
    date on;
    int level = 0;
    clinician_id rated_by;
    std::optional<std::string> note;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("on", s.on), field("level", s.level),
                               field("rated_by", s.rated_by), field("note", s.note));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const gas_rating& r);

/// A goal's Goal Attainment Scale (Kiresuk & Sherman 1968): what each level −2 … +2 looks like
/// for this client, an optional weight, and the levels recorded over time. TheraCore keeps the
/// data; the T-score is computed by the outcome analytics.
struct gas_scale {
    std::string much_less_than_expected;  ///< level −2
    std::string less_than_expected;       ///< level −1
    std::string expected;                 ///< level 0: the expected outcome
    std::string more_than_expected;       ///< level +1
    std::string much_more_than_expected;  ///< level +2
    /// The level the client is at when the scale is set (often −1 or −2).
    std::optional<int> baseline_level;
    /// Importance weight for a weighted T-score; positive. Absent means unweighted (1).
    std::optional<double> weight;
    /// Ratings in date order.
    std::vector<gas_rating> ratings;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("much_less_than_expected", s.much_less_than_expected),
                               field("less_than_expected", s.less_than_expected),
                               field("expected", s.expected),
                               field("more_than_expected", s.more_than_expected),
                               field("much_more_than_expected", s.much_more_than_expected),
                               field("baseline_level", s.baseline_level), field("weight", s.weight),
                               field("ratings", s.ratings));
    }
};

/// Every problem of `g`: five descriptions, levels in −2 … +2, a positive weight, ratings in
/// date order.
[[nodiscard]] THERACORE_API problem_list validate(const gas_scale& g);

/// The description of `level` on `g`. @throws validation_error for a level outside −2 … +2.
[[nodiscard]] THERACORE_API const std::string& gas_description(const gas_scale& g, int level);

/// The latest rating on or before `on`, or nothing when none was recorded by then.
[[nodiscard]] THERACORE_API std::optional<gas_rating> gas_rating_on(const gas_scale& g, date on);

/// A step towards a goal.
struct objective {
    std::string statement;
    std::optional<date> target_date;
    /// When the objective was met; absent while open.
    std::optional<date> met_on;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("statement", s.statement), field("target_date", s.target_date),
                               field("met_on", s.met_on));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const objective& o);

/// An intervention planned for a goal: a modality from the intervention catalog (or any coded
/// concept the clinician uses) with optional detail and frequency.
struct planned_intervention {
    coded_concept modality;
    std::optional<std::string> detail;     ///< e.g. "thought records for work situations"
    std::optional<std::string> frequency;  ///< e.g. "weekly, 12 sessions"

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("modality", s.modality), field("detail", s.detail),
                               field("frequency", s.frequency));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const planned_intervention& i);

/// One recorded goal status change.
struct goal_status_change {
    goal_status from{goal_status::proposed};
    goal_status to{goal_status::proposed};
    date on;
    std::optional<std::string> reason;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("from", s.from), field("to", s.to), field("on", s.on),
                               field("reason", s.reason));
    }
};

/// A SMART goal: a specific statement, how it is measured, the target and a due date. It may be
/// bound to a measure (its progress is then computed from scores, see `evaluate_measure_goal`)
/// and/or carry a GAS scale.
struct plan_goal {
    goal_id id;
    /// Keys of the plan problems this goal addresses.
    std::vector<std::string> addresses;
    std::string statement;    ///< specific: what will change, in words the client recognises
    std::string measured_by;  ///< measurable: how progress is observed
    std::string target;       ///< the level that counts as achieved
    date due;                 ///< time-bound
    goal_status status{goal_status::proposed};
    /// Every status change, in order; empty while the goal is still proposed.
    std::vector<goal_status_change> history;
    /// The goal this one replaces (that goal is then `revised`).
    std::optional<goal_id> revises;
    std::vector<objective> objectives;
    std::vector<planned_intervention> interventions;
    std::optional<measure_target> measure;
    std::optional<gas_scale> gas;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(
            field("id", s.id), field("addresses", s.addresses), field("statement", s.statement),
            field("measured_by", s.measured_by), field("target", s.target), field("due", s.due),
            field("status", s.status), field("history", s.history), field("revises", s.revises),
            field("objectives", s.objectives), field("interventions", s.interventions),
            field("measure", s.measure), field("gas", s.gas));
    }
};

/// Every problem of `g` on its own: SMART fields, objectives, the history chain (allowed moves
/// from `proposed`, in date order, ending at `status`).
[[nodiscard]] THERACORE_API problem_list validate(const plan_goal& g);

/// A problem the plan addresses, in words, with an optional clinician-entered code (ICD-10,
/// DSM-5). TheraCore records codes; it never infers one.
struct plan_problem {
    /// Short key unique within the plan (e.g. "P1"); goals refer to problems by it.
    std::string key;
    std::string description;
    std::optional<coded_concept> code;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("key", s.key), field("description", s.description),
                               field("code", s.code));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const plan_problem& pr);

/// Who agreed to a plan, in relation to the client.
enum class agreeing_party { client, parent_or_guardian, partner, family_member, other };
constexpr auto describe_enum(agreeing_party) {
    using E = agreeing_party;
    return enum_table<E, 5>{"agreeing_party",
                            {{{E::client, "client"},
                              {E::parent_or_guardian, "parent_or_guardian"},
                              {E::partner, "partner"},
                              {E::family_member, "family_member"},
                              {E::other, "other"}}}};
}

/// How agreement was given.
enum class agreement_method { verbal, written_signature, electronic_signature };
constexpr auto describe_enum(agreement_method) {
    using E = agreement_method;
    return enum_table<E, 3>{"agreement_method",
                            {{{E::verbal, "verbal"},
                              {E::written_signature, "written_signature"},
                              {E::electronic_signature, "electronic_signature"}}}};
}

/// A record that someone agreed to a plan version: who, when, how.
struct client_agreement {
    std::string agreed_by;  ///< the person's name as they gave it
    agreeing_party party{agreeing_party::client};
    /// The client record of the person agreeing, when they are one of the plan's clients.
    std::optional<client_id> client;
    date on;
    agreement_method method{agreement_method::verbal};
    std::optional<std::string> note;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("agreed_by", s.agreed_by), field("party", s.party),
                               field("client", s.client), field("on", s.on),
                               field("method", s.method), field("note", s.note));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const client_agreement& a);

/// One version of a plan. Version 1 is the first plan; every later version records who
/// revised it, when, and why.
struct plan_version {
    int number = 1;
    date effective;
    clinician_id author;
    std::optional<std::string> change_reason;  ///< required from version 2 on
    std::vector<plan_problem> problems;
    std::vector<plan_goal> goals;
    date review_due;
    std::vector<client_agreement> agreements;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("number", s.number), field("effective", s.effective),
                               field("author", s.author), field("change_reason", s.change_reason),
                               field("problems", s.problems), field("goals", s.goals),
                               field("review_due", s.review_due),
                               field("agreements", s.agreements));
    }
};

/// Whether a plan's review is due on a date.
enum class plan_review_status { not_due, due, overdue };
constexpr auto describe_enum(plan_review_status) {
    using E = plan_review_status;
    return enum_table<E, 3>{"plan_review_status",
                            {{{E::not_due, "not_due"}, {E::due, "due"}, {E::overdue, "overdue"}}}};
}

/// A goal's progress computed from scores.
enum class measure_status {
    no_data,  ///< no score of the instrument (for the goal's client) by the date
    not_met,  ///< the latest score does not meet the target yet; the due date has not passed
    met,      ///< the latest score meets the target
    missed,   ///< the due date has passed and the latest score by then did not meet the target
};
constexpr auto describe_enum(measure_status) {
    using E = measure_status;
    return enum_table<E, 4>{"measure_status",
                            {{{E::no_data, "no_data"},
                              {E::not_met, "not_met"},
                              {E::met, "met"},
                              {E::missed, "missed"}}}};
}

/// The computed status of a measure-bound goal and the score it rests on.
struct measure_evaluation {
    measure_status status{measure_status::no_data};
    /// The score the status was computed from (the latest on or before the date considered).
    std::optional<measure_observation> evidence;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("status", s.status), field("evidence", s.evidence));
    }
};

/// The status on `on` of goal `g`, which must be bound to a measure, computed from
/// `observations` (any instruments and clients; only the goal's are used). The latest score on
/// or before `min(on, g.due)` decides: it meets the target (`met`), or not yet (`not_met`), or
/// not by the due date (`missed`). Scores after the due date do not rescue a missed goal.
/// Thread-safe (pure).
/// @throws validation_error when `g` has no measure, when an observation is invalid, or when
/// the goal names no client and the instrument's scores come from more than one client.
[[nodiscard]] THERACORE_API measure_evaluation evaluate_measure_goal(
    const plan_goal& g, const std::vector<measure_observation>& observations, date on);

/// A treatment plan for an episode: a chain of versions, the last one live.
///
/// Invariants (checked by `create`, kept by every operation):
/// - an id, an episode, at least one client (no client twice), at least one version;
/// - versions are numbered 1, 2, … with non-decreasing effective dates; from version 2 on each
///   names its author's reason;
/// - within a version: problem keys and goal ids are unique, goals address existing problems,
///   `revises` names a goal of the same version that is `revised`, and every revised goal is
///   replaced by one; measure and agreement clients are the plan's clients; agreements are not
///   dated before the version; the review date is not before the version;
/// - while a version has no agreement, goals it introduces are only `proposed`;
/// - across versions: no goal disappears, a goal's status history only grows, GAS ratings only
///   grow, and a goal that reached a final status never changes again.
///
/// Thread-safety: const members may be called concurrently; modifying calls need exclusive
/// access, as for any value type.
class treatment_plan {
  public:
    static constexpr const char* schema_name = "theracore.treatment_plan";
    static constexpr int schema_version = 1;

    /// The plain data of a plan; `treatment_plan::create` checks it.
    struct fields {
        plan_id id;
        episode_id episode;
        /// The clients the plan is for: one, or each partner / family member in joint work.
        std::vector<client_id> clients;
        std::vector<plan_version> versions;

        template <class Self>
        static auto describe(Self& s) {
            using detail::field;
            return std::make_tuple(field("id", s.id), field("episode", s.episode),
                                   field("clients", s.clients), field("versions", s.versions));
        }
    };

    /// What a revision changes: the content of the next version. Start from
    /// `draft_revision()`, which copies the live version's content.
    struct revision {
        date effective;
        clinician_id author;
        std::string reason;
        std::vector<plan_problem> problems;
        std::vector<plan_goal> goals;
        date review_due;
    };

    /// An empty placeholder, only for assigning or deserializing into.
    treatment_plan() = default;

    /// @throws validation_error listing every broken invariant of `f`.
    [[nodiscard]] THERACORE_API static treatment_plan create(fields f);

    /// Every problem of `f`, without throwing.
    [[nodiscard]] THERACORE_API static problem_list check(const fields& f);

    [[nodiscard]] const fields& data() const noexcept { return f_; }
    [[nodiscard]] const plan_id& id() const noexcept { return f_.id; }
    [[nodiscard]] const episode_id& episode() const noexcept { return f_.episode; }
    [[nodiscard]] const std::vector<client_id>& clients() const noexcept { return f_.clients; }
    [[nodiscard]] const std::vector<plan_version>& versions() const noexcept { return f_.versions; }

    /// The live (newest) version.
    /// @throws not_found for a default-constructed placeholder, which has no version.
    [[nodiscard]] THERACORE_API const plan_version& current() const;

    /// Version `number` (1-based), as it was when it was superseded.
    /// @throws not_found when there is no such version.
    [[nodiscard]] THERACORE_API const plan_version& version(int number) const;

    /// The goal `id` in the live version. @throws not_found.
    [[nodiscard]] const plan_goal& goal(const goal_id& id) const {
        return current().goals[goal_index(id)];
    }

    /// True when the live version has at least one recorded agreement.
    [[nodiscard]] bool agreed() const noexcept {
        return !f_.versions.empty() && !f_.versions.back().agreements.empty();
    }

    /// Whether the live version's review is `overdue` (after the review date), `due` (within
    /// `notice_days` before it, or on it) or `not_due` on `on`.
    /// @throws validation_error for a negative `notice_days` or a missing date.
    /// @throws not_found for a placeholder without versions.
    [[nodiscard]] THERACORE_API plan_review_status review_status(date on,
                                                                 int notice_days = 14) const;

    /// A revision pre-filled with the live version's problems, goals and review date.
    [[nodiscard]] THERACORE_API revision draft_revision(date effective, clinician_id author,
                                                        std::string reason) const;

    /// Appends a new version with the content of `r`. A goal whose `status` differs from the
    /// live version gets the change recorded in its history (dated `r.effective`); a new goal
    /// with `revises` set moves the goal it replaces to `revised`. The new version starts
    /// without agreements. On any error the plan is unchanged.
    /// @throws conflict when a goal would make a move its lifecycle forbids (naming both
    /// states) or would become active in the revision (agreement comes first: record it on the
    /// new version, then `transition_goal`); validation_error for anything else that breaks
    /// the plan's invariants.
    THERACORE_API void revise(revision r);

    /// Records that someone agreed to the live version.
    /// @throws validation_error when `a` is incomplete, dated before the version, or names a
    /// client who is not one of the plan's clients.
    THERACORE_API void record_agreement(client_agreement a);

    /// Moves goal `id` of the live version to `to` on `on`.
    /// @throws not_found for an unknown goal; conflict when the move is not allowed (the
    /// message names both states) or when activating a goal of a version nobody has agreed to;
    /// validation_error when `to` is `revised` (use `revise`) or `on` is missing, before the
    /// version took effect, or before the goal's last change.
    THERACORE_API void transition_goal(const goal_id& id, goal_status to, date on,
                                       std::optional<std::string> reason = {});

    /// Records a GAS rating for goal `id` of the live version.
    /// @throws not_found for an unknown goal; conflict when the goal is not active;
    /// validation_error when the goal has no GAS scale, the rating is invalid, or it is dated
    /// before the version or before the last rating.
    THERACORE_API void record_gas_rating(const goal_id& id, gas_rating r);

    /// Marks objective `index` of goal `id` as met on `on`.
    /// @throws not_found for an unknown goal or objective; conflict when the objective is
    /// already met or the goal is final; validation_error for a missing date or one before
    /// the version took effect.
    THERACORE_API void mark_objective_met(const goal_id& id, std::size_t index, date on);

    friend THERACORE_API bool operator==(const treatment_plan& a, const treatment_plan& b);
    friend bool operator!=(const treatment_plan& a, const treatment_plan& b) { return !(a == b); }

  private:
    explicit treatment_plan(fields f) : f_(std::move(f)) {}

    [[nodiscard]] bool is_client(const client_id& c) const noexcept {
        return std::find(f_.clients.begin(), f_.clients.end(), c) != f_.clients.end();
    }

    [[nodiscard]] THERACORE_API std::size_t goal_index(const goal_id& id) const;

    THERACORE_API static void check_change_date(date on, const plan_version& v,
                                                std::optional<date> last);

    static bool contains_id(const std::vector<client_id>& ids, const client_id& c) {
        return std::find(ids.begin(), ids.end(), c) != ids.end();
    }

    THERACORE_API static const plan_goal* find_goal(const plan_version& v, const goal_id& id);

    THERACORE_API static problem_list check_version(const plan_version& v, std::size_t index,
                                                    const plan_version* prev,
                                                    const std::vector<client_id>& clients);

    THERACORE_API static void check_goal_in_version(problem_list& p, const plan_version& v,
                                                    std::size_t i, const plan_version* prev,
                                                    const std::vector<client_id>& clients);

    fields f_;
};

/// Checks that replacing the stored plan `before` with `after` keeps earlier versions
/// readable, for stores that receive whole plans: `after` has at least the versions of
/// `before`, and every version of `before` except its live (last) one is unchanged; the live
/// one may change only if `after` has no newer version. Thread-safe (pure).
/// @throws validation_error when the ids differ; conflict when a version would be lost or an
/// earlier version changed (naming it).
THERACORE_API void check_plan_update(const treatment_plan& before, const treatment_plan& after);

/// Every problem of `t` (none for a plan made by `create`).
[[nodiscard]] inline problem_list validate(const treatment_plan& t) {
    return treatment_plan::check(t.data());
}

}  // namespace care
THERACORE_NAMESPACE_END
