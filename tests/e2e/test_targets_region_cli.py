"""End-to-end: ``channeldesk targets import`` refuses a well-formed region code that names
no real province, city or district — one stderr line naming file, row and column, exit 1,
nothing imported (in the chosen language)."""

from __future__ import annotations

from pathlib import Path


def test_targets_import_cli_refuses_unknown_region_codes(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("init", "--user", "u1").returncode == 0
    path = tmp_path / "regions.csv"
    path.write_text(
        "region,metric,period,amount\n310115,revenue,2026,100\n310199,revenue,2026,100\n",
        encoding="utf-8",
    )
    failed = cli("targets", "import", str(path))
    assert failed.returncode == 1
    lines = failed.stderr.strip().splitlines()
    assert (
        lines[0]
        == "regions.csv, row 3, column region: unknown region code 310199: no such province, city or district"
    )
    assert len(lines) == 2 and "nothing was imported" in lines[1]
    assert cli("targets", "list", "--json").json() == []
    chinese = cli("targets", "import", str(path), lang="zh_CN")
    assert chinese.returncode == 1
    assert chinese.stderr.splitlines()[0].endswith("未知的区划代码 310199：没有这个省、市或区县")
    path.write_text("region,metric,period,amount\n310115,revenue,2026,100\n", encoding="utf-8")
    assert cli("targets", "import", str(path)).returncode == 0
    assert [r["scope"] for r in cli("targets", "list", "--json").json()] == ["310115"]
