# SPDX-License-Identifier: Apache-2.0
"""Instruments from Python: the built-in catalog, scoring one administration, scoring numpy
arrays and pandas DataFrames in place.

Everything numeric happens in C++ (``theracore._core``); this module only turns Python inputs
into what the core reads and the core's columns into Python results.
"""

from __future__ import annotations

import os

from typing import TYPE_CHECKING, Any, Dict, List, Mapping, Optional, Sequence, Union

import numpy as np

from . import _core
from .errors import ValidationError

if TYPE_CHECKING:  # pandas is imported lazily: scoring single administrations does not need it
    import pandas as pd

__all__ = ["Instrument", "Score", "ScaleResult", "instruments", "instrument", "score_frame"]

#: Names of the row status codes in ``score_many``'s ``"status"`` array, by code.
ROW_STATUS = tuple(_core.row_status_names())
#: Names of the scale status codes in ``score_many``'s ``"<scale>_status"`` arrays, by code.
SCALE_STATUS = tuple(_core.scale_status_names())
#: Rows score_frame scores at a time (at least; see score_frame).
_CHUNK_ROWS = 1 << 16


def instruments() -> List[str]:
    """Ids of the built-in instruments, e.g. ``["phq9", "gad7", …]``."""
    return list(_core.builtin_instrument_ids())


def instrument(id: str) -> "Instrument":
    """The built-in instrument ``id``. Raises :class:`~theracore.errors.NotFoundError`."""
    if not isinstance(id, str):
        raise TypeError(f"an instrument id is a str, got {type(id).__name__}")
    return Instrument(_core.builtin_instrument(id))


class ScaleResult:
    """One scale of a :class:`Score`: ``value`` (None when not scored), ``band`` (label or None)
    and the scoring report for that scale."""

    __slots__ = ("name", "value", "band", "band_index", "status", "reason", "prorated", "answered", "missing")

    def __init__(self, s: _core.ScaleScore) -> None:
        self.name: str = s.scale
        self.value: Optional[float] = s.value
        self.band: Optional[str] = s.band_label or None
        self.band_index: Optional[int] = s.band
        self.status: str = s.status.value
        self.reason: str = s.reason
        self.prorated: bool = s.prorated
        self.answered: int = s.answered
        self.missing: int = s.missing

    def __repr__(self) -> str:
        return f"ScaleResult(name={self.name!r}, value={self.value!r}, band={self.band!r}, status={self.status!r})"


class Score:
    """The result of scoring one administration.

    ``total`` and ``band`` are the total scale's value and band label (None when the instrument
    has no total or it could not be scored); ``subscales`` maps every other scale's id to a
    :class:`ScaleResult`. ``status`` is ``"ok"`` or ``"not_scorable"`` and ``reason`` says why;
    ``answered``/``missing`` count the items scoring uses; ``prorated`` is True when a missing-data
    rule filled gaps; ``flags`` lists the ids of critical-item flags that fired. ``result`` is the
    full C++ result (``to_dict()`` gives TheraCore's JSON).
    """

    __slots__ = (
        "result",
        "total",
        "band",
        "scales",
        "subscales",
        "flags",
        "flags_not_evaluated",
        "derived",
        "status",
        "reason",
        "prorated",
        "answered",
        "missing",
    )

    def __init__(self, result: _core.ScoreResult, total_scale: Optional[str]) -> None:
        self.result = result
        self.scales: Dict[str, ScaleResult] = {s.scale: ScaleResult(s) for s in result.scales}
        total = self.scales.get(total_scale) if total_scale else None
        self.total: Optional[float] = total.value if total else None
        self.band: Optional[str] = total.band if total else None
        self.subscales: Dict[str, ScaleResult] = {k: v for k, v in self.scales.items() if k != total_scale}
        self.flags: List[str] = [f.id for f in result.flags]
        self.flags_not_evaluated: List[str] = list(result.flags_not_evaluated)
        self.derived: Dict[str, str] = {d.id: d.label for d in result.derived}
        reasons = [f"{s.name}: {s.reason}" for s in self.scales.values() if s.status != "scored"]
        reasons += [_core.undetermined_reason(d.id) for d in result.derived if not d.determined]
        self.status: str = "not_scorable" if reasons else "ok"
        self.reason: str = "; ".join(reasons)
        self.prorated: bool = result.prorated
        self.answered: int = result.answered
        self.missing: int = result.missing

    def to_dict(self) -> Dict[str, Any]:
        """The result in TheraCore's JSON wire format."""
        return self.result.to_dict()

    def __repr__(self) -> str:
        return (
            f"Score(total={self.total!r}, band={self.band!r}, status={self.status!r}, "
            f"answered={self.answered}, missing={self.missing}, flags={self.flags!r})"
        )


