#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Scoring a partitioned data set on a Dask cluster: the path for data that outgrow one
machine. Here the cluster is local (a distributed scheduler with several worker processes on
this machine); pointing `Client` at a real scheduler changes nothing else.

Each partition is a pandas DataFrame, so `theracore.score_frame` runs on it unchanged through
`map_partitions`; instruments travel to the workers by id. The script checks that the
distributed result equals single-process scoring and exits non-zero if it does not.

Usage: /usr/bin/python3 examples/dask_scoring.py [--rows N] [--workers W] [--partitions P]
"""

from __future__ import annotations

import argparse
import sys

import numpy as np
import pandas as pd

import theracore as tc


def synthetic_phq9(rows: int, seed: int = 42) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    items = [f"phq9_{i}" for i in range(1, 10)]
    a = rng.integers(0, 4, size=(rows, 9)).astype(np.float64)
    a[rng.random((rows, 9)) < 0.02] = np.nan  # gaps
    a[rng.random(rows) < 0.001, 0] = 5  # data-entry errors
    df = pd.DataFrame(a, columns=items)
    df.insert(0, "client", [f"c{i % 5000:05d}" for i in range(rows)])
    return df


def main(argv: list) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partitions", type=int, default=8)
    args = parser.parse_args(argv)

    import dask.dataframe as dd
    from dask.distributed import Client, LocalCluster

    df = synthetic_phq9(args.rows)
    expected = tc.score_frame(df, "phq9")

    with LocalCluster(
        n_workers=args.workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster, Client(cluster) as client:
        ddf = dd.from_pandas(df, npartitions=args.partitions)
        meta = tc.score_frame(df.iloc[:0], "phq9")  # column names and dtypes, no scoring
        scored = ddf.map_partitions(tc.score_frame, "phq9", meta=meta)
        result = scored.compute()
        workers = len(client.scheduler_info()["workers"])

    pd.testing.assert_frame_equal(result, expected)
    counts = result["status"].value_counts()
    print(
        f"{len(result)} rows in {args.partitions} partitions on {workers} worker processes: "
        f"identical to single-process scoring ({counts['ok']} ok, {counts['not_scorable']} not scorable, "
        f"{counts['invalid']} invalid)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
