// SPDX-License-Identifier: Apache-2.0
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <theracore/adapters/from_instrument.hpp>
#include <theracore/outcomes.hpp>

#include "support/adapters_builders.hpp"

using namespace theracore;
using namespace theracore::outcomes;
using itest::at;
using itest::builtin;
namespace ti = theracore::instruments;

namespace {

using theracore::itest::problems_of;

bool has_path(const problem_list& p, const std::string& path) {
    return std::any_of(p.begin(), p.end(), [&](const problem& x) { return x.path == path; });
}

bool contains(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
}

/// CORE-10 answers (items 2 and 3 are reverse keyed: scored = 4 − answer).
ti::administration core10(const std::string& id, instant when, std::vector<ti::answer> answers) {
    return itest::scored("core10", id, "c-1", when, std::move(answers));
}

}  // namespace

TEST(DirectionOf, HigherIsWorseMeansLowerIsBetter) {
    EXPECT_EQ(direction_of(ti::score_direction::higher_is_worse), score_direction::lower_is_better);
    EXPECT_EQ(direction_of(ti::score_direction::higher_is_better),
              score_direction::higher_is_better);
}

// CORE-10 psychometrics as the reference gives them (instruments.md §2.13): α .90 (Barkham et
// al. 2013); clinical M 19.7, SD 7.7, n 1,835 and general population M 4.7, SD 4.8, n 535
// (Connell & Barkham 2007). The worked example of docs/outcomes.md (§3.1): SE 2.434954,
// S_diff 3.443545, 22 -> 12 gives RCI -2.903984.
TEST(ChangeParametersFor, Core10FromItsDefinitionReproducesTheWorkedExample) {
    const auto p = change_parameters_for(builtin("core10"));
    EXPECT_EQ(p.instrument_id, "core10");
    EXPECT_EQ(p.instrument_version, "1.0");
    EXPECT_EQ(p.direction, score_direction::lower_is_better);
    EXPECT_DOUBLE_EQ(p.sd.value, 7.7);
    EXPECT_EQ(p.sd.population, "UK primary-care counselling clients (clinical, n = 1835)");
    EXPECT_TRUE(contains(p.sd.source, "Connell J, Barkham M"));
    EXPECT_DOUBLE_EQ(p.reliability.value, 0.90);
    EXPECT_EQ(p.reliability.kind, reliability_kind::cronbach_alpha);
    EXPECT_TRUE(contains(p.reliability.source, "Barkham M et al."));
    EXPECT_DOUBLE_EQ(p.z, 1.96);
    ASSERT_TRUE(p.range);
    EXPECT_EQ(p.range->min, 0);
    EXPECT_EQ(p.range->max, 40);
    ASSERT_TRUE(p.functional && p.dysfunctional);
    EXPECT_DOUBLE_EQ(p.functional->mean, 4.7);
    EXPECT_DOUBLE_EQ(p.functional->sd, 4.8);
    EXPECT_EQ(p.functional->population, "UK general population (non_clinical, n = 535)");
    EXPECT_DOUBLE_EQ(p.dysfunctional->mean, 19.7);
    EXPECT_DOUBLE_EQ(p.dysfunctional->sd, 7.7);
    EXPECT_EQ(p.provenance.origin, parameter_origin::named_source);
    EXPECT_EQ(p.provenance.source,
              "core10 v1.0 (" + p.reliability.source + "; " + p.sd.source + ")");
    EXPECT_TRUE(validate(p).empty());

    const auto t = jacobson_truax_threshold(p);
    EXPECT_NEAR(t.se, 2.434954, 1e-6);
    EXPECT_NEAR(t.s_diff, 3.443545, 1e-6);
    const auto rc = jacobson_truax_rci({"core10", "1.0", 22}, {"core10", "1.0", 12}, p);
    EXPECT_NEAR(rc.rci, -2.903984, 1e-6);
    // Criterion c = (s0·M1 + s1·M0)/(s0 + s1) = (4.8·19.7 + 7.7·4.7)/12.5 = 10.46 (§3.2).
    EXPECT_NEAR(*clinical_cutoffs(p).c.value, 10.46, 1e-9);
}

