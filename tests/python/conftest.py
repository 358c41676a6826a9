# SPDX-License-Identifier: Apache-2.0
"""Shared fixtures. The package under test is the one built by CMake: scripts/test.sh puts its
folder (build/<dir>/python) first on PYTHONPATH."""

from __future__ import annotations

import datetime as dt
import pathlib

import pytest

import theracore as tc

REPO = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture()
def repo_root() -> pathlib.Path:
    return REPO


@pytest.fixture()
def full_client() -> tc.Client:
    return tc.Client(
        id="c-zoe",
        legal_name=tc.HumanName(text="Zoë Ñúñez", family="Ñúñez", given=["Zoë"]),
        pronouns="she/her",
        date_of_birth=dt.date(1992, 2, 29),
        telecom=[tc.ContactPoint(system=tc.ContactSystem.email, value="zoe@example.org", use="home")],
        preferred_language=tc.language("es-CL", "Spanish (Chile)"),
        culture=tc.CulturalProfile(cultural_identity="Chilean, bilingual"),
    )


@pytest.fixture()
def couple_episode() -> tc.CareEpisode:
    return tc.CareEpisode.create(
        id="e-100",
        kind=tc.EpisodeKind.couple,
        participants=[
            tc.Participant(client="c-zoe", role=tc.ParticipantRole.identified_client),
            tc.Participant(client="c-lee", role=tc.ParticipantRole.partner),
        ],
        primary_clinician="k-ada",
        opened=dt.date(2024, 2, 29),
    )
