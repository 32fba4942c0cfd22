"""``partners import`` / ``export`` as a user runs them: refused inputs are one clear line
with exit 1 (issue 14); files in the user's language round-trip (issue 18)."""

from __future__ import annotations

from pathlib import Path


def test_import_refuses_a_device_with_one_line(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("partners", "import", "/dev/zero", "--dry-run")
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and "not a regular file" in result.stderr


def test_import_errors_in_chinese_name_the_column_as_the_file_does(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "p.csv"
    path.write_text("渠道编码,名称,类型,信用额度\nZ1,甲,加盟店,abc\nZ2,乙,不存在,1\n", encoding="utf-8")
    result = cli("partners", "import", str(path), lang="zh_CN")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("第 2 行，“信用额度”列：") and lines[1].startswith("第 3 行，“类型”列：未知类型“不存在”")
    assert all(not any("a" <= ch.lower() <= "z" for ch in line.split("：", 1)[0]) for line in lines[:2])
