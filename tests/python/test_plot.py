# SPDX-License-Identifier: Apache-2.0
"""theracore.plot.trajectory draws bands, cut-off, reliable-change band and events (Agg)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import theracore as tc  # noqa: E402


@pytest.fixture()
def scores() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "client": ["a"] * 4 + ["b"],
            "date": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01", "2024-01-01"]),
            "score": [24.0, 19.0, 12.0, 8.0, 30.0],
        }
    )


def test_trajectory_with_instrument_draws_every_layer(scores: pd.DataFrame) -> None:
    ax = tc.plot.trajectory(
        scores, client="a", instrument="core10", events={"2024-02-15": "medication change"}, title="Client a"
    )
    try:
        assert ax.get_title() == "Client a"
        line = [ln for ln in ax.get_lines() if ln.get_label() == "score"][0]
        assert list(line.get_ydata()) == [24.0, 19.0, 12.0, 8.0]
        labels = [t.get_text() for t in ax.texts]
        assert "Severe" in labels and " medication change" in labels
        legend = [t.get_text() for t in ax.get_legend().get_texts()]
        assert "cut-off 11" in legend
        assert any(t.startswith("no reliable change (±6.7") for t in legend)  # 1.96·S_diff
        assert ax.get_ylim() == (0.0, 40.0)
    finally:
        plt.close(ax.figure)


def test_trajectory_from_series_without_instrument(scores: pd.DataFrame) -> None:
    series = scores[scores.client == "a"].set_index("date")["score"]
    fig, ax = plt.subplots()
    try:
        out = tc.plot.trajectory(series, ax=ax, cutoff=10, events=[("2024-03-01", "holiday")])
        assert out is ax
        legend = [t.get_text() for t in ax.get_legend().get_texts()]
        assert legend == ["cut-off 10", "score"]  # no parameters: no reliable-change band
    finally:
        plt.close(fig)


def test_trajectory_without_sd_skips_the_band_but_draws_bands(scores: pd.DataFrame) -> None:
    df = scores.assign(score=[20.0, 15.0, 9.0, 4.0, 2.0])
    ax = tc.plot.trajectory(df, client="a", instrument="phq9")  # PHQ-9 publishes no SD
    try:
        legend = [t.get_text() for t in ax.get_legend().get_texts()]
        assert not any(t.startswith("no reliable change") for t in legend)
        assert "cut-off 10" in legend
    finally:
        plt.close(ax.figure)
    ax = tc.plot.trajectory(df, client="a", instrument="phq9", sd=5.7)
    try:
        legend = [t.get_text() for t in ax.get_legend().get_texts()]
        assert any(t.startswith("no reliable change") for t in legend)
    finally:
        plt.close(ax.figure)


def test_trajectory_bad_input(scores: pd.DataFrame) -> None:
    with pytest.raises(TypeError):
        tc.plot.trajectory([1, 2, 3])
    with pytest.raises(tc.ValidationError):
        tc.plot.trajectory(scores, score="total")
    with pytest.raises(tc.ValidationError):
        tc.plot.trajectory(scores, client="nobody")
    with pytest.raises(tc.NotFoundError):
        tc.plot.trajectory(scores, client="a", instrument="nope")
