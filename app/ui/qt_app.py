"""The Qt application object and what belongs to it rather than to a window: the bundled
font, the text scale and the installed translators."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from app import APP_NAME, __version__
from app.i18n import current_language, set_language, use_gui_translator
from app.paths import resource_path

log = logging.getLogger(__name__)
_translators: list[QTranslator] = []


def ensure_application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("渠道巡检台 ChannelDesk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(
        "channeldesk"
    )  # Wayland matches windows to channeldesk.desktop (icon, name)
    icon = resource_path("icons", "channeldesk.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    load_bundled_font(app)
    return app


def load_bundled_font(app: QApplication) -> None:
    """Register WenQuanYi Micro Hei so Chinese never renders as boxes (also offscreen)."""
    font_file = resource_path("fonts", "wqy-microhei.ttc")
    font_id = QFontDatabase.addApplicationFont(str(font_file))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if families:
        font = QFont(app.font())
        font.setFamilies([app.font().family(), families[0]])
        app.setFont(font)


# Classes whose font the platform theme sets separately from the application font.
_THEMED_FONT_CLASSES = (
    "QMenu",
    "QMenuBar",
    "QMessageBox",
    "QLabel",
    "QStatusBar",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QToolButton",
    "QAbstractItemView",
    "QListView",
    "QHeaderView",
    "QComboBox",
    "QLineEdit",
    "QTabBar",
    "QGroupBox",
    "QDockWidget",
    "QToolTip",
)
_base_fonts: dict[str, QFont] = {}


def apply_text_scale(percent: int) -> None:
    """Scale the application font and the theme's per-class fonts (item views, menus, …)
    to ``percent`` of their start size; every widget without its own font follows."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if not _base_fonts:
        _base_fonts[""] = QFont(app.font())
        for name in _THEMED_FONT_CLASSES:
            _base_fonts[name] = QFont(QApplication.font(name))
    for name, base in _base_fonts.items():
        font = QFont(base)
        font.setPointSizeF(max(6.0, base.pointSizeF() * percent / 100))
        if name:
            app.setFont(font, name)
        else:
            app.setFont(font)


def _translate(context: str, source: str, n: int) -> str:
    return QCoreApplication.translate(context, source, None, n)


def _up_to_date(compiled: Path) -> bool:
    """The .qm was compiled from the .ts as it is now (``make translations``), or the .ts
    is not there to tell."""
    try:
        return compiled.stat().st_mtime >= compiled.with_suffix(".ts").stat().st_mtime
    except OSError:
        return compiled.exists()


def install_translators(app: QApplication, language: str) -> None:
    """Swap the app's and Qt's own translators for ``language`` (zh_CN or en)."""
    use_gui_translator(None)
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    set_language(language)
    ours = QTranslator()
    if current_language() == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        if ours.load(
            str(resource_path("translations", "channeldesk_en.qm"))
        ):  # English plural forms
            app.installTranslator(ours)
            _translators.append(ours)
        return
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    compiled = resource_path("translations", f"channeldesk_{current_language()}.qm")
    if ours.load(str(compiled)):
        app.installTranslator(ours)
        _translators.append(ours)
        if _up_to_date(compiled):  # the Qt-free code's labels too: no parse of the .ts
            use_gui_translator(current_language(), _translate)
    from PySide6.QtCore import QLibraryInfo  # named here: its enums are built when named

    qt_base = QTranslator()
    if qt_base.load(
        QLocale(current_language()),
        "qtbase",
        "_",
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
    ):
        app.installTranslator(qt_base)
        _translators.append(qt_base)
