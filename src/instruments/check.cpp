// SPDX-License-Identifier: Apache-2.0
// Normalization and the checks of an instrument definition.
#include "check.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include <theracore/detail/validation.hpp>

THERACORE_NAMESPACE_BEGIN
namespace instruments {
namespace detail {

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.15g", v);
    return buf;
}

void normalize(instrument_definition& d) {
    for (std::size_t i = 0; i < d.items.size(); ++i) {
        auto& it = d.items[i];
        if (it.id.empty() && !d.id.empty()) {
            it.id = d.id + "_" + std::to_string(i + 1);
        }
        if (it.label.empty()) {
            it.label = "Item " + std::to_string(i + 1);
        }
        if (it.response_scale.empty() && d.response_scales.size() == 1) {
            it.response_scale = d.response_scales.front().id;
        }
    }
}

scale_range range_of(const instrument_definition& d, const scale& s) {
    scale_range r;
    r.bounded = !s.items.empty();
    r.integer = s.method == scale_method::sum && is_integer(s.multiplier);
    double lo = 0, hi = 0;
    double lo_min = std::numeric_limits<double>::infinity();
    double hi_max = -std::numeric_limits<double>::infinity();
    for (const auto& id : s.items) {
        const auto i = find_item(d, id);
        const auto* rs =
            i < 0 ? nullptr
                  : find_response_scale(d, d.items[static_cast<std::size_t>(i)].response_scale);
        if (!rs) {
            r.bounded = false;
            r.known = false;
            continue;
        }
        const auto v = values_of(*rs);
        if (!v.bounded) {
            r.bounded = false;
            continue;
        }
        r.integer = r.integer && v.integer;
        lo += v.lo;
        hi += v.hi;
        lo_min = std::min(lo_min, v.lo);
        hi_max = std::max(hi_max, v.hi);
    }
    if (!r.bounded) {
        return r;
    }
    if (s.method == scale_method::sum) {
        r.lo = lo * s.multiplier;
        r.hi = hi * s.multiplier;
    } else {
        r.lo = lo_min * s.multiplier;
        r.hi = hi_max * s.multiplier;
    }
    return r;
}

namespace {

class checker {
  public:
    explicit checker(const instrument_definition& d) : d_(d) {}

    problem_list run() {
        check_header();
        check_response_scales();
        check_items();
        check_skip_rules();
        check_scales();
        check_flags();
        check_derived();
        check_locales();
        return std::move(p_);
    }

  private:
    void add(std::string path, std::string message) {
        p_.push_back({std::move(path), std::move(message)});
    }

    void require_text(const std::string& path, const std::string& s) {
        if (s.empty()) {
            add(path, "required");
        }
    }

    void check_id(const std::string& path, const std::string& id) {
        if (id.empty()) {
            add(path, "required");
        } else if (!valid_id(id)) {
            add(path, "\"" + id +
                          "\" is not an id: use lowercase ASCII letters, digits and _, starting "
                          "with a letter");
        }
    }

    template <class T, class Key>
    void check_unique(const std::string& key, const std::vector<T>& v, Key key_of,
                      std::set<std::string>* seen_across = nullptr) {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < v.size(); ++i) {
            const std::string& k = key_of(v[i]);
            if (k.empty()) {
                continue;
            }
            auto& into = seen_across ? *seen_across : seen;
            if (!into.insert(k).second) {
                add(at(key, i) + ".id", "duplicate id \"" + k + "\"");
            }
        }
    }

    void check_finite(const std::string& path, double v) {
        if (!std::isfinite(v)) {
            add(path, "must be a finite number");
        }
    }

    void check_code(const std::string& path, const std::optional<coded_concept>& c) {
        if (c) {
            theracore::detail::append_prefixed(p_, path, validate(*c));
        }
    }

    /// Checks that `id` names an item; returns its index or -1.
    std::ptrdiff_t check_item_ref(const std::string& path, const std::string& id) {
        const auto i = find_item(d_, id);
        if (i < 0) {
            add(path, "unknown item \"" + id + "\"");
        }
        return i;
    }

