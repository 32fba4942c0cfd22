"""Amendments tell the truth (issue 16): the score an amendment gives is stored with it in
the same transaction and read by every list, report and dashboard; findings open or close
as the corrected answers say; the chain of versions carries a content hash each and is
printed in the visit report. Hypothesis: any sequence of answer changes leaves the
stored score equal to the score of the current answers, and every reader agrees."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain import checklist as cl
from app.errors import ValidationError
from app.services import partner_io, period_reports, reports, visits
from app.services.amendments import version_hash
from tests.conftest import EXIF_DIR

CSV = "code,name,grade,region\nP001,浦东金桥店,A,310115\n"
ANSWERS = {
    "signage": "yes",
    "cleanliness": "4",
    "price_tags": "yes",
    "price_violation": "no",
    "poster_display": "3",
    "stock_units": "30",
    "stock_within_limits": "yes",
    "staff_knowledge": "5",
    "service_attitude": "3",
    "cross_territory": "no",
    "fake_business": "no",
    "licence_valid": "yes",
}


def sealed_visit(ctx: Any, tmp_path: Path, overrides: dict[str, str] | None = None) -> str:
    if not (tmp_path / "p.csv").exists():
        (tmp_path / "p.csv").write_text(CSV, encoding="utf-8")
        partner_io.import_partners(ctx, tmp_path / "p.csv")
    visit_id = visits.new_visit(ctx, "P001")
    for key, value in {**ANSWERS, **(overrides or {})}.items():
        visits.answer(ctx, visit_id, key, value)
    visits.attach_photos(
        ctx, visit_id, sorted(EXIF_DIR.glob("Landscape_*.jpg"))[:1], item_key="storefront_photo"
    )
    visits.submit(ctx, visit_id)
    return visit_id


def readers(ctx: Any, visit_id: str) -> dict[str, Any]:
    """The score of the visit as each reader shows it."""
    detail = visits.visit_detail(ctx, visit_id)
    listed = next(r for r in visits.list_visits(ctx) if r["id"] == visit_id)
    day = dt.datetime.fromisoformat(detail["started_at"].replace("Z", "+00:00")).astimezone().date()
    week = period_reports.weekly_log_data(
        ctx, f"{day.isocalendar().year}-W{day.isocalendar().week:02d}"
    )
    weekly = week.tables[0].rows[0][2]
    monthly = dict(period_reports.monthly_data(ctx, day.strftime("%Y-%m")).figures)["Average score"]
    report = reports.visit_report_data(ctx, visit_id)
    return {
        "detail": detail["score"],
        "list": listed["score"],
        "weekly": weekly,
        "monthly": monthly,
        "report": report.score,
    }


def test_amended_score_is_stored_and_every_reader_uses_it(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    visit_id = sealed_visit(ctx, tmp_path, {"signage": "no", "cleanliness": "1"})
    sealed = visits.visit_detail(ctx, visit_id)
    assert {f["item_key"] for f in sealed["findings"]} >= {"signage", "cleanliness"}
    visits.amend(
        ctx, visit_id, "录入错误", {"signage": "yes", "cleanliness": "5", "price_violation": "yes"}
    )
    detail = visits.visit_detail(ctx, visit_id)
    answers = {i["key"]: i["answer"] for i in detail["items"]}
    expected = cl.score(detail_body(ctx, visit_id), answers)
    assert detail["score"] == expected.total and detail["score"] != sealed["score"]
    assert detail["section_scores"] == expected.sections
    shown = readers(ctx, visit_id)
    assert shown["list"] == shown["detail"] == expected.total
    assert shown["weekly"] == shown["monthly"] == shown["report"] == f"{expected.total:.1f}"
    # findings follow the corrected answers: the two corrected ones are withdrawn, the new failure raised
    status = {f["item_key"]: f["rectification"]["status"] for f in detail["findings"]}
    assert status["signage"] == status["cleanliness"] == "withdrawn"
    assert status["price_violation"] == "open"
    raised = next(
        r for r in visits.rectification_orders(ctx, "P001") if r["item"] == "price_violation"
    )
    assert (
        raised["deadline"] == (dt.date.today() + dt.timedelta(days=7)).isoformat()
    )  # runs from the amendment
    listed = {r["item"] for r in visits.rectification_orders(ctx, "P001")}
    assert "signage" not in listed and "price_violation" in listed
    # the sealed original stays, the chain of versions is hashed link by link
    assert (
        detail["content_hash"] == sealed["content_hash"]
        and detail["sealed_score"] == sealed["score"]
    )
    visits.amend(ctx, visit_id, "再次更正", {"signage": "no"})
    chain = visits.visit_detail(ctx, visit_id)["amendments"]
    assert len(chain) == 2 and chain[1]["content_hash"] != chain[0]["content_hash"]
    assert chain[1]["content_hash"] == version_hash(
        chain[0]["content_hash"],
        {"signage": "no"},
        "再次更正",
        chain[1]["amended_by"],
        dt.datetime.fromisoformat(chain[1]["amended_at"].replace("Z", "+00:00")).isoformat(),
    )
    report = reports.visit_report_data(ctx, visit_id)
    assert [a.reason for a in report.amendments] == ["录入错误", "再次更正"] and report.amendments[
        1
    ].content_hash == chain[1]["content_hash"]
    pdf = tmp_path / "visit.pdf"
    reports.write_visit_report(ctx, visit_id, pdf)
    assert pdf.stat().st_size > 1000


def detail_body(ctx: Any, visit_id: str) -> dict[str, Any]:
    from db.models import Visit

    with ctx.read_session() as s:
        visit = s.get(Visit, visit_id)
        return dict(visit.template_body)


def test_amendment_refuses_bad_input_and_keeps_everything(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    visit_id = sealed_visit(ctx, tmp_path)
    before = visits.visit_detail(ctx, visit_id)
    for reason, changes in (
        ("  ", {"signage": "no"}),
        ("x", {}),
        ("x", {"signage": "maybe"}),
        ("x", {"nope": "1"}),
        ("x", {"storefront_photo": "abc"}),
    ):
        with pytest.raises(ValidationError):
            visits.amend(ctx, visit_id, reason, changes)
    assert visits.visit_detail(ctx, visit_id) == before


ITEMS = {
    "signage": ["yes", "no", "na"],
    "cleanliness": ["0", "1", "2", "3", "4", "5", "na"],
    "price_violation": ["yes", "no"],
    "poster_display": ["0", "2", "5"],
    "licence_valid": ["yes", "no", "na"],
    "lighting": ["yes", "no"],
}


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.dictionaries(
            st.sampled_from(sorted(ITEMS)),
            st.sampled_from(["0", "1", "2", "3", "4", "5", "yes", "no", "na"]),
            min_size=1,
            max_size=3,
        ),
        min_size=1,
        max_size=4,
    )
)
def test_any_sequence_of_amendments_keeps_every_reader_on_the_current_answers(
    tmp_path_factory, changes_seq
) -> None:  # type: ignore[no-untyped-def]
    from app.services.opening import open_context

    base = tmp_path_factory.mktemp("amend")
    ctx = open_context(base / "data")
    try:
        visit_id = sealed_visit(ctx, base)
        for changes in changes_seq:
            valid = {k: v for k, v in changes.items() if v in ITEMS[k]}
            if not valid:
                continue
            visits.amend(ctx, visit_id, "更正", valid)
            detail = visits.visit_detail(ctx, visit_id)
            answers = {i["key"]: i["answer"] for i in detail["items"]}
            expected = cl.score(detail_body(ctx, visit_id), answers)
            shown = readers(ctx, visit_id)
            assert shown["detail"] == shown["list"] == expected.total
            text = "—" if expected.total is None else f"{expected.total:.1f}"
            assert shown["weekly"] == shown["report"] == shown["monthly"] == text
            assert detail["section_scores"] == expected.sections
            failing = {
                i["key"]
                for i in detail["items"]
                if i["key"] in ITEMS
                and cl.is_failure(item_of(detail_body(ctx, visit_id), i["key"]), i["answer"])
            }
            open_items = {
                r["item"]
                for r in visits.rectification_orders(ctx, "P001")
                if r["status"] in ("open", "overdue")
            }
            assert failing == open_items & set(ITEMS)
    finally:
        ctx.close()


def item_of(body: dict[str, Any], key: str) -> cl.Item:
    return next(i for i in cl.template_items(body) if i.key == key)
