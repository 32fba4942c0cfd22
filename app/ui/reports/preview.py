"""PDF preview with Qt's own PDF module (QPdfDocument + QPdfView): zoom, fit to width or
page, page navigation, text search with next/previous match, printing through Qt's print
dialog (A4 by default, pages rendered at the printer's resolution and printed on a
reader thread) and "Save as PDF"."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QModelIndex, QPointF, Qt
from PySide6.QtGui import QKeySequence, QPageLayout, QPageSize, QShortcut
from PySide6.QtPdf import QPdfDocument, QPdfSearchModel
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.ui.reports.printing import print_pdf

ZOOM_STEPS = (0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0)


def open_document(pdf: Path, parent: Any = None) -> QPdfDocument:
    """The PDF as a ``QPdfDocument`` (``status()`` tells whether it could be read)."""
    document = QPdfDocument(parent)
    document.load(str(pdf))
    return document


class PdfPreviewDialog(QDialog):
    def __init__(self, ui: Any, pdf: Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui, self.pdf = ui, Path(pdf)
        # freed by Qt when closed, not later by Python's collector (QtPdf's render and search
        # threads must not outlive their document at an arbitrary moment)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(title)
        self.resize(900, 920)
        # The view and the search model are created before the document: Qt deletes children
        # in creation order, so both let go of the document before it goes.
        self.view = QPdfView(self)
        self.search_model = QPdfSearchModel(self)
        self.document = open_document(self.pdf, self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.search_model.setDocument(self.document)
        self.view.setSearchModel(self.search_model)

        self.zoom_out = QPushButton("−")
        self.zoom_out.setToolTip(self.tr("Zoom out (Ctrl+-)"))
        self.zoom_in = QPushButton("+")
        self.zoom_in.setToolTip(self.tr("Zoom in (Ctrl++)"))
        self.zoom_label = QLabel()
        self.fit_width = QPushButton(self.tr("Fit &width"))
        self.fit_page = QPushButton(self.tr("Whole p&age"))
        for button in (self.zoom_out, self.zoom_in):
            button.setFixedWidth(34)
        for button in (self.fit_width, self.fit_page):
            button.setCheckable(True)
        self.page = QSpinBox()
        self.page.setRange(1, max(1, self.document.pageCount()))
        self.page.setAccessibleName(self.tr("Page"))
        self.page_count = QLabel(self.tr("of {count}").format(count=self.document.pageCount()))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find in the report…"))
        self.search.setClearButtonEnabled(True)
        self.previous_match = QPushButton("▲")
        self.previous_match.setToolTip(self.tr("Previous match (Shift+F3)"))
        self.next_match = QPushButton("▼")
        self.next_match.setToolTip(self.tr("Next match (F3)"))
        for button in (self.previous_match, self.next_match):
            button.setFixedWidth(34)
        self.matches = QLabel()
        self.match_index = -1

        self.zoom_out.clicked.connect(lambda: self.step_zoom(-1))
        self.zoom_in.clicked.connect(lambda: self.step_zoom(1))
        self.fit_width.clicked.connect(lambda: self.set_zoom_mode(QPdfView.ZoomMode.FitToWidth))
        self.fit_page.clicked.connect(lambda: self.set_zoom_mode(QPdfView.ZoomMode.FitInView))
        self.page.valueChanged.connect(lambda value: self.go_to_page(value - 1))
        self.view.pageNavigator().currentPageChanged.connect(self._page_shown)
        self.view.zoomFactorChanged.connect(lambda _f: self._show_zoom())
        self.search.textChanged.connect(self.find)
        self.search.returnPressed.connect(lambda: self.step_match(1))
        self.next_match.clicked.connect(lambda: self.step_match(1))
        self.previous_match.clicked.connect(lambda: self.step_match(-1))
        self.search_model.rowsInserted.connect(lambda *_a: self._show_matches())
        self.search_model.modelReset.connect(self._show_matches)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, lambda: self.step_zoom(1))
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, lambda: self.step_zoom(-1))
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        QShortcut(QKeySequence.StandardKey.FindNext, self, lambda: self.step_match(1))
        QShortcut(QKeySequence.StandardKey.FindPrevious, self, lambda: self.step_match(-1))

        tools = QHBoxLayout()
        for widget in (self.zoom_out, self.zoom_label, self.zoom_in, self.fit_width, self.fit_page):
            tools.addWidget(widget)
        tools.addSpacing(16)
        tools.addWidget(QLabel(self.tr("Page")))
        tools.addWidget(self.page)
        tools.addWidget(self.page_count)
        tools.addStretch(1)
        tools.addWidget(self.search, 2)
        tools.addWidget(self.previous_match)
        tools.addWidget(self.next_match)
        tools.addWidget(self.matches)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        print_button = buttons.addButton(self.tr("&Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        save_button = buttons.addButton(
            self.tr("&Save as PDF…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        print_button.clicked.connect(self.print_dialog)
        save_button.clicked.connect(self.save_dialog)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self._show_zoom()
        self._show_matches()

    # -- zoom and pages ------------------------------------------------------
    def set_zoom_mode(self, mode: QPdfView.ZoomMode) -> None:
        self.view.setZoomMode(mode)
        self._show_zoom()

    def step_zoom(self, direction: int) -> None:
        current = self.view.zoomFactor()
        if direction > 0:
            factor = next((z for z in ZOOM_STEPS if z > current + 0.01), ZOOM_STEPS[-1])
        else:
            factor = next((z for z in reversed(ZOOM_STEPS) if z < current - 0.01), ZOOM_STEPS[0])
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)
        self._show_zoom()

    def _show_zoom(self) -> None:
        mode = self.view.zoomMode()
        custom = mode == QPdfView.ZoomMode.Custom
        self.zoom_label.setText(f"{self.view.zoomFactor() * 100:.0f}%" if custom else "")
        self.fit_width.setChecked(mode == QPdfView.ZoomMode.FitToWidth)
        self.fit_page.setChecked(mode == QPdfView.ZoomMode.FitInView)

    def go_to_page(self, index: int) -> None:
        if (
            0 <= index < self.document.pageCount()
            and index != self.view.pageNavigator().currentPage()
        ):
            self.view.pageNavigator().jump(
                index, QPointF(), self.view.pageNavigator().currentZoom()
            )

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def _page_shown(self, index: int) -> None:
        self.page.blockSignals(True)
        self.page.setValue(index + 1)
        self.page.blockSignals(False)

    # -- search --------------------------------------------------------------
    def find(self, text: str) -> None:
        self.match_index = -1
        self.search_model.setSearchString(text.strip())
        self._show_matches()

    def match_count(self) -> int:
        return self.search_model.rowCount(QModelIndex())

    def step_match(self, direction: int) -> None:
        count = self.match_count()
        if not count:
            return
        self.match_index = (self.match_index + direction) % count
        self.view.setCurrentSearchResultIndex(self.match_index)
        link = self.search_model.resultAtIndex(self.match_index)
        self.view.pageNavigator().jump(link)
        self._show_matches()

    def _show_matches(self) -> None:
        text, count = self.search.text().strip(), self.match_count()
        for button in (self.previous_match, self.next_match):
            button.setEnabled(count > 0)
        if not text:
            self.matches.setText("")
        elif not count:
            self.matches.setText(self.tr("not found"))
        elif self.match_index < 0:
            self.matches.setText(self.tr("%n match(es)", "", count))
        else:
            self.matches.setText(
                self.tr("{index} of {count}").format(index=self.match_index + 1, count=count)
            )

    # -- print and save ------------------------------------------------------
    def printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
            )
        )
        return printer

    def print_dialog(self) -> None:
        printer = self.printer()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.start_printing(printer)

    def print_to_file(self, target: Path) -> None:
        printer = self.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        self.start_printing(printer)

    def start_printing(self, printer: QPrinter) -> None:
        """Print every page on a reader thread (``app.ui.reports.printing``), with a
        progress dialog whose Cancel aborts the print job."""
        self.ui.ops.run(
            print_pdf,
            self.pdf,
            printer,
            read_only=True,  # it writes no database
            progress_title=self.tr("Printing…"),
            parent=self,
        )

    def save_dialog(self, _checked: bool = False, path: str | None = None) -> None:
        """Save as PDF: the copy is written on a reader thread (it writes no database),
        through ``app.atomic``: a failed copy leaves the file that was there."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save as PDF"), self.pdf.name, self.tr("PDF files (*.pdf)")
            )
        if not path:
            return

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, OSError):
                self.ui.report_failure(exc)
                return
            self.ui.show_message(
                self.tr("Cannot save {path}: {error}").format(path=path, error=exc.strerror or exc),
                "error",
            )

        self.ui.ops.run(save_copy, self.pdf, Path(path), read_only=True, on_error=failed)


def save_copy(source: Path, target: Path) -> Path:
    """``source`` copied to ``target``, replacing it atomically and durably."""
    from app.atomic import Durability, atomic_path

    with atomic_path(target, Durability.SYNC) as tmp:
        shutil.copyfile(source, tmp)
    return target
