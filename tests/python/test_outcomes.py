# SPDX-License-Identifier: Apache-2.0
"""theracore.outcomes: reliable change, cut-offs, categories, GAS and trajectories.

Worked examples: CORE-10 with s1 = 7.7, α = .90, 22 → 12 gives RCI = −2.903984 and a threshold
of 6.749348 points (Jacobson & Truax 1991 with the Christensen & Mendoza S_diff; values as in
docs/outcomes.md, Barkham et al. 2013 norms). Cut-offs with M1 = 19.7, s1 = 7.7, M0 = 4.7,
s0 = 4.8 (Connell & Barkham 2007): a = 4.3, b = 14.3, c = 10.46. GAS: levels (−2, 0, −1, 2, 0, 1)
with weights (3, 5, 1, 4, 2, 6) give T = 55 (gasr calc_tscore documentation)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import theracore as tc
from theracore import outcomes


def test_reliable_change_worked_example() -> None:
    r = outcomes.reliable_change(22, 12, sd=7.7, reliability=0.90)
    assert r.rci == pytest.approx(-2.903984, abs=1e-6)
    assert r.reliable and r.category == "improved"
    assert r.min_reliable_change == pytest.approx(6.749348, abs=1e-6)
    assert r.min_whole_points == 7
    assert r.difference == -10
    assert r.parameters.sd.value == 7.7


def test_direction_is_respected_both_ways() -> None:
    down = outcomes.reliable_change(22, 12, sd=7.7, reliability=0.9, higher_is_better=True)
    assert down.category == "deteriorated"
    up = outcomes.reliable_change(12, 22, sd=7.7, reliability=0.9, higher_is_better=True)
    assert up.category == "improved"
    assert outcomes.reliable_change(12, 22, sd=7.7, reliability=0.9).category == "deteriorated"
    small = outcomes.reliable_change(12, 15, sd=7.7, reliability=0.9)
    assert small.category == "no reliable change" and not small.reliable


def test_instrument_parameters_come_from_the_definition() -> None:
    by_instrument = outcomes.reliable_change(22, 12, instrument="core10")
    assert by_instrument.rci == pytest.approx(-2.903984, abs=1e-6)
    p = by_instrument.parameters
    assert p.instrument_id == "core10" and p.provenance.origin.value == "named_source"
    assert p.range.min == 0 and p.range.max == 40
    # A caller's value replaces the definition's.
    assert outcomes.reliable_change(22, 12, instrument="core10", sd=10).parameters.sd.value == 10
    # PHQ-9 publishes a reliability but no clinical SD.
    with pytest.raises(tc.ValidationError) as info:
        outcomes.reliable_change(20, 10, instrument="phq9")
    assert [x for x, _ in info.value.problems] == ["psychometrics.norms"]
    phq9 = outcomes.reliable_change(20, 10, instrument="phq9", sd=5.0).parameters
    assert phq9.reliability.value == 0.89  # alpha, Kroenke et al. 2001
    assert phq9.range.max == 27 and "SD supplied by the caller" in phq9.provenance.source
    # A caller's reliability replaces the definition's first estimate; the SD stays.
    own = outcomes.reliable_change(22, 12, instrument="core10", reliability=0.8).parameters
    assert own.reliability.value == 0.8 and own.sd.value == 7.7
    # The same parameters as the C++ adapter gives (the logic lives there).
    assert own == tc._core.change_parameters_for(
        tc.instrument("core10")._impl,
        "",
        tc._core.ChangeParameterOptions(
            supplied_reliability=tc._core.ReliabilityCoefficient(value=0.8, kind="cronbach_alpha", source="reliability supplied by the caller")
        ),
    )
    with pytest.raises(tc.ValidationError) as info:
        outcomes.reliable_change(20, 10, instrument="phq9", sd=-1.0)
    assert [x for x, _ in info.value.problems] == ["options.supplied_sd.value"]
    with pytest.raises(tc.ValidationError, match="range"):
        outcomes.reliable_change(20, 41, instrument="core10")
    with pytest.raises(tc.ValidationError):
        outcomes.reliable_change(20, 10, instrument="core10", higher_is_better=True)
    with pytest.raises(tc.ValidationError) as info:
        outcomes.reliable_change(20, 10, instrument="core10", scale="nope")
    assert [x for x, _ in info.value.problems] == ["scale_id"]


def test_reliable_change_vectorised_equals_scalar() -> None:
    rng = np.random.default_rng(5)
    pre = rng.integers(0, 41, 500).astype(float)
    post = rng.integers(0, 41, 500).astype(float)
    pre[7] = np.nan
    cols = outcomes.reliable_change(pre, post, sd=7.7, reliability=0.9)
    for i in range(500):
        if i == 7:
            assert np.isnan(cols.rci[i]) and cols.category[i] is None and not cols.reliable[i]
            continue
        one = outcomes.reliable_change(pre[i], post[i], sd=7.7, reliability=0.9)
        assert cols.rci[i] == one.rci and cols.category[i] == one.category and cols.reliable[i] == one.reliable


def test_series_keep_their_index_and_scalars_broadcast() -> None:
    pre = pd.Series([22.0, 20.0], index=["a", "b"])
    r = outcomes.reliable_change(pre, 12, sd=7.7, reliability=0.9)
    assert list(r.rci.index) == ["a", "b"] and r.category.dtype == "category"
    assert r.category["a"] == "improved"
    r2 = outcomes.reliable_change([22, 23], pd.Series([12, 28]), sd=7.7, reliability=0.9)
    assert list(r2.category) == ["improved", "no reliable change"]


def test_reliable_change_bad_input() -> None:
    with pytest.raises(tc.ValidationError) as info:
        outcomes.reliable_change(1, 2)
    assert [p for p, _ in info.value.problems] == ["sd", "reliability"]
    with pytest.raises(tc.ValidationError, match="reliability"):
        outcomes.reliable_change(1, 2, sd=5, reliability=1.5)
    with pytest.raises(tc.ValidationError, match="sd"):
        outcomes.reliable_change(1, 2, sd=-1, reliability=0.8)
    with pytest.raises(tc.ValidationError):
        outcomes.reliable_change(1, 2, sd=float("nan"), reliability=0.8)
    with pytest.raises(tc.ValidationError, match="pre"):
        outcomes.reliable_change(float("nan"), 2, sd=5, reliability=0.8)  # one pair must be finite
    with pytest.raises(tc.ValidationError) as info:
        outcomes.reliable_change([1, np.inf], [2, 3], sd=5, reliability=0.8)
    assert info.value.problems[0][0] == "pre[1]"
    with pytest.raises(tc.ValidationError):
        outcomes.reliable_change([1, 2, 3], [1, 2], sd=5, reliability=0.8)
    with pytest.raises(tc.ValidationError):
        outcomes.reliable_change(np.zeros((2, 2)), np.zeros((2, 2)), sd=5, reliability=0.8)
    with pytest.raises(TypeError):
        outcomes.reliable_change("10", 2, sd=5, reliability=0.8)
    with pytest.raises(TypeError):
        outcomes.reliable_change(["a", "b"], [1, 2], sd=5, reliability=0.8)
    with pytest.raises(TypeError):
        outcomes.reliable_change(1, 2, sd="5", reliability=0.8)
    with pytest.raises(ValueError):  # an unknown reliability kind names the choices
        outcomes.reliable_change(1, 2, sd=5, reliability=0.8, reliability_kind="split_half")


def test_clinical_cutoffs_worked_example_and_direction() -> None:
    c = outcomes.clinical_cutoffs(19.7, 7.7, 4.7, 4.8)
    assert c.a == pytest.approx(4.3) and c.b == pytest.approx(14.3) and c.c == pytest.approx(10.46)
    hb = outcomes.clinical_cutoffs(40, 10, 70, 10, higher_is_better=True)
    assert hb.a == pytest.approx(60) and hb.b == pytest.approx(50) and hb.c == pytest.approx(55)
    cols = outcomes.clinical_cutoffs(pd.Series([19.7, 40.0]), pd.Series([7.7, 10.0]), 4.7, pd.Series([4.8, 10.0]))
    assert cols.c.iloc[0] == pytest.approx(10.46) and isinstance(cols.a, pd.Series)
    with pytest.raises(tc.ValidationError, match="sd"):
        outcomes.clinical_cutoffs(19.7, 0, 4.7, 4.8)
    with pytest.raises(tc.ValidationError) as info:
        outcomes.clinical_cutoffs([19.7, 19.7], [7.7, -1], 4.7, 4.8)
    assert info.value.problems[0][0].startswith("[1]")
    with pytest.raises(tc.ValidationError):
        outcomes.clinical_cutoffs(float("nan"), 7.7, 4.7, 4.8)
    with pytest.raises(TypeError):
        outcomes.clinical_cutoffs("19.7", 7.7, 4.7, 4.8)


def test_classify_categories() -> None:
    kw = dict(sd=7.7, reliability=0.9, cutoff=11)
    assert outcomes.classify(22, 8, **kw).category == "recovered"
    assert outcomes.classify(30, 20, **kw).category == "improved"  # reliable, still clinical
    assert outcomes.classify(22, 20, **kw).category == "unchanged"
    assert outcomes.classify(12, 25, **kw).category == "deteriorated"
    # A score equal to the cut-off is clinical: 22 -> 11 has improved but not recovered.
    assert outcomes.classify(22, 11, **kw).category == "improved"
    c = outcomes.classify(22, 8, instrument="core10")  # the instrument's published cut-off 11
    assert c.category == "recovered" and c.cutoff == 11 and c.criterion == "published"
    by_c = outcomes.classify(22, 8, sd=7.7, reliability=0.9, mean_clinical=19.7, sd_clinical=7.7, mean_functional=4.7, sd_functional=4.8)
    assert by_c.criterion == "c" and by_c.cutoff == pytest.approx(10.46)


def test_classify_vectorised_equals_scalar() -> None:
    rng = np.random.default_rng(6)
    pre = rng.integers(0, 41, 300).astype(float)
    post = rng.integers(0, 41, 300).astype(float)
    post[3] = np.nan
    cols = outcomes.classify(pre, post, instrument="core10")
    for i in range(300):
        if i == 3:
            assert cols.category[i] is None
            continue
        assert cols.category[i] == outcomes.classify(pre[i], post[i], instrument="core10").category


def test_classify_without_a_usable_cutoff() -> None:
    # Criterion c needs norms: none given and none in the definition of a caller's parameters.
    with pytest.raises(tc.ValidationError):
        outcomes.classify(22, 8, sd=7.7, reliability=0.9, criterion="published")
    r = outcomes.classify(22, 8, sd=7.7, reliability=0.9)
    assert r.category is None and r.change == "improved" and r.cutoff is None
    assert outcomes.classify(22, 30, sd=7.7, reliability=0.9).category == "deteriorated"
    with pytest.raises(tc.ValidationError):
        outcomes.classify(22, 8, sd=7.7, reliability=0.9, mean_clinical=19.7)
    with pytest.raises(ValueError):
        outcomes.classify(22, 8, sd=7.7, reliability=0.9, criterion="d")


def test_gas_t_score() -> None:
    assert outcomes.gas_t_score([-2, 0, -1, 2, 0, 1], [3, 5, 1, 4, 2, 6]) == pytest.approx(55)
    assert outcomes.gas_t_score([0, 0, 0]) == pytest.approx(50)
    assert outcomes.gas_t_score([1]) == pytest.approx(60)
    assert outcomes.gas_t_score([1, None]) == pytest.approx(60)  # unrated goals are skipped
    rows = outcomes.gas_t_score(np.array([[0, 0], [1, np.nan], [np.nan, np.nan]]))
    assert rows[0] == pytest.approx(50) and rows[1] == pytest.approx(60) and np.isnan(rows[2])
    with pytest.raises(tc.ValidationError, match="level"):
        outcomes.gas_t_score([3])
    with pytest.raises(tc.ValidationError):
        outcomes.gas_t_score([1.5])
    with pytest.raises(tc.ValidationError, match="weight"):
        outcomes.gas_t_score([1, 1], [1, -1])
    with pytest.raises(tc.ValidationError, match="rho"):
        outcomes.gas_t_score([1], rho=1.5)
    with pytest.raises(tc.ValidationError):
        outcomes.gas_t_score([None, None])
    with pytest.raises(tc.ValidationError):
        outcomes.gas_t_score([1, 2], [1])
    with pytest.raises(TypeError):
        outcomes.gas_t_score("12")
    with pytest.raises(TypeError):
        outcomes.gas_t_score(["a"])


def _long(n_clients: int = 50, seed: int = 7) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(n_clients):
        for k in range(int(rng.integers(1, 6))):
            rows.append((f"c{c:03d}", pd.Timestamp("2024-01-01") + pd.Timedelta(days=int(rng.integers(0, 300))), float(rng.integers(0, 41))))
    df = pd.DataFrame(rows, columns=["client", "date", "score"])
    return df.sample(frac=1.0, random_state=1).reset_index(drop=True)  # any order


def test_trajectory_equals_pandas_sort_groupby() -> None:
    df = _long()
    df.loc[5, "score"] = np.nan  # skipped
    got = outcomes.trajectory(df, client="client", date="date", score="score", instrument="core10")
    usable = df.dropna(subset=["score"]).sort_values(["client", "date"], kind="stable")
    g = usable.groupby("client", sort=False)
    first, last, n = g["score"].first(), g["score"].last(), g.size()
    for cid in got.index:
        assert got.loc[cid, "n"] == n[cid]
        assert got.loc[cid, "baseline"] == first[cid]
        if n[cid] == 1:
            assert np.isnan(got.loc[cid, "rci"]) and pd.isna(got.loc[cid, "category"])
            continue
        assert got.loc[cid, "latest"] == last[cid]
        one = outcomes.classify(first[cid], last[cid], instrument="core10")
        assert got.loc[cid, "rci"] == one.rci
        assert got.loc[cid, "outcome"] == one.category
    assert got.index.name == "client"
    assert list(got.index) == list(pd.unique(usable.sort_index()["client"]))  # first appearance


def test_trajectory_integer_clients_string_dates_and_ties() -> None:
    df = pd.DataFrame(
        {
            "id": [10**12, 10**12, 10**12, 5],
            "when": ["2024-01-01", "2024-02-01", "2024-02-01", "2024-01-01"],
            "total": [20.0, 15.0, 8.0, 3.0],
        }
    )
    got = outcomes.trajectory(df, client="id", date="when", score="total", sd=7.7, reliability=0.9)
    assert list(got.index) == [10**12, 5]
    assert got.loc[10**12, "latest"] == 8  # the last-listed of the latest date
    assert got.loc[10**12, "category"] == "improved" and "outcome" not in got.columns


def test_trajectory_bad_input() -> None:
    df = _long()
    with pytest.raises(tc.ValidationError):
        outcomes.trajectory(df, client="who", sd=7.7, reliability=0.9)
    with pytest.raises(TypeError):
        outcomes.trajectory(df.to_dict(), sd=7.7, reliability=0.9)  # type: ignore[arg-type]
    bad = df.copy()
    bad["date"] = "not a date"
    with pytest.raises(TypeError):
        outcomes.trajectory(bad, sd=7.7, reliability=0.9)
    inf = df.copy()
    inf.loc[0, "score"] = np.inf
    with pytest.raises(tc.ValidationError):
        outcomes.trajectory(inf, sd=7.7, reliability=0.9)
    text = df.copy()
    text["score"] = text["score"].astype(str)
    text.loc[0, "score"] = "high"
    with pytest.raises(TypeError):
        outcomes.trajectory(text, sd=7.7, reliability=0.9)
    with pytest.raises(tc.ValidationError):
        outcomes.trajectory(df, sd=7.7)


def test_change_parameters_function() -> None:
    p = outcomes.change_parameters(sd=7.7, reliability=0.9, z=1.645)
    assert p.z == 1.645 and p.direction.value == "lower_is_better"
    assert outcomes.reliable_change(22, 12, sd=7.7, reliability=0.9, z=1.645).min_reliable_change == pytest.approx(5.664631, abs=1e-6)
    assert p.validate() == []
    with pytest.raises(tc.ValidationError, match="z"):
        outcomes.change_parameters(sd=7.7, reliability=0.9, z=0)


def test_classify_with_a_higher_is_better_instrument_uses_the_adapters_cutoff() -> None:
    # WHO-5 (raw 0-25, higher is better): a raw score below 13 is poor well-being (Topp et al.
    # 2015), so 13 itself is functional. The definition has no reliability or SD: pass them.
    # S_diff = 5 * sqrt(2 * (1 - 0.85)) = 2.7386; a change of 8 gives RCI 2.92 (reliable).
    kw = dict(instrument="who5", sd=5.0, reliability=0.85)
    r = outcomes.classify(5, 13, **kw)
    assert r.rci == pytest.approx(8 / (5 * np.sqrt(0.3)))
    assert r.category == "recovered" and r.cutoff == 13 and r.criterion == "published"
    assert outcomes.classify(2, 12, **kw).category == "improved"  # 12 < 13: still poor
    assert outcomes.classify(20, 10, **kw).category == "deteriorated"  # a fall is worse here
    assert outcomes.reliable_change(5, 13, **kw).category == "improved"


def test_classify_and_instrument_bad_input() -> None:
    with pytest.raises(TypeError):
        outcomes.classify(22, 8, sd=7.7, reliability=0.9, cutoff="11")  # type: ignore[arg-type]
    with pytest.raises(tc.ValidationError):
        outcomes.classify([22, 20, 18], [8, 9], sd=7.7, reliability=0.9, cutoff=11)
    with pytest.raises(tc.ValidationError):
        outcomes.classify(np.zeros((2, 2)), np.zeros((2, 2)), sd=7.7, reliability=0.9, cutoff=11)
    with pytest.raises(tc.ValidationError, match="range"):
        outcomes.classify(22, 45, instrument="core10")  # CORE-10 totals are 0-40
    with pytest.raises(tc.NotFoundError):
        outcomes.classify(22, 8, instrument="no_such_measure")
    with pytest.raises(TypeError):
        outcomes.classify(22, 8, instrument=9)  # type: ignore[arg-type]
    with pytest.raises(tc.ValidationError) as info:
        outcomes.change_parameters(instrument="dass21", scale="depression")  # no psychometrics
    assert [x for x, _ in info.value.problems] == ["psychometrics.reliability", "psychometrics.norms"]
