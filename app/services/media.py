"""The content-addressed media store: photos and attachments stored once by SHA-256
(written atomically: temp file, fsync, rename), EXIF time/GPS/orientation read with
Pillow, upright size recorded, upright thumbnails cached."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from app.atomic import Durability, atomic_path
from app.domain.evidence import exif_time
from app.errors import UserError
from app.i18n import tr
from app.paths import DataPaths
from app.services.context import AppContext

MAX_PHOTO_BYTES = 100 * 1024 * 1024
THUMB_SIZE = 256
# Decoded size limits (a 109 KB PNG can hold 30 000 x 30 000 pixels, 2.7 GB decoded).
# JPEGs are decoded scaled down (``draft``) wherever only a preview is needed, so they may
# be as large as a 108 MP phone camera's; other formats decode in full (40 MP: ~160 MB).
MAX_JPEG_PIXELS = 120_000_000
MAX_OTHER_PIXELS = 40_000_000


def pillow():  # type: ignore[no-untyped-def]
    """Pillow's ``Image`` with its decompression-bomb limit set deliberately (it refuses
    anything over twice ``MAX_IMAGE_PIXELS`` in every code path)."""
    import warnings

    from PIL import Image

    Image.MAX_IMAGE_PIXELS = MAX_JPEG_PIXELS
    # between the limit and twice it Pillow only warns (on stderr): ``too_many_pixels`` refuses those
    warnings.simplefilter("ignore", Image.DecompressionBombWarning)
    return Image


def too_many_pixels(image) -> bool:  # type: ignore[no-untyped-def]
    """More pixels than ChannelDesk decodes for this format (read from the header only)."""
    width, height = image.size
    return width * height > (MAX_JPEG_PIXELS if image.format == "JPEG" else MAX_OTHER_PIXELS)


@dataclass(frozen=True)
class PhotoInfo:
    sha256: str
    size: int
    width: int
    height: int
    orientation: int
    taken_at: dt.datetime | None
    latitude: float | None
    longitude: float | None
    mime: str


def _hash_file(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1024 * 1024), b""):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _gps_degrees(values: object, ref: object) -> float | None:
    try:
        d, m, s = (float(v) for v in values)  # type: ignore[union-attr]
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    result = d + m / 60 + s / 3600
    return -result if ref in ("S", "W", b"S", b"W") else result


def inspect_photo(path: Path, max_bytes: int = MAX_PHOTO_BYTES) -> PhotoInfo:
    """Read and verify an image; raises ``UserError`` for non-images, truncated files and
    files over the size limit."""
    from PIL import UnidentifiedImageError

    Image = pillow()
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UserError(
            tr("media", "Cannot read {file}: {error}").format(file=path, error=exc.strerror or exc)
        ) from exc
    if path.is_dir():
        raise UserError(tr("import", "{file} is a folder, not a file.").format(file=path))
    if size > max_bytes:
        raise UserError(
            tr("media", "{file} is larger than {limit} MB; photos must be smaller.").format(
                file=path.name, limit=max_bytes // (1024 * 1024)
            )
        )
    try:
        with Image.open(path) as image:
            fmt = image.format or ""
            if too_many_pixels(image):
                raise UserError(
                    tr(
                        "media",
                        "{file} is too large an image ({width} x {height} pixels; at most {limit} "
                        "million). Take or save it smaller.",
                    ).format(
                        file=path.name,
                        width=image.width,
                        height=image.height,
                        limit=(MAX_JPEG_PIXELS if fmt == "JPEG" else MAX_OTHER_PIXELS) // 1_000_000,
                    )
                )
            exif = image.getexif()
            orientation = int(exif.get(0x0112, 1) or 1)
            width, height = (
                (image.height, image.width) if orientation in (5, 6, 7, 8) else image.size
            )  # upright
            if fmt == "JPEG":
                image.draft(
                    "RGB", (max(1, image.width // 8), max(1, image.height // 8))
                )  # all data decoded, at 1/8 scale
            image.load()  # decodes fully: truncated files fail here
    except Image.DecompressionBombError as exc:
        raise UserError(
            tr(
                "media",
                "{file} is too large an image (more than {limit} million pixels). Take or save it smaller.",
            ).format(file=path.name, limit=MAX_JPEG_PIXELS // 1_000_000)
        ) from exc
    except UnidentifiedImageError as exc:
        raise UserError(
            tr("media", "{file} is not an image ChannelDesk can read.").format(file=path.name)
        ) from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise UserError(
            tr("media", "{file} is damaged or truncated ({error}).").format(
                file=path.name, error=exc
            )
        ) from exc
    taken_at = None
    lat = lon = None
    try:
        sub = exif.get_ifd(0x8769)
        stamp = sub.get(0x9003) or exif.get(0x0132)
        if (
            stamp
        ):  # DateTimeOriginal with OffsetTimeOriginal (else OffsetTime), camera-local without one
            taken_at = exif_time(stamp, sub.get(0x9011) or sub.get(0x9010))
        gps = exif.get_ifd(0x8825)
        if gps:
            lat = _gps_degrees(gps.get(2), gps.get(1))
            lon = _gps_degrees(gps.get(4), gps.get(3))
    except (ValueError, KeyError, TypeError):
        pass
    digest, hashed_size = _hash_file(path)
    mime = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}.get(
        fmt, "application/octet-stream"
    )
    return PhotoInfo(digest, hashed_size, width, height, orientation, taken_at, lat, lon, mime)


def store_file(paths: DataPaths, source: Path, sha256: str) -> Path:
    """Copy ``source`` into the media store under its hash (once; atomic)."""
    target = paths.media_file(sha256)
    if target.exists() and target.stat().st_size == Path(source).stat().st_size:
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with (
            atomic_path(target, Durability.SYNC) as tmp,
            Path(source).open("rb") as src,
            tmp.open("wb") as dst,
        ):
            shutil.copyfileobj(src, dst, 1024 * 1024)
    except OSError as exc:
        raise UserError(
            tr("media", "Cannot store {file}: {error}").format(
                file=Path(source).name, error=exc.strerror or exc
            )
        ) from exc
    return target


def import_photo(ctx: AppContext, source: Path) -> PhotoInfo:
    """Verify, store and register one photo; returns its metadata."""
    info = inspect_photo(source, ctx.settings.photo_max_mb * 1024 * 1024)
    store_file(ctx.paths, source, info.sha256)
    from db.models import MediaFile  # here: ``check`` verifies media without the ORM

    with ctx.session() as s:
        if s.get(MediaFile, info.sha256) is None:
            s.add(
                MediaFile(
                    sha256=info.sha256,
                    size=info.size,
                    mime=info.mime,
                    width=info.width,
                    height=info.height,
                    taken_at=info.taken_at,
                    latitude=info.latitude,
                    longitude=info.longitude,
                    orientation=info.orientation,
                )
            )
    return info


def thumbnail(paths: DataPaths, sha256: str, size: int = THUMB_SIZE) -> Path | None:
    """An upright JPEG thumbnail (cached); None when the original is missing or unreadable."""
    from PIL import ImageOps

    Image = pillow()
    target = paths.thumbnail_file(sha256, size)
    if target.exists():
        return target
    source = paths.media_file(sha256)
    if not source.exists():
        return None
    try:
        with Image.open(source) as image:
            if too_many_pixels(
                image
            ):  # stored by an older ChannelDesk: no preview rather than gigabytes
                return None
            image.draft("RGB", (size * 2, size * 2))
            upright = ImageOps.exif_transpose(image)
            upright = upright.convert("RGB")
            upright.thumbnail((size, size))
            target.parent.mkdir(parents=True, exist_ok=True)
            with atomic_path(target, Durability.RENAME) as tmp:  # a cache, made again on demand
                upright.save(tmp, "JPEG", quality=85)
    except (OSError, Image.DecompressionBombError):
        return None
    return target


def verify_media(paths: DataPaths, sha256: str) -> str | None:
    """A problem description when the stored original is missing or altered."""
    path = paths.media_file(sha256)
    if not path.exists():
        return "missing"
    digest, _ = _hash_file(path)
    return None if digest == sha256 else "hash mismatch"
