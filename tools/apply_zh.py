"""Apply a source→Chinese dictionary (a Python file defining ``ZH``) to every context of
the zh_CN catalogue whose source matches: ``tools/apply_zh.py FILE.py``."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import translations


def main(path: str) -> int:
    table = runpy.run_path(path)["ZH"]
    with translations.locked():
        for lang in translations.LANGS:
            data = translations.load(lang)
            for messages in data.values():
                for source in messages:
                    if source in table:
                        messages[source] = table[source] if lang == "zh_CN" else source
            if lang == "zh_CN":
                labels = data.setdefault("PartnerLabels", {})
                for source in (
                    "Prospect",
                    "Active",
                    "Suspended",
                    "Terminated",
                    "Merged",
                    "Agent",
                    "Dealer",
                    "Franchise store",
                    "Own store",
                    "Special channel",
                ):
                    if source in table:
                        labels[source] = table[source]
            else:
                labels = data.setdefault("PartnerLabels", {})
                for source in (
                    "Prospect",
                    "Active",
                    "Suspended",
                    "Terminated",
                    "Merged",
                    "Agent",
                    "Dealer",
                    "Franchise store",
                    "Own store",
                    "Special channel",
                ):
                    labels[source] = source
            translations.save(lang, data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
