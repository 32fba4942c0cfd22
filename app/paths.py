"""Every filesystem location ChannelDesk uses: the data dir (platformdirs, ``--data-dir``,
``CHANNELDESK_DATA_DIR``) and read-only resources (also when frozen by PyInstaller).

Nothing else in the code base builds a path to user data.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from app import APP_NAME

ENV_DATA_DIR = "CHANNELDESK_DATA_DIR"


def resource_root() -> Path:
    """Folder holding ``resources/``: the source tree, or PyInstaller's bundle dir."""
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:
        return Path(frozen_base) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Absolute path of a bundled, read-only resource file."""
    return resource_root().joinpath(*parts)


def default_data_dir() -> Path:
    """The per-user data directory, honouring ``CHANNELDESK_DATA_DIR``."""
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    import platformdirs  # here: a start with ``--data-dir`` does not need it

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class DataPaths:
    """Layout of one laptop data directory."""

    root: Path

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> DataPaths:
        root = Path(data_dir).expanduser() if data_dir else default_data_dir()
        return cls(root.absolute())

    @property
    def database(self) -> Path:
        return self.root / "channeldesk.sqlite"

    @property
    def settings_file(self) -> Path:
        return self.root / "settings.json"

    @property
    def media(self) -> Path:
        return self.root / "media"

    @property
    def thumbnails(self) -> Path:
        return self.root / "cache" / "thumbnails"

    @property
    def scaled_images(self) -> Path:
        return self.root / "cache" / "scaled"

    @property
    def keys(self) -> Path:
        return self.root / "keys"

    @property
    def device_private_key(self) -> Path:
        return self.keys / "device_ed25519.pem"

    @property
    def record_key(self) -> Path:
        """The AES key of the customers' phone numbers (device key store; never in a
        backup or bundle, kept across a restore)."""
        return self.root / "keystore" / "records.key"

    @property
    def exchange_key(self) -> Path:
        """The device's X25519 private key (raw 32 bytes): HQ seals the customers' phones
        of the development records it publishes to its public key (device key store,
        never in a backup or bundle)."""
        return self.root / "keystore" / "device_x25519.key"

    @property
    def hq_public_key(self) -> Path:
        return self.keys / "hq_public.key"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def outbox(self) -> Path:
        return self.root / "outbox"

    @property
    def drafts(self) -> Path:
        return self.root / "drafts"

    @property
    def lock_file(self) -> Path:
        return self.root / "channeldesk.lock"

    @property
    def lock_holders(self) -> Path:
        """One record per process holding ``lock_file`` (pid, command line)."""
        return self.root / "run"

    @property
    def tmp(self) -> Path:
        return self.root / "tmp"

    def media_file(self, sha256: str) -> Path:
        """Content-addressed location of an original photo or attachment."""
        return self.media / sha256[:2] / sha256

    def media_file_names(self, sha256s: Iterable[str]) -> list[str]:
        """``media_file`` of each, as strings (an export lists tens of thousands: building
        a Path for each costs ~0.35 s per 20 000)."""
        media = str(self.media)
        return [os.path.join(media, sha[:2], sha) for sha in sha256s]

    def thumbnail_file(self, sha256: str, size: int) -> Path:
        return self.thumbnails / f"{size}" / sha256[:2] / f"{sha256}.jpg"

    def scaled_image_file(self, sha256: str, max_px: int) -> Path:
        return self.scaled_images / f"{max_px}" / sha256[:2] / f"{sha256}.jpg"

    def ensure(self) -> None:
        """Create the directory layout (raises ``OSError`` when not writable). The data
        dir and the folders holding keys and backups are private to the user (0700)
        whatever the umask."""
        for folder in (
            self.root,
            self.media,
            self.keys,
            self.logs,
            self.backups,
            self.outbox,
            self.drafts,
            self.tmp,
        ):
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        for folder in (self.root, self.keys, self.backups, self.outbox):
            make_private(folder)


def make_private(path: Path) -> None:
    """Owner-only access (0700 for a folder, 0600 for a file) when it is not so already."""
    if os.name != "posix":
        return
    mode = 0o700 if path.is_dir() else 0o600
    try:
        if path.stat().st_mode & 0o777 != mode:
            os.chmod(path, mode)
    except OSError:  # not ours (a shared folder) or a read-only disk: leave it as it is
        pass


def write_private(path: Path, data: bytes) -> None:
    """Write ``path`` (0600 whatever the umask) through a temporary file and a rename."""
    from app.atomic import Durability, atomic_write

    atomic_write(path, data, Durability.SYNC, private=True)