TEST(ChangeParametersFor, OptionsChooseAmongThePsychometrics) {
    // GAD-7 (instruments.md §2.3): α .92 and test-retest ICC .83 (Spitzer 2006); general
    // population women M 3.2, SD 3.5 (Löwe 2008). No clinical norm: the SD must be chosen.
    change_parameter_options o;
    o.sd_norm_group = "lowe2008_women";
    o.reliability = "retest_icc";
    o.z = 1.645;
    const auto p = change_parameters_for(builtin("gad7"), {}, o);
    EXPECT_DOUBLE_EQ(p.sd.value, 3.5);
    EXPECT_DOUBLE_EQ(p.reliability.value, 0.83);
    EXPECT_EQ(p.reliability.kind, reliability_kind::test_retest);  // an ICC is a retest kind
    EXPECT_DOUBLE_EQ(p.z, 1.645);
    ASSERT_TRUE(p.functional);
    EXPECT_DOUBLE_EQ(p.functional->mean, 3.2);
    EXPECT_FALSE(p.dysfunctional);
    EXPECT_EQ(p.range->max, 21);
    o.functional_norm_group = "lowe2008_men";
    EXPECT_DOUBLE_EQ(change_parameters_for(builtin("gad7"), {}, o).functional->mean, 2.7);
    // A subscale names itself in the provenance.
    const auto core = builtin("core10");
    EXPECT_EQ(change_parameters_for(core, "total").provenance.source.rfind("core10 v1.0 (", 0), 0u);
}

TEST(ChangeParametersFor, NamesWhatTheDefinitionLacks) {
    // PHQ-9 carries a reliability but no norm group (the reference gives no canonical pair).
    EXPECT_EQ(problems_of([] { (void)change_parameters_for(builtin("phq9")); }),
              (problem_list{{"psychometrics.norms",
                             "phq9 v1.0 has no clinical norm group to take the SD (s1) from; "
                             "name a norm group with options.sd_norm_group or supply one with "
                             "options.supplied_sd"}}));
    // DASS-21 depression has neither; both are reported at once.
    EXPECT_EQ(problems_of([] { (void)change_parameters_for(builtin("dass21"), "depression"); }),
              (problem_list{{"psychometrics.reliability",
                             "dass21 v1.0 scale depression has no reliability estimate; the "
                             "reliable change index needs one"},
                            {"psychometrics.norms",
                             "dass21 v1.0 scale depression has no clinical norm group to take "
                             "the SD (s1) from; name a norm group with options.sd_norm_group or "
                             "supply one with options.supplied_sd"}}));
    EXPECT_TRUE(
        has_path(problems_of([] { (void)change_parameters_for(builtin("dass21")); }), "scale_id"));
}

TEST(ChangeParametersFor, SuppliedValuesReplaceTheDefinitions) {
    // PHQ-9 has no clinical norm group: a study's own pre-treatment SD (here 5.6, a made-up
    // sample value) completes its parameters; the reliability (alpha .89, Kroenke et al. 2001),
    // direction, range and provenance still come from the definition.
    change_parameter_options o;
    o.supplied_sd = standard_deviation{5.6, "study baseline", ""};
    const auto p = change_parameters_for(builtin("phq9"), {}, o);
    EXPECT_DOUBLE_EQ(p.sd.value, 5.6);
    EXPECT_DOUBLE_EQ(p.reliability.value, 0.89);
    EXPECT_EQ(p.direction, score_direction::lower_is_better);
    EXPECT_EQ(p.range->max, 27);
    EXPECT_TRUE(contains(p.provenance.source, "SD supplied by the caller"));
    // A supplied reliability replaces the definition's first estimate (CORE-10 alpha .90,
    // Barkham et al. 2013); the norm group's SD stays.
    o = {};
    o.supplied_reliability = reliability_coefficient{0.8, reliability_kind::test_retest, "own"};
    const auto q = change_parameters_for(builtin("core10"), {}, o);
    EXPECT_DOUBLE_EQ(q.reliability.value, 0.8);
    EXPECT_EQ(q.reliability.kind, reliability_kind::test_retest);
    EXPECT_DOUBLE_EQ(q.sd.value, 7.7);
    EXPECT_TRUE(contains(q.provenance.source, "own"));
}

