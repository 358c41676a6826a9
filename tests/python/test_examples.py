# SPDX-License-Identifier: Apache-2.0
"""The examples run: the outcomes notebook end to end (nbclient; any cell error fails), the
Dask scale-out script on a local cluster of worker processes, and the example data are what
their generator writes."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import theracore

REPO = pathlib.Path(__file__).resolve().parents[2]
BUILD_PYTHON = str(pathlib.Path(theracore.__file__).resolve().parent.parent)


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = BUILD_PYTHON + os.pathsep + env.get("PYTHONPATH", "")
    env["MPLBACKEND"] = "Agg"
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    return env


def test_example_data_are_what_the_generator_writes(tmp_path: pathlib.Path) -> None:
    out = tmp_path / "data.csv"
    subprocess.run([sys.executable, str(REPO / "examples" / "data" / "generate.py"), str(out)], check=True)
    assert out.read_bytes() == (REPO / "examples" / "data" / "phq_gad_administrations.csv").read_bytes()


def test_outcomes_notebook_runs_end_to_end() -> None:
    # A separate interpreter: nbclient and the kernel bring their own warnings, which are not
    # this package's; a failing cell raises CellExecutionError and exits non-zero.
    code = (
        "import nbformat, nbclient, sys\n"
        "nb = nbformat.read(sys.argv[1], as_version=4)\n"
        "nbclient.NotebookClient(nb, timeout=600, kernel_name='python3',"
        " resources={'metadata': {'path': sys.argv[2]}}).execute()\n"
        "print(sum(1 for c in nb.cells if c.cell_type == 'code'), 'cells ran')\n"
    )
    nb = REPO / "examples" / "notebooks" / "outcomes.ipynb"
    result = subprocess.run(
        [sys.executable, "-c", code, str(nb), str(nb.parent)], env=_env(), capture_output=True, text=True, timeout=900
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-5000:]
    assert "cells ran" in result.stdout


def test_dask_example_equals_single_process_scoring() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "examples" / "dask_scoring.py"), "--rows", "20000", "--workers", "2"],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-5000:]
    assert "on 2 worker processes: identical to single-process scoring" in result.stdout
