// SPDX-License-Identifier: Apache-2.0
// SVG charts and HTML progress reports. Output is built as text with fixed-precision numbers
// and no dependence on locale, time or memory addresses, so the same input gives the same
// bytes (tests compare against a golden file).
#include <theracore/outcomes/report.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <theracore/outcomes/clinical_significance.hpp>
#include <theracore/outcomes/gas.hpp>
#include <theracore/outcomes/trajectory.hpp>
#include <theracore/version.hpp>

#include "detail/outcomes.hpp"

THERACORE_NAMESPACE_BEGIN
namespace outcomes {
namespace {

using detail::fixed;
using detail::number;

/// Escapes text for XML content and attribute values.
std::string esc(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char ch : s) {
        switch (ch) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += ch;
        }
    }
    return out;
}

std::string px(double v) {
    return fixed(v, 1);
}

std::string signed_number(double v) {
    const std::string s = number(v);
    return v > 0 ? "+" + s : (v < 0 ? "−" + s.substr(1) : s);
}

std::string signed_fixed(double v, int decimals) {
    const std::string s = fixed(v, decimals);
    if (s.find_first_not_of("-0.") == std::string::npos) {
        return s;
    }
    return v > 0 ? "+" + s : (v < 0 ? "−" + s.substr(1) : s);
}

/// Days from `origin` to `t`, with the time of day for instants.
double days_since(const observation_time& t, date origin) {
    double d = static_cast<double>((t.day() - origin).days());
    if (t.is_instant()) {
        d += static_cast<double>(std::get<instant>(t.value()).time_of_day().total_seconds()) /
             86400.0;
    }
    return d;
}

std::string kind_text(change_kind k) {
    switch (k) {
        case change_kind::reliable_improvement:
            return "reliable improvement";
        case change_kind::reliable_deterioration:
            return "reliable deterioration";
        case change_kind::no_reliable_change:
            break;
    }
    return "no reliable change";
}

std::string kind_color(change_kind k) {
    switch (k) {
        case change_kind::reliable_improvement:
            return "#2e7d32";
        case change_kind::reliable_deterioration:
            return "#c62828";
        case change_kind::no_reliable_change:
            break;
    }
    return "#37474f";
}

std::string criterion_text(const cutoff_estimate& c) {
    if (c.criterion == cutoff_criterion::published) {
        return "published cut-off";
    }
    return "criterion " + std::string(to_string(c.criterion));
}

std::string rgb(double r, double g, double b) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", static_cast<unsigned>(std::lround(r)),
                  static_cast<unsigned>(std::lround(g)), static_cast<unsigned>(std::lround(b)));
    return buf;
}

/// A fill from green (least severe) through amber to red (most severe), `t` in [0, 1].
std::string severity_fill(double t) {
    struct c3 {
        double r, g, b;
    };
    const c3 green{227, 242, 229}, amber{255, 241, 208}, red{252, 221, 221};
    const auto mix = [](c3 a, c3 b, double u) {
        return rgb(a.r + (b.r - a.r) * u, a.g + (b.g - a.g) * u, a.b + (b.b - a.b) * u);
    };
    return t <= 0.5 ? mix(green, amber, t * 2) : mix(amber, red, (t - 0.5) * 2);
}

/// Rethrows a validation_error with every path prefixed by `prefix`.
template <class F>
auto within(const std::string& prefix, F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (const validation_error& e) {
        problem_list p;
        theracore::detail::append_prefixed(p, prefix, e.problems());
        throw validation_error(e.what(), std::move(p));
    }
}

problem_list check_events(const std::vector<chart_event>& events) {
    problem_list p;
    theracore::detail::validate_each(p, "events", events);
    return p;
}

struct frame {
    double left, top, width, height;
    double ymin, ymax;
    double tmin, tmax;
    double pad = 18;

    [[nodiscard]] double x(double days) const {
        if (tmax <= tmin) {
            return left + width / 2;
        }
        return left + pad + (days - tmin) / (tmax - tmin) * (width - 2 * pad);
    }
    [[nodiscard]] double y(double v) const {
        const double c = std::clamp(v, ymin, ymax);
        return top + (ymax - c) / (ymax - ymin) * height;
    }
    [[nodiscard]] double right() const { return left + width; }
    [[nodiscard]] double bottom() const { return top + height; }
};

double tick_step(double span) {
    for (double s : {0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 500.0, 1000.0}) {
        if (span / s <= 8) {
            return s;
        }
    }
    return std::pow(10.0, std::ceil(std::log10(span / 8)));
}

