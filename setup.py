# SPDX-License-Identifier: Apache-2.0
"""Builds the extension module with CMake, as pybind11's cmake_example does.

    pip install --no-build-isolation .

Metadata lives in pyproject.toml; this file only drives CMake (scikit-build-core is not packaged
for Debian 12). Set CMAKE_ARGS to pass extra options, THERACORE_BUILD_JOBS for parallelism.
"""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = pathlib.Path(__file__).resolve().parent


class CMakeExtension(Extension):
    def __init__(self, name: str) -> None:
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    def build_extension(self, ext: Extension) -> None:
        package_dir = pathlib.Path(self.get_ext_fullpath(ext.name)).resolve().parent
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


setup(ext_modules=[CMakeExtension("theracore._core")], cmdclass={"build_ext": CMakeBuild})
