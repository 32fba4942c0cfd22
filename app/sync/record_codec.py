"""One record line of a ``records/*.jsonl`` entry (SYNC_FORMAT.md): its canonical
encoding (``encode_line``, what the exporter writes), the strict parser of a whole
records file (a fast path in C for canonical files, a line reader that gives each
rejection its line number) and the shape check of one record (``validate_record``)."""

from __future__ import annotations

import collections
import json
import math
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import msgspec

from app.domain.hlc import HLC_PATTERN, is_valid_hlc
from app.domain.ids import is_uuid
from app.errors import BundleRejected
from app.i18n import tr

_LINE_ENCODER = json.JSONEncoder(
    ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False, check_circular=False
)


def encode_line(row: Any) -> str:
    """Canonical compact JSON of one record (sorted keys, UTF-8, no NaN)."""
    return _LINE_ENCODER.encode(row)


UUID_RE = re.compile(r"\A[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z")
HLC_RE = re.compile(rf"\A{HLC_PATTERN}\Z")


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise ValueError(f"duplicate key {key}")
            seen.add(key)
    return result


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def _finite_float(text: str) -> float:
    """A JSON number as float; one too large for a float (``1e400``) is refused rather
    than read as infinity, which no JSON column could store back."""
    value = float(text)
    if value in (math.inf, -math.inf):
        raise ValueError(f"{text} is out of range")
    return value


_STRICT_DECODER = json.JSONDecoder(
    object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constants, parse_float=_finite_float
)
# ``raw_decode`` parses one value at a position and says where it ended (public API)
_SCAN = _STRICT_DECODER.raw_decode
_SCAN_ERRORS = (StopIteration, ValueError, RecursionError)


def strict_json(data: bytes) -> Any:
    """Strict JSON (no duplicate keys, no NaN/Infinity) from UTF-8 bytes."""
    return _STRICT_DECODER.decode(data.decode("utf-8"))


@dataclass
class ParsedLines:
    """The values of a ``records/*.jsonl`` entry, and for each line in the exporter's
    layout the text of its ``data`` value (None for other lines)."""

    rows: list[Any]
    data_text: list[str | None]


# the exporter's line layout around the ``data`` value (``encode_line``: sorted keys,
# compact): strings without escapes, quotes or control characters, so each is its value
_PLAIN = r'[^"\\\x00-\x1f]*'
_LINE_HEAD = re.compile(r'\{"base_hlc":(?:null|"(' + _PLAIN + r')"),"data":')
_LINE_TAIL = re.compile(
    r',"hlc":"(' + _PLAIN + r')","id":"(' + _PLAIN + r')","op":"(' + _PLAIN + r')"\}'
)


_NO_BASE: Any = object()  # parse_records: the line starts {"base_hlc":null,"data":


def _parse_lines(name: str, raw: bytes) -> list[Any]:
    """One strict JSON value per line (the last line may lack its newline)."""
    return parse_records(name, raw).rows


SINK_LINES = 4096  # parsed lines per call of ``on_lines`` (bundle.RecordSink.lines)


def parse_records(
    name: str, raw: bytes, on_lines: Callable[[ParsedLines, int, int], None] | None = None
) -> ParsedLines:
    """One strict JSON value per line (the last line may lack its newline).

    A line in the exporter's layout, ``{"base_hlc":B,"data":`` + DATA +
    ``,"hlc":"H","id":"I","op":"O"}`` with B null or a plain string and H, I, O plain
    strings (no escape, quote or control character), is read as such: the strict C
    scanner reads DATA, which must end where the tail begins, and the tail must end the
    line; the result is the object the strict parser gives for the whole line (five
    distinct keys), and DATA's text is kept. Any other line is scanned whole, and must
    end exactly at its newline; anything else (whitespace, bad UTF-8, errors) goes
    through the per-line parser, which gives the rejection with its line number.

    ``on_lines(parsed, start, stop)`` hears of each run of ``SINK_LINES`` lines (and the
    rest) as soon as they are parsed.

    A whole file in canonical form (what the exporter writes) is read in C first
    (``_parse_canonical``); any other file line by line as above."""
    canonical = _parse_canonical(raw, on_lines)
    if canonical is not None:
        return canonical

    def one_line(number: int, line: bytes) -> Any:
        try:
            return strict_json(line)
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            raise BundleRejected(
                tr("sync", "{name} line {line}: not valid JSON").format(name=name, line=number)
            ) from exc

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        lines = raw.split(b"\n")
        if lines and lines[-1] == b"":
            lines.pop()
        values = [one_line(number, line) for number, line in enumerate(lines, start=1)]
        result = ParsedLines(values, [None] * len(values))
        if on_lines is not None and values:
            on_lines(result, 0, len(values))
        return result
    rows: list[Any] = []
    texts: list[str | None] = []
    result = ParsedLines(rows, texts)
    told, next_told = 0, SINK_LINES if on_lines is not None else -1
    append, add_text, scan, find = rows.append, texts.append, _SCAN, text.find
    head, tail, starts = _LINE_HEAD.match, _LINE_TAIL.fullmatch, text.startswith
    pos, size, number = 0, len(text), 0
    while pos < size:
        number += 1
        stop = find("\n", pos)
        if stop < 0:
            stop = size
        # most lines have no base_hlc: a plain prefix test before the pattern
        front = _NO_BASE if starts('{"base_hlc":null,"data":', pos) else head(text, pos)
        if front is not None:
            start = pos + 24 if front is _NO_BASE else front.end()
            try:
                data, end = scan(text, start)
            except _SCAN_ERRORS:
                end = -1
            back = tail(text, end, stop) if start < end <= stop else None
            if back is not None:
                append(
                    {
                        "base_hlc": None if front is _NO_BASE else front[1],
                        "data": data,
                        "hlc": back[1],
                        "id": back[2],
                        "op": back[3],
                    }
                )
                add_text(text[start:end])
                pos = stop + 1
                if number == next_told:
                    on_lines(result, told, number)  # type: ignore[misc]
                    told, next_told = number, number + SINK_LINES
                continue
        try:
            value, end = scan(text, pos)
        except _SCAN_ERRORS:
            end = -1
        if end != stop:
            value = one_line(number, text[pos:stop].encode("utf-8"))
        append(value)
        add_text(None)
        pos = stop + 1
        if number == next_told:
            on_lines(result, told, number)  # type: ignore[misc]
            told, next_told = number, number + SINK_LINES
    if on_lines is not None and told < number:
        on_lines(result, told, number)
    return result


