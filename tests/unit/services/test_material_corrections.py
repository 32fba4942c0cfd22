"""Service tests: correcting and voiding promotion-material ledger entries (宣传品台账).
Nothing is overwritten or deleted — the original is voided with the reason and stays in
the history; a correction adds the right entry in one transaction; the book never goes
below zero; bad input is refused with a message and changes nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from app.errors import NotFoundError, UserError, ValidationError
from app.services import materials, partner_io
from db.models import MaterialLedgerEntry

DAY = dt.date(2026, 1, 5)


@pytest.fixture
def partner(ctx, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "p.csv"
    path.write_text("code,name,grade,region\nM001,静安寺旗舰店,A,310106\n", encoding="utf-8")
    partner_io.import_partners(ctx, path)
    return ctx


def _rows(ctx) -> list[tuple[str, str, int, bool, str | None]]:  # type: ignore[no-untyped-def]
    with ctx.read_session() as s:
        return [
            (r.item_name, r.kind, r.quantity, r.voided, r.void_reason)
            for r in s.scalars(select(MaterialLedgerEntry).order_by(MaterialLedgerEntry.created_at))
        ]


def _entry(ctx, item: str, kind: str) -> materials.LedgerEntry:  # type: ignore[no-untyped-def]
    return next(
        e
        for e in materials.partner_materials(ctx, "M001").entries
        if (e.item_name, e.kind) == (item, kind)
    )


def test_void_keeps_the_entry_in_the_history_with_its_reason(partner) -> None:  # type: ignore[no-untyped-def]
    materials.record_material_entry(partner, "M001", "海报", "issued", 6, DAY)
    materials.record_material_entry(partner, "M001", "台卡", "issued", 3, DAY)
    wrong = _entry(partner, "台卡", "issued")
    changes = materials.void_material_entry(partner, wrong.id, "  录入重复  ")
    assert changes.touches("material_ledger_entry")
    ledger = materials.partner_materials(partner, "M001")
    assert ledger.book == {"海报": 6} and [e.item_name for e in ledger.entries] == ["海报"]
    history = materials.partner_materials(partner, "M001", include_voided=True)
    voided = next(e for e in history.entries if e.id == wrong.id)
    assert (voided.voided, voided.corrected, voided.reason) == (True, False, "录入重复")
    assert history.book == {"海报": 6}
    assert _rows(partner) == [
        ("海报", "issued", 6, False, None),
        ("台卡", "issued", 3, True, "录入重复"),
    ]
    with pytest.raises(UserError, match="already voided"):
        materials.void_material_entry(partner, wrong.id, "again")
    with pytest.raises(NotFoundError):
        materials.void_material_entry(partner, "no-such-id", "x")


def test_correction_voids_the_original_and_adds_the_right_entry(partner) -> None:  # type: ignore[no-untyped-def]
    materials.record_material_entry(partner, "M001", "海报", "issued", 60, DAY, note="春季活动")
    wrong = _entry(partner, "海报", "issued")
    materials.correct_material_entry(
        partner, wrong.id, "海报", "issued", 6, DAY, "春季活动", "多输了一个零"
    )
    history = materials.partner_materials(partner, "M001", include_voided=True)
    assert [(e.quantity, e.voided, e.corrected, e.reason, e.note) for e in history.entries] == [
        (6, False, False, "", "春季活动"),
        (60, True, True, "多输了一个零", "春季活动"),
    ]
    assert history.book == {"海报": 6}
    # the item name and kind can be corrected too; the book follows
    right = _entry(partner, "海报", "issued")
    materials.correct_material_entry(
        partner, right.id, "台卡", "issued", 6, DAY - dt.timedelta(days=1), "", "物料填错"
    )
    assert materials.partner_materials(partner, "M001").book == {"台卡": 6}
    assert [r[3] for r in _rows(partner)] == [True, True, False]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"reason": "  "}, "Give the reason"),
        ({"reason": "x" * 201}, "at most 200 characters"),
        ({"quantity": 0}, "whole number from 1"),
        ({"quantity": "abc"}, "whole number from 1"),
        ({"item_name": " "}, "Give the name of the promotion material"),
        ({"kind": "lost"}, "Unknown ledger entry kind"),
        # days ahead, not one: the date is taken at collection and a run may pass midnight
        ({"entry_date": dt.date.today() + dt.timedelta(days=30)}, "lies in the future"),
        ({"quantity": 5}, "Nothing to correct"),
    ],
)
def test_bad_corrections_are_refused_and_change_nothing(partner, kwargs, message) -> None:  # type: ignore[no-untyped-def]
    materials.record_material_entry(partner, "M001", "海报", "issued", 5, DAY, note="n")
    entry = _entry(partner, "海报", "issued")
    values = {
        "item_name": "海报",
        "kind": "issued",
        "quantity": 4,
        "entry_date": DAY,
        "note": "n",
        "reason": "数量错",
    } | kwargs
    with pytest.raises(ValidationError, match=message):
        materials.correct_material_entry(partner, entry.id, **values)
    assert _rows(partner) == [("海报", "issued", 5, False, None)]


def test_the_book_cannot_go_below_zero(partner) -> None:  # type: ignore[no-untyped-def]
    materials.record_material_entry(partner, "M001", "海报", "issued", 5, DAY)
    materials.record_material_entry(
        partner, "M001", "海报", "returned", 3, DAY + dt.timedelta(days=1)
    )
    issued, returned = _entry(partner, "海报", "issued"), _entry(partner, "海报", "returned")
    with pytest.raises(
        ValidationError, match=r"would have returned 3 × 海报 more than were issued"
    ):
        materials.void_material_entry(partner, issued.id, "发错了")
    with pytest.raises(ValidationError, match=r"would have returned 1 × 海报 more"):
        materials.correct_material_entry(partner, issued.id, "海报", "issued", 2, DAY, "", "数量错")
    with pytest.raises(ValidationError, match=r"would have returned 3 × 海报 more"):
        materials.correct_material_entry(partner, issued.id, "台卡", "issued", 5, DAY, "", "物料错")
    assert materials.partner_materials(partner, "M001").book == {"海报": 2}
    # voiding the return first frees the issue; a return may be corrected within the book
    materials.correct_material_entry(
        partner, returned.id, "海报", "returned", 5, DAY + dt.timedelta(days=1), "", "全部退回"
    )
    assert materials.partner_materials(partner, "M001").book == {"海报": 0}
    with pytest.raises(ValidationError, match="would have returned"):
        materials.correct_material_entry(
            partner, _entry(partner, "海报", "returned").id, "海报", "returned", 6, DAY, "", "x"
        )
    materials.void_material_entry(partner, _entry(partner, "海报", "returned").id, "没有退回")
    materials.void_material_entry(partner, issued.id, "发错了")
    assert materials.partner_materials(partner, "M001").book == {}


def test_messages_are_translated(partner) -> None:  # type: ignore[no-untyped-def]
    from app.i18n import set_language

    materials.record_material_entry(partner, "M001", "海报", "issued", 5, DAY)
    entry = _entry(partner, "海报", "issued")
    set_language("zh_CN")
    try:
        with pytest.raises(ValidationError) as info:
            materials.void_material_entry(partner, entry.id, "")
    finally:
        set_language("en")
    assert "原因" in info.value.message
