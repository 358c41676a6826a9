# SPDX-License-Identifier: Apache-2.0
"""Builds the extension module with CMake, as pybind11's cmake_example does.

    pip install --no-build-isolation .

Metadata lives in pyproject.toml; this file only drives CMake (scikit-build-core is not packaged
for Debian 12) and reads the version from `project(theracore VERSION …)` in CMakeLists.txt, the
one place it is written. Set CMAKE_ARGS to pass extra options, THERACORE_BUILD_JOBS for
parallelism. THERACORE_CMAKE_BUILD_DIR names an already configured build tree (one with
-DTHERACORE_BUILD_PYTHON=ON): the extension is then built there (a no-op when it is up to date)
and copied into the package instead of being compiled again from scratch.
"""

from __future__ import annotations

import os
import pathlib
import re
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = pathlib.Path(__file__).resolve().parent


def cmake_project_version() -> str:
    """The version in CMakeLists.txt's `project(theracore VERSION x.y.z …)`."""
    text = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    match = re.search(r"project\(\s*theracore\s+VERSION\s+([0-9]+\.[0-9]+\.[0-9]+)", text)
    if match is None:
        raise RuntimeError("CMakeLists.txt: no `project(theracore VERSION x.y.z)` found")
    return match.group(1)


class CMakeExtension(Extension):
    def __init__(self, name: str) -> None:
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    def build_extension(self, ext: Extension) -> None:
        target = pathlib.Path(self.get_ext_fullpath(ext.name)).resolve()
        package_dir = target.parent
        prebuilt = os.environ.get("THERACORE_CMAKE_BUILD_DIR")
        if prebuilt:
            self.copy_from_build_tree(pathlib.Path(prebuilt).resolve(), target)
            return
        build_temp = pathlib.Path(self.build_temp).resolve() / "cmake"
        build_temp.mkdir(parents=True, exist_ok=True)
        args = [
            f"-DPython3_EXECUTABLE={sys.executable}",
            "-DCMAKE_BUILD_TYPE=Release",
            "-DTHERACORE_BUILD_PYTHON=ON",
            "-DTHERACORE_BUILD_TESTS=OFF",
            "-DTHERACORE_BUILD_EXAMPLES=OFF",
            "-DTHERACORE_INSTALL=OFF",
            f"-DTHERACORE_PYTHON_OUTPUT_DIR={package_dir}",
        ]
        args += os.environ.get("CMAKE_ARGS", "").split()
        subprocess.run(["cmake", "-S", str(ROOT), "-B", str(build_temp), *args], check=True)
        jobs = os.environ.get("THERACORE_BUILD_JOBS", str(os.cpu_count() or 2))
        subprocess.run(
            ["cmake", "--build", str(build_temp), "--target", "theracore_python", "-j", jobs], check=True
        )


    def copy_from_build_tree(self, build_dir: pathlib.Path, target: pathlib.Path) -> None:
        subprocess.run(["cmake", "--build", str(build_dir), "--target", "theracore_python"], check=True)
        built = sorted((build_dir / "python" / "theracore").glob("_core*.so"))
        if len(built) != 1:
            raise RuntimeError(f"{build_dir}: expected one python/theracore/_core*.so, found {built}")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built[0], target)


setup(version=cmake_project_version(), ext_modules=[CMakeExtension("theracore._core")], cmdclass={"build_ext": CMakeBuild})
