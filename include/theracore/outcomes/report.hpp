// SPDX-License-Identifier: Apache-2.0
/// @file
/// Progress reports (compiled component `theracore::report`): an SVG chart per client and
/// instrument, and a self-contained HTML progress report per client.
///
/// The chart shows the scores over time with the severity bands shaded, the clinical cut-off
/// used for classification, the reliable-change band around the baseline (baseline ± z·S_diff),
/// and event markers ("medication change"). The HTML report lists every instrument with its
/// latest score, band and change category, the alerts, the goals with their GAS T-score, and
/// the charts inline. It has no external CSS, script, font or image, so it reads the same with
/// no network. Both are deterministic: the same input gives the same bytes (golden-file tested),
/// and both are well-formed XML (the HTML is polyglot XHTML5).
///
/// Thread-safety: the functions share no state; concurrent calls are safe.
#pragma once

#include <string>
#include <tuple>
#include <vector>

#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/id.hpp>
#include <theracore/outcomes/alert.hpp>
#include <theracore/outcomes/clinical_significance.hpp>
#include <theracore/outcomes/gas.hpp>
#include <theracore/outcomes/parameters.hpp>
#include <theracore/outcomes/series.hpp>
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
namespace outcomes {

/// Something that happened in care, drawn as a marker on every chart: "medication change",
/// "started EMDR", "bereavement".
struct chart_event {
    observation_time when;
    std::string label;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("when", s.when), field("label", s.label));
    }
};

[[nodiscard]] inline problem_list validate(const chart_event& e) {
    problem_list p;
    if (!e.when.is_set()) {
        p.push_back({"when", "required"});
    }
    theracore::detail::require_nonempty(p, "label", e.label);
    return p;
}

/// Size of a chart in CSS pixels.
struct chart_options {
    int width = 720;
    int height = 320;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("width", s.width), field("height", s.height));
    }
};

[[nodiscard]] inline problem_list validate(const chart_options& o) {
    problem_list p;
    if (o.width < 320 || o.width > 4000) {
        p.push_back({"width", "must lie in 320–4000, got " + std::to_string(o.width)});
    }
    if (o.height < 200 || o.height > 4000) {
        p.push_back({"height", "must lie in 200–4000, got " + std::to_string(o.height)});
    }
    return p;
}

/// One instrument of a report: its series, the change parameters, and the cut-off criterion
/// used to classify change (`published` uses `series.cutoff`).
struct report_instrument {
    score_series series;
    change_parameters parameters;
    cutoff_criterion criterion{cutoff_criterion::published};

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("series", s.series), field("parameters", s.parameters),
                               field("criterion", s.criterion));
    }
};

/// Everything a client's progress report shows.
struct progress_report_data {
    client_id client;
    std::string client_name;
    /// May be empty.
    std::string clinician_name;
    date generated_on;
    std::vector<report_instrument> instruments;
    /// Drawn on every chart.
    std::vector<chart_event> events;
    std::vector<alert> alerts;
    std::vector<gas_goal> goals;
    double gas_rho = gas_default_rho;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(
            field("client", s.client), field("client_name", s.client_name),
            field("clinician_name", s.clinician_name), field("generated_on", s.generated_on),
            field("instruments", s.instruments), field("events", s.events),
            field("alerts", s.alerts), field("goals", s.goals), field("gas_rho", s.gas_rho));
    }
};

/// The SVG chart (a complete `<svg>` element, UTF-8) of one instrument, with `events` marked.
/// @throws validation_error naming the argument (`instrument.series.points[2].when`, …) for
/// everything `build_trajectory` rejects, invalid events or options.
[[nodiscard]] THERACORE_API std::string render_chart_svg(
    const report_instrument& instrument, const std::vector<chart_event>& events = {},
    const chart_options& options = {});

/// The HTML progress report (a complete polyglot XHTML5 document, UTF-8) of one client.
/// A report without goals says so instead of showing a T-score. An instrument whose series has
/// only unscored administrations (`score_series::unscored`) gets no chart but is still listed,
/// with each administration and its critical items.
/// @throws validation_error naming the argument (`report.instruments[1].series…`, …).
[[nodiscard]] THERACORE_API std::string render_progress_report_html(
    const progress_report_data& report, const chart_options& options = {});

}  // namespace outcomes
THERACORE_NAMESPACE_END
