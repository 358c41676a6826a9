# SPDX-License-Identifier: Apache-2.0
"""Exceptions raised by TheraCore, mirroring the C++ hierarchy rooted at ``theracore::error``.

Each class also derives from the built-in exception a Python caller would expect, so
``except ValueError`` catches bad input and ``except KeyError`` a failed lookup.
"""

from __future__ import annotations

from typing import List, Sequence, Tuple

__all__ = [
    "TheraCoreError",
    "ValidationError",
    "InvalidResponsesError",
    "ParseError",
    "NotFoundError",
    "ConflictError",
    "AccessDeniedError",
    "StorageError",
]


class TheraCoreError(Exception):
    """Root of every exception TheraCore raises (C++ ``theracore::error``)."""


class ValidationError(TheraCoreError, ValueError):
    """A value breaks one or more rules; ``problems`` lists every ``(path, message)``."""

    def __init__(self, message: str, problems: Sequence[Tuple[str, str]] = ()) -> None:
        super().__init__(message)
        self.problems: List[Tuple[str, str]] = [(str(p), str(m)) for p, m in problems]


class InvalidResponsesError(ValidationError):
    """Scoring refused the answers, but the critical items were judged on their own answers.

    ``flags`` are the ids of the critical-item flags that fired regardless (PHQ-9 item 9 answered
    3 beside an out-of-range answer elsewhere), ``flags_not_evaluated`` those an invalid or
    missing answer of their own leaves open (C++ ``theracore::instruments::invalid_responses``).
    A caller that records the refusal must record these too.
    """

    def __init__(
        self,
        message: str,
        problems: Sequence[Tuple[str, str]] = (),
        flags: Sequence[str] = (),
        flags_not_evaluated: Sequence[str] = (),
    ) -> None:
        super().__init__(message, problems)
        self.flags: List[str] = [str(f) for f in flags]
        self.flags_not_evaluated: List[str] = [str(f) for f in flags_not_evaluated]


class ParseError(TheraCoreError, ValueError):
    """Serialized input is malformed; ``path`` names where (e.g. ``client.date_of_birth``)."""

    def __init__(self, message: str, path: str = "", reason: str = "") -> None:
        super().__init__(message)
        self.path = path
        self.reason = reason or message


class NotFoundError(TheraCoreError, KeyError):
    """A lookup by id or name found nothing."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class ConflictError(TheraCoreError):
    """The operation is invalid in the current state (transition, stale revision, signed note)."""


class AccessDeniedError(TheraCoreError, PermissionError):
    """The caller may not perform the operation."""


class StorageError(TheraCoreError):
    """A storage backend failed; ``category`` is portable, ``native_code`` the backend's own."""

    def __init__(self, message: str, category: str = "other", native_code: str = "") -> None:
        super().__init__(message)
        self.category = category
        self.native_code = native_code
