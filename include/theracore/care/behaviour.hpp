// SPDX-License-Identifier: Apache-2.0
/// @file
/// Behaviour tracking in the style of a DBT diary card: target behaviours to increase or
/// decrease, daily or per-event logs (urge 0–5, acted yes/no, skills used), weekly summaries and
/// a trend.
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <set>
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

/// Which way a target behaviour should move.
enum class behaviour_direction { increase, decrease };
constexpr auto describe_enum(behaviour_direction) {
    using E = behaviour_direction;
    return enum_table<E, 2>{"behaviour_direction",
                            {{{E::increase, "increase"}, {E::decrease, "decrease"}}}};
}

/// How a target is logged: one row per day (a diary card) or one row per event.
enum class logging_mode { daily, per_event };
constexpr auto describe_enum(logging_mode) {
    using E = logging_mode;
    return enum_table<E, 2>{"logging_mode", {{{E::daily, "daily"}, {E::per_event, "per_event"}}}};
}

/// A behaviour the client and clinician track, e.g. "self-harm" (decrease) or "went for a
/// walk" (increase).
struct behaviour_target {
    behaviour_id id;
    std::string name;
    std::optional<std::string> definition;  ///< what counts, agreed with the client
    behaviour_direction direction{behaviour_direction::decrease};
    logging_mode logging{logging_mode::daily};

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("id", s.id), field("name", s.name),
                               field("definition", s.definition), field("direction", s.direction),
                               field("logging", s.logging));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const behaviour_target& t);

/// One diary row for one target: a day (daily targets) or an event (per-event targets).
struct diary_entry {
    behaviour_id target;
    date on;
    /// When the event happened (UTC); required for per-event targets.
    std::optional<instant> at;
    /// Strength of the urge, 0 (none) to 5 (extreme), as on a DBT diary card.
    std::optional<int> urge;
    /// Whether the behaviour was carried out.
    std::optional<bool> acted;
    /// How many times, when it was carried out more than once.
    std::optional<int> count;
    std::vector<std::string> skills_used;
    std::optional<std::string> note;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("target", s.target), field("on", s.on), field("at", s.at),
                               field("urge", s.urge), field("acted", s.acted),
                               field("count", s.count), field("skills_used", s.skills_used),
                               field("note", s.note));
    }
};

/// Problems of `e` on its own: urge 0–5, a count only when the behaviour was carried out, an
/// event time within a day of the entry's date (time zones), named skills.
[[nodiscard]] THERACORE_API problem_list validate(const diary_entry& e);

/// One week of one target.
struct weekly_summary {
    date week_start;
    int days_logged = 0;  ///< distinct days (within the period) with an entry
    int entries = 0;
    int action_days = 0;  ///< days on which the behaviour was carried out
    int actions = 0;      ///< times it was carried out (`count`, or 1 per entry that acted)
    std::optional<double> mean_urge;
    std::optional<int> max_urge;
    /// Distinct skills used, in order of first use.
    std::vector<std::string> skills_used;
    /// Daily targets: action_days / days_logged (absent when no day was logged). Per-event
    /// targets: actions per day of the week inside the period (a day without an event entry
    /// counts as a day without the behaviour).
    std::optional<double> action_rate;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("week_start", s.week_start),
                               field("days_logged", s.days_logged), field("entries", s.entries),
                               field("action_days", s.action_days), field("actions", s.actions),
                               field("mean_urge", s.mean_urge), field("max_urge", s.max_urge),
                               field("skills_used", s.skills_used),
                               field("action_rate", s.action_rate));
    }
};

/// What a trend is computed on.
enum class trend_metric { action_rate, mean_urge };
constexpr auto describe_enum(trend_metric) {
    using E = trend_metric;
    return enum_table<E, 2>{"trend_metric",
                            {{{E::action_rate, "action_rate"}, {E::mean_urge, "mean_urge"}}}};
}

/// Which way a behaviour is moving relative to the direction the client wants.
enum class trend_direction { insufficient_data, improving, stable, worsening };
constexpr auto describe_enum(trend_direction) {
    using E = trend_direction;
    return enum_table<E, 4>{"trend_direction",
                            {{{E::insufficient_data, "insufficient_data"},
                              {E::improving, "improving"},
                              {E::stable, "stable"},
                              {E::worsening, "worsening"}}}};
}

/// The least-squares slope of a weekly metric and what it means for the target.
struct behaviour_trend {
    trend_metric metric{trend_metric::action_rate};
    int weeks_used = 0;  ///< weeks that had a value
    /// Change of the metric per week; absent with fewer than two weeks of data.
    std::optional<double> slope_per_week;
    trend_direction direction{trend_direction::insufficient_data};

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("metric", s.metric), field("weeks_used", s.weeks_used),
                               field("slope_per_week", s.slope_per_week),
                               field("direction", s.direction));
    }
};

