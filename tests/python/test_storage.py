# SPDX-License-Identifier: Apache-2.0
"""Stores from Python: memory, an SQLite file, and PostgreSQL when scripts/test.sh provides a
server (THERACORE_TEST_POSTGRES_DSN); the same checks run on each."""

from __future__ import annotations

import datetime as dt
import os
import pathlib
import uuid
from typing import Callable, List, Tuple

import pytest

import theracore as tc
from theracore import storage

DSN = os.environ.get("THERACORE_TEST_POSTGRES_DSN")


def _backends(tmp: pathlib.Path) -> List[Tuple[str, Callable[[], storage.Store]]]:
    out: List[Tuple[str, Callable[[], storage.Store]]] = [
        ("memory", storage.memory),
        ("sqlite", lambda: storage.sqlite(str(tmp / "clinic.theracore"))),
    ]
    if DSN:
        schema = "py_" + uuid.uuid4().hex[:12]
        out.append(("postgresql", lambda: storage.postgresql(DSN, schema=schema)))
    return out


def _client(id: str = "c-zoe", name: str = "Zoë Ñúñez") -> tc.Client:
    return tc.Client(id=id, legal_name=tc.HumanName(text=name), date_of_birth=dt.date(1992, 2, 29))


def test_crud_revisions_queries_and_soft_delete(tmp_path: pathlib.Path) -> None:
    for name, make in _backends(tmp_path):
        db = make()
        assert db.backend == name
        with db.begin("k-ada") as tx:
            assert tx.insert(_client()) == 1
            tx.insert_all([_client("c-lee", "Lee Park"), _client("c-max", "Max Müller")])
        with db.begin("k-ada") as tx:
            v = tx.get(tc.Client, "c-zoe")
            assert v.revision == 1 and v.value.legal_name.text == "Zoë Ñúñez" and not v.deleted
            assert v.meta.created_by == "k-ada" and v.meta.created_at.tzinfo is not None
            v.value.notes = "prefers mornings"
            assert tx.update(v) == 2
            assert [c.value.id for c in tx.clients_by_name_prefix("ñú")] == ["c-zoe"]
            assert tx.find(tc.Client, "nobody") is None
            assert len(tx.list(tc.Client)) == 3
        with db.begin("k-ada") as tx:
            with pytest.raises(tc.ConflictError):
                tx.update(_client(), 1)  # stale revision
            assert tx.remove(tc.Client, "c-max", 1, "duplicate record") == 2
            with pytest.raises(tc.NotFoundError):
                tx.get(tc.Client, "c-max")
            assert tx.get(tc.Client, "c-max", include_deleted=True).meta.deleted.reason == "duplicate record"
            assert tx.restore(tc.Client, "c-max", 2, "not a duplicate") == 3
            tx.purge(tc.Client, "c-lee", 1, "entered by mistake")
            assert [e.category for e in tx.journal()] == ["restore", "purge"]
        with db.begin("k-ada", read_only=True) as tx:
            assert tx.get(tc.Client, "c-zoe").value.notes == "prefers mornings"
            assert tx.find(tc.Client, "c-lee") is None
            with pytest.raises(tc.ConflictError):
                tx.insert(_client("c-new"))


def test_rollback_on_exception_and_validation(tmp_path: pathlib.Path) -> None:
    for _, make in _backends(tmp_path):
        db = make()
        with pytest.raises(RuntimeError):
            with db.begin("k") as tx:
                tx.insert(_client())
                raise RuntimeError("boom")
        with db.begin("k") as tx:
            assert tx.find(tc.Client, "c-zoe") is None
            with pytest.raises(tc.ValidationError) as info:
                tx.insert(tc.Client(id="c-bad"))
            assert ("legal_name.text", "required") in info.value.problems
            with pytest.raises(tc.ConflictError):
                tx.insert(_client())
                tx.insert(_client())
            with pytest.raises(TypeError):
                tx.get(tc.HumanName, "x")
            with pytest.raises(TypeError):
                tx.insert("not a record")
            tx.rollback()
            assert not tx.active


