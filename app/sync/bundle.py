"""The ``*.cdsync`` file (SYNC_FORMAT.md): a streaming writer (records deflated, blobs
stored, manifest with sizes/hashes/counts, Ed25519 signature) and a strict reader that
checks every rejection rule before anything is applied."""

from __future__ import annotations

import base64
import collections
import functools
import hashlib
import itertools
import json
import math
import operator
import os
import re
import stat
import struct
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import msgspec

from app.domain.hlc import is_valid_hlc
from app.domain.ids import is_uuid
from app.errors import BundleRejected
from app.i18n import tr

FORMAT = "channeldesk-bundle"
FORMAT_VERSION = 1
SCHEMA_VERSION = 1
NAME_RE = re.compile(
    r"^(manifest\.json|manifest\.sig|records/[a-z][a-z_]{0,59}\.jsonl|blobs/[0-9a-f]{64})$"
)
CHUNK = 1024 * 1024
_LINE_ENCODER = json.JSONEncoder(
    ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False, check_circular=False
)


def encode_line(row: Any) -> str:
    """Canonical compact JSON of one record (sorted keys, UTF-8, no NaN)."""
    return _LINE_ENCODER.encode(row)


UUID_RE = re.compile(r"\A[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z")
HLC_RE = re.compile(r"\A[0-9]{15}:[0-9]{6}:[^\n]+\Z")


@dataclass(frozen=True)
class Caps:
    bundle_bytes: int = 4 * 1024**3
    entries: int = 200_000
    manifest_bytes: int = 4 * 1024**2
    records_bytes: int = 256 * 1024**2
    blob_bytes: int = 100 * 1024**2
    ratio: int = 200
    total_bytes: int = 8 * 1024**3


@dataclass(frozen=True)
class ExportCaps:
    """What one exported bundle may hold: below HQ's default ``Caps`` with a margin
    (each blob is one entry and one ~171-byte manifest line — measured: 20 000 photos make
    a 3.43 MB manifest —, so 22 000 blobs ≈ 3.6 MiB of the 4 MiB manifest). An export over
    them holds a prefix in HLC order (SYNC_FORMAT.md)."""

    bundle_bytes: int = 3584 * 1024**2
    entries: int = 150_000
    blobs: int = 22_000
    records_bytes: int = 200 * 1024**2


def reject(reason: str) -> BundleRejected:
    return BundleRejected(reason)


# -- reading --------------------------------------------------------------------------


@dataclass
class Bundle:
    path: Path
    manifest: dict[str, Any]
    manifest_sha256: str
    records: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    blobs: dict[str, int] = field(default_factory=dict)
    # per entity: its records file as parsed (values and data texts, ParsedLines)
    lines: dict[str, ParsedLines] = field(default_factory=dict)
    # per entity: the set of its record ids, once a validation has accepted every record
    ids: dict[str, set[str]] = field(default_factory=dict)

    staged: list[tuple[Path, Path]] = field(default_factory=list)

    def data_texts(self, entity: str, start: int, stop: int) -> list[str | None]:
        """The JSON text of ``data`` of records ``start:stop`` of ``entity`` as it stands
        in the bundle, for each line in the exporter's layout, else None."""
        parsed = self.lines.get(entity)
        if parsed is None:
            return [None] * len(self.records[entity][start:stop])
        return parsed.data_text[start:stop]

    def open_blob(self, sha: str):  # type: ignore[no-untyped-def]
        zf = zipfile.ZipFile(self.path)
        return zf, zf.open(f"blobs/{sha}")


