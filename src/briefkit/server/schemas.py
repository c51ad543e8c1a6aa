"""The request and response bodies of the server, as pydantic models (and so in /docs)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..model import Brief
from ..tradecraft import Scale
from .worker import MAX_CHECK_BRIEFS

__all__ = [
    "CheckProblem",
    "CheckRequest",
    "CheckResult",
    "Formats",
    "Health",
    "InputFormat",
    "OutputFormat",
    "RenderQuery",
    "WorkerState",
]


class RenderQuery(BaseModel):
    """The renderer options a ``POST /convert`` or ``POST /render`` may set, as query
    parameters. Only values that reach nothing outside the process: no template,
    stylesheet, file or URL. An option the output format does not take is a 400; a value
    its renderer refuses (a language that is no BCP 47 tag, an unknown PDF variant) a 422
    naming the parameter."""

    fragment: bool = Field(False, description="HTML: only the <article>.")
    page_size: Literal["A4", "Letter"] | None = Field(None, description="DOCX, PDF: paper.")
    default_language: str | None = Field(
        None,
        max_length=64,
        description="HTML, DOCX, PDF: the BCP 47 language declared when the brief has none "
        "(default en).",
    )
    toc: bool | None = Field(
        None, description="DOCX, PDF: a contents list (default: only for a long brief)."
    )
    tagged: bool | None = Field(
        None, description="PDF: false for an untagged PDF (not with a pdf/ua variant)."
    )
    pdf_variant: str | None = Field(
        None, max_length=32, description="PDF: a variant such as pdf/a-3b (default pdf/ua-1)."
    )
    defang: Literal["auto", "all", "off"] | None = Field(
        None, description="Documents, STIX, MISP: which quoted indicators stay links."
    )
    live: list[str] | None = Field(
        None,
        max_length=64,
        description="Documents, STIX, MISP: hosts or URL prefixes whose links stay live "
        "(repeatable).",
    )
    annotate: bool = Field(False, description="HTML: mark each tradecraft finding.")
    scale: Scale | None = Field(
        None, description="HTML with annotate: the estimative yardstick (default icd203)."
    )
    published: str | None = Field(
        None, max_length=64, description="STIX, MISP: the ISO date of an undated brief."
    )
    publisher: str | None = Field(
        None, max_length=256, description="STIX: the publisher of a brief naming none."
    )


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
