// SPDX-License-Identifier: Apache-2.0
/// @file
/// Alerts: a finding about a client's scores that needs a clinician's attention, with the
/// evidence (which scores) and a lifecycle
///
/// ```
/// raised -> acknowledged (by whom, when) -> resolved (by whom, when, note)
/// ```
///
/// Any other move is a `conflict` naming both states. The rules that raise alerts are in
/// `theracore/outcomes/alert_rules.hpp`.
#pragma once

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
#include <theracore/outcomes/series.hpp>
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
namespace outcomes {

/// How soon someone should look.
enum class alert_severity { info, warning, critical };
constexpr auto describe_enum(alert_severity) {
    using E = alert_severity;
    return enum_table<E, 3>{
        "alert_severity",
        {{{E::info, "info"}, {E::warning, "warning"}, {E::critical, "critical"}}}};
}

/// Which rule raised the alert.
/// `reliable_deterioration` is judged against the baseline, `deterioration_from_best` against
/// the best score so far (a relapse after improvement), `deterioration_from_previous` against
/// the administration before (a sudden worsening). New kinds are appended, so stored values
/// keep their meaning.
enum class alert_kind {
    reliable_deterioration,
    critical_item,
    most_severe_band,
    not_on_track,
    deterioration_from_best,
    deterioration_from_previous
};
constexpr auto describe_enum(alert_kind) {
    using E = alert_kind;
    return enum_table<E, 6>{"alert_kind",
                            {{{E::reliable_deterioration, "reliable_deterioration"},
                              {E::critical_item, "critical_item"},
                              {E::most_severe_band, "most_severe_band"},
                              {E::not_on_track, "not_on_track"},
                              {E::deterioration_from_best, "deterioration_from_best"},
                              {E::deterioration_from_previous, "deterioration_from_previous"}}}};
}

/// Where an alert is in its lifecycle.
enum class alert_state { raised, acknowledged, resolved };
constexpr auto describe_enum(alert_state) {
    using E = alert_state;
    return enum_table<E, 3>{
        "alert_state",
        {{{E::raised, "raised"}, {E::acknowledged, "acknowledged"}, {E::resolved, "resolved"}}}};
}

/// The part a score plays in an alert's evidence (`best`: the best score before the trigger).
enum class evidence_role { baseline, previous, trigger, best };
constexpr auto describe_enum(evidence_role) {
    using E = evidence_role;
    return enum_table<E, 4>{"evidence_role",
                            {{{E::baseline, "baseline"},
                              {E::previous, "previous"},
                              {E::trigger, "trigger"},
                              {E::best, "best"}}}};
}

/// One score behind an alert, with the links back to where it came from.
struct alert_evidence {
    evidence_role role{evidence_role::trigger};
    std::string instrument_id;
    std::string instrument_version;
    observation_time when;
    /// The score; empty when the administration gave none (a critical answer on a form whose
    /// total could not be scored still raises its critical-item alert).
    std::optional<double> value;
    std::optional<administration_id> administration;
    std::optional<session_id> session;
    /// Flag items that fired at this administration (for critical-item alerts).
    std::vector<std::string> fired_flags;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("role", s.role), field("instrument_id", s.instrument_id),
                               field("instrument_version", s.instrument_version),
                               field("when", s.when),
                               theracore::detail::field_optional_since<2>("value", s.value),
                               field("administration", s.administration),
                               field("session", s.session), field("fired_flags", s.fired_flags));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const alert_evidence& e);

/// An alert about one client. Invariants (checked by `create`, kept by every operation):
/// - an id, a client, an instrument, a summary, a raise time and at least one piece of evidence;
/// - acknowledgement fields are set exactly when the state is acknowledged or resolved, and
///   resolution fields exactly when it is resolved;
/// - raised ≤ acknowledged ≤ resolved in time.
class alert {
  public:
    static constexpr const char* schema_name = "theracore.alert";
    /// 2: `alert_evidence.value` may be empty (evidence from an unscored administration).
    static constexpr int schema_version = 2;

