"""Partner search index (migration 0003): the indexed search returns exactly what a plain
substring filter over code, name, address and live contacts returns — for 1-, 2- and
3+-character words, Chinese and Latin text, after inserts, edits and voids, on every
paging path (count from the index, code-index walk, hit-driven sort, filters, other
sorts). The migration back-fills rows written before it, the triggers keep the index
right for writes that bypass the app, and text beyond the indexed length is still found."""

from __future__ import annotations

import itertools
import sqlite3
from collections import defaultdict
from pathlib import Path

from alembic import command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.services import partner_edit, partner_list, partner_read, partner_records
from app.services.opening import open_context
from db.engine import make_engine
from db.migrate import alembic_config
from db.models import Contact, Partner

# Chinese and Latin letters (both cases), digits, and characters special to LIKE or FTS5
ALPHABET = '浦东新区徐汇路店金桥abcABC12-_%\\"*'
CODES = itertools.count(1)


def fold(text: str) -> str:
    """ASCII-only case folding — what SQLite's LIKE and lower() do."""
    return "".join(ch.lower() if ch.isascii() else ch for ch in text)


def expected(ctx, query: partner_list.PartnerQuery) -> list[str]:  # type: ignore[no-untyped-def]
    """Codes matching ``query`` by a plain substring test on the ORM rows (no search table)."""
    with ctx.read_session() as s:
        partners = list(s.scalars(select(Partner)))
        contacts = list(s.scalars(select(Contact).where(Contact.voided.is_(False))))
    text_of: dict[str, list[str]] = defaultdict(list)
    for c in contacts:
        text_of[c.partner_id].append(f"{c.name} {c.phone or ''}")
    words = [fold(w) for w in query.search.split()]
    found = []
    for p in partners:
        if (p.voided and not query.include_voided) or (query.grade and p.grade != query.grade):
            continue
        body = fold(" ".join([p.code, p.name, p.address or "", *text_of[p.id]]))
        if all(w in body for w in words):
            found.append(p)
    key = query.sort if query.sort in ("code", "name", "grade") else "code"
    found.sort(key=lambda p: p.code)
    found.sort(key=lambda p: getattr(p, key), reverse=query.descending)
    return [p.code for p in found]


def check(ctx, term: str) -> None:  # type: ignore[no-untyped-def]
    queries = [
        partner_list.PartnerQuery(search=term),
        partner_list.PartnerQuery(search=term, descending=True),
        partner_list.PartnerQuery(search=term, include_voided=True),
        partner_list.PartnerQuery(search=term, grade="B"),
        partner_list.PartnerQuery(search=term, sort="name"),
    ]
    for query in queries:
        want = expected(ctx, query)
        total, rows = partner_list.partner_page_with_total(ctx, query, 0, 1000)
        assert (term, query, total, [r.code for r in rows]) == (term, query, len(want), want)
        assert partner_list.partner_count(ctx, query) == len(want)
        assert [r.code for r in partner_list.partner_page(ctx, query, 0, None)] == want
        total, rows = partner_list.partner_page_with_total(
            ctx, query, 1, 2
        )  # small pages walk the code index
        assert (total, [r.code for r in rows]) == (len(want), want[1:3])
        assert [r.code for r in partner_list.partner_page(ctx, query, 2, 3)] == want[2:5]


def add(ctx, name: str, address: str = "", grade: str = "C") -> str:  # type: ignore[no-untyped-def]
    code = f"S{next(CODES):05d}"
    partner_edit.save_partner(
        ctx, partner_edit.PartnerInput(code=code, name=name, address=address, grade=grade)
    )
    return code


def test_one_two_and_three_character_words_in_chinese_and_latin(ctx) -> None:  # type: ignore[no-untyped-def]
    a = add(ctx, "浦东金桥数码店", "金桥路100号")
    b = add(ctx, "Abc Digital", "淮海路1号", grade="B")
    c = add(ctx, "徐汇天平路专营店", "天平路8号 100%")
    partner_records.save_contact(ctx, a, "王小明", "13800138000")
    partner_records.save_contact(ctx, c, "Li Si", "021-64001234")
    for term in (
        "浦",
        "浦东",
        "金桥路",
        "路",
        "路1",
        "1",
        "10",
        "100",
        "abc",
        "AB",
        "a",
        "digital",
        "小明",
        "138",
        "64001234",
        "li",
        "%",
        "0%",
        "_",
        '"',
        "S0",
        a,
        b.lower(),
        "浦东 金桥",
        "路 Abc",
        "无此",
        "zz",
    ):
        check(ctx, term)
    assert [
        r.code
        for r in partner_list.partner_page(ctx, partner_list.PartnerQuery(search="gi"), 0, None)
    ] == [b]


