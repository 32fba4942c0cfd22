"""The visit report's speed cuts keep the PDF as it was: character widths measured once,
a paragraph wrapped once per width, key/value and header cells that fit drawn as strings
where their paragraphs were, photos named by a checksum of their bytes, and a cached
scaled photo's size read from its JPEG header."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pypdf
import pytest

from app.reports.base import (
    JpegImage,
    data_table,
    key_value_table,
    para,
    register_fonts,
    styles,
)
from app.services.reports import jpeg_size, scaled_photo
from tests.conftest import EXIF_DIR

TEXT = "上海浦东金桥通信器材经营部，门头招牌完好、店内整洁，海报与台卡按要求陈列。" * 6


def test_character_widths_are_measured_once_and_break_lines_where_reportlab_did(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """CJK wrapping measured every character of every paragraph again (one
    ``stringWidth`` call each); the widths are remembered per font and size, and they are
    reportlab's own floats, so the lines break at the same characters."""
    from reportlab.lib import textsplit
    from reportlab.pdfbase import pdfmetrics

    register_fonts()

    def lines(paragraph: object) -> list[str]:
        paragraph.wrap(160, 10_000)  # type: ignore[attr-defined]
        return ["".join(line[1]) for line in paragraph.blPara.lines]  # type: ignore[attr-defined]

    ours = lines(para(TEXT))
    measured: list[str] = []
    real = pdfmetrics.stringWidth

    def counting(text: str, font: str, size: float, *args: object) -> float:
        measured.append(text)
        return real(text, font, size, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(textsplit, "stringWidth", counting)
    assert lines(para(TEXT)) == ours and len(ours) > 3
    assert measured == []  # every character of TEXT is known by now
    monkeypatch.setattr(
        textsplit, "getCharWidths", lambda word, f, s: [counting(c, f, s) for c in word]
    )
    assert lines(para(TEXT)) == ours  # reportlab's own per-character measuring
    assert len(measured) >= len(TEXT)


def test_a_table_wraps_each_paragraph_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A table wraps its cells' paragraphs to size the rows and again to draw them; the
    second wrap at the same width reuses the lines of the first."""
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    breaks: list[int] = []
    real = Paragraph.breakLinesCJK
    monkeypatch.setattr(
        Paragraph,
        "breakLinesCJK",
        lambda self, widths: breaks.append(id(self)) or real(self, widths),
    )
    table = data_table(["说明"], [[TEXT], [TEXT + "。"]], [200])
    out = io.BytesIO()
    SimpleDocTemplate(out).build([table])
    assert breaks and len(breaks) == len(set(breaks)) == 2
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(out.getvalue())).pages)
    assert "海报与台卡按要求陈列" in text.replace("\n", "")


def _text_positions(pdf: bytes) -> list[tuple[float, float, bytes, bytes]]:
    """Where every string of the first page lands (BT … Tm … Tj after the cm
    translations before it), with the fill colour and the font in force, and the text."""
    data = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].get_contents().get_data()
    x, y, colour = 0.0, 0.0, b""
    saved: list[tuple[float, float, bytes]] = []
    found = []
    for line in data.splitlines():
        parts = line.split()
        if parts == [b"q"]:
            saved.append((x, y, colour))
        elif parts == [b"Q"]:
            x, y, colour = saved.pop()
        elif parts[-1:] == [b"cm"]:
            x, y = x + float(parts[4]), y + float(parts[5])
        elif parts[-1:] == [b"rg"]:
            colour = b" ".join(parts[:3])
        elif parts[:1] == [b"BT"] and b"(" in line:  # a line of text, not a wrapped paragraph
            at = parts.index(b"Tm")
            font = b" ".join(parts[at + 1 : at + 3])
            text = line.split(b"(", 1)[1].rsplit(b")", 1)[0]
            found.append(
                (
                    round(x + float(parts[at - 2]), 2),
                    round(y + float(parts[at - 1]), 2),
                    colour,
                    font + text,
                )
            )
    return found


def test_key_value_and_header_cells_that_fit_are_strings_drawn_where_paragraphs_were(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The report's key/value table and every table's header pass text that fits on one
    line as a plain string, drawn in the paragraph's font, size, colour and place; the
    rows are as high as before; longer text still wraps as a paragraph."""
    from reportlab import rl_config
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from app.reports import base

    monkeypatch.setattr(rl_config, "invariant", 1)
    pairs = [("合作方", "上海浦东金桥通信器材经营部"), ("等级", "A"), ("地址", TEXT)]
    fast_table = key_value_table(pairs, 480)
    assert fast_table._cellvalues[0][:4] == ["合作方", "上海浦东金桥通信器材经营部", "等级", "A"]
    assert isinstance(fast_table._cellvalues[1][1], Paragraph)  # the long address wraps
    header = data_table(["编码", "名称"], [["P1", "店"]], [60, 120])
    assert header._cellvalues[0] == ["编码", "名称"]

    def built(flowables: list[object]) -> tuple[bytes, list[list[float]]]:
        out = io.BytesIO()
        SimpleDocTemplate(out).build(flowables)
        return out.getvalue(), [list(t._rowHeights) for t in flowables]  # type: ignore[attr-defined]

    fast, fast_heights = built(
        [key_value_table(pairs, 480), data_table(["编码", "名称"], [["P1", "店"]], [60, 120])]
    )
    monkeypatch.setattr(base, "cell", lambda value, width, style="cell": para(value, style))
    slow, slow_heights = built(
        [key_value_table(pairs, 480), data_table(["编码", "名称"], [["P1", "店"]], [60, 120])]
    )
    assert fast_heights == slow_heights
    fast_places, slow_places = _text_positions(fast), _text_positions(slow)
    assert fast_places == slow_places and len(fast_places) > 6
    head, body = styles()["head"], styles()["cell"]
    assert head.textColor != body.textColor
    assert (head.fontName, head.fontSize, head.leading) == (
        body.fontName,
        body.fontSize,
        body.leading,
    )  # data_table styles both with the body's commands


def _jpeg(colour: tuple[int, int, int], **save: object) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (320, 240), colour).save(buf, "JPEG", **save)
    return buf.getvalue()


