"""End-to-end: ``channeldesk actuals import FILE`` with the Chinese column names an HQ
export in Chinese carries; bad rows are reported per row and column, nothing changed."""

from __future__ import annotations

from pathlib import Path


def test_actuals_import_cli_with_chinese_headers(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("init", "--user", "u1").returncode == 0
    partners = tmp_path / "partners.csv"
    partners.write_text(
        "编码,名称,等级,区划代码\nP1,甲,A,310115\nP2,乙,B,310115\n", encoding="utf-8"
    )
    assert cli("partners", "import", str(partners)).returncode == 0
    targets = tmp_path / "targets.csv"
    targets.write_text(
        "渠道编码,指标,期间,目标\nP1,revenue,2026-01,1000\nP2,revenue,2026-01,500\n",
        encoding="utf-8",
    )
    assert cli("targets", "import", str(targets)).returncode == 0

    bad = tmp_path / "bad.csv"
    bad.write_bytes(
        "合作方编码,指标,月份,金额\nP1,revenue,2026-01,250\nP9,revenue,2026-01,1\nP2,revenue,2026-01,-1\n".encode(
            "gbk"
        )
    )
    failed = cli("actuals", "import", str(bad))
    assert failed.returncode == 1
    lines = failed.stderr.strip().splitlines()
    assert [line.split(":")[0] for line in lines[:-1]] == [
        "row 3, column 合作方编码",  # the column as the file names it
        "row 4, column 金额",
    ]
    assert "nothing was imported" in lines[-1]

    good = tmp_path / "good.csv"
    good.write_text(
        "渠道编码,指标,月份,金额\nP1,revenue,2026-01,250.5\nP2,revenue,2026-01,100\n",
        encoding="utf-8-sig",
    )
    first = cli("actuals", "import", str(good), "--json")
    assert first.returncode == 0, first.stderr
    assert first.json() == {"rows": 2, "created": 2, "updated": 0, "unchanged": 0}
    again = cli("actuals", "import", str(good), "--json")
    assert again.json() == {"rows": 2, "created": 0, "updated": 0, "unchanged": 2}
    listed = {
        r["scope"]: r["actual"]
        for r in cli("targets", "list", "--month", "2026-01", "--json").json()
    }
    assert listed == {"P1": "250.50", "P2": "100.00"}
