// SPDX-License-Identifier: Apache-2.0
#include <theracore/care/dyadic.hpp>

#include "detail/care_validation.hpp"

THERACORE_NAMESPACE_BEGIN
inline namespace care {
namespace {

void check_participant_query(const std::string& instrument, const std::vector<client_id>& clients,
                             const std::vector<measure_observation>& observations, int window_days,
                             std::size_t minimum_clients) {
    problem_list p;
    detail::require_nonempty(p, "instrument", instrument);
    if (clients.size() < minimum_clients) {
        p.push_back({"clients", "at least " + std::to_string(minimum_clients) + " are required"});
    }
    for (std::size_t i = 0; i < clients.size(); ++i) {
        detail::require_nonempty(p, detail::indexed("clients", i), clients[i]);
        for (std::size_t j = 0; j < i; ++j) {
            if (!clients[i].empty() && clients[i] == clients[j]) {
                p.push_back({detail::indexed("clients", i),
                             clients[i].str() + " is already " + detail::indexed("clients", j)});
            }
        }
    }
    if (window_days < 0) {
        p.push_back({"window_days", "must not be negative"});
    }
    detail::validate_each(p, "observations", observations);
    throw_if_invalid(p, "invalid participant score query");
}

}  // namespace

participant_score_table side_by_side(const std::string& instrument,
                                     const std::vector<client_id>& clients,
                                     const std::vector<measure_observation>& observations,
                                     int window_days) {
    check_participant_query(instrument, clients, observations, window_days, 2);
    std::vector<std::pair<std::size_t, const measure_observation*>> relevant;
    for (const auto& o : observations) {
        const auto it = std::find(clients.begin(), clients.end(), o.client);
        if (o.instrument == instrument && it != clients.end()) {
            relevant.emplace_back(static_cast<std::size_t>(it - clients.begin()), &o);
        }
    }
    std::stable_sort(relevant.begin(), relevant.end(),
                     [](const auto& a, const auto& b) { return a.second->at < b.second->at; });
    participant_score_table table{instrument, clients, {}};
    for (const auto& [slot, o] : relevant) {
        const date day = o->at.date();
        const bool joins = !table.rows.empty() &&
                           (day - table.rows.back().occasion).days() <= window_days &&
                           !table.rows.back().scores[slot];
        if (!joins) {
            table.rows.push_back({day,
                                  std::vector<std::optional<measure_observation>>(clients.size()),
                                  std::nullopt});
        }
        table.rows.back().scores[slot] = *o;
    }
    for (auto& row : table.rows) {
        std::optional<double> lo, hi;
        int present = 0;
        for (const auto& s : row.scores) {
            if (s) {
                ++present;
                lo = std::min(lo.value_or(s->total), s->total);
                hi = std::max(hi.value_or(s->total), s->total);
            }
        }
        if (present >= 2) {
            row.spread = *hi - *lo;
        }
    }
    return table;
}

dyadic_summary dyadic(const std::string& instrument, const client_id& first,
                      const client_id& second, const std::vector<measure_observation>& observations,
                      int window_days) {
    const auto table = side_by_side(instrument, {first, second}, observations, window_days);
    dyadic_summary s{instrument, first, second, {}, 0, std::nullopt, std::nullopt};
    double sum_abs = 0;
    for (const auto& row : table.rows) {
        dyadic_row r{row.occasion, row.scores[0], row.scores[1], std::nullopt};
        if (r.first && r.second) {
            r.discrepancy = r.first->total - r.second->total;
            ++s.paired_occasions;
            sum_abs += std::fabs(*r.discrepancy);
            s.latest_discrepancy = r.discrepancy;
        }
        s.rows.push_back(std::move(r));
    }
    if (s.paired_occasions > 0) {
        s.mean_absolute_discrepancy = sum_abs / s.paired_occasions;
    }
    return s;
}

session_visibility effective_visibility(const session& s, const care_episode& e) {
    if (s.episode() != e.id()) {
        throw validation_error("session is not part of the episode",
                               {{"episode", "session " + s.id().str() + " belongs to episode " +
                                                s.episode().str() + ", not " + e.id().str()}});
    }
    if (s.data().visibility) {
        return *s.data().visibility;
    }
    const bool single_client = s.attending_clients().size() == 1;
    return single_client && e.participants().size() > 1 ? session_visibility::private_to_attendees
                                                        : session_visibility::shared_with_episode;
}

bool visible_to(const session& s, const care_episode& e, const client_id& viewer) {
    const auto v = effective_visibility(s, e);
    if (s.attended(viewer)) {
        return true;
    }
    return e.includes(viewer) && v == session_visibility::shared_with_episode;
}

bool visible_to(const progress_note& n, const session& s, const care_episode& e,
                const client_id& viewer) {
    if (n.session() != s.id()) {
        throw validation_error("note is not part of the session",
                               {{"session", "note " + n.id().str() + " belongs to session " +
                                                n.session().str() + ", not " + s.id().str()}});
    }
    return visible_to(s, e, viewer);
}

}  // namespace care
THERACORE_NAMESPACE_END