def test_edits_voids_and_contacts_update_the_index(ctx) -> None:  # type: ignore[no-untyped-def]
    a = add(ctx, "浦东金桥数码店")
    b = add(ctx, "徐汇数码店")
    data = partner_edit.input_from_partner(partner_read.partner_detail(ctx, a).partner)
    data.name, data.address = "黄浦家电厅", "南京路"
    partner_edit.save_partner(ctx, data, partner_read.partner_detail(ctx, a).partner.id)
    partner_records.save_contact(ctx, b, "蔡强", "19976665755")
    contact_id = partner_read.partner_detail(ctx, b).contacts[0].id
    for term in ("浦东", "黄浦", "南京", "数码", "蔡强", "强", "1997"):
        check(ctx, term)
    partner_records.void_row(ctx, Contact, contact_id, "left")
    partner_records.void_row(ctx, Partner, partner_read.partner_detail(ctx, a).partner.id, "closed")
    for term in ("黄浦", "蔡强", "数码", "店"):
        check(ctx, term)
    assert partner_list.partner_count(ctx, partner_list.PartnerQuery(search="蔡强")) == 0
    assert partner_list.partner_count(ctx, partner_list.PartnerQuery(search="黄浦")) == 0
    assert (
        partner_list.partner_count(
            ctx, partner_list.PartnerQuery(search="黄浦", include_voided=True)
        )
        == 1
    )


def test_writes_that_bypass_the_app_keep_the_index_right(ctx) -> None:  # type: ignore[no-untyped-def]
    a = add(ctx, "浦东金桥数码店")
    conn = sqlite3.connect(ctx.paths.database)
    try:
        conn.execute("UPDATE partner SET name = '长宁青年花园店', grade = 'B' WHERE code = ?", (a,))
        conn.commit()
    finally:
        conn.close()
    for term in ("浦东", "长宁", "花园店", "青"):
        check(ctx, term)
    assert [
        r.code
        for r in partner_list.partner_page(
            ctx, partner_list.PartnerQuery(search="长宁", grade="B"), 0, None
        )
    ] == [a]
    conn = sqlite3.connect(
        ctx.paths.database
    )  # foreign keys off: REPLACE leaves the old search row
    try:
        conn.execute("CREATE TEMP TABLE t AS SELECT * FROM partner WHERE code = ?", (a,))
        conn.execute("UPDATE t SET name = '闵行校园服务中心'")
        conn.execute("INSERT OR REPLACE INTO partner SELECT * FROM t")
        conn.commit()
    finally:
        conn.close()
    for term in ("长宁", "闵行", "校园服务", "园"):
        check(ctx, term)


def test_text_beyond_the_indexed_length_is_found_once(ctx) -> None:  # type: ignore[no-untyped-def]
    long_address = "头部" + "路" * partner_list.GRAM_POSITIONS + "尾巴"
    a = add(ctx, "浦东店")
    # longer than an address may be typed today (500 characters): such text reaches the
    # index from databases written before the cap, so it is put in place by SQL here
    with sqlite3.connect(ctx.paths.database) as conn:
        conn.execute("UPDATE partner SET address = ? WHERE code = ?", (long_address, a))
    add(ctx, "尾巴店")
    for term in ("头部", "尾巴", "尾", "巴", "路路", "路", "部路路", "路尾巴"):
        check(ctx, term)
    assert partner_list.partner_count(ctx, partner_list.PartnerQuery(search="巴")) == 2
    assert [
        r.code
        for r in partner_list.partner_page(ctx, partner_list.PartnerQuery(search="头部"), 0, None)
    ] == [a]