    void check_item_list(const std::string& path, const std::vector<std::string>& items,
                         bool allow_empty = false) {
        if (items.empty() && !allow_empty) {
            add(path, "needs at least one item");
        }
        std::set<std::string> seen;
        for (std::size_t i = 0; i < items.size(); ++i) {
            check_item_ref(at(path, i), items[i]);
            if (!seen.insert(items[i]).second) {
                add(at(path, i), "item \"" + items[i] + "\" is listed twice");
            }
        }
    }

    /// The values of item `id` when it exists and has a known response scale.
    std::optional<item_values> values_of_item(const std::string& id) const {
        const auto i = find_item(d_, id);
        if (i < 0) {
            return std::nullopt;
        }
        const auto* rs =
            find_response_scale(d_, d_.items[static_cast<std::size_t>(i)].response_scale);
        if (!rs) {
            return std::nullopt;
        }
        return values_of(*rs);
    }

    /// Whether some scored value of `id` can pass `test value` (so a rule can ever fire).
    bool can_pass(const std::string& id, comparison test, double value) const {
        const auto v = values_of_item(id);
        if (!v) {
            return true;  // reported elsewhere
        }
        if (v->is_range) {
            return compare(v->lo, test, value) || compare(v->hi, test, value) ||
                   (test == comparison::equal && value >= v->lo && value <= v->hi);
        }
        return std::any_of(v->options.begin(), v->options.end(),
                           [&](double o) { return compare(o, test, value); });
    }

    void check_condition(const std::string& path, const condition& c) {
        check_item_list(path + ".items", c.items);
        check_finite(path + ".value", c.value);
        if (c.match == condition_match::any && !c.items.empty() &&
            std::none_of(c.items.begin(), c.items.end(),
                         [&](const std::string& id) { return can_pass(id, c.test, c.value); })) {
            add(path, "can never hold: no listed item has a value " +
                          std::string(to_string(c.test)) + " " + num(c.value));
        }
    }

    void check_header() {
        check_id("id", d_.id);
        require_text("name", d_.name);
        require_text("instrument_version", d_.version);
        require_text("citation", d_.citation);
        require_text("licence_note", d_.licence_note);
        check_code("code", d_.code);
        if (d_.items.empty()) {
            add("items", "an instrument needs at least one item");
        }
        if (d_.items.size() > max_items) {
            add("items", "at most " + std::to_string(max_items) + " items");
        }
    }

    void check_response_scales() {
        check_unique("response_scales", d_.response_scales,
                     [](const response_scale& r) -> const std::string& { return r.id; });
        for (std::size_t i = 0; i < d_.response_scales.size(); ++i) {
            const auto& rs = d_.response_scales[i];
            const auto path = at("response_scales", i);
            check_id(path + ".id", rs.id);
            if (rs.range && !rs.options.empty()) {
                add(path, "give either options or a range, not both");
            } else if (!rs.range && rs.options.empty()) {
                add(path + ".options", "a response scale needs options or a range");
            }
            if (rs.range) {
                check_finite(path + ".range.min", rs.range->min);
                if (rs.range->max) {
                    check_finite(path + ".range.max", *rs.range->max);
                    if (*rs.range->max < rs.range->min) {
                        add(path + ".range.max", "must not be below min");
                    }
                }
            }
            std::set<double> seen;
            int not_applicable = 0;
            for (std::size_t j = 0; j < rs.options.size(); ++j) {
                const auto& o = rs.options[j];
                const auto opath = at(path + ".options", j);
                check_finite(opath + ".value", o.value);
                require_text(opath + ".label", o.label);
                if (!seen.insert(o.value).second) {
                    add(opath + ".value", "value " + num(o.value) + " is listed twice");
                }
                not_applicable += o.not_applicable ? 1 : 0;
                check_code(opath + ".code", o.code);
            }
            if (not_applicable > 1) {
                add(path + ".options", "at most one option may mean not applicable");
            }
            if (!rs.options.empty() &&
                static_cast<std::size_t>(not_applicable) == rs.options.size()) {
                add(path + ".options", "needs at least one option that is a real answer");
            }
        }
    }

