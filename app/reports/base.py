"""Shared reportlab set-up: the embedded CJK font (WenQuanYi Micro Hei covers Chinese,
Latin and digits), styles, page frame with header/footer ("page x / y", content hash,
QR code), and table helpers that wrap long Chinese text and repeat headers."""

from __future__ import annotations

import re
import zlib
from functools import lru_cache
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors, textsplit
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from app.paths import resource_path

rl_config.useA85 = 0  # binary streams: faster and smaller (PITFALLS.md)
FONT = "WQYMicroHei"
PAGE = A4
MARGIN = 16 * mm
ACCENT = colors.HexColor("#1f4e79")
LIGHT = colors.HexColor("#e8eef5")
CELL_FONT_SIZE, CELL_LEADING = 8.5, 11


class _RepeatedStreamFlate:
    """reportlab's Flate filter, remembering the compressed form of the large streams it
    has seen: the font subset of a report built again (preview then save, the same visit
    printed twice) is the same bytes (``register_fonts`` caches subsets), and compressing
    it was the largest single step of a warm visit report. The bytes written are zlib's,
    exactly as before."""

    pdfname = "FlateDecode"

    def __init__(self, plain: Any) -> None:
        self._plain, self.decode = plain, plain.decode

    def encode(self, text: bytes | str) -> bytes:
        if isinstance(text, bytes) and len(text) >= 16 * 1024:
            return _flate_large(text)
        return self._plain.encode(text)  # type: ignore[no-any-return]


@lru_cache(maxsize=8)
def _flate_large(data: bytes) -> bytes:
    return zlib.compress(data)


_CHAR_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}


def _char_widths(word: str, font_name: str, font_size: float) -> list[float]:
    """reportlab's ``textsplit.getCharWidths`` (one ``stringWidth`` call per character,
    "the performance is going to SUCK" says its source), remembering each character's
    width per font and size: the CJK wrapping of every paragraph measured each character
    again, and it was the largest single cost of a warm visit report. The widths are the
    very floats ``stringWidth`` returns, so every line breaks where it did."""
    widths = _CHAR_WIDTHS.get((font_name, font_size))
    if widths is None:
        widths = _CHAR_WIDTHS.setdefault((font_name, font_size), {})
    try:
        return [widths[char] for char in word]
    except KeyError:
        for char in word:
            if char not in widths:
                widths[char] = pdfmetrics.stringWidth(char, font_name, font_size)
        return [widths[char] for char in word]


@lru_cache(maxsize=1)
def register_fonts() -> str:
    font = TTFont(FONT, str(resource_path("fonts", "wqy-microhei.ttc")), subfontIndex=0)
    make_subset = font.face.makeSubset
    subset = lru_cache(maxsize=64)(lambda glyphs: make_subset(list(glyphs)))
    font.face.makeSubset = lambda glyphs: subset(
        tuple(glyphs)
    )  # a report built again (preview, then save) reuses its font subsets
    pdfmetrics.registerFont(font)
    pdfdoc.PDFZCompress = _RepeatedStreamFlate(pdfdoc.PDFZCompress)
    textsplit.getCharWidths = _char_widths  # wordSplit looks it up in its module each call
    rl_config.canvas_basefontname = FONT  # every canvas starts in the embedded font
    from reportlab.graphics import shapes

    shapes.STATE_DEFAULTS["fontName"] = FONT  # charts and the QR code too
    return FONT


@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("base", fontName=FONT, fontSize=9.5, leading=13, wordWrap="CJK")
    return {
        "base": base,
        "small": ParagraphStyle(
            "small", parent=base, fontSize=8, leading=10.5, textColor=colors.HexColor("#444444")
        ),
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontSize=17,
            leading=22,
            alignment=TA_CENTER,
            textColor=ACCENT,
            spaceAfter=4,
        ),
        "subtitle": ParagraphStyle(
            "subtitle",
            parent=base,
            fontSize=10,
            alignment=TA_CENTER,
            textColor=colors.HexColor("#555555"),
            spaceAfter=8,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontSize=12,
            leading=16,
            textColor=ACCENT,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=CELL_FONT_SIZE, leading=CELL_LEADING),
        "head": ParagraphStyle(
            "head", parent=base, fontSize=8.5, leading=11, textColor=colors.white
        ),
        "warn": ParagraphStyle("warn", parent=base, textColor=colors.HexColor("#b00020")),
    }


def esc(text: object) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


MAX_PARAGRAPH_CHARS = 2000
"""Longer text (a 130 000-character address from an old file) is shortened with a note;
what is left wraps, and table rows split across pages (``splitInRow``), so no text can
make a report fail."""


