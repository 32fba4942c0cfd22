"""Backup and restore: a consistent snapshot (SQLite online backup API) plus the media
store in one ZIP with a manifest of every file's size and SHA-256. Backups are written to
a temporary name and renamed, so an interrupted backup never looks valid; restore verifies
every hash before replacing anything and keeps the previous data as a dated copy."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from app import __version__
from app.atomic import Durability, atomic_path, temporary_sibling
from app.errors import UserError
from app.i18n import tr
from app.paths import DataPaths
from app.services.context import AppContext
from app.services.datadir import DataDirLock
from app.services.opening import open_context
from app.services.progress import Progress
from db.migrate import head_revision, known_revisions

FORMAT = "channeldesk-backup"
DB_ENTRY = "channeldesk.sqlite"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def create_backup(ctx: AppContext, target: Path, progress: Progress | None = None) -> Path:
    """Write exactly ``target`` (atomically, owner-only: it holds the device's private key).
    A damaged database is refused: a backup of it would only look like a way back."""
    target = Path(target).absolute()
    tmp = temporary_sibling(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with (
            ctx.temporary(tmp),
            atomic_path(target, Durability.SYNC, private=True) as tmp,
            tempfile.TemporaryDirectory(dir=ctx.paths.tmp) as work,
        ):
            snapshot = Path(work) / DB_ENTRY
            src = sqlite3.connect(ctx.paths.database)
            dst = sqlite3.connect(snapshot)
            try:
                src.backup(dst)
            finally:
                dst.close()
                src.close()
            problem = database_problem(snapshot)
            if problem:
                raise UserError(
                    tr(
                        "backup",
                        "The database is damaged ({problem}); no backup was written. Run 'channeldesk check' "
                        "and restore an earlier backup.",
                    ).format(problem=problem)
                )
            media = sorted(
                p for p in ctx.paths.media.rglob("*") if p.is_file() and not p.name.startswith(".")
            )
            extras = sorted(
                p for p in ctx.paths.keys.glob("*") if p.is_file() and not p.name.startswith(".")
            )
            if ctx.paths.settings_file.exists():
                extras.append(ctx.paths.settings_file)
            files = [
                {"path": DB_ENTRY, "size": snapshot.stat().st_size, "sha256": _sha256(snapshot)}
            ]
            with zipfile.ZipFile(tmp, "w", zipfile.ZIP_STORED, allowZip64=True) as zf:
                zf.write(snapshot, DB_ENTRY)
                for index, path in enumerate(media):
                    if progress is not None:
                        progress(index, len(media), path.name)
                    rel = "media/" + path.relative_to(ctx.paths.media).as_posix()
                    files.append(
                        {"path": rel, "size": path.stat().st_size, "sha256": _sha256(path)}
                    )
                    zf.write(path, rel)
                for path in extras:
                    rel = path.relative_to(ctx.paths.root).as_posix()
                    files.append(
                        {"path": rel, "size": path.stat().st_size, "sha256": _sha256(path)}
                    )
                    zf.write(path, rel)
                manifest = {
                    "format": FORMAT,
                    "app_version": __version__,
                    "schema_revision": head_revision(),
                    "created_at": dt.datetime.now(dt.UTC).isoformat(),
                    "files": files,
                }
                zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise UserError(
                tr(
                    "backup",
                    "The disk holding {file} is full; no backup was written. Free some space or choose "
                    "another place.",
                ).format(file=target)
            ) from exc
        raise UserError(
            tr("backup", "Cannot write the backup {file}: {error}").format(
                file=target, error=exc.strerror or exc
            )
        ) from exc
    return target


def database_problem(path: Path) -> str:
    """Why the SQLite file ``path`` cannot be trusted ("" when it is sound): not SQLite,
    fails ``PRAGMA integrity_check``, or has a schema revision this build does not know."""
    try:
        with path.open("rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                return tr("backup", "not an SQLite database")
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            lines = [row[0] for row in conn.execute("PRAGMA integrity_check(5)")]
            if lines != ["ok"]:
                return "integrity_check: " + "; ".join(str(line) for line in lines)
            try:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            except sqlite3.DatabaseError:
                row = None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    except OSError as exc:
        return str(exc.strerror or exc)
    if row is None or row[0] not in known_revisions():
        return tr("backup", "database revision {rev} is unknown to this ChannelDesk").format(
            rev=row[0] if row else "-"
        )
    return ""


def _entries(manifest: object, path: Path) -> list[dict[str, object]]:
    """The manifest's ``files``, each checked for shape and a safe relative path."""
    files = manifest.get("files") if isinstance(manifest, dict) else None
    if not isinstance(files, list) or not files:
        raise UserError(
            tr(
                "backup",
                "{file} is damaged: its manifest has no list of files; nothing was changed.",
            ).format(file=path.name)
        )
    for entry in files:
        ok = (
            isinstance(entry, dict)
            and isinstance(entry.get("path"), str)
            and isinstance(entry.get("sha256"), str)
        )
        name = entry.get("path") if isinstance(entry, dict) else None
        if (
            not ok
            or not name
            or ".." in str(name).split("/")
            or str(name).startswith(("/", "\\"))
            or ":" in str(name)
        ):
            raise UserError(
                tr(
                    "backup",
                    "{file} is damaged: its manifest lists an invalid entry; nothing was changed.",
                ).format(file=path.name)
            )
    if DB_ENTRY not in {entry["path"] for entry in files}:
        raise UserError(
            tr("backup", "{file} is damaged: {entry} is missing.").format(
                file=path.name, entry=DB_ENTRY
            )
        )
    return files


def verify_backup(path: Path, progress: Progress | None = None) -> dict:  # type: ignore[type-arg]
    """The manifest of a valid backup; ``UserError`` naming the problem otherwise. Every
    file's hash is checked, and the database inside must be a sound SQLite file at a
    revision this build knows."""
    path = Path(path)
    if path.is_dir():
        raise UserError(tr("import", "{file} is a folder, not a file.").format(file=path))
    if not path.is_file():
        raise UserError(tr("backup", "Backup file not found: {file}").format(file=path))
    try:
        with zipfile.ZipFile(path) as zf:
            manifest = json.loads(zf.read("manifest.json"))
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                raise UserError(
                    tr("backup", "{file} is not a ChannelDesk backup.").format(file=path.name)
                )
            revision = manifest.get("schema_revision")
            if not isinstance(revision, str) or revision not in known_revisions():
                raise UserError(
                    tr(
                        "backup",
                        "{file} was made by a newer ChannelDesk (database revision {rev}); update "
                        "ChannelDesk to restore it.",
                    ).format(file=path.name, rev=revision)
                )
            names = set(zf.namelist())
            entries = _entries(manifest, path)
            for index, entry in enumerate(entries):
                if progress is not None:
                    progress(
                        index,
                        len(entries),
                        tr("backup", "Checking {entry}").format(entry=entry["path"]),
                    )
                if entry["path"] not in names:
                    raise UserError(
                        tr("backup", "{file} is damaged: {entry} is missing.").format(
                            file=path.name, entry=entry["path"]
                        )
                    )
                digest = hashlib.sha256()
                with zf.open(str(entry["path"])) as fh:
                    for chunk in iter(lambda: fh.read(1024 * 1024), b""):
                        digest.update(chunk)
                if digest.hexdigest() != entry["sha256"]:
                    raise UserError(
                        tr(
                            "backup", "{file} is damaged: {entry} does not match its checksum."
                        ).format(file=path.name, entry=entry["path"])
                    )
            with tempfile.TemporaryDirectory() as work:
                inner = Path(work) / DB_ENTRY
                with zf.open(DB_ENTRY) as src, inner.open("wb") as dst:
                    shutil.copyfileobj(src, dst, 1024 * 1024)
                problem = database_problem(inner)
            if problem:
                raise UserError(
                    tr(
                        "backup",
                        "{file} cannot be restored: the database inside is not usable "
                        "({problem}); nothing was changed.",
                    ).format(file=path.name, problem=problem)
                )
    except (
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        OSError,
        EOFError,
        zipfile.LargeZipFile,
    ) as exc:
        raise UserError(
            tr(
                "backup", "{file} is damaged or not a backup ({error}); nothing was changed."
            ).format(file=path.name, error=exc)
        ) from exc
    return manifest


_NOT_DATA = {"channeldesk.lock", "run"}  # the lock and its holders' records (``datadir``)


def _has_data(root: Path) -> bool:
    return root.is_dir() and any(entry.name not in _NOT_DATA for entry in root.iterdir())


def restore_backup(
    data_dir: Path, backup: Path, force: bool = False, progress: Progress | None = None
) -> Path | None:
    """Restore into ``data_dir`` (absent or empty, or with ``force`` keeping the old data as
    a dated copy beside it). Returns the path of the kept copy, if any. Callers close every
    engine on the data dir first."""
    paths = DataPaths.resolve(data_dir)
    manifest = verify_backup(backup, progress)
    if _has_data(paths.root) and not force:
        raise UserError(
            tr(
                "backup",
                "{dir} already holds data; use --force to replace it (the current data is kept as a dated copy).",
            ).format(dir=paths.root)
        )
    lock = DataDirLock(paths)
    if paths.root.is_dir():  # nobody may be writing into the data we are about to move away
        lock.acquire(exclusive=True, action=tr("backup", "restore"))
    try:
        return _restore_locked(paths, backup, manifest, progress)
    finally:
        lock.release()


def _restore_locked(
    paths: DataPaths, backup: Path, manifest: dict, progress: Progress | None
) -> Path | None:  # type: ignore[type-arg]
    staging = paths.root.with_name(f".{paths.root.name}.restoring")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(mode=0o700, parents=True)
    try:
        with zipfile.ZipFile(backup) as zf:
            for index, entry in enumerate(manifest["files"]):
                if progress is not None:
                    progress(
                        index,
                        len(manifest["files"]),
                        tr("backup", "Restoring {entry}").format(entry=entry["path"]),
                    )
                target = staging / entry["path"]
                target.parent.mkdir(parents=True, exist_ok=True)
                with zf.open(entry["path"]) as src, target.open("wb") as dst:
                    shutil.copyfileobj(src, dst, 1024 * 1024)
                if entry["path"].startswith("keys/") or entry["path"] == DB_ENTRY:
                    target.chmod(0o600)
        kept: Path | None = None
        if paths.root.exists():
            for keep in ("keys", "keystore", "settings.json"):
                src = paths.root / keep
                if src.exists() and not (staging / keep).exists():
                    (shutil.copytree if src.is_dir() else shutil.copy2)(src, staging / keep)
            if _has_data(paths.root):
                kept = paths.root.with_name(
                    f"{paths.root.name}.before-restore-{dt.datetime.now().strftime('%Y%m%d-%H%M%S')}"
                )
                os.replace(paths.root, kept)
            else:
                shutil.rmtree(paths.root)
        os.replace(staging, paths.root)
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if not isinstance(exc, OSError):
            raise
        raise UserError(
            tr("backup", "Restore failed ({error}); nothing was replaced.").format(
                error=exc.strerror or exc
            )
        ) from exc
    return kept


@dataclass(frozen=True)
class RestoreResult:
    """The context reopened on the restored data and where the previous data was kept."""

    ctx: AppContext
    kept: Path | None
    created_at: str
    error: str = ""  # set when the restore failed and the previous data was reopened


def _created_at(backup: Path) -> str:
    """The manifest's creation time, read without hashing anything ("" when unreadable)."""
    try:
        with zipfile.ZipFile(backup) as zf:
            return str(json.loads(zf.read("manifest.json")).get("created_at", ""))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, AttributeError):
        return ""