    void check_items() {
        check_unique("items", d_.items, [](const item& it) -> const std::string& { return it.id; });
        for (std::size_t i = 0; i < d_.items.size(); ++i) {
            const auto& it = d_.items[i];
            const auto path = at("items", i);
            check_id(path + ".id", it.id);
            check_code(path + ".code", it.code);
            if (it.response_scale.empty()) {
                add(path + ".response_scale",
                    "required (it may be left out only when there is exactly one response "
                    "scale)");
                continue;
            }
            const auto* rs = find_response_scale(d_, it.response_scale);
            if (!rs) {
                add(path + ".response_scale",
                    "unknown response scale \"" + it.response_scale + "\"");
                continue;
            }
            if (it.reverse && !values_of(*rs).bounded) {
                add(path + ".reverse",
                    "reverse keying needs a response scale with a minimum and "
                    "a maximum; \"" +
                        rs->id + "\" has no upper bound");
            }
        }
    }

    void check_skip_rules() {
        check_unique("skip_rules", d_.skip_rules,
                     [](const skip_rule& r) -> const std::string& { return r.id; });
        for (std::size_t i = 0; i < d_.skip_rules.size(); ++i) {
            const auto& r = d_.skip_rules[i];
            const auto path = at("skip_rules", i);
            check_id(path + ".id", r.id);
            require_text(path + ".source", r.source);
            check_condition(path + ".when", r.when);
            check_item_list(path + ".skip", r.skip);
            for (std::size_t j = 0; j < r.skip.size(); ++j) {
                if (std::find(r.when.items.begin(), r.when.items.end(), r.skip[j]) !=
                    r.when.items.end()) {
                    add(at(path + ".skip", j),
                        "item \"" + r.skip[j] + "\" cannot be skipped by a rule that tests it");
                }
                if (r.score_as) {
                    const auto v = values_of_item(r.skip[j]);
                    if (v && !allowed_scored(*v, *r.score_as)) {
                        add(path + ".score_as", num(*r.score_as) + " is not a value item \"" +
                                                    r.skip[j] + "\" can score");
                    }
                }
            }
            if (r.score_as) {
                check_finite(path + ".score_as", *r.score_as);
            }
        }
    }

    static bool allowed_scored(const item_values& v, double x) {
        if (v.is_range) {
            return x >= v.lo && x <= v.hi && (!v.range_integer || is_integer(x));
        }
        // Reverse keying maps the option set onto lo + hi − value; accept either set.
        return std::any_of(v.options.begin(), v.options.end(),
                           [&](double o) { return o == x || v.lo + v.hi - o == x; });
    }

