// SPDX-License-Identifier: Apache-2.0
// Compiling a checked definition into the kernel's flat plan, and sizing result columns.
#include "plan.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

THERACORE_NAMESPACE_BEGIN
namespace instruments {
namespace detail {

namespace {

std::uint32_t index_of(const instrument_definition& d, const std::string& id) {
    return static_cast<std::uint32_t>(find_item(d, id));
}

std::vector<std::uint32_t> indices_of(const instrument_definition& d,
                                      const std::vector<std::string>& ids) {
    std::vector<std::uint32_t> out;
    out.reserve(ids.size());
    for (const auto& id : ids) {
        out.push_back(index_of(d, id));
    }
    return out;
}

condition_plan compile_condition(const instrument_definition& d, const condition& c) {
    return {indices_of(d, c.items), c.match, c.test, c.value};
}

item_plan compile_item(const item& it, const response_scale& rs, bool keyed) {
    const auto v = values_of(rs);
    item_plan p;
    p.is_range = v.is_range;
    p.range_integer = v.range_integer;
    p.lo = v.lo;
    p.hi = v.hi;
    p.has_na = v.not_applicable.has_value();
    p.na = v.not_applicable.value_or(0);
    if (it.reverse && !keyed) {
        p.offset = v.lo + v.hi;
        p.sign = -1;
    }
    std::vector<double> accepted = v.options;
    if (it.reverse && keyed) {
        // Pre-scored answers come from the reversed set.
        for (auto& o : accepted) {
            o = v.lo + v.hi - o;
        }
        std::sort(accepted.begin(), accepted.end());
    }
    if (!v.is_range) {
        const bool integers = std::all_of(accepted.begin(), accepted.end(), is_integer);
        if (integers && !accepted.empty() && accepted.back() - accepted.front() < 64) {
            p.use_mask = true;
            p.mask_base = accepted.front();
            for (double o : accepted) {
                p.mask |= std::uint64_t{1} << static_cast<unsigned>(o - accepted.front());
            }
        } else {
            p.options = accepted;
        }
    }
    // Bounds well inside int32 so that the kernel's integer test cannot overflow.
    constexpr double int_limit = 1 << 30;
    const auto fits = [&](double lo, double hi) {
        return is_integer(lo) && is_integer(hi) && lo >= -int_limit && hi <= int_limit;
    };
    if (p.is_range && p.range_integer && fits(p.lo, p.hi)) {
        p.dense = true;
        p.dense_lo = p.lo;
        p.dense_hi = p.hi;
    } else if (p.use_mask) {
        const double span = accepted.back() - accepted.front();
        const std::uint64_t all = span >= 63
                                      ? ~std::uint64_t{0}
                                      : (std::uint64_t{1} << (static_cast<unsigned>(span) + 1)) - 1;
        if (p.mask == all && fits(accepted.front(), accepted.back())) {
            p.dense = true;
            p.dense_lo = accepted.front();
            p.dense_hi = accepted.back();
        }
    }
    p.smin = v.lo;
    p.smax = v.hi;
    return p;
}

}  // namespace

std::shared_ptr<const plan> compile(const instrument_definition& d, const score_options& options) {
    problem_list problems;
    for (const auto& [scale_id, set_id] : options.band_sets) {
        const auto it = std::find_if(d.scales.begin(), d.scales.end(),
                                     [&](const scale& s) { return s.id == scale_id; });
        if (it == d.scales.end()) {
            problems.push_back({"band_sets." + scale_id, "unknown scale of " + d.id});
        } else if (std::none_of(it->band_sets.begin(), it->band_sets.end(),
                                [&](const band_set& b) { return b.id == set_id; })) {
            problems.push_back({"band_sets." + scale_id,
                                "scale " + scale_id + " has no band set \"" + set_id + "\""});
        }
    }
    for (const auto& [scale_id, rule] : options.missing_rules) {
        const auto it = std::find_if(d.scales.begin(), d.scales.end(),
                                     [&](const scale& s) { return s.id == scale_id; });
        if (it == d.scales.end()) {
            problems.push_back({"missing_rules." + scale_id, "unknown scale of " + d.id});
        } else {
            check_missing_rule(problems, "missing_rules." + scale_id, *it, rule, d);
        }
    }
    if (options.norm_group) {
        const bool found = std::any_of(d.scales.begin(), d.scales.end(), [&](const scale& s) {
            return std::any_of(s.psychometrics.norms.begin(), s.psychometrics.norms.end(),
                               [&](const norm_group& g) { return g.id == *options.norm_group; });
        });
        if (!found) {
            problems.push_back(
                {"norm_group", d.id + " has no norm group \"" + *options.norm_group + "\""});
        }
    }
    throw_if_invalid(problems, "invalid score_options for " + d.id);

    auto p = std::make_shared<plan>();
    p->options = options;
    p->scores_given = options.coding.value_or(d.answers) == answer_coding::scores;
    for (const auto& it : d.items) {
        p->items.push_back(
            compile_item(it, *find_response_scale(d, it.response_scale), p->scores_given));
        p->item_ids.push_back(it.id);
    }
    std::size_t last_used = 0;
    auto use = [&](const std::vector<std::uint32_t>& items) {
        for (auto i : items) {
            p->items[i].counted = true;
            last_used = std::max<std::size_t>(last_used, i + 1);
        }
    };
    for (const auto& r : d.skip_rules) {
        skip_plan s;
        s.when = compile_condition(d, r.when);
        s.skip = indices_of(d, r.skip);
        s.not_applicable = !r.score_as.has_value();
        s.score_as = r.score_as.value_or(0);
        use(s.when.items);
        use(s.skip);
        p->skips.push_back(std::move(s));
    }
    for (const auto& s : d.scales) {
        scale_plan sp;
        sp.items = indices_of(d, s.items);
        use(sp.items);
        sp.mean = s.method == scale_method::mean;
        sp.multiplier = s.multiplier;
        const auto override_rule = options.missing_rules.find(s.id);
        const std::optional<missing_rule> rule =
            override_rule != options.missing_rules.end()
                ? std::optional<missing_rule>(override_rule->second)
                : s.missing;
        if (rule) {
            sp.has_rule = true;
            sp.max_missing = rule->max_missing;
            sp.required = indices_of(d, rule->required);
            sp.rounding = rule->rounding;
        }
        if (!s.band_sets.empty()) {
            const auto chosen = options.band_sets.find(s.id);
            for (std::size_t k = 0; k < s.band_sets.size(); ++k) {
                if (chosen != options.band_sets.end() ? s.band_sets[k].id == chosen->second
                                                      : k == 0) {
                    sp.band_set = k;
                }
            }
            for (const auto& b : s.band_sets[sp.band_set].bands) {
                sp.band_mins.push_back(b.min);
            }
        }
        for (const auto& c : s.cut_offs) {
            sp.cuts.push_back({c.test, c.threshold, static_cast<unsigned>(p->cut_off_ids.size())});
            p->cut_off_ids.push_back(c.id);
        }
        p->scales.push_back(std::move(sp));
        p->scale_ids.push_back(s.id);
    }
    for (const auto& f : d.flags) {
        flag_plan fp;
        for (const auto& c : f.any_of) {
            fp.any_of.push_back(compile_condition(d, c));
            use(fp.any_of.back().items);
        }
        p->flags.push_back(std::move(fp));
        p->flag_ids.push_back(f.id);
    }
    for (const auto& r : d.derived) {
        derived_plan dp;
        if (const auto* c = std::get_if<criteria_rule>(&r.rule)) {
            for (const auto& k : c->all_of) {
                criterion_plan cp;
                cp.at_least = k.at_least;
                cp.at_most = k.at_most.value_or(-1);
                for (const auto& t : k.count) {
                    cp.terms.push_back({indices_of(d, t.items), t.test, t.value});
                    use(cp.terms.back().items);
                }
                if (k.when) {
                    cp.has_when = true;
                    cp.when = compile_condition(d, *k.when);
                    use(cp.when.items);
                }
                dp.criteria.push_back(std::move(cp));
            }
        } else {
            const auto& t = std::get<triage_rule>(r.rule);
            dp.triage = true;
            for (const auto& trig : t.triggers) {
                const auto level =
                    std::find(t.levels.begin(), t.levels.end(), trig.level) - t.levels.begin();
                dp.triggers.push_back({static_cast<int>(level), compile_condition(d, trig.when)});
                use(dp.triggers.back().when.items);
            }
        }
        p->derived.push_back(std::move(dp));
        p->derived_ids.push_back(r.id);
    }
    p->required_columns = last_used;
    std::vector<bool> skipped(p->items.size(), false);
    for (const auto& sk : p->skips) {
        for (auto i : sk.skip) {
            skipped[i] = true;
        }
    }
    for (std::size_t i = 0; i < p->items.size(); ++i) {
        auto& ip = p->items[i];
        const double a = ip.offset + ip.sign * ip.dense_lo;
        const double b = ip.offset + ip.sign * ip.dense_hi;
        ip.small = ip.dense && !skipped[i] && is_integer(ip.offset) && is_integer(ip.sign) &&
                   std::min(a, b) >= 0 && std::max(a, b) <= 255;
    }
    return p;
}

batch_result make_result(const plan& p, std::size_t rows) {
    batch_result out;
    out.rows = rows;
    out.status.assign(rows, row_status::ok);
    out.first_invalid.assign(rows, -1);
    out.answered.assign(rows, 0);
    out.missing.assign(rows, 0);
    out.flags.assign(rows, 0);
    out.flags_unknown.assign(rows, 0);
    out.cut_offs.assign(rows, 0);
    for (const auto& id : p.scale_ids) {
        scale_columns c;
        c.scale = id;
        c.value.assign(rows, std::numeric_limits<double>::quiet_NaN());
        c.band.assign(rows, -1);
        c.status.assign(rows, scale_status::scored);
        c.prorated.assign(rows, 0);
        out.scales.push_back(std::move(c));
    }
    for (const auto& id : p.derived_ids) {
        derived_columns c;
        c.rule = id;
        c.level.assign(rows, -1);
        c.determined.assign(rows, 0);
        c.reached.assign(rows, -1);
        out.derived.push_back(std::move(c));
    }
    out.flag_ids = p.flag_ids;
    out.cut_off_ids = p.cut_off_ids;
    return out;
}

}  // namespace detail
}  // namespace instruments
THERACORE_NAMESPACE_END