TEST(ChangeParametersFor, BadSuppliedValuesAreNamed) {
    change_parameter_options o;
    o.supplied_sd = standard_deviation{-1, "", ""};
    o.sd_norm_group = "primary_care_counselling";
    o.supplied_reliability = reliability_coefficient{1.5, reliability_kind::test_retest, ""};
    o.reliability = "alpha";
    const auto p = problems_of([&] { (void)change_parameters_for(builtin("core10"), {}, o); });
    EXPECT_TRUE(has_path(p, "options.reliability"));
    EXPECT_TRUE(has_path(p, "options.supplied_reliability.value"));
    EXPECT_TRUE(has_path(p, "options.sd_norm_group"));
    EXPECT_TRUE(has_path(p, "options.supplied_sd.value"));
    EXPECT_EQ(p.size(), 4u);
}

TEST(ChangeParametersFor, BadOptionsAreNamed) {
    const auto& core = builtin("core10");
    change_parameter_options o;
    o.reliability = "retest";
    o.sd_norm_group = "nowhere";
    o.functional_norm_group = "primary_care_counselling";  // clinical, not functional
    o.dysfunctional_norm_group = "general_population";     // non-clinical
    o.z = 0;
    EXPECT_EQ(
        problems_of([&] { (void)change_parameters_for(core, {}, o); }),
        (problem_list{{"options.reliability", "no reliability estimate \"retest\" on this scale"},
                      {"options.sd_norm_group", "no norm group \"nowhere\" on this scale"},
                      {"options.functional_norm_group",
                       "norm group \"primary_care_counselling\" is clinical, not non_clinical"},
                      {"options.dysfunctional_norm_group",
                       "norm group \"general_population\" is non_clinical, not clinical"},
                      {"options.z", "the z criterion must be positive"}}));
    EXPECT_TRUE(
        has_path(problems_of([&] { (void)change_parameters_for(core, "phq2"); }), "scale_id"));
}

TEST(ChangeParametersFor, AReliabilityOfKindOtherIsRefused) {
    const auto odd = itest::variant_of("core10", [](auto& d) {
        d.scales[0].psychometrics.reliability[0].kind = ti::reliability_kind::other;
    });
    EXPECT_EQ(problems_of([&] { (void)change_parameters_for(odd); }),
              (problem_list{{"psychometrics.reliability[alpha].kind",
                             "kind \"other\" is neither test-retest nor Cronbach's alpha; choose "
                             "another estimate with options.reliability"}}));
}

TEST(ChangeParametersFor, HigherIsBetterInstrumentsKeepTheirDirection) {
    const auto better = itest::variant_of("core10", [](auto& d) {
        d.id = "core10_flipped";
        d.direction = ti::score_direction::higher_is_better;
        d.scales[0].cut_offs[0].test = ti::comparison::less_than;
    });
    EXPECT_EQ(change_parameters_for(better).direction, score_direction::higher_is_better);
}

// NHS Talking Therapies (NHS Digital 2016; instruments.md §3.4): PHQ-9 caseness >= 10,
// reliable change >= 6; GAD-7 >= 8, >= 4. CORE-10 (Barkham et al. 2013): RCI 6, cut-off 11.
TEST(TalkingTherapiesRuleSetFor, TheDefinitionsCriteria) {
    const auto phq9 = talking_therapies_rule_set_for(builtin("phq9"));
    EXPECT_EQ(phq9.name, "nhs_talking_therapies.phq9");
    EXPECT_EQ(phq9.instrument_id, "phq9");
    EXPECT_EQ(phq9.direction, score_direction::lower_is_better);
    EXPECT_EQ(phq9.caseness, 10);
    EXPECT_EQ(phq9.reliable_change, 6);
    EXPECT_TRUE(contains(phq9.source, "NHS Digital (2016)"));
    const auto gad7 = talking_therapies_rule_set_for(builtin("gad7"));
    EXPECT_EQ(gad7.caseness, 8);
    EXPECT_EQ(gad7.reliable_change, 4);
    const auto core = talking_therapies_rule_set_for(builtin("core10"), "barkham2013");
    EXPECT_EQ(core.name, "barkham2013.core10");
    EXPECT_EQ(core.caseness, 11);
    EXPECT_EQ(core.reliable_change, 6);
    // Used as outcomes uses any rule set: 16 -> 9 is a reliable recovery on PHQ-9.
    const auto o = talking_therapies({"phq9", "1.0", 16}, {"phq9", "1.0", 9}, phq9);
    EXPECT_TRUE(o.reliable_recovery);
}

