#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Python benchmarks (docs/performance.md, targets 2 and 3), run with Debian's python3:

    PYTHONPATH=build/test/python /usr/bin/python3 benchmarks/python/score_frame_bench.py

Prints a table of medians over --repeat runs, all measured in this run on this machine:

- PHQ-9 scoring of --rows administrations (float64 answers, 2 % NaN) from a 9-column frame and
  from a 91-column study frame: ``theracore.score_frame`` (full scoring: range check, missing
  rule, bands, flags, derived rules, report columns) on 1 and 2 threads, against the bare
  ``df[cols].sum(axis=1)`` (checks nothing) and against ``pandas_rules`` below, a vectorised
  pandas implementation of the same rules. Targets: faster than the bare sum; >= 10x faster
  than pandas_rules.
- Peak memory of score_frame beyond input and output (resident set, measured in a fresh
  process per case, since the C++ result buffers are not visible to tracemalloc).
- Baseline-versus-latest reliable change per client over --rows long-format rows for
  --rows/10 clients: ``theracore.outcomes.trajectory`` against pandas sort + groupby + the same
  arithmetic. Target: >= 5x.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from typing import Callable, Dict, List

import numpy as np
import pandas as pd

import theracore as tc

ITEMS = [f"phq9_{i}" for i in range(1, 10)]
BANDS = [-np.inf, 4.5, 9.5, 14.5, 19.5, np.inf]  # Kroenke 2001: 0–4, 5–9, 10–14, 15–19, 20–27
LABELS = ["None-minimal", "Mild", "Moderate", "Moderately severe", "Severe"]


def phq9_frame(rows: int, extra_columns: int, seed: int = 1) -> pd.DataFrame:
    """A float64 frame (one block, as read_csv gives) with the PHQ-9 items among other
    questionnaire columns, 2 % of answers missing."""
    rng = np.random.default_rng(seed)
    k = 9 + extra_columns
    a = rng.integers(0, 4, size=(rows, k)).astype(np.float64)
    a[rng.random((rows, k)) < 0.02] = np.nan
    names = [f"q{i}" for i in range(extra_columns)]
    cols = names[: extra_columns // 2] + ITEMS + names[extra_columns // 2 :]
    return pd.DataFrame(a, columns=cols)


def pandas_sum(df: pd.DataFrame) -> pd.Series:
    return df[ITEMS].sum(axis=1)


def pandas_rules(df: pd.DataFrame) -> pd.DataFrame:
    """The PHQ-9 rules written idiomatically with vectorised pandas: answers must be 0–3 whole
    numbers; no missing answer allowed (no published rule); bands; item 9 flag (unknown when
    missing); PHQ-2 subscale; status and counts."""
    x = df[ITEMS]
    missing = x.isna()
    valid = x.isin([0.0, 1.0, 2.0, 3.0]) | missing
    invalid_row = ~valid.all(axis=1)
    n_missing = missing.sum(axis=1)
    total = x.sum(axis=1, min_count=9).where(~invalid_row)
    phq2 = x[ITEMS[:2]].sum(axis=1, min_count=2).where(~invalid_row)
    band = pd.cut(total, BANDS, labels=LABELS)
    item9 = x[ITEMS[8]]
    flag = (item9 > 0) & ~invalid_row
    flag_unknown = item9.isna() & ~invalid_row
    status = pd.Series(np.select([invalid_row, n_missing > 0], ["invalid", "not_scorable"], "ok"), index=df.index)
    return pd.DataFrame(
        {
            "total": total,
            "total_band": band,
            "phq2": phq2,
            "status": status.astype("category"),
            "answered": 9 - n_missing,
            "missing": n_missing,
            "flag": flag,
            "flag_unknown": flag_unknown,
        }
    )


CPU_MS: Dict[str, float] = {}


def median_ms(f: Callable[[], object], repeat: int, key: str = "") -> float:
    """Median wall time; the median CPU time of the process (all threads) goes to CPU_MS[key].
    On a shared machine the two differ: wall time includes waiting for a core."""
    times, cpu = [], []
    for _ in range(repeat):
        c0, t0 = time.process_time(), time.perf_counter()
        f()
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    if key:
        CPU_MS[key] = 1000 * statistics.median(cpu)
    return 1000 * statistics.median(times)


def status_bytes(field: str) -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    raise RuntimeError(f"{field} not in /proc/self/status")


def memory_child(rows: int, extra: int, threads: int) -> None:
    """Run in a fresh process: how far the resident set's peak rises during one score_frame
    call (the peak is reset first, so building the input does not count)."""
    df = phq9_frame(rows, extra)
    tc.score_frame(df.iloc[:1000], "phq9", threads=threads)  # load the catalog, warm up
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")  # resets VmHWM, the peak resident set (Linux >= 4.0)
    before = status_bytes("VmRSS")
    out = tc.score_frame(df, "phq9", threads=threads)
    growth = status_bytes("VmHWM") - before
    print(
        json.dumps(
            {
                "input": int(df[ITEMS].memory_usage(index=False).sum()),
                "frame": int(df.memory_usage(index=False).sum()),
                "output": int(out.memory_usage(index=False, deep=True).sum()),
                "growth": int(growth),
            }
        )
    )


def long_table(rows: int, clients: int, string_ids: bool, seed: int = 3) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    ids = rng.integers(0, clients, rows)
    df = pd.DataFrame(
        {
            "client": np.char.add("c", ids.astype(str)).astype(object) if string_ids else ids,
            "date": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 3650, rows), unit="D"),
            "score": rng.integers(0, 41, rows).astype(np.float64),
        }
    )
    return df


