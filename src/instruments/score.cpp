// SPDX-License-Identifier: Apache-2.0
// Scoring one administration: checking the answers, running the kernel on a one-row view and
// building the detailed result.
#include <theracore/instruments/score.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <theracore/detail/validation.hpp>
#include <theracore/version.hpp>

#include "messages.hpp"
#include "plan.hpp"

THERACORE_NAMESPACE_BEGIN
namespace instruments {

problem_list validate(const score_result& r) {
    problem_list p;
    theracore::detail::require_nonempty(p, "provenance.instrument", r.provenance.instrument);
    theracore::detail::require_nonempty(p, "provenance.instrument_version",
                                        r.provenance.instrument_version);
    for (std::size_t i = 0; i < r.scales.size(); ++i) {
        const auto& s = r.scales[i];
        const auto path = "scales[" + std::to_string(i) + "]";
        if (s.value.has_value() != (s.status == scale_status::scored)) {
            p.push_back({path + ".value", "a scale has a value exactly when it is scored"});
        }
        if (s.value && !std::isfinite(*s.value)) {
            p.push_back({path + ".value", "must be a finite number"});
        }
    }
    return p;
}

namespace {

/// Row 0's flags of `out`: those that fired, and those that could not be ruled out.
void collect_flags(const instrument_definition& d, const batch_result& out,
                   std::vector<fired_flag>& fired, std::vector<std::string>& not_evaluated) {
    for (std::size_t f = 0; f < d.flags.size(); ++f) {
        if ((out.flags[0] >> f) & 1U) {
            fired.push_back({d.flags[f].id, d.flags[f].name, d.flags[f].severity});
        } else if ((out.flags_unknown[0] >> f) & 1U) {
            not_evaluated.push_back(d.flags[f].id);
        }
    }
}

std::string refusal_text(const std::string& instrument, const std::vector<fired_flag>& fired,
                         const std::vector<std::string>& not_evaluated) {
    std::string s = "invalid responses to " + instrument;
    for (std::size_t i = 0; i < fired.size(); ++i) {
        s += (i == 0 ? "; critical flags fired regardless: " : ", ") + fired[i].id;
    }
    for (std::size_t i = 0; i < not_evaluated.size(); ++i) {
        s += (i == 0 ? "; critical flags not evaluated: " : ", ") + not_evaluated[i];
    }
    return s;
}

}  // namespace

invalid_responses::invalid_responses(const std::string& what, problem_list problems,
                                     std::vector<fired_flag> flags,
                                     std::vector<std::string> flags_not_evaluated)
    : validation_error(what, std::move(problems)),
      flags_(std::move(flags)),
      not_evaluated_(std::move(flags_not_evaluated)) {}

invalid_responses::~invalid_responses() = default;

namespace detail {

std::string allowed_text(const item_plan& ip) {
    std::string s;
    auto add = [&](double v) { s += (s.empty() ? "" : ", ") + num(v); };
    if (ip.is_range) {
        s = std::string(ip.range_integer ? "a whole number" : "a number") + " from " + num(ip.lo);
        if (std::isfinite(ip.hi)) {
            s += " to " + num(ip.hi);
        }
    } else if (ip.use_mask) {
        for (unsigned b = 0; b < 64; ++b) {
            if ((ip.mask >> b) & 1U) {
                add(ip.mask_base + b);
            }
        }
    } else {
        for (double v : ip.options) {
            add(v);
        }
    }
    if (ip.has_na) {
        s += ", or " + num(ip.na) + " for not applicable";
    }
    return s;
}

std::string invalid_value_message(const item_plan& ip, double v) {
    return num(v) + " is not an allowed answer (allowed: " + allowed_text(ip) + ")";
}

std::string skipped_message(const instrument_definition& d, std::size_t item, double v) {
    std::string rule;
    for (const auto& r : d.skip_rules) {
        if (std::find(r.skip.begin(), r.skip.end(), d.items[item].id) != r.skip.end()) {
            rule = r.id;
            if (r.score_as) {
                return "answered " + num(v) + " although skip rule " + rule +
                       " does not ask it (a skipped item scores " + num(*r.score_as) + ")";
            }
            break;
        }
    }
    return "answered " + num(v) + " although skip rule " + rule + " makes it not applicable";
}

std::string reason_text(const instrument_definition& d, const scale& s, const score_options& o,
                        scale_status st, int missing) {
    const auto ov = o.missing_rules.find(s.id);
    const std::optional<missing_rule> rule =
        ov != o.missing_rules.end() ? std::optional<missing_rule>(ov->second) : s.missing;
    const auto n = std::to_string(s.items.size());
    switch (st) {
        case scale_status::scored:
            return {};
        case scale_status::too_many_missing:
            if (!rule) {
                return std::to_string(missing) + " of " + n +
                       " items missing; no missing answer is allowed (no published "
                       "missing-data rule for " +
                       d.id + ")";
            }
            return std::to_string(missing) + " of " + n + " items missing; at most " +
                   std::to_string(rule->max_missing) + " allowed (" + rule->source + ")";
        case scale_status::required_missing:
            return "a required item is missing (" + (rule ? rule->source : std::string()) + ")";
        case scale_status::nothing_answered:
            return "no item answered";
        case scale_status::not_applicable:
            return "no item applies";
        case scale_status::invalid_row:
            return "invalid answers";
    }
    return {};
}

score_result build_result(const instrument& inst, const plan& p, const batch_result& out,
                          const std::vector<scale_counts>& counts) {
    const auto& d = inst.data();
    score_result res;
    res.provenance = {d.id, d.version, theracore::version_string};
    for (std::size_t k = 0; k < d.scales.size(); ++k) {
        const auto& s = d.scales[k];
        const auto& col = out.scales[k];
        scale_score ss;
        ss.scale = s.id;
        ss.status = col.status[0];
        if (ss.status == scale_status::scored) {
            ss.value = col.value[0];
        }
        ss.answered = counts[k].answered;
        ss.missing = counts[k].missing;
        ss.not_applicable = counts[k].not_applicable;
        ss.reason = reason_text(d, s, p.options, ss.status, ss.missing);
        ss.prorated = col.prorated[0] != 0;
        if (ss.prorated) {
            const auto ov = p.options.missing_rules.find(s.id);
            const bool standard =
                ov != p.options.missing_rules.end() ? ov->second.standard : s.missing->standard;
            ss.nonstandard_rule = !standard;
            res.prorated = true;
        }
        if (!s.band_sets.empty()) {
            const auto& set = s.band_sets[p.scales[k].band_set];
            ss.band_set = set.id;
            if (col.band[0] >= 0) {
                ss.band = col.band[0];
                ss.band_label = set.bands[static_cast<std::size_t>(col.band[0])].label;
            }
        }
        for (const auto& c : p.scales[k].cuts) {
            if ((out.cut_offs[0] >> c.bit) & 1U) {
                ss.cut_offs_met.push_back(p.cut_off_ids[c.bit]);
            }
        }
        res.scales.push_back(std::move(ss));
    }
    collect_flags(d, out, res.flags, res.flags_not_evaluated);
    for (std::size_t k = 0; k < d.derived.size(); ++k) {
        derived_result r;
        r.id = d.derived[k].id;
        r.level = out.derived[k].reached[0];
        r.determined = out.derived[k].determined[0] != 0;
        if (!r.determined) {
            r.label = "undetermined";
        } else if (const auto* t = std::get_if<triage_rule>(&d.derived[k].rule)) {
            r.label = t->levels[static_cast<std::size_t>(r.level)];
        } else {
            r.label = r.level == 1 ? "met" : "not met";
        }
        res.derived.push_back(std::move(r));
    }
    res.answered = out.answered[0];
    res.missing = out.missing[0];
    res.reverse_keying_applied = p.scores_given;
    res.norm_group = p.options.norm_group;
    return res;
}

}  // namespace detail

score_result score(const instrument& inst, const responses& r, const score_options& options) {
    const auto plan = inst.compile(options);
    const auto& p = plan.get();
    const auto& d = inst.data();
    const std::size_t k = d.items.size();
    std::vector<double> row(k, std::numeric_limits<double>::quiet_NaN());
    problem_list problems;
    if (!r.form_order.empty() && !r.by_item.empty()) {
        problems.push_back(
            {"responses", "give the answers either in form order or by item id, not both"});
    }
    // An invalid answer goes to the kernel as a value no item allows (+inf), so that the kernel
    // sees the same states as batch scoring gives the same cells: it is invalid, not missing,
    // so a skip rule does not turn it into a skipped answer, and a flag that reads it is not
    // evaluated rather than ruled out.
    constexpr double invalid = std::numeric_limits<double>::infinity();
    auto take = [&](std::size_t i, const answer& a) {
        const auto& id = d.items[i].id;
        if (a.is_text()) {
            problems.push_back({id, "not a number: \"" + a.text() + "\""});
            row[i] = invalid;
        } else if (a.is_number()) {
            const double v = a.number();
            const auto& ip = p.items[i];
            if (!std::isfinite(v)) {
                problems.push_back({id, "not a finite number"});
                row[i] = invalid;
            } else if (!(ip.has_na && v == ip.na) && !ip.allowed(v)) {
                problems.push_back({id, detail::invalid_value_message(ip, v)});
                row[i] = invalid;
            } else {
                row[i] = v;
            }
        }
    };
    if (r.form_order.size() > k) {
        problems.push_back({"form_order[" + std::to_string(k) + "]",
                            "too many answers: " + d.id + " has " + std::to_string(k) +
                                " items, got " + std::to_string(r.form_order.size())});
    }
    for (std::size_t i = 0; i < std::min(k, r.form_order.size()); ++i) {
        take(i, r.form_order[i]);
    }
    for (const auto& [id, a] : r.by_item) {
        const auto i = inst.item_index(id);
        if (!i) {
            problems.push_back({id, "unknown item of " + d.id});
        } else {
            take(*i, a);
        }
    }
    // The kernel judges the skip rules exactly as in batch scoring (an invalid answer in a rule's
    // condition counts as missing there) and reports answers to items a rule does not ask, so
    // that every problem is reported at once.
    std::vector<column_view> cols(k);
    for (std::size_t i = 0; i < k; ++i) {
        cols[i] = {&row[i], element_type::f64, 0};
    }
    const batch_view view(1, std::move(cols));
    auto out = detail::make_result(p, 1);
    std::vector<std::uint32_t> inconsistent;
    std::vector<detail::scale_counts> counts(p.scales.size());
    detail::kernel(p, 1).run(view, 0, 1, out, &inconsistent, &counts);
    for (auto i : inconsistent) {
        problems.push_back({d.items[i].id, detail::skipped_message(d, i, row[i])});
    }
    if (!problems.empty()) {
        // The kernel judged every flag on its own answers, an invalid one counting as missing:
        // what fired, or could not be ruled out, goes with the refusal.
        std::vector<fired_flag> fired;
        std::vector<std::string> not_evaluated;
        collect_flags(d, out, fired, not_evaluated);
        auto what = refusal_text(d.id, fired, not_evaluated);
        throw invalid_responses(what, std::move(problems), std::move(fired),
                                std::move(not_evaluated));
    }
    return detail::build_result(inst, p, out, counts);
}

}  // namespace instruments
THERACORE_NAMESPACE_END
