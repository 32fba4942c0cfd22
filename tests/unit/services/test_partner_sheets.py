"""Partner spreadsheets (issue 14, 16, 21): formula text neutralised on export and restored
on import so our own files round-trip exactly (Hypothesis, CSV and XLSX); file limits
(not a regular file, rows, columns, cell length, uncompressed size); length caps shared
with the edit dialog; status only through lifecycle events; "open" for a new partner."""

from __future__ import annotations

import os
import threading
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain import sheets
from app.errors import UserError, ValidationError
from app.services import lifecycle, partner_edit, partner_io, partner_list, partner_read
from app.services.sheet_limits import LimitError
from app.services.sheet_read import iter_table
from db.models import LifecycleEvent, Partner

TEXT_FIELDS = ("name", "address", "licence_no", "credit_rating", "manager", "notes")


def stored(ctx, code: str) -> dict[str, object]:  # type: ignore[no-untyped-def]
    with ctx.read_session() as s:
        p = s.query(Partner).filter(Partner.code == code).one()
        values = {
            k: getattr(p, k)
            for k in (*TEXT_FIELDS, "grade", "status", "type", "credit_limit_fen", "tags")
        }
    detail = partner_read.partner_detail(ctx, code)
    values["contact"] = [(c.name, c.phone) for c in detail.contacts]
    return values


# -- formula injection and exact round trips -----------------------------------------------

FORMULAS = [
    '=HYPERLINK("http://x","y")',
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    "'=quoted",
    "''",
    "'",
    "=",
    "_x0041_ a\rb",
]


def test_neutralise_and_restore_are_inverse_for_tricky_texts() -> None:
    for text in [*FORMULAS, "", "'abc", "a'=b", "normal 文本"]:
        assert sheets.restore(sheets.neutralise(text)) == text
        assert (
            sheets.restore(sheets.xlsx_unescape(sheets.xlsx_escape(sheets.quote_for_xlsx(text))))
            == text
        )
        assert sheets.neutralise(text)[:1] not in sheets.FORMULA_START


def _make(ctx, code: str, **fields: object) -> None:  # type: ignore[no-untyped-def]
    data = partner_edit.PartnerInput(
        code=code, name=str(fields.pop("name", "名称")), region="310115", **fields
    )  # type: ignore[arg-type]
    existing = ctx.read_sql("SELECT id FROM partner WHERE code = ?", (code,))
    partner_edit.save_partner(ctx, data, existing[0][0] if existing else None)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_formula_text_is_inert_in_the_file_and_reads_back_exactly(
    ctx, tmp_path: Path, suffix: str
) -> None:  # type: ignore[no-untyped-def]
    _make(
        ctx,
        "F1",
        name='=HYPERLINK("http://evil","x")',
        address="@SUM(1+1)",
        notes="\r=cmd|' /C calc'!A0",
        manager="+1",
        licence_no="-2",
        credit_rating="'=x",
        bank_info="",
        tags=["#N/A"],
    )
    _make(
        ctx, "F2", name="#DIV/0!", manager="#N/A"
    )  # texts that openpyxl would turn into error cells
    before = stored(ctx, "F1"), stored(ctx, "F2")
    path = tmp_path / f"p{suffix}"
    assert partner_io.export_partners(ctx, path) == 2
    if suffix == ".csv":
        text = path.read_text(encoding="utf-8-sig")
        assert "'=HYPERLINK" in text and "'@SUM" in text and "'+1" in text and "''=x" in text
    else:
        with zipfile.ZipFile(path) as z:
            xml = z.read("xl/worksheets/sheet1.xml").decode()
        assert (
            "<f>" not in xml
            and "<f " not in xml
            and "HYPERLINK" in xml
            and 't="inlineStr"' in xml
            and 't="e"' not in xml
        )
    report = partner_io.import_partners(ctx, path)
    assert (report.created, report.updated, report.unchanged) == (
        0,
        0,
        2,
    )  # nothing blanked, nothing "updated"
    assert (stored(ctx, "F1"), stored(ctx, "F2")) == before


_ONE_LINE = st.characters(
    blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff\u2028\u2029\x85"
)
_MULTI = st.one_of(_ONE_LINE, st.sampled_from("\t\n\r"))
_PREFIX = st.sampled_from(["", "=", "+", "-", "@", "'", "''", "'=", "\t", "\r", "_x000D_", " "])


def _text(chars: st.SearchStrategy[str], max_size: int) -> st.SearchStrategy[str]:
    return st.builds(lambda p, t: (p + t)[:max_size], _PREFIX, st.text(chars, max_size=max_size))