def pandas_rci(df: pd.DataFrame, s_diff: float, z: float) -> pd.DataFrame:
    """Idiomatic pandas: sort by client and date, first/last per client, then the same RCI and
    category arithmetic, vectorised."""
    s = df.dropna(subset=["score", "date"]).sort_values(["client", "date"], kind="stable")
    g = s.groupby("client", sort=False)["score"]
    out = g.agg(["first", "last", "size"])
    last = out["last"].where(out["size"] > 1)
    rci = (last - out["first"]) / s_diff
    cat = np.select([rci < -z, rci > z, rci.notna()], ["improved", "deteriorated", "no reliable change"], "")
    out["rci"] = rci
    out["category"] = pd.Categorical(cat)
    return out


def main(argv: List[str]) -> int:
    p = argparse.ArgumentParser(description="TheraCore Python benchmarks (docs/performance.md, targets 2 and 3)")
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--repeat", type=int, default=7)
    p.add_argument("--memory-child", nargs=3, type=int, metavar=("ROWS", "EXTRA", "THREADS"), help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.memory_child:
        memory_child(*args.memory_child)
        return 0

    n, r = args.rows, args.repeat
    print(f"theracore {tc.__version__}, numpy {np.__version__}, pandas {pd.__version__}, python {sys.version.split()[0]}, "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; {n:,} rows, medians of {r} runs\n")
    rows: List[Dict[str, object]] = []
    ok = True
    for label, extra in (("9-column frame", 0), ("91-column study frame", 82)):
        df = phq9_frame(n, extra)
        # Same numbers from both implementations before timing anything.
        ours = tc.score_frame(df, "phq9", threads=2)
        # Two threads give exactly the one-thread frame (target 2: identical results).
        pd.testing.assert_frame_equal(ours, tc.score_frame(df, "phq9", threads=1))
        ref = pandas_rules(df)
        np.testing.assert_array_equal(ours["total"].to_numpy(), ref["total"].to_numpy())
        assert (ours["status"].astype(str) == ref["status"].astype(str)).all()
        t_sum = median_ms(lambda: pandas_sum(df), r, label + " sum")
        t_rules = median_ms(lambda: pandas_rules(df), r, label + " rules")
        t1 = median_ms(lambda: tc.score_frame(df, "phq9", threads=1), r, label + " tc1")
        t2 = median_ms(lambda: tc.score_frame(df, "phq9", threads=2), r, label + " tc2")
        best = min(t1, t2)
        rows.append({"case": label, "pandas sum": t_sum, "pandas rules": t_rules, "tc 1 thread": t1, "tc 2 threads": t2,
                     "vs sum": t_sum / best, "vs rules": t_rules / best})
        ok &= best < t_sum and t_rules / best >= 10
        del df, ours, ref

    print(f"{'score PHQ-9 (ms)':<24}{'pandas sum':>11}{'pandas rules':>14}{'tc 1 thr':>10}{'tc 2 thr':>10}"
          f"{'x vs sum':>10}{'x vs rules':>12}")
    for row in rows:
        print(f"{row['case']:<24}{row['pandas sum']:>11.1f}{row['pandas rules']:>14.1f}{row['tc 1 thread']:>10.1f}"
              f"{row['tc 2 threads']:>10.1f}{row['vs sum']:>10.2f}{row['vs rules']:>12.1f}")
    print("targets: faster than the bare sum (x vs sum > 1) and >= 10x faster than the pandas rules")
    print("process CPU time, medians (ms), same columns:")
    for row in rows:
        c = [CPU_MS[f"{row['case']} {k}"] for k in ("sum", "rules", "tc1", "tc2")]
        print(f"{row['case']:<24}{c[0]:>11.1f}{c[1]:>14.1f}{c[2]:>10.1f}{c[3]:>10.1f}")
    print("(wall time above CPU time: the process waited for a core on the shared machine)\n")

    print(f"{'peak memory (MB)':<24}{'input':>8}{'output':>9}{'growth':>9}{'beyond output':>15}")
    for label, extra in (("9-column, 1 thread", 0), ("9-column, 2 threads", 0), ("91-column, 2 threads", 82)):
        threads = 1 if "1 thread" in label else 2
        res = subprocess.run([sys.executable, __file__, "--memory-child", str(n), str(extra), str(threads)],
                             capture_output=True, text=True, check=True)
        m = json.loads(res.stdout)
        mb = 1 / 1e6
        print(f"{label:<24}{m['input'] * mb:>8.1f}{m['output'] * mb:>9.1f}{m['growth'] * mb:>9.1f}"
              f"{(m['growth'] - m['output']) * mb:>15.1f}")
    print("growth = rise of the resident set during score_frame (the input is already resident)\n")

    clients = max(1, n // 10)
    sd, rel = 7.7, 0.90
    s_diff = tc.outcomes.reliable_change(0, 0, sd=sd, reliability=rel).s_diff
    print(f"{'RCI per client (ms)':<24}{'pandas':>9}{'theracore':>11}{'x':>7}")
    for label, string_ids in (("int64 client ids", False), ("string client ids", True)):
        long = long_table(n, clients, string_ids)
        ours = tc.outcomes.trajectory(long, sd=sd, reliability=rel)
        ref = pandas_rci(long, s_diff, 1.96)
        np.testing.assert_allclose(ours.sort_index()["rci"].to_numpy(), ref.sort_index()["rci"].to_numpy())
        t_pd = median_ms(lambda: pandas_rci(long, s_diff, 1.96), r, label + " pd")
        t_tc = median_ms(lambda: tc.outcomes.trajectory(long, sd=sd, reliability=rel), r, label + " tc")
        print(f"{label:<24}{t_pd:>9.1f}{t_tc:>11.1f}{t_pd / t_tc:>7.1f}"
              f"   (CPU {CPU_MS[label + ' pd']:.0f} / {CPU_MS[label + ' tc']:.0f} ms)")
        if not string_ids:
            ok &= t_pd / t_tc >= 5
    print(f"{n:,} rows, {clients:,} clients; target >= 5x (int64 ids)\n")
    print("all targets met" if ok else "some target missed (see docs/python.md, Performance)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