class BlobStage:
    """Copies of a bundle's new blobs made while the reader hashes them (one read of each
    photo): temporary files next to their place in a content-addressed store
    (``root/ab/<sha256>``). Nothing is published here: the caller renames them into place
    once the whole bundle is valid (``Bundle.staged``), or calls ``discard``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.staged: list[tuple[Path, Path]] = []
        self._folders: set[Path] = set()

    def open(self, sha: str) -> Any:
        """A binary file to copy blob ``sha`` into, or None when the store has it."""
        target = self.root / sha[:2] / sha
        if target.exists():
            return None
        if target.parent not in self._folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(target.parent)
        tmp = target.with_name(f".{sha}.{os.getpid()}.tmp")
        self.staged.append((tmp, target))
        return tmp.open("wb")

    def discard(self) -> None:
        for tmp, _target in self.staged:
            tmp.unlink(missing_ok=True)
        self.staged.clear()


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


def _strict_json(data: bytes) -> Any:
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


_NO_BASE: Any = object()  # _parse_records: the line starts {"base_hlc":null,"data":


def _parse_lines(name: str, raw: bytes) -> list[Any]:
    """One strict JSON value per line (the last line may lack its newline)."""
    return _parse_records(name, raw).rows


class RecordSink(Protocol):
    """What ``read_bundle`` tells a caller while it reads (HQ streams new records to
    PostgreSQL from here): the bundle once its manifest is signed and every entry listed,
    and each run of parsed lines of a records file. Lines arrive before the rest of the
    bundle is checked; whatever the sink does with them must be undone when
    ``read_bundle`` rejects the bundle."""

    def manifest(self, bundle: Bundle) -> None: ...

    def lines(self, entity: str, parsed: ParsedLines, start: int, stop: int) -> None: ...


SINK_LINES = 4096  # parsed lines per RecordSink.lines call


def _parse_records(
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
            return _strict_json(line)
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            raise reject(
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


def _read_entry(
    zf: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    cap: int,
    ratio: int,
    sink: Callable[[bytes], None] | None = None,
    hashed: bool = True,
) -> tuple[int, str]:
    """Stream one entry counting real bytes (never trusting the header); its SHA-256
    unless ``hashed`` is False (then "")."""
    digest: Any = hashlib.sha256() if hashed else None
    size = 0
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(CHUNK)
            if not chunk:
                break
            size += len(chunk)
            if size > cap:
                raise reject(
                    tr("sync", "entry {name} is larger than allowed").format(name=info.filename)
                )
            if (
                info.compress_size
                and size > ratio * max(info.compress_size, 1)
                and size > 1024 * 1024
            ):
                raise reject(
                    tr("sync", "entry {name} expands more than {ratio}:1 (zip bomb)").format(
                        name=info.filename, ratio=ratio
                    )
                )
            if digest is not None:
                digest.update(chunk)
            if sink is not None:
                sink(chunk)
    return size, digest.hexdigest() if digest is not None else ""


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _check_structure(zf: zipfile.ZipFile, size: int, caps: Caps) -> list[zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > caps.entries:
        raise reject(tr("sync", "too many entries ({count})").format(count=len(infos)))
    seen: set[str] = set()
    for info in infos:
        name = info.filename
        if name in seen:
            raise reject(tr("sync", "duplicate entry {name}").format(name=name))
        seen.add(name)
        if (
            name.startswith("/")
            or "\\" in name
            or ".." in name.split("/")
            or name.endswith("/")
            or info.is_dir()
        ):
            raise reject(tr("sync", "unsafe entry name {name}").format(name=name))
        if not NAME_RE.match(name):
            raise reject(tr("sync", "unexpected entry {name}").format(name=name))
        if stat.S_ISLNK(info.external_attr >> 16):
            raise reject(tr("sync", "entry {name} is a symbolic link").format(name=name))
        if info.flag_bits & 0x1:
            raise reject(tr("sync", "entry {name} is encrypted").format(name=name))
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise reject(
                tr("sync", "entry {name} uses an unsupported compression").format(name=name)
            )
    spans = []
    with open(zf.filename, "rb") as raw:  # type: ignore[arg-type]
        for info in infos:
            raw.seek(info.header_offset)
            header = raw.read(30)
            if len(header) < 30 or header[:4] != b"PK\x03\x04":
                raise reject(
                    tr("sync", "entry {name} has a damaged header").format(name=info.filename)
                )
            name_len, extra_len = struct.unpack("<HH", header[26:30])
            start = info.header_offset
            end = start + 30 + name_len + extra_len + info.compress_size
            if end > size:
                raise reject(tr("sync", "the file is truncated"))
            spans.append((start, end, info.filename))
    spans.sort()
    for (_s1, e1, n1), (s2, _e2, n2) in itertools.pairwise(spans):
        if s2 < e1:
            raise reject(tr("sync", "entries {a} and {b} overlap").format(a=n1, b=n2))
    return infos


def read_bundle(
    path: Path,
    caps: Caps,
    public_key_for: Callable[[dict[str, Any]], str],
    schema_version: int = SCHEMA_VERSION,
    expected_kind: str = "field",
    stage: BlobStage | None = None,
    sink: RecordSink | None = None,
) -> Bundle:
    """Validate everything (rules 1–6 of the spec) and load the records; raises
    ``BundleRejected`` with a one-line reason. ``public_key_for(manifest)`` returns the
    signer's base64 public key or raises ``BundleRejected``. With ``stage``, new blobs
    are copied while they are hashed (listed in ``Bundle.staged``); on any error the
    caller discards them. ``sink`` hears of the bundle and its records while they are
    read (see ``RecordSink``; it must not raise)."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise reject(
            tr("sync", "cannot read the file: {error}").format(error=exc.strerror or exc)
        ) from exc
    if size > caps.bundle_bytes:
        raise reject(
            tr("sync", "the file is larger than the {cap} byte limit").format(cap=caps.bundle_bytes)
        )
    if not zipfile.is_zipfile(path):
        raise reject(tr("sync", "not a ChannelDesk bundle (not a ZIP file, or truncated)"))
    try:
        with zipfile.ZipFile(path) as zf:
            infos = _check_structure(zf, size, caps)
            by_name = {i.filename: i for i in infos}
            if "manifest.json" not in by_name:
                raise reject(tr("sync", "manifest.json is missing"))
            if "manifest.sig" not in by_name:
                raise reject(tr("sync", "the signature (manifest.sig) is missing"))
            if by_name["manifest.json"].file_size > caps.manifest_bytes:
                raise reject(tr("sync", "manifest.json is larger than allowed"))
            chunks: list[bytes] = []
            _read_entry(
                zf, by_name["manifest.json"], caps.manifest_bytes, caps.ratio, chunks.append
            )
            manifest_bytes = b"".join(chunks)
            try:
                manifest = _strict_json(manifest_bytes)
            except (ValueError, UnicodeDecodeError) as exc:
                raise reject(
                    tr("sync", "manifest.json is not valid JSON ({error})").format(error=exc)
                ) from exc
            _check_manifest(manifest, schema_version, expected_kind)
            sig = zf.read(by_name["manifest.sig"]).decode("ascii", "replace").strip()
            from app.sync.signing import verify

            public_key = public_key_for(manifest)
            if not verify(public_key, manifest_bytes, sig):
                raise reject(tr("sync", "the signature is not valid"))
            listed = {f["path"]: f for f in manifest["files"]}
            present = set(by_name) - {"manifest.json", "manifest.sig"}
            if present - set(listed):
                raise reject(
                    tr("sync", "entry {name} is not listed in the manifest").format(
                        name=sorted(present - set(listed))[0]
                    )
                )
            if set(listed) - present:
                raise reject(
                    tr("sync", "listed entry {name} is absent").format(
                        name=sorted(set(listed) - present)[0]
                    )
                )
            bundle = Bundle(path, manifest, hashlib.sha256(manifest_bytes).hexdigest())
            if sink is not None:
                sink.manifest(bundle)
            total = 0
            hasher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bundle-sha256")
            try:
                for name, entry in listed.items():
                    info = by_name[name]
                    if name.startswith("records/"):
                        buf: list[bytes] = []
                        got, _ = _read_entry(
                            zf, info, caps.records_bytes, caps.ratio, buf.append, hashed=False
                        )
                        raw = b"".join(buf)
                        del buf
                        # hashed on a helper thread (hashlib lets go of the interpreter) while
                        # this one parses; the checks keep their order (parse, count, hash)
                        sha = hasher.submit(_sha256, raw)
                        entity = name[len("records/") : -len(".jsonl")]
                        try:
                            parsed = _parse_records(
                                name,
                                raw,
                                functools.partial(sink.lines, entity) if sink is not None else None,
                            )
                        finally:
                            digest = sha.result()
                        del raw
                        if entry.get("records") != len(parsed.rows):
                            raise reject(
                                tr("sync", "{name}: record count differs from the manifest").format(
                                    name=name
                                )
                            )
                        bundle.records[entity] = parsed.rows
                        bundle.lines[entity] = parsed
                    else:
                        out = stage.open(name[len("blobs/") :]) if stage is not None else None
                        try:
                            got, digest = _read_entry(
                                zf,
                                info,
                                caps.blob_bytes,
                                caps.ratio,
                                out.write if out is not None else None,
                            )
                        finally:
                            if out is not None:
                                out.close()
                        if digest != name[len("blobs/") :]:
                            raise reject(
                                tr("sync", "blob {name} does not match its hash").format(
                                    name=name[6:18]
                                )
                            )
                        bundle.blobs[digest] = got
                    if got != entry.get("size") or digest != entry.get("sha256"):
                        raise reject(
                            tr(
                                "sync", "entry {name} differs from the manifest (size or SHA-256)"
                            ).format(name=name)
                        )
                    total += got
                    if total > caps.total_bytes:
                        raise reject(tr("sync", "the bundle expands to more than allowed"))
            finally:
                hasher.shutdown()
            if stage is not None:
                bundle.staged = list(stage.staged)
    except BundleRejected:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        OSError,
        ValueError,
        KeyError,
        TypeError,
        RuntimeError,
        NotImplementedError,
    ) as exc:
        raise reject(tr("sync", "damaged bundle ({error})").format(error=exc)) from exc
    return bundle