def test_episodes_and_intakes(tmp_path: pathlib.Path) -> None:
    for _, make in _backends(tmp_path):
        db = make()
        ep = tc.CareEpisode.create(id="e-1", participants=[tc.Participant(client="c-zoe")], primary_clinician="k-ada", opened=dt.date(2024, 1, 5))
        with db.begin("k-ada") as tx:
            tx.insert(_client())
            tx.insert(ep)
            tx.insert(tc.Intake(id="i-1", client="c-zoe", episode="e-1", clinician="k-ada", recorded_on=dt.date(2024, 1, 5), presenting_concerns="low mood"))
        with db.begin("k-ada") as tx:
            assert [e.value.id for e in tx.episodes_of_client("c-zoe")] == ["e-1"]
            assert [e.value.id for e in tx.episodes_of_clinician("k-ada")] == ["e-1"]
            assert [i.value.id for i in tx.intakes_of_client("c-zoe")] == ["i-1"]


def test_sqlite_file_persists_and_bad_paths_fail(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "x.theracore"
    with storage.sqlite(str(path)).begin("k") as tx:
        tx.insert(_client())
    with storage.sqlite(str(path)).begin("k") as tx:
        assert tx.get(tc.Client, "c-zoe").revision == 1
    with pytest.raises(tc.StorageError) as info:
        storage.sqlite(str(tmp_path / "missing-dir" / "x.theracore"))
    assert info.value.category == "unavailable"
    with pytest.raises(tc.ValidationError):
        storage.sqlite("")
    with pytest.raises(tc.StorageError):
        storage.postgresql("host=127.0.0.1 port=1 dbname=none connect_timeout=1")


FIXTURES = pathlib.Path(__file__).resolve().parents[1] / "data"


def test_every_record_kind_is_reachable_from_python_in_its_json_form(tmp_path: pathlib.Path) -> None:
    # Derived from the C++ registration list: a kind added there must have a fixture here and
    # round-trip through every backend.
    import json

    kinds = storage.record_kinds()
    assert len(kinds) == len(set(kinds)) == 25
    with_fixture = [k for k in kinds if (FIXTURES / f"{k}.json").exists()]
    # Every kind but the instrument definition (its fixtures are the catalog's definitions).
    assert sorted(set(kinds) - set(with_fixture)) == ["instrument_definition"]
    for name, make in _backends(tmp_path):
        db = make()
        for kind in with_fixture:
            record = json.loads((FIXTURES / f"{kind}.json").read_text(encoding="utf-8"))
            with db.begin("k-ada") as tx:
                assert tx.insert_json(kind, record) == 1, (name, kind)
            rid = storage.record_id(kind, record)
            with db.begin("k-ada", read_only=True) as tx:
                back, meta = tx.get_json(kind, rid)
                assert meta.revision == 1
                assert back["schema"] == record["schema"], kind
                assert storage.record_id(kind, back) == rid, kind
                listed = tx.list_json(kind)
                assert [storage.record_id(kind, r) for r, _ in listed] == [rid], (name, kind)
            # The stored form is the record read back: writing it again is an update to 2.
            with db.begin("k-ada") as tx:
                assert tx.update_json(kind, back, 1) == 2, (name, kind)


def test_an_unknown_kind_or_a_bad_record_is_refused_by_name() -> None:
    import json

    db = storage.memory()
    client = json.loads((FIXTURES / "client.json").read_text(encoding="utf-8"))
    with db.begin("k-ada") as tx:
        with pytest.raises(ValueError, match="not a stored record kind: \"clients\""):
            tx.insert_json("clients", client)
        with pytest.raises(tc.ValidationError, match="id"):
            tx.insert_json("client", dict(client, id=""))
        with pytest.raises(tc.ParseError):
            tx.insert_json("client", dict(client, schema="theracore.session"))
        with pytest.raises(tc.NotFoundError):
            tx.get_json("consent", "no-such-consent")
        assert tx.list_json("client") == []
