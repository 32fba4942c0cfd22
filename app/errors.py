"""The two kinds of error: ``UserError`` (translated, friendly, shown in a message bar or
as one stderr line, CLI exit 1) and everything else (a bug: crash dialog / exit 3)."""

from __future__ import annotations

from app.i18n import tr


class UserError(Exception):
    """A refused action or bad input; ``message`` is already translated for people."""

    exit_code = 1

    def __init__(self, message: str, *, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = list(details or [])

    def __str__(self) -> str:
        return self.message


class ValidationError(UserError):
    """Input that fails validation; ``details`` lists one line per problem."""


class NotFoundError(UserError):
    """A referenced record does not exist."""


class DataDirError(UserError):
    """The data directory cannot be used (read-only, full, locked, corrupt)."""


class NotInitialised(DataDirError):
    """The data dir has no device identity (``init`` has not run on it). The message names
    the CLI's ``channeldesk init``; the GUI words it for itself (``app.ui.ops``)."""


class DatabaseTooNewError(DataDirError):
    """The database was written by a newer ChannelDesk."""

    def __init__(self, found: str, known: str) -> None:
        super().__init__(
            tr(
                "errors",
                "This data was written by a newer version of ChannelDesk (database revision {found}, "
                "this build knows up to {known}). Please update ChannelDesk; nothing was changed.",
            ).format(found=found, known=known)
        )


class BundleRejected(UserError):
    """A sync bundle or ack failed validation (CLI exit 2)."""

    exit_code = 2
