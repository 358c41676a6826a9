#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Keeps a document's code identical to a compiled example.

Usage: check_doc_snippets.py DOC.md EXAMPLE.cpp [CATALOG.json]

Every ```cpp block preceded by a line `<!-- snippet: NAME -->` in DOC must equal, line for line,
the region of EXAMPLE between `// [NAME]` and `// [NAME end]` (dedented), and every region of
EXAMPLE must appear in DOC. With CATALOG (an intervention catalog as JSON), the rows
"| `code` | display | first reference |" of DOC must list exactly its modalities, in order.
Exits 1 with a diff on any difference.
"""
import difflib
import json
import re
import sys
import textwrap


def regions(example: str) -> dict:
    found = {}
    for m in re.finditer(r"^[ \t]*// \[([a-z_]+)\]\n(.*?)^[ \t]*// \[\1 end\]\n", example,
                         re.M | re.S):
        found[m.group(1)] = textwrap.dedent(m.group(2))
    return found


def snippets(doc: str) -> dict:
    found = {}
    for m in re.finditer(r"^<!-- snippet: ([a-z_]+) -->\n```cpp\n(.*?)^```$", doc, re.M | re.S):
        found.setdefault(m.group(1), []).append(m.group(2))
    return found


def main() -> int:
    doc_path, example_path = sys.argv[1], sys.argv[2]
    with open(doc_path, encoding="utf-8") as f:
        doc = f.read()
    with open(example_path, encoding="utf-8") as f:
        example = f.read()
    code, shown = regions(example), snippets(doc)
    failures = []
    if not code:
        failures.append(f"{example_path}: no // [name] … // [name end] regions")
    for name, text in code.items():
        if name not in shown:
            failures.append(f"{doc_path}: region [{name}] of the example is not shown")
    for name, blocks in shown.items():
        if name not in code:
            failures.append(f"{doc_path}: snippet {name} has no region in {example_path}")
            continue
        for block in blocks:
            if block != code[name]:
                diff = "".join(difflib.unified_diff(code[name].splitlines(True),
                                                    block.splitlines(True),
                                                    f"{example_path} [{name}]",
                                                    f"{doc_path} snippet {name}"))
                failures.append(f"snippet {name} differs from the example:\n{diff}")
    if len(sys.argv) > 3:
        with open(sys.argv[3], encoding="utf-8") as f:
            catalog = json.load(f)
        want = [f"| `{m['code']['code']}` | {m['code']['display']} | {m['evidence'][0]} |"
                for m in catalog["modalities"]]
        have = [line for line in doc.splitlines() if re.match(r"^\| `[a-z_]+` \| ", line)]
        if have != want:
            diff = "\n".join(difflib.unified_diff(want, have, sys.argv[3], doc_path, lineterm=""))
            failures.append(f"the catalog table differs from the catalog:\n{diff}")
    for failure in failures:
        print(failure, file=sys.stderr)
    if not failures:
        print(f"{len(code)} snippets of {doc_path} match {example_path}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