def clip(text: object, limit: int = MAX_PARAGRAPH_CHARS) -> str:
    """``text`` shortened to ``limit`` characters with a note saying how long it was."""
    value = str(text)
    if len(value) <= limit:
        return value
    from app.i18n import tr

    return value[:limit] + tr("reports", "… (shortened: {count} characters in all)").format(
        count=f"{len(value):,}"
    )


@lru_cache(maxsize=16)
def _plain_fragment(style: str) -> Any:
    """The text fragment reportlab's markup parser makes of plain text in ``style``."""
    from reportlab.platypus.paraparser import ParaParser

    return ParaParser().parse("x", styles()[style])[1][0]  # type: ignore[no-untyped-call]


class _Para(Paragraph):
    """A paragraph that is wrapped once per width: a table wraps each paragraph of its
    cells to size the rows and again to draw them, with the same width. The lines only
    depend on the width (and the text and style, which never change), so the second
    wrap returns what the first one found."""

    _wrapped_at: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # ``split`` deletes the wrapped lines (a row split across pages): wrap again then.
        if availWidth == self._wrapped_at and hasattr(self, "blPara"):
            return self.width, self.height
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._wrapped_at = availWidth if hasattr(self, "blPara") else None
        return size


def para(text: object, style: str = "cell") -> Paragraph:
    """Plain text (never markup) as a wrapping paragraph. Its one fragment is made here,
    as the markup parser would make it, not by parsing: hundreds of table cells per
    report spent a fifth of the build in the HTML parser."""
    from reportlab.platypus.paragraph import cleanBlockQuotedText

    value = clip(text)
    plain = cleanBlockQuotedText(value)
    if not plain:
        return _Para("", styles()[style])
    return _Para(esc(value), styles()[style], frags=[_plain_fragment(style).clone(text=plain)])


CELL_PADDING = 6  # reportlab's default left and right cell padding
_SIMPLE_TEXT = re.compile(r"\S+(?: \S+)*")


def cell(value: object, width: float, style: str = "cell") -> Any:
    """A table cell: text that fits its column on one line as a plain string (the table
    draws it where the paragraph would put it: same font, size, leading, colour and
    position, given the cell style of ``text_cell_style``), anything else as a wrapping
    paragraph. A report of 500 partners has thousands of short cells, and a paragraph is
    measured, wrapped and drawn through many more steps than a string."""
    if isinstance(value, Paragraph):
        return value
    text = str(value)
    register_fonts()
    if (
        len(text) <= 200
        and _SIMPLE_TEXT.fullmatch(text)
        and pdfmetrics.stringWidth(text, FONT, styles()[style].fontSize) <= width - 2 * CELL_PADDING
    ):
        return text
    return para(text, style)


def text_cell_style(style: str, first: tuple[int, int], last: tuple[int, int]) -> list[Any]:
    """Table style commands drawing the plain-string cells of ``cell(…, style)`` in the
    range ``first``-``last`` as a paragraph of ``style`` is drawn."""
    paragraph = styles()[style]
    return [
        ("FONTNAME", first, last, paragraph.fontName),
        ("FONTSIZE", first, last, paragraph.fontSize),
        ("LEADING", first, last, paragraph.leading),
        ("TEXTCOLOR", first, last, paragraph.textColor),
    ]


def data_table(header: list[str], rows: list[list[Any]], widths: list[float]) -> Table:
    """A table whose cells wrap (Paragraphs, or strings that fit, see ``cell``) and whose
    header repeats on every page."""
    body = [[cell(h, w, "head") for h, w in zip(header, widths, strict=False)]] + [
        [cell(c, w) for c, w in zip(row, widths, strict=False)] for row in rows
    ]
    table = Table(body, colWidths=widths, repeatRows=1, splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                # head and body text share font, size and leading: one command each
                *text_cell_style("cell", (0, 0), (-1, -1)),
                ("TEXTCOLOR", (0, 0), (-1, 0), styles()["head"].textColor),
                ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, LIGHT]),
                ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#9aa9b8")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    return table


