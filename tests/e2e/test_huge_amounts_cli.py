"""A spreadsheet with an amount too large to store is refused row by row (exit 1, one
line per problem, nothing imported) by every import that reads amounts: it crashed with
exit 3 ("Python int too large to convert to SQLite INTEGER") before."""

from __future__ import annotations

from pathlib import Path

HUGE = "99999999999999999999999"


def test_huge_amounts_are_row_errors(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    files = {
        ("partners", "import"): "code,name,type,status,grade,region,credit_limit\n"
        f"P001,店一,dealer,active,A,310101,{HUGE}\n",
        ("devrecords", "import"): "日期,渠道编码,产品,客户编号,手机号,预存款,业务类型\n"
        f"2026-12-06,P001,宽带,C1,13812345678,{HUGE},发展\n",
        ("actuals", "import"): f"partner_code,metric,period,amount\nP001,revenue,2026-11,{HUGE}\n",
        (
            "targets",
            "import",
        ): f"metric,period,scope_kind,scope,amount\nrevenue,2026,region,3101,{HUGE}\n",
    }
    assert cli("init", "--user", "测试", "--territory", "3101").returncode == 0
    base = tmp_path / "base.csv"
    base.write_text(
        "code,name,type,status,grade,region\nP001,店一,dealer,active,A,310101\n", "utf-8"
    )
    assert cli("partners", "import", str(base)).returncode == 0
    for (group, action), body in files.items():
        path = tmp_path / f"{group}.csv"
        path.write_text(body, encoding="utf-8")
        result = cli(group, action, str(path))
        assert result.returncode == 1, (group, result.stderr)
        assert "row 2" in result.stderr and "Internal error" not in result.stderr, group
    listed = cli("partners", "list", "--json")  # the partner as it was, nothing half-applied
    assert listed.returncode == 0 and "P001" in listed.stdout and HUGE not in listed.stdout
