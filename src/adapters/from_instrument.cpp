// SPDX-License-Identifier: Apache-2.0
#include <theracore/adapters/from_instrument.hpp>

#include "../outcomes/detail/outcomes.hpp"

THERACORE_NAMESPACE_BEGIN
inline namespace adapters {
namespace {

std::string norm_population_text(const instruments::norm_group& n) {
    return n.name + " (" + std::string(to_string(n.population)) +
           (n.n ? ", n = " + std::to_string(*n.n) : std::string()) + ")";
}

const instruments::norm_group* pick_norm(
    const instruments::scale_psychometrics& ps, const std::optional<std::string>& id,
    std::optional<instruments::norm_population> default_population, const std::string& path,
    std::optional<instruments::norm_population> required_population, problem_list& p) {
    if (!id) {
        for (const auto& n : ps.norms) {
            if (default_population && n.population == *default_population) {
                return &n;
            }
        }
        return nullptr;
    }
    for (const auto& n : ps.norms) {
        if (n.id == *id) {
            if (required_population && n.population != *required_population) {
                p.push_back({path, "norm group \"" + *id + "\" is " +
                                       std::string(to_string(n.population)) + ", not " +
                                       std::string(to_string(*required_population))});
                return nullptr;
            }
            return &n;
        }
    }
    p.push_back({path, "no norm group \"" + *id + "\" on this scale"});
    return nullptr;
}

void add_source(std::vector<std::string>& sources, const std::string& s) {
    if (!s.empty() && std::find(sources.begin(), sources.end(), s) == sources.end()) {
        sources.push_back(s);
    }
}

std::string scale_label(const instruments::instrument& inst, const instruments::scale& s) {
    const auto* total = inst.total();
    return inst.id() + " v" + inst.version() +
           (total && total->id == s.id ? std::string() : " scale " + s.id);
}

}  // namespace

outcomes::change_parameters change_parameters_for(const instruments::instrument& inst,
                                                  std::string_view scale_id,
                                                  const change_parameter_options& options) {
    const auto& s = scale_for(inst, scale_id);
    const auto& ps = s.psychometrics;
    using instruments::norm_population;
    problem_list p;

    const instruments::reliability_estimate* rel = nullptr;
    if (options.supplied_reliability) {
        if (options.reliability) {
            p.push_back(
                {"options.reliability", "name an estimate or supply a reliability, not both"});
        }
        for (auto& q : validate(*options.supplied_reliability)) {
            p.push_back({"options.supplied_reliability." + q.path, q.message});
        }
    } else if (options.reliability) {
        for (const auto& r : ps.reliability) {
            rel = r.id == *options.reliability ? &r : rel;
        }
        if (!rel) {
            p.push_back({"options.reliability",
                         "no reliability estimate \"" + *options.reliability + "\" on this scale"});
        }
    } else if (ps.reliability.empty()) {
        p.push_back({"psychometrics.reliability",
                     scale_label(inst, s) +
                         " has no reliability estimate; the reliable change index needs one"});
    } else {
        rel = &ps.reliability.front();
    }
    if (rel && rel->kind == instruments::reliability_kind::other) {
        p.push_back({"psychometrics.reliability[" + rel->id + "].kind",
                     "kind \"other\" is neither test-retest nor Cronbach's alpha; choose another "
                     "estimate with options.reliability"});
    }
    const instruments::norm_group* sd = nullptr;
    if (options.supplied_sd) {
        if (options.sd_norm_group) {
            p.push_back({"options.sd_norm_group", "name a norm group or supply an SD, not both"});
        }
        for (auto& q : validate(*options.supplied_sd)) {
            p.push_back({"options.supplied_sd." + q.path, q.message});
        }
    } else {
        sd = pick_norm(ps, options.sd_norm_group, norm_population::clinical,
                       "options.sd_norm_group", std::nullopt, p);
    }
    if (!sd && !options.sd_norm_group && !options.supplied_sd) {
        p.push_back(
            {"psychometrics.norms",
             scale_label(inst, s) +
                 " has no clinical norm group to take the SD (s1) from; name a norm "
                 "group with options.sd_norm_group or supply one with options.supplied_sd"});
    }
    const auto* functional =
        pick_norm(ps, options.functional_norm_group, norm_population::non_clinical,
                  "options.functional_norm_group", norm_population::non_clinical, p);
    const auto* dysfunctional =
        pick_norm(ps, options.dysfunctional_norm_group, norm_population::clinical,
                  "options.dysfunctional_norm_group", norm_population::clinical, p);
    if (!std::isfinite(options.z) || options.z <= 0) {
        p.push_back({"options.z", "the z criterion must be positive"});
    }
    throw_if_invalid(p, "cannot take change parameters from " + scale_label(inst, s));

    outcomes::change_parameters out;
    out.instrument_id = inst.id();
    out.instrument_version = inst.version();
    out.direction = direction_of(inst.direction());
    out.sd = sd ? outcomes::standard_deviation{sd->sd, norm_population_text(*sd), sd->source}
                : *options.supplied_sd;
    if (rel) {
        out.reliability = {rel->value,
                           rel->kind == instruments::reliability_kind::cronbach_alpha
                               ? outcomes::reliability_kind::cronbach_alpha
                               : outcomes::reliability_kind::test_retest,
                           rel->source};
    } else {
        out.reliability = *options.supplied_reliability;
    }
    out.z = options.z;
    const auto range = instruments::detail::range_of(inst.data(), s);
    if (range.known && range.bounded) {
        out.range = outcomes::score_range{range.lo, range.hi};
    }
    std::vector<std::string> sources;
    // A supplied value without a source is still named, so the provenance never hides it.
    add_source(sources, out.reliability.source.empty() ? "reliability supplied by the caller"
                                                       : out.reliability.source);
    add_source(sources, out.sd.source.empty() ? "SD supplied by the caller" : out.sd.source);
    if (functional) {
        out.functional =
            outcomes::population_norm{functional->mean, functional->sd,
                                      norm_population_text(*functional), functional->source};
        add_source(sources, functional->source);
    }
    if (dysfunctional) {
        out.dysfunctional =
            outcomes::population_norm{dysfunctional->mean, dysfunctional->sd,
                                      norm_population_text(*dysfunctional), dysfunctional->source};
        add_source(sources, dysfunctional->source);
    }
    std::string joined;
    for (const auto& src : sources) {
        joined += (joined.empty() ? "" : "; ") + src;
    }
    out.provenance = {outcomes::parameter_origin::named_source,
                      scale_label(inst, s) + " (" + joined + ")"};
    throw_if_invalid(validate(out), "invalid change parameters from " + inst.id());
    return out;
}

outcomes::talking_therapies_rule_set talking_therapies_rule_set_for(
    const instruments::instrument& inst, std::string_view criterion_id, std::string_view scale_id) {
    const auto& s = scale_for(inst, scale_id);
    for (const auto& c : s.psychometrics.change_criteria) {
        if (c.id != criterion_id) {
            continue;
        }
        if (!c.caseness) {
            throw validation_error(
                "not a Talking Therapies rule set",
                {{"psychometrics.change_criteria[" + c.id + "].caseness",
                  scale_label(inst, s) + " criterion " + c.id + " has no caseness threshold"}});
        }
        outcomes::talking_therapies_rule_set r{
            c.id + "." + inst.id(), inst.id(), direction_of(inst.direction()), *c.caseness,
            c.reliable_change,      c.source};
        throw_if_invalid(validate(r), "invalid rule set from " + inst.id());
        return r;
    }
    throw validation_error("no rule set",
                           {{"criterion_id", scale_label(inst, s) + " has no change criterion \"" +
                                                 std::string(criterion_id) + "\""}});
}

outcomes::alert_rule_parameters alert_rules_for(const instruments::instrument& inst,
                                                instruments::flag_severity min_severity) {
    outcomes::alert_rule_parameters r;
    r.instrument_id = inst.id();
    for (const auto& f : inst.flags()) {
        if (f.severity >= min_severity) {
            r.critical_flags.push_back(f.id);
        }
    }
    r.critical_items = !r.critical_flags.empty();
    return r;
}

std::optional<outcomes::clinical_cutoff> clinical_cutoff_for(const instruments::instrument& inst,
                                                             std::string_view scale_id,
                                                             std::string_view cut_off_id) {
    const auto& s = scale_for(inst, scale_id);
    const instruments::cut_off* c = nullptr;
    for (const auto& x : s.cut_offs) {
        const bool primary = !x.alternative_to && x.population.empty();
        if (cut_off_id.empty() ? (primary && !c) : x.id == cut_off_id) {
            c = &x;
        }
    }
    if (!c) {
        if (cut_off_id.empty()) {
            return std::nullopt;
        }
        throw validation_error("no such cut-off",
                               {{"cut_off_id", scale_label(inst, s) + " has no cut-off \"" +
                                                   std::string(cut_off_id) + "\""}});
    }
    using instruments::comparison;
    const bool upward = c->test == comparison::at_least || c->test == comparison::greater_than;
    const bool downward = c->test == comparison::at_most || c->test == comparison::less_than;
    const bool worse_up = inst.direction() == instruments::score_direction::higher_is_worse;
    if (!(worse_up ? upward : downward)) {
        throw validation_error(
            "cut-off does not mark the clinical side",
            {{"cut_off_id", "cut-off " + c->id + " (" + std::string(to_string(c->test)) + " " +
                                instruments::detail::num(c->threshold) +
                                ") does not point towards the worse end of " + inst.id()}});
    }
    const bool at_value_met = instruments::compare(c->threshold, c->test, c->threshold);
    return outcomes::clinical_cutoff{
        c->threshold,
        at_value_met ? outcomes::cutoff_side::clinical : outcomes::cutoff_side::functional,
        c->name + " (" + c->source + ")"};
}

administration_series series_for(const instruments::instrument& inst,
                                 const std::vector<instruments::administration>& administrations,
                                 const std::vector<session>& sessions,
                                 const series_options& options) {
    const auto& s = scale_for(inst, options.scale);
    problem_list p;
    for (std::size_t i = 0; i < administrations.size(); ++i) {
        const auto& a = administrations[i];
        const auto path = "administrations[" + std::to_string(i) + "]";
        theracore::detail::append_prefixed(p, path, validate(a));
        if (a.instrument != inst.id()) {
            p.push_back({path + ".instrument", a.instrument + " is not " + inst.id()});
        }
        if (a.client != administrations.front().client) {
            p.push_back({path + ".client", a.client.str() + " is not " +
                                               administrations.front().client.str() +
                                               " (a series is one client's)"});
        }
    }
    std::map<administration_id, session_id> session_of;
    for (std::size_t j = 0; j < sessions.size(); ++j) {
        for (const auto& m : sessions[j].data().measures) {
            const auto [it, fresh] = session_of.emplace(m, sessions[j].id());
            if (!fresh && it->second != sessions[j].id()) {
                p.push_back({"sessions[" + std::to_string(j) + "].measures",
                             "administration " + m.str() + " is also a measure of session " +
                                 it->second.str()});
            }
        }
    }
    std::vector<std::size_t> order(administrations.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        return administrations[x].administered_at < administrations[y].administered_at;
    });
    for (std::size_t k = 1; k < order.size(); ++k) {
        const auto& a = administrations[order[k]];
        const auto& prev = administrations[order[k - 1]];
        if (!a.administered_at.is_special() && a.administered_at == prev.administered_at) {
            p.push_back({"administrations[" + std::to_string(order[k]) + "].administered_at",
                         "administrations " + prev.id.str() + " and " + a.id.str() +
                             " have the same time " + to_iso8601(a.administered_at)});
        }
    }

    administration_series out;
    out.series.instrument_id = inst.id();
    out.series.instrument_version = inst.version();
    out.series.instrument_name = inst.name();
    if (!s.band_sets.empty()) {
        const instruments::band_set* set = nullptr;
        for (const auto& b : s.band_sets) {
            set = (options.band_set.empty() ? !set : b.id == options.band_set) ? &b : set;
        }
        if (!set) {
            p.push_back({"options.band_set",
                         scale_label(inst, s) + " has no band set \"" + options.band_set + "\""});
        } else {
            for (std::size_t i = 0; i < set->bands.size(); ++i) {
                const auto& b = set->bands[i];
                if (i > 0 && b.min <= set->bands[i - 1].max) {
                    p.push_back({"options.band_set",
                                 "bands " + set->bands[i - 1].label + " and " + b.label + " of " +
                                     set->id +
                                     " meet at a shared bound, which a score_series cannot "
                                     "express"});
                }
                out.series.bands.push_back({b.min, b.max, b.label});
            }
        }
    } else if (!options.band_set.empty()) {
        p.push_back({"options.band_set", scale_label(inst, s) + " has no band sets"});
    }
    throw_if_invalid(p, "cannot build a " + inst.id() + " series");
    out.series.cutoff = clinical_cutoff_for(inst, s.id, options.cut_off);

    for (const auto i : order) {
        const auto& a = administrations[i];
        std::vector<std::string> fired;
        for (const auto& f : a.result.flags) {
            if (f.severity >= options.flag_severity) {
                fired.push_back(f.id);
            }
        }
        std::vector<std::string> not_evaluated;
        if (auto missing = critical_flags_not_evaluated(inst, a, options.flag_severity)) {
            not_evaluated = missing->flags;
            out.flags_not_evaluated.push_back(std::move(*missing));
        }
        std::optional<session_id> session;
        if (const auto found = session_of.find(a.id); found != session_of.end()) {
            session = found->second;
        }
        const auto reading = read_scale(inst, a, s);
        if (!reading.score) {
            // Not on the scale, but its critical items still count (issue 15, correction 1).
            const auto& u = *reading.unscored;
            out.series.unscored.push_back(
                {outcomes::observation_time(a.administered_at), session, a.id,
                 std::string(to_string(u.reason)) + (u.detail.empty() ? "" : ": " + u.detail),
                 std::move(fired), std::move(not_evaluated)});
            out.unscored.push_back(u);
            continue;
        }
        outcomes::score_point pt;
        pt.when = outcomes::observation_time(a.administered_at);
        pt.value = *reading.score->value;
        pt.session = session;
        pt.administration = a.id;
        pt.fired_flags = std::move(fired);
        pt.flags_not_evaluated = std::move(not_evaluated);
        out.series.points.push_back(std::move(pt));
    }
    return out;
}

}  // namespace adapters
THERACORE_NAMESPACE_END
