"""End-to-end: ``channeldesk targets import FILE`` — bad rows reported with file, row and
column and nothing changed (exit 1); a good file imported, re-import changes nothing, and
``targets list`` shows the values."""

from __future__ import annotations

from pathlib import Path


def test_targets_import_cli(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("init", "--user", "u1").returncode == 0
    partners = tmp_path / "partners.csv"
    partners.write_text(
        "code,name,grade,region\nP1,甲,A,310115\nP2,乙,B,310115\n", encoding="utf-8"
    )
    assert cli("partners", "import", str(partners)).returncode == 0
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "metric,period,scope,amount\nrevenue,2026-01,P1,100\nrevenue,2026-13,P2,1\nrevenu,2026-01,P2,1\n"
        "revenue,2026-02,NOPE,1\nrevenue,2026-02,P2,-1\nrevenue,2026-01,P1,100\n",
        encoding="utf-8",
    )
    failed = cli("targets", "import", str(bad))
    assert failed.returncode == 1
    lines = failed.stderr.strip().splitlines()
    assert [line.split(":")[0] for line in lines[:5]] == [
        "bad.csv, row 3, column period",
        "bad.csv, row 4, column metric",
        "bad.csv, row 5, column scope",
        "bad.csv, row 6, column amount",
        "bad.csv, row 7, column scope",
    ]
    assert "nothing was imported" in lines[-1]
    listed = cli("targets", "list", "--json")
    assert listed.returncode == 0 and listed.json() == []
    good = tmp_path / "good.csv"
    good.write_text(
        "metric,period,scope_kind,scope,amount\nrevenue,2026-01,partner,P1,1234.56\nrevenue,2026,region,310115,50000\n"
        "sales_volume,2026-Q2,partner,P2,40\n",
        encoding="utf-8",
    )
    first = cli("targets", "import", str(good), "--json")
    assert first.returncode == 0, first.stderr
    assert first.json() == {"rows": 3, "created": 3, "updated": 0, "unchanged": 0}
    again = cli("targets", "import", str(good), "--json")
    assert again.json() == {"rows": 3, "created": 0, "updated": 0, "unchanged": 3}
    rows = {
        (r["metric"], r["period"], r["scope"]): r["target"]
        for r in cli("targets", "list", "--year", "2026", "--json").json()
    }
    assert rows == {
        ("revenue", "2026-01", "P1"): "1234.56",
        ("revenue", "2026", "310115"): "50000.00",
        ("sales_volume", "2026-Q2", "P2"): "40",
    }
    missing = cli("targets", "import", str(tmp_path / "absent.csv"))
    assert missing.returncode != 0 and "absent.csv" in missing.stderr
