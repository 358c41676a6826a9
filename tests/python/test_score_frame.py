# SPDX-License-Identifier: Apache-2.0
"""score_frame: DataFrames in and out, read in place, the same numbers as score()."""

from __future__ import annotations

import tracemalloc

import numpy as np
import pandas as pd
import pytest

import theracore as tc

ITEMS = [f"phq9_{i}" for i in range(1, 10)]


def _frame(n: int = 200, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    a = rng.integers(0, 4, size=(n, 9)).astype(float)
    a[rng.random((n, 9)) < 0.05] = np.nan
    df = pd.DataFrame(a, columns=ITEMS, index=pd.RangeIndex(1000, 1000 + n, name="admin"))
    df["client"] = [f"c{i % 17}" for i in range(n)]
    return df


def test_columns_match_score_row_by_row() -> None:
    df = _frame()
    df.iloc[3, 4] = 7  # invalid
    out = tc.score_frame(df, "phq9")
    assert out.index.equals(df.index)
    phq = tc.instrument("phq9")
    for pos, (_, row) in enumerate(df[ITEMS].iterrows()):
        r = out.iloc[pos]
        if pos == 3:
            assert r["status"] == "invalid" and r["reason"] == "invalid answer to phq9_5"
            assert np.isnan(r["total"])
            continue
        s = phq.score(list(row))
        assert r["status"] == s.status
        if s.total is None:
            assert np.isnan(r["total"]) and pd.isna(r["total_band"])
            assert r["reason"] == "total: too many items missing"
        else:
            assert r["total"] == s.total and r["total_band"] == s.band and r["reason"] == ""
        assert r["answered"] == s.answered and r["missing"] == s.missing
        assert r["flags"] == ", ".join(s.flags)
        if s.derived["major_depressive_syndrome"] == "undetermined":
            assert pd.isna(r["major_depressive_syndrome"])  # missing, never "not met"
            assert not r["major_depressive_syndrome_determined"]
        else:
            assert r["major_depressive_syndrome"] == s.derived["major_depressive_syndrome"]


def test_an_undetermined_rule_is_missing_not_negative() -> None:
    # PCL-5 DSM-5 rule (Weathers et al. 2013): B, C and D met, one E symptom, items 16-20
    # missing. The frame shows it missing, so a prevalence over determined rows is honest.
    row = [2, 0, 0, 0, 0, 3, 0, 2, 4, 0, 0, 0, 0, 0, 2] + [np.nan] * 5
    met = row[:15] + [2, 0, 0, 0, 0]
    neg = row[:15] + [0, 0, 0, 0, 0]
    df = pd.DataFrame([row, met, neg], columns=[f"pcl5_{i}" for i in range(1, 21)])
    out = tc.score_frame(df, "pcl5")
    assert pd.isna(out["provisional_ptsd"].iloc[0])
    assert list(out["provisional_ptsd"].iloc[1:]) == ["met", "not met"]
    assert list(out["provisional_ptsd_determined"]) == [False, True, True]
    assert tc.instrument("pcl5").score(row).derived["provisional_ptsd"] == "undetermined"
    many = tc.instrument("pcl5").score_many(df.to_numpy())
    assert list(many["provisional_ptsd"]) == [-1, 1, 0]
    assert list(many["provisional_ptsd_reached"]) == [0, 1, 0]


def test_dtypes_and_categories() -> None:
    out = tc.score_frame(_frame(), "phq9")
    assert list(out.columns[:3]) == ["total", "total_band", "phq2"]
    assert out["total"].dtype == np.float64
    assert out["total_band"].cat.ordered
    assert list(out["total_band"].cat.categories) == ["None-minimal", "Mild", "Moderate", "Moderately severe", "Severe"]
    assert list(out["status"].cat.categories) == ["ok", "not_scorable", "invalid"]
    assert out["prorated"].dtype == bool
    assert {"reason", "answered", "missing", "flags", "flags_unknown"} <= set(out.columns)


def test_prefix_and_explicit_columns_in_form_order() -> None:
    df = _frame()
    renamed = df.rename(columns={c: f"q{i}" for i, c in enumerate(ITEMS, 1)})
    a = tc.score_frame(renamed, tc.instrument("phq9"), columns=[f"q{i}" for i in range(1, 10)], prefix="phq9_")
    b = tc.score_frame(df, "phq9")
    np.testing.assert_array_equal(a["phq9_total"].to_numpy(), b["total"].to_numpy())
    assert "phq9_status" in a.columns
    assert a["phq9_reason"].astype(str).str.contains("invalid answer to q").sum() == 0


def test_optional_trailing_item_is_used_when_present() -> None:
    df = _frame()
    df["phq9_10"] = 1.0  # unscored difficulty item: read, not summed
    np.testing.assert_array_equal(tc.score_frame(df, "phq9")["total"], tc.score_frame(df[ITEMS], "phq9")["total"])
    df["phq9_10"] = 9.0  # but it is still checked
    assert (tc.score_frame(df, "phq9")["status"] == "invalid").all()


def test_columns_are_read_in_place_without_copying_the_frame() -> None:
    n = 200_000
    df = pd.DataFrame(np.zeros((n, 9)), columns=ITEMS)
    tracemalloc.start()
    tc.score_frame(df, "phq9", threads=1)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    input_bytes = df.memory_usage(index=False).sum()
    # numpy reports its buffers to tracemalloc; a copy of the input would alone exceed this.
    assert peak < input_bytes * 0.75, (peak, input_bytes)


def test_mixed_dtypes_nullable_and_text_columns() -> None:
    df = pd.DataFrame({c: [1, 2, 3] for c in ITEMS})
    df["phq9_1"] = df["phq9_1"].astype(np.int8)
    df["phq9_2"] = df["phq9_2"].astype("Int64")
    df.loc[1, "phq9_2"] = pd.NA
    df["phq9_3"] = pd.Series(["1", "often", None], dtype=object)
    out = tc.score_frame(df, "phq9")
    assert list(out["status"]) == ["ok", "invalid", "not_scorable"]
    assert out["reason"][1] == "invalid answer to phq9_3"  # text is invalid, not missing
    assert out["total"][0] == 9


def test_strict_raises_at_the_first_invalid_row_naming_its_label() -> None:
    df = _frame()
    df.loc[1005, "phq9_2"] = 5
    df.loc[1009, "phq9_2"] = 5
    with pytest.raises(tc.ValidationError) as info:
        tc.score_frame(df, "phq9", strict=True)
    assert info.value.problems[0][0] == "[1005].phq9_2"
    assert "5 is not an allowed answer" in info.value.problems[0][1]
    assert "1005" in str(info.value)


def test_threads_give_identical_frames() -> None:
    df = _frame(150_000, seed=4)
    one = tc.score_frame(df, "phq9", threads=1)
    two = tc.score_frame(df, "phq9", threads=2)
    pd.testing.assert_frame_equal(one, two)


def test_every_builtin_instrument_scores_a_frame() -> None:
    for name in tc.instruments():
        inst = tc.instrument(name)
        df = pd.DataFrame(np.zeros((4, inst.required_columns)), columns=inst.item_ids[: inst.required_columns])
        out = tc.score_frame(df, name)
        assert len(out) == 4 and "status" in out.columns


def test_empty_frame_keeps_columns_and_dtypes() -> None:
    empty = tc.score_frame(_frame().iloc[:0], "phq9")
    full = tc.score_frame(_frame(), "phq9")
    assert list(empty.columns) == list(full.columns)
    assert (empty.dtypes == full.dtypes).all()


def test_bad_input() -> None:
    df = _frame()
    with pytest.raises(tc.ValidationError) as info:
        tc.score_frame(df.drop(columns=["phq9_4", "phq9_7"]), "phq9")
    assert [p for p, _ in info.value.problems] == ["phq9_4", "phq9_7"]
    with pytest.raises(tc.ValidationError):
        tc.score_frame(df, "phq9", columns=["phq9_1", "nope"])
    with pytest.raises(tc.ValidationError, match="columns"):
        tc.score_frame(df, "phq9", columns=ITEMS[:3])
    with pytest.raises(TypeError):
        tc.score_frame(df.to_numpy(), "phq9")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        tc.score_frame(df, 9)  # type: ignore[arg-type]
    with pytest.raises(tc.NotFoundError):
        tc.score_frame(df, "phq10")
    bools = df[ITEMS].astype(bool)
    with pytest.raises(TypeError, match="phq9_1"):
        tc.score_frame(bools, "phq9")
    dates = df[ITEMS].copy()
    dates["phq9_1"] = pd.Timestamp("2024-01-01")
    with pytest.raises(TypeError, match="phq9_1"):
        tc.score_frame(dates, "phq9")


def test_frames_larger_than_a_chunk_equal_one_pass_of_score_many() -> None:
    # score_frame scores 65,536-row chunks (threads=1) into its output; score_many scores the
    # whole array in one pass, so every column must agree across the chunk edges.
    df = _frame(140_003, seed=9)
    df.iloc[70_000, 2] = 9  # invalid, in the second chunk
    out = tc.score_frame(df, "phq9", threads=1)
    many = tc.instrument("phq9").score_many(df[ITEMS].to_numpy(), threads=1)
    np.testing.assert_array_equal(out["total"].to_numpy(), many["total"])
    np.testing.assert_array_equal(out["total_band"].cat.codes.to_numpy(), many["total_band"])
    np.testing.assert_array_equal(out["status"].cat.codes.to_numpy(), many["status"])
    np.testing.assert_array_equal(out["missing"].to_numpy(), many["missing"])
    assert out["reason"].iloc[70_000] == "invalid answer to phq9_3"
    fired = out["flags"].astype(str).str.contains("item9_self_harm").to_numpy()
    np.testing.assert_array_equal(fired, many["flag_item9_self_harm"])
    # Strict mode names the invalid row of a later chunk by its label.
    with pytest.raises(tc.ValidationError) as info:
        tc.score_frame(df, "phq9", strict=True, threads=1)
    assert info.value.problems[0][0] == f"[{df.index[70_000]}].phq9_3"
