"""Keep ``resources/translations/channeldesk_{zh_CN,en}.ts`` in step with the code.

    python tools/translations.py scan            # add new source strings, drop obsolete ones,
                                                  # report untranslated
    python tools/translations.py set CTX SRC ZH   # set one zh_CN translation
    python tools/translations.py missing          # list zh_CN strings still untranslated
    python tools/translations.py apply FILE.tsv   # set many: lines "CTX<TAB>SRC<TAB>ZH"

Strings with a count use Qt's plural forms (numerus): ``trn("ctx", "%n partner(s)", n)``
(app.i18n) and ``self.tr("%n partner(s)", "", n)`` (Qt). Their messages carry
``numerus="yes"``; English forms are derived from the source (``(s)``/``(es)`` dropped for
one, kept for many), Chinese has one form (``%n 个渠道``); ``apply`` sets it like any other.

Strings are found by AST: ``tr("ctx", "src")`` (app.i18n), ``QCoreApplication.translate(
"ctx", "src")`` and ``self.tr("src")`` inside a class (context = class name), as Qt's
lupdate does, and the vocabulary's ``term("ctx", "src")`` labels (app/domain/vocabulary.py).
A context given as a module-level string constant (``CONTEXT = "VisitEditor"``) counts as
that literal. ``scan`` drops the entries no code uses any more (obsolete), except in a
context the code also translates a computed text in (``tr("PartnerSheet", _HEADERS[key])``,
``self.tr(text)``): those contexts are kept whole, since the scanner cannot see which of
their texts are used. The file is locked while written, so parallel edits are safe.
"""

from __future__ import annotations

import ast
import fcntl
import re
import sys
import xml.etree.ElementTree as ET
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: app.atomic from this checkout

from app.atomic import Durability, atomic_write  # noqa: E402

TS_DIR = ROOT / "resources" / "translations"
LANGS = ("zh_CN", "en")


NUMERUS: set[tuple[str, str]] = (
    set()
)  # (context, source) of plural-form messages, filled by the scan
DYNAMIC: set[str] = set()  # contexts the code translates computed texts in, filled by the scan
TRANSLATING = ("tr", "translate", "qt_tr", "term", "trn")


def scan_sources() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / "app").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        _visit(tree, None, found, _constants(tree))
    return found


def _constants(tree: ast.Module) -> dict[str, str]:
    """The module's top-level ``NAME = "text"`` assignments (a context named by a constant)."""
    names: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and _const(node.value) is not None:
            for target in node.targets:
                if isinstance(target, ast.Name):
                    names[target.id] = _const(node.value)  # type: ignore[assignment]
    return names


def obsolete(
    data: dict[str, dict[str, str | None]], found: dict[str, set[str]]
) -> list[tuple[str, str]]:
    """Entries of a catalogue that no code uses (``found`` by ``scan_sources``, which also
    fills ``DYNAMIC``: the contexts kept whole)."""
    return [
        (ctx, src)
        for ctx, messages in data.items()
        if ctx not in DYNAMIC
        for src in messages
        if src not in found.get(ctx, set())
    ]


def english_forms(source: str) -> tuple[str, str]:
    """("%n partner", "%n partners") for "%n partner(s)"."""
    one = re.sub(r"\((s|es)\)", "", source)
    many = re.sub(r"\((s|es)\)", r"\1", source)
    return one, many


def _const(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _visit(
    node: ast.AST, cls: str | None, found: dict[str, set[str]], names: dict[str, str]
) -> None:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.ClassDef):
            _visit(child, child.name, found, names)
            continue
        if isinstance(child, ast.Call):
            func = child.func
            name = (
                func.attr
                if isinstance(func, ast.Attribute)
                else func.id
                if isinstance(func, ast.Name)
                else None
            )
            args = child.args
            context = _context(args[0], names) if args else None
            method = isinstance(func, ast.Attribute) and name == "tr" and len(args) in (1, 3)
            if method and cls and (len(args) == 1 or _const(args[1]) == ""):
                if _const(args[0]):  # self.tr("text") / self.tr("%n text(s)", "", n)
                    found.setdefault(cls, set()).add(_const(args[0]))  # type: ignore[arg-type]
                    if len(args) == 3:
                        NUMERUS.add((cls, _const(args[0])))  # type: ignore[arg-type]
                else:
                    DYNAMIC.add(cls)  # self.tr(computed)
            elif name in TRANSLATING and len(args) >= 2 and context and _const(args[1]):
                found.setdefault(context, set()).add(_const(args[1]))  # type: ignore[arg-type]
                if name == "trn" or (name == "translate" and len(args) == 4):
                    NUMERUS.add((context, _const(args[1])))  # type: ignore[arg-type]
            elif name in TRANSLATING and len(args) >= 2 and context:
                DYNAMIC.add(context)  # tr("Ctx", computed): its texts are not all visible
            elif name == "translate_in" and len(args) >= 3 and _context(args[1], names):
                DYNAMIC.add(_context(args[1], names))  # type: ignore[arg-type]
        _visit(child, cls, found, names)