@st.composite
def partner_texts(draw: st.DrawFn) -> dict[str, str]:
    name = draw(_text(_ONE_LINE, 60).map(str.strip).filter(bool))
    return {
        "name": name,
        "address": draw(_text(_MULTI, 120)),
        "notes": draw(_text(_MULTI, 200)),
        "licence_no": draw(_text(_ONE_LINE, 60).filter(lambda t: "\t" not in t and "\r" not in t)),
        "credit_rating": draw(
            _text(_ONE_LINE, 10).filter(lambda t: "\t" not in t and "\r" not in t)
        ),
        "manager": draw(_text(_ONE_LINE, 100).filter(lambda t: "\t" not in t and "\r" not in t)),
    }


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_any_text_survives_export_and_import(ctx, tmp_path_factory, suffix: str) -> None:  # type: ignore[no-untyped-def]
    """Hypothesis: arbitrary Unicode text in every free-text column (name, address, notes,
    licence, credit rating, manager) comes back exactly, into the same data dir
    (unchanged) and into another one (created, then equal)."""
    from app.services.opening import open_context

    other = open_context(tmp_path_factory.mktemp("other") / "data")
    folder = tmp_path_factory.mktemp("files")

    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(partner_texts())
    def check(texts: dict[str, str]) -> None:
        _make(ctx, "H1", **texts)
        before = stored(ctx, "H1")
        path = folder / f"h{suffix}"
        partner_io.export_partners(ctx, path)
        again = partner_io.import_partners(ctx, path)
        assert (again.updated, again.unchanged) == (0, 1)
        assert stored(ctx, "H1") == before
        partner_io.import_partners(other, path)
        theirs = stored(other, "H1")
        assert {k: theirs[k] for k in TEXT_FIELDS} == {k: before[k] for k in TEXT_FIELDS}

    try:
        check()
    finally:
        other.close()


# -- limits ----------------------------------------------------------------------------------


