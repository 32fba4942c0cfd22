"""PDF reports: Chinese text extractable, every font embedded, photos embedded upright,
long content paginates, missing photos marked, empty periods say so, bad paths refused."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest

from app.errors import UserError
from app.reports.builders import build_visit_report
from app.reports.data import ChecklistLine, FindingLine, PhotoData, VisitReportData
from app.services import partner_io, period_reports, reports, visits
from tests.conftest import EXIF_DIR
from tests.unit.services.test_partners_and_visits import CSV, _answer_all


def fonts_embedded(reader: pypdf.PdfReader) -> bool:
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            if descriptor is None:
                return False
            descriptor = descriptor.get_object()
            if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                return False
    return True


def images(reader: pypdf.PdfReader) -> list[tuple[int, int]]:
    sizes = []
    for page in reader.pages:
        for image in page.images:
            sizes.append(image.image.size)
    return sizes


@pytest.fixture
def submitted_visit(ctx, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "p.csv"
    path.write_text(CSV, encoding="utf-8")
    partner_io.import_partners(ctx, path)
    visit_id = visits.new_visit(ctx, "P001")
    visits.attach_photos(ctx, visit_id, sorted(EXIF_DIR.glob("Landscape_[5-8].jpg")))
    _answer_all(ctx, visit_id, EXIF_DIR / "Landscape_3.jpg")
    visits.submit(ctx, visit_id)
    return visit_id


def test_visit_report_text_fonts_and_upright_photos(ctx, submitted_visit, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = reports.write_visit_report(ctx, submitted_visit, tmp_path / "visit.pdf")
    reader = pypdf.PdfReader(target)
    text = "".join(page.extract_text() for page in reader.pages)
    detail = visits.visit_detail(ctx, submitted_visit)
    for needle in (
        "上海浦东金桥通信器材经营部",
        "门头招牌完好",
        "海报/台卡按要求陈列",
        "5 / 5",
        detail["content_hash"],
        f"{detail['score']:.1f}",
    ):
        assert needle in text.replace("\n", ""), needle
    assert fonts_embedded(reader)
    sizes = images(reader)
    assert len(sizes) == 5
    assert all(w > h for w, h in sizes), sizes
    assert target.stat().st_size < 1_500_000


def test_missing_photo_is_marked_not_fatal(ctx, submitted_visit, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sha = visits.visit_detail(ctx, submitted_visit)["photos"][0]["sha256"]
    ctx.paths.media_file(sha).unlink()
    for cached in ctx.paths.scaled_images.rglob(f"{sha}.jpg"):
        cached.unlink()
    data = reports.visit_report_data(ctx, submitted_visit)
    assert data.warnings and sha[:12] in data.warnings[0]
    target = reports.write_visit_report(ctx, submitted_visit, tmp_path / "v.pdf")
    text = "".join(p.extract_text() for p in pypdf.PdfReader(target).pages)
    assert "Photo missing" in text


def test_long_content_paginates(tmp_path: Path) -> None:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (400, 300), (90, 140, 200)).save(buf, "JPEG")
    long_name = "超长渠道名称" * 50
    data = VisitReportData(
        company="公司",
        partner_code="P",
        partner_name=long_name,
        partner_grade="A",
        partner_address="地址" * 60,
        partner_contacts="张三",
        credit_warning="",
        manager="李四",
        status="submitted",
        checked_in="2026-01-01",
        checked_out="2026-01-01",
        coordinates="—",
        template="t",
        score="80.0",
        section_scores=[("形象", "80")],
        checklist=[
            ChecklistLine("部分" * 10, f"检查项目 {i} " + "很长的说明" * 8, "Yes", "2")
            for i in range(80)
        ],
        findings=[FindingLine("问题" * 40, "2026-02-01", "王五", "open")],
        material_differences=[("海报", 5, 4)],
        competitor_notes=["竞品促销"],
        photos=[
            PhotoData(f"p{i}", "2026-01-01", f"{i:064d}", buf.getvalue(), 400, 300)
            for i in range(20)
        ],
        content_hash="ab" * 32,
    )
    out = io.BytesIO()
    build_visit_report(data, out)
    reader = pypdf.PdfReader(io.BytesIO(out.getvalue()))
    assert len(reader.pages) >= 5
    assert "检查项目 79" in "".join(p.extract_text() for p in reader.pages)


def test_empty_week_and_month_say_so(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    week = reports.write_period_report(
        period_reports.weekly_log_data(ctx, "2026-W05"), tmp_path / "w.pdf"
    )
    month = reports.write_period_report(
        period_reports.monthly_data(ctx, "2026-02"), tmp_path / "m.pdf"
    )
    assert "No inspections were recorded" in pypdf.PdfReader(week).pages[0].extract_text()
    assert "No data for this month" in pypdf.PdfReader(month).pages[0].extract_text()


def test_unwritable_output_path_is_a_clear_error(ctx, submitted_visit, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UserError, match="Cannot write the report"):
        reports.write_visit_report(ctx, submitted_visit, tmp_path / "no-such-dir" / "v.pdf")


def test_pdf_renders_to_an_image(ctx, submitted_visit, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.ui.reports.preview import open_document
    from app.ui.reports.printing import render_page

    target = reports.write_visit_report(ctx, submitted_visit, tmp_path / "visit.pdf")
    document = open_document(target)
    image = render_page(document, 0, 36)
    assert image.width() > 200
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
    }
    assert len(colours) > 20
    document.close()


def test_photos_are_embedded_as_their_jpeg_bytes_without_decoding(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each photo's JPEG goes into the PDF unchanged (DCTDecode), never decoded to pixels
    (reportlab's ImageReader would decode and hash every one on each report); photos with
    the same bytes are stored once, different ones each."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    def refuse(*_a: object) -> None:
        raise AssertionError("a photo was decoded to pixels")

    monkeypatch.setattr(ImageReader, "getRGBData", refuse)
    jpegs = []
    for colour in ((200, 30, 30), (30, 200, 30)):
        buf = io.BytesIO()
        Image.new("RGB", (320, 240), colour).save(buf, "JPEG")
        jpegs.append(buf.getvalue())
    photos = [
        PhotoData("a", "", "0" * 64, jpegs[0], 320, 240),
        PhotoData("b", "", "0" * 64, jpegs[1], 320, 240),
        PhotoData("c", "", "1" * 64, jpegs[0], 320, 240),
    ]
    data = VisitReportData(
        company="公司",
        partner_code="P",
        partner_name="店",
        partner_grade="A",
        partner_address="地址",
        partner_contacts="张三",
        credit_warning="",
        manager="李四",
        status="submitted",
        checked_in="",
        checked_out="",
        coordinates="—",
        template="t",
        score="80.0",
        section_scores=[],
        checklist=[],
        findings=[],
        material_differences=[],
        competitor_notes=[],
        photos=photos,
        content_hash="ab" * 32,
    )
    out = io.BytesIO()
    build_visit_report(data, out)
    reader = pypdf.PdfReader(io.BytesIO(out.getvalue()))
    embedded = {}
    for page in reader.pages:
        for xobject in page["/Resources"].get("/XObject", {}).values():
            xobject = xobject.get_object()
            if xobject["/Subtype"] == "/Image":
                assert "/DCTDecode" in xobject["/Filter"]
                embedded[xobject.indirect_reference.idnum] = xobject._data
    assert sorted(embedded.values()) == sorted(jpegs)


def test_table_cells_are_paragraphs_without_the_markup_parser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``para`` makes the fragment the markup parser would make of plain text (same text,
    same style, so the same PDF) without running the parser for each cell."""
    from reportlab.platypus import Paragraph
    from reportlab.platypus.paraparser import ParaParser

    from app.reports.base import clip, esc, para, styles

    samples = [
        "abc",
        "上海浦东 金桥  路",
        " a\n b \n\nc ",
        "a&b<c>d",
        "P&amp;G",
        "x" * 3000,
        "\t空白\t",
    ]
    expected = {
        t: "".join(f.text for f in Paragraph(esc(clip(t)), styles()["cell"]).frags) for t in samples
    }
    para("warm", "cell")
    calls: list[str] = []
    real_parse = ParaParser.parse
    monkeypatch.setattr(
        ParaParser,
        "parse",
        lambda self, text, style: calls.append(text) or real_parse(self, text, style),
    )
    for text in samples:
        made = para(text, "cell")
        assert "".join(f.text for f in made.frags) == expected[text]
        assert {(f.fontName, f.fontSize, f.textColor) for f in made.frags} == {
            ("WQYMicroHei", 8.5, styles()["cell"].textColor)
        }
    assert calls == []


