"""Hybrid logical clock: ``"{wall_ms:015d}:{counter:06d}:{node}"`` strings whose string
order is causal order (SYNC_FORMAT.md)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

MAX_COUNTER = 999_999


@dataclass(frozen=True, order=True)
class Timestamp:
    wall_ms: int
    counter: int
    node: str

    def __str__(self) -> str:
        return f"{self.wall_ms:015d}:{self.counter:06d}:{self.node}"

    @classmethod
    def parse(cls, text: str) -> Timestamp:
        parts = text.split(":", 2)
        if len(parts) != 3 or len(parts[0]) != 15 or len(parts[1]) != 6:
            raise ValueError(f"not an HLC timestamp: {text!r}")
        if not (parts[0].isdigit() and parts[1].isdigit()) or not parts[2]:
            raise ValueError(f"not an HLC timestamp: {text!r}")
        return cls(int(parts[0]), int(parts[1]), parts[2])


def hlc_node(text: str) -> str:
    """The node (device id) part of an HLC string."""
    return Timestamp.parse(text).node


def is_valid_hlc(text: object) -> bool:
    if not isinstance(text, str):
        return False
    try:
        Timestamp.parse(text)
    except ValueError:
        return False
    return True


@dataclass
class HybridLogicalClock:
    """A clock for one node; ``last`` is persisted by the caller after each tick."""

    node: str
    last: Timestamp | None = None
    wall: Callable[[], int] = field(default=lambda: int(time.time() * 1000))

    def tick(self) -> str:
        """Stamp a local event."""
        now = self.wall()
        if self.last is None or now > self.last.wall_ms:
            ts = Timestamp(now, 0, self.node)
        else:
            ts = self._bump(self.last.wall_ms, self.last.counter)
        self.last = ts
        return str(ts)

    def observe(self, remote: str) -> None:
        """Merge a received timestamp so later local ticks sort after it."""
        r = Timestamp.parse(remote)
        now = self.wall()
        last = self.last or Timestamp(0, 0, self.node)
        wall = max(now, r.wall_ms, last.wall_ms)
        if wall == last.wall_ms == r.wall_ms:
            counter = max(last.counter, r.counter) + 1
        elif wall == last.wall_ms:
            counter = last.counter + 1
        elif wall == r.wall_ms:
            counter = r.counter + 1
        else:
            counter = 0
        if counter > MAX_COUNTER:
            wall, counter = wall + 1, 0
        self.last = Timestamp(wall, counter, self.node)

    def _bump(self, wall: int, counter: int) -> Timestamp:
        counter += 1
        if counter > MAX_COUNTER:
            wall, counter = wall + 1, 0
        return Timestamp(wall, counter, self.node)
