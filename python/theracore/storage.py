# SPDX-License-Identifier: Apache-2.0
"""Stores of clinical records, for scripting and tests.

```python
db = theracore.storage.sqlite("clinic.theracore")   # or memory(), postgresql(dsn)
with db.begin("k-ada") as tx:                        # commits on success, rolls back on error
    tx.insert(client)
    c = tx.get(theracore.Client, "c-zoe")            # .value, .revision, .meta
```

Every record kind a store keeps (``record_kinds()``: clients, plans, sessions, notes, risk
flags, consents, administrations, alerts, …) is reachable by name in its JSON form:

```python
with db.begin("k-ada") as tx:
    tx.insert_json("treatment_plan", plan_dict)      # the wire form of docs/ and tests/data/
    plan, meta = tx.get_json("treatment_plan", "tp-1")
```

Client, Clinician, CareEpisode and Intake are also stored as their classes (``tx.insert(client)``,
``tx.get(theracore.Client, id)``).
"""

from __future__ import annotations

from . import _core
from ._core import JournalEntry, RecordMeta, Store, Transaction, record_id, record_kinds

__all__ = [
    "Store",
    "Transaction",
    "RecordMeta",
    "JournalEntry",
    "memory",
    "sqlite",
    "postgresql",
    "record_kinds",
    "record_id",
]


def memory() -> Store:
    """A store that keeps everything in memory (nothing is persisted)."""
    return _core.memory_store()


def sqlite(path: str, *, full_sync: bool = True) -> Store:
    """Opens (creating and migrating as needed) the SQLite store at ``path``; ``":memory:"``
    for a private in-memory database. Raises StorageError when the file cannot be opened or was
    written by a newer TheraCore."""
    return _core.sqlite_store(str(path), full_sync)


def postgresql(dsn: str, *, schema: str = "theracore") -> Store:
    """Connects to PostgreSQL (a libpq connection string or URI), creating the schema when
    missing. Raises StorageError when the server cannot be reached."""
    return _core.postgresql_store(dsn, schema)
