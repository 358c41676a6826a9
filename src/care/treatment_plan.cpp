// SPDX-License-Identifier: Apache-2.0
#include <theracore/care/treatment_plan.hpp>

#include "detail/care_validation.hpp"

THERACORE_NAMESPACE_BEGIN
inline namespace care {

problem_list validate(const measure_target& m) {
    problem_list p;
    detail::require_nonempty(p, "instrument", m.instrument);
    detail::require_finite(p, "threshold", m.threshold);
    if (m.client && m.client->empty()) {
        p.push_back({"client", "must not be empty when given"});
    }
    return p;
}

problem_list validate(const gas_rating& r) {
    problem_list p;
    detail::require_date(p, "on", r.on);
    detail::require_range(p, "level", r.level, -2, 2);
    detail::require_nonempty(p, "rated_by", r.rated_by);
    return p;
}

problem_list validate(const gas_scale& g) {
    problem_list p;
    detail::require_nonempty(p, "much_less_than_expected", g.much_less_than_expected);
    detail::require_nonempty(p, "less_than_expected", g.less_than_expected);
    detail::require_nonempty(p, "expected", g.expected);
    detail::require_nonempty(p, "more_than_expected", g.more_than_expected);
    detail::require_nonempty(p, "much_more_than_expected", g.much_more_than_expected);
    if (g.baseline_level) {
        detail::require_range(p, "baseline_level", *g.baseline_level, -2, 2);
    }
    if (g.weight && !(*g.weight > 0 && std::isfinite(*g.weight))) {
        p.push_back({"weight", "must be a positive number"});
    }
    detail::validate_each(p, "ratings", g.ratings);
    for (std::size_t i = 1; i < g.ratings.size(); ++i) {
        if (!g.ratings[i].on.is_special() && !g.ratings[i - 1].on.is_special() &&
            g.ratings[i].on < g.ratings[i - 1].on) {
            p.push_back({detail::indexed("ratings", i) + ".on", "ratings must be in date order"});
        }
    }
    return p;
}

const std::string& gas_description(const gas_scale& g, int level) {
    switch (level) {
        case -2:
            return g.much_less_than_expected;
        case -1:
            return g.less_than_expected;
        case 0:
            return g.expected;
        case 1:
            return g.more_than_expected;
        case 2:
            return g.much_more_than_expected;
        default:
            throw validation_error(
                "invalid GAS level",
                {{"level", "must be between -2 and 2 (got " + std::to_string(level) + ")"}});
    }
}

std::optional<gas_rating> gas_rating_on(const gas_scale& g, date on) {
    std::optional<gas_rating> latest;
    for (const auto& r : g.ratings) {
        if (r.on <= on) {
            latest = r;
        }
    }
    return latest;
}

problem_list validate(const objective& o) {
    problem_list p;
    detail::require_nonempty(p, "statement", o.statement);
    if (o.target_date) {
        detail::require_date(p, "target_date", *o.target_date);
    }
    if (o.met_on) {
        detail::require_date(p, "met_on", *o.met_on);
    }
    return p;
}

problem_list validate(const planned_intervention& i) {
    problem_list p;
    detail::append_prefixed(p, "modality", validate(i.modality));
    return p;
}

problem_list validate(const plan_goal& g) {
    problem_list p;
    detail::require_nonempty(p, "id", g.id);
    detail::require_nonempty(p, "statement", g.statement);
    detail::require_nonempty(p, "measured_by", g.measured_by);
    detail::require_nonempty(p, "target", g.target);
    detail::require_date(p, "due", g.due);
    detail::validate_each(p, "objectives", g.objectives);
    for (std::size_t i = 0; i < g.objectives.size(); ++i) {
        const auto& t = g.objectives[i].target_date;
        if (t && !t->is_special() && !g.due.is_special() && *t > g.due) {
            p.push_back({detail::indexed("objectives", i) + ".target_date",
                         "is after the goal's due date " + to_iso8601(g.due)});
        }
    }
    detail::validate_each(p, "interventions", g.interventions);
    if (g.measure) {
        detail::append_prefixed(p, "measure", validate(*g.measure));
    }
    if (g.gas) {
        detail::append_prefixed(p, "gas", validate(*g.gas));
    }
    if (g.revises && (g.revises->empty() || *g.revises == g.id)) {
        p.push_back({"revises", "must name another goal"});
    }
    goal_status at = goal_status::proposed;
    std::optional<date> last;
    for (std::size_t i = 0; i < g.history.size(); ++i) {
        const auto& h = g.history[i];
        const std::string path = detail::indexed("history", i);
        if (h.from != at) {
            p.push_back({path + ".from", "expected " + std::string(to_string(at))});
        }
        if (!goal_transition_allowed(h.from, h.to)) {
            p.push_back({path, "cannot move from " + std::string(to_string(h.from)) + " to " +
                                   std::string(to_string(h.to))});
        }
        if (h.on.is_special() || (last && h.on < *last)) {
            p.push_back({path + ".on", "status changes must be dated and in order"});
        } else {
            last = h.on;
        }
        at = h.to;
    }
    if (at != g.status) {
        p.push_back({"status", "does not match the history (which ends at " +
                                   std::string(to_string(at)) + ")"});
    }
    return p;
}

problem_list validate(const plan_problem& pr) {
    problem_list p;
    detail::require_nonempty(p, "key", pr.key);
    detail::require_nonempty(p, "description", pr.description);
    if (pr.code) {
        detail::append_prefixed(p, "code", validate(*pr.code));
    }
    return p;
}

problem_list validate(const client_agreement& a) {
    problem_list p;
    detail::require_nonempty(p, "agreed_by", a.agreed_by);
    detail::require_date(p, "on", a.on);
    if (a.client && a.client->empty()) {
        p.push_back({"client", "must not be empty when given"});
    }
    return p;
}

measure_evaluation evaluate_measure_goal(const plan_goal& g,
                                         const std::vector<measure_observation>& observations,
                                         date on) {
    if (!g.measure) {
        throw validation_error("cannot evaluate goal " + g.id.str(),
                               {{"measure", "the goal is not bound to a measure"}});
    }
    if (on.is_special() || g.due.is_special()) {
        throw validation_error("cannot evaluate goal " + g.id.str(),
                               {{on.is_special() ? "on" : "due", "required"}});
    }
    const auto& m = *g.measure;
    problem_list problems;
    detail::validate_each(problems, "observations", observations);
    throw_if_invalid(problems, "invalid observations");
    const date cutoff = std::min(on, g.due);
    std::optional<measure_observation> latest;
    std::optional<client_id> seen;
    for (const auto& o : observations) {
        if (o.instrument != m.instrument || (m.client && o.client != *m.client)) {
            continue;
        }
        if (!m.client) {
            if (seen && *seen != o.client) {
                throw validation_error(
                    "cannot evaluate goal " + g.id.str(),
                    {{"measure.client", "required: " + m.instrument +
                                            " scores come from several clients (" + seen->str() +
                                            ", " + o.client.str() + ")"}});
            }
            seen = o.client;
        }
        if (o.at.date() <= cutoff && (!latest || o.at >= latest->at)) {
            latest = o;
        }
    }
    measure_evaluation e;
    e.evidence = latest;
    if (!latest) {
        e.status = measure_status::no_data;
    } else if (meets(m.comparison, latest->total, m.threshold)) {
        e.status = measure_status::met;
    } else {
        e.status = on > g.due ? measure_status::missed : measure_status::not_met;
    }
    return e;
}

treatment_plan treatment_plan::create(fields f) {
    throw_if_invalid(check(f), "invalid treatment_plan");
    return treatment_plan(std::move(f));
}

problem_list treatment_plan::check(const fields& f) {
    problem_list p;
    detail::require_nonempty(p, "id", f.id);
    detail::require_nonempty(p, "episode", f.episode);
    if (f.clients.empty()) {
        p.push_back({"clients", "a plan is for at least one client"});
    }
    for (std::size_t i = 0; i < f.clients.size(); ++i) {
        detail::require_nonempty(p, detail::indexed("clients", i), f.clients[i]);
        for (std::size_t j = 0; j < i; ++j) {
            if (!f.clients[i].empty() && f.clients[i] == f.clients[j]) {
                p.push_back({detail::indexed("clients", i), "client " + f.clients[i].str() +
                                                                " is already clients[" +
                                                                std::to_string(j) + "]"});
            }
        }
    }
    if (f.versions.empty()) {
        p.push_back({"versions", "a plan has at least one version"});
    }
    for (std::size_t i = 0; i < f.versions.size(); ++i) {
        const std::string path = detail::indexed("versions", i);
        const plan_version* prev = i == 0 ? nullptr : &f.versions[i - 1];
        detail::append_prefixed(p, path, check_version(f.versions[i], i, prev, f.clients));
    }
    return p;
}

const plan_version& treatment_plan::current() const {
    if (f_.versions.empty()) {
        throw not_found("treatment_plan " + f_.id.str() + " has no version");
    }
    return f_.versions.back();
}

const plan_version& treatment_plan::version(int number) const {
    if (number < 1 || static_cast<std::size_t>(number) > f_.versions.size()) {
        throw not_found("treatment_plan " + f_.id.str() + " has no version " +
                        std::to_string(number));
    }
    return f_.versions[static_cast<std::size_t>(number - 1)];
}

plan_review_status treatment_plan::review_status(date on, int notice_days) const {
    if (notice_days < 0 || on.is_special()) {
        throw validation_error("invalid review query",
                               {{notice_days < 0 ? "notice_days" : "on",
                                 notice_days < 0 ? "must not be negative" : "required"}});
    }
    const date review = current().review_due;
    if (on > review) {
        return plan_review_status::overdue;
    }
    if (on >= review - boost::gregorian::days(notice_days)) {
        return plan_review_status::due;
    }
    return plan_review_status::not_due;
}

auto treatment_plan::draft_revision(date effective, clinician_id author, std::string reason) const
    -> revision {
    const auto& c = current();
    return revision{effective,  std::move(author), std::move(reason),
                    c.problems, c.goals,           c.review_due};
}

void treatment_plan::revise(revision r) {
    const plan_version& prev = current();
    plan_version next;
    next.number = prev.number + 1;
    next.effective = r.effective;
    next.author = std::move(r.author);
    next.change_reason = std::move(r.reason);
    next.problems = std::move(r.problems);
    next.goals = std::move(r.goals);
    next.review_due = r.review_due;
    for (const auto& g : next.goals) {
        if (g.revises) {
            for (auto& old : next.goals) {
                if (old.id == *g.revises && old.status != goal_status::revised) {
                    old.status = goal_status::revised;
                }
            }
        }
    }
    for (auto& g : next.goals) {
        const auto it = std::find_if(prev.goals.begin(), prev.goals.end(),
                                     [&](const plan_goal& x) { return x.id == g.id; });
        if (it == prev.goals.end() || g.status == it->status ||
            g.history.size() != it->history.size()) {
            continue;
        }
        if (!goal_transition_allowed(it->status, g.status)) {
            throw conflict("goal " + g.id.str() + ": cannot move from " +
                           std::string(to_string(it->status)) + " to " +
                           std::string(to_string(g.status)));
        }
        if (g.status == goal_status::active) {
            throw conflict("goal " + g.id.str() +
                           ": cannot move from proposed to active before anyone has agreed "
                           "to plan version " +
                           std::to_string(next.number));
        }
        g.history.push_back({it->status, g.status, r.effective, next.change_reason});
    }
    fields candidate = f_;
    candidate.versions.push_back(std::move(next));
    throw_if_invalid(check(candidate), "invalid revision of treatment_plan " + f_.id.str());
    f_ = std::move(candidate);
}

void treatment_plan::record_agreement(client_agreement a) {
    problem_list p = validate(a);
    const auto& c = current();
    if (!a.on.is_special() && a.on < c.effective) {
        p.push_back({"on", "is before version " + std::to_string(c.number) + " took effect (" +
                               to_iso8601(c.effective) + ")"});
    }
    if (a.client && !is_client(*a.client)) {
        p.push_back({"client", a.client->str() + " is not one of the plan's clients"});
    }
    throw_if_invalid(p, "invalid agreement");
    f_.versions.back().agreements.push_back(std::move(a));
}

void treatment_plan::transition_goal(const goal_id& id, goal_status to, date on,
                                     std::optional<std::string> reason) {
    const std::size_t index = goal_index(id);
    plan_version& v = f_.versions.back();
    plan_goal& g = v.goals[index];
    if (!goal_transition_allowed(g.status, to)) {
        throw conflict("goal " + id.str() + ": cannot move from " +
                       std::string(to_string(g.status)) + " to " + std::string(to_string(to)));
    }
    if (to == goal_status::revised) {
        throw validation_error("cannot revise goal " + id.str() + " in place",
                               {{"to",
                                 "a goal is revised by revising the plan: add the new goal with "
                                 "`revises` set to " +
                                     id.str()}});
    }
    if (to == goal_status::active && v.agreements.empty()) {
        throw conflict("goal " + id.str() +
                       ": cannot move from proposed to active before "
                       "anyone has agreed to plan version " +
                       std::to_string(v.number));
    }
    check_change_date(on, v,
                      g.history.empty() ? std::nullopt : std::optional<date>(g.history.back().on));
    g.history.push_back({g.status, to, on, std::move(reason)});
    g.status = to;
}

void treatment_plan::record_gas_rating(const goal_id& id, gas_rating r) {
    const std::size_t at = goal_index(id);
    plan_version& v = f_.versions.back();
    plan_goal& g = v.goals[at];
    if (!g.gas) {
        throw validation_error("cannot rate goal " + id.str(),
                               {{"gas", "the goal has no GAS scale"}});
    }
    if (g.status != goal_status::active) {
        throw conflict("goal " + id.str() + ": cannot record attainment of a " +
                       std::string(to_string(g.status)) + " goal (only an active one)");
    }
    throw_if_invalid(validate(r), "invalid gas_rating");
    check_change_date(
        r.on, v,
        g.gas->ratings.empty() ? std::nullopt : std::optional<date>(g.gas->ratings.back().on));
    g.gas->ratings.push_back(std::move(r));
}

void treatment_plan::mark_objective_met(const goal_id& id, std::size_t index, date on) {
    const std::size_t at = goal_index(id);
    plan_version& v = f_.versions.back();
    plan_goal& g = v.goals[at];
    if (index >= g.objectives.size()) {
        throw not_found("goal " + id.str() + " has no objective " + std::to_string(index));
    }
    if (is_final(g.status)) {
        throw conflict("goal " + id.str() + " is " + std::string(to_string(g.status)) +
                       "; its objectives can no longer change");
    }
    auto& o = g.objectives[index];
    if (o.met_on) {
        throw conflict("goal " + id.str() + ": objective " + std::to_string(index) +
                       " was already met on " + to_iso8601(*o.met_on));
    }
    check_change_date(on, v, std::nullopt);
    o.met_on = on;
}

std::size_t treatment_plan::goal_index(const goal_id& id) const {
    const auto& goals = current().goals;
    for (std::size_t i = 0; i < goals.size(); ++i) {
        if (goals[i].id == id) {
            return i;
        }
    }
    throw not_found("treatment_plan " + f_.id.str() + " has no goal " + id.str());
}

void treatment_plan::check_change_date(date on, const plan_version& v, std::optional<date> last) {
    if (on.is_special()) {
        throw validation_error("invalid date", {{"on", "required"}});
    }
    if (on < v.effective) {
        throw validation_error("invalid date",
                               {{"on", "is before version " + std::to_string(v.number) +
                                           " took effect (" + to_iso8601(v.effective) + ")"}});
    }
    if (last && on < *last) {
        throw validation_error("invalid date",
                               {{"on", "is before the last change (" + to_iso8601(*last) + ")"}});
    }
}

const plan_goal* treatment_plan::find_goal(const plan_version& v, const goal_id& id) {
    for (const auto& g : v.goals) {
        if (g.id == id) {
            return &g;
        }
    }
    return nullptr;
}

problem_list treatment_plan::check_version(const plan_version& v, std::size_t index,
                                           const plan_version* prev,
                                           const std::vector<client_id>& clients) {
    problem_list p;
    if (v.number != static_cast<int>(index) + 1) {
        p.push_back({"number", "expected " + std::to_string(index + 1)});
    }
    detail::require_date(p, "effective", v.effective);
    detail::require_nonempty(p, "author", v.author);
    if (prev != nullptr && (!v.change_reason || v.change_reason->empty())) {
        p.push_back({"change_reason", "a revision must say why the plan changed"});
    }
    detail::require_date(p, "review_due", v.review_due);
    if (!v.review_due.is_special() && !v.effective.is_special() && v.review_due < v.effective) {
        p.push_back({"review_due", "is before the version took effect"});
    }
    if (prev != nullptr && !v.effective.is_special() && !prev->effective.is_special() &&
        v.effective < prev->effective) {
        p.push_back({"effective", "is before version " + std::to_string(prev->number) + " (" +
                                      to_iso8601(prev->effective) + ")"});
    }
    detail::validate_each(p, "problems", v.problems);
    for (std::size_t i = 0; i < v.problems.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (!v.problems[i].key.empty() && v.problems[i].key == v.problems[j].key) {
                p.push_back({detail::indexed("problems", i) + ".key", "key " + v.problems[i].key +
                                                                          " is already problems[" +
                                                                          std::to_string(j) + "]"});
            }
        }
    }
    detail::validate_each(p, "goals", v.goals);
    for (std::size_t i = 0; i < v.goals.size(); ++i) {
        check_goal_in_version(p, v, i, prev, clients);
    }
    detail::validate_each(p, "agreements", v.agreements);
    for (std::size_t i = 0; i < v.agreements.size(); ++i) {
        const auto& a = v.agreements[i];
        const std::string path = detail::indexed("agreements", i);
        if (!a.on.is_special() && !v.effective.is_special() && a.on < v.effective) {
            p.push_back({path + ".on", "is before the version took effect"});
        }
        if (a.client && !a.client->empty() && !contains_id(clients, *a.client)) {
            p.push_back({path + ".client", a.client->str() + " is not one of the plan's clients"});
        }
    }
    if (prev != nullptr) {
        for (const auto& old : prev->goals) {
            if (find_goal(v, old.id) == nullptr) {
                p.push_back({"goals", "goal " + old.id.str() +
                                          " of the previous version is missing (close a goal "
                                          "by discontinuing it, never by deleting it)"});
            }
        }
    }
    return p;
}

