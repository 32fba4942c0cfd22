"""Translation for code outside Qt (services, CLI, reports): the same ``.ts`` catalogues
that Qt's ``lrelease`` compiles for the GUI are read here with ElementTree, so one set of
catalogues serves every layer. ``tr(context, source)`` mirrors ``QCoreApplication.translate``.
"""

from __future__ import annotations

import locale
import os
import re
from collections.abc import Callable
from functools import lru_cache

SUPPORTED_LANGUAGES = ("zh_CN", "en")
_current_language = "en"


def system_language() -> str:
    """zh_CN under a Chinese locale, English otherwise."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:
        loc = ""
    return "zh_CN" if loc.lower().startswith("zh") else "en"


def normalise_language(lang: str | None) -> str:
    if not lang:
        return system_language()
    lang = lang.replace("-", "_")
    if lang.lower().startswith("zh"):
        return "zh_CN"
    return "en"


def set_language(lang: str | None) -> str:
    """Select the language for ``tr``; returns the normalised code."""
    global _current_language
    _current_language = normalise_language(lang)
    return _current_language


def current_language() -> str:
    return _current_language


_numerus: dict[str, dict[tuple[str, str], list[str]]] = {}

# (language, translate(context, source, n)) of the GUI's installed translators: Qt's
# compiled catalogue of the same .ts, loaded by the GUI anyway (``use_gui_translator``)
_gui_translator: tuple[str, Callable[[str, str, int], str]] | None = None


def use_gui_translator(
    language: str | None, translate: Callable[[str, str, int], str] | None = None
) -> None:
    """Let ``tr`` and ``trn`` ask the GUI's translators for ``language`` (``translate``
    replaces ``%n`` by the count it is given, -1 for none) instead of parsing the .ts
    catalogue, which costs ~20 ms at the first Chinese label of a start; ``None`` stops it.
    The catalogue is still read for another language (``translate_in``, ``translate_any``)."""
    global _gui_translator
    _gui_translator = (language, translate) if language and translate else None


@lru_cache(maxsize=4)
def _catalogue(lang: str) -> dict[tuple[str, str], str]:
    from app.paths import resource_path

    path = resource_path("translations", f"channeldesk_{lang}.ts")
    table: dict[tuple[str, str], str] = {}
    if not path.exists():
        return table
    import xml.etree.ElementTree as ET  # only for Chinese (English needs no catalogue)

    root = ET.parse(path).getroot()
    plurals = _numerus.setdefault(lang, {})
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None:
                continue
            if translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if message.get("numerus") == "yes":
                forms = [form.text or "" for form in translation.iter("numerusform")]
                if any(forms):
                    plurals[(name, source)] = forms
                    table[(name, source)] = forms[0]
            elif translation.text:
                table[(name, source)] = translation.text
    return table


def tr(context: str, source: str) -> str:
    """Translate ``source`` (English) in ``context`` into the current language."""
    if _current_language == "en":
        return source
    gui = _gui_translator
    if gui is not None and gui[0] == _current_language:
        return gui[1](context, source, -1)
    return _catalogue(_current_language).get((context, source), source)


def trn(context: str, source: str, n: int) -> str:
    """A string with a count in the plural form the language uses for ``n`` (Qt's numerus:
    ``trn("cli", "%n partner(s)", 3)`` → ``3 partners`` / ``3 个渠道``); ``%n`` is the count."""
    count = int(n)
    if _current_language == "en":
        one = re.sub(r"\((s|es)\)", "", source)
        many = re.sub(r"\((s|es)\)", r"\1", source)
        text = one if count == 1 else many
    else:
        gui = _gui_translator
        if gui is not None and gui[0] == _current_language:
            return gui[1](context, source, count)  # Qt's numerus form, %n replaced
        _catalogue(_current_language)
        forms = _numerus.get(_current_language, {}).get((context, source))
        text = forms[0] if forms else source  # Chinese has one form
    return text.replace("%n", str(count))


def translate_in(lang: str, context: str, source: str) -> str:
    """``source`` translated into ``lang`` whatever the current language (for reading a
    label typed in either language)."""
    lang = normalise_language(lang)
    if lang == "en":
        return source
    return _catalogue(lang).get((context, source), source)


def translate_any(source: str) -> str:
    """Translate by source text alone, whatever the context (for messages built upstream)."""
    if _current_language == "en":
        return source
    for (_ctx, src), text in _catalogue(_current_language).items():
        if src == source:
            return text
    return source
