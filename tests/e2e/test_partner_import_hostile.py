"""Hostile files through ``channeldesk partners import`` (the staged bulk path): broken
encodings, NUL bytes, huge cells, formulas, merged cells, a dimension claiming a million
rows, zip bombs, duplicate codes in the file and against the database, a LibreOffice Calc
workbook; then a kill -9 in the middle of a long import and a second process writing the
same data dir while it runs. Bad input is one clear line (translated), exit 1 and never
exit 3; what was saved before is there after; an import is all or nothing."""

from __future__ import annotations

import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT

SEED = "code,name,grade,region\nS1,Seed one,A,310115\nS2,种子二号,B,310115\n"
HEADER = "code,name,type,grade,region\n"


@pytest.fixture
def seeded(cli, tmp_path: Path) -> dict[str, str]:  # type: ignore[no-untyped-def]
    seed = tmp_path / "seed.csv"
    seed.write_text(SEED, encoding="utf-8")
    assert cli("partners", "import", str(seed)).returncode == 0
    return partners(cli)


def partners(cli) -> dict[str, str]:  # type: ignore[no-untyped-def]
    listed = cli("partners", "list", "--limit", "1000000", "--json")
    assert listed.returncode == 0, listed.stderr
    return {p["code"]: p["name"] for p in listed.json()}


def _xlsx(path: Path, rows: list[list[str]], merge: str | None = None) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(HEADER.strip().split(","))
    for row in rows:
        book.active.append(row)
    if merge:
        book.active.merge_cells(merge)
    book.save(path)
    return path


def _with_sheet_xml(path: Path, source: Path, rows_xml: bytes) -> Path:
    """``source`` with its sheet's rows after the header replaced by ``rows_xml``."""
    with zipfile.ZipFile(source) as book, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in book.infolist():
            data = book.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.split(b"</row>")[0] + b"</row>" + rows_xml
            out.writestr(item.filename, data)
    return path


def _invalid_bytes(d: Path) -> Path:
    path = d / "latin.csv"
    path.write_bytes(b"code,na\xffme,grade\nP1,\xff\x80shop,A\n")
    return path


def _nul(d: Path) -> Path:
    path = d / "nul.csv"
    path.write_bytes(HEADER.encode() + b"P1,N\x00UL,,A,310115\n")
    return path


def _huge_cell_csv(d: Path) -> Path:
    path = d / "huge.csv"
    path.write_text(HEADER + "P1," + "长" * 200_000 + ",,A,310115\n", encoding="utf-8")
    return path


def _commas(d: Path) -> Path:
    """20 MB of commas on one line: 20 million empty cells."""
    path = d / "commas.csv"
    path.write_bytes(HEADER.encode() + b"P1,A,,A,310115" + b"," * (20 * 1024 * 1024) + b"\n")
    return path


def _duplicates(d: Path) -> Path:
    path = d / "dup.csv"
    path.write_text(HEADER + "P1,One,,A,310115\nP2,Two,,A,310115\nP1,Again,,B,310115\n")
    return path


def _formulas(d: Path) -> Path:  # openpyxl stores formulas without a computed value
    return _xlsx(d / "formulas.xlsx", [["F1", '=UPPER("shop")', "", "A", "310115"]])


def _merged(d: Path) -> Path:
    rows = [["M1", "Merged", "", "A", "310115"], ["M2", "", "", "A", "310115"]]
    return _xlsx(d / "merged.xlsx", rows, merge="B2:B3")


def _bomb_one_row(d: Path) -> Path:
    """34 kB that unpack to a 40 MB row never closed."""
    plain = _xlsx(d / "plain.xlsx", [])
    row = b'<row r="2"><c r="A2" t="inlineStr"><is><t>' + b"A" * (40 * 1024 * 1024)
    return _with_sheet_xml(d / "bomb.xlsx", plain, row)


def _bomb_rows(d: Path) -> Path:
    """A few kB that unpack to 1.2 million empty rows, more than a worksheet holds."""
    plain = _xlsx(d / "plain.xlsx", [])
    rows = b"<row/>" * 1_200_000 + b"</sheetData></worksheet>"
    return _with_sheet_xml(d / "rows.xlsx", plain, rows)