void treatment_plan::check_goal_in_version(problem_list& p, const plan_version& v, std::size_t i,
                                           const plan_version* prev,
                                           const std::vector<client_id>& clients) {
    const plan_goal& g = v.goals[i];
    const std::string path = detail::indexed("goals", i);
    for (std::size_t j = 0; j < i; ++j) {
        if (!g.id.empty() && g.id == v.goals[j].id) {
            p.push_back({path + ".id",
                         "goal " + g.id.str() + " is already goals[" + std::to_string(j) + "]"});
        }
    }
    for (std::size_t k = 0; k < g.addresses.size(); ++k) {
        const auto& key = g.addresses[k];
        const bool known = std::any_of(v.problems.begin(), v.problems.end(),
                                       [&](const plan_problem& pr) { return pr.key == key; });
        if (!known) {
            p.push_back(
                {path + "." + detail::indexed("addresses", k), "no problem has key " + key});
        }
    }
    if (g.measure && g.measure->client && !g.measure->client->empty() &&
        !contains_id(clients, *g.measure->client)) {
        p.push_back({path + ".measure.client",
                     g.measure->client->str() + " is not one of the plan's clients"});
    }
    if (g.revises && !g.revises->empty() && *g.revises != g.id) {
        const plan_goal* old = find_goal(v, *g.revises);
        if (old == nullptr) {
            p.push_back({path + ".revises", "no goal " + g.revises->str() + " in this version"});
        } else if (old->status != goal_status::revised) {
            p.push_back({path + ".revises", "goal " + g.revises->str() + " is " +
                                                std::string(to_string(old->status)) +
                                                ", not revised"});
        }
    }
    if (g.status == goal_status::revised) {
        const bool replaced = std::any_of(v.goals.begin(), v.goals.end(), [&](const plan_goal& x) {
            return x.revises && *x.revises == g.id;
        });
        if (!replaced) {
            p.push_back({path + ".status",
                         "a revised goal must be replaced by a goal that "
                         "names it in `revises`"});
        }
    }
    const plan_goal* before = prev == nullptr ? nullptr : find_goal(*prev, g.id);
    if (before == nullptr) {
        if (v.agreements.empty() && g.status != goal_status::proposed &&
            g.status != goal_status::revised && g.status != goal_status::discontinued) {
            p.push_back({path + ".status",
                         "a goal introduced in a version nobody has agreed to must be "
                         "proposed (is " +
                             std::string(to_string(g.status)) + ")"});
        }
        return;
    }
    if (is_final(before->status) && !(g == *before)) {
        p.push_back({path, "goal " + g.id.str() + " was " + std::string(to_string(before->status)) +
                               " in the previous version and can no longer change"});
        return;
    }
    const bool history_grows =
        g.history.size() >= before->history.size() &&
        std::equal(before->history.begin(), before->history.end(), g.history.begin());
    if (!history_grows) {
        p.push_back({path + ".history", "rewrites the history of the previous version"});
    }
    if (g.gas && before->gas) {
        const auto& was = before->gas->ratings;
        const auto& now = g.gas->ratings;
        if (now.size() < was.size() || !std::equal(was.begin(), was.end(), now.begin())) {
            p.push_back({path + ".gas.ratings", "drops or rewrites earlier ratings"});
        }
    }
}

void check_plan_update(const treatment_plan& before, const treatment_plan& after) {
    if (before.id() != after.id()) {
        throw validation_error("not the same plan",
                               {{"id", "is " + after.id().str() + ", not " + before.id().str()}});
    }
    const auto& b = before.versions();
    const auto& a = after.versions();
    if (a.size() < b.size()) {
        throw conflict("treatment_plan " + before.id().str() + ": cannot drop versions (has " +
                       std::to_string(b.size()) + ", update has " + std::to_string(a.size()) + ")");
    }
    for (std::size_t i = 0; i < b.size(); ++i) {
        const bool live = i + 1 == b.size() && a.size() == b.size();
        if (!live && !(a[i] == b[i])) {
            throw conflict("treatment_plan " + before.id().str() + ": version " +
                           std::to_string(b[i].number) + " is superseded and read-only");
        }
    }
}

bool operator==(const treatment_plan& a, const treatment_plan& b) {
    return a.f_ == b.f_;
}

}  // namespace care
THERACORE_NAMESPACE_END
