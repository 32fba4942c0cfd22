"""GUI start-up: QApplication, bundled CJK font, translators, the data dir (with a clear
message when it is unusable — never a crash loop), global exception hook → crash dialog,
the main window, and ``gui --screenshot`` for headless checks."""

from __future__ import annotations

import gc
import logging
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QApplication

from app.errors import UserError
from app.i18n import set_language, tr
from app.ui.qt_app import (
    apply_text_scale,
    ensure_application,
    install_translators,
)

log = logging.getLogger(__name__)


def _fatal(message: str) -> int:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(None, "ChannelDesk", message)
    return 1


def create_main_window(ctx, deferred: bool = False, ui=None):  # type: ignore[no-untyped-def]
    """Build ``UiServices`` (unless the first-run wizard made them: ``ui``) and the main
    window for an opened context (``deferred``: only the visible section now, the rest in
    ``MainWindow.finish_start``)."""
    from app.ui.main_window import MainWindow
    from app.ui.services import UiServices

    ui = ui if ui is not None else UiServices(ctx)
    window = MainWindow(ui, deferred=deferred)
    return ui, window


def run_gui(
    data_dir: str | None,
    language: str | None,
    screenshot: Path | None = None,
    demo_on_first_run: bool = False,
) -> int:
    from app.services.opening import open_context
    from app.ui.system_libs import problem

    set_language(language)
    missing = problem()  # before Qt aborts with "no Qt platform plugin could be initialized"
    if missing:
        sys.stderr.write(missing + "\n")
        return 1
    app = ensure_application()
    if screenshot is None and sys.platform != "win32":
        # Ctrl+C in the terminal ends the app; a timer lets Python run its signal handler.
        import signal

        signal.signal(signal.SIGINT, lambda *_: app.quit())
    try:
        ctx = open_context(data_dir)
    except UserError as exc:
        if screenshot is not None:
            sys.stderr.write(exc.message + "\n")
            return 1
        return _fatal(exc.message)
    install_translators(app, language or ctx.settings.language or None)
    if ctx.settings.text_scale != 100:
        apply_text_scale(ctx.settings.text_scale)
    instance = None
    if screenshot is None:
        from app.ui.single_instance import SingleInstance

        instance = SingleInstance(str(ctx.paths.root))
        if not instance.try_primary():
            sys.stderr.write(
                "ChannelDesk is already running for this data directory; it was brought to the front.\n"
            )
            ctx.close()
            return 0
    first_ui = restore_first = None
    if screenshot is None and not demo_on_first_run and not ctx.settings.first_run_done:
        from app.ui.services import UiServices

        gc.enable()  # the wizard may create demo data
        # the window's services, made now: the wizard stores its answers on their OpRunner
        first_ui = UiServices(ctx)
        ctx, then = _first_run(app, first_ui, language)
        if ctx is None:
            return 0
        demo_on_first_run = then is True
        restore_first = then if isinstance(then, Path) else None
    session = GuiSession(app)
    # Start-up: paint the window with the visible section first; the other sections, the
    # ORM and the services they import load right after (``finish_start``). A screenshot
    # is taken once the visible section has loaded, like a person looking at the window.
    session.open(ctx, deferred=True, ui=first_ui)
    _freeze_heap()
    ui, window = session.ui, session.window
    if instance is not None:
        instance.activated.connect(session.activate)
    if screenshot is None:
        window.start_finished.connect(_freeze_heap)
        window.start_finished.connect(lambda: _purge_records(ui))
        if ctx.settings.auto_backup:
            window.start_finished.connect(lambda: _rotate_backups(ui))
        if restore_first is not None:  # the first run's restore, as Tools → Restore does it,
            # once the window has started (the visible section's first read done)
            window.start_finished.connect(lambda: session.restore(restore_first))
        window.finish_start_after_paint()
    if demo_on_first_run:
        QTimer.singleShot(0, lambda: _maybe_fill_demo(ui))
    if screenshot is not None:
        return _take_screenshot(app, window, screenshot)
    code = app.exec()
    session.ui.ctx.close()
    return int(code)