def _bomb_styles(d: Path) -> Path:
    """The styles part (parsed whole before the sheet) unpacking to 20 MB."""
    plain = _xlsx(d / "plain.xlsx", [["P1", "A", "", "A", "310115"]])
    path = d / "styles.xlsx"
    with zipfile.ZipFile(plain) as book, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in book.infolist():
            data = book.read(item.filename)
            if item.filename == "xl/styles.xml":
                data = b" " * (20 * 1024 * 1024) + data  # white space before the root
            out.writestr(item.filename, data)
    return path


def _not_a_workbook(d: Path) -> Path:
    path = d / "fake.xlsx"
    path.write_bytes(b"PK\x03\x04" + os.urandom(2000))
    return path


HOSTILE: list[tuple[Callable[[Path], Path], str, str]] = [
    (_invalid_bytes, "neither UTF-8 nor GBK", "既不是 UTF-8 也不是 GBK"),
    (_nul, "not a text CSV", "不是文本 CSV"),
    (_huge_cell_csv, "limit: cell length", "单元格长度"),
    (_commas, "limit: cell length", "单元格长度"),
    (_duplicates, "duplicate code P1 (also in row 2)", "P1"),
    (_formulas, "the name is required", "名称"),
    (_merged, "row 3, column name", "第 3 行"),
    (_bomb_one_row, "limit: cell length", "单元格长度"),
    (_bomb_rows, "limit: rows", "行数"),
    (_bomb_styles, "limit: uncompressed size", "解压后大小"),
    (_not_a_workbook, "not a readable XLSX workbook", "XLSX"),
]


@pytest.mark.parametrize(
    ("make", "english", "chinese"), HOSTILE, ids=lambda v: getattr(v, "__name__", "")
)
def test_a_hostile_file_is_one_clear_message_exit_1_and_nothing_changes(
    cli, seeded, tmp_path: Path, make, english: str, chinese: str
) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path)
    started = time.monotonic()
    result = cli("partners", "import", str(path))
    assert time.monotonic() - started < 60
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert "Internal error" not in result.stderr and "Traceback" not in result.stderr
    assert english in result.stderr, result.stderr
    assert path.name in result.stderr.splitlines()[-1]  # one line says what is wrong
    assert partners(cli) == seeded
    chinese_run = cli("partners", "import", str(path), lang="zh_CN")
    assert chinese_run.returncode == 1
    assert chinese in chinese_run.stderr, chinese_run.stderr
    assert not re.search(r"\b(limit|row|column|the|file)\b", chinese_run.stderr), chinese_run.stderr


