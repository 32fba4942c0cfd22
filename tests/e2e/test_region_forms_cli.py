"""End-to-end: region codes are accepted in their 2-, 4- and 6-digit forms, official
province and city forms included, and kept in the shortest form (CLI.md, second round)."""

from __future__ import annotations


def test_init_takes_official_six_digit_forms(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("init", "--user", "李娜", "--territory", "320100,310000,320102")
    assert result.returncode == 0, result.stderr
    info = cli("device", "show", "--json").json()
    assert info["territory"] == ["3201", "31", "320102"]


def test_unknown_official_form_is_one_line_exit_1(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("init", "--user", "李娜", "--territory", "329900")
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "329900" in result.stderr


def test_partner_list_region_filter_takes_official_forms(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert cli("init", "--user", "李娜", "--territory", "3201").returncode == 0
    sheet = tmp_path / "p.csv"
    sheet.write_text(
        "code,name,type,grade,region\nNJ1,南京一号,dealer,B,320102\nSH1,上海一号,dealer,B,310115\n",
        encoding="utf-8",
    )
    imported = cli("partners", "import", str(sheet))
    assert imported.returncode == 0, imported.stderr
    short = cli("partners", "list", "--region", "3201", "--json")
    official = cli("partners", "list", "--region", "320100", "--json")
    assert short.returncode == 0, short.stderr
    assert official.returncode == 0, official.stderr
    assert [r["code"] for r in official.json()] == ["NJ1"]
    assert official.json() == short.json()


def test_text_output_speaks_chinese_and_json_keeps_keys(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert cli("init", "--user", "李娜", "--territory", "3201").returncode == 0
    sheet = tmp_path / "p.csv"
    sheet.write_text(
        "code,name,type,grade,region\nNJ1,南京一号,dealer,B,320102\n", encoding="utf-8"
    )
    assert cli("partners", "import", str(sheet)).returncode == 0
    text = cli("partners", "list", lang="zh_CN")
    assert (
        text.returncode == 0
        and "NJ1" in text.stdout
        and "active" not in text.stdout
        and "正常" in text.stdout
    )
    assert "1 个渠道" in text.stderr
    assert cli("partners", "list", "--json").json()[0]["status"] == "active"
    status = cli("sync", "status", lang="zh_CN")
    assert status.returncode == 0 and "上次同步" in status.stdout and "never" not in status.stdout