def _answers(answers: Any) -> Union[Dict[str, Any], List[Any]]:
    if isinstance(answers, (str, bytes)):
        raise TypeError("answers must be a sequence in form order or a mapping of item id to answer, not a string")
    if isinstance(answers, Mapping):
        return dict(answers)
    if hasattr(answers, "to_dict") and hasattr(answers, "index"):  # a pandas Series: item id -> answer
        return dict(answers.to_dict())
    if isinstance(answers, np.ndarray):
        if answers.ndim != 1:
            raise ValidationError(
                "invalid responses", [("answers", f"must be one-dimensional, got {answers.ndim} dimensions")]
            )
        return list(answers)
    if isinstance(answers, Sequence):
        return list(answers)
    raise TypeError(f"answers must be a sequence or a mapping, got {type(answers).__name__}")


class Instrument:
    """A checked, compiled instrument definition (immutable; safe to share between threads).

    Get the built-in ones with :func:`theracore.instrument`; load your own with
    :meth:`from_dict` (the format of docs/instrument-format.md).
    """

    __slots__ = ("_impl",)

    def __init__(self, impl: _core.Instrument) -> None:
        if not isinstance(impl, _core.Instrument):
            raise TypeError("use theracore.instrument(id) or Instrument.from_dict(definition)")
        self._impl = impl

    @classmethod
    def from_dict(cls, definition: Mapping[str, Any]) -> "Instrument":
        """Loads and checks a definition. Raises ParseError or ValidationError (every problem)."""
        return cls(_core.Instrument.from_dict(dict(definition)))

    def to_dict(self) -> Dict[str, Any]:
        """The definition in the instrument JSON format."""
        return self._impl.to_dict()

    @property
    def id(self) -> str:
        return self._impl.id

    @property
    def name(self) -> str:
        return self._impl.name

    @property
    def version(self) -> str:
        return self._impl.version

    @property
    def citation(self) -> str:
        return self._impl.citation

    @property
    def direction(self) -> str:
        """``"higher_is_worse"`` or ``"higher_is_better"``."""
        return self._impl.direction.value

    @property
    def licence(self) -> str:
        return self._impl.licence.value

    @property
    def item_ids(self) -> List[str]:
        """Item ids in form order: the column names :func:`score_frame` looks for."""
        return list(self._impl.item_ids)

    @property
    def required_columns(self) -> int:
        return self._impl.required_columns

    @property
    def scale_ids(self) -> List[str]:
        return list(self._impl.scale_ids)

    @property
    def total_scale(self) -> Optional[str]:
        return self._impl.total_scale

    @property
    def flag_ids(self) -> List[str]:
        return list(self._impl.flag_ids)

    @property
    def derived_ids(self) -> List[str]:
        return list(self._impl.derived_ids)

    def bands(self, scale: Optional[str] = None, options: Optional[_core.ScoreOptions] = None) -> List[tuple]:
        """The ``(min, max, label)`` bands of a scale (default: the total); empty without bands."""
        scale = scale or self.total_scale
        if scale is None:
            raise ValidationError("no scale named", [("scale", f"{self.id} has no total scale; name one")])
        return [tuple(b) for b in self._impl.bands(scale, options)]

    def score(self, answers: Any, *, options: Optional[_core.ScoreOptions] = None) -> Score:
        """Scores one administration.

        ``answers`` is a sequence in form order (None or NaN for a missing answer; a shorter
        sequence leaves trailing items missing) or a mapping of item id to answer. Raises
        :class:`~theracore.errors.ValidationError` listing every invalid answer (out of range,
        text, unknown item, too many answers).
        """
        return Score(self._impl.score(_answers(answers), options), self.total_scale)

    def check_coding(
        self,
        array: Any,
        *,
        missing_code: Optional[int] = None,
        assumed: Optional[_core.AnswerCoding] = None,
        scale: str = "",
    ) -> _core.CodingCheck:
        """Checks whether an N × k array of answers looks coded as ``assumed`` (default: the
        definition's :attr:`answers`, form positions for every built-in) or as the other coding.
        On reverse-keyed items (EPDS 3 and 5-10) positions and item scores are mirror images, so
        pre-scored data read as positions turn those items against the rest of the scale and lose
        critical answers (EPDS item 10). Returns a :class:`CodingCheck`: ``agreement`` (mean
        correlation of the reverse-keyed items with the others, read as assumed),
        ``mismatch`` (the other coding when the data clearly look coded that way, from 30
        complete rows) and a ``message``. Score such data with
        ``ScoreOptions(coding=AnswerCoding.scores)``.
        """
        if not isinstance(array, np.ndarray):
            array = array.to_numpy() if hasattr(array, "to_numpy") else np.asarray(array)
        if array.dtype == object or array.dtype.kind in "USb":
            array = np.asarray(array, dtype=np.float64)
        return self._impl.check_coding(array, missing_code, assumed, scale)

    @property
    def answers(self) -> _core.AnswerCoding:
        """How answers to this definition are coded unless scoring is told otherwise."""
        return self._impl.answers

    def score_many(
        self,
        array: Any,
        *,
        strict: bool = False,
        missing_code: Optional[int] = None,
        threads: Optional[int] = None,
        options: Optional[_core.ScoreOptions] = None,
    ) -> Dict[str, np.ndarray]:
        """Scores an N × k array of answers (one row per administration, one column per item in
        form order), read in place — float64/float32 with NaN for missing, or any integer dtype
        (``missing_code`` names the integer that means missing); C- or F-ordered or strided.
        The GIL is released while scoring and large arrays use several threads (``threads``;
        default: every core), with results identical to one thread.

        Returns numpy arrays: ``status`` (codes into :data:`ROW_STATUS`), ``first_invalid``
        (item position or -1), ``answered``, ``missing``, per scale ``<scale>`` (value, NaN when
        not scored), ``<scale>_band`` (index or -1), ``<scale>_status``, ``<scale>_prorated``,
        per flag ``flag_<id>`` (bool), per derived rule ``<rule>`` (level; -1 when
        undetermined or invalid: undetermined is never "not met"), ``<rule>_determined`` and
        ``<rule>_reached`` (the level the answers given reach), and the raw bit masks ``flags``, ``flags_unknown``, ``cut_offs``.
        Invalid rows are marked, never scored; ``strict=True`` raises ValidationError at the
        first one instead.
        """
        if not isinstance(array, np.ndarray):
            if hasattr(array, "to_numpy"):
                array = array.to_numpy()
            else:
                array = np.asarray(array)
        out = dict(self._impl.score_many(array, strict, missing_code, threads, options))
        flags = out["flags"]
        for bit, fid in enumerate(self._impl.flag_ids):
            out[f"flag_{fid}"] = (flags >> np.uint64(bit)) & np.uint64(1) == 1
        return out

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Instrument) and self._impl == other._impl

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Instrument(id={self.id!r}, version={self.version!r})"

    def __reduce__(self) -> Any:
        # Built-ins travel by id (Dask workers have the same catalog); others as their JSON.
        try:
            if _core.builtin_instrument(self.id) == self._impl:
                return (instrument, (self.id,))
        except KeyError:
            pass
        return (Instrument.from_dict, (self.to_dict(),))


