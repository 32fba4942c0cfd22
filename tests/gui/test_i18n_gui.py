"""The GUI's Qt-free labels (vocabulary, formats, services' messages) are translated by
the translators the GUI installs — Qt's compiled catalogue of the same .ts — instead of
the .ts being parsed again at the first Chinese label of a start (~20 ms)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app import i18n
from tests.conftest import ROOT


def test_the_gui_translators_answer_every_message_as_the_catalogue(qtbot) -> None:  # type: ignore[no-untyped-def]
    from app.ui.qt_app import ensure_application, install_translators

    catalogue = i18n._catalogue("zh_CN")
    plurals = i18n._numerus["zh_CN"]
    app = ensure_application()
    install_translators(app, "zh_CN")
    try:
        # used when the .qm is compiled from the .ts as it is (``make translations``)
        assert (i18n._gui_translator is not None) == _compiled_catalogue_is_fresh()
        differ = [
            (context, source)
            for (context, source), text in catalogue.items()
            if (context, source) not in plurals and i18n.tr(context, source) != text
        ]
        assert differ == []
        counted = [
            (context, source)
            for (context, source), forms in plurals.items()
            if i18n.trn(context, source, 7) != forms[0].replace("%n", "7")
        ]
        assert counted == []
        assert i18n.tr("no such context", "Not translated") == "Not translated"
        assert i18n.translate_in("en", "PartnerLabels", "Active") == "Active"
    finally:
        install_translators(app, "en")
    assert i18n._gui_translator is None
    assert i18n.tr("PartnerLabels", "Active") == "Active"


def test_a_chinese_start_does_not_parse_the_catalogue(cli, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("init").returncode == 0
    assert cli("demo", "--partners", "20", "--months", "1", "--seed", "3").returncode == 0
    shot = tmp_path / "shot.png"
    script = (
        "import sys\nfrom app import i18n\nfrom app.cli import main\n"
        f"code = main(['--lang', 'zh_CN', '--data-dir', {str(data_dir)!r}, 'gui', '--screenshot', {str(shot)!r}])\n"
        "print(i18n._catalogue.cache_info().currsize, i18n.tr('PartnerLabels', 'Active'))\n"
        "sys.exit(code)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONUTF8="1"),
    )
    assert proc.returncode == 0, proc.stderr
    parsed = "0" if _compiled_catalogue_is_fresh() else "1"
    assert proc.stdout.split() == [parsed, "正常"]


def test_a_compiled_catalogue_older_than_its_source_is_not_used(tmp_path: Path) -> None:
    """A .qm older than its .ts (translations edited, ``make translations`` not run yet)
    would give old texts: the .ts is read then, as without a GUI."""
    from app.ui.qt_app import _up_to_date

    compiled, source = tmp_path / "c_zh_CN.qm", tmp_path / "c_zh_CN.ts"
    compiled.write_bytes(b"qm")
    assert _up_to_date(compiled)  # no .ts to tell
    source.write_text("ts", encoding="utf-8")
    os.utime(compiled, (1_000_000, 1_000_000))
    assert not _up_to_date(compiled)
    os.utime(source, (999_000, 999_000))
    assert _up_to_date(compiled)


def _compiled_catalogue_is_fresh() -> bool:
    from app.paths import resource_path
    from app.ui.qt_app import _up_to_date

    return _up_to_date(resource_path("translations", "channeldesk_zh_CN.qm"))