TEST(TalkingTherapiesRuleSetFor, NamesWhatIsMissing) {
    EXPECT_EQ(problems_of([] { (void)talking_therapies_rule_set_for(builtin("core10")); }),
              (problem_list{{"criterion_id",
                             "core10 v1.0 has no change criterion \"nhs_talking_therapies\""}}));
    const auto no_caseness = itest::variant_of(
        "phq9", [](auto& d) { d.scales[0].psychometrics.change_criteria[0].caseness.reset(); });
    EXPECT_EQ(problems_of([&] { (void)talking_therapies_rule_set_for(no_caseness); }),
              (problem_list{{"psychometrics.change_criteria[nhs_talking_therapies].caseness",
                             "phq9 v1.0 criterion nhs_talking_therapies has no caseness "
                             "threshold"}}));
    EXPECT_TRUE(has_path(
        problems_of([] { (void)talking_therapies_rule_set_for(builtin("cssrs_screener")); }),
        "scale_id"));
}

TEST(AlertRulesFor, CriticalFlagsComeFromTheDefinition) {
    const auto phq9 = alert_rules_for(builtin("phq9"));
    EXPECT_EQ(phq9.instrument_id, "phq9");
    EXPECT_TRUE(phq9.critical_items);
    EXPECT_EQ(phq9.critical_flags, (std::vector<std::string>{"item9_self_harm"}));
    EXPECT_EQ(alert_rules_for(builtin("epds")).critical_flags,
              (std::vector<std::string>{"item10_self_harm"}));
    EXPECT_EQ(alert_rules_for(builtin("core10")).critical_flags,
              (std::vector<std::string>{"item6_risk"}));
    // AUDIT's only flag is informational: no critical-item rule at all, not "any flag".
    const auto audit = alert_rules_for(builtin("audit"));
    EXPECT_FALSE(audit.critical_items);
    EXPECT_TRUE(audit.critical_flags.empty());
    EXPECT_EQ(alert_rules_for(builtin("audit"), ti::flag_severity::info).critical_flags,
              (std::vector<std::string>{"next_higher_zone"}));
    EXPECT_FALSE(alert_rules_for(builtin("gad7")).critical_items);
    for (const auto& inst : ti::builtin_catalog().instruments()) {
        EXPECT_TRUE(validate(alert_rules_for(inst)).empty()) << inst.id();
    }
}

// Cut-offs as published (instruments.md §2.1, §2.3, §2.8, §2.13, §2.15).
TEST(ClinicalCutoffFor, ThePrimaryCutOffWithItsSide) {
    const auto phq9 = clinical_cutoff_for(builtin("phq9"));
    ASSERT_TRUE(phq9);
    EXPECT_EQ(phq9->value, 10);
    EXPECT_EQ(phq9->at_value, cutoff_side::clinical);
    EXPECT_EQ(phq9->source.rfind("Probable major depression (", 0), 0u) << phq9->source;
    EXPECT_EQ(clinical_cutoff_for(builtin("gad7"))->value, 10);
    EXPECT_EQ(clinical_cutoff_for(builtin("core10"))->value, 11);
    EXPECT_EQ(clinical_cutoff_for(builtin("audit"))->value, 8);
    EXPECT_EQ(clinical_cutoff_for(builtin("epds"))->value, 10);  // the first of two
    EXPECT_EQ(clinical_cutoff_for(builtin("epds"), {}, "probable_depression")->value, 13);
    // PHQ-2: >= 3 is primary; >= 2 is the more sensitive alternative (Arroll 2010).
    EXPECT_EQ(clinical_cutoff_for(builtin("phq9"), "phq2")->value, 3);
    EXPECT_EQ(clinical_cutoff_for(builtin("phq9"), "phq2", "phq2_positive_sensitive")->value, 2);
    EXPECT_FALSE(clinical_cutoff_for(builtin("dass21"), "depression"));
}

