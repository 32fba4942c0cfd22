"""The read-only commands answer through plain sqlite3 read models: ``python -X importtime``
shows none of the ORM, reportlab, openpyxl, Pillow or cryptography imported by them (start-up
time of every command), and a quick_check that passed is remembered across processes."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

HEAVY = (
    "sqlalchemy",
    "db.models",
    "alembic",
    "reportlab",
    "openpyxl",
    "PIL",
    "cryptography",
    "PySide6",
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("reads") / "data"
    for args in (
        ("init", "--user", "甲", "--territory", "31"),
        ("demo", "--partners", "30", "--months", "2", "--seed", "5"),
    ):
        done = _run(data, *args)
        assert done.returncode == 0, done.stderr
    return data


def _run(data: Path, *args: str, importtime: bool = False) -> subprocess.CompletedProcess[str]:
    cmd = [
        sys.executable,
        *(["-X", "importtime"] if importtime else []),
        "-m",
        "app",
        "--data-dir",
        str(data),
        "--lang",
        "en",
        *args,
    ]
    return subprocess.run(
        cmd,
        capture_output=True,
        text=True,
        timeout=240,
        cwd=ROOT,
        encoding="utf-8",
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONUTF8="1"),
    )


def _imported(stderr: str) -> set[str]:
    return {
        line.split("|")[-1].strip()
        for line in stderr.splitlines()
        if line.startswith("import time:")
    }


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


@pytest.mark.parametrize(
    "args",
    [
        ("partners", "list", "--search", "店", "--json"),
        ("partners", "list", "--region", "31", "--limit", "5"),
        ("visits", "list", "--json"),
        ("visits", "list", "--month", "2026-01"),
        ("compliance", "--json"),
        ("targets", "list", "--json"),
        ("device", "show", "--json"),
        ("check", "--json"),
        ("sync", "status", "--json"),
        ("sync", "status"),
    ],
)
def test_read_only_commands_import_no_orm(demo: Path, args: tuple[str, ...]) -> None:
    done = _run(demo, *args, importtime=True)
    assert done.returncode == 0, done.stderr[-2000:]
    modules = _imported(done.stderr)
    assert "app.services.context" in modules  # the measurement sees the command's own imports
    assert _heavy(modules) == [], args


def test_device_show_prints_the_key_cryptography_derives(demo: Path) -> None:
    import base64

    from cryptography.hazmat.primitives import serialization

    shown = json.loads(_run(demo, "device", "show", "--json").stdout)
    key = serialization.load_pem_private_key(
        (demo / "keys" / "device_ed25519.pem").read_bytes(), password=None
    )
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)  # type: ignore[union-attr]
    assert base64.b64decode(shown["public_key"]) == raw


def test_visits_show_reads_without_orm(demo: Path) -> None:
    listed = json.loads(_run(demo, "visits", "list", "--json").stdout)
    sealed = next(v["id"] for v in listed if v["status"] == "submitted")
    for args in (("--json",), ()):
        done = _run(demo, "visits", "show", sealed, *args, importtime=True)
        assert done.returncode == 0, done.stderr[-2000:]
        assert not args or json.loads(done.stdout)["id"] == sealed
        assert _heavy(_imported(done.stderr)) == [], args
    missing = _run(demo, "visits", "show", "no-such-visit", importtime=True)
    assert missing.returncode == 1 and "no-such-visit" in missing.stderr
    assert _heavy(_imported(missing.stderr)) == []


def test_partner_filter_by_code_reads_without_orm(demo: Path) -> None:
    first = json.loads(_run(demo, "partners", "list", "--limit", "1", "--json").stdout)[0]["code"]
    done = _run(demo, "visits", "list", "--partner", first, "--json", importtime=True)
    assert done.returncode == 0 and _heavy(_imported(done.stderr)) == []
    missing = _run(demo, "visits", "list", "--partner", "NO-SUCH", importtime=True)
    assert (
        missing.returncode == 1
        and "NO-SUCH" in missing.stderr
        and _heavy(_imported(missing.stderr)) == []
    )


def test_a_passed_quick_check_is_remembered_by_the_next_process(
    demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The next process to open the data dir (it tidies run/) and an empty WAL file do not
    make the unchanged database look changed (a quick_check reads the whole file)."""
    from app.services import context as context_module
    from app.services.opening import open_context

    ctx = open_context(demo)
    ctx.verify_database()
    ctx.close()
    checks: list[str] = []

    class Spy:  # the sqlite3 module as the context module sees it, noting read-only opens (quick_check)
        def __getattr__(self, name: str) -> object:
            return getattr(sqlite3, name)

        def connect(self, database, *a, **kw):  # type: ignore[no-untyped-def]
            if "mode=ro" in str(database):
                checks.append(str(database))
            return sqlite3.connect(database, *a, **kw)

    monkeypatch.setattr(context_module, "sqlite3", Spy())
    for _ in range(2):
        ctx = open_context(demo)  # nobody else has it open: tidies run/
        ctx.meta("user")  # a connection: an (empty) WAL file exists while verifying
        ctx.verify_database()
        ctx.close()
    assert checks == []


def test_partners_import_of_a_csv_imports_no_orm(demo: Path, tmp_path: Path) -> None:
    """The import writes with plain sqlite3 (app.services.import_tables describes the
    tables), so a third of a second of SQLAlchemy is not on its path (issue 21)."""
    source = tmp_path / "new.csv"
    source.write_text("code,name,contact_name,contact_phone\nORM1,甲店,王,13800138000\n", "utf-8")
    done = _run(demo, "partners", "import", str(source), importtime=True)
    assert done.returncode == 0, done.stderr
    assert _heavy(_imported(done.stderr)) == []
    listed = _run(demo, "partners", "list", "--search", "ORM1", "--json")
    assert [p["code"] for p in json.loads(listed.stdout)] == ["ORM1"]
