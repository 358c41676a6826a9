# SPDX-License-Identifier: Apache-2.0
"""Clinical records from Python: administrations, sessions, risk assessments, safety plans."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest

import theracore as tc

UTC = dt.timezone.utc


def _plan() -> tc.SafetyPlan:
    return tc.SafetyPlan(
        id="sp-1",
        client="c-zoe",
        clinician="k-ada",
        created_on=dt.date(2024, 3, 1),
        review_on=dt.date(2024, 6, 1),
        warning_signs=["not sleeping"],
        professionals_and_agencies=[tc.SupportService(kind=tc.SupportServiceKind.crisis_line, name="988", telecom=[tc.ContactPoint(system="phone", value="988")])],
        environment_safety=[tc.MeansSafetyStep(means="medication", action="weekly dispensing")],
    )


def test_administration_keeps_answers_and_score() -> None:
    phq = tc.instrument("phq9")
    answers = [1, 2, 3, 0, 1, 2, 1, 0, 1]
    a = tc.Administration(
        id="adm-1",
        client="c-zoe",
        instrument="phq9",
        instrument_version=phq.version,
        administered_at=dt.datetime(2024, 3, 1, 9, 30, tzinfo=UTC),
        responses=tc.Responses(form_order=answers),
        result=phq.score(answers).result,
    )
    assert a.validate() == []
    assert a.result.scales[0].value == 11
    assert a.responses.form_order[2] == 3.0
    d = a.to_dict()
    assert d["administered_at"] == "2024-03-01T09:30:00Z"
    assert tc.Administration.from_dict(d) == a
    assert pickle.loads(pickle.dumps(a)) == a
    a.id = ""
    assert ("id", "required") in a.validate()
    with pytest.raises(TypeError):
        tc.Responses(form_order=[True])


def test_measure_observation() -> None:
    o = tc.MeasureObservation(instrument="phq9", client="c", at=dt.datetime(2024, 1, 1, tzinfo=UTC), total=12)
    assert o.validate() == []
    assert tc.MeasureObservation.from_dict(o.to_dict()) == o
    with pytest.raises(ValueError, match="naive"):
        tc.MeasureObservation(at=dt.datetime(2024, 1, 1))


def test_session_is_checked_by_create() -> None:
    s = tc.Session.create(
        id="s-1",
        episode="e-1",
        clinician="k-ada",
        start=dt.datetime(2024, 3, 1, 10, tzinfo=UTC),
        duration_minutes=50,
        attendees=[tc.SessionAttendee(client="c-zoe", role=tc.AttendanceRole.client)],
    )
    assert s.duration_minutes == 50 and s.validate() == []
    assert tc.Session.from_dict(s.to_dict()) == s
    with pytest.raises(tc.ValidationError) as info:
        tc.Session.create(id="s-2", duration_minutes=-5)
    assert {"episode", "duration_minutes"} <= {p.split(".")[0].split("[")[0] for p, _ in info.value.problems}
    with pytest.raises(AttributeError):
        s.duration_minutes = 10  # type: ignore[misc]


def test_cssrs_screener_and_risk_assessment() -> None:
    result = tc.score_cssrs_screener(tc.CssrsScreenerAnswers(q1=True, q2=True, q3=True, q4=False, q5=False, q6=False))
    assert result.triage is tc.CssrsTriage.moderate
    with pytest.raises(tc.ValidationError):
        tc.score_cssrs_screener(tc.CssrsScreenerAnswers(q1=True, q2=True))  # q3–q5 must be asked
    r = tc.RiskAssessment(id="ra-1", client="c", assessor="k", assessed_on=dt.date(2024, 3, 1), cssrs_screener=result, formulated_level="moderate")
    assert r.validate() == []
    r.formulated_level = tc.RiskLevel.high  # high needs an action
    assert any(p == "actions" for p, _ in r.validate())
    r.actions = [tc.RiskAction(kind=tc.RiskActionKind.safety_plan_created, safety_plan="sp-1")]
    assert r.validate() == []
    assert tc.RiskAssessment.from_dict(r.to_dict()) == r
    assert tc.check_risk_assessment(r) == [] and tc.check_cssrs_screener(result) == []


def test_a_stored_triage_that_disagrees_with_its_answers_is_reported() -> None:
    # Q1, Q2 and Q3 Yes is moderate (C-SSRS screener triage, instruments reference §2.18, in the
    # screener's definition); a record claiming "low" is caught against the definition.
    answers = tc.CssrsScreenerAnswers(q1=True, q2=True, q3=True, q4=False, q5=False, q6=False)
    stale = tc.CssrsScreenerResult(answers=answers, triage=tc.CssrsTriage.low)
    assert stale.validate() == []  # the answers themselves keep the skip rule
    assert [p for p, _ in tc.check_cssrs_screener(stale)] == ["triage"]
    r = tc.RiskAssessment(id="ra-2", client="c", assessor="k", assessed_on=dt.date(2024, 3, 1), cssrs_screener=stale, formulated_level="moderate")
    assert [p for p, _ in tc.check_risk_assessment(r)] == ["cssrs_screener.triage"]
    # Q6 Yes within the past 3 months is high.
    high = tc.score_cssrs_screener(tc.CssrsScreenerAnswers(q1=True, q2=False, q6=True, q6_past_3_months=True))
    assert high.triage is tc.CssrsTriage.high
    with pytest.raises(TypeError):
        tc.check_cssrs_screener("moderate")  # type: ignore[arg-type]


def test_safety_plan_rules_and_revision() -> None:
    plan = _plan()
    assert plan.validate() == []
    nxt = tc.revise_safety_plan(plan, dt.date(2024, 4, 1), dt.date(2024, 7, 1), "k-bo")
    assert nxt.plan_version == 2 and nxt.clinician == "k-bo"
    with pytest.raises(tc.ValidationError):
        tc.revise_safety_plan(plan, dt.date(2024, 1, 1), dt.date(2024, 7, 1), "k-bo")
    plan.warning_signs = []
    plan.professionals_and_agencies = []
    paths = [p for p, _ in plan.validate()]
    assert "warning_signs" in paths and "professionals_and_agencies" in paths
    with pytest.raises(ValueError):
        tc.SupportService(kind="pager")