def test_short_cells_are_drawn_as_strings_where_paragraphs_would_draw_them() -> None:
    """``data_table`` passes text that fits its column on one line as a plain string (one
    layout pass instead of several paragraph wraps per cell); it is drawn at the same
    place, size and font as the paragraph was; longer or irregular text still wraps."""
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from app.reports.base import cell, data_table, para

    assert cell("QD310101000126", 100) == "QD310101000126"
    assert isinstance(cell("很长的说明" * 20, 80), Paragraph)
    assert isinstance(cell("two  spaces", 200), Paragraph) and isinstance(
        cell(" lead", 200), Paragraph
    )

    def content(first_cell: object) -> bytes:
        buf = io.BytesIO()
        table = data_table(["编码"], [[first_cell]], [120])
        SimpleDocTemplate(buf, invariant=1).build([table])
        return pypdf.PdfReader(io.BytesIO(buf.getvalue())).pages[0].get_contents().get_data()

    def text_positions(data: bytes) -> list[tuple[float, float, bytes]]:
        # each BT ... Tm ... Tj with the translations (cm) before it: where every string lands
        x = y = 0.0
        saved: list[tuple[float, float]] = []
        found = []
        for line in data.splitlines():
            parts = line.split()
            if parts == [b"q"]:
                saved.append((x, y))
            elif parts == [b"Q"]:
                x, y = saved.pop()
            elif parts[-1:] == [b"cm"]:
                x, y = x + float(parts[4]), y + float(parts[5])
            elif parts[:1] == [b"BT"]:
                found.append(
                    (
                        round(x + float(parts[5]), 2),
                        round(y + float(parts[6]), 2),
                        line.split(b"(", 1)[1].rsplit(b")", 1)[0],
                    )
                )
        return found

    as_string = text_positions(content("浦东新区 QD001"))
    as_paragraph = text_positions(content(para("浦东新区 QD001")))
    assert as_string[-1] == as_paragraph[-1]


