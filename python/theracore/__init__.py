# SPDX-License-Identifier: Apache-2.0
"""TheraCore: psychotherapy clinical workflow — clients and episodes as value types, outcome
measures scored exactly as their manuals say, reliable and clinically significant change.

The compiled core lives in the private module ``theracore._core``; this package re-exports its
public names and adds what is Pythonic (DataFrames, plots).
"""

from __future__ import annotations

from . import errors
from ._core import (
    Address,
    CareEpisode,
    Client,
    Clinician,
    CodedConcept,
    ContactPoint,
    ContactSystem,
    ContactUse,
    CulturalProfile,
    EmergencyContact,
    EpisodeKind,
    EpisodeStatus,
    HumanName,
    Intake,
    Licence,
    Participant,
    ParticipantRole,
    PresentingProblem,
    StatusChange,
    __version__,
    episode_transition_allowed,
    language,
)
from .errors import (
    AccessDeniedError,
    ConflictError,
    NotFoundError,
    ParseError,
    StorageError,
    TheraCoreError,
    ValidationError,
)

__all__ = [
    "__version__",
    "errors",
    # model
    "Address",
    "CareEpisode",
    "Client",
    "Clinician",
    "CodedConcept",
    "ContactPoint",
    "ContactSystem",
    "ContactUse",
    "CulturalProfile",
    "EmergencyContact",
    "EpisodeKind",
    "EpisodeStatus",
    "HumanName",
    "Intake",
    "Licence",
    "Participant",
    "ParticipantRole",
    "PresentingProblem",
    "StatusChange",
    "episode_transition_allowed",
    "language",
    # errors
    "AccessDeniedError",
    "ConflictError",
    "NotFoundError",
    "ParseError",
    "StorageError",
    "TheraCoreError",
    "ValidationError",
]