TEST(ClinicalCutoffFor, TheSideFollowsTheTest) {
    const auto strict = itest::variant_of("core10", [](auto& d) {
        d.scales[0].cut_offs[0].test = ti::comparison::greater_than;
        d.scales[0].cut_offs[0].threshold = 10;
    });
    EXPECT_EQ(clinical_cutoff_for(strict)->at_value, cutoff_side::functional);
    const auto better = itest::variant_of("core10", [](auto& d) {
        d.direction = ti::score_direction::higher_is_better;
        d.scales[0].cut_offs[0].test = ti::comparison::less_than;
    });
    EXPECT_EQ(clinical_cutoff_for(better)->at_value, cutoff_side::functional);
    const auto better_inclusive = itest::variant_of("core10", [](auto& d) {
        d.direction = ti::score_direction::higher_is_better;
        d.scales[0].cut_offs[0].test = ti::comparison::at_most;
    });
    EXPECT_EQ(clinical_cutoff_for(better_inclusive)->at_value, cutoff_side::clinical);
}

TEST(ClinicalCutoffFor, BadCutOffsAreNamed) {
    EXPECT_EQ(problems_of([] { (void)clinical_cutoff_for(builtin("phq9"), {}, "caseness"); }),
              (problem_list{{"cut_off_id", "phq9 v1.0 has no cut-off \"caseness\""}}));
    const auto wrong_way = itest::variant_of(
        "core10", [](auto& d) { d.scales[0].cut_offs[0].test = ti::comparison::at_most; });
    EXPECT_EQ(problems_of([&] { (void)clinical_cutoff_for(wrong_way); }),
              (problem_list{{"cut_off_id",
                             "cut-off clinical (<= 11) does not point towards "
                             "the worse end of core10"}}));
}

TEST(SeriesFor, Core10AdministrationsBecomeATrajectoryAndAlerts) {
    // Answers (items 2–3 reverse keyed, scored 4 − answer; CORE-10 scoring, §2.13):
    //   a-1: all 2                           -> 20, item 6 = 2 fires item6_risk
    //   a-2: 1,3,3,1,1,0,1,1,1,2 (scored 1s)  -> 10, item 6 = 0
    //   a-3: two items missing               -> not scorable (at most one may be missing)
    const std::vector<instruments::administration> adms{
        core10("a-2", at(2026, 2, 2, 10), {1, 3, 3, 1, 1, 0, 1, 1, 1, 2}),
        core10("a-3", at(2026, 3, 2, 10), {1, 3, 3, 1, 1, 0, 1, 1, ti::answer(), ti::answer()}),
        core10("a-1", at(2026, 1, 5, 10), {2, 2, 2, 2, 2, 2, 2, 2, 2, 2})};
    session::fields sf;
    sf.id = session_id("s-1");
    sf.episode = episode_id("e-1");
    sf.clinician = clinician_id("k-1");
    sf.start = at(2026, 1, 5, 9);
    sf.duration_minutes = 50;
    sf.attendees = {{client_id("c-1"), std::nullopt, std::nullopt, attendance_role::client}};
    sf.measures = {administration_id("a-1")};
    const auto s1 = session::create(sf);

    const auto out = series_for(builtin("core10"), adms, {s1});
    const auto& s = out.series;
    EXPECT_EQ(s.instrument_id, "core10");
    EXPECT_EQ(s.instrument_version, "1.0");
    EXPECT_EQ(s.instrument_name, builtin("core10").name());
    ASSERT_EQ(s.points.size(), 2u);  // in time order, whatever the input order
    EXPECT_EQ(s.points[0].administration, administration_id("a-1"));
    EXPECT_EQ(s.points[0].when, observation_time(at(2026, 1, 5, 10)));
    EXPECT_EQ(s.points[0].value, 20);
    EXPECT_EQ(s.points[0].session, session_id("s-1"));
    EXPECT_EQ(s.points[0].fired_flags, (std::vector<std::string>{"item6_risk"}));
    EXPECT_EQ(s.points[1].value, 10);
    EXPECT_FALSE(s.points[1].session);
    EXPECT_TRUE(s.points[1].fired_flags.empty());
    ASSERT_EQ(out.unscored.size(), 1u);
    EXPECT_EQ(out.unscored[0].administration, administration_id("a-3"));
    EXPECT_EQ(out.unscored[0].reason, unscored_reason::scale_not_scored);
    EXPECT_TRUE(out.flags_not_evaluated.empty());  // item 6 was answered every time
    // Barkham et al. 2013 bands and the clinical cut-off >= 11.
    ASSERT_EQ(s.bands.size(), 5u);
    EXPECT_EQ(s.bands[0].lower, 0);
    EXPECT_EQ(s.bands[0].upper, 10);
    EXPECT_EQ(s.bands[4].lower, 25);
    EXPECT_EQ(s.bands[4].upper, 40);
    EXPECT_EQ(s.bands[4].label, "Severe");
    ASSERT_TRUE(s.cutoff);
    EXPECT_EQ(s.cutoff->value, 11);
    EXPECT_TRUE(validate(s).empty());

    const auto params = change_parameters_for(builtin("core10"));
    const auto t = build_trajectory(s, params, cutoff_criterion::c);
    EXPECT_NEAR(t.points[1].rci, -2.903984, 1e-6);  // 20 -> 10, as 22 -> 12 above
    ASSERT_TRUE(t.latest && t.latest->category);
    EXPECT_EQ(*t.latest->category, jacobson_truax_category::recovered);  // c = 10.46
    EXPECT_EQ(t.points[0].band, std::string("Moderate to severe"));

    const auto alerts = evaluate_alerts(s, params, alert_rules_for(builtin("core10")),
                                        {client_id("c-1"), episode_id("e-1"), at(2026, 2, 2, 18)});
    ASSERT_EQ(alerts.size(), 1u);
    EXPECT_EQ(alerts[0].kind(), alert_kind::critical_item);
    EXPECT_EQ(alerts[0].severity(), alert_severity::critical);
}