def test_monthly_figures_come_from_one_aggregate_walked_by_start_time(
    ctx, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """The month's inspections and average score are one SQL aggregate that reads the
    month's visits through the start-time index (not every submitted visit), and agree
    with the visit list."""
    import datetime as dt

    from app.services.demo import generate_demo

    generate_demo(ctx, partners=20, months=2, seed=4)
    month = dt.date.today().strftime("%Y-%m")
    statements: list[tuple[str, object]] = []
    real = ctx.read_sql
    monkeypatch.setattr(
        ctx,
        "read_sql",
        lambda sql, params=(): statements.append((sql, params)) or real(sql, params),
    )
    data = period_reports.monthly_data(ctx, month)
    ((sql, params),) = [(q, p) for q, p in statements if "avg(" in q and "FROM visit v" in q]
    plan = " ".join(str(row) for row in real("EXPLAIN QUERY PLAN " + sql, params))
    assert "ix_visit_started_at" in plan, plan
    submitted = [v for v in visits.list_visits(ctx, month=month) if v["status"] == "submitted"]
    figures = dict(data.figures)
    assert figures[next(iter(figures))] == str(len(submitted))
    scores = [v["score"] for v in submitted if v["score"] is not None]
    average = figures[list(figures)[1]]
    if not scores:
        assert average == "—"
    else:  # SQL's avg adds in another order: a mean of x.x5 may round either way
        assert abs(float(average) - sum(scores) / len(scores)) <= 0.05 + 1e-9, average


def _sample_visit_data() -> VisitReportData:
    return VisitReportData(
        company="某某通信有限公司",
        partner_code="P001",
        partner_name="上海浦东金桥通信器材经营部",
        partner_grade="A",
        partner_address="上海市浦东新区金桥路 1 号",
        partner_contacts="张三 13800000000",
        credit_warning="超出信用额度",
        manager="李四",
        status="已提交",
        checked_in="2026-03-01 09:00",
        checked_out="2026-03-01 10:00",
        coordinates="31.20000, 121.50000",
        template="门店检查",
        score="90.0",
        section_scores=[("门头", "100")],
        checklist=[ChecklistLine("门头", "门头招牌完好", "是", "10")],
        findings=[FindingLine("海报缺失，破损", "2026-03-08", "王五", "待整改")],
        material_differences=[("台卡", 3, 2)],
        competitor_notes=["竞品 A 店：买一送一"],
        photos=[],
        content_hash="ab" * 32,
        evidence=["照片 #0123456789: 拍摄时间早于到店 1 h"],
        warnings=["照片缺失 (hash 0123)"],
    )


def test_visit_report_lines_skip_the_markup_parser_and_draw_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The visit report's plain lines (titles, headings, warnings, captions) are ``para``:
    no markup parsing per line, and the PDF is the very one ``Paragraph`` drew. (Text with
    ``&`` or ``<`` the parser splits into several fragments: the same glyphs, colour and
    place, written in another order; ``para``'s text is checked against the parser's by
    ``test_table_cells_are_paragraphs_without_the_markup_parser``.)"""
    from reportlab import rl_config
    from reportlab.platypus import Paragraph
    from reportlab.platypus.paraparser import ParaParser

    from app.reports import base, builders

    monkeypatch.setattr(rl_config, "invariant", 1)
    data = _sample_visit_data()
    build_visit_report(data, io.BytesIO())  # warm: fonts, styles, fragments
    calls: list[str] = []
    real_parse = ParaParser.parse
    monkeypatch.setattr(
        ParaParser,
        "parse",
        lambda self, text, style: calls.append(text) or real_parse(self, text, style),
    )
    fast = io.BytesIO()
    build_visit_report(data, fast)
    assert calls == []

    def parsed(text: object, style: str = "cell") -> Paragraph:  # the markup parser's way
        return Paragraph(base.esc(base.clip(text)), base.styles()[style])

    monkeypatch.setattr(builders, "para", parsed)
    slow = io.BytesIO()
    build_visit_report(data, slow)
    assert calls  # the comparison really went through the parser
    assert fast.getvalue() == slow.getvalue()


def test_a_report_built_again_compresses_its_font_subset_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The font subset (tens of kB) of a report built again is the same bytes: its
    compressed form is reused; the PDF's bytes stay zlib's own."""
    import zlib

    data = _sample_visit_data()
    build_visit_report(data, io.BytesIO())
    large: list[int] = []
    real = zlib.compress

    def spy(raw: bytes, *args: object) -> bytes:
        if len(raw) >= 16 * 1024:
            large.append(len(raw))
        return real(raw, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(zlib, "compress", spy)
    data.checklist.append(ChecklistLine("门头", "新的一行：灯箱", "否", "5"))  # new glyphs
    first, again = io.BytesIO(), io.BytesIO()
    build_visit_report(data, first)
    build_visit_report(data, again)
    reader = pypdf.PdfReader(io.BytesIO(again.getvalue()))
    subsets = [
        len(font["/FontDescriptor"]["/FontFile2"].get_data())
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    ]
    assert subsets and all(large.count(n) == 1 for n in subsets), (subsets, large)
    assert "新的一行：灯箱" in "".join(page.extract_text() for page in reader.pages)
    assert fonts_embedded(reader)
