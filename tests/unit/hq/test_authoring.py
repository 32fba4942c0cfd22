"""HQ authoring (issue 19): a checklist template exported, changed and imported becomes
the next version, is published, and a laptop starts new visits with it while older visits
keep theirs; HQ's targets and the ERP's invoices and payments are checked row by row
(nothing stored when one is wrong), published, and show on the laptop (targets as HQ's,
aging and credit warnings from the real figures). SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from app.errors import NotFoundError, ValidationError
from app.hq import authoring, company_targets
from app.hq.receivables import import_receivables, receivables_by_partner
from app.hq.server import Hq
from app.services import receivables as laptop_receivables
from app.services import visits
from app.services.sync import export_bundle
from app.services.sync_down import import_hq_bundle
from app.services.targets import list_targets
from tests.unit.services import test_sync
from tests.unit.services.test_sync import make_laptop, seed

pg_url, hq_url, hq = (
    test_sync.pg_url,
    test_sync.hq_url,
    test_sync.hq,
)  # the HQ fixtures, on SQLite and PostgreSQL


def _laptop_with_partners(hq: Hq, tmp_path: Path):  # type: ignore[no-untyped-def]
    ctx = make_laptop(tmp_path, "lap", hq)
    seed(ctx, tmp_path)
    assert hq.ingest(export_bundle(ctx, tmp_path / "up.cdsync").path, tmp_path).status == "accepted"
    return ctx


def _publish(hq: Hq, ctx, tmp_path: Path, name: str = "down.cdhq") -> None:  # type: ignore[no-untyped-def]
    path = hq.publish(ctx.device_id, tmp_path / name, authoring.reference_for_publish(hq))
    import_hq_bundle(ctx, path)


def test_template_versions_reach_the_laptop(hq: Hq, tmp_path: Path) -> None:
    ctx = _laptop_with_partners(hq, tmp_path)
    old_visit = visits.new_visit(ctx, "P003")
    exported = authoring.export_template(hq, "store_inspection", tmp_path / "t.json")
    body = json.loads(exported.read_text(encoding="utf-8"))
    assert body["version"] == 1 and body["name"] == "store_inspection"
    body["sections"][0]["items"].append(
        {
            "key": "queue_sign",
            "label": "排队指引牌",
            "kind": "yesno",
            "required": False,
            "weight": 1,
        }
    )
    body["version"] = 7  # ignored: the next version of the name is made
    exported.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    assert authoring.import_template(hq, exported).to_json() == {
        "name": "store_inspection",
        "version": 2,
    }
    assert authoring.newest_template(hq, "store_inspection")["is_default"] is True
    again = authoring.export_template(hq, "store_inspection", tmp_path / "t2.json")
    assert json.loads(again.read_text(encoding="utf-8"))["version"] == 2
    _publish(hq, ctx, tmp_path)
    assert ("store_inspection", 2) in [
        (name, version) for name, _title, version in visits.templates(ctx)
    ]
    new_visit = visits.new_visit(ctx, "P003")
    assert visits.visit_detail(ctx, new_visit)["template_version"] == 2
    assert "queue_sign" in [i["key"] for i in visits.visit_detail(ctx, new_visit)["items"]]
    assert visits.visit_detail(ctx, old_visit)["template_version"] == 1  # a visit keeps its version
    with pytest.raises(NotFoundError):
        authoring.export_template(hq, "no_such_template", tmp_path / "x.json")
    ctx.close()


@pytest.mark.parametrize(
    "body, problem",
    [
        ("not json", "it is not JSON text"),
        ([1, 2], "the file does not hold a JSON object"),
        (
            {"name": "", "sections": [{"items": [{"key": "a", "kind": "yesno"}]}]},
            "the template has no name",
        ),
        ({"name": "t", "sections": []}, "the template has no sections"),
        (
            {"name": "t", "sections": [{"items": [{"key": "a", "kind": "colour"}]}]},
            "item a: unknown kind colour",
        ),
        (
            {
                "name": "t",
                "sections": [
                    {"items": [{"key": "a", "kind": "yesno"}, {"key": "a", "kind": "text"}]}
                ],
            },
            "item a: the key is used twice",
        ),
        (
            {"name": "t", "sections": [{"items": [{"key": "a", "kind": "choice"}]}]},
            "item a: a choice needs options",
        ),
        (
            {"name": "t", "sections": [{"items": [{"key": "a", "kind": "score", "weight": -1}]}]},
            "item a: the weight is not a number",
        ),
    ],
)
def test_a_bad_template_file_is_refused_and_nothing_is_stored(
    hq: Hq, tmp_path: Path, body: object, problem: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(body if isinstance(body, str) else json.dumps(body), encoding="utf-8")
    before = authoring.template_versions(hq)
    with pytest.raises(ValidationError) as caught:
        authoring.import_template(hq, path)
    assert problem in caught.value.message
    assert authoring.template_versions(hq) == before


def test_hq_targets_are_checked_published_and_read_only_on_the_laptop(
    hq: Hq, tmp_path: Path
) -> None:
    ctx = _laptop_with_partners(hq, tmp_path)
    year = str(dt.date.today().year)
    table = [
        ["metric", "period", "scope_kind", "scope", "amount"],
        ["revenue", year, "region", "310000", "1200000.50"],
        ["sales_volume", f"{year}-Q1", "partner", "P001", "300"],
    ]
    summary = company_targets.import_targets(hq, table, "t.csv")
    assert summary.to_json() == {"rows": 2, "created": 2, "updated": 0, "unchanged": 0}
    assert company_targets.import_targets(hq, table, "t.csv").to_json()["unchanged"] == 2
    stored = company_targets.hq_targets(hq)
    assert {(t["metric"], t["scope"], t["amount"]) for t in stored} == {
        ("revenue", "31", 120000050),
        ("sales_volume", "P001", 300),
    }
    bad = [
        table[0],
        ["revenue", year, "region", "999999", "1"],
        ["nope", year, "partner", "P001", "1"],
        ["revenue", "2026-13", "partner", "PX", "-1"],
    ]
    with pytest.raises(ValidationError) as caught:
        company_targets.import_targets(hq, bad, "bad.csv")
    assert len(caught.value.details) == 5 and "row 2, column scope" in caught.value.details[0]
    assert company_targets.hq_targets(hq) == stored
    with pytest.raises(ValidationError):
        company_targets.import_targets(hq, [["metric", "period"], ["revenue", year]], "short.csv")
    _publish(hq, ctx, tmp_path)
    rows = {(r.metric, r.scope): r for r in list_targets(ctx, year=year)}
    assert rows[("revenue", "31")].target == 120000050
    ctx.close()


def test_hq_and_the_laptop_word_every_bad_target_row_alike(hq: Hq, tmp_path: Path) -> None:
    """One row check serves both imports (``app.domain.target_rows``): the same file gets
    the same problems at HQ and on the laptop; a region scope that is not a 2/4/6-digit
    code is called that at HQ too (HQ used to call it an unknown region code)."""
    from app.services.targets import import_targets as laptop_import

    ctx = _laptop_with_partners(hq, tmp_path)
    table = [
        ["metric", "period", "scope_kind", "scope", "amount"],
        ["revenue", "2026", "region", "abc", "1"],
        ["revenue", "2026", "region", "3199", "1"],
        ["revenue", "2026", "region", "", "1"],
        ["revenue", "2026-13", "partner", "PX", "1"],
        ["sales_volume", "2026-Q5", "country", "P001", "1.5"],
        ["nope", "26", "partner", "P001", "x"],
        ["revenue", "2026-12", "region", "320100", "1.234"],
        ["revenue", "2026-12", "region", "3201", "1"],
        ["revenue", "2026-12", "region", "320100", "1"],
    ]
    path = tmp_path / "t.csv"
    path.write_text("\n".join(",".join(row) for row in table) + "\n", encoding="utf-8")
    with pytest.raises(ValidationError) as at_hq:
        company_targets.import_targets(hq, table, "t.csv")
    with pytest.raises(ValidationError) as on_laptop:
        laptop_import(ctx, path)
    assert at_hq.value.message == on_laptop.value.message
    assert at_hq.value.details == on_laptop.value.details
    assert at_hq.value.details[:3] == [
        "t.csv, row 2, column scope: not a region code (2, 4 or 6 digits): abc",
        "t.csv, row 3, column scope: unknown region code 3199: no such province, city or district",
        "t.csv, row 4, column scope: not a region code (2, 4 or 6 digits): —",
    ]
    assert at_hq.value.details[-1] == "t.csv, row 10, column scope: duplicate row (also row 9)"
    assert len(at_hq.value.details) == 12
    ctx.close()


def test_receivables_from_the_erp_reach_aging_and_credit_warnings(hq: Hq, tmp_path: Path) -> None:
    ctx = _laptop_with_partners(hq, tmp_path)
    long_ago = (dt.date.today() - dt.timedelta(days=130)).isoformat()  # due 100 days ago
    recent = (dt.date.today() - dt.timedelta(days=5)).isoformat()
    table = [
        ["partner_code", "kind", "date", "amount", "ref"],
        ["P001", "invoice", long_ago, "5000.00", "INV-1"],
        ["P001", "invoice", recent, "3000", "INV-2"],
        ["P001", "payment", recent, "1000", "PAY-1"],
        ["P002", "invoice", recent, "800.5", "INV-3"],
        ["P002", "payment", recent, "800.50", "INV-3"],
    ]
    assert import_receivables(hq, table, "erp.csv").to_json() == {
        "rows": 5,
        "created": 5,
        "updated": 0,
        "unchanged": 0,
    }
    assert import_receivables(hq, table, "erp.csv").to_json()["unchanged"] == 5
    by_partner = {r["partner_code"]: r for r in receivables_by_partner(hq)}
    assert (
        by_partner["P001"]["open_fen"] == 700000 and by_partner["P001"]["90+"] == 400000
    )  # the oldest invoice is paid first
    assert "P002" not in by_partner
    bad = [table[0], ["PX", "invoice", recent, "1", "A"], ["P001", "refund", "yesterday", "0", ""]]
    with pytest.raises(ValidationError) as caught:
        import_receivables(hq, bad, "bad.csv")
    assert len(caught.value.details) == 5
    assert {r["partner_code"]: r["open_fen"] for r in receivables_by_partner(hq)} == {
        "P001": 700000
    }
    _publish(hq, ctx, tmp_path)
    aging = laptop_receivables.aging(ctx)
    assert aging["90+"] == 400000 and sum(aging.values()) == 400000  # INV-2 is not due yet
    _publish(hq, ctx, tmp_path, "again.cdhq")  # published twice: the same figures
    assert laptop_receivables.aging(ctx) == aging
    ctx.close()