_LINES_DECODER = msgspec.json.Decoder()
_RECORD_ITEMS = operator.itemgetter("base_hlc", "data", "hlc", "id", "op")
_CANONICAL = msgspec.json.Encoder(order="sorted")
# what the fast path leaves to the line reader (it only gives up, never rejects)
_CANONICAL_MISSES = (msgspec.MsgspecError, ValueError, TypeError, KeyError, RecursionError)


CANONICAL_BYTES = 1024 * 1024  # lines read per pair of C calls (ends at a line's end)


def _parse_canonical(
    raw: bytes, on_lines: Callable[[ParsedLines, int, int], None] | None = None
) -> ParsedLines | None:
    """A records file read in C when every line is the canonical encoding of its value
    (sorted keys, compact, UTF-8, as ``encode_line`` writes it) and every value an
    object with exactly a record's keys; None for any other file.

    msgspec decodes the lines, and the file must be byte for byte the re-encoding of
    what it read, one line per value with no blank line. Whatever the strict reader
    refuses cannot pass that test: a repeated key reads as one key and re-encodes
    shorter, NaN and raw control characters do not decode, a number out of a float's
    range does not decode or re-encodes differently. So the values are the ones the
    strict reader gives, and the canonical text of each ``data`` is the bundle's own.

    The file is read ``CANONICAL_BYTES`` at a time, and ``on_lines`` hears of each
    part's lines once it passed (between the C calls, HQ's COPY thread gets to send
    them). A part that does not pass makes the whole file go to the line reader, which
    tells ``on_lines`` of every line again (the stream then sees ids twice and stops)."""
    rows: list[Any] = []
    texts: list[str | None] = []
    result = ParsedLines(rows, texts)
    start, size = 0, len(raw)
    while start < size:
        stop = raw.find(b"\n", min(start + CANONICAL_BYTES, size - 1)) + 1 or size
        part = raw[start:stop]
        try:
            got = _LINES_DECODER.decode_lines(part)
            encoded = _CANONICAL.encode_lines(got)
            if encoded != part and (part[-1:] == b"\n" or encoded != part + b"\n"):
                return None
            del encoded
            # objects of five keys, each of the record's there (a missing one: KeyError)
            if set(map(type, got)) != {dict} or set(map(len, got)) != {len(RECORD_KEYS)}:
                return None
            collections.deque(map(_RECORD_ITEMS, got), maxlen=0)
            got_texts = (
                _CANONICAL.encode_lines([row["data"] for row in got]).decode("utf-8").split("\n")
            )
        except _CANONICAL_MISSES:
            return None
        got_texts.pop()  # after the last newline
        told = len(rows)
        rows.extend(got)
        texts.extend(got_texts)
        if on_lines is not None:
            for first in range(told, len(rows), SINK_LINES):
                on_lines(result, first, min(first + SINK_LINES, len(rows)))
        start = stop
    return result


RECORD_KEYS = frozenset({"id", "hlc", "op", "base_hlc", "data"})
OPS = ("upsert", "void")


def validate_record(entity: str, row: Any, node: str | None) -> str | None:
    """Shape of one record line; a reason when it is invalid. With ``node`` the HLC must
    come from that device (field bundles); HQ relays other devices' HLCs (node None)."""
    if not isinstance(row, dict) or row.keys() != RECORD_KEYS:
        return tr("sync", "{entity}: a record has missing or extra keys").format(entity=entity)
    rid, hlc, base = row["id"], row["hlc"], row["base_hlc"]
    if not isinstance(rid, str) or not (UUID_RE.match(rid) or is_uuid(rid)):
        return tr("sync", "{entity}: record id is not a UUID").format(entity=entity)
    if not isinstance(hlc, str) or not (HLC_RE.match(hlc) or is_valid_hlc(hlc)):
        return tr("sync", "{entity} {id}: the HLC is malformed").format(entity=entity, id=rid)
    if node is not None and not hlc.endswith(":" + node):
        return tr("sync", "{entity} {id}: the HLC is not from this device").format(
            entity=entity, id=rid
        )
    if base is not None and not _valid_hlc(base):
        return tr("sync", "{entity} {id}: base_hlc is malformed").format(entity=entity, id=rid)
    data = row["data"]
    if not isinstance(data, dict) or row["op"] not in OPS:
        return tr("sync", "{entity} {id}: op or data is malformed").format(entity=entity, id=rid)
    if "field_hlc" in data:
        field_hlc = data["field_hlc"]
        if field_hlc is not None and (
            not isinstance(field_hlc, dict)
            or not all(isinstance(h, str) for h in field_hlc.values())
        ):
            return tr("sync", "{entity} {id}: field_hlc is malformed").format(entity=entity, id=rid)
    return None


def _valid_hlc(value: Any) -> bool:
    """``is_valid_hlc`` with a fast path for the canonical form."""
    return isinstance(value, str) and (HLC_RE.match(value) is not None or is_valid_hlc(value))
