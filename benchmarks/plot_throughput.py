#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Plot and tabulate the batch-scoring benchmark (docs/performance.md, targets 1 and 5).

Reads the JSON that theracore_bench_instruments writes with
--benchmark_out=<file> --benchmark_out_format=json --benchmark_repetitions=5
--benchmark_report_aggregates_only=true, and

* saves a PNG of throughput (rows per second, median CPU time) against N,
* prints Markdown tables of the medians and of the ratios the issue's targets name.

Run with Debian's /usr/bin/python3 (python3-matplotlib):

    /usr/bin/python3 benchmarks/plot_throughput.py results.json --png docs/images/throughput.png
"""
import argparse
import json
import sys
from collections import defaultdict

INSTRUMENTS = ["phq9", "gad7", "dass21", "pcl5", "core10"]
CELLS = ["f64_nan", "i64"]
LAYOUTS = ["row_major", "column_major"]
UNIT_NS = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}


def load_medians(paths):
    """run_name -> the median aggregate's fields, with cpu_ns added, over all files (a run split
    with --benchmark_filter into several invocations of the same binary)."""
    out = {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        for b in data["benchmarks"]:
            if b.get("run_type") != "aggregate" or b.get("aggregate_name") != "median":
                continue
            b = dict(b)
            b["cpu_ns"] = b["cpu_time"] * UNIT_NS[b["time_unit"]]
            out[b["run_name"]] = b
    return out


def grid(medians):
    """(kind, instrument, cells, layout) -> {rows: median}."""
    g = defaultdict(dict)
    for name, b in medians.items():
        parts = name.split("/")
        if len(parts) == 5 and parts[0] in ("bare_sum", "score_rows", "score_batch"):
            g[tuple(parts[:4])][int(parts[4])] = b
    return g


def plot(g, png):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(2, 2, figsize=(11, 8), sharex=True, sharey=True)
    colours = dict(zip(INSTRUMENTS, plt.rcParams["axes.prop_cycle"].by_key()["color"]))
    for row, cells in enumerate(CELLS):
        for col, layout in enumerate(LAYOUTS):
            ax = axes[row][col]
            for inst in INSTRUMENTS:
                for kind, style in (("score_rows", "-"), ("bare_sum", ":")):
                    series = g.get((kind, inst, cells, layout), {})
                    if not series:
                        continue
                    ns = sorted(series)
                    rate = [n / (series[n]["cpu_ns"] * 1e-9) / 1e6 for n in ns]
                    label = f"{inst} {'scoring' if kind == 'score_rows' else 'bare sum'}"
                    ax.plot(ns, rate, style, marker="o", color=colours[inst], label=label)
            ax.set_xscale("log")
            ax.set_yscale("log")
            ax.set_title(f"{cells}, {layout}")
            ax.grid(True, which="both", alpha=0.3)
            if col == 0:
                ax.set_ylabel("million rows / s (median CPU time)")
            if row == 1:
                ax.set_xlabel("rows (N)")
    handles, labels = axes[0][0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=5, fontsize=8)
    fig.suptitle("Batch scoring (solid) vs a bare unchecked sum (dotted), one thread")
    fig.tight_layout(rect=(0, 0.08, 1, 0.96))
    fig.savefig(png, dpi=110)


def tables(medians, g, out):
    stream = medians.get("stream_read")
    bandwidth = stream["bytes_per_second"] if stream else None
    w = out.write
    if bandwidth:
        w(f"Streaming read (512 MiB, one thread): median {bandwidth / 1e9:.2f} GB/s\n\n")
    w("| instrument | cells | layout | N | bare sum (ms) | score_rows (ms) | ratio | "
      "score_batch (ms) | ratio | input GB/s | % of stream |\n")
    w("|---|---|---|---|---|---|---|---|---|---|---|\n")
    for inst in INSTRUMENTS:
        for cells in CELLS:
            for layout in LAYOUTS:
                bare = g.get(("bare_sum", inst, cells, layout), {})
                rows = g.get(("score_rows", inst, cells, layout), {})
                batch = g.get(("score_batch", inst, cells, layout), {})
                for n in (10**6, 10**7):
                    if n not in bare or n not in rows:
                        continue
                    b, s = bare[n]["cpu_ns"], rows[n]["cpu_ns"]
                    if n in batch:
                        bb = batch[n]["cpu_ns"]
                        batch_cells = f"{bb / 1e6:.1f} | {bb / b:.1f}x"
                    else:
                        batch_cells = "not run | –"
                    gbs = rows[n]["bytes_per_second"] / 1e9
                    pct = 100 * rows[n]["bytes_per_second"] / bandwidth if bandwidth else float("nan")
                    w(f"| {inst} | {cells} | {layout} | {n:.0e} | {b / 1e6:.2f} | {s / 1e6:.1f} | "
                      f"{s / b:.1f}x | {batch_cells} | {gbs:.2f} | {pct:.1f} % |\n")
    w("\nScaling with N (score_rows, ns per row, median CPU time):\n\n")
    ns_all = [10**4, 10**5, 10**6, 10**7]
    w("| instrument | cells | layout | " + " | ".join(f"{n:.0e}" for n in ns_all) +
      " | 10^7 / 10^4 |\n")
    w("|---|---|---|" + "---|" * (len(ns_all) + 1) + "\n")
    for inst in INSTRUMENTS:
        for cells in CELLS:
            for layout in LAYOUTS:
                rows = g.get(("score_rows", inst, cells, layout), {})
                if not all(n in rows for n in ns_all):
                    continue
                per = [rows[n]["cpu_ns"] / n for n in ns_all]
                w(f"| {inst} | {cells} | {layout} | " + " | ".join(f"{p:.1f}" for p in per) +
                  f" | {per[-1] / per[0]:.2f} |\n")
    study = sorted((b for name, b in medians.items() if name.startswith("study_frame/")),
                   key=lambda b: b["items_per_row"])
    if study:
        w("\nInstruments per row (study frame, 10^6 rows, row-major doubles with 2 % NaN):\n\n")
        w("| instruments | items per row | time (ms) | ns per row | ns per item |\n")
        w("|---|---|---|---|---|\n")
        for k, b in enumerate(study, start=1):
            per_row = b["cpu_ns"] / 1e6
            w(f"| {k} | {b['items_per_row']:.0f} | {b['cpu_ns'] / 1e6:.1f} | {per_row:.1f} | "
              f"{per_row / b['items_per_row']:.2f} |\n")
    singles = [(name.split("/")[1], b) for name, b in medians.items()
               if name.startswith("score_single/")]
    if singles:
        w("\nscore() on one administration (median CPU time):\n\n")
        w("| instrument | ns |\n|---|---|\n")
        for inst, b in singles:
            w(f"| {inst} | {b['cpu_ns']:.0f} |\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("json", nargs="+",
                        help="--benchmark_out files of theracore_bench_instruments")
    parser.add_argument("--png", help="where to save the plot (none: no plot)")
    args = parser.parse_args()
    medians = load_medians(args.json)
    g = grid(medians)
    if args.png:
        plot(g, args.png)
    tables(medians, g, sys.stdout)


if __name__ == "__main__":
    main()