def _resolve(inst: Any) -> Instrument:
    if isinstance(inst, Instrument):
        return inst
    if isinstance(inst, str):
        return instrument(inst)
    if isinstance(inst, _core.Instrument):
        return Instrument(inst)
    raise TypeError(f"instrument must be an id or an Instrument, got {type(inst).__name__}")


# --------------------------------------------------------------------------------------------
# DataFrames


def _column(series: "pd.Series", name: str) -> np.ndarray:
    """The column's answers as a numpy array, in place whenever pandas stores plain numbers."""
    import pandas as pd

    dtype = series.dtype
    if isinstance(dtype, np.dtype) and dtype.kind in "fiu":
        return series.to_numpy(copy=False)
    if pd.api.types.is_bool_dtype(dtype):
        raise TypeError(f"column {name!r}: answers must be numbers, got dtype {dtype}")
    if pd.api.types.is_extension_array_dtype(dtype) and pd.api.types.is_numeric_dtype(dtype):
        # Nullable Int64/Float64: one column is converted (NA becomes NaN), not the frame.
        return series.to_numpy(dtype="float64", na_value=np.nan)
    if dtype == object or pd.api.types.is_string_dtype(dtype):
        # Text columns (a CSV read without dtypes): numbers written as text are numbers; any
        # other text becomes +inf, which no item allows, so the row is reported invalid rather
        # than silently treated as missing.
        values = pd.to_numeric(series, errors="coerce").to_numpy(dtype="float64", na_value=np.nan, copy=True)
        text = series.notna().to_numpy() & np.isnan(values)
        values[text] = np.inf
        return values
    raise TypeError(f"column {name!r}: answers must be numbers, got dtype {dtype}")


