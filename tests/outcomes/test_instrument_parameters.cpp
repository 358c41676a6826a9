// SPDX-License-Identifier: Apache-2.0
// Change parameters read from built-in definitions (outcomes/instrument_parameters.hpp). The
// expected values are the definitions' own psychometrics: CORE-10 alpha .90 (Barkham et al.
// 2013), clinical norm M 19.7 SD 7.7 and general population M 4.7 SD 4.8 (Connell & Barkham
// 2007), cut-off 11; PHQ-9 alpha .89 (Kroenke 2001), no published clinical SD.
#include <gtest/gtest.h>

#include <theracore/instruments/builtin_catalog.hpp>
#include <theracore/outcomes/instrument_parameters.hpp>
#include <theracore/outcomes/reliable_change.hpp>

#include "support/outcomes_builders.hpp"

using namespace theracore;
using namespace theracore::outcomes;

namespace {
const instruments::instrument& builtin(const char* id) {
    return instruments::builtin_catalog().at(id);
}
}  // namespace

TEST(ParametersFromPsychometrics, Core10) {
    const auto p = parameters_from_psychometrics(builtin("core10"));
    EXPECT_EQ(p.instrument_id, "core10");
    EXPECT_EQ(p.direction, score_direction::lower_is_better);
    EXPECT_EQ(p.sd.value, 7.7);
    EXPECT_EQ(p.reliability.value, 0.9);
    EXPECT_EQ(p.reliability.kind, reliability_kind::cronbach_alpha);
    ASSERT_TRUE(p.functional && p.dysfunctional && p.range);
    EXPECT_EQ(p.functional->mean, 4.7);
    EXPECT_EQ(p.dysfunctional->mean, 19.7);
    EXPECT_EQ(p.range->min, 0);
    EXPECT_EQ(p.range->max, 40);
    EXPECT_EQ(p.provenance.origin, parameter_origin::named_source);
    EXPECT_TRUE(validate(p).empty());
    // The CORE-10 worked example of instruments.md §3.1 from the definition alone.
    EXPECT_NEAR(jacobson_truax_threshold(p).points, 6.749348, 1e-6);
}

TEST(ParametersFromPsychometrics, CallerValuesReplaceTheDefinitions) {
    const auto p = parameters_from_psychometrics(
        builtin("core10"), "", standard_deviation{10, {}, "audit"},
        reliability_coefficient{0.8, reliability_kind::test_retest, "audit"});
    EXPECT_EQ(p.sd.value, 10);
    EXPECT_EQ(p.reliability.value, 0.8);
    EXPECT_NE(p.provenance.source.find("supplied by the caller"), std::string::npos);
}

TEST(ParametersFromPsychometrics, MissingSdIsNamed) {
    try {
        (void)parameters_from_psychometrics(builtin("phq9"));
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        ASSERT_EQ(e.problems().size(), 1u);
        EXPECT_EQ(e.problems()[0].path, "sd");
    }
    const auto p =
        parameters_from_psychometrics(builtin("phq9"), "total", standard_deviation{5.7, {}, {}});
    EXPECT_EQ(p.reliability.value, 0.89);
    // GAD-7's first estimate is alpha; DASS-21 subscales publish none at all.
    EXPECT_EQ(parameters_from_psychometrics(builtin("gad7"), "", standard_deviation{4, {}, {}})
                  .reliability.value,
              0.92);
    try {
        (void)parameters_from_psychometrics(builtin("dass21"), "depression");
        FAIL() << "expected validation_error";
    } catch (const validation_error& e) {
        ASSERT_EQ(e.problems().size(), 2u);
        EXPECT_EQ(e.problems()[1].path, "reliability");
    }
}

TEST(ParametersFromPsychometrics, UnknownScaleOrNoTotalIsNotFound) {
    EXPECT_THROW((void)parameters_from_psychometrics(builtin("core10"), "nope"), not_found);
    EXPECT_THROW((void)parameters_from_psychometrics(builtin("dass21")), not_found);
    EXPECT_THROW((void)published_cutoff(builtin("dass21")), not_found);
}

TEST(PublishedCutoff, PrimaryThresholdOfTheScale) {
    const auto c = published_cutoff(builtin("core10"));
    ASSERT_TRUE(c);
    EXPECT_EQ(c->value, 11);
    EXPECT_EQ(c->at_value, cutoff_side::clinical);  // ">= 11" is clinical at 11
    EXPECT_EQ(published_cutoff(builtin("phq9"))->value, 10);
    // PHQ-2 >= 3 (Kroenke 2003) is primary; its >= 2 alternative is skipped.
    EXPECT_EQ(published_cutoff(builtin("phq9"), "phq2")->value, 3);
    EXPECT_FALSE(published_cutoff(builtin("epds"), "epds3a"));
}
