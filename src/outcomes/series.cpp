// SPDX-License-Identifier: Apache-2.0
#include <theracore/outcomes/series.hpp>

#include <unordered_map>

#include "detail/outcomes.hpp"

THERACORE_NAMESPACE_BEGIN
namespace outcomes {

std::optional<observation_time> observation_time::parse(std::string_view s) noexcept {
    if (s.size() == 10) {
        if (auto d = parse_date(s)) {
            return observation_time(*d);
        }
        return std::nullopt;
    }
    if (auto t = parse_instant(s)) {
        return observation_time(*t);
    }
    return std::nullopt;
}

std::optional<int> compare(const observation_time& a, const observation_time& b) {
    if (a.is_instant() && b.is_instant()) {
        const auto& x = std::get<instant>(a.value());
        const auto& y = std::get<instant>(b.value());
        return x < y ? -1 : (y < x ? 1 : 0);
    }
    const date x = a.day();
    const date y = b.day();
    if (x != y) {
        return x < y ? -1 : 1;
    }
    if (a.is_date() && b.is_date()) {
        return 0;
    }
    return std::nullopt;
}

namespace {

void require_flag_ids(problem_list& p, const char* name, const std::vector<std::string>& ids) {
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (ids[i].empty()) {
            p.push_back({std::string(name) + "[" + std::to_string(i) + "]", "required"});
        }
    }
}

/// Reports `times[i]` that is not after `times[i - 1]` at `<name>[i].when`.
template <class Point>
void require_increasing(problem_list& p, const char* name, const std::vector<Point>& pts) {
    for (std::size_t i = 1; i < pts.size(); ++i) {
        const auto& prev = pts[i - 1].when;
        const auto& cur = pts[i].when;
        if (!prev.is_set() || !cur.is_set()) {
            continue;
        }
        const std::string path = std::string(name) + "[" + std::to_string(i) + "].when";
        const std::string before = std::string(name) + "[" + std::to_string(i - 1) + "]";
        const auto c = compare(prev, cur);
        if (!c) {
            p.push_back({path, cur.iso8601() + " cannot be ordered against " + before + " (" +
                                   prev.iso8601() + "): a date and an instant on the same day"});
        } else if (*c == 0) {
            p.push_back(
                {path, cur.iso8601() + " duplicates " + before + "; time points must be distinct"});
        } else if (*c > 0) {
            p.push_back({path, cur.iso8601() + " is earlier than " + before + " (" +
                                   prev.iso8601() +
                                   "); give points in time order (they are not sorted for you)"});
        }
    }
}

}  // namespace

problem_list validate(const score_point& s) {
    problem_list p;
    if (!s.when.is_set()) {
        p.push_back({"when", "required"});
    }
    detail::require_finite(p, "value", s.value);
    require_flag_ids(p, "fired_flags", s.fired_flags);
    require_flag_ids(p, "flags_not_evaluated", s.flags_not_evaluated);
    return p;
}

problem_list validate(const unscored_point& s) {
    problem_list p;
    if (!s.when.is_set()) {
        p.push_back({"when", "required"});
    }
    theracore::detail::require_nonempty(p, "reason", s.reason);
    require_flag_ids(p, "fired_flags", s.fired_flags);
    require_flag_ids(p, "flags_not_evaluated", s.flags_not_evaluated);
    return p;
}

problem_list validate(const severity_band& b) {
    problem_list p;
    detail::require_finite(p, "lower", b.lower);
    detail::require_finite(p, "upper", b.upper);
    if (std::isfinite(b.lower) && std::isfinite(b.upper) && b.upper < b.lower) {
        p.push_back({"upper", "must not be below lower (" + detail::number(b.lower) + ")"});
    }
    theracore::detail::require_nonempty(p, "label", b.label);
    return p;
}

problem_list validate(const clinical_cutoff& c) {
    problem_list p;
    detail::require_finite(p, "value", c.value);
    return p;
}

bool is_clinical(double value, const clinical_cutoff& c, score_direction d) noexcept {
    if (value == c.value) {
        return c.at_value == cutoff_side::clinical;
    }
    return d == score_direction::lower_is_better ? value > c.value : value < c.value;
}

problem_list validate(const score_series& s) {
    problem_list p;
    theracore::detail::require_nonempty(p, "instrument_id", s.instrument_id);
    theracore::detail::validate_each(p, "bands", s.bands);
    for (std::size_t i = 1; i < s.bands.size(); ++i) {
        if (s.bands[i].lower <= s.bands[i - 1].upper) {
            p.push_back({"bands[" + std::to_string(i) + "].lower",
                         "bands must ascend without overlap (bands[" + std::to_string(i - 1) +
                             "] ends at " + detail::number(s.bands[i - 1].upper) + ")"});
        }
    }
    if (s.cutoff) {
        theracore::detail::append_prefixed(p, "cutoff", validate(*s.cutoff));
    }
    theracore::detail::validate_each(p, "points", s.points);
    require_increasing(p, "points", s.points);
    theracore::detail::validate_each(p, "unscored", s.unscored);
    require_increasing(p, "unscored", s.unscored);
    std::unordered_map<std::string, std::size_t> scored_at;
    for (std::size_t j = 0; j < s.points.size(); ++j) {
        if (s.points[j].when.is_set()) {
            scored_at.emplace(s.points[j].when.iso8601(), j);
        }
    }
    for (std::size_t i = 0; i < s.unscored.size(); ++i) {
        const auto& u = s.unscored[i].when;
        const auto j = u.is_set() ? scored_at.find(u.iso8601()) : scored_at.end();
        if (j != scored_at.end()) {
            p.push_back({"unscored[" + std::to_string(i) + "].when",
                         u.iso8601() + " duplicates points[" + std::to_string(j->second) +
                             "]; an administration is either scored or not"});
        }
    }
    return p;
}

std::optional<std::size_t> band_index(const std::vector<severity_band>& bands,
                                      double value) noexcept {
    if (bands.empty() || !(value >= bands.front().lower) || value > bands.back().upper) {
        return std::nullopt;
    }
    std::size_t i = 0;
    while (i + 1 < bands.size() && value >= bands[i + 1].lower) {
        ++i;
    }
    return i;
}

problem_list validate(const instrument_score& s) {
    problem_list p;
    theracore::detail::require_nonempty(p, "instrument_id", s.instrument_id);
    detail::require_finite(p, "value", s.value);
    return p;
}

}  // namespace outcomes
THERACORE_NAMESPACE_END
