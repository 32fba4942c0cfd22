"""Where an HQ database lives: the file of an SQLite URL, a URL fit for a message, and the
default key directory."""

from __future__ import annotations

from pathlib import Path


def sqlite_file(url: str) -> Path | None:
    """The file of an SQLite URL (None for other databases, in-memory ones or URLs that
    are not understood; opening those reports its own error)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if (
        parsed.get_backend_name() != "sqlite"
        or not parsed.database
        or parsed.database == ":memory:"
        or parsed.query.get("uri")
    ):
        return None
    return Path(parsed.database).expanduser()


def shown_url(url: str) -> str:
    """``url`` for a message: its password masked."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def default_key_dir(url: str) -> Path:
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        return Path(url[len("sqlite:///") :]).expanduser().absolute().parent
    return Path.cwd()