def _item_columns(df: "pd.DataFrame", inst: Instrument) -> List[str]:
    ids = inst.item_ids
    need = inst.required_columns
    missing = [c for c in ids[:need] if c not in df.columns]
    if missing:
        raise ValidationError(
            f"cannot score {inst.id}: the frame lacks item columns",
            [(c, "no such column (pass columns= to name them)") for c in missing],
        )
    cols = ids[:need]
    for c in ids[need:]:  # optional trailing items (PHQ-9 item 10), while present
        if c not in df.columns:
            break
        cols.append(c)
    return cols


def _codes(values: np.ndarray, categories: Sequence[str], ordered: bool = False) -> "pd.Categorical":
    import pandas as pd

    return pd.Categorical.from_codes(values, categories=list(categories), ordered=ordered)


def score_frame(
    df: "pd.DataFrame",
    instrument: Union[str, Instrument],
    columns: Optional[Sequence[str]] = None,
    strict: bool = False,
    *,
    prefix: str = "",
    threads: Optional[int] = None,
    missing_code: Optional[int] = None,
    options: Optional[_core.ScoreOptions] = None,
) -> "pd.DataFrame":
    """Scores every row of ``df`` with ``instrument`` (an id or an :class:`Instrument`).

    ``columns=None`` takes the columns named by the item ids (``phq9_1`` … ``phq9_9``; optional
    trailing items such as ``phq9_10`` when present), else the given columns in form order.
    Columns are read in place (no row-major copy, no copy of the frame). Returns a DataFrame
    aligned to ``df.index`` with, per scale, ``<scale>`` (float, NaN when not scored) and
    ``<scale>_band`` (ordered categorical of band labels), then the scoring report: ``status``
    (ok / not_scorable / invalid), ``reason``, ``answered``, ``missing``, ``prorated``,
    ``flags`` and ``flags_unknown`` (comma-separated flag ids), and per derived rule its
    outcome (missing when undetermined, never "not met") and ``<rule>_determined``. ``prefix`` is put before every column name.

    Invalid rows are reported per row (status ``invalid``, reason naming the item), never
    scored; ``strict=True`` raises ValidationError at the first invalid row instead.
    """
    import pandas as pd

    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"score_frame needs a pandas DataFrame, got {type(df).__name__}")
    inst = _resolve(instrument)
    names = list(columns) if columns is not None else _item_columns(df, inst)
    absent = [c for c in names if c not in df.columns]
    if absent:
        raise ValidationError(f"cannot score {inst.id}", [(str(c), "no such column") for c in absent])
    arrays = [_column(df[c], str(c)) for c in names]
    n = len(df)
    item_names = [str(c) for c in names]
    scales = inst.scale_ids
    band_labels = {sid: [b[2] for b in inst._impl.bands(sid, options)] for sid in scales}
    derived = _derived_labels(inst)
    few_flags = len(inst.flag_ids) <= 8
    # Rows are scored a chunk at a time into the output columns, so the C++ result columns
    # that the frame does not keep (bit masks, per-scale status, first invalid item) exist for
    # one chunk only: peak memory is input + output + O(chunk). A chunk still gives every
    # thread enough rows (the C++ side splits rows below 32768 per thread no further).
    workers = threads if isinstance(threads, int) and not isinstance(threads, bool) and threads > 0 else (os.cpu_count() or 1)
    chunk = max(_CHUNK_ROWS, 32768 * workers)
    cols: Dict[str, np.ndarray] = {}

    def put(key: str, start: int, values: np.ndarray) -> None:
        if key not in cols:
            cols[key] = np.empty(n, dtype=values.dtype)
        cols[key][start : start + values.size] = values

    for start in range(0, n, chunk) if n else [0]:
        part = [a[start : start + chunk] for a in arrays]  # views, not copies
        try:
            res = inst._impl.score_columns(part, strict, missing_code, threads, options)
        except ValidationError as e:
            if strict and e.problems and e.problems[0][0].startswith("["):
                path, message = e.problems[0]
                row = start + int(path[1 : path.index("]")])
                label = df.index[row]
                raise ValidationError(
                    f"invalid row {label!r} (position {row}) in strict scoring", [(f"[{label!r}]" + path[path.index("]") + 1 :], message)]
                ) from None
            raise
        for sid in scales:
            put(sid, start, res[sid])
            if band_labels[sid]:
                put(sid + "_band", start, res[sid + "_band"])
        put("status", start, res["status"].view(np.int8))
        put("reason", start, _reason_codes(inst, res, len(item_names)))
        put("answered", start, res["answered"])
        put("missing", start, res["missing"])
        prorated = np.zeros(res["status"].size, dtype=bool)
        for sid in scales:
            prorated |= res[sid + "_prorated"]
        put("prorated", start, prorated)
        for key in ("flags", "flags_unknown"):
            put(key, start, res[key].astype(np.int16) if few_flags else res[key])
        for rule in derived:
            put(rule, start, res[rule])
            put(rule + "_determined", start, res[rule + "_determined"])
        del res, part

    out: Dict[str, Any] = {}
    for sid in scales:
        out[prefix + sid] = cols.pop(sid)
        if band_labels[sid]:
            out[prefix + sid + "_band"] = _codes(cols.pop(sid + "_band"), band_labels[sid], ordered=True)
    out[prefix + "status"] = _codes(cols.pop("status"), ROW_STATUS)
    out[prefix + "reason"] = _codes(cols.pop("reason"), _reason_categories(inst, item_names))
    for key in ("answered", "missing", "prorated"):
        out[prefix + key] = cols.pop(key)
    for key in ("flags", "flags_unknown"):
        out[prefix + key] = _flag_column(cols.pop(key), inst.flag_ids)
    for rule, labels in derived.items():
        out[prefix + rule] = _codes(cols.pop(rule), labels)
        out[prefix + rule + "_determined"] = cols.pop(rule + "_determined")
    return pd.DataFrame(out, index=df.index, copy=False)