def key_value_table(pairs: list[tuple[str, str]], width: float, columns: int = 2) -> Table:
    """Pairs of a small grey key and its value, ``columns`` pairs a row."""
    key_w = 24 * mm
    value_w = width / columns - key_w
    cells: list[list[Any]] = []
    row: list[Any] = []
    for key, value in pairs:
        row += [cell(key, key_w, "small"), cell(value, value_w)]
        if len(row) == columns * 2:
            cells.append(row)
            row = []
    if row:
        cells.append(row + [""] * (columns * 2 - len(row)))
    column_styles: list[Any] = []
    for column in range(columns):
        column_styles += text_cell_style("small", (2 * column, 0), (2 * column, -1))
        column_styles += text_cell_style("cell", (2 * column + 1, 0), (2 * column + 1, -1))
    table = Table(cells, colWidths=[key_w, value_w] * columns, splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                *column_styles,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#c8d2dc")),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


class JpegImage(Flowable):
    """A JPEG drawn as it is (DCT stream, the bytes copied into the PDF). Platypus's
    ``Image`` decodes every picture to pixels and hashes the pixels on each draw only to
    name it; this one is named by the length and CRC-32 of its compressed bytes (an MD5
    of six photos took a millisecond), so a report of six photos spends its time on the
    page, not on decoding what it embeds unchanged. The same bytes are stored once."""

    def __init__(self, jpeg: bytes, width: float, height: float) -> None:
        import zlib

        super().__init__()
        self.jpeg, self.key = jpeg, f"{len(jpeg):x}-{zlib.crc32(jpeg):08x}"
        self.drawWidth, self.drawHeight = width, height
        self.hAlign = "CENTER"  # as platypus's Image

    def wrap(self, _avail_width: float, _avail_height: float) -> tuple[float, float]:
        return self.drawWidth, self.drawHeight

    def draw(self) -> None:
        import io

        from reportlab.pdfbase.pdfdoc import PDFImageXObject

        canvas: Any = (
            self.canv
        )  # reportlab's own drawImage steps, without its decode and pixel hash
        name = f"jpeg{self.key}"
        reg_name = canvas._doc.getXObjectName(name)
        stored = canvas._doc.idToObject.get(reg_name)
        if stored is not None and stored.streamContent != self.jpeg:  # other bytes, same CRC
            import hashlib

            name = f"jpeg{hashlib.md5(self.jpeg, usedforsecurity=False).hexdigest()}"
            reg_name = canvas._doc.getXObjectName(name)
            stored = canvas._doc.idToObject.get(reg_name)
        if stored is None:
            image = PDFImageXObject(name)
            if not image.loadImageFromJPEG(io.BytesIO(self.jpeg)):
                raise ValueError(f"not a JPEG: {self.key}")
            image.name = name
            canvas._setXObjects(image)
            canvas._doc.Reference(image, reg_name)
            canvas._doc.addForm(name, image)
        canvas.saveState()
        canvas.scale(self.drawWidth, self.drawHeight)
        canvas._code.append(f"/{reg_name} Do")
        canvas.restoreState()
        canvas._formsinuse.append(name)


def footer_painter(left_text: str, qr_text: str | None = None):  # type: ignore[no-untyped-def]
    """An onPage callback drawing the footer; total page count is filled by ``NumberedCanvas``."""

    def paint(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(MARGIN, 9 * mm, left_text)
        canvas.setStrokeColor(colors.HexColor("#9aa9b8"))
        canvas.line(MARGIN, 12.5 * mm, PAGE[0] - MARGIN, 12.5 * mm)
        if qr_text:
            canvas._code.extend(
                qr_operators(qr_text, PAGE[0] - MARGIN - QR_SIZE - 26 * mm, 1.2 * mm)
            )
        canvas.restoreState()

    return paint


QR_SIZE = 11 * mm


@lru_cache(maxsize=16)
def qr_operators(qr_text: str, x: float, y: float) -> tuple[str, ...]:
    """The PDF operators drawing ``qr_text`` as a ``QR_SIZE`` QR code at (x, y), made once
    on a scratch canvas: encoding the code (reportlab's widget encodes it twice: for its
    bounds, then to draw) and building and rendering its hundreds of shapes took ~55 ms,
    on every page of a sealed report. They set their own colours, line style and position inside a saved graphics
    state, so they draw the same on any page."""
    import io

    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.pdfgen.canvas import Canvas

    # encoded once: the widget's bounds are those of the shapes it draws
    shapes = QrCodeWidget(qr_text).draw()  # type: ignore[no-untyped-call]
    x0, y0, x1, y1 = shapes.getBounds()
    drawing = Drawing(
        QR_SIZE, QR_SIZE, transform=[QR_SIZE / (x1 - x0), 0, 0, QR_SIZE / (y1 - y0), 0, 0]
    )
    drawing.add(shapes)
    scratch: Any = Canvas(io.BytesIO())
    start = len(scratch._code)
    renderPDF.draw(drawing, scratch, x, y)
    return tuple(scratch._code[start:])


def numbered_canvas_class() -> Any:
    """A canvas that writes "x / y" page numbers once the total is known."""
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("initialFontName", FONT)  # no unembedded Helvetica anywhere
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # reportlab's own page reset

        def save(self) -> None:
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self.setFont(FONT, 8)
                self.setFillColor(colors.HexColor("#555555"))
                self.drawRightString(
                    PAGE[0] - MARGIN, 9 * mm, f"{self.__dict__['_pageNumber']} / {total}"
                )
                super().showPage()
            super().save()

    return NumberedCanvas
