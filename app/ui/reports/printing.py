"""Printing a PDF off the UI thread. Rendering a page at print resolution and painting it
onto the printer (which compresses the image into the print job) took 340-450 ms a page
on the UI thread; the whole print run now happens on a reader thread: Qt supports a
``QPainter`` on a ``QPrinter`` (as on a ``QImage``) outside the GUI thread, and
``QPdfDocument`` renders there too. The UI thread only shows the progress dialog (page N of
M) whose Cancel stops before the next page and aborts the print job. The printed pages
are as before: each page rendered at the printer's resolution (150-300 dpi) and drawn
from the top left, scaled to the printable area.

Not yet under a frame: PySide6 keeps the GIL through ``QPainter.drawImage`` (and
``QPdfDocument.render``), so while one page is painted the UI thread's Python waits:
measured 260-370 ms per A4 page at 300 dpi (render about 65 ms), once per page instead of
once for the whole document. Drawing the page in strips would bound each hold to ~70 ms
but changes the PDF (many images a page; a viewer's downsampling differs at the seams)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from app.errors import UserError
from app.i18n import tr
from app.services.progress import NO_PROGRESS, Progress


def render_page(document: QPdfDocument, page: int, dpi: float) -> QImage:
    """One page as an image at ``dpi`` (the page size is in points, 1/72 inch)."""
    size = document.pagePointSize(page)
    pixels = QSize(
        max(1, round(size.width() * dpi / 72.0)), max(1, round(size.height() * dpi / 72.0))
    )
    return document.render(page, pixels)


def print_dpi(printer: QPrinter) -> int:
    """The resolution pages are rendered at: the printer's, within 150-300 dpi (300 dpi is
    print quality; more only costs memory)."""
    return min(max(printer.resolution(), 150), 300)


def print_pdf(pdf: Path, printer: QPrinter, progress: Progress = NO_PROGRESS) -> int:
    """Paint every page of ``pdf`` onto ``printer``, one rendered page in memory at a time;
    the number of pages printed. Run on a worker thread (the document is made, used and
    freed there; the caller leaves ``printer`` alone meanwhile). ``Cancelled`` from
    ``progress`` aborts the print job."""
    dpi = print_dpi(printer)
    document = QPdfDocument()
    painter = QPainter()
    printed = False
    try:
        document.load(str(pdf))
        count = document.pageCount()
        if document.status() != QPdfDocument.Status.Ready or count < 1:
            raise UserError(tr("printing", "Cannot read {path} to print it.").format(path=pdf))
        progress(
            0, count, tr("printing", "Printing page {page} of {count}…").format(page=1, count=count)
        )
        if not painter.begin(printer):
            raise UserError(tr("printing", "The printer could not be started."))
        for index in range(count):
            if index:
                progress(
                    index,
                    count,
                    tr("printing", "Printing page {page} of {count}…").format(
                        page=index + 1, count=count
                    ),
                )
                printer.newPage()
            image = render_page(document, index, dpi)
            target = QRectF(painter.viewport())
            scaled = image.size().scaled(target.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(0, 0, scaled.width(), scaled.height()), image)
        progress(count, count)
        printed = True
        return count
    finally:
        if painter.isActive():
            if not printed:
                printer.abort()
            painter.end()
        document.close()
