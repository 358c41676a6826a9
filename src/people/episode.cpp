// SPDX-License-Identifier: Apache-2.0
#include <theracore/people/episode.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace people {

problem_list validate(const presenting_problem& p) {
    problem_list out;
    detail::require_nonempty(out, "description", p.description);
    if (p.code) {
        detail::append_prefixed(out, "code", validate(*p.code));
    }
    return out;
}

care_episode care_episode::create(fields f) {
    throw_if_invalid(check(f), "invalid care_episode");
    return care_episode(std::move(f));
}

problem_list care_episode::check(const fields& f) {
    problem_list p;
    detail::require_nonempty(p, "id", f.id);
    detail::require_nonempty(p, "primary_clinician", f.primary_clinician);
    if (f.opened.is_special()) {
        p.push_back({"opened", "required"});
    }
    check_participants(p, f.kind, f.participants);
    if (f.status == episode_status::closed && !f.closed) {
        p.push_back({"closed", "a closed episode needs a close date"});
    }
    if (f.status != episode_status::closed && f.closed) {
        p.push_back({"closed", "only a closed episode has a close date (status is " +
                                   std::string(to_string(f.status)) + ")"});
    }
    if (f.closed && (f.closed->is_special() || (!f.opened.is_special() && *f.closed < f.opened))) {
        p.push_back({"closed", "the close date must be a date on or after the opening date"});
    }
    detail::validate_each(p, "presenting_problems", f.presenting_problems);
    check_history(p, f);
    return p;
}

bool care_episode::includes(const client_id& c) const noexcept {
    return std::any_of(f_.participants.begin(), f_.participants.end(),
                       [&](const participant& p) { return p.client == c; });
}

void care_episode::transition(episode_status to, date on, std::optional<std::string> reason) {
    if (!episode_transition_allowed(f_.status, to)) {
        throw conflict("care_episode " + f_.id.str() + ": cannot move from " +
                       std::string(to_string(f_.status)) + " to " + std::string(to_string(to)));
    }
    const date earliest = f_.history.empty() ? f_.opened : f_.history.back().on;
    if (on.is_special() || on < earliest) {
        throw validation_error("invalid transition date",
                               {{"on", "must be a date on or after " + to_iso8601(earliest)}});
    }
    f_.history.push_back({f_.status, to, on});
    f_.status = to;
    if (to == episode_status::closed) {
        f_.closed = on;
        f_.close_reason = std::move(reason);
    }
}

void care_episode::add_participant(participant p) {
    fields next = f_;
    next.participants.push_back(std::move(p));
    problem_list problems;
    check_participants(problems, next.kind, next.participants);
    throw_if_invalid(problems, "cannot add participant");
    f_ = std::move(next);
}

void care_episode::check_participants(problem_list& p, episode_kind kind,
                                      const std::vector<participant>& ps) {
    if (ps.empty()) {
        p.push_back({"participants", "an episode needs at least one participant"});
    }
    if (kind == episode_kind::individual && ps.size() > 1) {
        p.push_back({"participants", "an individual episode has exactly one participant"});
    }
    if ((kind == episode_kind::couple || kind == episode_kind::family) && ps.size() == 1) {
        p.push_back({"participants", std::string("a ") + std::string(to_string(kind)) +
                                         " episode needs at least two participants"});
    }
    for (std::size_t i = 0; i < ps.size(); ++i) {
        const std::string path = "participants[" + std::to_string(i) + "]";
        if (ps[i].client.empty()) {
            p.push_back({path + ".client", "required"});
        }
        for (std::size_t j = 0; j < i; ++j) {
            if (!ps[i].client.empty() && ps[i].client == ps[j].client) {
                p.push_back({path + ".client", "client " + ps[i].client.str() +
                                                   " is already participants[" + std::to_string(j) +
                                                   "]"});
            }
        }
    }
}

void care_episode::check_history(problem_list& p, const fields& f) {
    episode_status at = episode_status::referred;
    date last = f.opened;
    for (std::size_t i = 0; i < f.history.size(); ++i) {
        const auto& h = f.history[i];
        const std::string path = "history[" + std::to_string(i) + "]";
        if (h.from != at) {
            p.push_back({path + ".from", "expected " + std::string(to_string(at))});
        }
        if (!episode_transition_allowed(h.from, h.to)) {
            p.push_back({path, "cannot move from " + std::string(to_string(h.from)) + " to " +
                                   std::string(to_string(h.to))});
        }
        if (h.on.is_special() || (!last.is_special() && h.on < last)) {
            p.push_back({path + ".on", "changes must be dated, in order, from the opening"});
        } else {
            last = h.on;
        }
        at = h.to;
    }
    if (!f.history.empty() && at != f.status) {
        p.push_back({"status",
                     "does not match the last history entry (" + std::string(to_string(at)) + ")"});
    }
}

bool operator==(const care_episode& a, const care_episode& b) {
    return a.f_ == b.f_;
}

}  // namespace people
THERACORE_NAMESPACE_END
