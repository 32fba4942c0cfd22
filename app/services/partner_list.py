"""The partner list: search, filters, sort, count and pages — plain SQL over the
trigger-kept search tables of migration 0003, read through ``ctx.read_sql`` (sqlite3, no
ORM), so the main window can paint the list before SQLAlchemy is even imported.

``partner_search`` holds one row per partner: its search text (code, name, address,
live contacts' names and phones) and the list's filter and sort keys. ``partner_fts``
(trigram FTS5) finds words of 3+ characters; ``partner_gram`` (hex tokens of every
character pair) finds 2-character words, and 1-character ones by a prefix query. Text beyond
GRAM_POSITIONS characters is not in ``partner_gram``, so such rows (the partial index
``ix_partner_search_long`` lists them) are also checked with LIKE."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from app.domain.regions import regions
from app.services.context import AppContext

SORTABLE = {
    "code",
    "name",
    "type",
    "status",
    "grade",
    "district_code",
    "manager",
    "updated_at",
    "credit_limit_fen",
}
GRAM_POSITIONS = 10000  # = POSITIONS of migration 0003
_SEARCH_SORTS = {
    "code",
    "name",
    "manager",
    "grade",
    "status",
    "type",
    "district_code",
}  # columns of partner_search


@dataclass(frozen=True)
class PartnerQuery:
    """What the partner list shows: search text, filters and sort."""

    search: str = ""
    grade: str | None = None
    status: str | None = None
    type: str | None = None
    region: str | None = None
    sort: str = "code"
    descending: bool = False
    include_voided: bool = False


@dataclass(frozen=True)
class PartnerRow:
    id: str
    code: str
    name: str
    type: str
    status: str
    grade: str
    region: str
    region_name: str
    address: str
    manager: str
    primary_contact: str
    phone: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "code": self.code,
            "name": self.name,
            "grade": self.grade,
            "status": self.status,
            "region": self.region,
            "region_name": self.region_name,
            "type": self.type,
            "address": self.address,
            "manager": self.manager,
            "primary_contact": self.primary_contact,
            "phone": self.phone,
        }


def _like_escape(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# -- search ----------------------------------------------------------------------


def _word_hits(word: str, key: str, params: dict[str, Any]) -> str:
    """SQL selecting (as ``hit``) the rowids of ``partner_search`` rows containing ``word``."""
    if len(word) >= 3:
        params[key] = '"' + word.replace('"', '""') + '"'
        return f"SELECT rowid AS hit FROM partner_fts WHERE partner_fts MATCH :{key}"
    params[key] = word
    params[f"{key}_like"] = f"%{_like_escape(word)}%"
    star = "*" if len(word) == 1 else ""  # one character: every pair starting with it
    gram = f"SELECT rowid FROM partner_gram WHERE partner_gram MATCH '\"' || hex(lower(:{key})) || '\"{star}'"
    return (
        f"{gram.replace('SELECT rowid', 'SELECT rowid AS hit', 1)} "
        f"UNION ALL SELECT rowid AS hit FROM partner_search WHERE length(body) > {GRAM_POSITIONS} "
        f"AND body LIKE :{key}_like ESCAPE '\\' AND rowid NOT IN ({gram})"
    )


def _hits(words: list[str], params: dict[str, Any]) -> str:
    """SQL selecting the ``partner_search`` rowids whose text contains every word."""
    return " INTERSECT ".join(
        f"SELECT hit FROM ({_word_hits(w, f'w{i}', params)})" for i, w in enumerate(words)
    )


def _filters(query: PartnerQuery, params: dict[str, Any], alias: str) -> list[str]:
    """WHERE terms for the filters (``alias`` is ``ps`` for partner_search or ``p`` for
    partner: both have these columns)."""
    filters = [] if query.include_voided else [f"{alias}.voided = 0"]
    for name, value in (("grade", query.grade), ("status", query.status), ("type", query.type)):
        if value:
            filters.append(f"{alias}.{name} = :{name}")
            params[name] = value
    if query.region:
        query = replace(
            query, region=regions().normalise(query.region) or query.region
        )  # 320100 = 3201
        region_column = {2: "province_code", 4: "city_code", 6: "district_code"}.get(
            len(query.region)
        )
        if region_column:
            filters.append(f"{alias}.{region_column} = :region")
            params["region"] = query.region
        else:
            filters.append(f"{alias}.district_code LIKE :region ESCAPE '\\'")
            params["region"] = f"{_like_escape(query.region)}%"
    return filters


def _page_sql(offset: int, limit: int | None) -> str:
    return f" LIMIT {-1 if limit is None else int(limit)} OFFSET {int(offset)}"


def _search(
    ctx: AppContext, query: PartnerQuery, offset: int, limit: int | None, want_total: bool
) -> tuple[int | None, list[str]]:
    """(total or None, partner ids of one page) for a query with search words, read from
    the search tables (the wide ``partner`` rows only to sort by a column they alone have)."""
    params: dict[str, Any] = {}
    hits = _hits(query.search.split(), params)
    filters = _filters(query, params, "ps")
    sort_key = query.sort if query.sort in SORTABLE else "code"
    direction = "DESC" if query.descending else "ASC"
    page = _page_sql(offset, limit)
    where = "".join(f" AND {f}" for f in filters)
    if len(filters) == (0 if query.include_voided else 1) and sort_key == "code":
        # no filter but "not voided": total = all hits minus the voided ones (few), so no
        # row is read per hit
        voided = (
            "0"
            if query.include_voided
            else f"(SELECT count(*) FROM partner_search ps WHERE ps.voided = 1 AND ps.rowid IN ({hits}))"
        )
        n_hits, n_voided, size = ctx.read_sql(
            f"SELECT (SELECT count(*) FROM ({hits})), {voided}, (SELECT max(rowid) FROM partner_search)",
            params,
        )[0]
        total = int(n_hits) - int(n_voided)
        if total <= offset or limit == 0:
            return total, []
        if (
            not query.include_voided
            and limit is not None
            and (offset + limit) * int(size or 0) <= 4 * total * total
        ):
            # a frequent word: walk the code index and keep the hits (about
            # (offset + limit) * size / total steps instead of reading and sorting every hit)
            sql = (
                f"SELECT ps.partner_id FROM partner_search ps INDEXED BY ix_partner_search_code WHERE ps.voided = 0 "
                f"AND ps.rowid IN ({hits}) ORDER BY ps.code {direction}{page}"
            )
        else:
            sql = (
                f"SELECT ps.partner_id FROM ({hits}) h CROSS JOIN partner_search ps ON ps.rowid = h.hit WHERE 1{where} "
                f"ORDER BY ps.code {direction}{page}"
            )
        return total, [r[0] for r in ctx.read_sql(sql, params)]
    if sort_key in _SEARCH_SORTS:
        join, order = "", f"ps.{sort_key} {direction}, ps.code"
    else:
        join, order = (
            " CROSS JOIN partner p ON p.id = ps.partner_id",
            f"p.{sort_key} {direction}, ps.code",
        )
    source = (
        f"FROM ({hits}) h CROSS JOIN partner_search ps ON ps.rowid = h.hit{join} WHERE 1{where}"
    )
    if not want_total:
        return None, [
            r[0]
            for r in ctx.read_sql(f"SELECT ps.partner_id {source} ORDER BY {order}{page}", params)
        ]
    found = ctx.read_sql(
        f"SELECT ps.partner_id, count(*) OVER () {source} ORDER BY {order}{page}", params
    )
    if found:
        return int(found[0][1]), [r[0] for r in found]
    count = ctx.read_sql(
        f"SELECT count(*) FROM ({hits}) h CROSS JOIN partner_search ps ON ps.rowid = h.hit WHERE 1{where}",
        params,
    )
    return int(count[0][0]), []


# -- rows ------------------------------------------------------------------------

_PRIMARY = (
    "(SELECT c.{col} FROM contact c WHERE c.partner_id = p.id AND c.voided = 0 "
    "ORDER BY c.is_primary DESC, c.created_at LIMIT 1)"
)
_ROW_COLUMNS = (
    "p.id, p.code, p.name, p.type, p.status, p.grade, p.province_code, p.city_code, p.district_code, "
    f"p.address, p.manager, {_PRIMARY.format(col='name')}, {_PRIMARY.format(col='phone')}"
)


@lru_cache(maxsize=4096)
def _region_name(code: str) -> str:
    return regions().full_name(code)


def _row(r: tuple[Any, ...]) -> PartnerRow:
    (
        pid,
        code,
        name,
        type_,
        status,
        grade,
        province,
        city,
        district,
        address,
        manager,
        contact,
        phone,
    ) = r
    region = district or city or province or ""
    return PartnerRow(
        id=pid,
        code=code,
        name=name,
        type=type_,
        status=status,
        grade=grade,
        region=region,
        region_name=_region_name(region) if region else "",
        address=address or "",
        manager=manager or "",
        primary_contact=contact or "",
        phone=phone or "",
    )


def _rows_in_order(ctx: AppContext, ids: list[str]) -> list[PartnerRow]:
    by_id: dict[str, PartnerRow] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        by_id.update(
            (r[0], _row(r))
            for r in ctx.read_sql(
                f"SELECT {_ROW_COLUMNS} FROM partner p WHERE p.id IN ({marks})", tuple(chunk)
            )
        )
    return [by_id[i] for i in ids if i in by_id]


# -- the list's services -----------------------------------------------------------------


def partner_page(
    ctx: AppContext, query: PartnerQuery, offset: int = 0, limit: int | None = 200
) -> list[PartnerRow]:
    """One page of the partner list (the GUI's table model fetches pages on demand)."""
    if query.search.split():
        return _rows_in_order(ctx, _search(ctx, query, offset, limit, want_total=False)[1])
    params: dict[str, Any] = {}
    where = "".join(f" AND {f}" for f in _filters(query, params, "p"))
    sort_key = query.sort if query.sort in SORTABLE else "code"
    order = f"p.{sort_key} {'DESC' if query.descending else 'ASC'}, p.code"
    sql = f"SELECT {_ROW_COLUMNS} FROM partner p WHERE 1{where} ORDER BY {order}{_page_sql(offset, limit)}"
    return [_row(r) for r in ctx.read_sql(sql, params)]


def partner_count(ctx: AppContext, query: PartnerQuery) -> int:
    if query.search.split():
        return int(_search(ctx, query, 0, 0, want_total=True)[0] or 0)
    params: dict[str, Any] = {}
    where = "".join(f" AND {f}" for f in _filters(query, params, "ps"))
    return int(ctx.read_sql(f"SELECT count(*) FROM partner_search ps WHERE 1{where}", params)[0][0])


def partner_page_with_total(
    ctx: AppContext, query: PartnerQuery, offset: int = 0, limit: int = 200
) -> tuple[int, list[PartnerRow]]:
    """(total matches, one page): a search is counted and paged from the search index,
    then the page's display rows are read by primary key."""
    if not query.search.split():
        return partner_count(ctx, query), partner_page(ctx, query, offset, limit)
    total, ids = _search(ctx, query, offset, limit, want_total=True)
    return int(total or 0), _rows_in_order(ctx, ids)


def search_any(ctx: AppContext, text_: str, limit: int = 20) -> list[PartnerRow]:
    """Quick look-up for pickers (code or name)."""
    return partner_page(ctx, PartnerQuery(search=text_), 0, limit)
