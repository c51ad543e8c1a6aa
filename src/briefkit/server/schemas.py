"""The request and response bodies of the server, as pydantic models (and so in /docs)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..model import Brief
from .worker import MAX_CHECK_BRIEFS

__all__ = [
    "CheckProblem",
    "CheckRequest",
    "CheckResult",
    "Formats",
    "Health",
    "InputFormat",
    "OutputFormat",
    "WorkerState",
]


class InputFormat(BaseModel):
    """A format ``POST /convert`` and ``POST /parse`` read."""

    extensions: list[str]
    media_types: list[str] = Field(description="Content-Type values that select it.")
    binary: bool
    description: str


class OutputFormat(BaseModel):
    """A format ``POST /convert`` and ``POST /render`` write (``?to=`` or ``Accept``)."""

    extension: str
    media_type: str
    binary: bool
    description: str
    options: list[str] = Field(description="The request options it takes.")


class Formats(BaseModel):
    """Every registered format, plugins included."""

    input: dict[str, InputFormat]
    output: dict[str, OutputFormat]


class WorkerState(BaseModel):
    pid: int
    busy: bool
    tasks: int = Field(description="Tasks this worker has run.")


class Health(BaseModel):
    """Whether the server can take work: its workers, queue and restarts."""

    status: Literal["ok", "degraded"]
    version: str
    workers: list[WorkerState]
    queued: int = Field(description="Requests waiting for a worker now.")
    queue_limit: int
    restarts: int = Field(description="Workers replaced after a crash or a timeout.")


class CheckRequest(BaseModel):
    """A set of briefs to check, as a series."""

    model_config = ConfigDict(extra="forbid")

    briefs: list[Brief] = Field(max_length=MAX_CHECK_BRIEFS)


class CheckProblem(BaseModel):
    """One problem: its kind, the briefs involved (positions in the request), a sentence."""

    kind: str
    briefs: list[int]
    titles: list[str]
    link: Literal["prev", "next"] | None = None
    message: str


class CheckResult(BaseModel):
    """What ``POST /check`` found, as ``briefkit check --json`` reports it."""

    ok: bool
    briefs: int
    problems: list[CheckProblem]
