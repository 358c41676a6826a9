// SPDX-License-Identifier: Apache-2.0
// The SVG chart and HTML report: parsed by a real XML parser (libxml2), checked for the
// elements they must draw, for offline readability, and against a golden file.
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <theracore/outcomes/alert_rules.hpp>
#include <theracore/outcomes/report.hpp>

#include "support/fixtures.hpp"
#include "support/outcomes_builders.hpp"

using namespace theracore;
using namespace theracore::outcomes;
using boost::posix_time::hours;

namespace {

struct doc_deleter {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using xml_doc = std::unique_ptr<xmlDoc, doc_deleter>;

/// Parses `text` as XML with no network access; fails the test when it is not well-formed.
xml_doc parse(const std::string& text) {
    xml_doc d(xmlReadMemory(text.data(), static_cast<int>(text.size()), "report.xml", "UTF-8",
                            XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
    EXPECT_NE(d, nullptr) << "not well-formed XML:\n" << text.substr(0, 400);
    return d;
}

const xmlChar* xml_text(const std::string& s) {
    return reinterpret_cast<const xmlChar*>(s.c_str());
}

using xpath_result = std::unique_ptr<xmlXPathObject, void (*)(xmlXPathObject*)>;

/// Evaluates `expr` with the prefixes `s` = SVG and `h` = XHTML.
xpath_result evaluate(const xml_doc& d, const std::string& expr) {
    std::unique_ptr<xmlXPathContext, void (*)(xmlXPathContext*)> ctx(xmlXPathNewContext(d.get()),
                                                                     xmlXPathFreeContext);
    xmlXPathRegisterNs(ctx.get(), xml_text("s"), xml_text("http://www.w3.org/2000/svg"));
    xmlXPathRegisterNs(ctx.get(), xml_text("h"), xml_text("http://www.w3.org/1999/xhtml"));
    xpath_result r(xmlXPathEvalExpression(xml_text(expr), ctx.get()), xmlXPathFreeObject);
    EXPECT_NE(r, nullptr) << expr;
    return r;
}

/// The number of nodes `expr` selects.
double count(const xml_doc& d, const std::string& expr) {
    const auto r = evaluate(d, "count(" + expr + ")");
    return r ? r->floatval : -1;
}

/// The string value of `expr`.
std::string string_of(const xml_doc& d, const std::string& expr) {
    const auto r = evaluate(d, "string(" + expr + ")");
    return r && r->stringval ? reinterpret_cast<const char*>(r->stringval) : "";
}

/// Twelve weekly PHQ-9 scores with a critical item at session 3.
report_instrument phq9_instrument() {
    auto s = test::phq9_series({19, 21, 18, 17, 15, 13, 12, 10, 9, 8, 7, 6});
    s.points[2].fired_flags = {"phq9_9"};
    return {s, test::phq9_parameters(), cutoff_criterion::published};
}

std::vector<chart_event> events() {
    return {{observation_time(date(2026, 1, 19)), "medication change"},
            {observation_time(date(2026, 2, 2)), "started behavioural activation"}};
}

report_instrument core10_instrument() {
    score_series s;
    s.instrument_id = "core10";
    s.instrument_version = "1";
    s.instrument_name = "CORE-10";
    s.bands = {{0, 10, "healthy/low"},
               {11, 14, "mild"},
               {15, 19, "moderate"},
               {20, 24, "moderate-to-severe"},
               {25, 40, "severe"}};
    s.cutoff = clinical_cutoff{11, cutoff_side::clinical, "Barkham et al. 2013"};
    s.points = {{observation_time(date(2026, 1, 5)), 22, {}, {}, {}, {}},
                {observation_time(date(2026, 2, 2)), 17, {}, {}, {}, {}},
                {observation_time(date(2026, 3, 2)), 12, {}, {}, {}, {}}};
    return {s, test::core10_parameters(), cutoff_criterion::c};
}

progress_report_data sample_report() {
    progress_report_data r;
    r.client = client_id("c-zoe");
    r.client_name = "Zoë Ñúñez";
    r.clinician_name = "Ada Okafor";
    r.generated_on = date(2026, 3, 30);
    r.instruments = {phq9_instrument(), core10_instrument()};
    r.events = events();
    alert_rule_parameters rules;
    rules.instrument_id = "phq9";
    r.alerts =
        evaluate_alerts(r.instruments[0].series, r.instruments[0].parameters, rules,
                        {r.client, episode_id("e-1"), instant(date(2026, 1, 19), hours(18))});
    r.alerts.at(0).acknowledge(clinician_id("k-ada"), instant(date(2026, 1, 20), hours(9)));
    // gasr's example: T = 55.
    const int levels[] = {-2, 0, -1, 2, 0, 1};
    const double weights[] = {3, 5, 1, 4, 2, 6};
    for (int i = 0; i < 6; ++i) {
        r.goals.push_back({goal_id("g" + std::to_string(i + 1)), "Goal " + std::to_string(i + 1),
                           levels[i], weights[i]});
    }
    return r;
}

}  // namespace

TEST(ReportChart, MatchesTheGoldenFile) {
    const std::string svg = render_chart_svg(phq9_instrument(), events());
    const std::string golden_path =
        std::string(THERACORE_TEST_DATA_DIR) + "/outcomes/phq9_chart.svg";
    if (std::getenv("THERACORE_UPDATE_GOLDEN")) {
        std::ofstream(golden_path, std::ios::binary) << svg;
    }
    const std::string golden = test::read_fixture("outcomes/phq9_chart.svg");
    if (svg != golden) {
        std::ofstream("phq9_chart.actual.svg", std::ios::binary) << svg;
    }
    EXPECT_EQ(svg, golden) << "the chart changed; if on purpose, rerun with "
                              "THERACORE_UPDATE_GOLDEN=1 and review the diff (actual output in "
                              "phq9_chart.actual.svg)";
    EXPECT_EQ(render_chart_svg(phq9_instrument(), events()), svg);  // deterministic
}

TEST(ReportChart, IsWellFormedSvgWithEveryLayer) {
    const auto d = parse(render_chart_svg(phq9_instrument(), events()));
    ASSERT_TRUE(d);
    EXPECT_EQ(count(d, "/s:svg"), 1);
    EXPECT_EQ(count(d, "//s:g[@class='bands']/s:rect"), 5);  // PHQ-9 bands shaded
    EXPECT_EQ(count(d, "//s:g[@class='cutoff']/s:line"), 1);
    EXPECT_EQ(string_of(d, "//s:g[@class='cutoff']/s:text"), "cut-off 10");
    EXPECT_EQ(count(d, "//s:g[@class='reliable-change']/s:rect"), 1);
    EXPECT_EQ(count(d, "//s:g[@class='events']/s:line"), 2);
    EXPECT_EQ(count(d, "//s:g[@class='events']/s:text[starts-with(., 'medication change')]"), 1);
    EXPECT_EQ(count(d, "//s:g[@class='scores']/s:g/s:circle[@r='4']"), 12);
    EXPECT_EQ(count(d, "//s:g[@class='scores']/s:g/s:circle[@r='7.5']"), 1);  // critical item
    // Improvement points are green, the deterioration-free start is grey.
    EXPECT_EQ(count(d, "//s:g[@class='scores']/s:g/s:circle[@r='4' and @fill='#2e7d32']"), 8);
}

TEST(ReportChart, BandShadingFollowsDirection) {
    // Lower is better: the first (lowest) band is the least severe (green); higher is better:
    // it is the most severe (red).
    auto in = core10_instrument();
    auto d = parse(render_chart_svg(in));
    EXPECT_EQ(string_of(d, "(//s:g[@class='bands']/s:rect)[1]/@fill"), "#e3f2e5");
    EXPECT_EQ(string_of(d, "(//s:g[@class='bands']/s:rect)[5]/@fill"), "#fcdddd");
    in.parameters.direction = score_direction::higher_is_better;
    in.parameters.functional->mean = 35.3;
    in.parameters.dysfunctional->mean = 20.3;
    d = parse(render_chart_svg(in));
    EXPECT_EQ(string_of(d, "(//s:g[@class='bands']/s:rect)[1]/@fill"), "#fcdddd");
}

TEST(ReportChart, DrawsTheCriterionUsed) {
    const auto d = parse(render_chart_svg(core10_instrument()));
    EXPECT_EQ(string_of(d, "//s:g[@class='cutoff']/s:text"), "cut-off c = 10.46");
}

TEST(ReportChart, BadInputNamesTheArgument) {
    auto in = phq9_instrument();
    std::swap(in.series.points[3].when, in.series.points[4].when);
    EXPECT_INVALID_AT(render_chart_svg(in), "instrument.series.points[4].when");
    EXPECT_INVALID_AT(render_chart_svg(phq9_instrument(), {{observation_time(), ""}}),
                      "events[0].label");
    EXPECT_INVALID_AT(render_chart_svg(phq9_instrument(), {}, chart_options{100, 300}),
                      "options.width");
}

// Issue 15, correction 1: an administration without a score is still on the chart and in the
// report, ringed when its critical item fired; a critical item nobody answered is marked too.
TEST(ReportChart, UnscoredAdministrationsAndUnansweredCriticalItemsAreDrawn) {
    auto in = phq9_instrument();
    unscored_point u;
    u.when = observation_time(date(2026, 1, 8));
    u.administration = administration_id("a-gap");
    u.reason = "scale_not_scored: too_many_missing: 1 of 9 items missing";
    u.fired_flags = {"phq9_9"};
    in.series.unscored.push_back(u);
    u.when = observation_time(date(2026, 4, 6));  // after the last point: widens the time axis
    u.fired_flags.clear();
    u.flags_not_evaluated = {"phq9_9"};
    in.series.unscored.push_back(u);
    in.series.points[5].flags_not_evaluated = {"phq9_9"};
    const auto d = parse(render_chart_svg(in));
    ASSERT_TRUE(d);
    EXPECT_EQ(count(d, "//s:g[@class='unscored']/s:g/s:rect"), 2);
    EXPECT_EQ(count(d, "//s:g[@class='unscored']/s:g/s:circle[@stroke='#c62828']"), 1);
    EXPECT_EQ(count(d, "//s:g[@class='unscored']/s:g/s:circle[@stroke='#e65100']"), 1);
    EXPECT_EQ(string_of(d, "(//s:g[@class='unscored']/s:g/s:rect)[1]/s:title"),
              "2026-01-08: not scored (scale_not_scored: too_many_missing: 1 of 9 items missing); "
              "critical item: phq9_9");
    EXPECT_EQ(count(d, "//s:g[@class='scores']/s:g/s:circle[@stroke='#e65100']"), 1);
    EXPECT_EQ(count(d, "//s:g[@class='legend']/s:text[starts-with(., 'not scored')]"), 1);
    EXPECT_EQ(count(d, "//s:g[@class='legend']/s:text[.='critical item not answered']"), 1);
    // Every marker lies inside the plot: the last unscored one is the right edge.
    const double x_last = std::stod(string_of(d, "(//s:g[@class='unscored']/s:g/s:rect)[2]/@x"));
    const double x_point =
        std::stod(string_of(d, "(//s:g[@class='scores']/s:g/s:circle)[last()]/@cx"));
    EXPECT_GT(x_last, x_point);
    EXPECT_LE(x_last, 720 - 132);

    auto r = sample_report();
    r.instruments[0] = in;
    const auto h = parse(render_progress_report_html(r));
    ASSERT_TRUE(h);
    EXPECT_EQ(count(h, "//h:ul[@class='gaps']/h:li"), 3);
    EXPECT_EQ(string_of(h, "//h:ul[@class='gaps']/h:li[1]/h:strong"),
              "critical item fired: phq9_9");

    // Only unscored administrations: no trajectory and no chart, but still reported.
    r.instruments[0].series.points.clear();
    const auto lone = parse(render_progress_report_html(r));
    ASSERT_TRUE(lone);
    EXPECT_EQ(count(lone, "//h:div[@class='chart']/s:svg"), 1);  // CORE-10's only
    EXPECT_EQ(string_of(lone, "//h:tbody/h:tr[1]/h:td[5]"), "2 administrations without a score");
    EXPECT_EQ(count(lone, "//h:section[h:h2='PHQ-9']/h:ul[@class='gaps']/h:li"), 2);
    EXPECT_EQ(string_of(lone, "//h:section[h:h2='PHQ-9']/h:ul/h:li[1]/h:strong"),
              "critical item fired: phq9_9");
}

TEST(ReportHtml, IsWellFormedSelfContainedAndComplete) {
    const std::string html = render_progress_report_html(sample_report());
    const auto d = parse(html);
    ASSERT_TRUE(d);
    // Readable offline: nothing is fetched.
    EXPECT_EQ(count(d, "//@src | //@href | //h:script | //h:link | //h:img | //h:iframe"), 0);
    EXPECT_EQ(html.find("url("), std::string::npos);
    EXPECT_EQ(html.find("@import"), std::string::npos);
    EXPECT_EQ(string_of(d, "/h:html/h:head/h:title"), "Progress report: Zoë Ñúñez");
    EXPECT_EQ(count(d, "//h:h2[.='Measures' or .='Alerts' or .='Goals']"), 3);
    // One summary row and one inline chart per instrument.
    EXPECT_EQ(count(d, "//h:h2[.='Measures']/following-sibling::h:table[1]/h:tbody/h:tr"), 2);
    EXPECT_EQ(count(d, "//h:div[@class='chart']/s:svg"), 2);
    EXPECT_EQ(string_of(d, "//h:tbody/h:tr[1]/h:td[5]"), "recovered");  // PHQ-9 19 -> 6
    EXPECT_EQ(string_of(d, "//h:tbody/h:tr[1]/h:td[3]"), "mild");
    EXPECT_EQ(string_of(d, "//h:tbody/h:tr[2]/h:td[5]"), "improved");  // CORE-10 22 -> 12 vs c
    // Alerts with their state; goals with the GAS T-score.
    EXPECT_EQ(count(d, "//h:span[contains(@class,'badge')]"), 2);  // critical item, severe band
    EXPECT_NE(html.find("acknowledged by k-ada on 2026-01-20"), std::string::npos);
    EXPECT_EQ(string_of(d, "//h:p[@class='gas']/h:strong"), "55.0");
    EXPECT_EQ(render_progress_report_html(sample_report()), html);  // deterministic
}

TEST(ReportHtml, WithoutGoalsOrAlerts) {
    auto r = sample_report();
    r.goals.clear();
    r.alerts.clear();
    std::string html = render_progress_report_html(r);
    EXPECT_NE(html.find("No goals recorded."), std::string::npos);
    EXPECT_NE(html.find("No alerts."), std::string::npos);
    r.goals = {{goal_id("g1"), "Walk daily", std::nullopt, 1}};
    html = render_progress_report_html(r);
    EXPECT_NE(html.find("No goal rated yet"), std::string::npos);
    EXPECT_TRUE(parse(html));
}

TEST(ReportHtml, BadInputNamesTheArgument) {
    auto r = sample_report();
    std::swap(r.instruments[1].series.points[0].when, r.instruments[1].series.points[1].when);
    EXPECT_INVALID_AT(render_progress_report_html(r),
                      "report.instruments[1].series.points[1].when");
    r = sample_report();
    r.goals[0].level = 3;
    EXPECT_INVALID_AT(render_progress_report_html(r), "report.goals[0].level");
    r = sample_report();
    r.client_name.clear();
    EXPECT_INVALID_AT(render_progress_report_html(r), "report.client_name");
    r = sample_report();
    r.events[0].label.clear();
    EXPECT_INVALID_AT(render_progress_report_html(r), "report.events[0].label");
}
