"""End-to-end through the ``channeldesk`` command: init → demo → list → import/export
round trip → visit with photo → submit → reports → check → backup/restore."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from tests.conftest import EXIF_DIR


def test_demo_list_export_import_round_trip(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("init", "--user", "张经理", "--territory", "3101").returncode == 0
    demo = cli("demo", "--partners", "40", "--months", "2", "--seed", "5")
    assert demo.returncode == 0, demo.stderr
    listed = cli("partners", "list", "--json").json()
    assert len(listed) == 40
    assert all(set(p) >= {"id", "code", "name", "grade", "status", "region"} for p in listed)
    assert all(p["region"].startswith("3101") for p in listed)
    assert {p["grade"] for p in listed} <= {"A", "B", "C", "D"}
    two = listed[0]["name"][1:3]
    found = cli("partners", "list", "--search", two, "--json").json()
    assert listed[0]["code"] in {p["code"] for p in found}
    grade_a = cli("partners", "list", "--grade", "A", "--json").json()
    assert all(p["grade"] == "A" for p in grade_a)
    assert cli("demo").returncode == 1
    for name in ("out.csv", "out.xlsx"):
        out = tmp_path / name
        assert cli("partners", "export", str(out)).returncode == 0
        again = cli("partners", "import", str(out), "--json")
        assert again.returncode == 0, again.stderr
        assert again.json()["created"] == 0 and again.json()["updated"] == 0
    assert len(cli("partners", "list", "--json").json()) == 40
    compliance = cli("compliance", "--json").json()
    assert set(compliance) == {"month", "partners", "weeks"}
    assert all(
        set(r) == {"partner_code", "grade", "required", "done", "shortfall"}
        for r in compliance["partners"]
    )
    assert cli("check", "--json").json() == {"ok": True, "problems": []}


def test_bad_import_reports_rows_and_changes_nothing(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "code,name,grade,region\nA1,甲店,A,310115\nA2,乙店,Q,310115\nA1,丙店,B,999999\n",
        encoding="utf-8",
    )
    result = cli("partners", "import", str(bad))
    assert result.returncode == 1
    assert "row 3, column grade:" in result.stderr
    assert "row 4, column region:" in result.stderr
    assert "Traceback" not in result.stderr
    assert cli("partners", "list", "--json").json() == []
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes("code,name,grade\nG1,广州天河店,B\n".encode("gbk"))
    assert cli("partners", "import", str(gbk), "--dry-run").returncode == 0
    assert cli("partners", "list", "--json").json() == []
    assert cli("partners", "import", str(gbk)).returncode == 0
    assert [p["name"] for p in cli("partners", "list", "--json").json()] == ["广州天河店"]


def test_visit_through_cli_with_report_and_backup(cli, tmp_path: Path, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    csv = tmp_path / "p.csv"
    csv.write_text(
        "code,name,grade,region\nP1,静安寺旗舰店,A,310106\nP9,已终止店,C,310106\n", encoding="utf-8"
    )
    assert cli("partners", "import", str(csv)).returncode == 0
    visit_id = cli("visits", "new", "--partner", "P1", "--json").json()["id"]
    photo = EXIF_DIR / "Landscape_6.jpg"
    assert cli("visits", "attach-photo", visit_id, str(photo)).returncode == 0
    for key, value in (
        ("signage", "yes"),
        ("cleanliness", "4"),
        ("price_tags", "yes"),
        ("price_violation", "no"),
        ("poster_display", "2"),
        ("stock_units", "12"),
        ("stock_within_limits", "yes"),
        ("staff_knowledge", "5"),
        ("service_attitude", "4"),
        ("cross_territory", "no"),
        ("fake_business", "no"),
        ("licence_valid", "yes"),
    ):
        assert cli("visits", "answer", visit_id, key, value).returncode == 0
    bad = cli("visits", "answer", visit_id, "cleanliness", "eleven")
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1
    early = cli("visits", "submit", visit_id)
    assert (
        early.returncode == 1 and "门头照片" in early.stderr
    )  # the item by its label, not its key
    shown = cli("visits", "show", visit_id, "--json").json()
    sha = shown["photos"][0]["sha256"]
    assert shown["photos"][0]["width"] > shown["photos"][0]["height"]
    assert cli("visits", "answer", visit_id, "storefront_photo", sha).returncode == 0
    assert cli("visits", "submit", visit_id).returncode == 0
    shown = cli("visits", "show", visit_id, "--json").json()
    assert shown["status"] == "submitted" and isinstance(shown["score"], float)
    kinds = {item["key"]: item for item in shown["items"]}
    assert kinds["cleanliness"]["kind"] == "score" and kinds["cleanliness"]["max"] == 5
    assert kinds["training_status"]["kind"] == "choice" and kinds["training_status"]["options"]
    assert cli("visits", "attach-photo", visit_id, str(photo)).returncode == 1
    listed = cli("visits", "list", "--partner", "P1", "--json").json()
    assert [v["id"] for v in listed] == [visit_id] and set(listed[0]) >= {
        "id",
        "partner_code",
        "status",
        "started_at",
        "score",
    }
    this_month = dt.date.today().strftime("%Y-%m")
    assert visit_id in [
        v["id"] for v in cli("visits", "list", "--month", this_month, "--json").json()
    ]
    assert cli("visits", "list", "--month", "2001-01", "--json").json() == []
    assert cli("visits", "list", "--month", "2026-13").returncode == 1
    assert cli("visits", "new", "--partner", "NOPE").returncode == 1
    pdf = tmp_path / "visit.pdf"
    assert cli("report", "visit", visit_id, "-o", str(pdf)).returncode == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    for args in (("week",), ("month",), ("partner", "P1")):
        out = tmp_path / f"{args[0]}.pdf"
        result = cli("report", *args, "-o", str(out))
        assert result.returncode == 0, result.stderr
    backup = tmp_path / "b.cdbackup"
    assert cli("backup", "-o", str(backup)).returncode == 0
    restored = tmp_path / "restored"
    assert cli("restore", str(backup), data=restored).returncode == 0
    assert (
        cli("visits", "show", visit_id, "--json", data=restored).json()["content_hash"]
        == shown["content_hash"]
    )
    assert json.loads(cli("check", "--json", data=restored).stdout)["ok"] is True
    damaged = tmp_path / "damaged.cdbackup"
    raw = bytearray(backup.read_bytes())
    raw[len(raw) // 3] ^= 0xFF
    damaged.write_bytes(raw)
    refused = cli("restore", str(damaged), "--force", data=restored)
    assert refused.returncode == 1
    assert cli("visits", "show", visit_id, "--json", data=restored).returncode == 0
    assert cli("restore", str(backup), data=restored).returncode == 1  # has data, needs --force
    media_file = next(p for p in (data_dir / "media").rglob("*") if p.is_file())
    media_file.write_bytes(b"tampered")
    check = cli("check", "--json")
    assert check.returncode == 1 and check.json()["ok"] is False
