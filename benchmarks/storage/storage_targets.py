#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Runs the storage benchmarks with repetitions and prints the medians and the ratios of
issue 9's storage targets (bulk insertion on SQLite and PostgreSQL, trajectory queries).

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
    out = subprocess.run(
        [binary, "--benchmark_format=json", f"--benchmark_repetitions={repetitions}",
         "--benchmark_report_aggregates_only=false"] + extra,
        check=True, capture_output=True, text=True).stdout
    runs = {}
    for b in json.loads(out)["benchmarks"]:
        if b.get("run_type") != "iteration" or b.get("error_occurred"):
            continue
        name = b["run_name"]
        seconds = b["real_time"] * {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[b["time_unit"]]
        runs.setdefault(name, []).append((seconds, b.get("items_per_second")))
    return {name: (statistics.median(s for s, _ in v),
                   statistics.median(i for _, i in v) if v[0][1] else None)
            for name, v in runs.items()}


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
    for name, (seconds, items) in sorted(m.items()):
        rate = f"{items:>12,.0f} /s" if items else ""
        print(f"{name:<48} {seconds * 1e3:>10.3f} ms {rate}")
    print()
    rows = []
    store, raw = find(m, "SqliteBulkInsert_Store"), find(m, "SqliteBulkInsert_Raw")
    if store and raw:
        rows.append(("SQLite bulk insert: store / raw", store[1] / raw[1], ">= 0.50",
                     store[1] / raw[1] >= 0.5))
        rows.append(("SQLite bulk insert: administrations/s", store[1], ">= 100,000",
                     store[1] >= 100000))
    traj, decoded, bare = (find(m, "SqliteTrajectory_Store"), find(m, "SqliteTrajectory_RawDecoded"),
                           find(m, "SqliteTrajectory_RawRows"))
    if traj:
        rows.append(("trajectory (10^6 rows): median ms", traj[0] * 1e3, "< 1", traj[0] < 1e-3))
    if traj and decoded:
        rows.append(("trajectory: store / raw query + decode", traj[0] / decoded[0], "<= 2",
                     traj[0] / decoded[0] <= 2))
    if traj and bare:
        rows.append(("trajectory: store / raw query, rows undecoded", traj[0] / bare[0], "<= 2",
                     traj[0] / bare[0] <= 2))
    pg, pg_raw = find(m, "PostgresBulkInsert_Store"), find(m, "PostgresBulkInsert_RawCopy")
    if pg:
        rows.append(("PostgreSQL COPY: administrations/s", pg[1], ">= 50,000", pg[1] >= 50000))
    if pg and pg_raw:
        rows.append(("PostgreSQL COPY: store / raw COPY", pg[1] / pg_raw[1], "(for reference)",
                     True))
    for label, value, target, met in rows:
        shown = f"{value:,.0f}" if value >= 1000 else f"{value:.2f}"
        print(f"{label:<48} {shown:>12}   target {target:<16} {'met' if met else 'NOT MET'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