    /// The plain data of an alert; `alert::create` checks it.
    struct fields {
        alert_id id;
        client_id client;
        std::optional<episode_id> episode;
        alert_kind kind{alert_kind::reliable_deterioration};
        alert_severity severity{alert_severity::warning};
        std::string instrument_id;
        /// One line for people: "PHQ-9 rose from 8 to 17 (RCI 2.87 > 1.96) since baseline".
        std::string summary;
        /// The rule and the thresholds it used: "reliable_deterioration: z = 1.96, ...".
        std::string rule;
        std::vector<alert_evidence> evidence;
        instant raised_at;
        alert_state state{alert_state::raised};
        std::optional<clinician_id> acknowledged_by;
        std::optional<instant> acknowledged_at;
        std::optional<clinician_id> resolved_by;
        std::optional<instant> resolved_at;
        std::optional<std::string> resolution_note;

        template <class Self>
        static auto describe(Self& s) {
            using theracore::detail::field;
            return std::make_tuple(
                field("id", s.id), field("client", s.client), field("episode", s.episode),
                field("kind", s.kind), field("severity", s.severity),
                field("instrument_id", s.instrument_id), field("summary", s.summary),
                field("rule", s.rule), field("evidence", s.evidence),
                field("raised_at", s.raised_at), field("state", s.state),
                field("acknowledged_by", s.acknowledged_by),
                field("acknowledged_at", s.acknowledged_at), field("resolved_by", s.resolved_by),
                field("resolved_at", s.resolved_at), field("resolution_note", s.resolution_note));
        }
    };

    /// An empty placeholder, only for assigning or deserializing into.
    alert() = default;

    /// @throws validation_error listing every broken invariant of `f`.
    [[nodiscard]] THERACORE_API static alert create(fields f);

    /// Every problem of `f`, without throwing.
    [[nodiscard]] THERACORE_API static problem_list check(const fields& f);

    [[nodiscard]] const fields& data() const noexcept { return f_; }
    [[nodiscard]] const alert_id& id() const noexcept { return f_.id; }
    [[nodiscard]] const client_id& client() const noexcept { return f_.client; }
    [[nodiscard]] alert_kind kind() const noexcept { return f_.kind; }
    [[nodiscard]] alert_severity severity() const noexcept { return f_.severity; }
    [[nodiscard]] alert_state state() const noexcept { return f_.state; }
    [[nodiscard]] const std::string& instrument_id() const noexcept { return f_.instrument_id; }
    [[nodiscard]] const std::string& summary() const noexcept { return f_.summary; }
    [[nodiscard]] const std::vector<alert_evidence>& evidence() const noexcept {
        return f_.evidence;
    }
    [[nodiscard]] instant raised_at() const noexcept { return f_.raised_at; }

    /// Records that `by` has seen the alert at `at`.
    /// @throws conflict unless the alert is raised (the message names both states).
    /// @throws validation_error when `by` is empty or `at` is missing or before the raise time.
    THERACORE_API void acknowledge(const clinician_id& by, instant at);

    /// Records that `by` dealt with the alert at `at`, with an optional note.
    /// @throws conflict unless the alert is acknowledged (the message names both states).
    /// @throws validation_error when `by` is empty or `at` is missing or before acknowledgement.
    THERACORE_API void resolve(const clinician_id& by, instant at,
                               std::optional<std::string> note = {});

    friend THERACORE_API bool operator==(const alert& a, const alert& b);
    friend bool operator!=(const alert& a, const alert& b) { return !(a == b); }

  private:
    explicit alert(fields f) : f_(std::move(f)) {}

    THERACORE_API static void check_pair(problem_list& p, bool expected, const std::string& what,
                                         const std::optional<clinician_id>& by,
                                         const std::optional<instant>& at,
                                         const std::string& state);

    THERACORE_API void require_state(alert_state from, alert_state to) const;

    THERACORE_API static void check_actor(const clinician_id& by, instant at, instant earliest,
                                          const std::string& earliest_name);

    fields f_;
};

/// Every problem of `a` (none for an alert made by `create`).
[[nodiscard]] inline problem_list validate(const alert& a) {
    return alert::check(a.data());
}

}  // namespace outcomes
THERACORE_NAMESPACE_END
