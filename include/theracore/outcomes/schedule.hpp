// SPDX-License-Identifier: Apache-2.0
/// @file
/// Measurement schedules: which measures an episode should collect when (PHQ-9 every session,
/// CORE-10 every 28 days, both at intake and at discharge), and which are due or overdue on a
/// given date, given the administrations done and the sessions held.
///
/// Rules, per measure (each measure may combine several):
/// - **at intake**: due on the intake date; met by any administration on or after it.
/// - **every N days**: due N days after the last administration (on the intake date if there is
///   none yet).
/// - **every N sessions**: due at the N-th session held after the last administration (a
///   session on the same day as the administration counts as covered); before any
///   administration, at the N-th session since intake.
/// - **at discharge**: due on the discharge date when one is known; met by an administration no
///   more than `grace_days` before it, or any later one.
///
/// A measure is `due` from its due date until `grace_days` after it, then `overdue`. Periodic
/// rules stop at the discharge date. Only administrations and sessions on or before the date
/// asked about are considered.
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/enum.hpp>
#include <theracore/id.hpp>
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
namespace outcomes {

/// When one measure is to be collected.
struct measure_rule {
    std::string instrument_id;
    bool at_intake = false;
    bool at_discharge = false;
    /// 1 = every session.
    std::optional<int> every_sessions;
    /// 28 = every four weeks.
    std::optional<int> every_days;
    /// Days after the due date before the measure counts as overdue.
    int grace_days = 0;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(
            field("instrument_id", s.instrument_id), field("at_intake", s.at_intake),
            field("at_discharge", s.at_discharge), field("every_sessions", s.every_sessions),
            field("every_days", s.every_days), field("grace_days", s.grace_days));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const measure_rule& m);

/// The measurement plan of one episode.
struct measurement_schedule {
    static constexpr const char* schema_name = "theracore.measurement_schedule";
    static constexpr int schema_version = 1;

    episode_id episode;
    std::vector<measure_rule> measures;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("episode", s.episode), field("measures", s.measures));
    }
};

/// Every problem of `s`: a missing episode, invalid rules, an instrument listed twice.
[[nodiscard]] THERACORE_API problem_list validate(const measurement_schedule& s);

/// A session that took place.
struct held_session {
    session_id id;
    date on;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("id", s.id), field("on", s.on));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const held_session& s);

/// An administration of a measure that was done.
struct administration_done {
    std::string instrument_id;
    date on;
    std::optional<session_id> session;
    std::optional<administration_id> administration;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("instrument_id", s.instrument_id), field("on", s.on),
                               field("session", s.session),
                               field("administration", s.administration));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const administration_done& a);

/// What happened in an episode so far: intake, optional discharge, sessions held (in date
/// order) and administrations done (any order).
struct episode_timeline {
    date intake;
    std::optional<date> discharge;
    std::vector<held_session> sessions;
    std::vector<administration_done> administrations;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("intake", s.intake), field("discharge", s.discharge),
                               field("sessions", s.sessions),
                               field("administrations", s.administrations));
    }
};

/// Every problem of `t`: sessions must be in date order (never sorted silently) with distinct
/// ids, and the discharge may not precede the intake.
[[nodiscard]] THERACORE_API problem_list validate(const episode_timeline& t);

/// Whether a measure should be collected now.
enum class due_status { not_due, due, overdue };
constexpr auto describe_enum(due_status) {
    using E = due_status;
    return enum_table<E, 3>{"due_status",
                            {{{E::not_due, "not_due"}, {E::due, "due"}, {E::overdue, "overdue"}}}};
}

/// The state of one measure on one date.
struct measure_due {
    std::string instrument_id;
    due_status status{due_status::not_due};
    /// When it became due (the earliest rule that made it due or overdue).
    std::optional<date> due_since;
    /// The next known due date, for calendar rules that are not yet due.
    std::optional<date> next_due;
    /// Sessions still to be held before a session rule makes it due.
    std::optional<int> sessions_until_due;
    /// One line per rule that made it due or overdue.
    std::vector<std::string> reasons;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("instrument_id", s.instrument_id), field("status", s.status),
                               field("due_since", s.due_since), field("next_due", s.next_due),
                               field("sessions_until_due", s.sessions_until_due),
                               field("reasons", s.reasons));
    }
};

/// The state of every measure of `schedule` on `on`, in schedule order (including those not
/// due, with their next due date or the sessions still to go).
/// @throws validation_error naming the argument (`schedule.…`, `timeline.…`, `on`): an invalid
/// schedule, unsorted sessions, a discharge before intake, a missing date.
[[nodiscard]] THERACORE_API std::vector<measure_due> measures_due(
    const measurement_schedule& schedule, const episode_timeline& timeline, date on);

}  // namespace outcomes
THERACORE_NAMESPACE_END
