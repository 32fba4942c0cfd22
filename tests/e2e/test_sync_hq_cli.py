"""``hq`` command-line error paths (issue 7): a bad device key file given to
``hq register-device`` gives one translated line and exit 1 (no Python exception text)
and registers nothing; a mistyped ``hq --db`` file is refused with exit 1 by every
command but ``hq init`` and is not created."""

from __future__ import annotations

import base64
import json
import uuid
from pathlib import Path

import pytest

DEVICE = "01a23509-16cb-72ac-978d-5df9c71c4f8b"
KEY = base64.b64encode(bytes(range(32))).decode()


def _good() -> dict[str, object]:
    return {
        "device_id": DEVICE,
        "public_key": KEY,
        "fingerprint": "x",
        "user": "张三",
        "territory": ["3101"],
    }


def _with(**changes: object) -> bytes:
    data = _good()
    for key, value in changes.items():
        if value is None:
            data.pop(key)
        else:
            data[key] = value
    return json.dumps(data, ensure_ascii=False).encode()


def _one_line_exit_1(result) -> None:  # type: ignore[no-untyped-def]
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    for raw in (
        "Traceback",
        "Errno",
        "Expecting",
        "Incorrect padding",
        "KeyError",
        "list indices",
        "codec can't",
    ):
        assert raw not in result.stderr, result.stderr


@pytest.fixture
def hq_db(cli, tmp_path: Path) -> str:  # type: ignore[no-untyped-def]
    (tmp_path / "hq").mkdir()
    db = f"sqlite:///{tmp_path / 'hq' / 'hq.sqlite'}"
    assert cli("hq", "--db", db, "init", data=None).returncode == 0
    return db


BAD_KEY_FILES = [
    (b"\xff\xfe\x00binary", "it is not JSON text"),
    (b'{"device_id": ', "it is not JSON text"),
    (b"[1, 2]", "it is not a JSON object"),
    (_with(device_id=None), "device_id is missing"),
    (_with(device_id=12), "device_id is missing"),
    (_with(device_id="laptop-1"), "device_id is not a UUID"),
    (_with(device_id=DEVICE.upper()), "device_id is not a UUID"),
    (_with(public_key=None), "public_key is missing"),
    (_with(public_key="not base64!"), "public_key is not base64"),
    (_with(public_key="abc"), "public_key is not base64"),
    (
        _with(public_key=base64.b64encode(b"short").decode()),
        "the public key must be 32 bytes, not 5",
    ),
    (_with(territory=[31, 3101]), "territory is not a list of region codes"),
    (_with(territory={"a": 1}), "territory is not a list of region codes"),
    (_with(user=["x"]), "user is not a text of at most 100 characters"),
    (_with(user="x" * 101), "user is not a text of at most 100 characters"),
]


@pytest.mark.parametrize("body, reason", BAD_KEY_FILES)
def test_register_device_refuses_a_bad_key_file_in_one_line(
    cli, hq_db: str, tmp_path: Path, body: bytes, reason: str
) -> None:  # type: ignore[no-untyped-def]
    key = tmp_path / "dev.json"
    key.write_bytes(body)
    result = cli("hq", "--db", hq_db, "register-device", str(key), data=None)
    _one_line_exit_1(result)
    assert f"{key} is not a device public-key file: {reason}" in result.stderr
    assert cli("hq", "--db", hq_db, "stats", "--json", data=None).json()["devices"] == []


def test_register_device_missing_file_folder_and_chinese(cli, hq_db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    missing = cli("hq", "--db", hq_db, "register-device", str(tmp_path / "nope.json"), data=None)
    _one_line_exit_1(missing)
    assert "File not found" in missing.stderr
    folder = cli("hq", "--db", hq_db, "register-device", str(tmp_path), data=None)
    _one_line_exit_1(folder)
    assert "is a folder, not a file" in folder.stderr
    key = tmp_path / "dev.json"
    key.write_bytes(_with(public_key=base64.b64encode(b"short").decode()))
    chinese = cli("hq", "--db", hq_db, "register-device", str(key), data=None, lang="zh_CN")
    _one_line_exit_1(chinese)
    assert "不是设备公钥文件" in chinese.stderr and "32" in chinese.stderr
    # the good file still registers (user and territory from the file)
    key.write_bytes(_with())
    assert cli("hq", "--db", hq_db, "register-device", str(key), data=None).stdout.strip() == DEVICE
    devices = cli("hq", "--db", hq_db, "stats", "--json", data=None).json()["devices"]
    assert [(d["device_id"], d["user"], d["territory"]) for d in devices] == [
        (DEVICE, "张三", ["3101"])
    ]


@pytest.mark.parametrize(
    "args",
    [
        ("stats", "--json"),
        ("conflicts",),
        ("register-device", "key.json"),
        ("revoke-device", DEVICE),
        ("ingest", "b.cdsync"),
        ("publish", "--device", DEVICE, "-o", "down.cdsync"),
        ("report", "month", "2026-01", "-o", "m.pdf"),
    ],
)
def test_a_mistyped_db_is_not_created(cli, tmp_path: Path, args: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    typo = tmp_path / "sub" / f"hq-{uuid.uuid4().hex[:6]}.sqlite"
    result = cli("hq", "--db", f"sqlite:///{typo}", *args, data=None, cwd=tmp_path)
    _one_line_exit_1(result)
    assert f"The HQ database {typo} does not exist" in result.stderr and "hq init" in result.stderr
    assert not typo.exists() and not typo.parent.exists()
    relative = cli("hq", "--db", "sqlite:///typo.sqlite", *args, data=None, cwd=tmp_path)
    _one_line_exit_1(relative)
    assert not (tmp_path / "typo.sqlite").exists()
    assert (
        "不存在"
        in cli(
            "hq", "--db", f"sqlite:///{typo}", *args, data=None, cwd=tmp_path, lang="zh_CN"
        ).stderr
    )


def test_hq_init_still_creates_the_database(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "new" / "hq.sqlite"
    (tmp_path / "new").mkdir()
    assert cli("hq", "--db", f"sqlite:///{db}", "init", data=None).returncode == 0
    assert db.exists()
    assert (
        cli("hq", "--db", f"sqlite:///{db}", "stats", "--json", data=None).json()["devices"] == []
    )


def test_an_unreachable_database_is_one_line_without_its_password(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import socket

    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = cli(
        "hq",
        "--db",
        f"postgresql+psycopg://hq:s3cret@127.0.0.1:{port}/hq",
        "stats",
        data=None,
        cwd=tmp_path,
    )
    _one_line_exit_1(result)
    assert "Cannot open the HQ database postgresql+psycopg://hq:***@127.0.0.1" in result.stderr
    assert (
        "s3cret" not in result.stderr
        and "sqlalche.me" not in result.stderr
        and "OperationalError" not in result.stderr
    )
    bad = cli("hq", "--db", "not a url", "stats", data=None, cwd=tmp_path)
    _one_line_exit_1(bad)
    assert "Cannot open the HQ database not a url" in bad.stderr