/// A client's behaviour diary within an episode. Invariants (checked by `create`): a client
/// and an episode; targets valid with unique ids; entries valid, for known targets, in order of
/// date (and time); a daily target has at most one entry per day; a per-event entry has a time.
class behaviour_diary {
  public:
    static constexpr const char* schema_name = "theracore.behaviour_diary";
    static constexpr int schema_version = 1;

    /// The plain data of a diary; `behaviour_diary::create` checks it.
    struct fields {
        client_id client;
        episode_id episode;
        std::vector<behaviour_target> targets;
        std::vector<diary_entry> entries;

        template <class Self>
        static auto describe(Self& s) {
            using detail::field;
            return std::make_tuple(field("client", s.client), field("episode", s.episode),
                                   field("targets", s.targets), field("entries", s.entries));
        }
    };

    /// An empty placeholder, only for assigning or deserializing into.
    behaviour_diary() = default;

    /// @throws validation_error listing every broken invariant of `f`.
    [[nodiscard]] THERACORE_API static behaviour_diary create(fields f);

    /// Every problem of `f`, without throwing.
    [[nodiscard]] THERACORE_API static problem_list check(const fields& f);

    [[nodiscard]] const fields& data() const noexcept { return f_; }
    [[nodiscard]] const std::vector<behaviour_target>& targets() const noexcept {
        return f_.targets;
    }
    [[nodiscard]] const std::vector<diary_entry>& entries() const noexcept { return f_.entries; }

    /// The target `id`. @throws not_found.
    [[nodiscard]] THERACORE_API const behaviour_target& target(const behaviour_id& id) const;

    /// Adds a target. @throws validation_error when it is incomplete; conflict when its id is
    /// already tracked.
    THERACORE_API void add_target(behaviour_target t);

    /// Adds an entry in date (and time) order. On any error the diary is unchanged.
    /// @throws not_found for an unknown target; validation_error when the entry is invalid, a
    /// daily target already has an entry that day, or a per-event entry has no time.
    THERACORE_API void log(diary_entry e);

    /// One summary per week for target `id` over the days `from` … `to` (inclusive). Weeks
    /// start on `week_starts_on` (Monday by default); the first and last weeks may be partial.
    /// Thread-safe (pure).
    /// @throws not_found for an unknown target; validation_error for missing or reversed dates.
    [[nodiscard]] THERACORE_API std::vector<weekly_summary> weekly_summaries(
        const behaviour_id& id, date from, date to,
        boost::date_time::weekdays week_starts_on = boost::date_time::Monday) const;

    /// The trend of `metric` for target `id` over `from` … `to`: the least-squares slope of the
    /// weekly values (weeks without a value are skipped). It is `improving` when the slope
    /// moves in the target's direction by more than `tolerance` per week (for `mean_urge` on a
    /// target to decrease, lower is better), `worsening` when it moves the other way by more
    /// than `tolerance`, `stable` otherwise, and `insufficient_data` with fewer than two weeks.
    /// Thread-safe (pure).
    /// @throws not_found for an unknown target; validation_error for missing or reversed dates
    /// or a negative tolerance.
    [[nodiscard]] THERACORE_API behaviour_trend
    trend(const behaviour_id& id, date from, date to, trend_metric metric, double tolerance = 0.0,
          boost::date_time::weekdays week_starts_on = boost::date_time::Monday) const;

    friend THERACORE_API bool operator==(const behaviour_diary& a, const behaviour_diary& b);
    friend bool operator!=(const behaviour_diary& a, const behaviour_diary& b) { return !(a == b); }

  private:
    explicit behaviour_diary(fields f) : f_(std::move(f)) {}

    THERACORE_API static const behaviour_target* find(const std::vector<behaviour_target>& ts,
                                                      const behaviour_id& id);

    /// True when `b` may follow `a`: a later date, or the same date and not an earlier time.
    THERACORE_API static bool in_order(const diary_entry& a, const diary_entry& b);

    THERACORE_API static void check_period(date from, date to);

    [[nodiscard]] THERACORE_API weekly_summary summarise_week(const behaviour_target& t, date start,
                                                              date first, date last) const;

    fields f_;
};

/// Every problem of `d` (none for a diary made by `create`).
[[nodiscard]] inline problem_list validate(const behaviour_diary& d) {
    return behaviour_diary::check(d.data());
}

}  // namespace care
THERACORE_NAMESPACE_END
