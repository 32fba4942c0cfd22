"""pytest-qt (issue 15): once HQ has published a partner card, its grade and credit limit
are read-only in the partner form and the service refuses a change of them; a card HQ
never published stays editable."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import ValidationError
from app.services import partner_edit, partner_io, partner_read
from db.models import PartnerPublished
from tests.gui.conftest import wait_loaded


def test_published_card_has_read_only_hq_fields(qtbot, ctx, tmp_path: Path, ui_window) -> None:  # type: ignore[no-untyped-def]
    from app.ui.partners.dialogs import PartnerDialog

    csv = tmp_path / "p.csv"
    csv.write_text(
        "code,name,grade,region\nH1,总部店,B,310106\nL1,本地店,C,310106\n", encoding="utf-8"
    )
    partner_io.import_partners(ctx, csv)
    published, local = (
        partner_read.partner_detail(ctx, "H1").partner.id,
        partner_read.partner_detail(ctx, "L1").partner.id,
    )
    with ctx.session() as s:  # what importing HQ's down-bundle records (sync import)
        s.add(PartnerPublished(partner_id=published, hlc="001796662144633:000000:hq"))
    ui, window = ui_window
    card = PartnerDialog(ui, published, window)
    qtbot.addWidget(card)
    wait_loaded(qtbot, card)
    assert (
        not card.grade.isEnabled()
        and not card.credit_limit.isEnabled()
        and not card.grade_reason.isEnabled()
    )
    assert "HQ" in card.grade.toolTip()
    assert card.name.isEnabled()  # the rest of the card is the manager's
    other = PartnerDialog(ui, local, window)
    qtbot.addWidget(other)
    wait_loaded(qtbot, other)
    assert other.grade.isEnabled() and other.credit_limit.isEnabled()
    data = partner_edit.input_from_partner(partner_read.partner_detail(ctx, published).partner)
    data.grade, data.grade_reason = "A", "更大了"
    with pytest.raises(ValidationError, match="HQ sets the grade and credit limit of partner H1"):
        partner_edit.save_partner(ctx, data, published)
    assert partner_read.partner_detail(ctx, published).partner.grade == "B"
    data = partner_edit.input_from_partner(partner_read.partner_detail(ctx, published).partner)
    data.address = "新地址"
    partner_edit.save_partner(ctx, data, published)  # other fields still save
    data = partner_edit.input_from_partner(partner_read.partner_detail(ctx, local).partner)
    data.grade, data.grade_reason = "A", "升级"
    partner_edit.save_partner(ctx, data, local)
    assert partner_read.partner_detail(ctx, local).partner.grade == "A"