TEST(SeriesFor, PointsOfPhq9WithBandsAndUnevaluatedFlags) {
    const std::vector<instruments::administration> adms{
        itest::phq9("p-1", "c-1", at(2026, 1, 5), 17, 1),
        itest::phq9("p-2", "c-1", at(2026, 1, 12), 12, ti::answer()),
        itest::as_version(itest::phq9("p-3", "c-1", at(2026, 1, 19), 10, 0), "0.9")};
    const auto out = series_for(builtin("phq9"), adms);
    ASSERT_EQ(out.series.points.size(), 1u);
    EXPECT_EQ(out.series.points[0].value, 18);
    EXPECT_EQ(out.series.points[0].fired_flags, (std::vector<std::string>{"item9_self_harm"}));
    ASSERT_EQ(out.unscored.size(), 2u);
    EXPECT_EQ(out.unscored[0].reason, unscored_reason::scale_not_scored);
    EXPECT_EQ(out.unscored[1].reason, unscored_reason::other_version);
    // Item 9 unanswered at p-2: the flag could be neither raised nor ruled out.
    ASSERT_EQ(out.flags_not_evaluated.size(), 1u);
    EXPECT_EQ(out.flags_not_evaluated[0].administration, administration_id("p-2"));
    EXPECT_EQ(out.flags_not_evaluated[0].flags, (std::vector<std::string>{"item9_self_harm"}));
    // Kroenke et al. 2001 bands: 0–4, 5–9, 10–14, 15–19, 20–27.
    const std::vector<severity_band> kroenke{{0, 4, "None-minimal"},
                                             {5, 9, "Mild"},
                                             {10, 14, "Moderate"},
                                             {15, 19, "Moderately severe"},
                                             {20, 27, "Severe"}};
    EXPECT_EQ(out.series.bands, kroenke);
    // The PHQ-2 subscale, on request.
    series_options o;
    o.scale = "phq2";
    const auto phq2 = series_for(builtin("phq9"), adms, {}, o);
    EXPECT_EQ(phq2.series.points.size(), 2u);  // p-2's items 1–2 were answered
    EXPECT_TRUE(phq2.series.bands.empty());
    EXPECT_EQ(phq2.series.cutoff->value, 3);
    EXPECT_TRUE(series_for(builtin("phq9"), {}).series.points.empty());
}

