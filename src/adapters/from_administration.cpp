// SPDX-License-Identifier: Apache-2.0
#include <theracore/adapters/from_administration.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace adapters {
namespace {

problem_list check_administrations(
    const std::vector<instruments::administration>& administrations) {
    problem_list p;
    detail::validate_each(p, "administrations", administrations);
    return p;
}

}  // namespace

measure_observation_set measure_observations(
    const instruments::catalog& instruments,
    const std::vector<instruments::administration>& administrations) {
    throw_if_invalid(check_administrations(administrations), "invalid administrations");
    measure_observation_set out;
    for (const auto& a : administrations) {
        const auto* inst = instruments.find(a.instrument);
        if (!inst || !inst->total()) {
            out.unscored.push_back(
                {a.id,
                 a.instrument,
                 a.instrument_version,
                 a.administered_at,
                 {},
                 inst ? unscored_reason::no_total_scale : unscored_reason::unknown_instrument,
                 inst ? a.instrument + " has no total scale"
                      : a.instrument + " is not in the catalog"});
            continue;
        }
        const auto reading = read_scale(*inst, a, *inst->total());
        if (!reading.score) {
            out.unscored.push_back(*reading.unscored);
            continue;
        }
        out.observations.push_back(
            {a.instrument, a.client, a.administered_at, *reading.score->value, a.id});
    }
    return out;
}

observed_score_set observed_scores(
    const instruments::catalog& instruments,
    const std::vector<instruments::administration>& administrations) {
    throw_if_invalid(check_administrations(administrations), "invalid administrations");
    observed_score_set out;
    for (const auto& a : administrations) {
        const auto* inst = instruments.find(a.instrument);
        const auto finding = [&](unscored_reason why, std::string scale, std::string detail) {
            out.unscored.push_back({a.id, a.instrument, a.instrument_version, a.administered_at,
                                    std::move(scale), why, std::move(detail)});
        };
        if (!inst) {
            finding(unscored_reason::unknown_instrument, {},
                    a.instrument + " is not in the catalog");
            continue;
        }
        const instruments::derived_rule* triage = nullptr;
        for (const auto& d : inst->derived()) {
            if (!triage && std::holds_alternative<instruments::triage_rule>(d.rule)) {
                triage = &d;
            }
        }
        if (!inst->total() && !triage) {
            finding(unscored_reason::no_total_scale, {},
                    a.instrument + " has no total scale and no triage rule");
            continue;
        }
        observed_score o{a.instrument, a.administered_at.date(), std::nullopt, std::nullopt, a.id};
        if (inst->total()) {
            const auto reading = read_scale(*inst, a, *inst->total());
            if (reading.score) {
                o.total = reading.score->value;
                if (!triage && !reading.score->band_label.empty()) {
                    o.level = reading.score->band_label;
                }
            } else {
                out.unscored.push_back(*reading.unscored);
            }
        }
        if (triage) {
            const auto* level = a.result.outcome(triage->id);
            if (a.instrument_version != inst->version()) {
                if (inst->total() == nullptr) {  // otherwise read_scale reported it
                    finding(unscored_reason::other_version, {},
                            "scored with " + a.instrument + " v" + a.instrument_version +
                                ", not v" + inst->version());
                }
            } else if (level && level->determined) {
                o.level = level->label;
            } else {
                // The level the answers given reach (a lower bound), named from the rule.
                const auto& levels = std::get<instruments::triage_rule>(triage->rule).levels;
                const bool named = level && level->level >= 0 &&
                                   static_cast<std::size_t>(level->level) < levels.size();
                finding(unscored_reason::level_undetermined, triage->id,
                        "missing answers could change " + triage->id +
                            (named ? " (the answers given reach " +
                                         levels[static_cast<std::size_t>(level->level)] + ")"
                                   : ""));
            }
        }
        if (o.total || o.level) {
            out.scores.push_back(std::move(o));
        }
    }
    return out;
}

namespace {

std::vector<std::string> flag_items(const instruments::flag_rule& f) {
    std::vector<std::string> items;
    for (const auto& c : f.any_of) {
        for (const auto& i : c.items) {
            if (std::find(items.begin(), items.end(), i) == items.end()) {
                items.push_back(i);
            }
        }
    }
    return items;
}

}  // namespace

critical_item_findings critical_items(const instruments::instrument& inst,
                                      const instruments::administration& a,
                                      instruments::flag_severity min_severity) {
    problem_list p = validate(a);
    if (a.instrument != inst.id()) {
        p.push_back({"instrument", a.instrument + " is not " + inst.id()});
    } else if (a.instrument_version != inst.version()) {
        p.push_back({"instrument_version", "scored with v" + a.instrument_version +
                                               "; re-score it with v" + inst.version()});
    }
    throw_if_invalid(p, "cannot read the critical items of administration " + a.id.str());
    const auto rule_of = [&](const std::string& id) -> const instruments::flag_rule* {
        for (const auto& f : inst.flags()) {
            if (f.id == id) {
                return &f;
            }
        }
        p.push_back({"result.flags", inst.id() + " v" + inst.version() + " has no flag " + id});
        return nullptr;
    };
    critical_item_findings out;
    for (const auto& fired : a.result.flags) {
        const auto* rule = rule_of(fired.id);
        if (rule && fired.severity >= min_severity) {
            const auto items = flag_items(*rule);
            std::string item;
            for (const auto& i : items) {
                item += (item.empty() ? "" : " or ") + i;
            }
            critical_item_fired e;
            e.client = a.client;
            e.instrument_id = a.instrument;
            e.item_id = item;
            e.flag_code = fired.id;
            e.severity = risk_level_for(fired.severity);
            e.when = a.administered_at;
            e.administration = a.id;
            out.fired.push_back(std::move(e));
        }
    }
    for (const auto& id : a.result.flags_not_evaluated) {
        const auto* rule = rule_of(id);
        if (rule && rule->severity >= min_severity) {
            out.not_evaluated.push_back({a.client, a.instrument, rule->id, rule->name,
                                         rule->severity, flag_items(*rule), a.administered_at,
                                         a.id});
        }
    }
    throw_if_invalid(p, "cannot read the critical items of administration " + a.id.str());
    return out;
}

std::vector<risk_flag> risk_flags_for(const critical_item_findings& findings) {
    std::vector<risk_flag> out;
    for (const auto& e : findings.fired) {
        out.push_back(flag_from_critical_item(
            e, critical_item_flag_id(e.administration.value_or(administration_id()), e.flag_code)));
    }
    return out;
}

}  // namespace adapters
THERACORE_NAMESPACE_END
