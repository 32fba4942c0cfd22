"""Hybrid logical clock: ``"{wall_ms:015d}:{counter:06d}:{node}"`` strings whose string
order is causal order (SYNC_FORMAT.md)."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field

MAX_COUNTER = 999_999
HLC_MAX = 80  # characters of a stored HLC (the ``hlc`` columns)
# the whole form: ASCII digits, and a node of 1 to 57 printable characters (no C0 or C1
# control, DEL, line or paragraph separator, lone surrogate), so that an HLC fits its
# column and prints on one line
HLC_PATTERN = r"[0-9]{15}:[0-9]{6}:[^\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]{1,57}"
_HLC = re.compile(HLC_PATTERN)


@dataclass(frozen=True, order=True)
class Timestamp:
    wall_ms: int
    counter: int
    node: str

    def __str__(self) -> str:
        return f"{self.wall_ms:015d}:{self.counter:06d}:{self.node}"

    @classmethod
    def parse(cls, text: str) -> Timestamp:
        if not _HLC.fullmatch(text):
            raise ValueError(f"not an HLC timestamp: {text!r}")
        return cls(int(text[:15]), int(text[16:22]), text[23:])


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
