"""How the reference server (``refserver``) misbehaves when told to: fail the next N calls or a
random fraction of them (500/503 with ``Retry-After``), answer slowly, apply a request and then
drop the connection, keep JSON:API read-only, or act as a host without the 2023 workflow route.
``POST /_control`` sets these; ``Faults.decide`` picks each call's fate.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass
class Faults:
    """How the server misbehaves. Counters run down as calls come in."""

    fail_next: int = 0
    fail_rate: float = 0.0
    fail_status: int = 503
    retry_after: float | None = None
    drop_next: int = 0
    drop_rate: float = 0.0
    delay: float = 0.0
    read_only: bool = False
    legacy: bool = False  # a host without the 2023 workflow route (404): drafts only

    def decide(self, rng: random.Random) -> tuple[str | None, float]:
        """This call's fate: ("fail", delay) / ("drop", delay) / (None, delay); counters run down."""
        if self.fail_next > 0:
            self.fail_next -= 1
            return "fail", self.delay
        if self.fail_rate and rng.random() < self.fail_rate:
            return "fail", self.delay
        if self.drop_next > 0:
            self.drop_next -= 1
            return "drop", self.delay
        if self.drop_rate and rng.random() < self.drop_rate:
            return "drop", self.delay
        return None, self.delay
