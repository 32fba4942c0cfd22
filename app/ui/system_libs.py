"""The system libraries Qt's platform plugin needs on Linux, checked before Qt starts: a
fresh Debian/Ubuntu desktop often lacks a few of the xcb set, and Qt then aborts with "no
Qt platform plugin could be initialized". This names the missing library and the package
that provides it instead. The Qt modules the app loads besides (``APP_MODULES``: the
single-instance socket, the PDF preview, printing, charts) are checked the same way, so a
missing ``libgssapi_krb5.so.2`` is named too instead of an import error.

    python -m app.ui.system_libs     # exit 1 and one line per missing library
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# soname → Debian/Ubuntu package (the set README.md lists)
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libX11.so.6": "libx11-6",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libzstd.so.1": "libzstd1",
    "libgssapi_krb5.so.2": "libgssapi-krb5-2",
    "libbrotlidec.so.1": "libbrotli1",
    "libbrotlicommon.so.1": "libbrotli1",
    "libcups.so.2": "libcups2",
    "libxcb-glx.so.0": "libxcb-glx0",
}
# Qt libraries the app loads that the platform plugin does not (QtNetwork: the single
# instance socket; QtPdf and QtPdfWidgets: the report preview; printing; charts)
APP_MODULES = ("Network", "Pdf", "PdfWidgets", "PrintSupport", "Charts")


def platform_plugins() -> list[str]:
    """The platform plugins Qt will try here: QT_QPA_PLATFORM's, else wayland on a Wayland
    session and xcb (the fallback, and the only one under X11)."""
    chosen = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0].strip()
    if chosen:
        return [chosen]
    plugins = []
    if os.environ.get("WAYLAND_DISPLAY"):
        plugins.append("wayland")
    plugins.append("xcb")
    return plugins


def _qt_dir() -> Path | None:
    try:
        import PySide6
    except ImportError:
        return None
    return Path(PySide6.__file__).parent / "Qt"


def missing_libraries(plugin: str) -> list[str]:
    """Sonames the plugin's shared object cannot find (``ldd``), ``[]`` when all are there
    or when this cannot be told (not Linux, plugin or ldd absent)."""
    qt = _qt_dir()
    if qt is None:
        return []
    return _missing_in(qt / "plugins" / "platforms" / f"libq{plugin}.so", plugin)


def missing_module_libraries() -> list[str]:
    """Sonames the Qt modules of ``APP_MODULES`` cannot find (each once)."""
    qt = _qt_dir()
    if qt is None:
        return []
    missing: list[str] = []
    for module in APP_MODULES:
        for name in _missing_in(qt / "lib" / f"libQt6{module}.so.6", f"Qt6{module}"):
            if name not in missing:
                missing.append(name)
    return missing


def _missing_in(library: Path, plugin: str) -> list[str]:
    if not sys.platform.startswith("linux") or not library.exists():
        return []
    key = _found_key(library)
    if key is not None and _found().get(plugin) == key:
        return []  # found complete before, and neither the plugin nor the linker cache changed since
    import subprocess  # here: a start on the offscreen platform checks nothing

    try:
        output = subprocess.run(
            ["ldd", str(library)], capture_output=True, text=True, timeout=20, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    missing: list[str] = []
    for line in output.splitlines():
        if "=> not found" in line:
            name = line.split("=>")[0].strip()
            if name not in missing:
                missing.append(name)
    if not missing and key is not None:
        _remember_found(plugin, key)
    return missing


# ``ldd`` starts the dynamic loader over the plugin and every library it needs (a few
# hundred ms on a busy machine, at every start): a plugin found complete is remembered
# with what decides the answer (the plugin file, the linker cache ldconfig rewrites when
# packages add or remove libraries, LD_LIBRARY_PATH) and not checked again until one changes.


def _found_file() -> Path:
    import platformdirs

    return (
        Path(platformdirs.user_cache_dir("ChannelDesk", appauthor=False))
        / "platform-libraries.json"
    )


def _found_key(library: Path) -> list[object] | None:
    try:
        plugin, linker = library.stat(), Path("/etc/ld.so.cache").stat()
    except OSError:
        return None
    return [
        str(library),
        plugin.st_mtime_ns,
        plugin.st_size,
        linker.st_mtime_ns,
        linker.st_size,
        os.environ.get("LD_LIBRARY_PATH", ""),
    ]


def _found() -> dict[str, object]:
    import json

    try:
        data = json.loads(_found_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _remember_found(plugin: str, key: list[object]) -> None:
    import contextlib
    import json

    with contextlib.suppress(OSError):
        _found_file().parent.mkdir(parents=True, exist_ok=True)
        _found_file().write_text(json.dumps({**_found(), plugin: key}), encoding="utf-8")


def problem() -> str | None:
    """One message naming every missing library and the packages to install, or None."""
    from app.i18n import tr

    plugins = platform_plugins()
    if plugins[0] in ("offscreen", "minimal", "vnc", "eglfs", "linuxfb"):
        return None
    gaps = {plugin: missing_libraries(plugin) for plugin in plugins}
    usable = any(not missing for missing in gaps.values())  # one platform plugin is enough
    missing = ([] if usable else gaps[plugins[-1]]) + [
        name for name in missing_module_libraries() if name not in gaps[plugins[-1]]
    ]
    if not missing:
        return None
    packages = list(dict.fromkeys(PACKAGES.get(name, name) for name in missing))
    return tr(
        "startup",
        "Qt cannot open a window: the system libraries {libraries} are missing. "
        "On Debian or Ubuntu install them with: sudo apt install {packages}",
    ).format(libraries=", ".join(missing), packages=" ".join(packages))


def main() -> int:
    from app.i18n import set_language

    set_language(None)
    message = problem()
    if message:
        print(message, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