def test_bom_gbk_and_a_million_row_dimension_import(cli, seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A UTF-8 BOM, a GBK file and a sheet whose dimension claims a million rows (three
    rows present) import as they are, quickly."""
    bom = tmp_path / "bom.csv"
    bom.write_bytes(b"\xef\xbb\xbf" + (HEADER + "B1,带BOM的店,,A,310115\n").encode())
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes((HEADER + "G1,国标码店,,B,310115\n").encode("gbk"))
    book = _xlsx(tmp_path / "d.xlsx", [["D1", "Dimension", "", "A", "310115"]])
    with zipfile.ZipFile(book) as source:
        sheet = source.read("xl/worksheets/sheet1.xml")
    claimed = re.sub(rb'<dimension ref="[^"]*" ?/>', b'<dimension ref="A1:Q1000000"/>', sheet)
    assert claimed != sheet
    dimension = _with_sheet_xml(tmp_path / "dimension.xlsx", book, claimed.split(b"</row>", 1)[1])
    for path in (bom, gbk, dimension):
        started = time.monotonic()
        result = cli("partners", "import", str(path))
        assert result.returncode == 0, result.stderr
        assert time.monotonic() - started < 30
    assert partners(cli) == {**seeded, "B1": "带BOM的店", "G1": "国标码店", "D1": "Dimension"}


def test_codes_already_in_the_database_update_their_cards(cli, seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "again.csv"
    path.write_text(
        "code,name,grade,region\nS1,Seed one renamed,A,310115\nS2,种子二号,B,310115\nN1,New,C,310115\n",
        encoding="utf-8",
    )
    first = cli("partners", "import", str(path), "--json")
    assert first.returncode == 0, first.stderr
    assert (first.json()["created"], first.json()["updated"]) == (1, 1)
    again = cli("partners", "import", str(path), "--json")
    assert (again.json()["created"], again.json()["updated"], again.json()["unchanged"]) == (
        0,
        0,
        3,
    )
    assert partners(cli) == {"S1": "Seed one renamed", "S2": "种子二号", "N1": "New"}


def test_workbooks_saved_by_libreoffice_calc_import(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The committed Calc workbook, and (when LibreOffice is installed) one Calc makes now
    from a CSV holding formulas: a formula imports as the value Calc shows."""
    saved = ROOT / "tests" / "data" / "sheets" / "libreoffice-from-csv.xlsx"
    result = cli("partners", "import", str(saved))
    assert result.returncode == 0, result.stderr
    assert {"LO1", "LO2"} <= set(partners(cli))
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return
    csv = tmp_path / "calc.csv"
    csv.write_text(HEADER + "LC1,=1+2,,A,310115\nLC2,Calc shop,,B,310115\n", encoding="utf-8")
    converted = subprocess.run(
        [
            soffice,
            "--headless",
            "--norestore",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(tmp_path),
            str(csv),
        ],
        capture_output=True,
        timeout=180,
        env=dict(os.environ, HOME=str(tmp_path / "lo-home")),
    )
    assert converted.returncode == 0, converted.stderr
    result = cli("partners", "import", str(tmp_path / "calc.xlsx"))
    assert result.returncode == 0, result.stderr
    shown = partners(cli)
    assert (shown["LC1"], shown["LC2"]) == ("3", "Calc shop")


ROWS = 60_000


def _long_import(tmp_path: Path) -> Path:
    path = tmp_path / "long.csv"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("code,name,grade,region,address\n")
        for i in range(ROWS):
            fh.write(f"L{i:06d},长导入测试店{i},B,310115,文化路{i}号\n")
    return path


def _start_import(data_dir: Path, path: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "app",
            "--data-dir",
            str(data_dir),
            "--lang",
            "en",
            "partners",
            "import",
            str(path),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", CHANNELDESK_BUSY_TIMEOUT_MS="120000"),
    )


def _wait_until_writing(data_dir: Path, proc: subprocess.Popen[bytes]) -> None:
    """Until the import has written rows into the database's WAL (inside its transaction)."""
    wal = data_dir / "channeldesk.sqlite-wal"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        if wal.exists() and wal.stat().st_size > 1024 * 1024:
            return
        time.sleep(0.02)
    raise AssertionError("the import wrote nothing in 120 s")


def test_kill_9_in_the_middle_of_an_import_leaves_the_database_as_before(
    cli, seeded, data_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = _long_import(tmp_path)
    with _start_import(data_dir, path) as proc:
        _wait_until_writing(data_dir, proc)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    after = partners(cli)
    # all or nothing: killed while writing, nothing (or, had the commit landed first, all)
    assert after == seeded or (len(after) == len(seeded) + ROWS and seeded.items() <= after.items())
    check = cli("check", "--json")
    assert check.json() == {"ok": True, "problems": []}, check.stdout
    with sqlite3.connect(data_dir / "channeldesk.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM partner_search").fetchone()[0] == len(after)
    again = cli("partners", "import", str(path), timeout=600)  # nothing left in the way
    assert again.returncode == 0, again.stderr
    assert len(partners(cli)) == len(seeded) + ROWS


def test_a_second_process_writing_the_data_dir_during_an_import_loses_nothing(
    cli, seeded, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """While the import holds its write transaction, another ``channeldesk`` asks for a
    grade change and imports a small file: each waits its turn (or is refused with one
    line, exit 1), and in the end the import's rows and the other's writes are all there."""
    monkeypatch.setenv("CHANNELDESK_BUSY_TIMEOUT_MS", "120000")
    small = tmp_path / "small.csv"
    small.write_text("code,name,grade,region\nW1,Written meanwhile,A,310115\n", encoding="utf-8")
    with _start_import(data_dir, _long_import(tmp_path)) as proc:
        _wait_until_writing(data_dir, proc)
        request = cli("partners", "request-grade", "S2", "A", "--reason", "meanwhile")
        imported = cli("partners", "import", str(small))
        _out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    for other in (request, imported):
        assert other.returncode in (0, 1), other.stderr
        assert "Internal error" not in other.stderr
    shown = partners(cli)
    assert len(shown) == len(seeded) + ROWS + (1 if imported.returncode == 0 else 0)
    assert shown["S1"] == seeded["S1"] and shown["L059999"] == "长导入测试店59999"
    if request.returncode == 0:
        pending = cli("partners", "grade-requests", "--partner", "S2", "--json").json()
        assert [r["requested_grade"] for r in pending] == ["A"], pending