def test_not_a_regular_file_is_refused_without_reading_it(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(LimitError, match="not a regular file"):
        partner_io.import_partners(ctx, Path("/dev/zero"))
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    done: list[BaseException] = []

    def attempt() -> None:
        try:
            partner_io.import_partners(ctx, fifo)
        except LimitError as exc:
            done.append(exc)

    worker = threading.Thread(target=attempt)
    worker.start()
    worker.join(10)
    assert not worker.is_alive(), "opening the FIFO blocked"
    assert "not a regular file" in str(done[0])


def test_a_lone_cell_far_away_costs_nothing_and_names_the_limit(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["code", "name"])
    sheet.append(["A1", "甲"])
    sheet["XFD1048576"] = "x"
    path = tmp_path / "far.xlsx"
    book.save(path)
    with pytest.raises(LimitError, match="limit: columns") as info:
        partner_io.import_partners(ctx, path, dry_run=True)
    assert "XFD" in str(info.value)
    del sheet["XFD1048576"]
    sheet["A1048576"] = "far"
    book.save(path)
    with pytest.raises(LimitError, match="limit: rows"):
        partner_io.import_partners(ctx, path, dry_run=True)


def test_a_workbook_that_unpacks_too_large_is_refused_before_parsing(
    ctx, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/sharedStrings.xml", " " * (3 * 1024 * 1024))
    monkeypatch.setattr(sheets, "MAX_SHARED_STRINGS", 2 * 1024 * 1024)
    with pytest.raises(LimitError, match="limit: uncompressed size"):
        partner_io.import_partners(ctx, path)


def test_rows_and_cell_length_limits(ctx, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "many.csv"
    path.write_text("code,name\n" + "".join(f"C{i},名{i}\n" for i in range(12)), encoding="utf-8")
    monkeypatch.setattr(sheets, "MAX_ROWS", 10)
    with pytest.raises(LimitError, match="limit: rows"):
        partner_io.import_partners(ctx, path)
    assert ctx.read_sql("SELECT count(*) FROM partner")[0][0] == 0
    path.write_text(
        "code,name,notes\nC1,名," + "x" * (sheets.MAX_CELL_CHARS + 1) + "\n", encoding="utf-8"
    )
    with pytest.raises(LimitError, match="limit: cell length") as info:
        partner_io.import_partners(ctx, path)
    assert "C2" in str(info.value)  # the cell as a spreadsheet names it


def test_limits_stream_the_file(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("code,name\nA,甲\n", encoding="utf-8")
    rows = iter_table(path)
    assert next(rows) == (1, ["code", "name"])
    rows.close()


# -- length caps, shared with the edit dialog ------------------------------------------------


def test_overlong_text_is_refused_at_input_with_its_column(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "long.csv"
    path.write_text("编码,名称,地址\nL1,甲," + "路" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        partner_io.import_partners(ctx, path)
    assert info.value.details == [
        "row 2, column 地址: too long: 5000 characters, at most 500 allowed"
    ]
    path.write_text("编码,名称,地址\nL1,甲," + "路" * 130_000 + "\n", encoding="utf-8")
    with pytest.raises(LimitError, match="C2 holds 130,000 characters"):
        partner_io.import_partners(ctx, path)
    with pytest.raises(ValidationError, match="address: too long"):
        partner_edit.save_partner(
            ctx, partner_edit.PartnerInput(code="L1", name="甲", address="路" * 130_000)
        )
    with pytest.raises(ValidationError, match="control character"):
        partner_edit.save_partner(
            ctx, partner_edit.PartnerInput(code="L1", name="甲", manager="a\x00b")
        )


# -- status only through lifecycle events (issue 16) -----------------------------------------


def test_import_records_open_and_cannot_change_a_status(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "s.csv"
    path.write_text("code,name,status\nS1,甲,\nS2,乙,prospect\n", encoding="utf-8")
    report = partner_io.import_partners(ctx, path)
    assert report.created == 2
    with ctx.read_session() as s:
        events = [
            (e.kind, e.new_status)
            for e in s.query(LifecycleEvent)
            .join(Partner, Partner.id == LifecycleEvent.partner_id)
            .filter(Partner.code == "S1")
        ]
    assert events == [("open", "active")]
    assert stored(ctx, "S2")["status"] == "prospect"

    lifecycle.record_lifecycle_event(ctx, "S1", "suspend", "整改")
    path.write_text("code,name,status\nS1,甲,active\nS2,乙,terminated\n", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        partner_io.import_partners(ctx, path)
    assert [d.split(":")[0] for d in info.value.details] == [
        "row 2, column status",
        "row 3, column status",
    ]
    assert (
        "partners lifecycle S1" in info.value.details[0]
        and "partners lifecycle S2" in info.value.details[1]
    )
    assert (stored(ctx, "S1")["status"], stored(ctx, "S2")["status"]) == ("suspended", "prospect")

    # a new card may arrive in any status (another system's file, our export into a new
    # data dir): it gets the lifecycle events that lead there, so its history is whole
    path.write_text("code,name,status\nS3,丙,terminated\nS4,丁,暂停\n", encoding="utf-8")
    assert partner_io.import_partners(ctx, path).created == 2
    with ctx.read_session() as s:
        history = {
            code: [
                (e.kind, e.old_status, e.new_status)
                for e in s.query(LifecycleEvent)
                .join(Partner, Partner.id == LifecycleEvent.partner_id)
                .filter(Partner.code == code)
                .order_by(LifecycleEvent.hlc)
            ]
            for code in ("S3", "S4")
        }
    assert history == {
        "S3": [("open", None, "active"), ("terminate", "active", "terminated")],
        "S4": [("open", None, "active"), ("suspend", "active", "suspended")],
    }
    path.write_text(
        "code,name,status,notes\nS1,甲,suspended,好\nS2,乙,,\n", encoding="utf-8"
    )  # the same status, or blank: fine
    report = partner_io.import_partners(ctx, path)
    assert (report.updated, report.unchanged) == (1, 1) and stored(ctx, "S1")["notes"] == "好"


def test_missing_columns_are_left_alone_and_cancel_changes_nothing(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.services.progress import Cancelled, Progress

    path = tmp_path / "a.csv"
    path.write_text("code,name,grade,notes,credit_limit\nM1,甲,A,备注,100\n", encoding="utf-8")
    partner_io.import_partners(ctx, path)
    path.write_text("code,name,address\nM1,甲,新地址\n", encoding="utf-8")
    partner_io.import_partners(ctx, path)
    after = stored(ctx, "M1")
    assert (after["notes"], after["grade"], after["credit_limit_fen"], after["address"]) == (
        "备注",
        "A",
        10000,
        "新地址",
    )

    path.write_text("code,name\n" + "".join(f"K{i},名{i}\n" for i in range(3000)), encoding="utf-8")
    progress = Progress(lambda done, total, message: progress.cancel())
    with pytest.raises(Cancelled):
        partner_io.import_partners(ctx, path, progress=progress)
    assert ctx.read_sql("SELECT count(*) FROM partner")[0][0] == 1
    triggers = {r[0] for r in ctx.read_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {"partner_ai", "contact_ai", "partner_search_ai"} <= triggers  # back after the rollback


def test_bulk_written_search_index_equals_the_triggers(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "idx.csv"
    path.write_text(
        "code,name,address,contact_name,contact_phone\n"
        "I1,浦东Ab通讯,金桥路 1 号,王小明,13800138000\nI2,Xy数码,,李四,\n",
        encoding="utf-8",
    )
    partner_io.import_partners(ctx, path)
    path.write_text(
        "code,name,address,contact_name,contact_phone\nI2,Xy数码,长宁路,李四,13900000000\n",
        encoding="utf-8",
    )
    partner_io.import_partners(ctx, path)
    bulk = ctx.read_sql("SELECT * FROM partner_search ORDER BY partner_id")
    grams = ctx.read_sql(
        "SELECT rowid FROM partner_gram WHERE partner_gram MATCH '\"' || hex(lower('ab')) || '\"'"
    )
    with ctx.session() as s:  # let the triggers index the same rows again
        for p in s.query(Partner):
            p.name = p.name + " "
        s.flush()
        for p in s.query(Partner):
            p.name = p.name[:-1]
    assert ctx.read_sql("SELECT * FROM partner_search ORDER BY partner_id")[0][1:] == bulk[0][1:]
    assert [r[1:] for r in ctx.read_sql("SELECT * FROM partner_search ORDER BY partner_id")] == [
        r[1:] for r in bulk
    ]
    assert len(grams) == 1
    assert [
        r.code
        for r in partner_list.partner_page(ctx, partner_list.PartnerQuery(search="长宁"), 0, None)
    ] == ["I2"]
    assert [
        r.code
        for r in partner_list.partner_page(ctx, partner_list.PartnerQuery(search="1390"), 0, None)
    ] == ["I2"]
    assert [
        r.code
        for r in partner_list.partner_page(ctx, partner_list.PartnerQuery(search="ab"), 0, None)
    ] == ["I1"]


def test_unreadable_inputs_are_one_clear_error(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UserError, match="not found"):
        partner_io.import_partners(ctx, tmp_path / "missing.csv")
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(UserError, match="not a readable XLSX"):
        partner_io.import_partners(ctx, bad)


# -- spreadsheets in the user's language (issue 18) -----------------------------------------


@pytest.fixture
def chinese():  # type: ignore[no-untyped-def]
    from app import i18n

    i18n.set_language("zh_CN")
    yield
    i18n.set_language("en")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_chinese_export_has_chinese_headers_and_labels_and_round_trips_in_both_languages(
    ctx, tmp_path: Path, chinese, suffix: str
) -> None:  # type: ignore[no-untyped-def]
    from app import i18n

    seed = tmp_path / "seed.csv"
    seed.write_text(
        "code,name,type,status,grade,region,contact_name,contact_phone\n"
        "Z1,金桥加盟店,franchise,active,A,310115,王小明,13800138000\nZ2,意向店,own_store,prospect,C,3101,,\n",
        encoding="utf-8",
    )
    partner_io.import_partners(ctx, seed)  # English keys are read under Chinese too
    path = tmp_path / f"p{suffix}"
    lifecycle.record_lifecycle_event(ctx, "Z1", "suspend", "整改")
    before = {code: stored(ctx, code) for code in ("Z1", "Z2")}
    partner_io.export_partners(ctx, path)
    rows = [cells for _n, cells in iter_table(path)]
    assert rows[0][:6] == ["编码", "名称", "类型", "状态", "等级", "区划代码"]
    assert rows[1][:5] == ["Z1", "金桥加盟店", "加盟店", "暂停", "A"] and rows[2][2:4] == [
        "自营厅",
        "意向",
    ]
    for language in ("zh_CN", "en"):
        i18n.set_language(language)
        report = partner_io.import_partners(ctx, path)
        assert (report.created, report.updated, report.unchanged) == (0, 0, 2)
        assert {code: stored(ctx, code) for code in ("Z1", "Z2")} == before
    i18n.set_language("en")
    partner_io.export_partners(ctx, path)
    english = [cells for _n, cells in iter_table(path)]
    assert english[0][:4] == ["code", "name", "type", "status"] and english[1][2:4] == [
        "franchise",
        "suspended",
    ]
    i18n.set_language("zh_CN")
    assert partner_io.import_partners(ctx, path).unchanged == 2


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_exported_money_goes_through_the_one_formatter_and_reads_back(
    ctx, tmp_path: Path, suffix: str
) -> None:  # type: ignore[no-untyped-def]
    """A credit limit is a plain 1234567.89 in CSV (what an input field holds) and a number
    shown as 1,234,567.89 in XLSX; both read back to the same fen."""
    from openpyxl import load_workbook

    from app.domain import formats as fmt

    seed = tmp_path / "seed.csv"
    seed.write_text('code,name,grade,credit_limit\nM1,甲,A,"1,234,567.89"\n', encoding="utf-8")
    partner_io.import_partners(ctx, seed)
    path = tmp_path / f"money{suffix}"
    partner_io.export_partners(ctx, path)
    column = partner_io.COLUMNS.index("credit_limit")
    if suffix == ".csv":
        assert [cells for _n, cells in iter_table(path)][1][column] == "1234567.89"
    else:
        cell = load_workbook(path).active.cell(row=2, column=column + 1)
        assert (cell.value, cell.number_format) == (1234567.89, fmt.MONEY_CELL_FORMAT)
    assert fmt.money_fen(123456789, symbol=False, grouping=False) == "1234567.89"
    assert partner_io.import_partners(ctx, path).unchanged == 1
    assert stored(ctx, "M1")["credit_limit_fen"] == 123456789


def test_chinese_errors_name_the_column_as_the_file_does(ctx, tmp_path: Path, chinese) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "p.csv"
    path.write_text("渠道编码,渠道名称\nY2,乙\n", encoding="utf-8")
    partner_io.import_partners(ctx, path)
    path.write_text(
        "渠道编码,渠道名称,类型,状态\nY1,甲,不存在,正常\nY2,乙,Dealer,暂停\n", encoding="utf-8"
    )
    with pytest.raises(ValidationError) as info:
        partner_io.import_partners(ctx, path)
    assert info.value.details[0].startswith(
        "第 2 行，“类型”列：未知类型“不存在”；请使用：代理商、经销商"
    )
    assert info.value.details[1].startswith("第 3 行，“状态”列：导入不能更改状态（正常 → 暂停）")


def test_import_stamps_after_what_another_process_committed(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Issue 14: the import takes SQLite's write lock, then moves the clock past the last
    stamp any process committed, so its rows' HLCs sort after every committed row (an
    export + ack meanwhile cannot move the watermark past them)."""
    import sqlite3

    ctx.get_clock()  # this process's clock is loaded (and would lag behind the other's)
    other = sqlite3.connect(ctx.paths.database)
    ahead = "999999999999000:000007:other-process"
    with other:
        other.execute(
            "INSERT OR REPLACE INTO app_meta(key, value) VALUES ('hlc_last', ?)", (ahead,)
        )
    other.close()
    path = tmp_path / "p.csv"
    path.write_text("code,name,contact_name\nT1,甲,王\n", encoding="utf-8")
    partner_io.import_partners(ctx, path)
    stamps = [
        r[0]
        for r in ctx.read_sql(
            "SELECT hlc FROM partner UNION ALL SELECT hlc FROM contact UNION ALL SELECT hlc FROM lifecycle_event"
        )
    ]
    assert len(stamps) == 3 and all(s > ahead for s in stamps)
    assert ctx.meta("hlc_last") >= max(stamps)


def test_exported_workbook_reads_chinese_under_zh_cn(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Under zh_CN the exported workbook's sheet tab, headers and words are Chinese (the
    tab read "partners"); in English the tab is "Partners"; the file reads back."""
    from openpyxl import load_workbook

    from app.i18n import current_language, set_language

    _make(ctx, "Z1", name="玄武通讯")
    before = current_language()
    try:
        set_language("zh_CN")
        path = tmp_path / "渠道.xlsx"
        assert partner_io.export_partners(ctx, path) == 1
        book = load_workbook(path, read_only=True)
        assert book.sheetnames == ["渠道"]
        header, row = list(book["渠道"].iter_rows(values_only=True))
        assert header[:5] == ("编码", "名称", "类型", "状态", "等级"), header
        assert row[0] == "Z1" and row[3] == "正常", row
        book.close()
        assert partner_io.import_partners(ctx, path).errors == []
        set_language("en")
        partner_io.export_partners(ctx, tmp_path / "en.xlsx")
        assert load_workbook(tmp_path / "en.xlsx", read_only=True).sheetnames == ["Partners"]
    finally:
        set_language(before)
