"""The report builders: visit inspection report, weekly log / monthly assessment
(period reports) and the partner card. Each takes plain data and writes a PDF."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app.i18n import tr
from app.reports.base import (
    ACCENT,
    CELL_FONT_SIZE,
    CELL_PADDING,
    FONT,
    MARGIN,
    PAGE,
    JpegImage,
    data_table,
    footer_painter,
    key_value_table,
    numbered_canvas_class,
    para,
    register_fonts,
    styles,
)
from app.reports.data import PeriodReportData, PhotoData, VisitReportData

WIDTH = PAGE[0] - 2 * MARGIN
# A figure, amount, date or code: read whole, so its column is made wide enough for it
# rather than wrapped mid-number (¥1,000. / 00).
_UNBREAKABLE = re.compile(r"[-+¥$%.,:/×~–—0-9A-Za-z]{1,24}")
HEADING_ROOM = 30 * mm  # a section heading starts a new page when less is left below it


def period_column_widths(header: list[str], rows: list[list[Any]]) -> list[float]:
    """Column widths of a period report's table: the column of the longest texts (a
    partner's code and name, mostly the first) takes a third, the others share the rest;
    a column whose figures would not fit on one line is widened to its widest figure,
    taken from the columns with room to spare (never below theirs)."""
    count = len(header)
    if count <= 2:
        return [WIDTH / count] * count
    register_fonts()
    longest = [0.0] * count
    need = [0.0] * count
    for row in rows:
        for column, value in enumerate(row[:count]):
            text = str(value)[:200]
            width = pdfmetrics.stringWidth(text, FONT, CELL_FONT_SIZE)
            longest[column] = max(longest[column], width)
            if _UNBREAKABLE.fullmatch(text):
                need[column] = max(need[column], width + 2 * CELL_PADDING + 1)
    wide = longest.index(max(longest))
    widths = [WIDTH * 0.66 / (count - 1)] * count
    widths[wide] = WIDTH * 0.34
    short = sum(max(0.0, n - w) for n, w in zip(need, widths, strict=True))
    spare = [max(0.0, w - n) for n, w in zip(need, widths, strict=True)]
    if short <= 0 or sum(spare) <= 0:
        return widths
    share = min(1.0, short / sum(spare))
    return [max(w, n) - s * share for w, n, s in zip(widths, need, spare, strict=True)]


def _doc(target: Any, title: str) -> SimpleDocTemplate:
    register_fonts()
    return SimpleDocTemplate(
        target,
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=14 * mm,
        bottomMargin=18 * mm,
        title=title,
        author="ChannelDesk",
        creator="ChannelDesk",
    )


def _photo_cell(photo: PhotoData, box_w: float, box_h: float) -> list[Any]:
    s = styles()
    if photo.jpeg is None:
        missing = Table(
            [
                [
                    Paragraph(
                        tr("reports", "Photo missing (hash {hash})").format(hash=photo.sha256[:12]),
                        s["warn"],
                    )
                ]
            ],
            colWidths=[box_w],
            rowHeights=[box_h],
        )
        missing.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FONT),
                    ("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor("#b00020")),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ]
            )
        )
        flow: Any = missing
    else:
        scale = min(box_w / max(photo.width, 1), box_h / max(photo.height, 1))
        flow = JpegImage(photo.jpeg, photo.width * scale, photo.height * scale)
    caption = f"{photo.caption}  {photo.taken_at}  #{photo.sha256[:10]}"
    return [flow, para(caption, "small")]


def build_visit_report(data: VisitReportData, target: Path | io.BytesIO) -> None:
    """The visit inspection report (printed and signed on site). Its plain-text lines are
    ``para``: made without reportlab's markup parser, drawn the same."""
    doc = _doc(target, f"{data.partner_name} {tr('reports', 'Inspection report')}")
    story: list[Any] = [
        para(data.company, "subtitle"),
        para(tr("reports", "Store inspection report"), "title"),
        para(
            f"{data.partner_code} · {data.template} · {tr('reports', 'status')}: {data.status}",
            "subtitle",
        ),
    ]
    if data.credit_warning:
        story.append(para(data.credit_warning, "warn"))
    for warning in data.warnings:
        story.append(para(warning, "warn"))
    story.append(
        key_value_table(
            [
                (tr("reports", "Partner"), data.partner_name),
                (tr("reports", "Grade"), data.partner_grade),
                (tr("reports", "Address"), data.partner_address),
                (tr("reports", "Contacts"), data.partner_contacts),
                (tr("reports", "Manager"), data.manager),
                (tr("reports", "Coordinates"), data.coordinates),
                (tr("reports", "Checked in"), data.checked_in),
                (tr("reports", "Checked out"), data.checked_out),
                (tr("reports", "Total score"), data.score),
                (
                    tr("reports", "Section scores"),
                    "；".join(f"{k} {v}" for k, v in data.section_scores),
                ),
            ],
            WIDTH,
        )
    )
    story.append(para(tr("reports", "Checklist"), "h2"))
    story.append(
        data_table(
            [
                tr("reports", "Section"),
                tr("reports", "Item"),
                tr("reports", "Answer"),
                tr("reports", "Points"),
            ],
            [[c.section, c.label, c.answer, c.points] for c in data.checklist],
            [38 * mm, 78 * mm, 42 * mm, WIDTH - 158 * mm],
        )
    )
    story.append(para(tr("reports", "Findings and rectification orders"), "h2"))
    if data.findings:
        story.append(
            data_table(
                [
                    tr("reports", "Finding"),
                    tr("reports", "Deadline"),
                    tr("reports", "Responsible"),
                    tr("reports", "Status"),
                ],
                [[f.description, f.deadline, f.responsible, f.status] for f in data.findings],
                [92 * mm, 28 * mm, 30 * mm, WIDTH - 150 * mm],
            )
        )
    else:
        story.append(para(tr("reports", "No findings."), "base"))
    if data.material_differences:
        story.append(para(tr("reports", "Promotion materials: book vs count"), "h2"))
        story.append(
            data_table(
                [tr("reports", "Item"), tr("reports", "Book"), tr("reports", "Counted")],
                [[n, str(b), str(c)] for n, b, c in data.material_differences],
                [90 * mm, 40 * mm, WIDTH - 130 * mm],
            )
        )
    if data.competitor_notes:
        story.append(para(tr("reports", "Competitor notes"), "h2"))
        story += [para(n, "base") for n in data.competitor_notes]
    if data.amendments:
        story.append(para(tr("reports", "Amendment history"), "h2"))
        story.append(
            para(
                tr("reports", "Sealed original: score {score}, content hash {hash}").format(
                    score=data.sealed_score or "—", hash=data.content_hash
                ),
                "base",
            )
        )
        story.append(
            data_table(
                [
                    tr("reports", "Time"),
                    tr("reports", "By"),
                    tr("reports", "Reason"),
                    tr("reports", "Changes"),
                    tr("reports", "Score"),
                    tr("reports", "Content hash"),
                ],
                [
                    [a.at, a.by, a.reason, a.changes, a.score, a.content_hash[:16]]
                    for a in data.amendments
                ],
                [26 * mm, 20 * mm, 40 * mm, 46 * mm, 14 * mm, WIDTH - 146 * mm],
            )
        )
    if data.evidence:
        story.append(para(tr("reports", "Photo evidence warnings"), "h2"))
        story += [para(line, "warn") for line in data.evidence]
    if data.verified_orders:
        story.append(
            para(tr("reports", "Rectification orders re-inspected: before and after"), "h2")
        )
        box_w, box_h = (WIDTH - 6 * mm) / 2, 52 * mm
        rows: list[list[Any]] = []
        for order in data.verified_orders:
            rows.append([para(f"{order.description} — {order.outcome}", "base"), ""])
            rows.append(
                [
                    _photo_cell(order.before, box_w, box_h)
                    if order.before
                    else para(tr("reports", "No before-photo"), "base"),
                    _photo_cell(order.after, box_w, box_h)
                    if order.after
                    else para(tr("reports", "No after-photo"), "base"),
                ]
            )
        pairs = Table(rows, colWidths=[box_w + 3 * mm] * 2)
        pairs.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FONT),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                    *[("SPAN", (0, r), (1, r)) for r in range(0, len(rows), 2)],
                ]
            )
        )
        story.append(pairs)
    if data.photos:
        story.append(para(tr("reports", "Photos"), "h2"))
        box_w, box_h = (WIDTH - 6 * mm) / 2, 62 * mm
        cells = [_photo_cell(p, box_w, box_h) for p in data.photos]
        rows = [
            cells[i : i + 2] + ([[]] if len(cells[i : i + 2]) == 1 else [])
            for i in range(0, len(cells), 2)
        ]
        grid = Table(rows, colWidths=[box_w + 3 * mm] * 2)
        grid.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FONT),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ]
            )
        )
        story.append(grid)
    signature = Table(
        [
            [
                para(tr("reports", "Channel manager (signature)"), "base"),
                "",
                para(tr("reports", "Store representative (signature)"), "base"),
                "",
            ],
            [para(tr("reports", "Date"), "base"), "", para(tr("reports", "Date"), "base"), ""],
        ],
        colWidths=[40 * mm, WIDTH / 2 - 40 * mm, 40 * mm, WIDTH / 2 - 40 * mm],
        rowHeights=[14 * mm, 10 * mm],
    )
    signature.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black),
                ("LINEBELOW", (3, 0), (3, -1), 0.6, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ]
        )
    )
    story += [
        Spacer(1, 8 * mm),
        KeepTogether([para(tr("reports", "Signatures"), "h2"), signature]),
    ]
    footer = footer_painter(
        f"{tr('reports', 'Content hash')}: {data.content_hash or tr('reports', 'draft, not sealed')}",
        data.content_hash or None,
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer, canvasmaker=numbered_canvas_class())