    void check_scales() {
        check_unique("scales", d_.scales,
                     [](const scale& s) -> const std::string& { return s.id; });
        std::set<std::string> cut_off_ids, norm_ids;
        std::size_t totals = 0, cut_offs = 0;
        for (std::size_t i = 0; i < d_.scales.size(); ++i) {
            const auto& s = d_.scales[i];
            const auto path = at("scales", i);
            check_id(path + ".id", s.id);
            require_text(path + ".name", s.name);
            check_item_list(path + ".items", s.items);
            check_code(path + ".code", s.code);
            totals += s.role == scale_role::total ? 1 : 0;
            if (!std::isfinite(s.multiplier) || s.multiplier <= 0) {
                add(path + ".multiplier", "must be a positive number");
            }
            if (s.missing) {
                check_missing_rule(path + ".missing", s, *s.missing);
            }
            const auto range = range_of(d_, s);
            if (range.known && !range.bounded && (!s.band_sets.empty() || !s.cut_offs.empty())) {
                add(path, "bands and cut-offs need every item to have a bounded response scale");
            }
            check_unique(path + ".band_sets", s.band_sets,
                         [](const band_set& b) -> const std::string& { return b.id; });
            for (std::size_t j = 0; j < s.band_sets.size(); ++j) {
                check_band_set(at(path + ".band_sets", j), s.band_sets[j], range);
            }
            check_unique(
                path + ".cut_offs", s.cut_offs,
                [](const cut_off& c) -> const std::string& { return c.id; }, &cut_off_ids);
            cut_offs += s.cut_offs.size();
            for (std::size_t j = 0; j < s.cut_offs.size(); ++j) {
                check_cut_off(at(path + ".cut_offs", j), s, s.cut_offs[j], range);
            }
            check_psychometrics(path + ".psychometrics", s.psychometrics, range, norm_ids);
        }
        if (totals > 1) {
            add("scales", "at most one scale may have the role total");
        }
        if (cut_offs > max_cut_offs) {
            add("scales", "at most " + std::to_string(max_cut_offs) + " cut-offs per instrument");
        }
    }

    void check_missing_rule(const std::string& path, const scale& s, const missing_rule& m) {
        check_rule(p_, path, s, m, d_);
    }

  public:
    /// Checks a missing-data rule for scale `s` (also used for caller-supplied policies).
    static void check_rule(problem_list& out, const std::string& path, const scale& s,
                           const missing_rule& m, const instrument_definition& d) {
        const auto n = static_cast<int>(s.items.size());
        if (m.max_missing < 0) {
            out.push_back({path + ".max_missing", "must not be negative"});
        } else if (n > 0 && m.max_missing >= n) {
            out.push_back({path + ".max_missing",
                           "cannot be met: allowing " + std::to_string(m.max_missing) + " of " +
                               std::to_string(n) +
                               " items to be missing would score a scale with no answer"});
        }
        if (m.source.empty()) {
            out.push_back({path + ".source", "required"});
        }
        for (std::size_t j = 0; j < m.required.size(); ++j) {
            if (find_item(d, m.required[j]) < 0) {
                out.push_back(
                    {at(path + ".required", j), "unknown item \"" + m.required[j] + "\""});
            } else if (std::find(s.items.begin(), s.items.end(), m.required[j]) == s.items.end()) {
                out.push_back({at(path + ".required", j),
                               "item \"" + m.required[j] + "\" is not in scale \"" + s.id + "\""});
            }
        }
        if (m.max_missing > 0 && static_cast<int>(m.required.size()) + m.max_missing > n) {
            out.push_back({path, "cannot be met: with " + std::to_string(m.required.size()) +
                                     " of " + std::to_string(n) + " items required, " +
                                     std::to_string(m.max_missing) + " can never be missing"});
        }
    }

  private:
    std::string band_text(const band& b) const {
        return num(b.min) + "–" + num(b.max) + " " + b.label;
    }

