"""The duties' command line as the contract states it (CLI.md, second round):
``devrecords import``, ``callbacks draw|record|list``, ``warnings list`` — JSON keys and
exit codes; Chinese messages under ``--lang zh_CN``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.unit.services.test_duties_callbacks import records_csv
from tests.unit.services.test_partners_and_visits import CSV


def _seed(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    partners = tmp_path / "p.csv"
    partners.write_text(CSV, encoding="utf-8")
    assert cli("partners", "import", str(partners)).returncode == 0


def test_import_draw_record_warn(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _seed(cli, tmp_path)
    path = records_csv(tmp_path / "r.csv")
    first = cli("devrecords", "import", str(path), "--json")
    assert first.returncode == 0, first.stderr
    assert first.json() == {"rows": 40, "created": 40, "skipped": 0}
    assert cli("devrecords", "import", str(path), "--json").json() == {
        "rows": 40,
        "created": 0,
        "skipped": 40,
    }
    today = dt.date.today().isoformat()
    draw = cli("callbacks", "draw", "--date", today, "--json")
    assert draw.returncode == 0, draw.stderr
    data = draw.json()
    assert set(data) == {"date", "population", "drawn", "seed", "calls"}
    assert (
        data["date"] == today
        and data["population"] == 40
        and data["drawn"] == len(data["calls"]) >= 6
    )
    assert all(
        set(c) == {"id", "partner_code", "phone_masked"} and "****" in c["phone_masked"]
        for c in data["calls"]
    )
    assert cli("callbacks", "draw", "--json").json() == data  # the same sample again
    listed = cli("callbacks", "list", "--json").json()
    assert [r["id"] for r in listed] == [c["id"] for c in data["calls"]]
    assert all(
        r["outcome"] is None and {"id", "partner_code", "phone_masked", "outcome"} <= set(r)
        for r in listed
    )
    call = data["calls"][0]
    assert cli("callbacks", "record", call["id"], "fake", "--note", "客户否认办理").returncode == 0
    assert cli("callbacks", "list", "--json").json()[0]["outcome"] == "fake"
    warnings = cli("warnings", "list", "--partner", call["partner_code"], "--json").json()
    assert [(w["partner_code"], w["kind"], w["source"]) for w in warnings] == [
        (call["partner_code"], "fake", "callback")
    ]
    assert {"id", "partner_code", "kind", "source", "at"} <= set(warnings[0])
    bad = cli("callbacks", "record", call["id"], "perhaps")
    assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1
    zh = cli("callbacks", "record", "nope", "fake", lang="zh_CN")
    assert zh.returncode == 1 and "没有回访" in zh.stderr
    assert cli("warnings", "list", "--partner", "NOPE").returncode == 1
    assert cli("callbacks", "draw", "--date", "2026-02-30").returncode == 1


def test_invalid_records_file_exit_1(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _seed(cli, tmp_path)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "date,partner_code,phone,kind\n2026-03-01,NOPE,13912345678,new\n", encoding="utf-8"
    )
    result = cli("devrecords", "import", str(bad), "--json")
    assert result.returncode == 1 and result.stdout == ""
    assert "row 2, column partner_code" in result.stderr
    assert cli("devrecords", "import", str(tmp_path / "missing.csv")).returncode == 1


def test_complaints_and_daily_log(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _seed(cli, tmp_path)
    made = cli("complaints", "new", "--partner", "P001", "--text", "营业员态度差")
    assert made.returncode == 0, made.stderr
    cid = made.stdout.strip()
    rows = cli("complaints", "list", "--json").json()
    assert [(r["id"], r["status"], r["partner_code"]) for r in rows] == [(cid, "received", "P001")]
    assert cli("complaints", "list").stderr.strip().endswith("1 complaint")  # one, singular
    assert cli("complaints", "list", lang="zh_CN").stderr.strip().endswith("1 件投诉")
    assert cli("complaints", "advance", cid, "assigned", "--note", "交店长").returncode == 0
    back = cli("complaints", "advance", cid, "received")
    assert back.returncode == 1 and len(back.stderr.strip().splitlines()) == 1
    assert cli("complaints", "advance", cid, "resolved", "--satisfaction", "9").returncode == 1
    zh = cli("complaints", "advance", cid, "已解决", "--satisfaction", "4", lang="zh_CN")
    assert zh.returncode == 0 and "已解决" in zh.stderr
    assert (
        cli("complaints", "list", "--status", "resolved", "--json").json()[0]["satisfaction"] == 4
    )
    assert cli("complaints", "list", "--status", "bogus").returncode == 1
    assert cli("complaints", "new", "--partner", "NOPE", "--text", "x").returncode == 1
    log = cli("log", "show", "--json").json()
    assert {
        "date",
        "visits",
        "callbacks",
        "complaints",
        "rectifications_closed",
        "note",
        "plan",
        "closed",
    } <= set(log)
    assert log["complaints"] == 1 and log["closed"] is False
    assert cli("log", "close", "--note", "处理投诉一件", "--plan", "明天回访").returncode == 0
    closed = cli("log", "show", "--json").json()
    assert (
        closed["closed"] is True
        and closed["note"] == "处理投诉一件"
        and closed["plan"] == "明天回访"
    )
    again = cli("log", "close", lang="zh_CN")
    assert again.returncode == 1 and "已关闭" in again.stderr
    assert cli("log", "show", "--date", "2026-02-30").returncode == 1
    for args in (
        ("day",),
        ("bulletin", "--week", "2026-W10"),
        ("commission", "--month", "2026-03"),
    ):
        out = tmp_path / f"{args[0]}.pdf"
        result = cli("report", *args, "-o", str(out))
        assert result.returncode == 0, result.stderr
        assert out.read_bytes().startswith(b"%PDF")
    bad = cli("report", "bulletin", "--week", "2026-W99", "-o", str(tmp_path / "bad.pdf"))
    assert bad.returncode == 1 and not (tmp_path / "bad.pdf").exists()
    assert (
        cli(
            "report", "commission", "--month", "2026-13", "-o", str(tmp_path / "bad.pdf")
        ).returncode
        == 1
    )


def test_hq_rules(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = f"sqlite:///{tmp_path / 'hq.sqlite'}"
    assert (
        cli("hq", "--db", db, "--key-dir", str(tmp_path / "keys"), "init", data=None).returncode
        == 0
    )
    shown = cli("hq", "--db", db, "--key-dir", str(tmp_path / "keys"), "rules", "--json", data=None)
    assert (
        shown.returncode == 0
        and shown.json()["devrecord_retention_days"] == 90
        and shown.json()["callback_percent"] == 15
    )
    saved = cli(
        "hq",
        "--db",
        db,
        "--key-dir",
        str(tmp_path / "keys"),
        "rules",
        "callback_percent=20",
        "--json",
        data=None,
    )
    assert saved.returncode == 0 and saved.json()["callback_percent"] == 20
    bad = cli(
        "hq",
        "--db",
        db,
        "--key-dir",
        str(tmp_path / "keys"),
        "rules",
        "callback_percent=abc",
        data=None,
    )
    assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1


def test_log_rollups(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _seed(cli, tmp_path)
    assert cli("complaints", "new", "--partner", "P001", "--text", "投诉").returncode == 0
    assert cli("log", "close").returncode == 0
    iso = dt.date.today().isocalendar()
    week = cli("log", "show", "--week", f"{iso.year}-W{iso.week:02d}", "--json")
    assert week.returncode == 0, week.stderr
    data = week.json()
    assert (
        data["days"] == 7 and data["closed_days"] == 1 and data["complaints"] == 1
    )  # received today: handled today
    month = cli("log", "show", "--month", dt.date.today().strftime("%Y-%m"), "--json").json()
    assert month["closed_days"] == 1 and month["days"] >= 28
    assert cli("log", "show", "--month", "2026-13").returncode == 1