def test_migration_back_fills_rows_written_before_it(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    engine = make_engine(folder / "channeldesk.sqlite")
    command.upgrade(alembic_config(engine), "0002")
    engine.dispose()
    conn = sqlite3.connect(folder / "channeldesk.sqlite")
    try:
        for i, (name, contact) in enumerate(
            [("浦东金桥数码店", "王小明"), ("Abc Digital", "李四"), ("徐汇天平路专营店", "赵六")]
        ):
            conn.execute(
                "INSERT INTO partner (id, hlc, voided, void_reason, code, name, type, status, grade, address, "
                "licence_no, credit_rating, credit_limit_fen, bank_info, tags, notes, manager, "
                "field_hlc, created_at, updated_at) "
                "VALUES (?, '0', ?, '', ?, ?, 'dealer', 'active', 'C', '路', '', '', 0, '', '[]', '', '', '{}', "
                "'2026-01-01 00:00:00', '2026-01-01 00:00:00')",
                (f"p{i}", int(i == 2), f"OLD{i}", name),
            )
            conn.execute(
                "INSERT INTO contact (id, hlc, voided, void_reason, partner_id, name, role, phone, email, is_primary, "
                "created_at, updated_at) VALUES (?, '0', 0, '', ?, ?, '', '13800138000', '', 1, "
                "'2026-01-01 00:00:00', '2026-01-01 00:00:00')",
                (f"c{i}", f"p{i}", contact),
            )
        conn.commit()
    finally:
        conn.close()
    ctx = open_context(folder)
    try:
        for term in ("浦", "浦东", "金桥数", "ab", "李四", "138", "路", "天平", "OLD"):
            check(ctx, term)
        assert partner_list.partner_count(ctx, partner_list.PartnerQuery(search="OLD")) == 2
    finally:
        ctx.close()


def test_downgrade_to_0002_restores_its_search_table(ctx) -> None:  # type: ignore[no-untyped-def]
    code = add(ctx, "浦东金桥数码店", "金桥路100号")
    ctx.close()
    engine = make_engine(ctx.paths.database)
    try:
        command.downgrade(alembic_config(engine), "0002")
        with engine.connect() as conn:
            tables = {
                r[0]
                for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            body = conn.exec_driver_sql("SELECT body FROM partner_search").scalar()
            hits = conn.exec_driver_sql(
                "SELECT count(*) FROM partner_fts WHERE partner_fts MATCH '\"金桥路\"'"
            ).scalar()
        assert "partner_gram" not in tables and "partner_search_pos" not in tables
        assert body.startswith(f"{code} 浦东金桥数码店 金桥路100号") and hits == 1
        command.upgrade(alembic_config(engine), "head")
    finally:
        engine.dispose()
    again = open_context(ctx.paths.root)
    try:
        check(again, "浦东")
        assert partner_list.partner_count(again, partner_list.PartnerQuery(search="金桥")) == 1
    finally:
        again.close()


names = st.text(alphabet=ALPHABET, min_size=0, max_size=10)
words = st.text(alphabet=ALPHABET, min_size=1, max_size=4)
operations = st.lists(
    st.one_of(
        st.tuples(st.just("add"), names, names),
        st.tuples(st.just("edit"), st.integers(0, 99), names, names),
        st.tuples(st.just("void"), st.integers(0, 99)),
        st.tuples(
            st.just("contact"),
            st.integers(0, 99),
            names,
            st.text("0123456789", min_size=6, max_size=11),
        ),
        st.tuples(st.just("void_contact"), st.integers(0, 99)),
    ),
    min_size=1,
    max_size=8,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=operations, extra=st.lists(words, max_size=4))
def test_indexed_search_equals_a_plain_substring_filter(ctx, ops, extra) -> None:  # type: ignore[no-untyped-def]
    # the data dir is shared by the examples on purpose: the reference reads every row back
    terms = list(extra)
    with ctx.read_session() as s:
        partner_ids = list(
            s.scalars(select(Partner.id).where(Partner.voided.is_(False)).order_by(Partner.code))
        )
        contact_ids = list(
            s.scalars(select(Contact.id).where(Contact.voided.is_(False)).order_by(Contact.id))
        )
    for op in ops:
        if op[0] == "add":
            name = "店" + op[1]
            partner_ids.append(
                partner_read.partner_detail(
                    ctx, add(ctx, name, op[2], grade="B" if len(name) % 2 else "C")
                ).partner.id
            )
            terms += [name[:1], name[-2:], name[-3:], op[2][:2]]
        elif op[0] == "edit" and partner_ids:
            pid = partner_ids[op[1] % len(partner_ids)]
            data = partner_edit.input_from_partner(partner_read.partner_detail(ctx, pid).partner)
            data.name, data.address = "厅" + op[2], op[3]
            partner_edit.save_partner(ctx, data, pid)
            terms += [data.name[:2], op[3][1:4]]
        elif op[0] == "void" and partner_ids:
            partner_records.void_row(
                ctx, Partner, partner_ids.pop(op[1] % len(partner_ids)), "test"
            )
        elif op[0] == "contact" and partner_ids:
            partner_records.save_contact(
                ctx, partner_ids[op[1] % len(partner_ids)], "人" + op[2], op[3]
            )
            contact_ids = [
                c.id
                for c in partner_read.partner_detail(
                    ctx, partner_ids[op[1] % len(partner_ids)]
                ).contacts
            ] + contact_ids
            terms += [op[2][:2], op[3][:3]]
        elif op[0] == "void_contact" and contact_ids:
            partner_records.void_row(
                ctx, Contact, contact_ids.pop(op[1] % len(contact_ids)), "test"
            )
    for term in dict.fromkeys(t for t in terms if t.strip()):
        check(ctx, term)