    void check_band_set(const std::string& path, const band_set& bs, const scale_range& range) {
        check_id(path + ".id", bs.id);
        require_text(path + ".name", bs.name);
        require_text(path + ".source", bs.source);
        if (bs.bands.empty()) {
            add(path + ".bands", "a band set needs at least one band");
            return;
        }
        if (bs.bands.size() > max_bands) {
            add(path + ".bands", "at most " + std::to_string(max_bands) + " bands");
        }
        for (std::size_t k = 0; k < bs.bands.size(); ++k) {
            const auto& b = bs.bands[k];
            const auto bpath = at(path + ".bands", k);
            require_text(bpath + ".label", b.label);
            check_finite(bpath + ".min", b.min);
            check_finite(bpath + ".max", b.max);
            if (b.max < b.min) {
                add(bpath, "max " + num(b.max) + " is below min " + num(b.min));
            }
            if (k == 0) {
                continue;
            }
            const auto& prev = bs.bands[k - 1];
            // Integer scales: inclusive bounds, the next band starts at max + 1. Other scales: a
            // band's max is the next band's min, and that boundary belongs to the higher band.
            if (range.integer ? b.min <= prev.max : b.min < prev.max) {
                add(bpath, "band " + band_text(b) + " overlaps the band before it (" +
                               band_text(prev) + ")");
            } else if (range.integer ? b.min != prev.max + 1 : b.min != prev.max) {
                add(bpath, "gap between " + band_text(prev) + " and " + band_text(b) +
                               (range.integer ? ": the next band must start at " + num(prev.max + 1)
                                              : ": the next band must start at " + num(prev.max)));
            }
        }
        if (range.bounded) {
            if (bs.bands.front().min != range.lo) {
                add(at(path + ".bands", 0) + ".min",
                    "the first band must start at the scale's minimum " + num(range.lo) + ", not " +
                        num(bs.bands.front().min));
            }
            if (bs.bands.back().max != range.hi) {
                add(at(path + ".bands", bs.bands.size() - 1) + ".max",
                    "the last band must end at the scale's maximum " + num(range.hi) + ", not " +
                        num(bs.bands.back().max));
            }
        }
    }

    void check_cut_off(const std::string& path, const scale& s, const cut_off& c,
                       const scale_range& range) {
        check_id(path + ".id", c.id);
        require_text(path + ".name", c.name);
        require_text(path + ".source", c.source);
        check_finite(path + ".threshold", c.threshold);
        if (range.bounded && std::isfinite(c.threshold)) {
            // A cut-off must split the range: met at one end and not at the other.
            const bool decides =
                c.test == comparison::equal
                    ? c.threshold >= range.lo && c.threshold <= range.hi && range.lo < range.hi
                    : compare(range.lo, c.test, c.threshold) !=
                          compare(range.hi, c.test, c.threshold);
            if (!decides) {
                add(path + ".threshold", std::string(to_string(c.test)) + " " + num(c.threshold) +
                                             " decides nothing over the scale's range " +
                                             num(range.lo) + "–" + num(range.hi));
            }
        }
        if (c.alternative_to) {
            const bool found = std::any_of(
                s.cut_offs.begin(), s.cut_offs.end(),
                [&](const cut_off& o) { return o.id == *c.alternative_to && o.id != c.id; });
            if (!found) {
                add(path + ".alternative_to",
                    "\"" + *c.alternative_to + "\" is not another cut-off of this scale");
            }
        }
    }

    void check_psychometrics(const std::string& path, const scale_psychometrics& ps,
                             const scale_range& range, std::set<std::string>& norm_ids) {
        check_unique(path + ".reliability", ps.reliability,
                     [](const reliability_estimate& r) -> const std::string& { return r.id; });
        for (std::size_t j = 0; j < ps.reliability.size(); ++j) {
            const auto& r = ps.reliability[j];
            const auto rpath = at(path + ".reliability", j);
            check_id(rpath + ".id", r.id);
            require_text(rpath + ".source", r.source);
            require_text(rpath + ".population", r.population);
            if (!(r.value > 0 && r.value < 1)) {
                add(rpath + ".value", "a reliability must lie strictly between 0 and 1");
            }
            if (r.n && *r.n <= 0) {
                add(rpath + ".n", "must be positive");
            }
        }
        check_unique(
            path + ".norms", ps.norms,
            [](const norm_group& g) -> const std::string& { return g.id; }, &norm_ids);
        for (std::size_t j = 0; j < ps.norms.size(); ++j) {
            const auto& g = ps.norms[j];
            const auto gpath = at(path + ".norms", j);
            check_id(gpath + ".id", g.id);
            require_text(gpath + ".name", g.name);
            require_text(gpath + ".source", g.source);
            check_finite(gpath + ".mean", g.mean);
            if (!(g.sd > 0) || !std::isfinite(g.sd)) {
                add(gpath + ".sd", "must be positive");
            }
            if (range.bounded && (g.mean < range.lo || g.mean > range.hi)) {
                add(gpath + ".mean", num(g.mean) + " is outside the scale's range " +
                                         num(range.lo) + "–" + num(range.hi));
            }
            if (g.n && *g.n <= 0) {
                add(gpath + ".n", "must be positive");
            }
        }
        check_unique(path + ".change_criteria", ps.change_criteria,
                     [](const change_criterion& c) -> const std::string& { return c.id; });
        for (std::size_t j = 0; j < ps.change_criteria.size(); ++j) {
            const auto& c = ps.change_criteria[j];
            const auto cpath = at(path + ".change_criteria", j);
            check_id(cpath + ".id", c.id);
            require_text(cpath + ".name", c.name);
            require_text(cpath + ".source", c.source);
            if (!(c.reliable_change > 0) || !std::isfinite(c.reliable_change)) {
                add(cpath + ".reliable_change", "must be positive");
            }
            if (c.caseness && range.bounded && (*c.caseness < range.lo || *c.caseness > range.hi)) {
                add(cpath + ".caseness", num(*c.caseness) + " is outside the scale's range");
            }
            if (c.confidence && !(*c.confidence > 0 && *c.confidence < 1)) {
                add(cpath + ".confidence", "must lie strictly between 0 and 1 (e.g. 0.9)");
            }
        }
    }

