// SPDX-License-Identifier: Apache-2.0
#include <theracore/care/homework.hpp>

#include "detail/care_validation.hpp"

THERACORE_NAMESPACE_BEGIN
inline namespace care {

problem_list validate(const completion_entry& e) {
    problem_list p;
    detail::require_date(p, "on", e.on);
    if (e.rating) {
        detail::require_range(p, "rating", *e.rating, 0, 10);
    }
    return p;
}

homework_assignment homework_assignment::create(fields f) {
    throw_if_invalid(check(f), "invalid homework_assignment");
    return homework_assignment(std::move(f));
}

problem_list homework_assignment::check(const fields& f) {
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

void homework_assignment::log_completion(completion_entry e) {
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

bool homework_assignment::overdue(date on) const {
    if (on <= f_.due) {
        return false;
    }
    return std::none_of(f_.log.begin(), f_.log.end(), [&](const completion_entry& e) {
        return e.status == completion::done && e.on <= f_.due;
    });
}

adherence_summary homework_assignment::adherence(date from, date to, double partial_credit) const {
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

bool operator==(const homework_assignment& a, const homework_assignment& b) {
    return a.f_ == b.f_;
}

}  // namespace care
THERACORE_NAMESPACE_END