// Issue 15, correction 1: a critical answer is never lost. PHQ-9 publishes no missing-data
// rule (Kroenke et al. 2001), so a form with item 4 missing has no total; its item 9 = 3 still
// fires item9_self_harm (any answer above 0 on item 9: Kroenke & Spitzer 2002), and that must
// reach the series, the critical-item alert and the chart.
TEST(SeriesFor, AnUnscoredFormsCriticalAnswerStillRaisesItsAlert) {
    const std::vector<ti::answer> gap{2, 2, 2, ti::answer(), 2, 2, 2, 2, 3, 0};
    const std::vector<instruments::administration> adms{
        itest::phq9("p-1", "c-1", at(2026, 1, 5), 16, 0),
        itest::scored("phq9", "p-2", "c-1", at(2026, 1, 12), gap),
        itest::phq9("p-3", "c-1", at(2026, 1, 19), 12, 2),
        itest::phq9("p-4", "c-1", at(2026, 1, 26), 12, ti::answer())};
    ASSERT_FALSE(adms[1].result.scales[0].value);  // no total
    const auto out = series_for(builtin("phq9"), adms);
    const auto& s = out.series;
    EXPECT_TRUE(validate(s).empty());
    ASSERT_EQ(s.points.size(), 2u);
    EXPECT_EQ(s.points[0].value, 16);
    EXPECT_EQ(s.points[1].value, 14);
    ASSERT_EQ(s.unscored.size(), 2u);
    EXPECT_EQ(s.unscored[0].administration, administration_id("p-2"));
    EXPECT_EQ(s.unscored[0].when, observation_time(at(2026, 1, 12)));
    EXPECT_EQ(s.unscored[0].fired_flags, (std::vector<std::string>{"item9_self_harm"}));
    EXPECT_TRUE(s.unscored[0].flags_not_evaluated.empty());
    EXPECT_EQ(s.unscored[0].reason.rfind("scale_not_scored: too_many_missing", 0), 0u)
        << s.unscored[0].reason;
    // p-4: item 9 unanswered, so neither a total nor a known item 9.
    EXPECT_EQ(s.unscored[1].administration, administration_id("p-4"));
    EXPECT_TRUE(s.unscored[1].fired_flags.empty());
    EXPECT_EQ(s.unscored[1].flags_not_evaluated, (std::vector<std::string>{"item9_self_harm"}));
    EXPECT_EQ(out.unscored.size(), 2u);

    // PHQ-9 has no clinical norm group in its definition: a study's SD is supplied.
    change_parameter_options po;
    po.supplied_sd = standard_deviation{5.72, "study baseline", ""};
    const auto params = change_parameters_for(builtin("phq9"), {}, po);
    const auto alerts = evaluate_alerts(s, params, alert_rules_for(builtin("phq9")),
                                        {client_id("c-1"), {}, at(2026, 2, 1)});
    ASSERT_EQ(alerts.size(), 2u);
    const auto& a = alerts[0].data();
    EXPECT_EQ(a.kind, alert_kind::critical_item);
    EXPECT_EQ(a.severity, alert_severity::critical);
    EXPECT_EQ(a.id, alert_id("c-1/phq9/critical_item/2026-01-12T00:00:00Z"));
    EXPECT_EQ(a.summary,
              "Patient Health Questionnaire-9 (PHQ-9) critical item fired (item9_self_harm) on "
              "2026-01-12T00:00:00Z (the form could not be scored)");
    ASSERT_EQ(a.evidence.size(), 1u);
    EXPECT_FALSE(a.evidence[0].value);  // there is no score to cite
    EXPECT_EQ(a.evidence[0].administration, administration_id("p-2"));
    EXPECT_EQ(a.evidence[0].fired_flags, (std::vector<std::string>{"item9_self_harm"}));
    // The scored p-3 (item 9 = 2) raises its own, after it in time.
    EXPECT_EQ(alerts[1].data().evidence[0].value, std::optional<double>(14));
    EXPECT_EQ(alerts[1].data().evidence[0].administration, administration_id("p-3"));

    // With only unscored forms there is no trajectory, but the alert still fires.
    const auto lone = series_for(builtin("phq9"), {adms[1]});
    EXPECT_TRUE(lone.series.points.empty());
    EXPECT_EQ(evaluate_alerts(lone.series, params, alert_rules_for(builtin("phq9")),
                              {client_id("c-1"), {}, at(2026, 2, 1)})
                  .size(),
              1u);
}