    void check_flags() {
        check_unique("flags", d_.flags,
                     [](const flag_rule& f) -> const std::string& { return f.id; });
        if (d_.flags.size() > max_flags) {
            add("flags", "at most " + std::to_string(max_flags) + " flags per instrument");
        }
        for (std::size_t i = 0; i < d_.flags.size(); ++i) {
            const auto& f = d_.flags[i];
            const auto path = at("flags", i);
            check_id(path + ".id", f.id);
            require_text(path + ".name", f.name);
            require_text(path + ".source", f.source);
            if (f.any_of.empty()) {
                add(path + ".any_of", "a flag needs at least one condition");
            }
            for (std::size_t j = 0; j < f.any_of.size(); ++j) {
                check_condition(at(path + ".any_of", j), f.any_of[j]);
            }
        }
    }

    void check_derived() {
        check_unique("derived", d_.derived,
                     [](const derived_rule& r) -> const std::string& { return r.id; });
        if (d_.derived.size() > max_derived) {
            add("derived", "at most " + std::to_string(max_derived) + " derived rules");
        }
        for (std::size_t i = 0; i < d_.derived.size(); ++i) {
            const auto& r = d_.derived[i];
            const auto path = at("derived", i);
            check_id(path + ".id", r.id);
            require_text(path + ".name", r.name);
            require_text(path + ".source", r.source);
            check_code(path + ".code", r.code);
            if (const auto* c = std::get_if<criteria_rule>(&r.rule)) {
                check_criteria(path + ".rule.criteria", *c);
            } else {
                check_triage(path + ".rule.triage", std::get<triage_rule>(r.rule));
            }
        }
    }

    void check_criteria(const std::string& path, const criteria_rule& c) {
        if (c.all_of.empty()) {
            add(path + ".all_of", "needs at least one criterion");
        }
        for (std::size_t j = 0; j < c.all_of.size(); ++j) {
            const auto& k = c.all_of[j];
            const auto kpath = at(path + ".all_of", j);
            if (k.count.empty() && !k.when) {
                add(kpath + ".count", "needs at least one count term or a condition");
            }
            if (k.when) {
                check_condition(kpath + ".condition", *k.when);
            }
            std::size_t counted = 0;
            for (std::size_t t = 0; t < k.count.size(); ++t) {
                check_item_list(at(kpath + ".count", t) + ".items", k.count[t].items);
                check_finite(at(kpath + ".count", t) + ".value", k.count[t].value);
                counted += k.count[t].items.size();
            }
            if (k.at_least < 0) {
                add(kpath + ".at_least", "must not be negative");
            } else if (static_cast<std::size_t>(k.at_least) > counted) {
                add(kpath + ".at_least",
                    "cannot be met: only " + std::to_string(counted) + " items are counted");
            }
            if (k.at_most && *k.at_most < k.at_least) {
                add(kpath + ".at_most", "must not be below at_least");
            }
        }
    }

