"""`make run` / `channeldesk gui` name the missing system libraries of Qt's platform plugin
and their Debian packages instead of Qt's "no Qt platform plugin" abort."""

from __future__ import annotations

import pytest

from app.ui import system_libs


def test_missing_xcb_libraries_are_named_with_their_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(system_libs, "missing_libraries", lambda plugin: ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"])
    message = system_libs.problem()
    assert message is not None and "\n" not in message
    assert "libxcb-icccm.so.4" in message and "sudo apt install libxcb-icccm4 libxcb-keysyms1" in message


def test_one_usable_plugin_is_enough(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    monkeypatch.setattr(system_libs, "missing_libraries", lambda plugin: [] if plugin == "wayland" else ["libxcb-cursor.so.0"])
    assert system_libs.platform_plugins() == ["wayland", "xcb"]
    assert system_libs.problem() is None


def test_offscreen_needs_no_check(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setattr(system_libs, "missing_libraries", lambda plugin: ["libxcb-cursor.so.0"])
    assert system_libs.problem() is None


def test_the_real_plugin_is_inspected() -> None:
    missing = system_libs.missing_libraries("xcb")
    assert all(name.startswith("lib") and ".so" in name for name in missing)
    assert set(missing) <= set(system_libs.PACKAGES)  # every library Qt's xcb plugin needs has its package listed