/// The chart, given a trajectory already built from `in`.
std::string chart(const report_instrument& in, const trajectory& t,
                  const std::vector<chart_event>& events, const chart_options& o) {
    const auto& s = in.series;
    const auto& p = in.parameters;
    const double W = o.width, H = o.height;
    frame f{};
    f.left = 52;
    f.top = 56;
    f.width = W - f.left - 132;
    f.height = H - f.top - 62;

    // Vertical range: the instrument's range, else its bands, else the data; always the data.
    double lo = 0, hi = 0;
    bool have = false;
    if (p.range) {
        lo = p.range->min;
        hi = p.range->max;
        have = true;
    } else if (!s.bands.empty()) {
        lo = s.bands.front().lower;
        hi = s.bands.back().upper;
        have = true;
    }
    for (const auto& pt : s.points) {
        lo = have ? std::min(lo, pt.value) : pt.value;
        hi = have ? std::max(hi, pt.value) : pt.value;
        have = true;
    }
    if (hi <= lo) {
        hi = lo + 1;
    }
    f.ymin = lo;
    f.ymax = hi;

    const date origin = s.points.front().when.day();
    f.tmin = days_since(s.points.front().when, origin);
    f.tmax = days_since(s.points.back().when, origin);
    for (const auto& e : events) {
        f.tmin = std::min(f.tmin, days_since(e.when, origin));
        f.tmax = std::max(f.tmax, days_since(e.when, origin));
    }
    for (const auto& u : s.unscored) {
        f.tmin = std::min(f.tmin, days_since(u.when, origin));
        f.tmax = std::max(f.tmax, days_since(u.when, origin));
    }

    const std::string name = display_name(s);
    std::string out;
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(o.width) +
           "\" height=\"" + std::to_string(o.height) + "\" viewBox=\"0 0 " +
           std::to_string(o.width) + " " + std::to_string(o.height) +
           "\" role=\"img\" aria-label=\"" + esc(name) +
           " scores over time\" font-family=\"sans-serif\" font-size=\"11\">\n";
    out += "<title>" + esc(name) + ": scores over time</title>\n";
    out += "<rect x=\"0\" y=\"0\" width=\"" + std::to_string(o.width) + "\" height=\"" +
           std::to_string(o.height) + "\" fill=\"#ffffff\"/>\n";
    out += "<text x=\"" + px(f.left) + "\" y=\"20\" font-size=\"14\" font-weight=\"bold\">" +
           esc(name) + "</text>\n";

    // Severity bands, shaded from least to most severe; each reaches up to where the next
    // begins, so inclusive integer bands (0–4, 5–9) tile without gaps.
    out += "<g class=\"bands\">\n";
    for (std::size_t i = 0; i < s.bands.size(); ++i) {
        const auto& b = s.bands[i];
        const double top_value = i + 1 < s.bands.size() ? s.bands[i + 1].lower : b.upper;
        const double y0 = f.y(top_value), y1 = f.y(b.lower);
        if (y1 - y0 <= 0) {
            continue;
        }
        const std::size_t n = s.bands.size();
        const std::size_t rank = p.direction == score_direction::lower_is_better ? i : n - 1 - i;
        const double tt = n > 1 ? static_cast<double>(rank) / static_cast<double>(n - 1) : 0.0;
        out += "<rect x=\"" + px(f.left) + "\" y=\"" + px(y0) + "\" width=\"" + px(f.width) +
               "\" height=\"" + px(y1 - y0) + "\" fill=\"" + severity_fill(tt) + "\"><title>" +
               esc(b.label) + " (" + esc(number(b.lower)) + "–" + esc(number(b.upper)) +
               ")</title></rect>\n";
        if (y1 - y0 >= 10) {
            out += "<text x=\"" + px(f.right() + 6) + "\" y=\"" + px((y0 + y1) / 2 + 4) +
                   "\" fill=\"#555555\" font-size=\"10\">" + esc(b.label) + " (" +
                   esc(number(b.lower)) + "–" + esc(number(b.upper)) + ")</text>\n";
        }
    }
    out += "</g>\n";

    // The reliable-change band: baseline ± z·S_diff.
    const double base = s.points.front().value;
    const double rc = t.threshold.points;
    out += "<g class=\"reliable-change\">\n";
    out += "<rect x=\"" + px(f.left) + "\" y=\"" + px(f.y(base + rc)) + "\" width=\"" +
           px(f.width) + "\" height=\"" + px(f.y(base - rc) - f.y(base + rc)) +
           "\" fill=\"#546e7a\" fill-opacity=\"0.16\"><title>reliable-change band: baseline " +
           esc(number(base)) + " ± " + esc(fixed(rc, 2)) + " (z = " + esc(number(p.z)) +
           ")</title></rect>\n";
    out += "<line x1=\"" + px(f.left) + "\" y1=\"" + px(f.y(base)) + "\" x2=\"" + px(f.right()) +
           "\" y2=\"" + px(f.y(base)) +
           "\" stroke=\"#546e7a\" stroke-width=\"1\" stroke-dasharray=\"1 3\"/>\n";
    out += "</g>\n";

    // The cut-off used to classify change.
    if (t.latest || s.cutoff) {
        const cutoff_estimate c =
            t.latest ? t.latest->cutoff : detail::select_cutoff(p, in.criterion, s.cutoff);
        if (c.usable && c.value && *c.value >= f.ymin && *c.value <= f.ymax) {
            const double yc = f.y(*c.value);
            const std::string label =
                c.criterion == cutoff_criterion::published
                    ? "cut-off " + number(*c.value)
                    : "cut-off " + std::string(to_string(c.criterion)) + " = " + fixed(*c.value, 2);
            out += "<g class=\"cutoff\">\n";
            out += "<line x1=\"" + px(f.left) + "\" y1=\"" + px(yc) + "\" x2=\"" + px(f.right()) +
                   "\" y2=\"" + px(yc) +
                   "\" stroke=\"#6a1b9a\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n";
            // At the left end: early scores usually sit well away from the cut-off.
            out += "<text x=\"" + px(f.left + 4) + "\" y=\"" + px(yc - 4) + "\" fill=\"#6a1b9a\">" +
                   esc(label) + "</text>\n";
            out += "</g>\n";
        }
    }

    // Axes and ticks.
    out += "<g class=\"axes\" stroke=\"#455a64\" stroke-width=\"1\">\n";
    out += "<line x1=\"" + px(f.left) + "\" y1=\"" + px(f.top) + "\" x2=\"" + px(f.left) +
           "\" y2=\"" + px(f.bottom()) + "\"/>\n";
    out += "<line x1=\"" + px(f.left) + "\" y1=\"" + px(f.bottom()) + "\" x2=\"" + px(f.right()) +
           "\" y2=\"" + px(f.bottom()) + "\"/>\n";
    out += "</g>\n<g class=\"y-ticks\" fill=\"#37474f\" text-anchor=\"end\">\n";
    const double step = tick_step(f.ymax - f.ymin);
    for (double v = std::ceil(f.ymin / step) * step; v <= f.ymax + 1e-9; v += step) {
        const double yv = f.y(v);
        out += "<line x1=\"" + px(f.left - 4) + "\" y1=\"" + px(yv) + "\" x2=\"" + px(f.left) +
               "\" y2=\"" + px(yv) + "\" stroke=\"#455a64\"/>";
        out += "<text x=\"" + px(f.left - 7) + "\" y=\"" + px(yv + 4) + "\">" + esc(number(v)) +
               "</text>\n";
    }
    out += "</g>\n";

    // Event markers, labels staggered on two rows so neighbours do not overlap.
    if (!events.empty()) {
        out += "<g class=\"events\" fill=\"#5d4037\">\n";
        for (std::size_t i = 0; i < events.size(); ++i) {
            const double xe = f.x(days_since(events[i].when, origin));
            const double ly = f.top - 8 - 13.0 * static_cast<double>(i % 2);
            const char* anchor = xe < f.left + 60      ? "start"
                                 : xe > f.right() - 60 ? "end"
                                                       : "middle";
            out += "<line x1=\"" + px(xe) + "\" y1=\"" + px(ly + 3) + "\" x2=\"" + px(xe) +
                   "\" y2=\"" + px(f.bottom()) +
                   "\" stroke=\"#8d6e63\" stroke-width=\"1\" stroke-dasharray=\"3 3\"/>";
            out += "<text x=\"" + px(xe) + "\" y=\"" + px(ly) + "\" text-anchor=\"" + anchor +
                   "\">" + esc(events[i].label) + "<title>" + esc(events[i].when.iso8601()) + ": " +
                   esc(events[i].label) + "</title></text>\n";
        }
        out += "</g>\n";
    }

    // The scores.
    std::vector<double> xs;
    for (const auto& pt : s.points) {
        xs.push_back(f.x(days_since(pt.when, origin)));
    }
    out +=
        "<g class=\"scores\">\n<polyline fill=\"none\" stroke=\"#263238\" "
        "stroke-width=\"1.5\" points=\"";
    for (std::size_t i = 0; i < s.points.size(); ++i) {
        out += (i ? " " : "") + px(xs[i]) + "," + px(f.y(s.points[i].value));
    }
    out += "\"/>\n";
    const bool label_values = s.points.size() <= 24;
    for (std::size_t i = 0; i < t.points.size(); ++i) {
        const auto& tp = t.points[i];
        const double xp = xs[i], yp = f.y(tp.point.value);
        std::string tip = tp.point.when.iso8601() + ": " + number(tp.point.value);
        if (tp.band) {
            tip += " (" + *tp.band + ")";
        }
        if (i > 0) {
            tip += "; change from baseline " + signed_number(tp.change_from_baseline) + ", RCI " +
                   signed_fixed(tp.rci, 2) + ", " + kind_text(tp.kind);
        } else {
            tip += "; baseline";
        }
        if (!tp.point.fired_flags.empty()) {
            tip += "; critical item: " + detail::join(tp.point.fired_flags);
        }
        if (!tp.point.flags_not_evaluated.empty()) {
            tip += "; critical item not answered: " + detail::join(tp.point.flags_not_evaluated);
        }
        out += "<g>";
        if (!tp.point.fired_flags.empty()) {
            out += "<circle cx=\"" + px(xp) + "\" cy=\"" + px(yp) +
                   "\" r=\"7.5\" fill=\"none\" stroke=\"#c62828\" stroke-width=\"2\"/>";
        } else if (!tp.point.flags_not_evaluated.empty()) {
            out += "<circle cx=\"" + px(xp) + "\" cy=\"" + px(yp) +
                   "\" r=\"7.5\" fill=\"none\" stroke=\"#e65100\" stroke-width=\"2\" "
                   "stroke-dasharray=\"3 2\"/>";
        }
        out += "<circle cx=\"" + px(xp) + "\" cy=\"" + px(yp) + "\" r=\"4\" fill=\"" +
               kind_color(tp.kind) + "\"><title>" + esc(tip) + "</title></circle>";
        if (label_values) {
            out += "<text x=\"" + px(xp) + "\" y=\"" + px(yp - 10) +
                   "\" text-anchor=\"middle\" font-size=\"10\" fill=\"#263238\">" +
                   esc(number(tp.point.value)) + "</text>";
        }
        out += "</g>\n";
    }
    out += "</g>\n";

    // Administrations without a score: a hollow square at the top of the plot over a dashed
    // line, ringed like a point when a critical item fired; the tooltip says why.
    if (!s.unscored.empty()) {
        out += "<g class=\"unscored\">\n";
        for (const auto& u : s.unscored) {
            const double xu = f.x(days_since(u.when, origin));
            const double yu = f.top + 8;
            std::string tip = u.when.iso8601() + ": not scored (" + u.reason + ")";
            if (!u.fired_flags.empty()) {
                tip += "; critical item: " + detail::join(u.fired_flags);
            }
            if (!u.flags_not_evaluated.empty()) {
                tip += "; critical item not answered: " + detail::join(u.flags_not_evaluated);
            }
            out += "<g><line x1=\"" + px(xu) + "\" y1=\"" + px(yu + 5) + "\" x2=\"" + px(xu) +
                   "\" y2=\"" + px(f.bottom()) +
                   "\" stroke=\"#78909c\" stroke-width=\"1\" stroke-dasharray=\"2 3\"/>";
            if (!u.fired_flags.empty()) {
                out += "<circle cx=\"" + px(xu) + "\" cy=\"" + px(yu) +
                       "\" r=\"8.5\" fill=\"none\" stroke=\"#c62828\" stroke-width=\"2\"/>";
            } else if (!u.flags_not_evaluated.empty()) {
                out += "<circle cx=\"" + px(xu) + "\" cy=\"" + px(yu) +
                       "\" r=\"8.5\" fill=\"none\" stroke=\"#e65100\" stroke-width=\"2\" "
                       "stroke-dasharray=\"3 2\"/>";
            }
            out += "<rect x=\"" + px(xu - 4.5) + "\" y=\"" + px(yu - 4.5) +
                   "\" width=\"9\" height=\"9\" fill=\"#ffffff\" stroke=\"#455a64\" "
                   "stroke-width=\"1.5\"><title>" +
                   esc(tip) + "</title></rect></g>\n";
        }
        out += "</g>\n";
    }

    // Dates under the axis, thinned to at least 72 px apart; the first and last always shown.
    std::vector<std::size_t> labelled;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        if (labelled.empty() || xs[i] - xs[labelled.back()] >= 72) {
            labelled.push_back(i);
        }
    }
    if (labelled.back() != xs.size() - 1) {
        if (labelled.size() > 1 && xs.back() - xs[labelled.back()] < 72) {
            labelled.pop_back();
        }
        labelled.push_back(xs.size() - 1);
    }
    out += "<g class=\"x-ticks\" fill=\"#37474f\" text-anchor=\"middle\" font-size=\"10\">\n";
    for (std::size_t i : labelled) {
        out += "<line x1=\"" + px(xs[i]) + "\" y1=\"" + px(f.bottom()) + "\" x2=\"" + px(xs[i]) +
               "\" y2=\"" + px(f.bottom() + 4) + "\" stroke=\"#455a64\"/>";
        out += "<text x=\"" + px(xs[i]) + "\" y=\"" + px(f.bottom() + 16) + "\">" +
               esc(to_iso8601(s.points[i].when.day())) + "</text>\n";
    }
    out += "</g>\n";

    // Legend.
    const double ly = H - 12;
    double lx = f.left;
    out += "<g class=\"legend\" fill=\"#37474f\" font-size=\"10\">\n";
    for (auto k : {change_kind::reliable_improvement, change_kind::no_reliable_change,
                   change_kind::reliable_deterioration}) {
        out += "<circle cx=\"" + px(lx + 4) + "\" cy=\"" + px(ly - 3) + "\" r=\"4\" fill=\"" +
               kind_color(k) + "\"/><text x=\"" + px(lx + 12) + "\" y=\"" + px(ly) + "\">" +
               kind_text(k) + "</text>\n";
        lx += 120;
    }
    out += "<rect x=\"" + px(lx) + "\" y=\"" + px(ly - 8) +
           "\" width=\"14\" height=\"8\" fill=\"#546e7a\" fill-opacity=\"0.16\"/><text x=\"" +
           px(lx + 18) + "\" y=\"" + px(ly) + "\">reliable-change band ± " + esc(fixed(rc, 2)) +
           "</text>\n";
    lx += 160;
    bool any_flag = false, any_unanswered = false;
    for (const auto& pt : s.points) {
        any_flag = any_flag || !pt.fired_flags.empty();
        any_unanswered = any_unanswered || !pt.flags_not_evaluated.empty();
    }
    for (const auto& u : s.unscored) {
        any_flag = any_flag || !u.fired_flags.empty();
        any_unanswered = any_unanswered || !u.flags_not_evaluated.empty();
    }
    if (any_flag) {
        out += "<circle cx=\"" + px(lx + 6) + "\" cy=\"" + px(ly - 3) +
               "\" r=\"5.5\" fill=\"none\" stroke=\"#c62828\" stroke-width=\"2\"/><text x=\"" +
               px(lx + 16) + "\" y=\"" + px(ly) + "\">critical item</text>\n";
    }
    // A second row for what only some charts have.
    const double ly2 = ly - 15;
    double lx2 = f.left;
    if (!s.unscored.empty()) {
        out += "<rect x=\"" + px(lx2) + "\" y=\"" + px(ly2 - 7) +
               "\" width=\"8\" height=\"8\" fill=\"#ffffff\" stroke=\"#455a64\" "
               "stroke-width=\"1.5\"/><text x=\"" +
               px(lx2 + 12) + "\" y=\"" + px(ly2) +
               "\">not scored (answers missing or invalid)</text>\n";
        lx2 += 220;
    }
    if (any_unanswered) {
        out += "<circle cx=\"" + px(lx2 + 6) + "\" cy=\"" + px(ly2 - 3) +
               "\" r=\"5.5\" fill=\"none\" stroke=\"#e65100\" stroke-width=\"2\" "
               "stroke-dasharray=\"3 2\"/><text x=\"" +
               px(lx2 + 16) + "\" y=\"" + px(ly2) + "\">critical item not answered</text>\n";
    }
    out += "</g>\n</svg>\n";
    return out;
}

