"""Merge rules shared by HQ ingest and down-bundle import (SYNC_FORMAT.md): per-field
last-writer-wins by HLC with conflicts kept, append-only sealed records, tombstones."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

APPEND_ONLY = frozenset(
    {
        "visit",
        "visit_answer",
        "visit_photo",
        "visit_amendment",
        "finding",
        "rectification_event",
        "material_count",
    }
)
PER_FIELD = frozenset({"partner"})
META_KEYS = frozenset({"field_hlc", "hlc", "created_at", "updated_at"})


@dataclass
class Conflict:
    field: str
    winner_value: Any
    loser_value: Any
    winner_hlc: str
    loser_hlc: str


@dataclass
class Merged:
    data: dict[str, Any]
    field_hlc: dict[str, str]
    hlc: str
    voided: bool
    conflicts: list[Conflict] = field(default_factory=list)
    changed: bool = True


def _node(hlc: str) -> str:
    return hlc.split(":", 2)[2] if hlc.count(":") >= 2 else ""


UNSET_WALL = "000000000000000:"  # the wall-clock part of an ``unset_hlc``


def unset_hlc(node: str) -> str:
    """The HLC of a field a device sends but never wrote (a default of a card it learnt
    from HQ, which did not send that field): older than any write, so every real value
    wins over it, and never a conflict."""
    return f"{UNSET_WALL}000000:{node}"


def is_unset(hlc: str) -> bool:
    return hlc.startswith(UNSET_WALL)


def same_writer(a: str, b: str) -> bool:
    """Two HLCs stamped by the same device (or HQ): its changes are ordered by its own
    clock, so one never conflicts with another, whatever order they arrive in."""
    return _node(a) == _node(b)


def _has_seen(field_hlc: dict[str, str], hlc: str) -> bool:
    """Whether a record whose fields carry ``field_hlc`` already holds a write of
    ``hlc``'s device at or after ``hlc``. A device sends its whole card each time, so its
    older write of any field is then part of what the current values were made from: a
    later edit of another device that saw it, arriving first, is not concurrent with it."""
    node = _node(hlc)
    return any(h >= hlc and _node(h) == node for h in field_hlc.values())


def merge_fields(
    current: dict[str, Any] | None,
    current_field_hlc: dict[str, str],
    current_hlc: str,
    current_voided: bool,
    incoming: dict[str, Any],
    incoming_field_hlc: dict[str, str],
    incoming_hlc: str,
    base_hlc: str | None,
    op: str,
) -> Merged:
    """Per-field LWW. A field whose incoming HLC is newer wins; when the current value was
    written after ``base_hlc`` (a concurrent edit) and the values differ, the loser is kept
    as a conflict. A void (tombstone) wins over edits; a concurrent edit is a conflict.
    Changes stamped by the same writer are never concurrent (``same_writer``), nor is a
    field its sender never wrote (``unset_hlc``)."""
    if current is None:
        fh = {k: incoming_field_hlc.get(k, incoming_hlc) for k in incoming if k not in META_KEYS}
        return Merged(dict(incoming), fh, incoming_hlc, op == "void")
    data = dict(current)
    fh = dict(current_field_hlc)
    conflicts: list[Conflict] = []
    changed = False
    if op == "void" or current_voided:
        if op == "void" and not current_voided:
            later_edits = [
                k
                for k, h in fh.items()
                if (base_hlc is None or h > base_hlc)
                and not same_writer(h, incoming_hlc)
                and not is_unset(h)
            ]
            for key in later_edits:
                conflicts.append(Conflict(key, None, data.get(key), incoming_hlc, fh[key]))
            return Merged(data, fh, max(current_hlc, incoming_hlc), True, conflicts, True)
        if op != "void":
            edited = [
                k
                for k in incoming
                if k not in META_KEYS
                and incoming.get(k) != data.get(k)
                and not same_writer(current_hlc, h := incoming_field_hlc.get(k, incoming_hlc))
                and not is_unset(h)
            ]
            for key in edited:
                conflicts.append(
                    Conflict(
                        key,
                        None,
                        incoming[key],
                        current_hlc,
                        incoming_field_hlc.get(key, incoming_hlc),
                    )
                )
            return Merged(data, fh, current_hlc, True, conflicts, False)
        return Merged(data, fh, current_hlc, True, [], False)
    for key, value in incoming.items():
        if key in META_KEYS:
            continue
        in_h = incoming_field_hlc.get(key, incoming_hlc)
        cur_h = fh.get(key, current_hlc)
        if data.get(key) == value:
            if in_h > cur_h:
                fh[key] = in_h
            continue
        concurrent = (
            _node(cur_h) != _node(in_h)
            and (base_hlc is None or cur_h > base_hlc)
            and not is_unset(cur_h)
            and not is_unset(in_h)
        )
        if in_h > cur_h:
            if concurrent:
                conflicts.append(Conflict(key, value, data.get(key), in_h, cur_h))
            data[key], fh[key] = value, in_h
            changed = True
        elif in_h < cur_h and concurrent and not _has_seen(current_field_hlc, in_h):
            conflicts.append(Conflict(key, data.get(key), value, cur_h, in_h))
    return Merged(data, fh, max(current_hlc, incoming_hlc), False, conflicts, changed)
