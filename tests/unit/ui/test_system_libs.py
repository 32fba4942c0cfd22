"""`make run` / `channeldesk gui` name the missing system libraries of Qt's platform plugin
and their Debian packages instead of Qt's "no Qt platform plugin" abort."""

from __future__ import annotations

import pytest

from app.ui import system_libs


def test_missing_xcb_libraries_are_named_with_their_packages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(
        system_libs,
        "missing_libraries",
        lambda plugin: ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"],
    )
    message = system_libs.problem()
    assert message is not None and "\n" not in message
    assert (
        "libxcb-icccm.so.4" in message
        and "sudo apt install libxcb-icccm4 libxcb-keysyms1" in message
    )


def test_one_usable_plugin_is_enough(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    monkeypatch.setattr(
        system_libs,
        "missing_libraries",
        lambda plugin: [] if plugin == "wayland" else ["libxcb-cursor.so.0"],
    )
    assert system_libs.platform_plugins() == ["wayland", "xcb"]
    assert system_libs.problem() is None


def test_offscreen_needs_no_check(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setattr(system_libs, "missing_libraries", lambda plugin: ["libxcb-cursor.so.0"])
    assert system_libs.problem() is None


def test_the_real_plugin_is_inspected(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    missing = system_libs.missing_libraries("xcb")
    assert all(name.startswith("lib") and ".so" in name for name in missing)
    assert set(missing) <= set(
        system_libs.PACKAGES
    )  # every library Qt's xcb plugin needs has its package listed


def test_a_complete_plugin_is_not_inspected_again_until_plugin_or_linker_cache_change(
    monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """``ldd`` runs at the first start; later starts trust the remembered answer while the
    plugin file, /etc/ld.so.cache and LD_LIBRARY_PATH are what they were; a plugin with
    missing libraries is checked every time."""
    import subprocess
    from pathlib import Path

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    if not Path("/etc/ld.so.cache").exists():
        pytest.skip("no linker cache here")
    runs: list[list[str]] = []
    answer = {"stdout": "\tlibxcb.so.1 => /usr/lib/libxcb.so.1 (0x1)\n"}

    def fake_run(cmd, **_kw):  # type: ignore[no-untyped-def]
        runs.append(cmd)
        return subprocess.CompletedProcess(cmd, 0, answer["stdout"], "")

    monkeypatch.setattr(subprocess, "run", fake_run)  # imported where ldd runs
    assert system_libs.missing_libraries("xcb") == [] and len(runs) == 1
    assert system_libs.missing_libraries("xcb") == [] and len(runs) == 1  # remembered
    monkeypatch.setenv("LD_LIBRARY_PATH", "/opt/other")
    assert system_libs.missing_libraries("xcb") == [] and len(runs) == 2  # what decides it changed
    answer["stdout"] = "\tlibxcb-cursor.so.0 => not found\n"
    monkeypatch.setenv("LD_LIBRARY_PATH", "/opt/third")
    assert system_libs.missing_libraries("xcb") == ["libxcb-cursor.so.0"]
    assert (
        system_libs.missing_libraries("xcb") == ["libxcb-cursor.so.0"] and len(runs) == 4
    )  # never remembered


def test_a_missing_library_of_a_module_the_app_loads_is_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The platform plugin is complete but QtNetwork (the single-instance socket) lacks
    Kerberos: named with its package instead of an import error later."""
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(system_libs, "missing_libraries", lambda plugin: [])
    monkeypatch.setattr(system_libs, "missing_module_libraries", lambda: ["libgssapi_krb5.so.2"])
    message = system_libs.problem()
    assert message is not None and "sudo apt install libgssapi-krb5-2" in message


def _needed(library) -> list[str]:  # type: ignore[no-untyped-def]
    import shutil
    import subprocess

    if shutil.which("readelf") is None:
        pytest.skip("readelf is not installed")
    output = subprocess.run(
        ["readelf", "-d", str(library)], capture_output=True, text=True, check=True
    ).stdout
    return [line.split("[")[1].rstrip("]") for line in output.splitlines() if "(NEEDED)" in line]


# always there with Python itself (C and C++ runtimes, zlib, the loader), or bundled by PySide6
BASE = (
    "libc.so",
    "libm.so",
    "libstdc++",
    "libgcc_s",
    "ld-linux",
    "libz.so",
    "libresolv",
    "libQt6",
    "libicu",
)


def test_every_library_qt_needs_has_its_package_and_the_readme_lists_them() -> None:
    """Each library the platform plugins and the app's Qt modules link against directly is
    in PACKAGES, and README's apt line installs every package PACKAGES names."""
    import re
    import sys
    from pathlib import Path

    if not sys.platform.startswith("linux"):
        pytest.skip("Linux only")
    qt = system_libs._qt_dir()
    assert qt is not None
    libraries = [qt / "plugins" / "platforms" / f"libq{p}.so" for p in ("xcb", "wayland")]
    libraries += [
        qt / "lib" / f"libQt6{m}.so.6" for m in ("Core", "Gui", "Widgets", "DBus", "XcbQpa")
    ]
    libraries += [qt / "lib" / f"libQt6{m}.so.6" for m in system_libs.APP_MODULES]
    needed = {name for lib in libraries if lib.exists() for name in _needed(lib)}
    assert "libxcb-cursor.so.0" in needed  # the plugins were really read
    unknown = sorted(n for n in needed if not n.startswith(BASE) and n not in system_libs.PACKAGES)
    assert not unknown
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    command = re.search(r"sudo apt install ([^`]+?)\n```", readme, re.S)
    assert command is not None
    listed = set(command.group(1).replace("\\", " ").split())
    assert set(system_libs.PACKAGES.values()) <= listed, set(system_libs.PACKAGES.values()) - listed