def test_photos_with_the_same_checksum_but_other_bytes_are_both_embedded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A photo is named by its bytes' length and CRC-32; should two different photos
    share both, the second is named by an MD5 of its bytes, so each is embedded and
    drawn; the same bytes are stored once."""
    import zlib

    from reportlab.platypus import SimpleDocTemplate

    monkeypatch.setattr(zlib, "crc32", lambda _data: 7)
    red = _jpeg((200, 30, 30))
    green = red[:-8] + bytes([red[-8] ^ 0x01]) + red[-7:]  # one bit of the scan changed
    assert len(red) == len(green) and 0xFF not in (red[-8], green[-8])  # the same name
    out = io.BytesIO()
    SimpleDocTemplate(out).build([JpegImage(b, 64, 48) for b in (red, green, red)])
    reader = pypdf.PdfReader(io.BytesIO(out.getvalue()))
    embedded = [
        x.get_object()._data
        for x in reader.pages[0]["/Resources"]["/XObject"].values()
        if x.get_object()["/Subtype"] == "/Image"
    ]
    assert sorted(embedded) == sorted([red, green])
    assert reader.pages[0].get_contents().get_data().count(b" Do") == 3


@pytest.mark.parametrize(
    "data",
    [
        _jpeg((10, 20, 30)),
        _jpeg((10, 20, 30), progressive=True, optimize=True),
        _jpeg((10, 20, 30), exif=b"Exif\x00\x00" + b"\x00" * 64, dpi=(300, 300)),
        (EXIF_DIR / "Landscape_6.jpg").read_bytes(),
    ],
)
def test_jpeg_size_is_pillows(data: bytes) -> None:
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        assert jpeg_size(data) == image.size


def test_jpeg_size_of_what_is_not_a_whole_jpeg_header_is_none() -> None:
    data = _jpeg((10, 20, 30))
    frame = data.index(b"\xff\xc0")
    for broken in (b"", b"GIF89a", data[:2], data[:frame], data[: frame + 6], b"\xff\xd8\xff\xd9"):
        assert jpeg_size(broken) is None


def test_a_damaged_cached_photo_is_made_again(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The cached scaled copy's size comes from its header; a copy whose header cannot be
    read (cut off, overwritten) is made again from the original instead of failing the
    report."""
    original = (EXIF_DIR / "Landscape_6.jpg").read_bytes()
    sha = hashlib.sha256(original).hexdigest()
    ctx.paths.media_file(sha).parent.mkdir(parents=True, exist_ok=True)
    ctx.paths.media_file(sha).write_bytes(original)
    first = scaled_photo(ctx, sha)
    assert first is not None
    cached = ctx.paths.scaled_image_file(sha, ctx.settings.photo_report_max_px)
    assert cached.read_bytes() == first[0]
    assert scaled_photo(ctx, sha) == first  # from the cache
    cached.write_bytes(first[0][:100])
    assert scaled_photo(ctx, sha) == first
    assert cached.read_bytes() == first[0]


def test_the_footer_qr_code_is_encoded_once_and_drawn_as_reportlab_draws_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A sealed report's footer carries a QR code of its content hash on every page;
    encoding it and rendering its shapes took ~55 ms a page. Its operators are made once
    per hash and are the very ones reportlab's renderer writes on the page."""
    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    from app.reports import base
    from app.reports.builders import build_visit_report
    from tests.unit.reports.test_reports import _sample_visit_data

    text, x, y = "cd" * 32, 150.0, 1.2 * mm
    direct: object = Canvas(io.BytesIO())
    widget = QrCodeWidget(text)
    x0, y0, x1, y1 = widget.getBounds()
    size = base.QR_SIZE
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    start = len(direct._code)  # type: ignore[attr-defined]
    renderPDF.draw(drawing, direct, x, y)
    assert direct._code[start:] == list(base.qr_operators(text, x, y))  # type: ignore[attr-defined]
    assert len(base.qr_operators(text, x, y)) > 500  # hundreds of modules

    encoded: list[str] = []
    real = QrCodeWidget.draw
    monkeypatch.setattr(QrCodeWidget, "draw", lambda self: encoded.append(self.value) or real(self))
    data = _sample_visit_data()
    data.content_hash = hashlib.sha256(b"sealed once").hexdigest()
    data.checklist = data.checklist * 80  # three pages
    out = io.BytesIO()
    build_visit_report(data, out)
    first = len(encoded)
    build_visit_report(data, io.BytesIO())
    assert first == 1 and len(encoded) == first  # once per hash, not per page or report
    pages = pypdf.PdfReader(io.BytesIO(out.getvalue())).pages
    assert len(pages) >= 2
    for page in pages:  # the code is on every page
        assert page.get_contents().get_data().count(b" re f*") > 100
