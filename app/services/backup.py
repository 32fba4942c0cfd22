"""Backup and restore: a consistent snapshot (SQLite online backup API) plus the media
store in one ZIP with a manifest of every file's size and SHA-256. Backups are written to
a temporary name and renamed, so an interrupted backup never looks valid; restore verifies
every hash before replacing anything and keeps the previous data as a dated copy."""

from __future__ import annotations

import contextlib
import datetime as dt
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
from app.errors import UserError
from app.i18n import tr
from app.paths import DataPaths
from app.services.context import AppContext, open_context
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
    """Write exactly ``target`` (atomically)."""
    target = Path(target).absolute()
    tmp = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=ctx.paths.tmp) as work:
            snapshot = Path(work) / DB_ENTRY
            src = sqlite3.connect(ctx.paths.database)
            dst = sqlite3.connect(snapshot)
            try:
                src.backup(dst)
            finally:
                dst.close()
                src.close()
            media = sorted(p for p in ctx.paths.media.rglob("*") if p.is_file() and not p.name.startswith("."))
            extras = sorted(p for p in ctx.paths.keys.glob("*") if p.is_file())
            if ctx.paths.settings_file.exists():
                extras.append(ctx.paths.settings_file)
            files = [{"path": DB_ENTRY, "size": snapshot.stat().st_size, "sha256": _sha256(snapshot)}]
            with zipfile.ZipFile(tmp, "w", zipfile.ZIP_STORED, allowZip64=True) as zf:
                zf.write(snapshot, DB_ENTRY)
                for index, path in enumerate(media):
                    if progress is not None:
                        progress(index, len(media), path.name)
                    rel = "media/" + path.relative_to(ctx.paths.media).as_posix()
                    files.append({"path": rel, "size": path.stat().st_size, "sha256": _sha256(path)})
                    zf.write(path, rel)
                for path in extras:
                    rel = path.relative_to(ctx.paths.root).as_posix()
                    files.append({"path": rel, "size": path.stat().st_size, "sha256": _sha256(path)})
                    zf.write(path, rel)
                manifest = {"format": FORMAT, "app_version": __version__, "schema_revision": head_revision(),
                            "created_at": dt.datetime.now(dt.UTC).isoformat(), "files": files}
                zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
            with tmp.open("rb") as fh:
                os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):  # e.g. its folder is a file: the error below says so
            tmp.unlink(missing_ok=True)
        raise UserError(tr("backup", "Cannot write the backup {file}: {error}").format(file=target, error=exc.strerror or exc)) from exc
    except BaseException:
        with contextlib.suppress(OSError):  # e.g. its folder is a file: the error below says so
            tmp.unlink(missing_ok=True)
        raise
    return target


def verify_backup(path: Path, progress: Progress | None = None) -> dict:  # type: ignore[type-arg]
    """The manifest of a valid backup; ``UserError`` naming the problem otherwise."""
    path = Path(path)
    if path.is_dir():
        raise UserError(tr("import", "{file} is a folder, not a file.").format(file=path))
    if not path.is_file():
        raise UserError(tr("backup", "Backup file not found: {file}").format(file=path))
    try:
        with zipfile.ZipFile(path) as zf:
            manifest = json.loads(zf.read("manifest.json"))
            if manifest.get("format") != FORMAT:
                raise UserError(tr("backup", "{file} is not a ChannelDesk backup.").format(file=path.name))
            revision = manifest.get("schema_revision")
            if revision not in known_revisions():
                raise UserError(tr("backup", "{file} was made by a newer ChannelDesk (database revision {rev}); update ChannelDesk to restore it.").format(file=path.name, rev=revision))
            names = set(zf.namelist())
            entries = manifest["files"]
            for index, entry in enumerate(entries):
                if progress is not None:
                    progress(index, len(entries), tr("backup", "Checking {entry}").format(entry=entry["path"]))
                if entry["path"] not in names or ".." in entry["path"] or entry["path"].startswith("/"):
                    raise UserError(tr("backup", "{file} is damaged: {entry} is missing.").format(file=path.name, entry=entry["path"]))
                digest = hashlib.sha256()
                with zf.open(entry["path"]) as fh:
                    for chunk in iter(lambda: fh.read(1024 * 1024), b""):
                        digest.update(chunk)
                if digest.hexdigest() != entry["sha256"]:
                    raise UserError(tr("backup", "{file} is damaged: {entry} does not match its checksum.").format(file=path.name, entry=entry["path"]))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError, zipfile.LargeZipFile) as exc:
        raise UserError(tr("backup", "{file} is damaged or not a backup ({error}); nothing was changed.").format(file=path.name, error=exc)) from exc
    return manifest


def _has_data(root: Path) -> bool:
    return root.exists() and any(root.iterdir())


def restore_backup(data_dir: Path, backup: Path, force: bool = False, progress: Progress | None = None) -> Path | None:
    """Restore into ``data_dir`` (absent or empty, or with ``force`` keeping the old data as
    a dated copy beside it). Returns the path of the kept copy, if any. Callers close every
    engine on the data dir first."""
    paths = DataPaths.resolve(data_dir)
    manifest = verify_backup(backup, progress)
    if _has_data(paths.root) and not force:
        raise UserError(tr("backup", "{dir} already holds data; use --force to replace it (the current data is kept as a dated copy).").format(dir=paths.root))
    staging = paths.root.with_name(f".{paths.root.name}.restoring")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        with zipfile.ZipFile(backup) as zf:
            for index, entry in enumerate(manifest["files"]):
                if progress is not None:
                    progress(index, len(manifest["files"]), tr("backup", "Restoring {entry}").format(entry=entry["path"]))
                target = staging / entry["path"]
                target.parent.mkdir(parents=True, exist_ok=True)
                with zf.open(entry["path"]) as src, target.open("wb") as dst:
                    shutil.copyfileobj(src, dst, 1024 * 1024)
                if entry["path"].startswith("keys/"):
                    target.chmod(0o600)
        kept: Path | None = None
        if paths.root.exists():
            for keep in ("keys", "keystore", "settings.json"):
                src = paths.root / keep
                if src.exists() and not (staging / keep).exists():
                    (shutil.copytree if src.is_dir() else shutil.copy2)(src, staging / keep)
            if _has_data(paths.root):
                kept = paths.root.with_name(f"{paths.root.name}.before-restore-{dt.datetime.now().strftime('%Y%m%d-%H%M%S')}")
                os.replace(paths.root, kept)
            else:
                paths.root.rmdir()
        os.replace(staging, paths.root)
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if not isinstance(exc, OSError):
            raise
        raise UserError(tr("backup", "Restore failed ({error}); nothing was replaced.").format(error=exc.strerror or exc)) from exc
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


def restore_in_place(ctx: AppContext, backup: Path, progress: Progress | None = None) -> RestoreResult:
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
