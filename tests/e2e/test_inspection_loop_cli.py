"""The inspection loop through the command line exactly as docs/cli.md ("Second round")
states it (issue 16): visits amend --json prints the new score that visits list shows;
attach-photo --item answers the item; rectifications list; a re-inspection keyed by
order id verifies one order; partners lifecycle / history; evidence in visits show."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import EXIF_DIR
from tests.unit.services.test_amendments import ANSWERS


def test_inspection_loop_through_the_cli(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    csv = tmp_path / "p.csv"
    csv.write_text(
        "code,name,grade,region\nP1,浦东金桥店,A,310115\nP2,徐汇店,B,310104\n", encoding="utf-8"
    )
    assert cli("partners", "import", str(csv)).returncode == 0
    visit = cli("visits", "new", "--partner", "P1", "--json").json()["id"]
    for key, value in {
        **ANSWERS,
        "signage": "no",
        "price_violation": "yes",
        "cleanliness": "1",
    }.items():
        assert cli("visits", "answer", visit, key, value).returncode == 0
    photo = str(sorted(EXIF_DIR.glob("Landscape_*.jpg"))[0])
    assert cli("visits", "attach-photo", visit, photo, "--item", "storefront_photo").returncode == 0
    submitted = cli("visits", "submit", visit)
    assert submitted.returncode == 0, submitted.stderr
    sealed = cli("visits", "show", visit, "--json").json()["score"]
    amended = cli("visits", "amend", visit, "--reason", "录入错误", "signage=yes", "--json")
    assert amended.returncode == 0, amended.stderr
    score = amended.json()["score"]
    assert score > sealed
    assert [r["score"] for r in cli("visits", "list", "--json").json() if r["id"] == visit] == [
        score
    ]
    shown = cli("visits", "show", visit, "--json").json()
    assert shown["score"] == score and isinstance(shown["evidence"], list)
    assert all(set(e) >= {"kind", "sha256", "detail"} for e in shown["evidence"])
    human = cli("visits", "show", visit, lang="zh_CN")
    assert "由" in human.stdout and "录入错误" in human.stdout  # the amendment, in Chinese
    bad = cli("visits", "amend", visit, "--reason", "x", "signage")
    assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1

    orders = cli("rectifications", "list", "--partner", "P1", "--json").json()
    assert orders and all(
        set(o) >= {"id", "partner_code", "status", "deadline", "item", "visit_id"} for o in orders
    )
    assert "signage" not in {o["item"] for o in orders}  # withdrawn by the amendment
    assert cli("partners", "lifecycle", "P1", "suspend", "--reason", "整改期间暂停").returncode == 0
    assert cli("visits", "new", "--partner", "P1").returncode == 1
    again = cli("visits", "new", "--partner", "P1", "--template", "reinspection", "--json")
    assert again.returncode == 0, again.stderr
    reinspection = again.json()["id"]
    first, *rest = (o["id"] for o in orders)
    assert cli("visits", "answer", reinspection, first, "passed").returncode == 0
    for other in rest:
        assert cli("visits", "answer", reinspection, other, "failed").returncode == 0
    assert cli("visits", "submit", reinspection).returncode == 0
    status = {
        o["id"]: o["status"]
        for o in cli("rectifications", "list", "--partner", "P1", "--json").json()
    }
    assert status[first] == "verified" and all(status[o] in ("open", "overdue") for o in rest)
    assert [
        o["id"] for o in cli("rectifications", "list", "--status", "verified", "--json").json()
    ] == [first]

    merged = cli(
        "partners", "lifecycle", "P1", "merge", "--reason", "业务整合", "--survivor", "P2", "--json"
    )
    assert merged.returncode == 0, merged.stderr
    assert (
        cli("partners", "lifecycle", "P2", "merge", "--reason", "x").returncode == 1
    )  # needs --survivor
    assert (
        cli(
            "partners",
            "lifecycle",
            "P2",
            "transfer",
            "--reason",
            "区域调整",
            "--to-manager",
            "钱七",
        ).returncode
        == 0
    )
    history = cli("partners", "history", "P1", "--json").json()
    assert [(h["event"], h["from_status"], h["to_status"]) for h in history] == [
        ("open", None, "active"),
        ("suspend", "active", "suspended"),
        ("merge", "suspended", "merged"),
    ]  # "open" from the import
    assert all(set(h) >= {"event", "from_status", "to_status", "reason", "at"} for h in history)
    zh = cli("partners", "history", "P1", lang="zh_CN")
    assert "暂停" in zh.stdout and "suspend" not in zh.stdout
