"""The map is true (issue 17, point 6): every file ``docs/architecture.md`` names exists,
a function named as ``path/module.function`` is defined there, and the "Where is…" table
answers at least 20 behaviours, each naming a file."""

from __future__ import annotations

import re

from tests.conftest import ROOT

TEXT = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
NAMED = re.compile(r"`((?:app|db|tests|tools|resources|docs|packaging)/[\w./-]*)`")


def test_every_named_path_exists() -> None:
    missing = []
    for name in sorted(set(NAMED.findall(TEXT))):
        path = ROOT / name.rstrip("/")
        if path.exists():
            continue
        module, _, function = name.rpartition(".")  # app/hq/apply.store_blobs
        source = ROOT / f"{module}.py"
        if not (
            source.exists()
            and re.search(rf"^\s*def {function}\b", source.read_text(encoding="utf-8"), re.M)
        ):
            missing.append(name)
    assert missing == []


def test_the_where_is_table_answers_twenty_behaviours_each_with_a_file() -> None:
    table = TEXT.split("## Where is", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("| ")][2:]  # head, rule
    assert len(rows) >= 20
    for row in rows:
        where = row.split("|")[2]
        assert NAMED.search(where), row
        directory = ""
        for token in re.findall(r"`([^`]+)`", where):
            if NAMED.fullmatch(f"`{token}`"):
                directory = token.rsplit("/", 1)[0]
            elif re.fullmatch(r"[\w/]+\.py", token):  # a module beside the last path named
                assert (ROOT / directory / token).exists() or (ROOT / "app" / token).exists(), (
                    token,
                    row,
                )
