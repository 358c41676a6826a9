# SPDX-License-Identifier: Apache-2.0
"""Reliable and clinically significant change, GAS T-scores and per-client trajectories.

Every function takes a single pair of scores or whole columns (numpy arrays, pandas Series);
the loops over columns run in C++ (``theracore._core``), never in Python. The formulas are
Jacobson & Truax (1991) with the Christensen & Mendoza correction, as docs/outcomes.md
derives them.

Parameters come from the caller (``sd=``, ``reliability=``) or from an instrument's
psychometrics (``instrument="core10"``); a caller's value replaces the instrument's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional, Sequence, Tuple, Union

import numpy as np

from . import _core
from ._instruments import Instrument, _resolve
from .errors import ValidationError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ReliableChangeResult",
    "Cutoffs",
    "Classification",
    "change_parameters",
    "reliable_change",
    "clinical_cutoffs",
    "classify",
    "gas_t_score",
    "trajectory",
    "CHANGE_CATEGORIES",
    "OUTCOME_CATEGORIES",
]

#: Reliable-change categories, by the code the C++ core returns.
CHANGE_CATEGORIES = ("improved", "no reliable change", "deteriorated")
#: Jacobson–Truax outcome categories, by code.
OUTCOME_CATEGORIES = ("recovered", "improved", "unchanged", "deteriorated")

_CALLER = "caller_supplied"


def _instrument_or_none(instrument: Union[None, str, Instrument]) -> Optional[Instrument]:
    return None if instrument is None else _resolve(instrument)


def change_parameters(
    *,
    sd: Optional[float] = None,
    reliability: Optional[float] = None,
    instrument: Union[None, str, Instrument] = None,
    scale: Optional[str] = None,
    higher_is_better: Optional[bool] = None,
    z: float = 1.96,
    reliability_kind: str = "cronbach_alpha",
    mean_clinical: Optional[float] = None,
    sd_clinical: Optional[float] = None,
    mean_functional: Optional[float] = None,
    sd_functional: Optional[float] = None,
) -> _core.ChangeParameters:
    """The :class:`~theracore._core.ChangeParameters` the other functions use.

    With ``instrument``, direction, SD, reliability, norms and score range come from its
    definition (scale ``scale``, default the total) by the C++ adapter
    ``change_parameters_for``, and ``sd``/``reliability`` given here replace the definition's
    (PHQ-9 publishes no clinical SD: pass ``sd``). Without it, ``sd`` and ``reliability`` are required and lower scores are
    better unless ``higher_is_better=True``. Raises ValidationError naming what is missing or
    invalid (a reliability outside (0, 1), a non-positive SD, NaN).
    """
    for name, v in (("sd", sd), ("reliability", reliability), ("z", z)):
        if v is not None and (isinstance(v, (str, bytes, bool)) or not np.isscalar(v)):
            raise TypeError(f"{name} must be a number, got {type(v).__name__}")
    inst = _instrument_or_none(instrument)
    user_sd = None if sd is None else _core.StandardDeviation(value=float(sd), source="SD supplied by the caller")
    user_r = (
        None
        if reliability is None
        else _core.ReliabilityCoefficient(value=float(reliability), kind=reliability_kind, source="reliability supplied by the caller")
    )
    if inst is not None:
        # The C++ adapter reads the definition and applies the caller's values; nothing about
        # the psychometrics is decided here.
        options = _core.ChangeParameterOptions(z=_num(z, "z"), supplied_sd=user_sd, supplied_reliability=user_r)
        p = _core.change_parameters_for(inst._impl, scale or "", options)
        if higher_is_better is not None and (p.direction.value == "higher_is_better") != bool(higher_is_better):
            raise ValidationError(
                "invalid change parameters",
                [("higher_is_better", f"{inst.id} is {inst.direction.replace('_', ' ')}; leave higher_is_better out")],
            )
    else:
        problems = []
        if user_sd is None:
            problems.append(("sd", "required without an instrument"))
        if user_r is None:
            problems.append(("reliability", "required without an instrument"))
        if problems:
            raise ValidationError("invalid change parameters", problems)
        p = _core.ChangeParameters(
            instrument_id=_CALLER,
            direction="higher_is_better" if higher_is_better else "lower_is_better",
            sd=user_sd,
            reliability=user_r,
            provenance=_core.ParameterProvenance(origin="caller_supplied"),
        )
    p.z = float(z)
    if mean_clinical is not None or sd_clinical is not None:
        p.dysfunctional = _core.PopulationNorm(mean=_num(mean_clinical, "mean_clinical"), sd=_num(sd_clinical, "sd_clinical"))
    if mean_functional is not None or sd_functional is not None:
        p.functional = _core.PopulationNorm(
            mean=_num(mean_functional, "mean_functional"), sd=_num(sd_functional, "sd_functional")
        )
    _core.jacobson_truax_threshold(p)  # raises ValidationError for anything invalid
    return p


def _num(v: Any, name: str) -> float:
    if v is None:
        raise ValidationError("incomplete norms", [(name, "required with the other norm of its group")])
    if isinstance(v, (str, bytes, bool)) or not np.isscalar(v):
        raise TypeError(f"{name} must be a number, got {type(v).__name__}")
    return float(v)


# --------------------------------------------------------------------------------------------


def _index_of(x: Any) -> Any:
    """The index of a pandas Series (results keep it), else None."""
    idx = getattr(x, "index", None)
    return None if idx is None or callable(idx) else idx


def _is_scalar(x: Any) -> bool:
    return np.ndim(x) == 0 and _index_of(x) is None


def _floats(x: Any, name: str) -> np.ndarray:
    if isinstance(x, (str, bytes)):
        raise TypeError(f"{name} must be numbers, got a string")
    a = x.to_numpy() if hasattr(x, "to_numpy") else np.asarray(x)
    if a.dtype.kind not in "fiu":
        if a.dtype.kind == "O":
            try:
                a = a.astype(np.float64)
            except (TypeError, ValueError) as e:
                raise TypeError(f"{name} must be numbers: {e}") from None
        else:
            raise TypeError(f"{name} must be numbers, got dtype {a.dtype}")
    return np.ascontiguousarray(a, dtype=np.float64).reshape(-1) if a.ndim <= 1 else _wrong_shape(name, a)


def _wrong_shape(name: str, a: np.ndarray) -> np.ndarray:
    raise ValidationError("invalid scores", [(name, f"must be one-dimensional, got shape {a.shape}")])


def _pair(pre: Any, post: Any) -> Tuple[np.ndarray, np.ndarray, Any]:
    """pre and post as equally long float64 arrays (a scalar is broadcast), and the index of
    whichever is a pandas Series (results keep it)."""
    index = _index_of(pre)
    if index is None:
        index = _index_of(post)
    a, b = _floats(pre, "pre"), _floats(post, "post")
    if a.size == 1 and b.size != 1:
        a = np.full(b.size, a[0])
    elif b.size == 1 and a.size != 1:
        b = np.full(a.size, b[0])
    if a.size != b.size:
        raise ValidationError("invalid scores", [("post", f"pre has {a.size} scores but post has {b.size}")])
    return a, b, index


def _labels(codes: np.ndarray, names: Sequence[str], index: Any) -> Any:
    if index is not None:
        import pandas as pd

        return pd.Series(pd.Categorical.from_codes(codes, list(names)), index=index)
    table = np.array(list(names) + [None], dtype=object)
    return table[codes]  # code -1 picks the trailing None


def _wrap(values: np.ndarray, index: Any) -> Any:
    if index is not None:
        import pandas as pd

        return pd.Series(values, index=index)
    return values


class ReliableChangeResult:
    """Reliable change: ``rci`` ((post − pre) / S_diff), ``reliable`` (|RCI| > z),
    ``category`` ("improved", "no reliable change" or "deteriorated", turned the right way for
    the instrument's direction; None where a score is missing), ``difference`` (post − pre),
    ``min_reliable_change`` (z · S_diff: a change must exceed it in raw points),
    ``min_whole_points`` (the smallest whole-point change that is reliable), ``s_diff``, ``se``
    and the ``parameters`` used. Scalars for a pair, arrays (or Series) for columns."""

    __slots__ = ("rci", "reliable", "category", "difference", "min_reliable_change", "min_whole_points", "s_diff", "se", "parameters")

    def __init__(self, **kw: Any) -> None:
        for k in self.__slots__:
            setattr(self, k, kw[k])

    def __repr__(self) -> str:
        return (
            f"ReliableChangeResult(rci={self.rci!r}, reliable={self.reliable!r}, category={self.category!r}, "
            f"min_reliable_change={self.min_reliable_change!r})"
        )


def reliable_change(
    pre: Any,
    post: Any,
    *,
    sd: Optional[float] = None,
    reliability: Optional[float] = None,
    instrument: Union[None, str, Instrument] = None,
    higher_is_better: Optional[bool] = None,
    scale: Optional[str] = None,
    z: float = 1.96,
    reliability_kind: str = "cronbach_alpha",
) -> ReliableChangeResult:
    """The Jacobson–Truax reliable change index from ``pre`` to ``post``.

    ``pre``/``post`` are numbers, or equally long arrays/Series (a number is broadcast); NaN in
    columns gives NaN and category None for that row, but a single pair must be finite. Raises
    ValidationError for invalid parameters, infinite scores or scores outside the instrument's
    range, and TypeError for text.
    """
    p = change_parameters(
        sd=sd, reliability=reliability, instrument=instrument, higher_is_better=higher_is_better,
        scale=scale, z=z, reliability_kind=reliability_kind,
    )
    t = _core.jacobson_truax_threshold(p)
    common = dict(min_reliable_change=t.points, min_whole_points=t.min_whole_points, s_diff=t.s_diff, se=t.se, parameters=p)
    if _is_scalar(pre) and _is_scalar(post):
        rc = _core.jacobson_truax_rci(_score(p, pre, "pre"), _score(p, post, "post"), p)
        code = ("reliable_improvement", "no_reliable_change", "reliable_deterioration").index(rc.kind.value)
        return ReliableChangeResult(
            rci=rc.rci, reliable=code != 1, category=CHANGE_CATEGORIES[code], difference=rc.difference, **common
        )
    a, b, index = _pair(pre, post)
    rci, kind = _core.reliable_change_columns(t, a, b)
    return ReliableChangeResult(
        rci=_wrap(rci, index),
        reliable=_wrap((kind >= 0) & (kind != 1), index),
        category=_labels(kind, CHANGE_CATEGORIES, index),
        difference=_wrap(b - a, index),
        **common,
    )


def _score(p: _core.ChangeParameters, v: Any, name: str) -> _core.InstrumentScore:
    if isinstance(v, (str, bytes, bool)) or not isinstance(v, (int, float, np.number)):
        raise TypeError(f"{name} must be a number, got {type(v).__name__}")
    return _core.InstrumentScore(instrument_id=p.instrument_id, instrument_version=p.instrument_version, value=float(v))


class Cutoffs:
    """Jacobson & Truax's criteria: ``a`` (beyond two SDs of the clinical mean), ``b`` (within
    two SDs of the functional mean) and ``c`` (where the two distributions meet). Numbers for
    one set of norms, arrays (or Series) for columns."""

    __slots__ = ("a", "b", "c")

    def __init__(self, a: Any, b: Any, c: Any) -> None:
        self.a, self.b, self.c = a, b, c

    def __repr__(self) -> str:
        return f"Cutoffs(a={self.a!r}, b={self.b!r}, c={self.c!r})"


def clinical_cutoffs(
    mean_clinical: Any,
    sd_clinical: Any,
    mean_functional: Any,
    sd_functional: Any,
    *,
    higher_is_better: bool = False,
) -> Cutoffs:
    """Criteria a, b and c from the clinical (M1, s1) and functional (M0, s0) norms:
    a = M1 − 2·s1, b = M0 + 2·s0, c = (s0·M1 + s1·M0)/(s0 + s1) when lower is better (signs
    turned when higher is better). Raises ValidationError for a non-positive or NaN SD or a
    non-finite mean (naming the row for columns)."""
    d = "higher_is_better" if higher_is_better else "lower_is_better"
    args = (mean_clinical, sd_clinical, mean_functional, sd_functional)
    names = ("mean_clinical", "sd_clinical", "mean_functional", "sd_functional")
    if all(_is_scalar(x) for x in args):
        vals = [_num(x, n) for x, n in zip(args, names)]
        r = _core.clinical_cutoffs_from_norms(
            _core.PopulationNorm(mean=vals[2], sd=vals[3]), _core.PopulationNorm(mean=vals[0], sd=vals[1]), d
        )
        return Cutoffs(r.a.value, r.b.value, r.c.value)
    index = next((_index_of(x) for x in args if _index_of(x) is not None), None)
    cols = [_floats(x, n) for x, n in zip(args, names)]
    size = max(c.size for c in cols)
    cols = [np.full(size, c[0]) if c.size == 1 else c for c in cols]
    a, b, c = _core.clinical_cutoff_columns(*cols, d)
    return Cutoffs(_wrap(a, index), _wrap(b, index), _wrap(c, index))


class Classification:
    """Jacobson–Truax outcome: ``category`` ("recovered", "improved", "unchanged",
    "deteriorated"; None where a score is missing or, for a reliable improvement, when the
    cut-off cannot be used), ``rci``, ``reliable``, ``change`` (the reliable-change category),
    ``cutoff`` (the value used), ``criterion`` and the ``parameters``."""

    __slots__ = ("category", "rci", "reliable", "change", "cutoff", "criterion", "parameters")

    def __init__(self, **kw: Any) -> None:
        for k in self.__slots__:
            setattr(self, k, kw[k])

    def __repr__(self) -> str:
        return f"Classification(category={self.category!r}, rci={self.rci!r}, cutoff={self.cutoff!r}, criterion={self.criterion!r})"


def _outcome_setup(
    *,
    sd: Optional[float],
    reliability: Optional[float],
    instrument: Union[None, str, Instrument],
    higher_is_better: Optional[bool],
    scale: Optional[str],
    z: float,
    cutoff: Optional[float],
    criterion: Optional[str],
    mean_clinical: Optional[float],
    sd_clinical: Optional[float],
    mean_functional: Optional[float],
    sd_functional: Optional[float],
) -> Tuple[_core.ChangeParameters, _core.ReliableChangeThreshold, _core.CutoffEstimate, str]:
    p = change_parameters(
        sd=sd, reliability=reliability, instrument=instrument, higher_is_better=higher_is_better, scale=scale, z=z,
        mean_clinical=mean_clinical, sd_clinical=sd_clinical, mean_functional=mean_functional, sd_functional=sd_functional,
    )
    published = None
    if cutoff is not None:
        published = _core.ClinicalCutoff(value=_num(cutoff, "cutoff"), at_value="clinical", source=_CALLER)
    elif instrument is not None:
        published = _core.clinical_cutoff_for(_resolve(instrument)._impl, scale or "")
    if criterion is None:
        norms_given = mean_clinical is not None or mean_functional is not None
        criterion = "published" if published is not None and (cutoff is not None or not norms_given) else "c"
    est = _core.select_cutoff(p, criterion, published)
    return p, _core.jacobson_truax_threshold(p), est, criterion


def classify(
    pre: Any,
    post: Any,
    *,
    sd: Optional[float] = None,
    reliability: Optional[float] = None,
    instrument: Union[None, str, Instrument] = None,
    higher_is_better: Optional[bool] = None,
    cutoff: Optional[float] = None,
    criterion: Optional[str] = None,
    mean_clinical: Optional[float] = None,
    sd_clinical: Optional[float] = None,
    mean_functional: Optional[float] = None,
    sd_functional: Optional[float] = None,
    scale: Optional[str] = None,
    z: float = 1.96,
) -> Classification:
    """Jacobson & Truax's recovered / improved / unchanged / deteriorated.

    The cut-off is ``cutoff`` (a published value; a score equal to it counts as clinical),
    else the instrument's published cut-off, else criterion ``criterion`` ("a", "b" or "c",
    default "c") from the norms given here or in the instrument's definition. Columns as in
    :func:`reliable_change`. Raises ValidationError when the chosen criterion lacks its norms.
    """
    p, t, est, crit = _outcome_setup(
        sd=sd, reliability=reliability, instrument=instrument, higher_is_better=higher_is_better, scale=scale, z=z,
        cutoff=cutoff, criterion=criterion, mean_clinical=mean_clinical, sd_clinical=sd_clinical,
        mean_functional=mean_functional, sd_functional=sd_functional,
    )
    cut = est.value if est.usable else None
    if _is_scalar(pre) and _is_scalar(post):
        published = None
        if crit == "published":
            published = _core.ClinicalCutoff(value=est.value, at_value=est.at_value, source=est.note)
        o = _core.jacobson_truax(_score(p, pre, "pre"), _score(p, post, "post"), p, crit, published)
        code = ("reliable_improvement", "no_reliable_change", "reliable_deterioration").index(o.change.kind.value)
        return Classification(
            category=o.category.value if o.category is not None else None,
            rci=o.change.rci,
            reliable=code != 1,
            change=CHANGE_CATEGORIES[code],
            cutoff=cut,
            criterion=crit,
            parameters=p,
        )
    a, b, index = _pair(pre, post)
    rci, kind, category = _core.jacobson_truax_columns(t, est, a, b)
    return Classification(
        category=_labels(category, OUTCOME_CATEGORIES, index),
        rci=_wrap(rci, index),
        reliable=_wrap((kind >= 0) & (kind != 1), index),
        change=_labels(kind, CHANGE_CATEGORIES, index),
        cutoff=cut,
        criterion=crit,
        parameters=p,
    )


def gas_t_score(levels: Any, weights: Any = None, rho: float = 0.3) -> Any:
    """The Kiresuk–Sherman GAS T-score, T = 50 + 10·Σwx / √((1 − ρ)Σw² + ρ(Σw)²).

    ``levels``: one client's goal levels (−2 … +2; None or NaN for a goal not yet rated), or a
    2-D array with one row per client. ``weights`` default to 1. Returns a float (or an array
    of floats, NaN for a row with no rated goal). Raises ValidationError for a level outside
    −2…+2 or not a whole number, a negative weight, ρ outside [0, 1], or no rated goal in a
    single set of levels.
    """
    if isinstance(levels, (str, bytes)):
        raise TypeError("levels must be numbers, got a string")
    arr = np.asarray(levels, dtype=object if not isinstance(levels, np.ndarray) else None)
    if arr.ndim == 2:
        w = None if weights is None else np.asarray(weights, dtype=float)
        out = np.full(arr.shape[0], np.nan)
        for i in range(arr.shape[0]):  # one C++ call per client; the goals are few
            row = arr[i]
            if all(_missing(x) for x in row):
                continue
            out[i] = gas_t_score(row, None if w is None else (w[i] if w.ndim == 2 else w), rho)
        return out
    if arr.ndim != 1:
        raise ValidationError("invalid goals", [("levels", f"must be 1-D or 2-D, got shape {arr.shape}")])
    ws = [1.0] * len(arr) if weights is None else list(np.asarray(weights, dtype=float).reshape(-1))
    if len(ws) != len(arr):
        raise ValidationError("invalid goals", [("weights", f"{len(ws)} weights for {len(arr)} goals")])
    goals = []
    for i, (x, w) in enumerate(zip(arr, ws)):
        goals.append(_core.GasGoal(id=f"goal{i + 1}", level=_level(x, i), weight=float(w)))
    if isinstance(rho, (str, bytes)) or not np.isscalar(rho):
        raise TypeError("rho must be a number")
    return _core.gas_t_score(goals, float(rho)).t_score


def _missing(x: Any) -> bool:
    return x is None or (isinstance(x, (float, np.floating)) and np.isnan(x))


def _level(x: Any, i: int) -> Optional[int]:
    if _missing(x):
        return None
    if isinstance(x, (str, bytes, bool)) or not isinstance(x, (int, float, np.number)):
        raise TypeError(f"levels[{i}] must be a number, got {type(x).__name__}")
    if float(x) != int(x):
        raise ValidationError("invalid goals", [(f"goals[{i}].level", f"a GAS level is a whole number, got {x}")])
    return int(x)


def trajectory(
    df_long: "pd.DataFrame",
    client: str = "client",
    date: str = "date",
    score: str = "score",
    *,
    sd: Optional[float] = None,
    reliability: Optional[float] = None,
    instrument: Union[None, str, Instrument] = None,
    higher_is_better: Optional[bool] = None,
    cutoff: Optional[float] = None,
    criterion: Optional[str] = None,
    scale: Optional[str] = None,
    z: float = 1.96,
) -> "pd.DataFrame":
    """Baseline versus latest per client from a long table (one row per administration, any
    order): one pass in C++ over the columns read in place.

    Returns a DataFrame indexed by client (in order of first appearance) with ``n`` (usable
    rows), ``baseline_date``, ``baseline``, ``latest_date``, ``latest``, ``change``, ``rci``,
    ``reliable``, ``category`` (reliable change) and, when a cut-off is available (``cutoff``,
    the instrument's, or norms), ``outcome`` (recovered / improved / unchanged /
    deteriorated). Rows with a missing score or date are skipped; a client with one usable row
    has no change (NaN, category missing). Among rows with the same date the earliest-listed is
    the baseline and the last-listed the latest.
    """
    import pandas as pd

    if not isinstance(df_long, pd.DataFrame):
        raise TypeError(f"trajectory needs a pandas DataFrame, got {type(df_long).__name__}")
    for c in (client, date, score):
        if c not in df_long.columns:
            raise ValidationError("cannot build trajectories", [(str(c), "no such column")])
    ids = df_long[client]
    if ids.dtype.kind in "iu":
        codes, uniques = ids.to_numpy(dtype=np.int64, copy=False), None
    else:
        codes, uniques = pd.factorize(ids, sort=False)
        codes = codes.astype(np.int64, copy=False)
    when = df_long[date]
    if not pd.api.types.is_datetime64_any_dtype(when.dtype):
        try:
            when = pd.to_datetime(when)
        except (TypeError, ValueError) as e:
            raise TypeError(f"column {date!r} must hold dates: {e}") from None
    if getattr(when.dt, "tz", None) is not None:
        when = when.dt.tz_convert("UTC").dt.tz_localize(None)
    times = when.to_numpy(dtype="datetime64[ns]").view(np.int64)
    values = _floats(df_long[score], score)
    with np.errstate(invalid="ignore"):
        if np.isinf(values).any():
            bad = int(np.flatnonzero(np.isinf(values))[0])
            raise ValidationError("invalid scores", [(f"{score}[{bad}]", "must be a finite number or NaN (missing)")])
    r = _core.baseline_latest(codes, times, values)
    single = r["count"] < 2
    latest = np.where(single, np.nan, r["latest"])
    est = None
    if cutoff is not None or criterion is not None or instrument is not None:
        p, t, est, _ = _outcome_setup(
            sd=sd, reliability=reliability, instrument=instrument, higher_is_better=higher_is_better, scale=scale,
            z=z, cutoff=cutoff, criterion=criterion, mean_clinical=None, sd_clinical=None, mean_functional=None,
            sd_functional=None,
        )
        if not est.usable:  # an instrument without a usable cut-off: reliable change only
            est = None
    else:
        p = change_parameters(sd=sd, reliability=reliability, higher_is_better=higher_is_better, z=z)
        t = _core.jacobson_truax_threshold(p)
    index = pd.Index(r["client"] if uniques is None else np.asarray(uniques)[r["client"]], name=client)
    base = r["baseline"]
    out = {
        "n": r["count"],
        "baseline_date": r["baseline_time"].view("datetime64[ns]"),
        "baseline": base,
        "latest_date": np.where(single, np.datetime64("NaT"), r["latest_time"].view("datetime64[ns]")),
        "latest": latest,
        "change": latest - base,
    }
    if est is not None:
        rci, kind, cat = _core.jacobson_truax_columns(t, est, base, latest)
    else:
        rci, kind = _core.reliable_change_columns(t, base, latest)
        cat = None
    out["rci"] = rci
    out["reliable"] = (kind >= 0) & (kind != 1)
    out["category"] = pd.Categorical.from_codes(kind, list(CHANGE_CATEGORIES))
    if cat is not None:
        out["outcome"] = pd.Categorical.from_codes(cat, list(OUTCOME_CATEGORIES))
    return pd.DataFrame(out, index=index, copy=False)
