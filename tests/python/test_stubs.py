# SPDX-License-Identifier: Apache-2.0
"""The checked-in stubs (_core.pyi) must match the built module."""

from __future__ import annotations

import pathlib
import subprocess
import sys

import theracore


def test_stubs_are_up_to_date(repo_root: pathlib.Path) -> None:
    build_python_dir = pathlib.Path(theracore.__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, str(repo_root / "scripts" / "update_stubs.py"), "--check", str(build_python_dir)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_package_is_typed() -> None:
    package = pathlib.Path(theracore.__file__).resolve().parent
    assert (package / "py.typed").exists()
    assert (package / "_core.pyi").exists()


def test_all_names_exist() -> None:
    for name in theracore.__all__:
        assert hasattr(theracore, name), name