def restore_in_place(
    ctx: AppContext, backup: Path, progress: Progress | None = None
) -> RestoreResult:
    """Replace the open data dir with ``backup`` (the GUI's Tools → Restore, which has
    verified the file before asking). ``restore_backup`` verifies every hash again before
    replacing anything; after the restore (or a failed or cancelled one, which replaces
    nothing) the data dir is reopened. ``ctx`` must not be used again."""
    root = ctx.paths.root
    ctx.close()
    created_at = _created_at(Path(backup))
    try:
        kept = restore_backup(root, Path(backup), force=True, progress=progress)
    except UserError as exc:  # includes Cancel: nothing was replaced
        return RestoreResult(open_context(root), None, created_at, error=exc.message)
    return RestoreResult(open_context(root), kept, created_at)


def rotate_automatic_backups(ctx: AppContext, today: dt.date | None = None) -> Path | None:
    """Daily automatic backup into ``backups/`` keeping 7 daily and 4 weekly copies."""
    today = today or dt.date.today()
    folder = ctx.paths.backups
    target = folder / f"auto-{today.isoformat()}.cdbackup"
    made = None
    if not target.exists():
        made = create_backup(ctx, target)
    autos = sorted(folder.glob("auto-*.cdbackup"), reverse=True)
    keep: set[Path] = set(autos[:7])
    weeks: set[tuple[int, int]] = set()
    for path in autos:
        try:
            day = dt.date.fromisoformat(path.stem.removeprefix("auto-"))
        except ValueError:
            continue
        week = day.isocalendar()[:2]
        if week not in weeks and len(weeks) < 4:
            weeks.add(week)
            keep.add(path)
    for path in autos:
        if path not in keep:
            path.unlink(missing_ok=True)
    return made
