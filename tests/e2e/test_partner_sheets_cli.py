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
    path.write_text(
        "渠道编码,名称,类型,信用额度\nZ1,甲,加盟店,abc\nZ2,乙,不存在,1\n", encoding="utf-8"
    )
    result = cli("partners", "import", str(path), lang="zh_CN")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("第 2 行，“信用额度”列：") and lines[1].startswith(
        "第 3 行，“类型”列：未知类型“不存在”"
    )
    assert all(
        not any("a" <= ch.lower() <= "z" for ch in line.split("：", 1)[0]) for line in lines[:2]
    )


def test_chinese_export_round_trips_through_the_command_line(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seed = tmp_path / "seed.csv"
    seed.write_text(
        'code,name,type,address,notes\nW1,=HYPERLINK("x"),franchise,@地址,-备注\n', encoding="utf-8"
    )
    assert cli("partners", "import", str(seed)).returncode == 0
    for suffix in (".csv", ".xlsx"):
        path = tmp_path / f"导出{suffix}"
        assert cli("partners", "export", str(path), lang="zh_CN").returncode == 0
        if suffix == ".csv":
            text = path.read_text(encoding="utf-8-sig")
            assert (
                text.startswith("编码,名称,类型,状态")
                and "加盟店" in text
                and "'=HYPERLINK" in text
            )
        again = cli("partners", "import", str(path), "--json", lang="zh_CN")
        assert again.returncode == 0 and again.json()["unchanged"] == 1, again.stderr
    shown = cli("partners", "list", "--json").json()
    assert shown[0]["name"] == '=HYPERLINK("x")'


def test_demo_partners_of_every_status_round_trip_into_a_new_data_dir(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("demo", "--partners", "40", "--months", "1", "--seed", "3").returncode == 0
    path = tmp_path / "all.xlsx"
    assert cli("partners", "export", str(path), lang="zh_CN").returncode == 0
    mine = cli("partners", "list", "--json").json()
    other = tmp_path / "other"
    result = cli("partners", "import", str(path), "--json", data=other, lang="zh_CN")
    assert result.returncode == 0, result.stderr
    theirs = cli("partners", "list", "--json", data=other).json()
    keys = (
        "code",
        "name",
        "grade",
        "status",
        "type",
        "region",
        "address",
        "primary_contact",
        "phone",
    )
    assert sorted(tuple(r[k] for k in keys) for r in theirs) == sorted(
        tuple(r[k] for k in keys) for r in mine
    )
    assert {r["status"] for r in mine} >= {"active", "suspended", "terminated"}
    again = cli("partners", "import", str(path), "--json", lang="zh_CN").json()
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 40)
