"""Deferred start-up: the window paints with only the visible section built, then builds
the others; navigation, menus, shortcuts and the partner card end up exactly as in a
window built at once. The first paint needs no ORM (checked in a fresh process), and the
reduced argument parser of a GUI start answers as the full one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import build_parser, parse_arguments
from app.ui.sections import SECTION_CLASSES, load_section_class, section_title
from tests.conftest import ROOT

CSV = (
    "code,name,grade,region,address,contact_name,contact_phone\n"
    "P001,上海浦东金桥通信器材经营部,A,310115,金桥路100号,王小明,13800138000\n"
    "P002,徐汇天平路专营店,B,310104,天平路8号,李四,021-64001234\n"
)


def _seed(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.services.partner_io import import_partners

    path = tmp_path / "seed.csv"
    path.write_text(CSV, encoding="utf-8")
    import_partners(ctx, path)


def _navigation(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def test_deferred_window_ends_up_like_the_eager_one(qtbot, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.ui.application import create_main_window, ensure_application

    _seed(ctx, tmp_path)
    ensure_application()
    eager_ui, eager = create_main_window(ctx)
    eager.finish_menus()
    qtbot.addWidget(eager)
    lazy_ui, lazy = create_main_window(ctx, deferred=True)
    lazy.finish_menus()
    qtbot.addWidget(lazy)

    assert _navigation(lazy) == _navigation(eager)
    assert len(lazy.sections) == 1 and lazy.stack.count() == len(SECTION_CLASSES)
    lazy.show()
    qtbot.waitUntil(lazy.sections_ready, timeout=5000)
    partners = lazy.sections[0]
    assert [row.code for row in partners.model.rows] == ["P001", "P002"]
    assert partners.card.toPlainText() == ""  # the card's queries wait for the rest of the window

    with qtbot.waitSignal(lazy.start_finished, timeout=10000):
        lazy.finish_start_after_paint()
    assert [type(s) for s in lazy.sections] == [type(s) for s in eager.sections]
    assert [lazy.stack.widget(i) for i in range(lazy.stack.count())] == lazy.sections
    assert _navigation(lazy) == _navigation(eager)
    assert lazy.shortcut_rows() == eager.shortcut_rows()
    assert lazy.menus["file"].actions()[-1] is lazy.quit_action
    qtbot.waitUntil(
        lambda: "上海浦东金桥通信器材经营部" in partners.card.toPlainText(), timeout=5000
    )
    lazy.finish_start()  # a second call changes nothing
    assert len(lazy.sections) == len(SECTION_CLASSES)
    eager_ui.ops.wait(10000)
    lazy_ui.ops.wait(10000)


def test_showing_a_section_not_built_yet_builds_the_rest(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    from app.ui.application import create_main_window, ensure_application

    ensure_application()
    ui, window = create_main_window(ctx, deferred=True)
    qtbot.addWidget(window)
    window.show()
    section = window.show_section("visits")
    assert section is not None and section.section_id == "visits"
    assert window.stack.currentWidget() is section
    assert len(window.sections) == len(SECTION_CLASSES)
    ui.ops.wait(10000)


def test_a_failing_first_load_does_not_stop_the_rest_of_the_start(qtbot, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from app.ui.application import create_main_window, ensure_application
    from app.ui.partners.section import PartnersSection

    def broken(_self) -> None:  # type: ignore[no-untyped-def]
        raise RuntimeError("first load failed")

    monkeypatch.setattr(PartnersSection, "first_load", broken)
    ensure_application()
    ui, window = create_main_window(ctx, deferred=True)
    qtbot.addWidget(window)
    with qtbot.capture_exceptions() as exceptions:
        window.show()
        with qtbot.waitSignal(window.start_finished, timeout=10000):
            window.finish_start_after_paint()
    assert [str(e[1]) for e in exceptions] == ["first load failed"]
    assert len(window.sections) == len(SECTION_CLASSES)
    ui.ops.wait(10000)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_static_navigation_titles_are_the_sections_own(qtbot, ui_window, language: str) -> None:  # type: ignore[no-untyped-def]
    from app.ui.application import ensure_application, install_translators

    _ui, window = ui_window
    app = ensure_application()
    install_translators(app, language)
    try:
        for spec, section in zip(SECTION_CLASSES, window.sections, strict=True):
            assert isinstance(section, load_section_class(spec))
            assert section_title(spec) == section.title()
    finally:
        install_translators(app, "en")


def test_first_paint_needs_no_orm_no_heavy_library_and_imports_qt_free_modules_first(
    cli, data_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    assert cli("init").returncode == 0
    assert cli("demo", "--partners", "30", "--months", "1", "--seed", "3").returncode == 0
    shot = tmp_path / "shot.png"
    script = (
        "import sys\nfrom app.cli import main\n"
        f"code = main(['--data-dir', {str(data_dir)!r}, 'gui', '--screenshot', {str(shot)!r}])\n"
        "heavy = ('sqlalchemy', 'alembic', 'reportlab', 'openpyxl', 'PIL', 'cryptography', 'PySide6.QtCharts')\n"
        # nor the standard modules only later work needs (the log file's rotation, ldd, the
        # default data dir, the card's HTML, fsyncs on threads, the clock of writes, the
        # partner rules of edits)
        "later = ('logging.handlers', 'socket', 'pickle', 'subprocess', 'platformdirs', 'html',\n"
        "         'concurrent.futures', 'app.domain.hlc', 'app.domain.partners')\n"
        "print(','.join(m for m in heavy + later if m in sys.modules))\n"
        # sys.modules keeps the order modules started to import in
        "order = list(sys.modules)\n"
        "qt_free = ('app.services.opening', 'app.services.partner_list', 'app.domain.vocabulary')\n"
        "print(','.join(m for m in qt_free if order.index(m) > order.index('PySide6')))\n"
        # PySide builds a class's Python type (and its enums) when Python first names it
        "import PySide6.QtCore as core, PySide6.QtGui as gui, PySide6.QtWidgets as widgets\n"
        "unused = {widgets: ('QFileDialog', 'QMessageBox', 'QProgressDialog'),\n"
        "          core: ('QUrl', 'QByteArray', 'QLibraryInfo'), gui: ('QDesktopServices',)}\n"
        "print(','.join(n for module, names in unused.items() for n in names if n in vars(module)))\n"
        "sys.exit(code)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    assert proc.returncode == 0, proc.stderr
    heavy_loaded, qt_free_after_qt, dialogs_named = proc.stdout.split("\n")[:3]
    assert heavy_loaded == ""
    # PySide6 reads the source of every module imported after it: the start's Qt-free
    # modules come first
    assert qt_free_after_qt == ""
    assert dialogs_named == ""  # the dialogs of actions are imported when used
    assert shot.stat().st_size > 10_000


PLAIN_GUI_STARTS = [
    ["gui", "--screenshot", "a.png"],
    ["--data-dir", "d", "--lang", "zh_CN", "gui", "--demo-on-first-run"],
    ["--data-dir=d"],
    [],
    ["--lang=en", "--data-dir", "d d", "gui", "--screenshot=s=1.png", "--demo-on-first-run"],
    ["--lang", "en", "gui", "--demo-on-first-run", "--screenshot", "a.png"],
    ["gui"],
    ["--data-dir", "gui"],  # a data dir named gui
]


@pytest.mark.parametrize(
    "argv",
    [
        *PLAIN_GUI_STARTS,
        # read by the reduced parser: a repeated option, an abbreviation
        ["--data-dir", "a", "--data-dir", "b", "gui"],
        ["--data", "d", "gui", "--screen", "a.png"],
    ],
)
def test_gui_start_parses_like_the_full_parser(argv: list[str], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CHANNELDESK_DATA_DIR", "/from/the/environment")
    _parser, args = parse_arguments(argv)
    full = build_parser()
    expected = full.parse_args(argv)
    if expected.command is None:
        expected = full.parse_args([*argv, "gui"])
    assert vars(args) == vars(expected)


@pytest.mark.parametrize("argv", PLAIN_GUI_STARTS)
def test_a_plain_gui_start_builds_no_argument_parser(argv: list[str], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """argparse compiles its patterns and formats each command's help as a parser is
    built: a GUI start written out in full is read without one."""
    import argparse

    def refuse(*_args, **_kwargs) -> None:  # type: ignore[no-untyped-def]
        raise AssertionError("an argument parser was built")

    monkeypatch.setattr(argparse.ArgumentParser, "__init__", refuse)
    parser, args = parse_arguments(argv)
    assert parser is None and args.command == "gui"


@pytest.mark.parametrize(
    "argv",
    [
        ["gui", "--bogus"],
        ["--data-dir", "d", "gui", "x"],
        ["guix"],
        ["gui", "-h"],
        ["--lang", "fr", "gui"],
        ["gui", "--screenshot"],
        ["gui", "gui"],
        ["--data-dir", "d", "gui", "--data-dir", "e"],
        ["gui", "--demo-on-first-run=yes"],
    ],
)
def test_gui_start_errors_and_help_come_from_the_full_parser(argv: list[str], capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as ours:
        parse_arguments(argv)
    mine = capsys.readouterr()
    with pytest.raises(SystemExit) as reference:
        build_parser().parse_args(argv)
    theirs = capsys.readouterr()
    assert (ours.value.code, mine.out, mine.err) == (reference.value.code, theirs.out, theirs.err)
    assert mine.out or mine.err


def test_a_screenshot_keeps_the_settings_as_they_were(cli, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """``gui --screenshot`` does not store its headless window's geometry as the person's
    window (nor spend a durable settings write on it at exit)."""
    assert cli("init").returncode == 0
    settings = data_dir / "settings.json"
    before = settings.read_bytes() if settings.exists() else None
    assert cli("gui", "--screenshot", str(tmp_path / "shot.png")).returncode == 0
    assert (settings.read_bytes() if settings.exists() else None) == before


def test_a_screenshot_waits_for_the_partner_count(cli, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The count over every partner comes after the first paint, from a reader thread;
    ``gui --screenshot`` grabs the window as soon as the section says it is ready, which
    is once the count shows (here slowed to 300 ms; more partners than the first page)."""
    assert cli("init").returncode == 0
    assert cli("demo", "--partners", "100", "--months", "1", "--seed", "3").returncode == 0
    shot = tmp_path / "shot.png"
    script = (
        "import sys, time\n"
        "import app.ui.application as application\n"
        "import app.ui.partners.section as section\n"
        "real = section.counted_query\n"
        "section.counted_query = lambda ctx, q: (time.sleep(0.3), real(ctx, q))[1]\n"
        "painted = application._painted\n"
        "def watched(window):\n"
        "    print(window.sections[0].count_label.text())\n"
        "    return painted(window)\n"
        "application._painted = watched\n"
        "from app.cli import main\n"
        f"sys.exit(main(['--lang', 'en', '--data-dir', {str(data_dir)!r}, 'gui', '--screenshot', {str(shot)!r}]))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "100 partners"
    assert shot.stat().st_size > 10_000


def test_a_screenshot_is_the_window_as_painted(qtbot, ctx, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """``gui --screenshot`` saves what was painted for the screen (on the offscreen
    platform the window's backing store) instead of painting every widget again: the
    pixels are those a new rendering of the window gives."""
    from PySide6.QtWidgets import QApplication

    from app.ui import application
    from app.ui.application import create_main_window, ensure_application

    _seed(ctx, tmp_path)
    ensure_application()
    ui, window = create_main_window(ctx, deferred=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.sections_ready, timeout=5000)
    QApplication.processEvents()
    rendered = window.grab().toImage()
    monkeypatch.setattr(window, "grab", lambda *_a: pytest.fail("the window was painted again"))
    painted = application._painted(window).toImage()
    assert painted.size() == rendered.size()
    painted.save("/tmp/cs/t-painted.png")
    rendered.save("/tmp/cs/t-rendered.png")
    assert painted.convertToFormat(rendered.format()) == rendered
    ui.ops.wait(10000)


def _shown_rows(section) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    """(object name or class, rows) of every item view in a section with a model."""
    from PySide6.QtWidgets import QAbstractItemView

    return sorted(
        (view.objectName() or type(view).__name__, view.model().rowCount())
        for view in section.findChildren(QAbstractItemView)
        if view.model() is not None and view.isVisibleTo(section)
    )


def _settled(app, ui, section) -> None:  # type: ignore[no-untyped-def]
    """Until the section says it has loaded and its reads (on reader threads, an answer
    may start the next read) have come back and been shown."""
    import time

    end = time.monotonic() + 30
    while not section.is_ready and time.monotonic() < end:
        app.processEvents()
        ui.ops.wait(50)
    for _ in range(4):
        ui.ops.wait(10000)
        for _ in range(10):
            app.processEvents()


def test_each_section_left_out_at_start_works_when_first_chosen(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    """A deferred start builds only Partners; a click on each other section in the
    navigation builds it there and then (in its place, with its own title), it loads, and
    its lists show the rows the same section shows in a window built at once."""
    from PySide6.QtCore import Qt

    from app.services.demo import generate_demo
    from app.ui.application import create_main_window, ensure_application

    generate_demo(ctx, partners=30, months=2, seed=3)
    app = ensure_application()
    eager_ui, eager = create_main_window(ctx)
    eager.finish_menus()
    qtbot.addWidget(eager)
    eager.show()
    lazy_ui, lazy = create_main_window(ctx, deferred=True)
    lazy.finish_menus()
    qtbot.addWidget(lazy)
    lazy.show()
    qtbot.waitExposed(lazy)
    assert len(lazy.sections) == 1
    shown_data = 0
    for index, spec in enumerate(SECTION_CLASSES):
        item = lazy.nav.item(index)
        qtbot.mouseClick(
            lazy.nav.viewport(),
            Qt.MouseButton.LeftButton,
            pos=lazy.nav.visualItemRect(item).center(),
        )
        section = lazy.stack.currentWidget()
        assert isinstance(section, load_section_class(spec)), spec  # built on the click
        assert lazy.nav.currentRow() == index and item.text() == section.title()
        _settled(app, lazy_ui, section)
        assert section.is_ready, spec
        eager.nav.setCurrentRow(index)
        reference = eager.stack.currentWidget()
        _settled(app, eager_ui, reference)
        assert _shown_rows(section) == _shown_rows(reference), spec
        shown_data += any(rows for _name, rows in _shown_rows(section))
    assert len(lazy.sections) == len(SECTION_CLASSES)
    assert shown_data >= 6  # the demo data is in the lists of every section but Conflicts
    eager_ui.ops.wait(10000)
    lazy_ui.ops.wait(10000)
