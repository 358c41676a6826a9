#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs, with apt-get, exactly the Debian 12 packages TheraCore needs that are missing.
# Idempotent: when everything is present it only asks dpkg once and returns.
set -euo pipefail

packages=(
    # toolchain
    g++ make ninja-build cmake git pkg-config clang-format
    # core and adapters
    libboost-dev libboost-date-time-dev libboost-serialization-dev nlohmann-json3-dev
    # tests and benchmarks, and the argument parser of the developer tools
    libgtest-dev libgmock-dev libbenchmark-dev libxml2-dev libcli11-dev
    # storage backends (SQLite file, PostgreSQL client library and a server for the tests)
    libsqlite3-dev libsqlitecpp-dev sqlite3 libpq-dev libpqxx-dev postgresql
    # Unicode Character Database (storage's case-folding table is generated from it)
    unicode-data
    # cryptography (audit hashing)
    libssl-dev
    # Python bindings and the researchers' stack, all from Debian (PyPI is not used)
    python3 python3-dev pybind11-dev python3-numpy python3-pandas python3-matplotlib
    python3-pytest python3-nbclient python3-nbformat python3-ipykernel python3-dask
    python3-distributed python3-setuptools python3-pip python3-venv python3-lxml python3-mypy
    # JSON Schema check of the instrument definitions (tests/instruments/check_schema.py)
    python3-jsonschema
)

# One dpkg query for all; packages dpkg has never heard of are simply absent from its answer.
declare -A installed=()
while read -r status pkg; do
    [[ "$status" == "installed" ]] && installed["${pkg%%:*}"]=1
done < <(dpkg-query -W -f='${db:Status-Status} ${Package}\n' "${packages[@]}" 2>/dev/null || true)
missing=()
for pkg in "${packages[@]}"; do
    [[ -n "${installed[$pkg]-}" ]] || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
    exit 0
fi

echo "bootstrap: installing ${missing[*]}" >&2
sudo=()
if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "bootstrap: run as root or install sudo" >&2; exit 1; }
    sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "bootstrap: done" >&2