    void check_triage(const std::string& path, const triage_rule& t) {
        if (t.levels.size() < 2) {
            add(path + ".levels", "a triage needs at least two levels");
        }
        std::set<std::string> seen;
        for (std::size_t j = 0; j < t.levels.size(); ++j) {
            if (t.levels[j].empty()) {
                add(at(path + ".levels", j), "required");
            } else if (!seen.insert(t.levels[j]).second) {
                add(at(path + ".levels", j), "level \"" + t.levels[j] + "\" is listed twice");
            }
        }
        if (t.triggers.empty()) {
            add(path + ".triggers", "a triage needs at least one trigger");
        }
        for (std::size_t j = 0; j < t.triggers.size(); ++j) {
            const auto tpath = at(path + ".triggers", j);
            if (seen.count(t.triggers[j].level) == 0) {
                add(tpath + ".level", "unknown level \"" + t.triggers[j].level + "\"");
            }
            check_condition(tpath + ".when", t.triggers[j].when);
        }
    }

    void check_locales() {
        std::set<std::string> tags;
        for (std::size_t i = 0; i < d_.locales.size(); ++i) {
            const auto& l = d_.locales[i];
            const auto path = at("locales", i);
            if (!valid_language_tag(l.tag)) {
                add(path + ".tag", "\"" + l.tag + "\" is not a BCP-47 language tag");
            } else if (!tags.insert(lower_ascii(l.tag)).second) {
                add(path + ".tag", "duplicate locale \"" + l.tag + "\"");
            }
            require_text(path + ".source", l.source);
            const bool has_texts =
                !l.item_texts.empty() || !l.option_labels.empty() || !l.instructions.empty();
            if (has_texts && !d_.texts_may_ship && !l.user_supplied) {
                add(path, "the licence of " +
                              (d_.id.empty() ? std::string("this instrument") : d_.id) +
                              " does not allow shipping its texts; load them as a "
                              "user-supplied locale instead");
            }
            for (const auto& kv : l.item_texts) {
                if (find_item(d_, kv.first) < 0) {
                    add(path + ".item_texts." + kv.first, "unknown item");
                } else if (kv.second.empty()) {
                    add(path + ".item_texts." + kv.first, "empty text");
                }
            }
            for (std::size_t j = 0; j < l.option_labels.size(); ++j) {
                const auto& o = l.option_labels[j];
                const auto opath = at(path + ".option_labels", j);
                const auto* rs = find_response_scale(d_, o.response_scale);
                if (!rs) {
                    add(opath + ".response_scale",
                        "unknown response scale \"" + o.response_scale + "\"");
                } else if (std::none_of(
                               rs->options.begin(), rs->options.end(),
                               [&](const response_option& x) { return x.value == o.value; })) {
                    add(opath + ".value",
                        num(o.value) + " is not an option of \"" + o.response_scale + "\"");
                }
                require_text(opath + ".label", o.label);
            }
        }
        if (!d_.default_locale.empty() && tags.count(lower_ascii(d_.default_locale)) == 0) {
            add("default_locale", "\"" + d_.default_locale + "\" is not one of the locales");
        }
    }

    const instrument_definition& d_;
    problem_list p_;
};

}  // namespace

void check_missing_rule(problem_list& out, const std::string& path, const scale& s,
                        const missing_rule& m, const instrument_definition& d) {
    checker::check_rule(out, path, s, m, d);
}

problem_list check_definition(const instrument_definition& d) {
    return checker(d).run();
}

}  // namespace detail
}  // namespace instruments
THERACORE_NAMESPACE_END
