"""Publishing, the action (``hq publish`` and the console's Publish): a device's signed
down-bundle (``app.hq.publish``) with HQ's templates and rules as they stand
(``app.hq.authoring``), what it holds, and the warning HQ's staff need when development
records cannot reach the device (``app.hq.devrecords.publish_note``); the console
publishes every active device into one folder with the same function."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.errors import UserError
from app.hq.authoring import reference_for_publish
from app.hq.devrecords import publish_note
from app.hq.publish import write_down_bundle
from app.i18n import tr
from db.hq.models import Device

if TYPE_CHECKING:
    from app.hq.server import Hq


@dataclass
class Published:
    """One device's down-bundle: where it went, how many records of each entity it
    holds, and the warning ``hq publish`` prints for it (``note``) or why it could not
    be written (``error``, then nothing was written for it)."""

    device_id: str
    user: str
    path: Path | None = None
    counts: dict[str, int] = field(default_factory=dict)
    note: str | None = None
    error: str | None = None


@dataclass
class PublishRun:
    """The console's Publish: a down-bundle per active device into ``folder``;
    ``cancelled`` when the user stopped it (the devices before stay published)."""

    folder: Path
    bundles: list[Published] = field(default_factory=list)
    cancelled: bool = False


def publish_device(hq: Hq, device_id: str, target: Path) -> Published:
    """``hq publish --device ID -o FILE``: the device's down-bundle with HQ's templates and
    rules as they stand, and the warning for HQ's staff when development records cannot
    reach it (``app.hq.devrecords.publish_note``)."""
    try:
        path, counts = write_down_bundle(hq, device_id, target, reference_for_publish(hq))
    except OSError as exc:  # the down-bundle could not be written (folder missing, disk full, …)
        raise UserError(
            tr("import", "Cannot write {file}: {error}").format(
                file=target, error=exc.strerror or exc
            )
        ) from exc
    with hq.sessions() as s:
        device = s.get(Device, device_id)
        user = device.user if device is not None else ""
    return Published(device_id, user, path, counts, publish_note(hq, device_id))


def bundle_name(device_id: str) -> str:
    """The file name of a device's down-bundle in the console's publish folder."""
    return f"hq-{device_id}.cdsync"


def publish_all(
    hq: Hq, folder: Path, progress: Callable[[int, int, str], None] | None = None
) -> PublishRun:
    """The console's Publish: ``publish_device`` for every device not revoked, each into
    ``folder/hq-DEVICE.cdsync`` (replacing the one published before). A device that
    fails is reported with its reason and the others go on; ``progress(done, total,
    label)`` may stop the run between two devices by raising ``UserError``."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UserError(tr("hq", "{folder} is not a folder.").format(folder=folder))
    with hq.sessions() as s:
        devices = [
            (d.device_id, d.user)
            for d in s.scalars(
                select(Device)
                .where(Device.revoked.is_(False))
                .order_by(Device.user, Device.device_id)
            )
        ]
    if not devices:
        raise UserError(
            tr("hq", "No active device is registered: register a laptop's key file first.")
        )
    run = PublishRun(folder)
    for index, (device_id, user) in enumerate(devices):
        if progress is not None:
            try:
                progress(index, len(devices), user or device_id)
            except UserError:  # cancelled: the bundles written so far stand
                run.cancelled = True
                return run
        try:
            run.bundles.append(publish_device(hq, device_id, folder / bundle_name(device_id)))
        except UserError as exc:
            run.bundles.append(Published(device_id, user, error=exc.message))
    if progress is not None:
        try:
            progress(len(devices), len(devices), "")
        except UserError:
            pass  # every bundle is written: nothing left to stop
    return run
