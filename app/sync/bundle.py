"""The ``*.cdsync`` file (SYNC_FORMAT.md): the strict reader that checks every rejection
rule (structure, manifest, signature, sizes, hashes, record counts) before anything is
applied. The records files are parsed by ``app.sync.record_codec``, new blobs copied
through ``app.sync.blob_stage``; the writer is ``app.sync.bundle_write``."""

from __future__ import annotations

import functools
import hashlib
import itertools
import re
import stat
import struct
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from app.domain.ids import is_uuid
from app.errors import BundleRejected
from app.i18n import tr
from app.sync.blob_stage import BlobStage
from app.sync.caps import Caps
from app.sync.record_codec import ParsedLines, parse_records, strict_json

FORMAT = "channeldesk-bundle"
FORMAT_VERSION = 1
SCHEMA_VERSION = 1
NAME_RE = re.compile(
    r"^(manifest\.json|manifest\.sig|records/[a-z][a-z_]{0,59}\.jsonl|blobs/[0-9a-f]{64})$"
)
CHUNK = 1024 * 1024


def reject(reason: str) -> BundleRejected:
    return BundleRejected(reason)


@dataclass
class Bundle:
    path: Path
    manifest: dict[str, Any]
    manifest_sha256: str
    records: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    blobs: dict[str, int] = field(default_factory=dict)
    # per entity: its records file as parsed (values and data texts, ParsedLines)
    lines: dict[str, ParsedLines] = field(default_factory=dict)

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


class RecordSink(Protocol):
    """What ``read_bundle`` tells a caller while it reads (HQ streams new records to
    PostgreSQL from here): the bundle once its manifest is signed and every entry listed,
    and each run of parsed lines of a records file. Lines arrive before the rest of the
    bundle is checked; whatever the sink does with them must be undone when
    ``read_bundle`` rejects the bundle."""

    def manifest(self, bundle: Bundle) -> None: ...

    def lines(self, entity: str, parsed: ParsedLines, start: int, stop: int) -> None: ...


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
                manifest = strict_json(manifest_bytes)
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
                            parsed = parse_records(
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
