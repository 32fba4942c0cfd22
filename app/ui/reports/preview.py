"""PDF preview (pages rendered with pdfium, since this PySide6 build has no QtPdf),
printing through Qt's print dialog (A4 by default) and "Save as PDF"."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


def render_pages(pdf: Path, scale: float) -> list[QImage]:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        images = []
        for page in document:
            pil = page.render(scale=scale).to_pil().convert("RGB")
            data = pil.tobytes("raw", "RGB")
            images.append(QImage(data, pil.width, pil.height, pil.width * 3, QImage.Format.Format_RGB888).copy())
            page.close()
        return images
    finally:
        document.close()


def print_pdf(pdf: Path, printer: QPrinter) -> None:
    """Paint every page, rendered at the printer's resolution, onto ``printer``."""
    dpi = min(max(printer.resolution(), 150), 300)  # 300 dpi is print quality; more only costs memory
    pages = render_pages(pdf, dpi / 72.0)
    painter = QPainter(printer)
    try:
        for index, image in enumerate(pages):
            if index:
                printer.newPage()
            target = QRectF(painter.viewport())
            scaled = image.size().scaled(target.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(0, 0, scaled.width(), scaled.height()), image)
    finally:
        painter.end()


class PdfPreviewDialog(QDialog):
    def __init__(self, ui: Any, pdf: Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui, self.pdf = ui, Path(pdf)
        self.setWindowTitle(title)
        self.resize(860, 900)
        host = QWidget()
        pages = QVBoxLayout(host)
        self.page_labels: list[QLabel] = []
        for image in render_pages(self.pdf, 1.3):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setStyleSheet("background:white;border:1px solid #bbb;")
            pages.addWidget(label)
            self.page_labels.append(label)
        scroll = QScrollArea()
        scroll.setWidget(host)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        print_button = buttons.addButton(self.tr("&Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        save_button = buttons.addButton(self.tr("&Save as PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        print_button.clicked.connect(self.print_dialog)
        save_button.clicked.connect(self.save_dialog)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)

    def printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
        return printer

    def print_dialog(self) -> None:
        printer = self.printer()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            print_pdf(self.pdf, printer)

    def print_to_file(self, target: Path) -> None:
        printer = self.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        print_pdf(self.pdf, printer)

    def save_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), self.pdf.name, self.tr("PDF files (*.pdf)"))
        if path:
            try:
                shutil.copyfile(self.pdf, path)
            except OSError as exc:
                self.ui.show_message(self.tr("Cannot save {path}: {error}").format(path=path, error=exc.strerror or exc), "error")
