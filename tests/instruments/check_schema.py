#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Validates every instrument definition in the given folders against docs/instrument.schema.json,
and checks that the schema rejects a broken one (so the test can fail)."""
import json
import pathlib
import sys

import jsonschema


def main() -> int:
    schema = json.loads(pathlib.Path(sys.argv[1]).read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    files = [f for d in sys.argv[2:] for f in sorted(pathlib.Path(d).glob("*.json"))]
    failures = 0
    for f in files:
        doc = json.loads(f.read_text(encoding="utf-8"))
        for error in validator.iter_errors(doc):
            print(f"{f}: {'/'.join(map(str, error.path))}: {error.message}")
            failures += 1
    broken = json.loads(files[0].read_text(encoding="utf-8"))
    broken["colour"] = "blue"
    broken["licence"] = "free"
    if len(list(validator.iter_errors(broken))) != 2:
        print("the schema accepts an unknown key or licence")
        failures += 1
    print(f"{len(files) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
