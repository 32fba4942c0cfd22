"""The Partners section's spreadsheet actions: import partners from a CSV or XLSX file
(one transaction on the writer thread, progress and Cancel) and export them (on a reader
thread). Their texts keep the section's translation context."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from app.errors import UserError

CONTEXT = "PartnersSection"  # the texts were the section's and keep their translations


def import_partners_from(section: Any, path: str | None = None) -> None:
    """Partners → Import…: read ``path`` (asked for when not given) on the writer thread with
    a progress dialog whose Cancel rolls the whole import back; say what was imported."""
    if not path:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            section,
            QCoreApplication.translate(CONTEXT, "Import partners"),
            "",
            QCoreApplication.translate(CONTEXT, "Spreadsheets (*.csv *.xlsx)"),
        )
    if not path:
        return
    from app.services import partner_io

    def done(report: partner_io.ImportReport) -> None:
        section.ui.show_message(
            QCoreApplication.translate(
                CONTEXT,
                "Imported {rows} rows: {created} new, {updated} updated, {skipped} skipped.",
            ).format(
                rows=report.total,
                created=report.created,
                updated=report.updated,
                skipped=report.skipped,
            ),
            "info",
            details=[str(e) for e in report.errors],
        )

    def failed(exc: BaseException) -> None:
        from app.services.progress import Cancelled

        if isinstance(
            exc, Cancelled
        ):  # the whole import was one transaction: nothing is left of it
            section.ui.show_message(exc.message, "info")
        elif isinstance(exc, UserError):  # bad rows, a file over a limit, a busy database
            section.ui.show_message(exc.message, "error", details=exc.details)
        else:
            section.ui.show_crash(exc, getattr(exc, "__traceback_text__", ""))

    # the progress dialog counts the rows read and its Cancel rolls the import back
    section.ui.ops.run(
        partner_io.import_partners,
        section.ui.ctx,
        path,
        on_done=done,
        on_error=failed,
        progress_title=QCoreApplication.translate(CONTEXT, "Importing partners…"),
        parent=section,
    )


def export_partners_to(section: Any, path: str | None = None) -> None:
    """Partners → Export…: write every partner to ``path`` (asked for when not given) on a
    reader thread with a progress dialog."""
    if not path:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(
            section,
            QCoreApplication.translate(CONTEXT, "Export partners"),
            "partners.xlsx",
            QCoreApplication.translate(CONTEXT, "Spreadsheets (*.csv *.xlsx)"),
        )
    if not path:
        return
    from app.services import partner_io

    section.ui.ops.run(
        partner_io.export_partners,
        section.ui.ctx,
        path,
        read_only=True,
        on_done=lambda count: section.ui.show_message(
            QCoreApplication.translate(CONTEXT, "{count} partners exported.").format(count=count),
            "info",
        ),
        progress_title=QCoreApplication.translate(CONTEXT, "Exporting partners…"),
        parent=section,
    )
