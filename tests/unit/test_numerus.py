"""Strings with counts use Qt's plural forms (numerus) in both catalogues, in the services
(``app.i18n.trn``) and in the GUI (``self.tr(text, "", n)``)."""

from __future__ import annotations

import sys
from pathlib import Path

from app import i18n

ROOT = Path(__file__).resolve().parent.parent.parent


def test_trn_chooses_the_plural_form() -> None:
    assert i18n.trn("cli", "%n partner(s)", 1) == "1 partner"
    assert i18n.trn("cli", "%n partner(s)", 3) == "3 partners"
    i18n.set_language("zh_CN")
    try:
        assert i18n.trn("cli", "%n partner(s)", 3) == "3 个渠道"
        assert (
            i18n.trn("reminders", "%n rectification order(s) overdue.", 1) == "1 份整改单已逾期。"
        )
    finally:
        i18n.set_language("en")


def test_catalogues_mark_count_strings_as_numerus() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    import translations

    translations.scan_sources()
    assert ("PartnersSection", "%n partner(s)") in translations.NUMERUS
    assert translations.english_forms("%n photo(s) — add…") == (
        "%n photo — add…",
        "%n photos — add…",
    )
    for lang in ("en", "zh_CN"):
        text = (ROOT / "resources" / "translations" / f"channeldesk_{lang}.ts").read_text(
            encoding="utf-8"
        )
        assert '<message numerus="yes">\n      <source>%n partner(s)</source>' in text


def test_qt_translates_count_strings(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    from app.ui.application import ensure_application, install_translators

    app = ensure_application()
    install_translators(app, "zh_CN")
    try:
        assert (
            QCoreApplication.translate("PartnersSection", "%n partner(s)", "", 200) == "200 个渠道"
        )
    finally:
        install_translators(app, "en")
    assert QCoreApplication.translate("PartnersSection", "%n partner(s)", "", 1) == "1 partner"
    assert QCoreApplication.translate("PartnersSection", "%n partner(s)", "", 2) == "2 partners"
