# SPDX-License-Identifier: Apache-2.0
"""The catalog, Instrument, score() of one administration and score_many() over numpy arrays.

Expected values follow the published scoring rules cited in each instrument's definition
(PHQ-9: Kroenke, Spitzer & Williams 2001 — sum of items 1–9, bands 0–4/5–9/10–14/15–19/20–27,
item 9 > 0 flagged; CORE-10: Barkham et al. 2013 — one missing item prorated as 10 × mean)."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

import theracore as tc

PHQ9_ROW = [1, 2, 3, 0, 1, 2, 1, 0, 1]  # sum 11: "Moderate" (10–14), item 9 = 1 flags


def test_catalog_lists_builtin_ids_and_looks_them_up() -> None:
    ids = tc.instruments()
    assert {"phq9", "gad7", "core10", "dass21"} <= set(ids)
    for i in ids:
        assert tc.instrument(i).id == i


def test_unknown_instrument_is_not_found_and_wrong_type_is_type_error() -> None:
    with pytest.raises(tc.NotFoundError, match="phq10"):
        tc.instrument("phq10")
    with pytest.raises(KeyError):  # NotFoundError is a KeyError
        tc.instrument("nope")
    with pytest.raises(TypeError):
        tc.instrument(9)  # type: ignore[arg-type]


def test_instrument_metadata() -> None:
    phq = tc.instrument("phq9")
    assert phq.item_ids[:2] == ["phq9_1", "phq9_2"] and len(phq.item_ids) == 10
    assert phq.required_columns == 9  # item 10 is not scored
    assert phq.total_scale == "total"
    assert phq.scale_ids == ["total", "phq2"]
    assert phq.direction == "higher_is_worse"
    assert phq.flag_ids == ["item9_self_harm"]
    assert phq.bands()[2] == (10.0, 14.0, "Moderate")
    assert phq.bands("phq2") == []
    assert "Kroenke" in phq.citation
    assert repr(phq).startswith("Instrument(id='phq9'")
    with pytest.raises(tc.NotFoundError):
        phq.bands("nope")
    assert tc.instrument("dass21").total_scale is None
    with pytest.raises(tc.ValidationError):
        tc.instrument("dass21").bands()


def test_score_in_form_order() -> None:
    s = tc.instrument("phq9").score(PHQ9_ROW)
    assert s.total == 11 and s.band == "Moderate"
    assert s.status == "ok" and s.reason == ""
    assert s.answered == 9 and s.missing == 0 and not s.prorated
    assert s.flags == ["item9_self_harm"]
    assert s.subscales["phq2"].value == 3 and s.subscales["phq2"].band is None
    assert "total" not in s.subscales
    assert s.derived["major_depressive_syndrome"] in ("met", "not met")
    assert s.to_dict()["provenance"]["instrument"] == "phq9"
    assert "total=11.0" in repr(s)


def test_score_by_item_id_equals_form_order() -> None:
    phq = tc.instrument("phq9")
    by_id = {f"phq9_{i + 1}": v for i, v in enumerate(PHQ9_ROW)}
    assert phq.score(by_id).total == phq.score(PHQ9_ROW).total
    assert phq.score(np.array(PHQ9_ROW, dtype=np.int64)).total == 11
    import pandas as pd
    assert phq.score(pd.Series(by_id)).total == 11


def test_missing_answers_follow_the_missing_data_rule() -> None:
    phq = tc.instrument("phq9")
    for missing in (None, float("nan")):
        s = phq.score(PHQ9_ROW[:2] + [missing] + PHQ9_ROW[3:])
        assert s.total is None and s.band is None
        assert s.status == "not_scorable" and "1 of 9 items missing" in s.reason
        assert s.missing == 1 and s.answered == 8
    # CORE-10 prorates one missing item: 10 × mean of nine answered (Barkham et al. 2013).
    core = tc.instrument("core10")
    answers = [2, 2, 2, 2, 2, 2, 2, 2, 2, None]
    s = core.score(answers)
    assert s.total == pytest.approx(20.0) and s.prorated and s.status == "ok"


def test_all_missing_is_not_zero() -> None:
    s = tc.instrument("gad7").score([None] * 7)
    assert s.total is None and s.status == "not_scorable"


def test_invalid_answers_raise_validation_error_listing_every_problem() -> None:
    phq = tc.instrument("phq9")
    with pytest.raises(tc.ValidationError) as info:
        phq.score([7, 1, "sometimes", 1, 1, 1, 1, 1, -1])
    paths = [p for p, _ in info.value.problems]
    assert paths == ["phq9_1", "phq9_3", "phq9_9"]
    assert "not an allowed answer" in info.value.problems[0][1]
    assert "not a number" in info.value.problems[1][1]
    with pytest.raises(tc.ValidationError, match="too many"):
        phq.score([0] * 11)
    with pytest.raises(tc.ValidationError) as info:
        phq.score({"phq9_99": 1})
    assert info.value.problems[0][0] == "phq9_99"
    with pytest.raises(tc.ValidationError):
        phq.score([float("inf")] + [0] * 8)
    with pytest.raises(tc.ValidationError):
        phq.score(np.zeros((3, 3)))


def test_a_refusal_keeps_the_critical_item_flag() -> None:
    # PHQ-9 item 9 = 3 beside an out-of-range 7: the form is refused, the flag is not lost
    # (Kroenke, Spitzer & Williams 2001: any positive item 9 warrants assessment).
    phq = tc.instrument("phq9")
    with pytest.raises(tc.InvalidResponsesError) as info:
        phq.score([1, 2, 1, 0, 1, 2, 0, 7, 3])
    assert isinstance(info.value, tc.ValidationError)
    assert info.value.flags == ["item9_self_harm"]
    assert info.value.flags_not_evaluated == []
    assert [p for p, _ in info.value.problems] == ["phq9_8"]
    assert "item9_self_harm" in str(info.value)
    with pytest.raises(tc.InvalidResponsesError) as info:
        phq.score([1, 2, 1, 0, 1, 2, 0, 1, 4])  # item 9 itself invalid: open, not negative
    assert info.value.flags == [] and info.value.flags_not_evaluated == ["item9_self_harm"]
    # score_many keeps it on the invalid row too.
    many = phq.score_many(np.array([[1, 2, 1, 0, 1, 2, 0, 7, 3]], dtype=float))
    assert tc.ROW_STATUS[many["status"][0]] == "invalid"
    assert bool(many["flag_item9_self_harm"][0])


def test_bad_answer_types_are_type_errors() -> None:
    phq = tc.instrument("phq9")
    with pytest.raises(TypeError):
        phq.score("012301230")
    with pytest.raises(TypeError):
        phq.score(42)
    with pytest.raises(TypeError):
        phq.score([True] * 9)
    with pytest.raises(TypeError):
        phq.score([object()] * 9)


def test_score_options_change_the_missing_rule() -> None:
    phq = tc.instrument("phq9")
    rule = tc.MissingRule(max_missing=1, prorate="mean_of_answered", rounding="half_up", standard=False, source="policy")
    options = tc.ScoreOptions(missing_rules={"total": rule})
    s = phq.score([1, 1, 1, 1, 1, 1, 1, 1, None], options=options)
    assert s.total == 9 and s.prorated
    assert s.scales["total"].status == "scored"
    with pytest.raises(tc.ValidationError):  # a band set the scale lacks
        phq.score(PHQ9_ROW, options=tc.ScoreOptions(band_sets={"total": "nope"}))


def test_custom_instrument_from_dict_round_trips_and_pickles() -> None:
    d = tc.instrument("gad7").to_dict()
    d["id"] = "my_gad7"
    mine = tc.Instrument.from_dict(d)
    assert mine.id == "my_gad7" and mine.score([1] * 7).total == 7
    assert pickle.loads(pickle.dumps(mine)) == mine
    phq = tc.instrument("phq9")
    assert pickle.loads(pickle.dumps(phq)) == phq
    assert phq != mine
    d["scales"][0]["items"].append("gad7_99")
    with pytest.raises(tc.ValidationError):
        tc.Instrument.from_dict(d)
    with pytest.raises(tc.ParseError):
        tc.Instrument.from_dict({"id": 3})
    with pytest.raises(TypeError):
        tc.Instrument("phq9")  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# score_many


def _random_answers(inst: tc.Instrument, n: int, seed: int, nan_fraction: float = 0.05) -> np.ndarray:
    rng = np.random.default_rng(seed)
    k = inst.required_columns
    hi = {"phq9": 3, "gad7": 3, "core10": 4, "dass21": 3}[inst.id]
    a = rng.integers(0, hi + 1, size=(n, k)).astype(np.float64)
    a[rng.random((n, k)) < nan_fraction] = np.nan
    a[rng.random(n) < 0.02, 0] = hi + 5  # invalid rows
    return a


@pytest.mark.parametrize("name", ["phq9", "gad7", "core10", "dass21"])
def test_score_many_equals_score_row_by_row(name: str) -> None:
    inst = tc.instrument(name)
    a = _random_answers(inst, 300, seed=1)
    res = inst.score_many(a)
    for r in range(a.shape[0]):
        row = [None if np.isnan(v) else v for v in a[r]]
        if res["status"][r] == 2:
            assert res["first_invalid"][r] == 0
            with pytest.raises(tc.ValidationError):
                inst.score(row)
            continue
        s = inst.score(row)
        assert tc.ROW_STATUS[res["status"][r]] == s.status
        for sid, sc in s.scales.items():
            if sc.value is None:
                assert np.isnan(res[sid][r])
                assert tc.SCALE_STATUS[res[sid + "_status"][r]] == sc.status
            else:
                assert res[sid][r] == sc.value
                assert res[sid + "_band"][r] == (-1 if sc.band_index is None else sc.band_index)
        assert res["answered"][r] == s.answered and res["missing"][r] == s.missing
        for fid in inst.flag_ids:
            assert bool(res["flag_" + fid][r]) == (fid in s.flags)


@pytest.mark.parametrize("dtype", [np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64, np.float32])
def test_score_many_reads_any_integer_or_float_dtype(dtype: type) -> None:
    phq = tc.instrument("phq9")
    a = np.array([PHQ9_ROW, [3] * 9, [0] * 9], dtype=dtype)
    assert list(phq.score_many(a)["total"]) == [11.0, 27.0, 0.0]


def test_score_many_layouts_give_identical_results() -> None:
    phq = tc.instrument("phq9")
    a = _random_answers(phq, 1000, seed=2)
    c = phq.score_many(np.ascontiguousarray(a))
    f = phq.score_many(np.asfortranarray(a))
    wide = np.full((1000, 20), 9.0)
    wide[:, ::2][:, :9] = a  # every other column of a wider array: strided both ways
    s = phq.score_many(wide[:, ::2][:, :9])
    rev = phq.score_many(a[::-1][::-1])  # negative-then-positive strides: a view, no copy
    for key in ("total", "phq2"):
        np.testing.assert_array_equal(c[key], f[key])
        np.testing.assert_array_equal(c[key], s[key])
        np.testing.assert_array_equal(c[key], rev[key])
    np.testing.assert_array_equal(c["status"], f["status"])


def test_score_many_integer_missing_code() -> None:
    phq = tc.instrument("phq9")
    a = np.array([PHQ9_ROW, [-99] + PHQ9_ROW[1:]], dtype=np.int32)
    res = phq.score_many(a, missing_code=-99)
    assert res["total"][0] == 11 and np.isnan(res["total"][1])
    assert list(res["status"]) == [0, 1]
    assert phq.score_many(a)["status"][1] == 2  # without the code, -99 is an invalid answer


def test_score_many_threads_give_identical_results() -> None:
    phq = tc.instrument("phq9")
    a = _random_answers(phq, 200_000, seed=3)
    one = phq.score_many(a, threads=1)
    two = phq.score_many(a, threads=2)
    four = phq.score_many(a, threads=4)
    for key in one:
        np.testing.assert_array_equal(one[key], two[key], err_msg=key)
        np.testing.assert_array_equal(one[key], four[key], err_msg=key)


def test_score_many_strict_raises_at_the_first_invalid_row_with_any_thread_count() -> None:
    phq = tc.instrument("phq9")
    a = np.zeros((100_000, 9))
    a[70_001, 2] = 9
    a[90_000, 4] = 9
    for threads in (1, 2):
        with pytest.raises(tc.ValidationError) as info:
            phq.score_many(a, strict=True, threads=threads)
        assert info.value.problems[0][0] == "[70001].phq9_3"


def test_score_many_does_not_copy_its_input() -> None:
    phq = tc.instrument("phq9")
    a = np.zeros((10, 9))
    a.setflags(write=False)  # read in place: a read-only array is fine
    assert list(phq.score_many(a)["total"]) == [0.0] * 10


def test_score_many_bad_input() -> None:
    phq = tc.instrument("phq9")
    with pytest.raises(tc.ValidationError, match="columns"):
        phq.score_many(np.zeros((5, 3)))
    with pytest.raises(tc.ValidationError):
        phq.score_many(np.zeros(9))
    with pytest.raises(tc.ValidationError):
        phq.score_many(np.zeros((2, 9, 1)))
    with pytest.raises(TypeError, match="dtype"):
        phq.score_many(np.array([["1"] * 9]))
    with pytest.raises(TypeError, match="dtype"):
        phq.score_many(np.zeros((2, 9), dtype=bool))
    with pytest.raises(TypeError):
        phq.score_many(np.zeros((2, 9), dtype=object))
    with pytest.raises(tc.ValidationError, match="threads"):
        phq.score_many(np.zeros((2, 9)), threads=0)
    res = phq.score_many(np.full((2, 9), np.inf))
    assert list(res["status"]) == [2, 2]
    empty = phq.score_many(np.zeros((0, 9)))
    assert empty["total"].shape == (0,)


def test_answer_coding_is_explicit_and_a_mismatch_is_reported():
    """Issue 15, correction 4: EPDS items 3 and 5-10 are reverse keyed (Cox et al. 1987); pre-scored
    data with item 10 = 3 read as form positions lose the self-harm flag."""
    epds = tc.instrument("epds")
    assert epds.answers == tc.AnswerCoding.positions
    scored = [2, 2, 2, 2, 2, 2, 1, 1, 1, 3]
    assert "item10_self_harm" not in epds.score(scored).flags
    told = epds.score(scored, options=tc.ScoreOptions(coding=tc.AnswerCoding.scores))
    assert "item10_self_harm" in told.flags
    assert told.total == 18

    rng = np.random.default_rng(3)
    level = rng.integers(0, 4, size=(300, 1))
    item_scores = np.clip(level + rng.integers(-1, 2, size=(300, 10)), 0, 3).astype(float)
    check = epds.check_coding(item_scores)
    assert check.mismatch == tc.AnswerCoding.scores
    assert check.agreement < -0.2
    assert "look like scores" in check.message
    ok = epds.check_coding(item_scores, assumed=tc.AnswerCoding.scores)
    assert ok.mismatch is None and ok.rows_used == 300