def _check_manifest(manifest: Any, schema_version: int, kind: str) -> None:
    if not isinstance(manifest, dict):
        raise reject(tr("sync", "manifest.json is not a JSON object"))
    if manifest.get("format") != FORMAT or manifest.get("format_version") != FORMAT_VERSION:
        raise reject(tr("sync", "not a ChannelDesk bundle of a known format version"))
    version = manifest.get("schema_version")
    if not isinstance(version, int):
        raise reject(tr("sync", "the manifest has no schema version"))
    if version > schema_version:
        raise reject(
            tr(
                "sync",
                "the bundle comes from a newer ChannelDesk (schema {version}); update ChannelDesk",
            ).format(version=version)
        )
    if manifest.get("kind") != kind:
        raise reject(tr("sync", "wrong bundle kind {kind}").format(kind=manifest.get("kind")))
    for key in ("bundle_id", "device_id"):
        if not isinstance(manifest.get(key), str) or not is_uuid(manifest[key]):
            raise reject(tr("sync", "the manifest's {key} is not a UUID").format(key=key))
    seq = manifest.get("seq")
    if type(seq) is not int or not 1 <= seq <= MAX_SEQ:
        raise reject(
            tr("sync", "the manifest's seq is not a whole number from 1 to {max}").format(
                max=MAX_SEQ
            )
        )
    base = manifest.get("base_ack_seq", 0)
    if type(base) is not int or not 0 <= base <= MAX_SEQ:
        raise reject(
            tr("sync", "the manifest's base_ack_seq is not a whole number from 0 to {max}").format(
                max=MAX_SEQ
            )
        )
    if not isinstance(manifest.get("files"), list) or not all(
        isinstance(f, dict) and isinstance(f.get("path"), str) for f in manifest["files"]
    ):
        raise reject(tr("sync", "the manifest's file list is malformed"))
    if len({f["path"] for f in manifest["files"]}) != len(manifest["files"]):
        raise reject(tr("sync", "the manifest lists an entry twice"))
    for entry in manifest["files"]:
        # sizes and counts bounded before use (they are compared with what is read)
        if any(
            key in entry and (type(entry[key]) is not int or not 0 <= entry[key] <= MAX_FILE_NUMBER)
            for key in ("size", "records")
        ):
            raise reject(
                tr(
                    "sync", "the manifest's entry {name} has a size or record count out of range"
                ).format(name=entry["path"][:80])
            )


# seq and base_ack_seq: a 32-bit integer column at HQ (PostgreSQL's INTEGER); a device
# exporting one bundle a second would need 68 years to reach it
MAX_SEQ = 2**31 - 1
MAX_FILE_NUMBER = 2**62  # any size or record count a real bundle could state is far below
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
    if (
        not isinstance(hlc, str)
        or not (HLC_RE.match(hlc) or is_valid_hlc(hlc))
        or (node is not None and not hlc.endswith(":" + node))
    ):
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


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
