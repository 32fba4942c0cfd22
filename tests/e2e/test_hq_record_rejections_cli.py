"""``hq ingest`` of a validly signed bundle with one malformed record (issue 15): exit 2,
one stdout line naming the entity, id, field and rule (translated under zh_CN), HQ
unchanged; the bundle as exported is accepted afterwards and ``hq report month``,
``hq publish`` and the laptop's ``sync import`` exit 0. A manager's grade change request
goes through ``partners request-grade`` and ``hq grade-requests``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from app.services.opening import open_context
from tests.unit.services.test_sync_batching import _read_records
from tests.unit.sync.test_sync_hostile_records import _rebuild


def test_bad_record_is_one_line_exit_2_and_the_good_bundle_works(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lap, hqdir = tmp_path / "lap", tmp_path / "hq"
    db = f"sqlite:///{hqdir / 'hq.sqlite'}"
    hqdir.mkdir()
    assert cli("hq", "--db", db, "init", data=None).returncode == 0
    assert (
        cli(
            "init",
            "--user",
            "u",
            "--territory",
            "3101",
            "--hq-key",
            str(hqdir / "hq_public.key"),
            data=lap,
        ).returncode
        == 0
    )
    assert cli("device", "export-key", "-o", str(tmp_path / "k.json"), data=lap).returncode == 0
    assert (
        cli("hq", "--db", db, "register-device", str(tmp_path / "k.json"), data=None).returncode
        == 0
    )
    (tmp_path / "p.csv").write_text("code,name,grade,region\nG1,好店,C,310106\n", encoding="utf-8")
    assert cli("partners", "import", str(tmp_path / "p.csv"), data=lap).returncode == 0
    assert cli("sync", "export", "-o", str(tmp_path / "good.cdsync"), data=lap).returncode == 0
    records = _read_records(tmp_path / "good.cdsync")
    records["partner"][0]["data"]["status"] = "exploded"
    ctx = open_context(lap)
    try:
        bad = _rebuild(tmp_path / "good.cdsync", tmp_path / "bad.cdsync", ctx, records)
    finally:
        ctx.close()
    stats = cli("hq", "--db", db, "stats", "--json", data=None).stdout
    result = cli("hq", "--db", db, "ingest", str(bad), data=None, lang="zh_CN")
    assert result.returncode == 2, (result.stdout, result.stderr)
    (line,) = result.stdout.strip().splitlines()
    pid = records["partner"][0]["id"]
    assert (
        line.startswith(f"{bad}: rejected: partner {pid}：字段 status 必须是")
        and "exploded" in line
    ), line
    assert cli("hq", "--db", db, "stats", "--json", data=None).stdout == stats
    assert cli("hq", "--db", db, "ingest", str(tmp_path / "good.cdsync"), data=None).returncode == 0
    assert (
        cli(
            "hq",
            "--db",
            db,
            "report",
            "month",
            dt.date.today().strftime("%Y-%m"),
            "-o",
            str(tmp_path / "m.pdf"),
            data=None,
        ).returncode
        == 0
    )
    # the grade goes through a request HQ decides
    asked = cli("partners", "request-grade", "G1", "A", "--reason", "销量翻倍", "--json", data=lap)
    assert asked.returncode == 0, asked.stderr
    request_id = json.loads(asked.stdout)["id"]
    assert cli("sync", "export", "-o", str(tmp_path / "two.cdsync"), data=lap).returncode == 0
    assert cli("hq", "--db", db, "ingest", str(tmp_path / "two.cdsync"), data=None).returncode == 0
    pending = json.loads(
        cli(
            "hq", "--db", db, "grade-requests", "list", "--status", "pending", "--json", data=None
        ).stdout
    )
    assert [r["id"] for r in pending] == [request_id]
    assert cli("hq", "--db", db, "grade-requests", "approve", request_id, data=None).returncode == 0
    again = cli("hq", "--db", db, "grade-requests", "refuse", request_id, "--note", "x", data=None)
    assert again.returncode == 1 and len(again.stderr.strip().splitlines()) == 1
    device = json.loads(cli("hq", "--db", db, "stats", "--json", data=None).stdout)["devices"][0][
        "device_id"
    ]
    assert (
        cli(
            "hq",
            "--db",
            db,
            "publish",
            "--device",
            device,
            "-o",
            str(tmp_path / "down.cdsync"),
            data=None,
        ).returncode
        == 0
    )
    assert cli("sync", "import", str(tmp_path / "down.cdsync"), data=lap).returncode == 0
    (row,) = json.loads(cli("partners", "grade-requests", "--json", data=lap).stdout)
    assert row["status"] == "approved"
    assert json.loads(cli("partners", "list", "--json", data=lap).stdout)[0]["grade"] == "A"