CHART_LABEL_SIZE = 7
CHART_LABEL_ANGLE = 30


def _chart(rows: list[tuple[str, float, float]], title: str) -> Drawing:
    """Target and actual bars per row (no target bars, and no 目标 in the legend, when no
    row has a target: a bulletin of a month without development targets). A label wider
    than its bar slot (or more than four bars) is slanted, and the drawing grows below the
    axis by what the longest slanted label needs, so no label runs into another, the
    legend or the text under the chart."""
    import math

    from reportlab.pdfbase.pdfmetrics import stringWidth

    names = [r[0] for r in rows]
    width = WIDTH - 40 * mm
    widest = max((stringWidth(n, FONT, CHART_LABEL_SIZE) for n in names), default=0.0)
    slanted = len(rows) > 4 or widest > 0.9 * width / max(len(rows), 1)
    below = 10 * mm
    if slanted:
        below = max(
            below,
            widest * math.sin(math.radians(CHART_LABEL_ANGLE)) + CHART_LABEL_SIZE + 4 * mm,
        )
    drawing = Drawing(WIDTH, below + 52 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 14 * mm, below, width, 45 * mm
    series = [
        (colors.HexColor("#9aa9b8"), tr("reports", "Target"), [r[1] for r in rows]),
        (ACCENT, tr("reports", "Actual"), [r[2] for r in rows]),
    ]
    if not any(r[1] for r in rows):
        series = series[1:]
    chart.data = [values for _colour, _name, values in series]
    chart.categoryAxis.categoryNames = names
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = CHART_LABEL_SIZE
    if slanted:  # slanted labels never run into each other on A4
        chart.categoryAxis.labels.angle = CHART_LABEL_ANGLE
        chart.categoryAxis.labels.boxAnchor = "ne"
        chart.categoryAxis.labels.dx = 2
        chart.categoryAxis.labels.dy = -2
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    for index, (colour, _name, _values) in enumerate(series):
        chart.bars[index].fillColor = colour
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = WIDTH - 24 * mm, below + 40 * mm
    legend.fontName = FONT
    legend.fontSize = 7
    legend.colorNamePairs = [(colour, name) for colour, name, _values in series]
    drawing.add(legend)
    return drawing


def build_period_report(data: PeriodReportData, target: Path | io.BytesIO) -> None:
    """Weekly inspection log or monthly assessment report."""
    s = styles()
    doc = _doc(target, data.title)
    story: list[Any] = [
        Paragraph(data.company, s["subtitle"]),
        Paragraph(data.title, s["title"]),
        Paragraph(data.subtitle, s["subtitle"]),
    ]
    if data.empty_message:
        story.append(Paragraph(data.empty_message, s["h2"]))
    if data.figures:
        story.append(key_value_table(data.figures, WIDTH))
    if data.chart:
        story.append(Paragraph(data.chart_title, s["h2"]))
        story.append(_chart(data.chart, data.chart_title))
    # A heading is kept with its table by a conditional page break, not keepWithNext: that
    # would keep heading and table together and move a table longer than what is left of
    # the page to the next one, leaving the page below the figures empty.
    heading = ParagraphStyle("h2_table", parent=s["h2"], keepWithNext=0)
    for table in data.tables:
        story.append(CondPageBreak(HEADING_ROOM))
        story.append(Paragraph(table.title, heading))
        if table.rows:
            widths = period_column_widths(table.header, table.rows)
            story.append(data_table(table.header, table.rows, widths))
        else:
            story.append(para(table.empty_text or tr("reports", "Nothing to report."), "base"))
    footer = footer_painter(f"ChannelDesk · {data.title}")
    doc.build(story, onFirstPage=footer, onLaterPages=footer, canvasmaker=numbered_canvas_class())
