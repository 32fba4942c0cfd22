"""The HQ console's commands (issue 19) driven as CLI.md "Second round" specifies them:
``hq visits list|show`` give the laptop's keys and values for the visits HQ received,
``hq verify HASH`` names the sealed visit (exit 0) or refuses an unknown hash (exit 1);
``hq templates export|import``, ``hq targets import`` and ``hq receivables import`` author
what ``hq publish`` sends, and a visit made with HQ's new template version comes back."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from tests.conftest import EXIF_DIR

PARTNERS = (
    "code,name,grade,region,address\n"
    "P001,上海浦东金桥通信器材经营部,A,310115,金桥路100号\n"
    "P002,徐汇天平路专营店,B,310104,天平路8号\n"
)
ANSWERS = (
    ("signage", "yes"),
    ("cleanliness", "4"),
    ("price_tags", "yes"),
    ("price_violation", "no"),
    ("poster_display", "1"),
    ("stock_units", "30"),
    ("stock_within_limits", "yes"),
    ("staff_knowledge", "5"),
    ("service_attitude", "3"),
    ("cross_territory", "no"),
    ("fake_business", "no"),
    ("licence_valid", "na"),
)


def laptop_and_hq(cli, tmp_path: Path) -> tuple[str, Path]:  # type: ignore[no-untyped-def]
    """An HQ and a registered laptop with its partners; returns (HQ --db URL, HQ key dir)."""
    hq_dir = tmp_path / "hq"
    hq_dir.mkdir()
    db = f"sqlite:///{hq_dir / 'hq.sqlite'}"
    assert cli("hq", "--db", db, "init", "--key-dir", str(hq_dir), data=None).returncode == 0
    assert (
        cli(
            "init",
            "--user",
            "张经理",
            "--territory",
            "31",
            "--hq-key",
            str(hq_dir / "hq_public.key"),
        ).returncode
        == 0
    )
    csv = tmp_path / "partners.csv"
    csv.write_text(PARTNERS, encoding="utf-8")
    assert cli("partners", "import", str(csv)).returncode == 0
    key = tmp_path / "dev.json"
    assert cli("device", "export-key", "-o", str(key)).returncode == 0
    assert cli("hq", "--db", db, "register-device", str(key), data=None).returncode == 0
    return db, hq_dir


def record_visit(cli, partner: str = "P001", template: str | None = None) -> str:  # type: ignore[no-untyped-def]
    """A submitted store inspection of ``partner`` on the laptop."""
    visit_id = cli(
        "visits",
        "new",
        "--partner",
        partner,
        *(["--template", template] if template else []),
        "--json",
    ).json()["id"]
    for key, value in ANSWERS:
        assert cli("visits", "answer", visit_id, key, value).returncode == 0
    assert (
        cli(
            "visits", "answer", visit_id, "storefront_photo", str(EXIF_DIR / "Landscape_2.jpg")
        ).returncode
        == 0
    )
    submitted = cli("visits", "submit", visit_id)
    assert submitted.returncode == 0, submitted.stderr
    return visit_id


def sync_up(cli, db: str, tmp_path: Path, name: str = "up.cdsync") -> None:  # type: ignore[no-untyped-def]
    bundle = tmp_path / name
    assert cli("sync", "export", "-o", str(bundle)).returncode == 0
    ingested = cli(
        "hq", "--db", db, "ingest", str(bundle), "--ack-dir", str(tmp_path / "acks"), data=None
    )
    assert ingested.returncode == 0 and "accepted" in ingested.stdout, (
        ingested.stdout + ingested.stderr
    )


def test_hq_visits_and_verify(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, _ = laptop_and_hq(cli, tmp_path)
    visit_id = record_visit(cli)
    sync_up(cli, db, tmp_path)
    laptop_rows = cli("visits", "list", "--json").json()
    hq_rows = cli("hq", "--db", db, "visits", "list", "--json", data=None).json()
    assert hq_rows == laptop_rows and hq_rows[0]["id"] == visit_id
    month = hq_rows[0]["started_at"][:7]
    assert (
        cli("hq", "--db", db, "visits", "list", "--month", month, "--json", data=None).json()
        == laptop_rows
    )
    assert (
        cli("hq", "--db", db, "visits", "list", "--month", "2001-01", "--json", data=None).json()
        == []
    )
    device = cli("hq", "--db", db, "stats", "--json", data=None).json()["devices"][0]["device_id"]
    assert (
        cli("hq", "--db", db, "visits", "list", "--device", device, "--json", data=None).json()
        == laptop_rows
    )
    unknown_device = cli("hq", "--db", db, "visits", "list", "--device", "nope", data=None)
    assert unknown_device.returncode == 1 and "nope" in unknown_device.stderr
    assert cli("hq", "--db", db, "visits", "list", "--month", "2026-13", data=None).returncode == 1
    shown = cli("hq", "--db", db, "visits", "show", visit_id, "--json", data=None).json()
    assert shown == cli("visits", "show", visit_id, "--json").json()
    assert (
        cli("hq", "--db", db, "visits", "show", "no-such-id", "--json", data=None).returncode == 1
    )

    verified = cli("hq", "--db", db, "verify", shown["content_hash"], data=None)
    assert verified.returncode == 0, verified.stderr
    assert (
        visit_id in verified.stdout
        and "P001" in verified.stdout
        and shown["started_at"][:4] in verified.stdout
    )
    forged = cli("hq", "--db", db, "verify", "f" * 64, data=None)
    assert (
        forged.returncode == 1
        and forged.stdout == ""
        and len(forged.stderr.strip().splitlines()) == 1
    )
    chinese = cli("hq", "--db", db, "verify", "f" * 64, data=None, lang="zh_CN")
    assert chinese.returncode == 1 and "Traceback" not in chinese.stderr


def test_hq_authors_publishes_and_sees_the_visit_made_with_it(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The loop: HQ authors a template version, a region target and ERP receivables,
    publishes; the laptop imports, records a visit with that version, exports; HQ
    ingests and lists the visit with its version."""
    db, _ = laptop_and_hq(cli, tmp_path)
    sync_up(cli, db, tmp_path, "partners.cdsync")  # HQ learns the partners
    template = tmp_path / "store.json"
    exported = cli(
        "hq", "--db", db, "templates", "export", "store_inspection", "-o", str(template), data=None
    )
    assert exported.returncode == 0, exported.stderr
    body = json.loads(template.read_text(encoding="utf-8"))
    body["sections"][0]["items"].append(
        {"key": "queue_sign", "label": "排队指引牌", "kind": "yesno", "required": True, "weight": 1}
    )
    template.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    made = cli("hq", "--db", db, "templates", "import", str(template), "--json", data=None)
    assert made.returncode == 0 and made.json() == {"name": "store_inspection", "version": 2}, (
        made.stderr
    )
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"name": "x", "sections": [{"items": [{"key": "a", "kind": "colour"}]}]}', encoding="utf-8"
    )
    refused = cli("hq", "--db", db, "templates", "import", str(bad), "--json", data=None)
    assert refused.returncode == 1 and refused.stdout == "" and "colour" in refused.stderr
    assert (
        cli(
            "hq",
            "--db",
            db,
            "templates",
            "export",
            "nope",
            "-o",
            str(tmp_path / "n.json"),
            data=None,
        ).returncode
        == 1
    )
    year = str(date.today().year)
    targets = tmp_path / "targets.csv"
    targets.write_text(
        f"metric,period,scope_kind,scope,amount\nrevenue,{year},region,310000,880000\n",
        encoding="utf-8",
    )
    imported = cli("hq", "--db", db, "targets", "import", str(targets), "--json", data=None)
    assert imported.returncode == 0 and imported.json() == {
        "rows": 1,
        "created": 1,
        "updated": 0,
        "unchanged": 0,
    }, imported.stderr
    wrong = tmp_path / "wrong.csv"
    wrong.write_text(
        f"metric,period,scope_kind,scope,amount\nrevenue,{year},region,999999,1\n", encoding="utf-8"
    )
    assert cli("hq", "--db", db, "targets", "import", str(wrong), data=None).returncode == 1
    erp = tmp_path / "erp.csv"
    erp.write_text(
        "partner_code,kind,date,amount,ref\nP001,invoice,2026-01-05,1200.00,INV-1\nP001,payment,2026-01-20,200,PAY-1\n",
        encoding="utf-8",
    )
    receivables = cli("hq", "--db", db, "receivables", "import", str(erp), "--json", data=None)
    assert receivables.returncode == 0 and receivables.json()["created"] == 2, receivables.stderr
    erp.write_text("partner_code,kind,date,amount,ref\nP404,refund,soon,x,\n", encoding="utf-8")
    assert (
        cli("hq", "--db", db, "receivables", "import", str(erp), "--json", data=None).returncode
        == 1
    )

    device = cli("hq", "--db", db, "stats", "--json", data=None).json()["devices"][0]["device_id"]
    down = tmp_path / "down.cdhq"
    assert (
        cli("hq", "--db", db, "publish", "--device", device, "-o", str(down), data=None).returncode
        == 0
    )
    assert cli("sync", "import", str(down)).returncode == 0
    assert any(
        t["scope"] == "31" and t["metric"] == "revenue"
        for t in cli("targets", "list", "--year", year, "--json").json()
    )
    visit_id = cli("visits", "new", "--partner", "P001", "--json").json()["id"]
    assert cli("visits", "show", visit_id, "--json").json()["template_version"] == 2
    for key, value in (*ANSWERS, ("queue_sign", "yes")):
        assert cli("visits", "answer", visit_id, key, value).returncode == 0
    assert (
        cli(
            "visits", "answer", visit_id, "storefront_photo", str(EXIF_DIR / "Landscape_2.jpg")
        ).returncode
        == 0
    )
    assert cli("visits", "submit", visit_id).returncode == 0
    sync_up(cli, db, tmp_path, "visit.cdsync")
    shown = cli("hq", "--db", db, "visits", "show", visit_id, "--json", data=None).json()
    assert shown["template_version"] == 2 and "queue_sign" in [i["key"] for i in shown["items"]]
    assert [
        r["id"]
        for r in cli(
            "hq", "--db", db, "visits", "list", "--device", device, "--json", data=None
        ).json()
    ] == [visit_id]


def test_hq_gui_screenshot(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, _ = laptop_and_hq(cli, tmp_path)
    record_visit(cli)
    sync_up(cli, db, tmp_path)
    shot = tmp_path / "hq.png"
    result = cli("hq", "--db", db, "gui", "--screenshot", str(shot), data=None, lang="zh_CN")
    assert result.returncode == 0, result.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    missing = cli(
        "hq",
        "--db",
        f"sqlite:///{tmp_path / 'nope.sqlite'}",
        "gui",
        "--screenshot",
        str(tmp_path / "x.png"),
        data=None,
    )
    assert missing.returncode == 1 and not (tmp_path / "x.png").exists()
