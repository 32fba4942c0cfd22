"""Target, actuals and receivable files in the user's language (issue 18, point 2): cells
may name a metric, scope kind or receivable kind by its key or its label in either
language; a problem names its column as the file does, and a missing column by its header
in the current language — under zh_CN an error line holds no machine key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.errors import ValidationError
from app.hq.server import Hq
from app.i18n import set_language
from app.services import partner_io
from app.services import targets as svc

LATIN_WORD = re.compile(r"(?<![A-Za-z0-9_.])[A-Za-z][A-Za-z_]+(?![A-Za-z0-9_])")


@pytest.fixture
def with_partners(ctx, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "p.csv"
    path.write_text("code,name,grade,region\nT1,甲,A,310115\nT2,乙,C,310115\n", encoding="utf-8")
    partner_io.import_partners(ctx, path)
    return ctx


def _targets(ctx) -> set[tuple[str, str, str, str, int]]:  # type: ignore[no-untyped-def]
    return {(r.metric, r.period, r.scope_kind, r.scope, r.target) for r in svc.list_targets(ctx)}


def test_target_cells_take_labels_in_either_language(with_partners, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx = with_partners
    path = tmp_path / "目标.csv"
    path.write_text(
        "指标,期间,范围类型,范围,目标\n"
        "销售额,2026,地区,310115,100\n"
        "Revenue,2026,Partner,T1,50\n"
        "新增网点,2026-03,渠道,T2,2\n",
        encoding="utf-8",
    )
    assert svc.import_targets(ctx, path).created == 3
    assert {
        ("revenue", "2026", "region", "310115", 10000),
        ("revenue", "2026", "partner", "T1", 5000),
        ("new_outlets", "2026-03", "partner", "T2", 2),
    } <= _targets(ctx)


def test_target_problems_read_chinese_and_name_the_files_columns(
    with_partners, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    set_language("zh_CN")
    path = tmp_path / "目标.csv"
    path.write_text(
        "指标,期间,范围类型,范围,目标\n利润,2026,地区,310115,1\n销售额,2026年,片区,T1,-1\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as info:
        svc.import_targets(with_partners, path)
    details = info.value.details
    assert [d.split("：")[0] for d in details] == [
        "目标.csv, 第 2 行，“指标”列",
        "目标.csv, 第 3 行，“期间”列",
        "目标.csv, 第 3 行，“范围类型”列",
        "目标.csv, 第 3 行，“目标”列",
    ]
    assert "销售额" in details[0] and "渠道" in details[2] and "地区" in details[2]
    assert not [w for d in details for w in LATIN_WORD.findall(d.replace("目标.csv", ""))]

    path.write_text("渠道编码,数值\nT1,1\n", encoding="utf-8")
    with pytest.raises(ValidationError) as missing:
        svc.import_targets(with_partners, path)
    assert "指标、期间、金额" in missing.value.message
    assert not LATIN_WORD.findall(missing.value.message.replace("目标.csv", ""))


def test_missing_columns_are_named_by_key_in_english(with_partners, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "t.csv"
    path.write_text("partner_code,value\nT1,1\n", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        svc.import_targets(with_partners, path)
    assert "missing required column(s): metric, period, amount." in info.value.message


@pytest.fixture
def hq(tmp_path: Path):  # type: ignore[no-untyped-def]
    (tmp_path / "hq").mkdir()
    server = Hq(f"sqlite:///{tmp_path / 'hq' / 'hq.sqlite'}", tmp_path / "hq")
    server.init()
    yield server
    server.close()


def test_hq_imports_take_chinese_labels_and_word_problems_in_chinese(
    hq: Hq, tmp_path: Path
) -> None:
    from app.hq import company_targets
    from app.hq.receivables import import_receivables
    from tests.unit.services.test_sync import make_laptop, seed

    ctx = make_laptop(tmp_path, "lap", hq)
    seed(ctx, tmp_path)
    from app.services.sync import export_bundle

    assert hq.ingest(export_bundle(ctx, tmp_path / "up.cdsync").path).status == "accepted"
    ctx.close()
    made = company_targets.import_targets(
        hq,
        [["指标", "期间", "范围类型", "范围", "目标"], ["回款", "2026", "地区", "3101", "9"]],
        "t.csv",
    )
    assert made.created == 1
    made = import_receivables(
        hq,
        [["渠道编码", "类型", "日期", "金额", "单号"], ["P001", "发票", "2026-01-05", "10", "A1"]],
        "erp.csv",
    )
    assert made.created == 1

    set_language("zh_CN")
    with pytest.raises(ValidationError) as info:
        import_receivables(
            hq,
            [
                ["客户编码", "类型", "日期", "金额", "单号"],
                ["P001", "退款", "2026/1/5x", "10", "A2"],
            ],
            "erp.csv",
        )
    assert [d.split("：")[0] for d in info.value.details] == [
        "erp.csv, 第 2 行，“类型”列",
        "erp.csv, 第 2 行，“日期”列",
    ]
    assert not [w for d in info.value.details for w in LATIN_WORD.findall(d.replace("erp.csv", ""))]
    with pytest.raises(ValidationError) as missing:
        company_targets.import_targets(hq, [["范围", "目标"], ["3101", "1"]], "t.csv")
    assert "指标、期间" in missing.value.message


def test_hq_import_counts_its_problems_in_the_singular_and_plural(hq: Hq) -> None:
    from app.hq import company_targets

    header = ["metric", "period", "scope_kind", "scope", "amount"]
    with pytest.raises(ValidationError) as one:
        company_targets.import_targets(
            hq, [header, ["revenue", "2026", "region", "999999", "1"]], "t.csv"
        )
    assert one.value.message == "t.csv: 1 problem found; nothing was imported."
    with pytest.raises(ValidationError) as two:
        company_targets.import_targets(
            hq,
            [header, ["revenue", "2026", "region", "99", "1"], ["x", "2026", "region", "32", "1"]],
            "t.csv",
        )
    assert two.value.message == "t.csv: 2 problems found; nothing was imported."
