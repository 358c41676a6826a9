# SPDX-License-Identifier: Apache-2.0
"""TheraCore: psychotherapy clinical workflow — clients and episodes as value types, outcome
measures scored exactly as their manuals say, reliable and clinically significant change.

The compiled core lives in the private module ``theracore._core``; this package re-exports its
public names and adds what is Pythonic (DataFrames, plots).
"""

from __future__ import annotations

import importlib
from typing import Any

from . import errors, outcomes, storage
from ._core import (
    Address,
    Administration,
    AnswerCoding,
    AttendanceRole,
    CareEpisode,
    ChangeParameters,
    Client,
    CodingCheck,
    Clinician,
    CodedConcept,
    ContactPoint,
    ContactSystem,
    ContactUse,
    CssrsScreenerAnswers,
    CssrsScreenerResult,
    CssrsTriage,
    CulturalProfile,
    EmergencyContact,
    EpisodeKind,
    EpisodeStatus,
    HumanName,
    Intake,
    Licence,
    MeansSafetyStep,
    MeasureObservation,
    MissingRule,
    Participant,
    ParticipantRole,
    PresentingProblem,
    ProrateMethod,
    Responses,
    RiskAction,
    RiskActionKind,
    RiskAssessment,
    RiskFactor,
    RiskLevel,
    RoundingRule,
    SafetyContact,
    SafetyPlan,
    ScoreOptions,
    ScoreResult,
    Session,
    SessionAttendee,
    SessionSetting,
    SessionType,
    SessionVisibility,
    StatusChange,
    SupportService,
    SupportServiceKind,
    __version__,
    check_cssrs_screener,
    check_risk_assessment,
    episode_transition_allowed,
    language,
    revise_safety_plan,
    score_cssrs_screener,
)
from ._instruments import ROW_STATUS, SCALE_STATUS, Instrument, ScaleResult, Score, instrument, instruments, score_frame
from .errors import (
    AccessDeniedError,
    ConflictError,
    InvalidResponsesError,
    NotFoundError,
    ParseError,
    StorageError,
    TheraCoreError,
    ValidationError,
)


def __getattr__(name: str) -> Any:
    # theracore.plot needs matplotlib; import it only when asked for.
    if name == "plot":
        return importlib.import_module(".plot", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "__version__",
    "errors",
    "outcomes",
    "plot",
    "storage",
    # instruments
    "AnswerCoding",
    "CodingCheck",
    "Instrument",
    "MissingRule",
    "ProrateMethod",
    "ROW_STATUS",
    "Responses",
    "RoundingRule",
    "SCALE_STATUS",
    "ScaleResult",
    "Score",
    "ScoreOptions",
    "ScoreResult",
    "instrument",
    "instruments",
    "score_frame",
    # outcomes
    "ChangeParameters",
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
    # records
    "Administration",
    "AttendanceRole",
    "CssrsScreenerAnswers",
    "CssrsScreenerResult",
    "CssrsTriage",
    "MeansSafetyStep",
    "MeasureObservation",
    "RiskAction",
    "RiskActionKind",
    "RiskAssessment",
    "RiskFactor",
    "RiskLevel",
    "SafetyContact",
    "SafetyPlan",
    "Session",
    "SessionAttendee",
    "SessionSetting",
    "SessionType",
    "SessionVisibility",
    "SupportService",
    "SupportServiceKind",
    "check_cssrs_screener",
    "check_risk_assessment",
    "revise_safety_plan",
    "score_cssrs_screener",
    # errors
    "AccessDeniedError",
    "ConflictError",
    "InvalidResponsesError",
    "NotFoundError",
    "ParseError",
    "StorageError",
    "TheraCoreError",
    "ValidationError",
]
