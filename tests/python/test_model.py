# SPDX-License-Identifier: Apache-2.0
"""The core model from Python: construction, properties, equality, dicts, pickling, enums."""

from __future__ import annotations

import datetime as dt
import enum
import pickle

import pytest

import theracore as tc


def test_fields_are_properties_and_nested_values_are_live(full_client: tc.Client) -> None:
    assert full_client.legal_name.text == "Zoë Ñúñez"
    full_client.legal_name.text = "Zoe Nunez"  # changes the client, not a copy
    assert full_client.legal_name.text == "Zoe Nunez"
    assert full_client.date_of_birth == dt.date(1992, 2, 29)
    assert full_client.preferred_name is None
    assert full_client.telecom[0].system is tc.ContactSystem.email


def test_equality_repr_and_unhashable(full_client: tc.Client) -> None:
    other = tc.Client.from_dict(full_client.to_dict())
    assert other == full_client
    other.notes = "changed"
    assert other != full_client
    assert repr(full_client).startswith("Client(id='c-zoe', legal_name=HumanName(text='Zoë Ñúñez'")
    with pytest.raises(TypeError):
        hash(full_client)


def test_to_dict_matches_the_json_wire_format(full_client: tc.Client) -> None:
    d = full_client.to_dict()
    assert d["schema"] == "theracore.client"
    assert d["version"] == 1
    assert d["date_of_birth"] == "1992-02-29"
    assert d["telecom"][0]["system"] == "email"
    assert "preferred_name" not in d  # empty optionals are omitted


def test_pickle_round_trip(full_client: tc.Client, couple_episode: tc.CareEpisode) -> None:
    assert pickle.loads(pickle.dumps(full_client)) == full_client
    assert pickle.loads(pickle.dumps(couple_episode)) == couple_episode


def test_enums_are_python_enums() -> None:
    assert issubclass(tc.EpisodeStatus, enum.Enum)
    assert tc.EpisodeStatus("on_hold") is tc.EpisodeStatus.on_hold
    assert [s.value for s in tc.EpisodeKind] == ["individual", "couple", "family", "group"]


def test_enum_fields_accept_members_or_wire_names_and_reject_others() -> None:
    p = tc.ContactPoint(system="sms", value="+1 555", use=tc.ContactUse.mobile)
    assert p.system is tc.ContactSystem.sms
    with pytest.raises(ValueError, match="pager"):
        tc.ContactPoint(system="pager", value="x")


def test_unknown_keyword_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="unexpected keyword argument 'nickname'"):
        tc.HumanName(text="x", nickname="y")


def test_wrong_types_are_type_errors() -> None:
    with pytest.raises(TypeError):
        tc.Client(id=42)
    with pytest.raises(TypeError):
        tc.Client(date_of_birth="2000-01-01")
    with pytest.raises(TypeError):  # a datetime is not a date
        tc.Client(date_of_birth=dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc))


def test_episode_lifecycle(couple_episode: tc.CareEpisode) -> None:
    couple_episode.transition(tc.EpisodeStatus.active, dt.date(2024, 3, 1))
    couple_episode.transition("closed", dt.date(2024, 12, 20), "Goals met")
    assert couple_episode.status is tc.EpisodeStatus.closed
    assert couple_episode.closed == dt.date(2024, 12, 20)
    assert [h.to for h in couple_episode.history] == [tc.EpisodeStatus.active, tc.EpisodeStatus.closed]
    with pytest.raises(tc.ConflictError, match="cannot move from closed to active"):
        couple_episode.transition("active", dt.date(2025, 1, 1))
    assert tc.episode_transition_allowed(tc.EpisodeStatus.on_hold, tc.EpisodeStatus.active)
    assert not tc.episode_transition_allowed("closed", "active")


def test_episode_properties_are_read_only(couple_episode: tc.CareEpisode) -> None:
    with pytest.raises(AttributeError):
        couple_episode.status = tc.EpisodeStatus.closed  # type: ignore[misc]


def test_episode_invariants_raise_validation_error() -> None:
    with pytest.raises(tc.ValidationError) as info:
        tc.CareEpisode.create(id="e", kind="couple", participants=[tc.Participant(client="a")])
    paths = [p for p, _ in info.value.problems]
    assert paths == ["primary_clinician", "opened", "participants"]


def test_licence_and_clinician() -> None:
    lic = tc.Licence.create(
        type="LPC", jurisdiction="US-TX", number="1", issued=dt.date(2024, 2, 29), expires=dt.date(2026, 2, 28)
    )
    assert lic.is_current(dt.date(2025, 1, 1))
    k = tc.Clinician(id="k", name=tc.HumanName(text="Ada"), licences=[lic], scope_tags=["couples"])
    assert k.has_scope("couples") and not k.has_scope("trauma-focused")
    assert k.validate() == []
    k.requires_supervision = True
    assert k.validate() == [("supervisor", "required when requires_supervision is true")]


def test_client_validation_lists_problems() -> None:
    assert tc.Client().validate() == [("id", "required"), ("legal_name.text", "required")]


def test_intake_round_trip() -> None:
    i = tc.Intake(
        id="i1",
        client="c",
        episode="e",
        clinician="k",
        recorded_on=dt.date(2024, 3, 1),
        presenting_concerns="low mood",
        current_medications=["sertraline 50 mg (as reported)"],
        trauma_history=False,
    )
    assert tc.Intake.from_dict(i.to_dict()) == i