trajectory build(const report_instrument& in) {
    return within("instrument",
                  [&] { return build_trajectory(in.series, in.parameters, in.criterion); });
}

std::string category_text(const trajectory& t) {
    if (!t.latest) {
        return "baseline only";
    }
    if (!t.latest->category) {
        return "reliable improvement; not classified (" + t.latest->cutoff.note + ")";
    }
    return std::string(to_string(*t.latest->category));
}

std::string reliability_kind_text(reliability_kind k) {
    return k == reliability_kind::cronbach_alpha ? "Cronbach's α" : "test–retest";
}

std::string level_text(const std::optional<int>& level) {
    if (!level) {
        return "not rated yet";
    }
    return *level > 0 ? "+" + std::to_string(*level)
                      : (*level < 0 ? "−" + std::to_string(-*level) : "0");
}

const char* css() {
    return R"(body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1f2933;margin:0;background:#f5f7f8}
main{max-width:960px;margin:0 auto;padding:24px 28px;background:#ffffff}
h1{font-size:24px;margin:0 0 4px}
h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #d9e2e7;padding-bottom:4px}
p.who{color:#52606d;margin:0 0 8px}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e4e7eb;vertical-align:top}
th{background:#f0f4f8;font-weight:600}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td.date,small.date{white-space:nowrap}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600}
.critical{background:#fde2e2;color:#8a1c1c}
.warning{background:#fff1d0;color:#7a4b00}
.info{background:#e3ecf7;color:#1c4f8a}
.recovered,.improved{color:#2e7d32;font-weight:600}
.deteriorated{color:#c62828;font-weight:600}
.chart{margin:8px 0;overflow-x:auto}
p.params{font-size:12px;color:#52606d;margin:4px 0 0}
p.gas{font-size:15px}
footer{font-size:12px;color:#7b8794;margin-top:32px;border-top:1px solid #e4e7eb;padding-top:8px})";
}

}  // namespace

std::string render_chart_svg(const report_instrument& instrument,
                             const std::vector<chart_event>& events, const chart_options& options) {
    problem_list p = check_events(events);
    theracore::detail::append_prefixed(p, "options", validate(options));
    throw_if_invalid(p, "invalid chart input");
    return chart(instrument, build(instrument), events, options);
}

std::string render_progress_report_html(const progress_report_data& report,
                                        const chart_options& options) {
    problem_list p;
    theracore::detail::require_nonempty(p, "report.client", report.client);
    theracore::detail::require_nonempty(p, "report.client_name", report.client_name);
    if (report.generated_on.is_special()) {
        p.push_back({"report.generated_on", "required"});
    }
    theracore::detail::append_prefixed(p, "report", check_events(report.events));
    theracore::detail::append_prefixed(p, "options", validate(options));
    throw_if_invalid(p, "invalid progress report input");

    // An instrument whose administrations all gave no score has no trajectory, but its
    // unscored administrations (and the critical items among them) are still reported.
    std::vector<std::optional<trajectory>> trajectories;
    for (std::size_t i = 0; i < report.instruments.size(); ++i) {
        const auto& in = report.instruments[i];
        const std::string path = "report.instruments[" + std::to_string(i) + "]";
        if (in.series.points.empty() && !in.series.unscored.empty()) {
            problem_list sp;
            theracore::detail::append_prefixed(sp, path + ".series", validate(in.series));
            theracore::detail::append_prefixed(sp, path + ".parameters", validate(in.parameters));
            throw_if_invalid(sp, "invalid progress report input");
            trajectories.emplace_back();
            continue;
        }
        trajectories.emplace_back(
            within(path, [&] { return build_trajectory(in.series, in.parameters, in.criterion); }));
    }
    const auto name_of = [](const score_series& s) {
        return s.instrument_name.empty() ? s.instrument_id : s.instrument_name;
    };
    std::optional<gas_result> gas;
    bool any_rated = false;
    for (const auto& g : report.goals) {
        any_rated = any_rated || g.level.has_value();
    }
    if (any_rated) {
        gas = within("report", [&] { return gas_t_score(report.goals, report.gas_rho); });
    } else {
        // Still reject invalid goals, even when none is rated yet.
        problem_list gp;
        theracore::detail::validate_each(gp, "goals", report.goals);
        theracore::detail::append_prefixed(p, "report", gp);
        throw_if_invalid(p, "invalid progress report input");
    }

    std::string h;
    h += "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
         "<meta charset=\"utf-8\"/>\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
         "<title>Progress report: " +
         esc(report.client_name) + "</title>\n<style>\n" + css() +
         "\n</style>\n</head>\n<body>\n<main>\n";
    h += "<h1>Progress report: " + esc(report.client_name) + "</h1>\n<p class=\"who\">Client " +
         esc(report.client.str());
    if (!report.clinician_name.empty()) {
        h += " · clinician " + esc(report.clinician_name);
    }
    h += " · generated " + esc(to_iso8601(report.generated_on)) + "</p>\n";

    // Summary.
    h += "<h2>Measures</h2>\n";
    if (trajectories.empty()) {
        h += "<p>No measures recorded.</p>\n";
    } else {
        h += "<table>\n<thead><tr><th>Measure</th><th>Latest</th><th>Band</th>"
             "<th>Change since baseline</th><th>Outcome</th></tr></thead>\n<tbody>\n";
        for (std::size_t i = 0; i < trajectories.size(); ++i) {
            if (!trajectories[i]) {
                const auto& s = report.instruments[i].series;
                h += "<tr><td>" + esc(name_of(s)) + "</td><td>not scored <small class=\"date\">(" +
                     esc(to_iso8601(s.unscored.back().when.day())) +
                     ")</small></td><td>—</td><td>—</td><td>" + std::to_string(s.unscored.size()) +
                     " administration" + (s.unscored.size() == 1 ? "" : "s") +
                     " without a score</td></tr>\n";
                continue;
            }
            const auto& t = *trajectories[i];
            const auto& last = t.points.back();
            const std::string name =
                t.instrument_name.empty() ? t.instrument_id : t.instrument_name;
            h += "<tr><td>" + esc(name) + "</td><td class=\"num\">" +
                 esc(number(last.point.value)) + " <small class=\"date\">(" +
                 esc(to_iso8601(last.point.when.day())) + ")</small></td><td>" +
                 esc(last.band ? *last.band : std::string("—")) + "</td><td>";
            if (t.points.size() > 1) {
                h += esc(signed_number(last.change_from_baseline)) + " points, RCI " +
                     esc(signed_fixed(last.rci, 2)) + " (" + esc(kind_text(last.kind)) + ")";
            } else {
                h += "—";
            }
            const std::string cat = category_text(t);
            const std::string cls =
                t.latest && t.latest->category ? std::string(to_string(*t.latest->category)) : "";
            h += "</td><td" + (cls.empty() ? std::string() : " class=\"" + cls + "\"") + ">" +
                 esc(cat) + "</td></tr>\n";
        }
        h += "</tbody>\n</table>\n";
    }

    // Alerts.
    h += "<h2>Alerts</h2>\n";
    if (report.alerts.empty()) {
        h += "<p>No alerts.</p>\n";
    } else {
        h += "<table>\n<thead><tr><th>Severity</th><th>Alert</th><th>Raised</th>"
             "<th>Status</th></tr></thead>\n<tbody>\n";
        for (const auto& a : report.alerts) {
            const auto& d = a.data();
            std::string status = std::string(to_string(d.state));
            if (d.state == alert_state::acknowledged) {
                status += " by " + d.acknowledged_by->str() + " on " +
                          to_iso8601(d.acknowledged_at->date());
            } else if (d.state == alert_state::resolved) {
                status += " by " + d.resolved_by->str() + " on " +
                          to_iso8601(d.resolved_at->date()) +
                          (d.resolution_note ? ": " + *d.resolution_note : std::string());
            }
            h += "<tr><td><span class=\"badge " + std::string(to_string(d.severity)) + "\">" +
                 std::string(to_string(d.severity)) + "</span></td><td>" + esc(d.summary) +
                 "<br/><small>" + esc(d.rule) + "</small></td><td class=\"date\">" +
                 esc(to_iso8601(d.raised_at.date())) + "</td><td>" + esc(status) + "</td></tr>\n";
        }
        h += "</tbody>\n</table>\n";
    }

    // Goals.
    h += "<h2>Goals</h2>\n";
    if (report.goals.empty()) {
        h += "<p>No goals recorded.</p>\n";
    } else {
        h += "<table>\n<thead><tr><th>Goal</th><th>Attainment (−2 … +2)</th><th>Weight</th>"
             "</tr></thead>\n<tbody>\n";
        for (const auto& g : report.goals) {
            h += "<tr><td>" + esc(g.description.empty() ? g.id.str() : g.description) +
                 "</td><td class=\"num\">" + esc(level_text(g.level)) + "</td><td class=\"num\">" +
                 esc(number(g.weight)) + "</td></tr>\n";
        }
        h += "</tbody>\n</table>\n";
        if (gas) {
            h += "<p class=\"gas\">GAS T-score <strong>" + esc(fixed(gas->t_score, 1)) +
                 "</strong> (Kiresuk &amp; Sherman 1968; ρ = " + esc(number(gas->rho)) + ", " +
                 std::to_string(gas->goals_used) + " goal" + (gas->goals_used == 1 ? "" : "s") +
                 " rated";
            if (gas->goals_skipped) {
                h += ", " + std::to_string(gas->goals_skipped) + " not rated yet";
            }
            if (gas->weights_reset) {
                h += ", all weights 0 so weighted equally";
            }
            h += "). 50 means goals attained as expected.</p>\n";
        } else {
            h += "<p class=\"gas\">No goal rated yet, so no GAS T-score.</p>\n";
        }
    }

    // One section per instrument.
    for (std::size_t i = 0; i < trajectories.size(); ++i) {
        const auto& in = report.instruments[i];
        // What the chart can only mark: the administrations without a score, and the critical
        // items nobody answered.
        std::string gaps;
        for (const auto& u : in.series.unscored) {
            gaps += "<li><span class=\"date\">" + esc(u.when.iso8601()) + "</span>: not scored (" +
                    esc(u.reason) + ")";
            if (!u.fired_flags.empty()) {
                gaps += "; <strong>critical item fired: " + esc(detail::join(u.fired_flags)) +
                        "</strong>";
            }
            if (!u.flags_not_evaluated.empty()) {
                gaps += "; critical item not answered: " + esc(detail::join(u.flags_not_evaluated));
            }
            gaps += "</li>\n";
        }
        for (const auto& pt : in.series.points) {
            if (!pt.flags_not_evaluated.empty()) {
                gaps += "<li><span class=\"date\">" + esc(pt.when.iso8601()) + "</span>: score " +
                        esc(number(pt.value)) + "; critical item not answered: " +
                        esc(detail::join(pt.flags_not_evaluated)) + "</li>\n";
            }
        }
        if (!trajectories[i]) {
            h += "<section>\n<h2>" + esc(name_of(in.series)) +
                 "</h2>\n<p>No administration could be scored yet, so there is no chart.</p>\n"
                 "<ul class=\"gaps\">\n" +
                 gaps + "</ul>\n</section>\n";
            continue;
        }
        const auto& t = *trajectories[i];
        const auto& par = t.threshold.parameters;
        const std::string name = t.instrument_name.empty() ? t.instrument_id : t.instrument_name;
        h += "<section>\n<h2>" + esc(name) + "</h2>\n<p>Baseline " +
             esc(number(t.points.front().point.value)) + " on " +
             esc(to_iso8601(t.points.front().point.when.day()));
        if (t.latest) {
            h += " · latest " + esc(number(t.points.back().point.value)) + " on " +
                 esc(to_iso8601(t.points.back().point.when.day())) + " · " +
                 esc(kind_text(t.latest->change.kind)) + " · " + esc(category_text(t)) + " (" +
                 esc(criterion_text(t.latest->cutoff));
            if (t.latest->cutoff.value) {
                h += " " + esc(number(*t.latest->cutoff.value));
            }
            h += ")";
        }
        h += "</p>\n<div class=\"chart\">\n" + chart(in, t, report.events, options) + "</div>\n";
        if (!gaps.empty()) {
            h += "<ul class=\"gaps\">\n" + gaps + "</ul>\n";
        }
        h += "<p class=\"params\">Reliable change (Jacobson &amp; Truax 1991): SD " +
             esc(number(par.sd.value));
        if (!par.sd.population.empty() || !par.sd.source.empty()) {
            h += " (" + esc(par.sd.population) +
                 (par.sd.population.empty() || par.sd.source.empty() ? "" : "; ") +
                 esc(par.sd.source) + ")";
        }
        h += ", reliability " + esc(number(par.reliability.value)) + " (" +
             esc(reliability_kind_text(par.reliability.kind)) +
             (par.reliability.source.empty() ? "" : "; " + esc(par.reliability.source)) +
             "), z = " + esc(number(par.z)) + ": S_diff " + esc(fixed(t.threshold.s_diff, 3)) +
             ", a change must exceed " + esc(fixed(t.threshold.points, 2)) + " points (at least " +
             esc(number(t.threshold.min_whole_points)) + " whole points). Parameters " +
             (par.provenance.origin == parameter_origin::named_source
                  ? "from " + esc(par.provenance.source)
                  : "supplied by the caller" + (par.provenance.source.empty()
                                                    ? ""
                                                    : " (" + esc(par.provenance.source) + ")")) +
             ".</p>\n</section>\n";
    }

    h += "<footer>Generated by TheraCore " + std::string(version_string) +
         ". Scores, change categories and alerts support clinical judgement; they are not a "
         "diagnosis.</footer>\n</main>\n</body>\n</html>\n";
    return h;
}

}  // namespace outcomes
THERACORE_NAMESPACE_END
