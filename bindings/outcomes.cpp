// SPDX-License-Identifier: Apache-2.0
// Outcome analytics: change parameters, reliable change, clinical-significance cut-offs and
// categories (one pair, or columns of pairs in C++), GAS T-scores and the baseline-versus-latest
// pass over a long table. Python's theracore.outcomes shapes these into its API.
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include <theracore/adapters/from_instrument.hpp>
#include <theracore/io/json/outcomes.hpp>
#include <theracore/outcomes.hpp>
#include <theracore/outcomes/columns.hpp>

#include "arrays.hpp"
#include "common.hpp"

namespace theracore::python {

using namespace theracore::outcomes;

namespace {

using doubles = py::array_t<double, py::array::c_style | py::array::forcecast>;
using int64s = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>;

std::size_t same_length(const doubles& pre, const doubles& post) {
    if (pre.ndim() != 1 || post.ndim() != 1 || pre.shape(0) != post.shape(0)) {
        throw validation_error("cannot compare scores",
                               {{"post", "pre and post must be 1-D and equally long"}});
    }
    return static_cast<std::size_t>(pre.shape(0));
}

py::tuple rci_columns(const reliable_change_threshold& t, const doubles& pre, const doubles& post) {
    const auto n = same_length(pre, post);
    std::vector<double> rci(n);
    std::vector<std::int8_t> kind(n);
    {
        py::gil_scoped_release release;
        reliable_change_columns(t, pre.data(), post.data(), n, rci.data(), kind.data());
    }
    return py::make_tuple(take(std::move(rci)), take(std::move(kind)));
}

py::tuple jt_columns(const reliable_change_threshold& t, const cutoff_estimate& c,
                     const doubles& pre, const doubles& post) {
    const auto n = same_length(pre, post);
    std::vector<double> rci(n);
    std::vector<std::int8_t> kind(n);
    std::vector<std::int8_t> category(n);
    {
        py::gil_scoped_release release;
        jacobson_truax_columns(t, c, pre.data(), post.data(), n, rci.data(), kind.data(),
                               category.data());
    }
    return py::make_tuple(take(std::move(rci)), take(std::move(kind)), take(std::move(category)));
}

py::tuple cutoff_columns(const doubles& mean_clinical, const doubles& sd_clinical,
                         const doubles& mean_functional, const doubles& sd_functional,
                         score_direction d) {
    const auto n = static_cast<std::size_t>(mean_clinical.size());
    for (const auto* a : {&sd_clinical, &mean_functional, &sd_functional}) {
        if (static_cast<std::size_t>(a->size()) != n) {
            throw validation_error("cannot compute cut-offs",
                                   {{"norms", "the four norm columns must be equally long"}});
        }
    }
    std::vector<double> a(n);
    std::vector<double> b(n);
    std::vector<double> c(n);
    clinical_cutoff_columns(mean_clinical.data(), sd_clinical.data(), mean_functional.data(),
                            sd_functional.data(), n, d, a.data(), b.data(), c.data());
    return py::make_tuple(take(std::move(a)), take(std::move(b)), take(std::move(c)));
}

py::dict baseline_latest_arrays(const int64s& client, const int64s& time, const doubles& score) {
    const auto n = static_cast<std::size_t>(client.size());
    if (client.ndim() != 1 || time.ndim() != 1 || score.ndim() != 1 ||
        static_cast<std::size_t>(time.size()) != n || static_cast<std::size_t>(score.size()) != n) {
        throw validation_error("cannot build trajectories",
                               {{"rows", "client, time and score must be 1-D and equally long"}});
    }
    baseline_latest_columns r;
    {
        py::gil_scoped_release release;
        r = baseline_latest(client.data(), time.data(), score.data(), n);
    }
    py::dict d;
    d["client"] = take(std::move(r.client));
    d["count"] = take(std::move(r.count));
    d["baseline_time"] = take(std::move(r.baseline_time));
    d["baseline"] = take(std::move(r.baseline));
    d["latest_time"] = take(std::move(r.latest_time));
    d["latest"] = take(std::move(r.latest));
    return d;
}

}  // namespace

void bind_outcomes(py::module_& m) {
    bind_enum<score_direction>(m, "ScoreDirection", "Which way is better on an instrument.");
    bind_enum<reliability_kind>(m, "ReliabilityKind", "What kind of reliability coefficient.");
    bind_enum<parameter_origin>(m, "ParameterOrigin", "Where change parameters came from.");
    bind_enum<change_kind>(m, "ChangeKind", "The reliable-change verdict.");
    bind_enum<cutoff_criterion>(m, "CutoffCriterion", "Jacobson & Truax a, b, c or published.");
    bind_enum<cutoff_side>(m, "CutoffSide", "Which side a score exactly at a cut-off is on.");
    bind_enum<jacobson_truax_category>(m, "JacobsonTruaxCategory",
                                       "Recovered, improved, unchanged or deteriorated.");

    bind_struct<standard_deviation>(m, "StandardDeviation", "An SD with population and source.");
    bind_struct<reliability_coefficient>(m, "ReliabilityCoefficient",
                                         "A reliability r_xx with its kind and source.");
    bind_struct<population_norm>(m, "PopulationNorm", "A sample's mean and SD.");
    bind_struct<score_range>(m, "ScoreRange", "The possible scores, inclusive.");
    bind_struct<parameter_provenance>(m, "ParameterProvenance", "Where parameters came from.");
    bind_struct<change_parameters>(m, "ChangeParameters",
                                   "Everything the change statistics need about an instrument.")
        .def("validate", [](const change_parameters& p) { return problems(validate(p)); });
    bind_struct<instrument_score>(m, "InstrumentScore", "A score with its instrument.");
    bind_struct<reliable_change_threshold>(m, "ReliableChangeThreshold",
                                           "SE, S_diff and the reliable-change threshold.");
    bind_struct<reliable_change>(m, "ReliableChange", "One reliable-change comparison.");
    bind_struct<clinical_cutoff>(m, "ClinicalCutoff", "A published clinical cut-off.");
    bind_struct<cutoff_estimate>(m, "CutoffEstimate", "A cut-off and whether it can be used.");
    bind_struct<jacobson_truax_cutoffs>(m, "JacobsonTruaxCutoffs", "Criteria a, b and c.");
    bind_struct<jacobson_truax_outcome>(m, "JacobsonTruaxOutcome",
                                        "A pre/post comparison classified by change and cut-off.");
    bind_struct<gas_goal>(m, "GasGoal", "One goal's attainment level (-2..+2) and weight.");
    bind_struct<gas_result>(m, "GasResult", "A GAS T-score and how it was obtained.");

    m.def("jacobson_truax_threshold", &jacobson_truax_threshold, py::arg("parameters"));
    m.def("jacobson_truax_rci", &jacobson_truax_rci, py::arg("pre"), py::arg("post"),
          py::arg("parameters"));
    m.def("jacobson_truax", &jacobson_truax, py::arg("pre"), py::arg("post"), py::arg("parameters"),
          py::arg("criterion"), py::arg("published") = py::none());
    m.def("clinical_cutoffs",
          py::overload_cast<const change_parameters&>(&outcomes::clinical_cutoffs),
          py::arg("parameters"));
    m.def("clinical_cutoffs_from_norms",
          py::overload_cast<const population_norm&, const population_norm&, score_direction,
                            const std::optional<score_range>&>(&outcomes::clinical_cutoffs),
          py::arg("functional"), py::arg("dysfunctional"), py::arg("direction"),
          py::arg("range") = py::none());
    m.def("select_cutoff", &select_clinical_cutoff, py::arg("parameters"), py::arg("criterion"),
          py::arg("published") = py::none(),
          "The cut-off a classification uses: a, b or c from the parameters' norms, or the "
          "published one.");
    m.def("gas_t_score", &outcomes::gas_t_score, py::arg("goals"),
          py::arg("rho") = gas_default_rho);
    bind_struct<change_parameter_options>(
        m, "ChangeParameterOptions",
        "Which psychometrics change_parameters_for takes, or values that replace them.");
    m.def("change_parameters_for", &change_parameters_for, py::arg("instrument"),
          py::arg("scale") = std::string(), py::arg("options") = change_parameter_options{},
          "Change parameters from an instrument definition's psychometrics (the C++ adapter).");
    m.def("clinical_cutoff_for", &clinical_cutoff_for, py::arg("instrument"),
          py::arg("scale") = std::string(), py::arg("cut_off") = std::string(),
          "The instrument's published clinical cut-off (its primary one unless named).");
    m.def("reliable_change_columns", &rci_columns, py::arg("threshold"), py::arg("pre"),
          py::arg("post"), "RCI and change-kind codes for columns of pairs (C++ loop).");
    m.def("jacobson_truax_columns", &jt_columns, py::arg("threshold"), py::arg("cutoff"),
          py::arg("pre"), py::arg("post"),
          "RCI, change-kind and category codes for columns of pairs (C++ loop).");
    m.def("clinical_cutoff_columns", &cutoff_columns, py::arg("mean_clinical"),
          py::arg("sd_clinical"), py::arg("mean_functional"), py::arg("sd_functional"),
          py::arg("direction"), "Criteria a, b and c for columns of norms.");
    m.def("baseline_latest", &baseline_latest_arrays, py::arg("client"), py::arg("time"),
          py::arg("score"), "Each client's count, first and last row of a long table.");
}

}  // namespace theracore::python
