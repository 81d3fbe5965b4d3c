"""What one sync did, for the faces to show: counts, and every refusal and conflict by name."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Report:
    staged: int = 0
    pushed: int = 0
    pulled: int = 0          # changes read from the hub (this device's own included)
    applied: int = 0         # other devices' changes that changed something here
    already_here: int = 0    # other devices' changes this library held already, as they came (a copy's own rows)
    confirmed: int = 0       # this device's changes the hub gave back in its order
    refused: list[str] = field(default_factory=list)    # quarantined, each with its reason
    conflicts: list[str] = field(default_factory=list)  # records that came into conflict
    held: list[str] = field(default_factory=list)       # local changes not sent, and why
    warnings: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)    # protocols the unlocked profile was removed from
    retractions: dict[str, int] = field(default_factory=dict)  # CHM target: records the pull queued to take down
    hub_seq: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"staged": self.staged, "pushed": self.pushed, "pulled": self.pulled, "applied": self.applied,
                "already_here": self.already_here,
                "confirmed": self.confirmed, "refused": self.refused, "conflicts": self.conflicts, "held": self.held,
                "warnings": self.warnings, "removed": self.removed, "retractions": self.retractions,
                "hub_seq": self.hub_seq}