def _reason_categories(inst: Instrument, items: List[str]) -> List[str]:
    """The texts of the reason column, by code (see _reason_codes)."""
    categories = [""]
    categories += [_core.invalid_answer_reason(c) for c in items]
    for sid in inst.scale_ids:
        categories += [_core.scale_reason(sid, status) for status in SCALE_STATUS]
    categories += [_core.undetermined_reason(r) for r in inst.derived_ids]
    return categories


def _reason_codes(inst: Instrument, res: Mapping[str, np.ndarray], n_items: int) -> np.ndarray:
    """Why each row is not ok, as codes into _reason_categories: the invalid item, or the first
    unscored scale with its status, or an undetermined rule (the order of the C++
    ``row_reason``). Only rows that are not ok are looked at."""
    scales = inst.scale_ids
    rules = inst.derived_ids
    scale_base = 1 + n_items
    rule_base = scale_base + len(SCALE_STATUS) * len(scales)
    status = res["status"]
    codes = np.zeros(status.size, dtype=np.int16)
    bad = np.flatnonzero(status)
    if bad.size:
        st = status[bad]
        c = np.zeros(bad.size, dtype=np.int16)
        inv = st == ROW_STATUS.index("invalid")
        c[inv] = 1 + res["first_invalid"][bad][inv]
        pending = st == ROW_STATUS.index("not_scorable")
        for j in reversed(range(len(rules))):
            und = pending & ~res[rules[j] + "_determined"][bad]
            c[und] = rule_base + j
        for j in reversed(range(len(scales))):  # the first unscored scale wins
            ss = res[scales[j] + "_status"][bad]
            m = pending & (ss != 0)
            c[m] = scale_base + len(SCALE_STATUS) * j + ss[m]
        codes[bad] = c
    return codes


def _flag_column(bits: np.ndarray, flag_ids: List[str]) -> "pd.Categorical":
    f = len(flag_ids)
    if f <= 8:
        categories = [", ".join(flag_ids[b] for b in range(f) if (m >> b) & 1) for m in range(1 << f)]
        return _codes(bits.astype(np.int16, copy=False), categories)
    masks, inverse = np.unique(bits, return_inverse=True)
    categories = [", ".join(flag_ids[b] for b in range(f) if (int(m) >> b) & 1) for m in masks]
    return _codes(inverse, categories)


def _derived_labels(inst: Instrument) -> Dict[str, List[str]]:
    """Level names of each derived rule: a triage rule's levels, else not met / met."""
    if not inst.derived_ids:
        return {}
    out: Dict[str, List[str]] = {}
    for d in inst.to_dict().get("derived", []):
        triage = d.get("rule", {}).get("triage")
        out[d["id"]] = list(triage["levels"]) if triage else ["not met", "met"]
    return out
