"""A rule as loaded from YAML: common keys, the kind's options, and its examples."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from numcheck.records import LEVELS
from numcheck.rules.selector import Selector


@dataclass(frozen=True)
class Rule:
    """One rule: what it checks (kind and options), which claims, and how loud."""

    id: str
    kind: str
    level: str
    description: str
    message: str | None
    select: Selector
    options: dict[str, Any]
    trigger: tuple[str, ...] = ()
    passes: tuple[str, ...] = ()
    path: str = ""
    line: int = 0
    enabled: bool = True
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def severity(self) -> int:
        """Return the level as a number, higher is worse."""
        return LEVELS.index(self.level)
