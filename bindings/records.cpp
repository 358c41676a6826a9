// SPDX-License-Identifier: Apache-2.0
// Clinical records for scripting and tests: administrations and measure observations, sessions,
// risk assessments with the C-SSRS screener and safety plans. Value types
// only; their rules live in C++ (`validate`, `create`).
#include <theracore/adapters/builtin_cssrs_screener.hpp>
#include <theracore/care.hpp>
#include <theracore/instruments/administration.hpp>
#include <theracore/io/json.hpp>
#include <theracore/safety.hpp>

#include "arrays.hpp"
#include "common.hpp"

namespace theracore::python {

namespace {

/// Adds `validate()` returning every problem as (path, message) pairs.
template <class T, class Class>
Class& with_validate(Class& cls) {
    cls.def(
        "validate", [](const T& v) { return problems(validate(v)); },
        "Every problem as (path, message) pairs; empty when valid.");
    return cls;
}

}  // namespace

void bind_records(py::module_& m) {
    // Administrations: one completion of an instrument with its answers and score.
    auto admin = bind_struct<instruments::administration>(
        m, "Administration", "One completion of an instrument: answers and score.");
    with_validate<instruments::administration>(admin);
    auto obs = bind_struct<measure_observation>(
        m, "MeasureObservation", "One total score of one client on one instrument at one time.");
    with_validate<measure_observation>(obs);

    // Sessions.
    bind_enum<session_setting>(m, "SessionSetting", "Where a session took place.");
    bind_enum<session_type>(m, "SessionType", "What kind of session.");
    bind_enum<attendance_role>(m, "AttendanceRole", "How someone took part in a session.");
    bind_enum<session_visibility>(m, "SessionVisibility", "Who may see a session.");
    auto attendee = bind_struct<session_attendee>(m, "SessionAttendee", "Someone at a session.");
    with_validate<session_attendee>(attendee);
    auto sess = bind_validated<session>(m, "Session", "A held session, checked by create().");
    with_validate<session>(sess);

    // Risk.
    bind_enum<risk_level>(m, "RiskLevel", "A formulated suicide-risk level.");
    bind_enum<cssrs_triage>(m, "CssrsTriage", "The C-SSRS screener's triage level.");
    bind_enum<risk_action_kind>(m, "RiskActionKind", "What was done about a risk.");
    auto answers = bind_struct<cssrs_screener_answers>(m, "CssrsScreenerAnswers",
                                                       "The C-SSRS screener's six answers.");
    with_validate<cssrs_screener_answers>(answers);
    auto screener = bind_struct<cssrs_screener_result>(m, "CssrsScreenerResult",
                                                       "Screener answers with their triage.");
    with_validate<cssrs_screener_result>(screener);
    // The triage is the screener definition's rule, run by the engine
    // (adapters/cssrs_screener.hpp); these use the built-in definition.
    m.def("score_cssrs_screener",
          static_cast<cssrs_screener_result (*)(const cssrs_screener_answers&)>(
              &score_cssrs_screener),
          py::arg("answers"),
          "The answers with the triage the built-in screener definition gives. Raises "
          "ValidationError for a broken skip rule.");
    m.def(
        "check_cssrs_screener",
        [](const cssrs_screener_result& r) { return problems(check_cssrs_screener(r)); },
        py::arg("result"),
        "Every problem of a recorded screener result, including a stored triage that does not "
        "match its answers, as (path, message) pairs.");
    auto factor = bind_struct<risk_factor>(m, "RiskFactor", "A risk or protective factor.");
    with_validate<risk_factor>(factor);
    auto action = bind_struct<risk_action>(m, "RiskAction", "One action taken about a risk.");
    with_validate<risk_action>(action);
    auto assessment =
        bind_struct<risk_assessment>(m, "RiskAssessment", "A suicide-risk assessment.");
    with_validate<risk_assessment>(assessment);
    m.def(
        "check_risk_assessment",
        [](const risk_assessment& a) { return problems(check_risk_assessment(a)); },
        py::arg("assessment"),
        "validate() plus a screener triage that does not match its answers, as (path, "
        "message) pairs.");

    // Safety plans (Stanley & Brown).
    bind_enum<support_service_kind>(m, "SupportServiceKind", "What kind of support service.");
    auto contact = bind_struct<safety_contact>(m, "SafetyContact", "A person in a safety plan.");
    with_validate<safety_contact>(contact);
    auto service =
        bind_struct<support_service>(m, "SupportService", "A professional, agency or crisis line.");
    with_validate<support_service>(service);
    auto step = bind_struct<means_safety_step>(m, "MeansSafetyStep",
                                               "One step making the environment safer.");
    with_validate<means_safety_step>(step);
    auto plan = bind_struct<safety_plan>(m, "SafetyPlan", "One version of a client's safety plan.");
    with_validate<safety_plan>(plan);
    m.def("revise_safety_plan",
          static_cast<safety_plan (*)(const safety_plan&, date, date, clinician_id)>(&revise),
          py::arg("plan"), py::arg("on"), py::arg("review_on"), py::arg("by"),
          "The next version of a plan. Raises ValidationError when it would break a rule.");
}

}  // namespace theracore::python