def _context(node: ast.AST, names: dict[str, str]) -> str | None:
    """A literal context, or one a module constant names."""
    if isinstance(node, ast.Name):
        return names.get(node.id)
    return _const(node)


@contextmanager
def locked():
    TS_DIR.mkdir(parents=True, exist_ok=True)
    with (TS_DIR / ".lock").open("w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def load(lang: str) -> dict[str, dict[str, str | None]]:
    path = TS_DIR / f"channeldesk_{lang}.ts"
    data: dict[str, dict[str, str | None]] = {}
    if not path.exists():
        return data
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            src = msg.findtext("source") or ""
            tr = msg.find("translation")
            if msg.get("numerus") == "yes":
                NUMERUS.add((name, src))
                forms = (
                    [form.text or "" for form in tr.iter("numerusform")] if tr is not None else []
                )
                text = (
                    None
                    if tr is None or tr.get("type") == "unfinished" or not any(forms)
                    else forms[0]
                )
            else:
                text = None if tr is None or tr.get("type") == "unfinished" else (tr.text or "")
            data.setdefault(name, {})[src] = text
    return data


def save(lang: str, data: dict[str, dict[str, str | None]]) -> None:
    root = ET.Element("TS", version="2.1", language=lang, sourcelanguage="en")
    for ctx_name in sorted(data):
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = ctx_name
        for src in sorted(data[ctx_name]):
            msg = ET.SubElement(ctx, "message")
            ET.SubElement(msg, "source").text = src
            text = data[ctx_name][src]
            if lang == "en":
                text = src
            tr = ET.SubElement(msg, "translation")
            if (ctx_name, src) in NUMERUS:
                msg.set("numerus", "yes")
                forms = english_forms(src) if lang == "en" else (text,)
                if text is None:
                    tr.set("type", "unfinished")
                for form in forms:
                    ET.SubElement(tr, "numerusform").text = form or ""
            elif text is None:
                tr.set("type", "unfinished")
            else:
                tr.text = text
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path = TS_DIR / f"channeldesk_{lang}.ts"
    text = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n"
    atomic_write(path, text, Durability.RENAME)  # a source file, kept in git


def cmd_scan() -> int:
    found = scan_sources()
    with locked():
        for lang in LANGS:
            data = load(lang)
            for ctx, sources in found.items():
                for src in sources:
                    data.setdefault(ctx, {}).setdefault(src, None)
            dropped = obsolete(data, found)
            for ctx, src in dropped:
                del data[ctx][src]
                if not data[ctx]:
                    del data[ctx]
            if dropped:
                print(f"{lang}: {len(dropped)} obsolete entries dropped", file=sys.stderr)
            save(lang, data)
    return cmd_missing()


def cmd_set(ctx: str, src: str, text: str) -> int:
    with locked():
        for lang in LANGS:
            data = load(lang)
            data.setdefault(ctx, {})[src] = text if lang == "zh_CN" else src
            save(lang, data)
    return 0


def cmd_apply(tsv: str) -> int:
    rows = []
    for line in Path(tsv).read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[2].strip():
            rows.append(
                [part.replace("\\n", "\n") for part in parts]
            )  # "\n" in the TSV is a line break
    with locked():
        for lang in LANGS:
            data = load(lang)
            for ctx, src, text in rows:
                data.setdefault(ctx, {})[src] = text if lang == "zh_CN" else src
            save(lang, data)
    print(f"{len(rows)} translations set", file=sys.stderr)
    return 0


def cmd_missing() -> int:
    data = load("zh_CN")
    missing = [(c, s) for c, msgs in data.items() for s, t in msgs.items() if t is None]
    for ctx, src in missing:
        print(f"{ctx}\t{src}".replace("\n", "\\n"))
    print(f"{len(missing)} untranslated", file=sys.stderr)
    return 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] == "scan":
        return cmd_scan()
    if argv[0] == "set" and len(argv) == 4:
        return cmd_set(argv[1], argv[2], argv[3])
    if argv[0] == "apply" and len(argv) == 2:
        return cmd_apply(argv[1])
    if argv[0] == "missing":
        return cmd_missing()
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
