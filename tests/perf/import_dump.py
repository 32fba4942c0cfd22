"""Does a change to the partner import store the same database? A mixed scenario — a
first file of 4 500 cards (every status, with and without contacts, regions, amounts,
tags), then a second with changed, unchanged and contact-only rows of those cards, 4 000
new cards and rejected rows (bad grade, bad status; ``--skip-invalid``) — imported with
the command line of a work tree into a new data dir, then every table dumped in rowid
order with what differs between runs normalised: UUIDs become ``ID<n>`` (order of first
appearance), HLCs ``H<rank>``, datetimes ``T``, ``field_hlc`` its object (the short form
of ``app.domain.field_hlc`` expanded) with sorted keys; the search index's counts and a
few searches are added.

    .venv/bin/python tests/perf/import_dump.py BEFORE_TREE before.txt
    .venv/bin/python tests/perf/import_dump.py AFTER_TREE after.txt
    cmp before.txt after.txt      # byte-identical: the same rows, ids and stamps in order

Each tree needs its own ``.venv`` (or a link to one); ~15 s a run."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HEADER = [
    "code",
    "name",
    "type",
    "status",
    "grade",
    "region",
    "address",
    "latitude",
    "longitude",
    "licence_no",
    "credit_rating",
    "credit_limit",
    "manager",
    "tags",
    "notes",
    "contact_name",
    "contact_phone",
]
STATUSES = ["active", "prospect", "suspended", "terminated", ""]
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
HLC = re.compile(r"\d{15}:\d{6}:(?:[0-9a-f-]{36}|local)")
DATETIME = re.compile(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d+)?")
META = ("id", "hlc", "created_at", "updated_at", "field_hlc")


def _row(i: int, prefix: str, changed: int = 0) -> list[str]:
    contact = i % 3 != 0
    return [
        f"{prefix}{i:05d}",
        f"{prefix}店{i}通讯{'改' if changed else ''}",
        ["agent", "dealer", "franchise"][i % 3],
        "" if changed else STATUSES[i % 5],
        "ABCD"[(i + changed) % 4],
        ["310101", "3101", "31", ""][i % 4],
        f"路{i}号" if i % 7 else "",
        f"{31 + i % 10 / 10:.6f}" if i % 2 else "",
        f"{121 + i % 10 / 10:.6f}" if i % 2 else "",
        f"L{i}",
        "AA" if i % 3 else "",
        f"{i * 10}.50" if i % 4 else "",
        "张伟" if i % 2 else "",
        "重点;社区" if i % 3 else "",
        "note" if i % 6 == 0 else "",
        (f"联系{i}" + ("x" if changed and i % 4 == 0 else "")) if contact else "",
        f"138{i:08d}" if contact else "",
    ]


def _write(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(rows)


def _scenario(tree: Path, data: Path, work: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")

    def cli(*args: str, ok: tuple[int, ...] = (0,)) -> None:
        proc = subprocess.run(
            [
                str(tree / ".venv/bin/python"),
                "-m",
                "app",
                "--data-dir",
                str(data),
                "--lang",
                "en",
                *list(args),
            ],
            cwd=tree,
            env=env,
            capture_output=True,
            text=True,
        )
        if proc.returncode not in ok:
            raise SystemExit(f"{args}: exit {proc.returncode}\n{proc.stderr[-2000:]}")

    cli("init", "--user", "dump", "--territory", "31")
    _write(work / "first.csv", [_row(i, "A") for i in range(4500)])
    cli("partners", "import", str(work / "first.csv"))
    second = [_row(i, "A", changed=i % 2) for i in range(0, 4500, 3)]
    for i in range(4000):
        row = _row(i, "B")
        if i % 97 == 0:
            row[4] = "Z"  # rejected: no such grade
        if i % 89 == 0:
            row[3] = "bogus"  # rejected: no such status
        second.append(row)
    second.append([*_row(5, "A")[:3], "terminated", *_row(5, "A")[4:]])  # a status change
    _write(work / "second.csv", second)
    cli("partners", "import", "--skip-invalid", str(work / "second.csv"), ok=(0, 1))


def _dump(database: Path, out: Path) -> None:
    conn = sqlite3.connect(database)
    tables = [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'partner_fts_%' AND name NOT LIKE 'partner_gram_%' ORDER BY name"
        )
    ]
    fields = [c[1] for c in conn.execute("PRAGMA table_info(partner)") if c[1] not in META]
    stamps: set[str] = set()
    for table in tables:
        for row in conn.execute(f"SELECT * FROM {table}"):
            for value in row:
                if isinstance(value, str):
                    stamps.update(HLC.findall(value))
    rank = {stamp: i for i, stamp in enumerate(sorted(stamps))}
    ids: dict[str, str] = {}

    def norm(value: Any, column: str) -> str:
        if isinstance(value, bytes):
            return "BLOB:" + value.hex()[:64]
        if not isinstance(value, str):
            return repr(value)
        if column == "field_hlc":
            parsed = json.loads(value)
            if isinstance(parsed, str):  # the short form: every field at one stamp
                parsed = dict.fromkeys(fields, parsed)
            value = json.dumps(parsed, sort_keys=True, ensure_ascii=False)
        value = HLC.sub(lambda m: f"H{rank[m.group(0)]}", value)
        value = UUID.sub(lambda m: ids.setdefault(m.group(0), f"ID{len(ids)}"), value)
        return DATETIME.sub("T", value)

    with out.open("w", encoding="utf-8") as fh:
        for table in tables:
            columns = [c[1] for c in conn.execute(f"PRAGMA table_info({table})")]
            fh.write(f"## {table} {columns}\n")
            order = "SELECT 0, * FROM app_meta ORDER BY 2" if table == "app_meta" else None
            for row in conn.execute(order or f"SELECT rowid, * FROM {table} ORDER BY rowid"):
                cells = zip(row, ["rowid", *columns], strict=True)
                fh.write("\t".join(norm(value, column) for value, column in cells) + "\n")
        conn.execute("INSERT INTO partner_fts(partner_fts, rank) VALUES ('integrity-check', 1)")
        for table in ("partner_fts_docsize", "partner_gram_data"):
            fh.write(f"## {table} {conn.execute(f'SELECT count(*) FROM {table}').fetchone()}\n")
        for term in ("店12", "联系2", "13800000", "a0001"):
            found = conn.execute(
                "SELECT count(*) FROM partner_fts WHERE partner_fts MATCH ?", (f'"{term}"',)
            ).fetchone()[0]
            fh.write(f"fts {term} {found}\n")
    conn.close()


def main(argv: list[str]) -> int:
    tree, out = Path(argv[0]).resolve(), Path(argv[1])
    work = Path(tempfile.mkdtemp(prefix="cd-import-dump-"))
    try:
        _scenario(tree, work / "data", work)
        _dump(work / "data" / "channeldesk.sqlite", out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{out}: {sum(1 for _ in out.open(encoding='utf-8'))} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
