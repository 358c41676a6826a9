// SPDX-License-Identifier: Apache-2.0
/// @file
/// A client's scores on one instrument over time, with the instrument's severity bands and
/// clinical cut-off: the input of trajectories, alerts and charts.
///
/// The series is a plain value so that any source can build it; an adapter from scored
/// administrations fills `instrument_id`/`instrument_version`, one `score_point` per
/// administration (with its administration and session ids and the ids of flag items that
/// fired), and the bands and cut-off from the instrument definition.
#pragma once

#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/enum.hpp>
#include <theracore/id.hpp>
#include <theracore/outcomes/parameters.hpp>
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
namespace outcomes {

/// When a score was obtained: a calendar date (a paper form dated by hand) or an instant (an
/// electronic administration). On the wire it is its ISO-8601 text, `2026-01-05` or
/// `2026-01-05T09:30:00Z`, so the form itself says which it is.
///
/// A default-constructed value is empty (not a date); `validate` reports it as required.
class observation_time {
  public:
    observation_time() = default;
    explicit observation_time(date d) : v_(d) {}
    explicit observation_time(instant t) : v_(t) {}

    [[nodiscard]] bool is_date() const noexcept { return std::holds_alternative<date>(v_); }
    [[nodiscard]] bool is_instant() const noexcept { return std::holds_alternative<instant>(v_); }
    /// True unless empty or a special value (not-a-date-time, infinity).
    [[nodiscard]] bool is_set() const noexcept {
        return is_date() ? !std::get<date>(v_).is_special() : !std::get<instant>(v_).is_special();
    }
    /// The calendar day (UTC for an instant).
    [[nodiscard]] date day() const {
        return is_date() ? std::get<date>(v_) : std::get<instant>(v_).date();
    }
    [[nodiscard]] const std::variant<date, instant>& value() const noexcept { return v_; }

    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS[.ffffff]Z`.
    /// @throws std::out_of_range when not set.
    [[nodiscard]] std::string iso8601() const {
        return is_date() ? to_iso8601(std::get<date>(v_)) : to_iso8601(std::get<instant>(v_));
    }

    /// Parses `YYYY-MM-DD` as a date and anything longer as an instant with a zone.
    [[nodiscard]] THERACORE_API static std::optional<observation_time> parse(
        std::string_view s) noexcept;

    friend bool operator==(const observation_time& a, const observation_time& b) {
        return a.v_ == b.v_;
    }
    friend bool operator!=(const observation_time& a, const observation_time& b) {
        return !(a == b);
    }

  private:
    std::variant<date, instant> v_{date()};
};

/// Orders two set observation times: negative, zero or positive like `strcmp`; nothing when a
/// date and an instant fall on the same day (which came first is unknowable).
[[nodiscard]] THERACORE_API std::optional<int> compare(const observation_time& a,
                                                       const observation_time& b);

/// One scored administration in a series.
struct score_point {
    observation_time when;
    double value = 0;
    std::optional<session_id> session;
    std::optional<administration_id> administration;
    /// Ids of the instrument definition's flags that fired, e.g. `"item9_self_harm"` (PHQ-9).
    std::vector<std::string> fired_flags;
    /// Ids of critical flags that could not be evaluated (their items missing or invalid): the
    /// score may be prorated, but nobody knows whether the critical answer was given.
    std::vector<std::string> flags_not_evaluated;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(
            field("when", s.when), field("value", s.value), field("session", s.session),
            field("administration", s.administration), field("fired_flags", s.fired_flags),
            field<2>("flags_not_evaluated", s.flags_not_evaluated));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const score_point& s);

/// An administration that gave no score on the series' scale (an item missing where the
/// manual allows none, an answer out of range), kept in the series because its critical items
/// were still evaluated on their own answers: a PHQ-9 with item 9 = 3 and item 4 missing has no
/// total but must still raise its critical-item alert and appear on the chart. Change
/// statistics, which need a value, never read these; alerts and charts do.
struct unscored_point {
    observation_time when;
    std::optional<session_id> session;
    std::optional<administration_id> administration;
    /// Why there is no score, for people ("item phq9_4 is missing").
    std::string reason;
    /// As in `score_point`.
    std::vector<std::string> fired_flags;
    std::vector<std::string> flags_not_evaluated;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("when", s.when), field("session", s.session),
                               field("administration", s.administration), field("reason", s.reason),
                               field("fired_flags", s.fired_flags),
                               field("flags_not_evaluated", s.flags_not_evaluated));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const unscored_point& s);

/// A severity band `[lower, upper]` (both inclusive, as published: PHQ-9 "5–9 mild").
/// A non-integer (prorated) score is banded with the lower bounds as `>=` tests
/// (instruments.md §0), so 9.5 is "mild" when the next band starts at 10.
struct severity_band {
    double lower = 0;
    double upper = 0;
    std::string label;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("lower", s.lower), field("upper", s.upper),
                               field("label", s.label));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const severity_band& b);

/// Which side a score exactly at a cut-off belongs to. PHQ-9 caseness "≥ 10": 10 is clinical.
/// ORS "< 25 clinical": 25 is functional.
enum class cutoff_side { clinical, functional };
constexpr auto describe_enum(cutoff_side) {
    using E = cutoff_side;
    return enum_table<E, 2>{"cutoff_side",
                            {{{E::clinical, "clinical"}, {E::functional, "functional"}}}};
}

/// A published clinical cut-off, e.g. PHQ-9 `{10, cutoff_side::clinical, "Kroenke 2001"}`.
struct clinical_cutoff {
    double value = 0;
    cutoff_side at_value{cutoff_side::clinical};
    std::string source;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("value", s.value), field("at_value", s.at_value),
                               field("source", s.source));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const clinical_cutoff& c);

/// True when `value` is on the clinical side of `c` for an instrument where `d` is better.
[[nodiscard]] THERACORE_API bool is_clinical(double value, const clinical_cutoff& c,
                                             score_direction d) noexcept;

/// A client's scores on one instrument, in time order, with the instrument's bands and cut-off.
struct score_series {
    std::string instrument_id;
    std::string instrument_version;
    /// For people: "PHQ-9". Empty means use `instrument_id`.
    std::string instrument_name;
    /// Ascending, non-overlapping.
    std::vector<severity_band> bands;
    std::optional<clinical_cutoff> cutoff;
    /// Strictly increasing in time; never sorted for you.
    std::vector<score_point> points;
    /// Administrations without a score, strictly increasing in time (each distinct from every
    /// point's time too).
    std::vector<unscored_point> unscored;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("instrument_id", s.instrument_id),
                               field("instrument_version", s.instrument_version),
                               field("instrument_name", s.instrument_name), field("bands", s.bands),
                               field("cutoff", s.cutoff), field("points", s.points),
                               field<2>("unscored", s.unscored));
    }
};

/// The name to show for the series' instrument.
[[nodiscard]] inline const std::string& display_name(const score_series& s) noexcept {
    return s.instrument_name.empty() ? s.instrument_id : s.instrument_name;
}

/// Every problem of `s`. Time points must be strictly increasing: a point earlier than or equal
/// to its predecessor is reported at `points[i].when` (the series is never sorted silently,
/// because an out-of-order point usually means a data-entry error worth seeing).
[[nodiscard]] THERACORE_API problem_list validate(const score_series& s);

/// The index of the band that holds `value`, or nothing when it lies outside every band. Each
/// band's lower bound is a `>=` test, so a prorated 9.5 falls in "5–9" when the next band starts
/// at 10; only the last band's upper bound is checked.
[[nodiscard]] THERACORE_API std::optional<std::size_t> band_index(
    const std::vector<severity_band>& bands, double value) noexcept;

/// The index of the most severe band: the highest for lower-is-better instruments, the lowest
/// for higher-is-better ones. @pre `bands` is not empty.
[[nodiscard]] inline std::size_t most_severe_band(const std::vector<severity_band>& bands,
                                                  score_direction d) noexcept {
    return d == score_direction::lower_is_better ? bands.size() - 1 : 0;
}

/// A single score with the instrument it was obtained on: the pre and post values of a change
/// statistic. Pre and post from different instruments are rejected.
struct instrument_score {
    std::string instrument_id;
    std::string instrument_version;
    double value = 0;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("instrument_id", s.instrument_id),
                               field("instrument_version", s.instrument_version),
                               field("value", s.value));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const instrument_score& s);

/// The score at `points[i]` of `s`. @pre `i < s.points.size()`.
[[nodiscard]] inline instrument_score score_at(const score_series& s, std::size_t i) {
    return {s.instrument_id, s.instrument_version, s.points[i].value};
}

}  // namespace outcomes
THERACORE_NAMESPACE_END