class GuiSession(QObject):
    """The open data dir's context, ``UiServices`` and main window. Tools → Restore swaps
    all three: the old window closes (sections may refuse, e.g. an unsaved form), the
    restore runs on a worker with progress, and a new window opens on the restored data
    (or on the untouched previous data when the restore failed or was cancelled)."""

    reopened = Signal()

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.ui: Any = None
        self.window: Any = None
        self._retired: list[Any] = []

    def open(
        self, ctx, message: tuple[str, str] | None = None, deferred: bool = False, ui=None
    ) -> None:  # type: ignore[no-untyped-def]
        ui, window = create_main_window(ctx, deferred=deferred, ui=ui)
        _install_excepthook(ui)
        window.finish_menus()
        window.restore_requested.connect(self.restore)
        window.show()
        self.ui, self.window = ui, window
        if message is not None:
            ui.show_message(message[0], message[1])

    def activate(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def restore(self, backup: Path) -> None:
        from app.services.backup import restore_in_place

        old_ui, old_window = self.ui, self.window
        self.app.setQuitOnLastWindowClosed(False)
        if not old_window.close():
            self.app.setQuitOnLastWindowClosed(True)
            return
        old_ui.ops.wait(30000)
        self._retired.append((old_ui, old_window))
        root = old_ui.ctx.paths.root

        def done(result) -> None:  # type: ignore[no-untyped-def]
            if result.error:
                text, level = (
                    self.tr("The backup was not restored: {error}").format(error=result.error),
                    "error",
                )
            elif result.kept is not None:
                text = self.tr(
                    "Restored the backup made {created}. The previous data was kept in {kept}."
                ).format(created=result.created_at[:16].replace("T", " "), kept=result.kept)
                level = "info"
            else:
                text, level = (
                    self.tr("Restored the backup made {created}.").format(
                        created=result.created_at[:16].replace("T", " ")
                    ),
                    "info",
                )
            self._reopen(result.ctx, (text, level))

        def failed(exc: BaseException) -> None:
            from app.services.opening import open_context

            self._reopen(open_context(root), None)
            self.ui.show_crash(exc, getattr(exc, "__traceback_text__", ""))

        old_ui.ops.run(
            restore_in_place,
            old_ui.ctx,
            backup,
            progress_title=self.tr("Restoring the backup…"),
            on_done=done,
            on_error=failed,
        )

    def _reopen(self, ctx, message: tuple[str, str] | None) -> None:  # type: ignore[no-untyped-def]
        self.open(ctx, message)
        self.app.setQuitOnLastWindowClosed(True)
        retired, self._retired = self._retired, []
        QTimer.singleShot(0, lambda: [window.deleteLater() for _ui, window in retired])
        self.reopened.emit()


def _first_run(app: QApplication, ui, language: str | None):  # type: ignore[no-untyped-def]
    """Show the first-run wizard on an empty data dir (``ui``: the main window's services,
    over the opened context); returns the context (None when the wizard was cancelled) and
    what the main window does first: True to create demo data, the backup file to restore,
    or False — with progress in the window rather than before any window shows."""
    from app.services import demo
    from app.ui.first_run import FirstRunWizard

    ctx = ui.ctx
    if not demo.is_data_dir_empty(ctx):
        ctx.settings.first_run_done = True
        ctx.save_settings()
        return ctx, False
    wizard = FirstRunWizard(ui)
    if wizard.exec() != FirstRunWizard.DialogCode.Accepted:
        ctx.close()
        return None, False
    install_translators(app, language or ctx.settings.language or None)
    if wizard.choice == "demo":  # first_run_done stays False until the demo data is in
        return ctx, True
    if wizard.choice == "restore":  # in the main window, with progress (``GuiSession.restore``)
        return ctx, Path(wizard.backup.text().strip())
    return ctx, False


def _freeze_heap() -> None:
    """Move the objects start-up created (modules, classes, the window) to the collector's
    permanent generation — later collections, and the one at exit, need not scan them
    again — and turn the collector on (``cmd_gui`` turns it off while starting)."""
    gc.freeze()
    gc.enable()


def _rotate_backups(ui) -> None:  # type: ignore[no-untyped-def]
    """The automatic daily backup (with rotation), on a reader thread."""
    from app.services.backup import rotate_automatic_backups

    ui.ops.run(rotate_automatic_backups, ui.ctx, read_only=True)


def _purge_records(ui) -> None:  # type: ignore[no-untyped-def]
    """Delete the development records past HQ's retention period (personal information
    is kept no longer than that, even on a laptop that imports nothing new)."""
    from app.services.devrecords import purge_expired_records

    ui.ops.run(purge_expired_records, ui.ctx)


def _maybe_fill_demo(ui) -> None:  # type: ignore[no-untyped-def]
    """``make run``: fill an empty data dir with demo data once, with progress."""
    ctx = ui.ctx
    if ctx.settings.first_run_done:
        return
    try:
        from app.services import demo
    except ImportError:
        return
    if not demo.is_data_dir_empty(ctx):
        return

    ui.ops.run(
        _fill_demo,
        ctx,
        progress_title=QCoreApplication.translate("MainWindow", "Creating demo data…"),
    )


def _fill_demo(ctx, progress=None):  # type: ignore[no-untyped-def]
    """The demo data, then the first run marked done (on the writer thread)."""
    from app.services import demo
    from app.services.preferences import store_settings

    changes = demo.generate_demo(ctx, progress=progress)
    return changes | store_settings(ctx, first_run_done=True)


def _take_screenshot(app: QApplication, window, target: Path) -> int:  # type: ignore[no-untyped-def]
    """Save the main window as PNG once every section reports its data loaded (5 s cap).
    The headless window's geometry is not kept as the person's window for the next start."""
    result = {"code": 1}
    window.keeps_geometry = False

    def grab() -> None:
        ok, error = False, ""
        try:
            app.processEvents()
            pixmap = _painted(window)
            target.parent.mkdir(parents=True, exist_ok=True)
            ok = pixmap.save(
                str(target), "PNG", 80
            )  # zlib level 2: quicker and, for a window, smaller
        except (
            OSError
        ) as exc:  # e.g. a file where the folder should be: report it and quit, never hang
            error = exc.strerror or str(exc)
        if not ok:
            sys.stderr.write(
                tr("cli", "Cannot write the screenshot {path}: {error}").format(
                    path=target, error=error or tr("cli", "the file could not be saved")
                )
                + "\n"
            )
        result["code"] = 0 if ok else 1
        try:
            window.ui.ops.wait(10000)
        finally:
            app.quit()

    taken: list[bool] = []

    def take() -> None:
        if not taken:  # once: when the section is ready, or at the cap
            taken.append(True)
            QTimer.singleShot(0, grab)

    def start() -> None:
        current = window.stack.currentWidget()
        if window.sections_ready():
            take()
            return
        current.ready.connect(take)  # at once when its data is in, no polling delay
        QTimer.singleShot(5000, take)

    QTimer.singleShot(0, start)
    app.exec()
    window.ui.ctx.close()
    return result["code"]


def _painted(window):  # type: ignore[no-untyped-def]
    """The window as painted for the screen. On the offscreen platform that is the
    window's backing store, once the paints still queued are done (a label that got new
    text asks for a new layout, the layout for a paint of what moved: one posted event
    after the other); ``QWidget.grab`` would paint every widget a second time into a new
    pixmap. Elsewhere the window is painted again into a pixmap (a grab of the screen
    could catch a window lying over it)."""
    if QApplication.platformName() == "offscreen":
        for _ in range(8):
            QCoreApplication.sendPostedEvents()
        pixmap = window.screen().grabWindow(window.winId())
        if not pixmap.isNull():
            return pixmap
    return window.grab()


def _install_excepthook(ui) -> None:  # type: ignore[no-untyped-def]
    previous = sys.excepthook

    def hook(exc_type, exc, tb) -> None:  # type: ignore[no-untyped-def]
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        if isinstance(exc, UserError):
            ui.show_message(exc.message, "error", details=exc.details)
            return
        import traceback

        ui.show_crash(exc, "".join(traceback.format_exception(exc_type, exc, tb)))

    sys.excepthook = hook
