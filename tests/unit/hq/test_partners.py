"""HQ's partner master data (issue 19) on SQLite and PostgreSQL: the list HQ holds with
its filters, HQ's change of a partner's code, grade and credit limit, refused when a
value is bad or the code is taken, and carried to the laptop by the next publish — where
it stays HQ's after the laptop syncs again."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import NotFoundError, ValidationError
from app.hq.partners import filter_partners, grade_request_rows, partner_rows, set_partner_fields
from app.hq.server import Hq
from app.services import partner_read
from app.services.grade_requests import request_grade_change
from tests.unit.services import test_sync
from tests.unit.services.test_grade_requests import _sync
from tests.unit.services.test_sync import make_laptop, seed

pg_url, hq_url, hq = test_sync.pg_url, test_sync.hq_url, test_sync.hq


def test_hq_edits_the_fields_it_owns_and_publishes_them(hq: Hq, tmp_path: Path) -> None:
    ctx = make_laptop(tmp_path, "lap", hq)
    seed(ctx, tmp_path)
    p1 = partner_read.partner_detail(ctx, "P001").partner
    request_grade_change(ctx, "P001", "A" if p1.grade != "A" else "B", "理由")
    _sync(hq, ctx, tmp_path, "first")
    rows = partner_rows(hq)
    assert [r["code"] for r in rows] == ["P001", "P002", "P003"]
    first = rows[0]
    assert first["manager"] == "lap" and first["pending_requests"] == 1
    assert first["region"].startswith("31")
    waiting = grade_request_rows(hq, "pending")
    assert [(r["partner_code"], r["partner_name"]) for r in waiting] == [("P001", first["name"])]
    assert [r["code"] for r in filter_partners(rows, search="p00")] == ["P001", "P002", "P003"]
    assert filter_partners(rows, search=first["name"][:2])[0]["code"] == "P001"
    assert filter_partners(rows, region="32") == []
    assert all(r["grade"] == "B" for r in filter_partners(rows, grade="B"))
    assert filter_partners(rows, status="terminated") == []

    with pytest.raises(ValidationError):
        set_partner_fields(hq, first["id"], {"code": "P002"})  # another partner's
    with pytest.raises(ValidationError):
        set_partner_fields(hq, first["id"], {"code": "has space"})
    with pytest.raises(ValidationError):
        set_partner_fields(hq, first["id"], {"grade": "E"})
    with pytest.raises(ValidationError):
        set_partner_fields(hq, first["id"], {"credit_limit_fen": -1})
    with pytest.raises(NotFoundError):
        set_partner_fields(hq, "0190d6a8-0000-7000-8000-000000000000", {"grade": "A"})
    assert partner_rows(hq) == rows  # nothing saved by a refused change

    grade = "D" if first["grade"] != "D" else "C"
    done = set_partner_fields(
        hq, first["id"], {"code": "HQ001", "grade": grade, "credit_limit_fen": 1_234_500}
    )
    assert done.changed == ["code", "grade", "credit_limit_fen"]
    again = set_partner_fields(hq, first["id"], {"code": "HQ001", "grade": grade})
    assert again.changed == []
    _sync(hq, ctx, tmp_path, "published")
    card = partner_read.partner_detail(ctx, "HQ001").partner
    assert card.grade == grade and card.credit_limit_fen == 1_234_500
    _sync(hq, ctx, tmp_path, "again")  # the laptop's next bundle does not undo it
    after = {r["id"]: r for r in partner_rows(hq)}[first["id"]]
    assert (after["code"], after["grade"], after["credit_limit_fen"]) == (
        "HQ001",
        grade,
        1_234_500,
    )
    ctx.close()
