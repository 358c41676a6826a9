#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Checks the layout rules of docs/architecture.md over include/theracore: the dependency rule
over the include graph, and namespace = path.

Every public header belongs to one area (AREAS, longest path prefix wins). A header may include
headers of its own area and of the areas RULE allows for it, nothing else; and no header outside
the opt-in adapter headers may reach nlohmann/json, Boost.Serialization or a database client
library, directly or through other TheraCore headers. A header in an area folder declares its
names in that area's namespace (AREA_NAMESPACE). Exits 1 listing every violation.

    check_includes.py <repository root>          check
    check_includes.py <repository root> --graph  print the area graph that is there
"""
from __future__ import annotations

import pathlib
import re
import sys

# Area of each header, by path prefix under include/theracore/ (longest prefix wins).
AREAS = {
    # The base vocabulary: the root of include/theracore (namespace theracore).
    "config.hpp": "base",
    "version.hpp": "base",
    "error.hpp": "base",
    "fwd.hpp": "base",
    "id.hpp": "base",
    "time.hpp": "base",
    "enum.hpp": "base",
    "coded_concept.hpp": "base",
    "detail/": "base",
    # The registration lists name the types of every area but include nothing: any area may
    # derive from them.
    "io/types.hpp": "base",
    # One folder (and umbrella header) per area.
    "people.hpp": "people",
    "people/": "people",
    "care.hpp": "care",
    "care/": "care",
    "safety.hpp": "safety",
    "safety/": "safety",
    "instruments.hpp": "instruments",
    "instruments/": "instruments",
    "outcomes.hpp": "outcomes",
    "outcomes/": "outcomes",
    "adapters.hpp": "adapters",
    "adapters/": "adapters",
    "storage/": "storage",
    "io/": "io",
    "theracore.hpp": "umbrella",
}

# Which other areas each area may include. Data flows one way: the shared vocabulary (base)
# needs nothing; records need base and the records they cite; instruments and outcomes are
# independent of each other and of the records; adapters join areas; storage and io present
# them all; the umbrella header gathers everything a program uses without opting in.
RULE = {
    "base": set(),
    "people": {"base"},
    "care": {"base", "people"},
    "safety": {"base", "people"},
    "instruments": {"base"},
    "outcomes": {"base"},
    "adapters": {"base", "people", "care", "safety", "instruments", "outcomes"},
    "storage": {"base", "people", "care", "safety", "instruments", "outcomes", "adapters"},
    "io": {"base", "people", "care", "safety", "instruments", "outcomes", "adapters"},
    "umbrella": {"base", "people", "care", "safety", "instruments", "outcomes", "adapters",
                 "storage"},
}

# Third-party headers only an opt-in adapter header may reach (directly or transitively).
HEAVY = re.compile(r"^(nlohmann/|boost/serialization/|boost/archive/|sqlite3\.h|SQLiteCpp/|"
                   r"libpq-fe\.h|pqxx/)")
ADAPTER_HEADERS = re.compile(r"^io/")

# Namespace = path: what a header in each area folder declares sits in the area's namespace,
# opened first thing after THERACORE_NAMESPACE_BEGIN. The record areas' namespaces are inline
# (theracore::care::session is also theracore::session); the base vocabulary at the root of
# include/theracore is the root namespace theracore itself. io/ is left out: its adapters declare
# the ADL hooks (to_json, serialize) in the namespace of the type each converts, where ADL looks.
AREA_NAMESPACE = {
    "people": "inline namespace people {",
    "care": "inline namespace care {",
    "safety": "inline namespace safety {",
    "adapters": "inline namespace adapters {",
    "instruments": "namespace instruments {",
    "outcomes": "namespace outcomes {",
    "storage": "namespace storage {",
}
AREA_NAMESPACE_RE = re.compile(r"^(inline )?namespace (" + "|".join(AREA_NAMESPACE) + r") \{", re.M)

INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.MULTILINE)


def area_of(rel: str) -> str:
    best = None
    for prefix, area in AREAS.items():
        if rel == prefix or (prefix.endswith("/") and rel.startswith(prefix)):
            if best is None or len(prefix) > len(best[0]):
                best = (prefix, area)
    if best is None:
        raise SystemExit(f"check_includes: include/theracore/{rel} belongs to no area (add it to AREAS)")
    return best[1]


def main() -> int:
    root = pathlib.Path(sys.argv[1]).resolve()
    base = root / "include" / "theracore"
    headers = {p.relative_to(base).as_posix(): p for p in sorted(base.rglob("*.hpp"))}
    headers["version.hpp"] = base / "version.hpp.in"
    includes: dict[str, list[str]] = {}
    for rel, path in headers.items():
        text = path.read_text(encoding="utf-8")
        # Ignore includes shown in documentation comments.
        code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
        includes[rel] = INCLUDE.findall(code)

    problems: list[str] = []
    graph: dict[str, set[str]] = {}
    for rel, incs in includes.items():
        a = area_of(rel)
        for inc in incs:
            if inc.startswith("theracore/"):
                target = inc[len("theracore/"):]
                if target not in headers:
                    problems.append(f"{rel}: includes {inc}, which is not a public header")
                    continue
                b = area_of(target)
                graph.setdefault(a, set()).add(b)
                if b != a and b not in RULE[a]:
                    problems.append(f"{rel} ({a}) includes {inc} ({b}): {a} may include only "
                                    f"{', '.join(sorted(RULE[a])) or 'nothing'}")
            elif not inc.startswith("theracore") and ("src/" in inc or inc.startswith("../")):
                problems.append(f"{rel}: includes {inc}, outside the public headers")

    # Namespace = path.
    for rel, path in headers.items():
        text = path.read_text(encoding="utf-8")
        lines = [line for line in text.splitlines() if line.strip()]
        folder = rel.split("/")[0] if "/" in rel else None
        for i, line in enumerate(lines):
            if line.strip() != "THERACORE_NAMESPACE_BEGIN":
                continue
            opened = lines[i + 1].strip() if i + 1 < len(lines) else ""
            if folder in AREA_NAMESPACE:
                if opened != AREA_NAMESPACE[folder]:
                    problems.append(f"{rel}: declares outside its area's namespace (expected "
                                    f"'{AREA_NAMESPACE[folder]}' after THERACORE_NAMESPACE_BEGIN, "
                                    f"found '{opened}')")
            elif folder is None and AREA_NAMESPACE_RE.match(opened) and area_of(rel) == "base":
                problems.append(f"{rel}: a base header declares in an area's namespace ({opened})")

    # Transitive reach of heavy third-party headers.
    memo: dict[str, set[str]] = {}

    def reach(rel: str, stack: tuple[str, ...] = ()) -> set[str]:
        if rel in memo:
            return memo[rel]
        if rel in stack:
            return set()
        out: set[str] = set()
        for inc in includes[rel]:
            if inc.startswith("theracore/") and inc[len("theracore/"):] in headers:
                out |= reach(inc[len("theracore/"):], stack + (rel,))
            elif HEAVY.match(inc):
                out.add(inc)
        memo[rel] = out
        return out

    for rel in includes:
        if ADAPTER_HEADERS.match(rel):
            continue
        heavy = reach(rel)
        if heavy:
            problems.append(f"{rel}: reaches {', '.join(sorted(heavy))}; only the opt-in adapter "
                            "headers (io/) may")

    if "--graph" in sys.argv[2:]:
        for a in sorted(graph):
            print(f"{a:12} -> {', '.join(sorted(graph[a] - {a}))}")
    for p in problems:
        print(p)
    if problems:
        print(f"check_includes: {len(problems)} violation(s) of the dependency rule "
              "(docs/architecture.md, 'Dependency rule')", file=sys.stderr)
        return 1
    print(f"check_includes: {len(headers)} headers in {len(set(map(area_of, headers)))} areas "
          "follow the dependency rule")
    return 0


if __name__ == "__main__":
    sys.exit(main())
