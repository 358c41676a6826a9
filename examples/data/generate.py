#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes examples/data/phq_gad_administrations.csv: synthetic PHQ-9 and GAD-7 administrations
of 60 made-up clients over a course of therapy (one row per administration, item answers as
the forms record them). Deterministic: the same file every run (tests/python checks that the
checked-in file is what this script writes).

Usage: /usr/bin/python3 examples/data/generate.py [OUTPUT.csv]
"""

from __future__ import annotations

import datetime as dt
import pathlib
import sys

import numpy as np

HERE = pathlib.Path(__file__).resolve().parent
DEFAULT = HERE / "phq_gad_administrations.csv"


def rows(seed: int = 2024) -> list:
    rng = np.random.default_rng(seed)
    out = []
    for c in range(60):
        client = f"c{c + 1:03d}"
        start = dt.date(2024, 1, 8) + dt.timedelta(days=int(rng.integers(0, 120)))
        sessions = int(rng.integers(2, 11))
        # Latent severity per item (0–3 scale): most improve, some stay, a few get worse.
        base = rng.uniform(1.0, 2.4)
        course = rng.choice(["improve", "improve", "improve", "flat", "worse"])
        rate = {"improve": rng.uniform(0.08, 0.25), "flat": 0.0, "worse": -rng.uniform(0.03, 0.08)}[course]
        for s in range(sessions):
            day = start + dt.timedelta(weeks=2 * s, days=int(rng.integers(0, 3)))
            level = base * np.exp(-rate * s)
            phq = np.clip(np.rint(level + rng.normal(0, 0.6, 9)), 0, 3)
            phq[8] = np.clip(np.rint(0.35 * level + rng.normal(-0.3, 0.5)), 0, 3)  # item 9 is rarer
            gad = np.clip(np.rint(level * 0.9 + rng.normal(0, 0.6, 7)), 0, 3)
            answers = [str(int(v)) for v in phq] + [str(int(v)) for v in gad]
            # Real exports have gaps and the odd data-entry error.
            for i in range(16):
                if rng.random() < 0.015:
                    answers[i] = ""
            if rng.random() < 0.01:
                answers[int(rng.integers(0, 9))] = "4"  # out of range on a 0–3 item
            out.append([client, day.isoformat()] + answers)
    out.sort(key=lambda r: (r[1], r[0]))
    return out


def write(path: pathlib.Path) -> None:
    header = ["client", "date"] + [f"phq9_{i}" for i in range(1, 10)] + [f"gad7_{i}" for i in range(1, 8)]
    lines = [",".join(header)] + [",".join(r) for r in rows()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write(pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
