"""Every user-visible string in the code has a Simplified Chinese translation, and the
non-Qt layers translate through the same catalogue."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def test_every_source_string_is_translated() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    import translations

    catalogue = translations.load("zh_CN")
    missing = [
        (ctx, src)
        for ctx, sources in translations.scan_sources().items()
        for src in sources
        if not (catalogue.get(ctx, {}).get(src))
    ]
    assert missing == []


def test_services_translate_with_the_catalogue() -> None:
    from app.i18n import set_language, tr

    set_language("zh_CN")
    try:
        assert tr(
            "errors", "This data directory is not initialised; run 'channeldesk init'."
        ).startswith("该数据目录")
    finally:
        set_language("en")
    assert tr(
        "errors", "This data directory is not initialised; run 'channeldesk init'."
    ).startswith("This data")


def test_the_catalogues_hold_no_obsolete_entries() -> None:
    """``tools/translations.py scan`` drops what no code uses (an old message's entry used
    to stay for good); a context the code translates computed texts in is kept whole."""
    sys.path.insert(0, str(ROOT / "tools"))
    import translations

    found = translations.scan_sources()
    assert "PartnerSheet" in translations.DYNAMIC  # tr("PartnerSheet", _HEADERS[key])
    for lang in translations.LANGS:
        assert translations.obsolete(translations.load(lang), found) == [], lang


def test_the_scanner_reads_constant_contexts_and_keeps_dynamic_ones() -> None:
    import ast

    sys.path.insert(0, str(ROOT / "tools"))
    import translations

    code = (
        'CONTEXT = "Form"\n'
        'HEADERS = {"a": "Address"}\n'
        "def f(n):\n"
        '    translate(CONTEXT, "%n photo(s)", "", n)\n'
        '    tr("Sheet", HEADERS["a"])\n'
        "class Box:\n"
        "    def g(self, n, text):\n"
        '        self.tr("%n item(s)", "", n)\n'
        "        self.tr(text)\n"
    )
    tree = ast.parse(code)
    found: dict[str, set[str]] = {}
    translations._visit(tree, None, found, translations._constants(tree))
    assert found == {"Form": {"%n photo(s)"}, "Box": {"%n item(s)"}}
    assert {("Form", "%n photo(s)"), ("Box", "%n item(s)")} <= translations.NUMERUS
    assert {"Sheet", "Box"} <= translations.DYNAMIC
    catalogue = {"Form": {"%n photo(s)": "x", "old": "y"}, "Sheet": {"Address": "地址"}}
    assert translations.obsolete(catalogue, found) == [("Form", "old")]
