#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Runs the storage benchmarks with repetitions and prints the medians and the ratios of
the storage targets of docs/performance.md (bulk insertion on SQLite and PostgreSQL, trajectory queries).

    benchmarks/storage/storage_targets.py <build dir>/benchmarks/storage/theracore_bench_storage [--repetitions 5]

The machine is shared and noisy: medians over repetitions, ratios measured in the same run.
PostgreSQL rows appear when THERACORE_TEST_POSTGRES_DSN is set. Uses only the standard
library (run it with Debian's /usr/bin/python3). Not part of the test suite.
"""
import argparse
import json
import statistics
import subprocess
import sys


def run(binary, repetitions, extra):
    """Median per benchmark of: wall seconds, items/s (wall), CPU seconds, items/s (CPU)."""
    out = subprocess.run(
        [binary, "--benchmark_format=json", f"--benchmark_repetitions={repetitions}",
         "--benchmark_report_aggregates_only=false"] + extra,
        check=True, capture_output=True, text=True).stdout
    runs = {}
    for b in json.loads(out)["benchmarks"]:
        if b.get("run_type") != "iteration" or b.get("error_occurred"):
            continue
        unit = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[b["time_unit"]]
        runs.setdefault(b["run_name"], []).append(
            (b["real_time"] * unit, b.get("items_per_second"), b["cpu_time"] * unit,
             b.get("cpu_items_per_second")))

    def median(values):
        values = [v for v in values if v is not None]
        return statistics.median(values) if values else None

    return {name: tuple(median(r[k] for r in v) for k in range(4)) for name, v in runs.items()}


def find(medians, prefix):
    for name, value in medians.items():
        if name.startswith(prefix):
            return value
    return None


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("binary")
    p.add_argument("--repetitions", type=int, default=5)
    p.add_argument("extra", nargs="*", help="more arguments for the benchmark binary")
    a = p.parse_args()
    m = run(a.binary, a.repetitions, a.extra)
    print(f"{'benchmark (medians of ' + str(a.repetitions) + ')':<46} {'wall':>11} {'rate (wall)':>14}"
          f" {'rate (CPU)':>14}")
    for name, (seconds, items, _, cpu_items) in sorted(m.items()):
        rate = f"{items:>12,.0f}/s" if items else ""
        cpu_rate = f"{cpu_items:>12,.0f}/s" if cpu_items else ""
        print(f"{name:<46} {seconds * 1e3:>8.3f} ms {rate:>14} {cpu_rate:>14}")
    print()
    rows = []

    def ratio_rows(label, store, raw, index, target, floor):
        if store and raw and store[index] and raw[index]:
            rows.append((f"{label} store / raw", store[index] / raw[index], ">= 0.50",
                         store[index] / raw[index] >= 0.5))
            rows.append((f"{label} store, administrations/s", store[index], f">= {floor:,}",
                         store[index] >= floor))

    store, raw = find(m, "SqliteBulkInsert_Store"), find(m, "SqliteBulkInsert_Raw")
    ratio_rows("SQLite bulk (wall):", store, raw, 1, ">= 0.50", 100000)
    ratio_rows("SQLite bulk (CPU): ", store, raw, 3, ">= 0.50", 100000)
    traj, decoded, bare = (find(m, "SqliteTrajectory_Store"),
                           find(m, "SqliteTrajectory_RawDecoded"),
                           find(m, "SqliteTrajectory_RawRows"))
    for label, index in (("wall", 0), ("CPU", 2)):
        if traj:
            rows.append((f"trajectory 10^6 rows ({label}): ms", traj[index] * 1e3, "< 1",
                         traj[index] < 1e-3))
        if traj and decoded:
            rows.append((f"trajectory ({label}): store / raw query + decode",
                         traj[index] / decoded[index], "<= 2", traj[index] / decoded[index] <= 2))
        if traj and bare:
            rows.append((f"trajectory ({label}): store / raw rows undecoded",
                         traj[index] / bare[index], "<= 2", traj[index] / bare[index] <= 2))
    pg, pg_raw = find(m, "PostgresBulkInsert_Store"), find(m, "PostgresBulkInsert_RawCopy")
    if pg and pg_raw:
        rows.append(("PostgreSQL COPY (wall): administrations/s", pg[1], ">= 50,000",
                     pg[1] >= 50000))
        rows.append(("PostgreSQL COPY (wall): store / raw COPY", pg[1] / pg_raw[1],
                     "(reference)", True))
        rows.append(("PostgreSQL raw COPY (wall): administrations/s", pg_raw[1], "(reference)",
                     True))
    for label, value, target, met in rows:
        shown = f"{value:,.0f}" if value >= 1000 else f"{value:.2f}"
        print(f"{label:<50} {shown:>10}   target {target:<12} {'met' if met else 'NOT MET'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
