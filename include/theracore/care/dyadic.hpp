// SPDX-License-Identifier: Apache-2.0
/// @file
/// Couples and family work: per-participant scores side by side, dyadic summaries (both
/// partners' scores and their discrepancy) for any instrument, and the rule deciding which
/// clients of a multi-client episode may see a session and its notes.
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
#include <theracore/care/progress_note.hpp>
#include <theracore/care/session.hpp>
#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/error.hpp>
#include <theracore/id.hpp>
#include <theracore/people/episode.hpp>
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace care {

/// One occasion on which some or all participants completed the instrument.
struct participant_scores_row {
    /// The date of the occasion's first score.
    date occasion;
    /// One slot per requested client, in the requested order; empty when that client has no
    /// score on this occasion.
    std::vector<std::optional<measure_observation>> scores;
    /// Highest minus lowest total on this occasion; absent with fewer than two scores.
    std::optional<double> spread;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("occasion", s.occasion), field("scores", s.scores),
                               field("spread", s.spread));
    }
};

/// Several participants' scores on one instrument, occasion by occasion.
struct participant_score_table {
    std::string instrument;
    std::vector<client_id> clients;
    std::vector<participant_scores_row> rows;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("instrument", s.instrument), field("clients", s.clients),
                               field("rows", s.rows));
    }
};

/// Scores of `clients` on `instrument`, grouped into occasions: in time order, a score joins
/// the current occasion when it falls within `window_days` days of the occasion's first score
/// and that client has no score in it yet; otherwise it starts a new occasion. Observations of
/// other instruments or other clients are ignored. Thread-safe (pure).
/// @throws validation_error for an empty instrument, fewer than two or repeated clients, a
/// negative window or an invalid observation.
[[nodiscard]] THERACORE_API participant_score_table
side_by_side(const std::string& instrument, const std::vector<client_id>& clients,
             const std::vector<measure_observation>& observations, int window_days = 0);

/// One occasion of a dyad: both partners' scores side by side.
struct dyadic_row {
    date occasion;
    std::optional<measure_observation> first;
    std::optional<measure_observation> second;
    /// first.total − second.total, when both completed the instrument on this occasion.
    std::optional<double> discrepancy;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("occasion", s.occasion), field("first", s.first),
                               field("second", s.second), field("discrepancy", s.discrepancy));
    }
};

/// Two partners' scores on one instrument over time and how far apart they are.
struct dyadic_summary {
    std::string instrument;
    client_id first;
    client_id second;
    std::vector<dyadic_row> rows;
    int paired_occasions = 0;
    /// The discrepancy on the latest occasion both completed.
    std::optional<double> latest_discrepancy;
    /// Mean of |discrepancy| over the paired occasions.
    std::optional<double> mean_absolute_discrepancy;

    template <class Self>
    static auto describe(Self& s) {
        using detail::field;
        return std::make_tuple(field("instrument", s.instrument), field("first", s.first),
                               field("second", s.second), field("rows", s.rows),
                               field("paired_occasions", s.paired_occasions),
                               field("latest_discrepancy", s.latest_discrepancy),
                               field("mean_absolute_discrepancy", s.mean_absolute_discrepancy));
    }
};

/// The dyadic summary of `first` and `second` on `instrument`, occasions grouped as in
/// `side_by_side`. Works for any instrument: it compares totals and interprets nothing.
/// Thread-safe (pure).
/// @throws validation_error as `side_by_side`, or when `first` and `second` are the same.
[[nodiscard]] THERACORE_API dyadic_summary
dyadic(const std::string& instrument, const client_id& first, const client_id& second,
       const std::vector<measure_observation>& observations, int window_days = 0);

/// The visibility that applies to session `s` within episode `e`: the session's own
/// `visibility` when set; otherwise the default rule. Default: a session attended by a single
/// client of an episode with several participants (an individual session inside couple or
/// family work) is private to that client; any other session is shared with the episode.
/// @throws validation_error when `s` does not belong to `e`.
[[nodiscard]] THERACORE_API session_visibility effective_visibility(const session& s,
                                                                    const care_episode& e);

/// True when client `viewer` may see session `s` of episode `e` (and so its progress notes):
/// always when they attended; otherwise only when they are a participant of `e` and the
/// session is shared with the episode (see `effective_visibility`). Psychotherapy notes are
/// outside this rule: they are never shared with clients through it.
/// @throws validation_error when `s` does not belong to `e`.
[[nodiscard]] THERACORE_API bool visible_to(const session& s, const care_episode& e,
                                            const client_id& viewer);

/// True when client `viewer` may see note `n` of session `s` in episode `e`: a note is as
/// visible as its session.
/// @throws validation_error when `n` is not a note of `s` or `s` does not belong to `e`.
[[nodiscard]] THERACORE_API bool visible_to(const progress_note& n, const session& s,
                                            const care_episode& e, const client_id& viewer);

}  // namespace care
THERACORE_NAMESPACE_END
