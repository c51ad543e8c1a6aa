"""The server's settings: where it listens, how many workers, and its limits."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

__all__ = ["ServerSettings"]


def _cpus() -> int:
    return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class ServerSettings:
    """``workers`` render processes; at most ``queue`` requests wait for one (more get
    ``503``); a body over ``max_body`` bytes gets ``413``; a request that takes longer than
    ``timeout`` seconds, waiting included, gets ``504`` (its worker is killed and replaced).
    ``warm`` renders a small brief in every format when a worker starts."""

    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = field(default_factory=_cpus)
    queue: int = 64
    max_body: int = 8 * 1024 * 1024
    timeout: float = 60.0
    warm: bool = True

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"
