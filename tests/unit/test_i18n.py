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
