"""Reports never fail on long text (issue 14): a card with a 130 000-character address
(stored by an old version or a sync) prints, shortened with a note, its rows split
across pages."""

from __future__ import annotations

import io
import re
from pathlib import Path

from app.reports.base import MAX_PARAGRAPH_CHARS, clip
from app.reports.builders import build_period_report
from app.services import partner_io
from app.services.partner_card import partner_card_data


def test_partner_card_with_huge_text_fields_prints(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "p.csv"
    path.write_text("code,name\nR1,甲\n", encoding="utf-8")
    partner_io.import_partners(ctx, path)
    with ctx.session() as s:  # past the input caps, as an old database may hold it
        from db.models import Partner

        partner = s.query(Partner).one()
        partner.address, partner.notes, partner.name = "路" * 130_000, "x" * 50_000, "名" * 300
    buf = io.BytesIO()
    build_period_report(partner_card_data(ctx, "R1"), buf)
    pages = int(re.search(rb"/Count (\d+)", buf.getvalue()).group(1))  # type: ignore[union-attr]
    assert (
        buf.getvalue().startswith(b"%PDF") and 1 < pages < 20
    )  # the rows split; the text was shortened


def test_clip_keeps_short_text_and_says_how_long_long_text_was() -> None:
    assert clip("短") == "短"
    long = clip("路" * 130_000)
    assert (
        long.startswith("路" * MAX_PARAGRAPH_CHARS)
        and "130,000" in long
        and len(long) < MAX_PARAGRAPH_CHARS + 60
    )


def test_a_cell_paragraph_split_away_is_wrapped_again_before_it_is_drawn() -> None:
    """reportlab's ``split`` drops a paragraph's wrapped lines when too little room is left
    (a table row moved to the next page); the wrap-once cache must not then answer from a
    wrap whose lines are gone (a period report failed with "no attribute 'blPara'")."""
    from reportlab.pdfgen.canvas import Canvas

    from app.reports.base import para

    cell = para("渠道" * 80)
    width, height = cell.wrap(120, 1000)
    assert cell.split(120, 1) == []  # no room: the lines are dropped
    assert cell.wrap(120, 1000) == (width, height)
    cell.drawOn(Canvas(io.BytesIO()), 0, 0)
