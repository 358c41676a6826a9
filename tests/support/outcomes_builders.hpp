// SPDX-License-Identifier: Apache-2.0
// Shared test data for the outcome analytics. Every published number names its source; the
// worked examples are those of /work/shared/reference/instruments.md §3 and the verification
// notes (computed there to 6 decimals).
#pragma once

#include <string>
#include <vector>

#include <theracore/error.hpp>
#include <theracore/outcomes.hpp>

namespace theracore::test {

using namespace theracore::outcomes;

/// CORE-10: SD 7.7 of the primary-care counselling sample and norms from Connell & Barkham
/// (2007), α = .90 (Barkham et al. 2013), range 0–40, lower is better.
inline change_parameters core10_parameters(double z = 1.96) {
    change_parameters p;
    p.instrument_id = "core10";
    p.instrument_version = "1";
    p.direction = score_direction::lower_is_better;
    p.sd = {7.7, "primary-care counselling, n = 1,835", "Connell & Barkham 2007"};
    p.reliability = {0.90, reliability_kind::cronbach_alpha, "Barkham et al. 2013"};
    p.z = z;
    p.range = score_range{0, 40};
    p.functional =
        population_norm{4.7, 4.8, "general population, n = 535", "Connell & Barkham 2007"};
    p.dysfunctional =
        population_norm{19.7, 7.7, "primary-care counselling, n = 1,835", "Connell & Barkham 2007"};
    p.provenance = {parameter_origin::named_source,
                    "CORE-10 v1 (Barkham 2013; Connell & Barkham 2007)"};
    return p;
}

/// PHQ-9: SD 4.25 of the PHQ-9 ≥ 10 primary-care sample (Gilbody 2015, via measurely),
/// α = .89 (Kroenke 2001), range 0–27, lower is better; no norms.
inline change_parameters phq9_parameters() {
    change_parameters p;
    p.instrument_id = "phq9";
    p.instrument_version = "1";
    p.sd = {4.25, "primary care, PHQ-9 >= 10", "Gilbody 2015"};
    p.reliability = {0.89, reliability_kind::cronbach_alpha, "Kroenke et al. 2001"};
    p.range = score_range{0, 27};
    p.provenance = {parameter_origin::named_source, "PHQ-9 v1 (Kroenke 2001; Gilbody 2015)"};
    return p;
}

/// PCL-5: SD 21.16 (Bovin 2016 veterans, via measurely), test–retest r = .84 (Bovin 2016), range
/// 0–80; norms as in the verification notes' illustrative example (students M 20.9 SD 17.7).
inline change_parameters pcl5_parameters() {
    change_parameters p;
    p.instrument_id = "pcl5";
    p.sd = {21.16, "veterans, n = 468", "Bovin et al. 2016"};
    p.reliability = {0.84, reliability_kind::test_retest, "Bovin et al. 2016"};
    p.range = score_range{0, 80};
    p.functional = population_norm{20.9, 17.7, "students (illustrative)", "verification notes"};
    p.dysfunctional = population_norm{36.97, 21.16, "veterans", "Bovin et al. 2016"};
    return p;
}

/// WHO-5 percentage scale (0–100), higher is better, with the made-up norms of the
/// verification notes' example (M0 70, s0 15; M1 32, s1 18).
inline change_parameters who5_parameters() {
    change_parameters p;
    p.instrument_id = "who5";
    p.direction = score_direction::higher_is_better;
    p.sd = {18, "clinical (made up)", "verification notes"};
    p.reliability = {0.85, reliability_kind::cronbach_alpha, "made up"};
    p.range = score_range{0, 100};
    p.functional = population_norm{70, 15, "general (made up)", "verification notes"};
    p.dysfunctional = population_norm{32, 18, "clinical (made up)", "verification notes"};
    return p;
}

inline instrument_score score(const change_parameters& p, double v) {
    return {p.instrument_id, p.instrument_version, v};
}

/// PHQ-9 bands (Kroenke 2001): 0–4, 5–9, 10–14, 15–19, 20–27.
inline std::vector<severity_band> phq9_bands() {
    return {{0, 4, "none–minimal"},
            {5, 9, "mild"},
            {10, 14, "moderate"},
            {15, 19, "moderately severe"},
            {20, 27, "severe"}};
}

/// A weekly PHQ-9 series starting on Monday 2026-01-05 with the given scores.
inline score_series phq9_series(const std::vector<double>& values) {
    score_series s;
    s.instrument_id = "phq9";
    s.instrument_version = "1";
    s.instrument_name = "PHQ-9";
    s.bands = phq9_bands();
    s.cutoff = clinical_cutoff{10, cutoff_side::clinical, "Kroenke 2001"};
    date d(2026, 1, 5);
    int n = 1;
    for (double v : values) {
        score_point p;
        p.when = observation_time(d);
        p.value = v;
        p.session = session_id("s-" + std::to_string(n));
        p.administration = administration_id("a-phq9-" + std::to_string(n));
        s.points.push_back(p);
        d += boost::gregorian::days(7);
        ++n;
    }
    return s;
}

/// True when `e`'s problems include `path`.
inline bool names_path(const validation_error& e, const std::string& path) {
    for (const auto& p : e.problems()) {
        if (p.path == path) {
            return true;
        }
    }
    return false;
}

}  // namespace theracore::test

/// Expects `stmt` to throw validation_error with a problem at `path`.
#define EXPECT_INVALID_AT(stmt, path)                                                       \
    do {                                                                                    \
        try {                                                                               \
            (void)(stmt);                                                                   \
            ADD_FAILURE() << "expected validation_error at " << (path);                     \
        } catch (const ::theracore::validation_error& e_) {                                 \
            EXPECT_TRUE(::theracore::test::names_path(e_, (path))) << "got: " << e_.what(); \
        }                                                                                   \
    } while (false)