TEST(SeriesFor, OnlyCriticalFlagsMarkAPoint) {
    // AUDIT >= 2 on items 4–6 fires the informational "next higher zone" flag (Babor 2001).
    const auto au =
        itest::scored("audit", "au-1", "c-1", at(2026, 1, 5), {4, 4, 4, 2, 2, 2, 0, 0, 2, 2});
    ASSERT_TRUE(au.result.flagged("next_higher_zone"));
    EXPECT_TRUE(series_for(builtin("audit"), {au}).series.points[0].fired_flags.empty());
    series_options o;
    o.flag_severity = ti::flag_severity::info;
    EXPECT_EQ(series_for(builtin("audit"), {au}, {}, o).series.points[0].fired_flags,
              (std::vector<std::string>{"next_higher_zone"}));
}

TEST(SeriesFor, BadInputIsNamed) {
    const auto a1 = itest::phq9("p-1", "c-1", at(2026, 1, 5), 10);
    auto same_time = itest::phq9("p-2", "c-1", at(2026, 1, 5), 12);
    const auto other_client = itest::phq9("p-3", "c-2", at(2026, 1, 6), 12);
    const auto gad = itest::scored("gad7", "g-1", "c-1", at(2026, 1, 7), {1, 1, 1, 1, 1, 1, 1});
    auto invalid = itest::phq9("p-4", "c-1", at(2026, 1, 8), 12);
    invalid.id = administration_id();
    const auto p = problems_of([&] {
        (void)series_for(builtin("phq9"), {a1, same_time, other_client, gad, invalid});
    });
    EXPECT_TRUE(has_path(p, "administrations[1].administered_at"))
        << theracore::detail::join_problems("", p);
    EXPECT_TRUE(has_path(p, "administrations[2].client"));
    EXPECT_TRUE(has_path(p, "administrations[3].instrument"));
    EXPECT_TRUE(has_path(p, "administrations[4].id"));

    session::fields sf;
    sf.episode = episode_id("e-1");
    sf.clinician = clinician_id("k-1");
    sf.start = at(2026, 1, 5, 9);
    sf.duration_minutes = 50;
    sf.attendees = {{client_id("c-1"), std::nullopt, std::nullopt, attendance_role::client}};
    sf.measures = {administration_id("p-1")};
    sf.id = session_id("s-1");
    const auto s1 = session::create(sf);
    sf.id = session_id("s-2");
    const auto s2 = session::create(sf);
    EXPECT_EQ(problems_of([&] {
                  (void)series_for(builtin("phq9"), {a1}, {s1, s2});
              }),
              (problem_list{{"sessions[1].measures",
                             "administration p-1 is also a measure of session s-1"}}));

    series_options o;
    o.band_set = "who";
    EXPECT_EQ(problems_of([&] { (void)series_for(builtin("phq9"), {a1}, {}, o); }),
              (problem_list{{"options.band_set", "phq9 v1.0 has no band set \"who\""}}));
    o = {};
    o.scale = "phq2";
    o.band_set = "any";
    EXPECT_EQ(problems_of([&] { (void)series_for(builtin("phq9"), {a1}, {}, o); }),
              (problem_list{{"options.band_set", "phq9 v1.0 scale phq2 has no band sets"}}));
    o = {};
    o.cut_off = "none";
    EXPECT_TRUE(has_path(problems_of([&] { (void)series_for(builtin("phq9"), {a1}, {}, o); }),
                         "cut_off_id"));
}

TEST(SeriesFor, BandsMeetingAtABoundCannotBeExpressed) {
    // A mean-scored scale's bands share their bounds (docs/instrument-format.md); score_series
    // needs gaps between integer bands. Refuse rather than bend a bound.
    const auto mean_scale = itest::variant_of("gad7", [](auto& d) {
        auto& t = d.scales[0];
        t.method = ti::scale_method::mean;
        t.band_sets = {{"halves", "Halves", "test", false, {{0, 1.5, "low"}, {1.5, 3, "high"}}}};
        t.cut_offs.clear();
        t.psychometrics = {};
    });
    const auto a = administer(mean_scale, administration_id("m-1"), client_id("c-1"),
                              at(2026, 1, 5), ti::responses::ordered({1, 1, 1, 1, 1, 1, 1}));
    EXPECT_EQ(problems_of([&] { (void)series_for(mean_scale, {a}); }),
              (problem_list{{"options.band_set",
                             "bands low and high of halves meet at a shared bound, which a "
                             "score_series cannot express"}}));
}
