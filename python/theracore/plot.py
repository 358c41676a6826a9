# SPDX-License-Identifier: Apache-2.0
"""Progress charts with matplotlib (imported on first use; ``import theracore`` does not need
it)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Mapping, Optional, Tuple, Union

import numpy as np

from ._instruments import Instrument, _resolve
from .errors import ValidationError

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["trajectory"]

# Light fills from least to most severe; chosen to stay readable in greyscale print.
_BAND_COLOURS = ("#e8f5e9", "#fffde7", "#fff3e0", "#fbe9e7", "#ffebee", "#fce4ec", "#f3e5f5")


def _events(events: Any) -> Iterable[Tuple[Any, str]]:
    if events is None:
        return []
    if isinstance(events, Mapping):
        return list(events.items())
    if hasattr(events, "itertuples"):  # a DataFrame with date and label columns
        return [(r[0], str(r[1])) for r in events.itertuples(index=False)]
    return [(d, str(label)) for d, label in events]


def trajectory(
    data: Any,
    *,
    date: str = "date",
    score: str = "score",
    client: Optional[Any] = None,
    client_column: str = "client",
    instrument: Union[None, str, Instrument] = None,
    scale: Optional[str] = None,
    sd: Optional[float] = None,
    reliability: Optional[float] = None,
    cutoff: Optional[float] = None,
    events: Any = None,
    ax: Optional["Axes"] = None,
    title: Optional[str] = None,
) -> "Axes":
    """Draws one client's scores over time and returns the matplotlib Axes.

    ``data`` is a DataFrame with ``date`` and ``score`` columns (a long table of several
    clients when ``client`` names which one, in ``client_column``) or a Series of scores indexed
    by date. With ``instrument`` the chart shows its severity bands (of ``scale``, default the
    total) and its published cut-off; ``cutoff`` gives or replaces the cut-off. The
    reliable-change band is drawn around the baseline (the first score) when change parameters
    are known (the instrument's psychometrics, or ``sd``/``reliability``): scores outside it
    differ reliably from the baseline. ``events`` are vertical markers: a mapping or pairs of
    ``(date, label)``, or a DataFrame with those two columns ("medication change").
    """
    import pandas as pd

    from . import outcomes

    if isinstance(data, pd.Series):
        frame = pd.DataFrame({date: data.index, score: data.to_numpy()})
    elif isinstance(data, pd.DataFrame):
        frame = data
        if client is not None:
            frame = frame[frame[client_column] == client]
        for c in (date, score):
            if c not in frame.columns:
                raise ValidationError("cannot plot", [(c, "no such column")])
    else:
        raise TypeError(f"data must be a DataFrame or Series, got {type(data).__name__}")
    frame = frame[[date, score]].dropna().sort_values(date, kind="stable")
    if frame.empty:
        raise ValidationError("cannot plot", [(score, "no scores to plot")])
    when = pd.to_datetime(frame[date])
    values = frame[score].to_numpy(dtype=float)
    inst = None if instrument is None else _resolve(instrument)

    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=(8, 4.5))

    top = float(np.nanmax(values))
    if inst is not None:
        bands = inst.bands(scale)
        for i, (lo, hi, label) in enumerate(bands):
            # Bands are inclusive integer ranges; shade to the next band's start.
            upper = bands[i + 1][0] if i + 1 < len(bands) else hi
            ax.axhspan(lo, upper, color=_BAND_COLOURS[i % len(_BAND_COLOURS)], zorder=0, label=None)
            ax.text(1.01, (lo + upper) / 2, label, transform=ax.get_yaxis_transform(), va="center", fontsize=8)
        if bands:
            ax.set_ylim(bands[0][0], bands[-1][1])
            top = bands[-1][1]
        if cutoff is None:
            from . import _core

            published = _core.clinical_cutoff_for(inst._impl, scale or "")
            cutoff = published.value if published is not None else None

    if cutoff is not None:
        ax.axhline(cutoff, color="#b71c1c", linestyle="--", linewidth=1.2, label=f"cut-off {cutoff:g}")

    params_known = sd is not None or reliability is not None or inst is not None
    if params_known:
        try:
            rc = outcomes.reliable_change(
                values[0], values[0], sd=sd, reliability=reliability, instrument=inst, scale=scale
            )
        except ValidationError:
            rc = None  # the instrument publishes no SD and none was given: no band to draw
        if rc is not None:
            half = rc.min_reliable_change
            ax.fill_between(
                [when.iloc[0], when.iloc[-1]], values[0] - half, values[0] + half,
                color="#90a4ae", alpha=0.25, zorder=1, label=f"no reliable change (±{half:.1f})",
            )

    ax.plot(when, values, marker="o", color="#1a237e", zorder=3, label=score)
    for d, label in _events(events):
        x = pd.to_datetime(d)
        ax.axvline(x, color="#455a64", linestyle=":", linewidth=1)
        ax.text(x, top, f" {label}", rotation=90, va="top", ha="left", fontsize=8, color="#455a64")

    ax.set_xlabel("date")
    ax.set_ylabel(score if inst is None else f"{inst.name} ({scale or inst.total_scale})")
    ax.set_title(title if title is not None else (inst.name if inst is not None else score))
    ax.legend(loc="upper right", fontsize=8)
    ax.figure.autofmt_xdate()
    return ax
