"""Targets a manager decomposed on the laptop go up in bundles (issue 19): HQ keeps them
as the manager's beside its own, never publishes them back, and refuses a device's
record that claims to be HQ's (by source or by HQ's id). SQLite and PostgreSQL."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from app.hq import authoring, company_targets
from app.hq.server import Hq
from app.services.decomposition import decompose_region_target
from app.services.sync import export_bundle
from app.services.sync_down import import_hq_bundle
from tests.unit.services import test_sync
from tests.unit.services.test_sync import _resign, _rewrite, make_laptop, seed

pg_url, hq_url, hq = (
    test_sync.pg_url,
    test_sync.hq_url,
    test_sync.hq,
)  # the HQ fixtures, on SQLite and PostgreSQL


def _records(bundle: Path, entity: str) -> list[dict]:  # type: ignore[type-arg]
    with zipfile.ZipFile(bundle) as z:
        name = f"records/{entity}.jsonl"
        if name not in z.namelist():
            return []
        return [json.loads(line) for line in z.read(name).decode().splitlines() if line]


def test_local_decomposition_goes_up_and_hqs_targets_stay_hqs(hq: Hq, tmp_path: Path) -> None:
    ctx = make_laptop(tmp_path, "lap", hq)
    seed(ctx, tmp_path)
    # HQ publishes a sales-volume target of P001 for 2031-01 (HQ-owned on the laptop)
    first = export_bundle(ctx, tmp_path / "b0.cdsync")
    assert hq.ingest(first.path, tmp_path).status == "accepted"
    table = [["metric", "period", "scope_kind", "scope", "amount"]]
    table.append(["sales_volume", "2031-01", "partner", "P001", "5"])
    company_targets.import_targets(hq, table, "t.csv")
    down = hq.publish(ctx.device_id, tmp_path / "down.cdhq", authoring.reference_for_publish(hq))
    import_hq_bundle(ctx, down)
    # the manager decomposes the sales volume of 2030 for the district 310104
    decompose_region_target(ctx, "sales_volume", 2030, "310104", 120)
    bundle = export_bundle(ctx, tmp_path / "b1.cdsync").path
    sent = _records(bundle, "target")
    assert sent and all(r["data"]["source"] == "local" for r in sent)
    assert {r["data"]["period"] for r in sent} >= {"2030", "2030-Q1", "2030-01"}
    assert not any(r["data"]["period"] == "2031-01" for r in sent)  # HQ's stays home
    region_year = next(r for r in sent if r["data"]["period"] == "2030")
    assert region_year["data"]["scope"] == "310104" and region_year["data"]["amount"] == 120
    assert hq.ingest(bundle, tmp_path).status == "accepted"
    mine = company_targets.manager_targets(hq)
    assert len(mine) == len(sent) and {r["user"] for r in mine} == {"lap"}
    partner_months = [r for r in mine if r["scope_kind"] == "partner" and r["period"] == "2030-03"]
    month = next(r for r in mine if r["scope_kind"] == "region" and r["period"] == "2030-03")
    assert sum(r["amount"] for r in partner_months) == month["amount"]
    assert [(r["period"], r["scope"]) for r in company_targets.hq_targets(hq)] == [
        ("2031-01", "P001")
    ]
    again = hq.publish(ctx.device_id, tmp_path / "down2.cdhq", authoring.reference_for_publish(hq))
    assert [r["data"]["scope"] for r in _records(again, "target")] == ["P001"]
    ctx.close()


def test_a_device_cannot_send_hqs_targets(hq: Hq, tmp_path: Path) -> None:
    ctx = make_laptop(tmp_path, "lap", hq)
    seed(ctx, tmp_path)
    decompose_region_target(ctx, "sales_volume", 2030, "310104", 12)
    good = export_bundle(ctx, tmp_path / "good.cdsync").path
    company_targets.import_targets(
        hq,
        [
            ["metric", "period", "scope_kind", "scope", "amount"],
            ["sales_volume", "2030", "region", "3101", "9"],
        ],
        "t.csv",
    )
    hq_id = authoring.stable_id("target", "sales_volume", "2030", "region", "3101")
    before = hq.stats()

    def mutate(change):  # type: ignore[no-untyped-def]
        def run(entries):  # type: ignore[no-untyped-def]
            out = []
            manifest = json.loads(next(d for i, d in entries if i.filename == "manifest.json"))
            for info, data in entries:
                if info.filename == "records/target.jsonl":
                    lines = [json.loads(x) for x in data.decode().splitlines() if x]
                    change(lines[0])
                    data = "".join(
                        json.dumps(x, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
                        + "\n"
                        for x in lines
                    ).encode()
                    import hashlib

                    for f in manifest["files"]:
                        if f["path"] == info.filename:
                            f["size"], f["sha256"] = len(data), hashlib.sha256(data).hexdigest()
                out.append((info, data))
            body = json.dumps(manifest, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            out = [(i, body.encode() if i.filename == "manifest.json" else d) for i, d in out]
            return _resign(ctx, out)

        return run

    cases = {
        "marked": lambda r: r["data"].update(source="hq"),
        "hqs_id": lambda r: r.update(id=hq_id),
        "period": lambda r: r["data"].update(period="2030-13"),
    }
    for name, change in cases.items():
        bad = _rewrite(good, tmp_path / f"{name}.cdsync", mutate(change))
        result = hq.ingest(bad, tmp_path)
        assert result.status == "rejected", name
        assert "target" in result.reason and "Traceback" not in result.reason
    assert hq.stats() == before
    assert hq.ingest(good, tmp_path).status == "accepted"
    ctx.close()


def test_targets_decomposed_before_this_build_go_up_once(hq: Hq, tmp_path: Path) -> None:
    """Migration 0011: a manager's target stamped before HQ's last acknowledgement (made
    when targets did not sync) is stamped afresh, so the next export sends it; HQ's stay."""
    import importlib.util

    from sqlalchemy import text

    from app.services.sync import apply_ack

    ctx = make_laptop(tmp_path, "lap", hq)
    seed(ctx, tmp_path)
    first = export_bundle(ctx, tmp_path / "b1.cdsync")
    result = hq.ingest(first.path, tmp_path)
    apply_ack(ctx, result.ack_path)
    with ctx.session() as s:  # as an older build left them: below what HQ acknowledged
        for period, source in (("2029", "local"), ("2029-01", "hq")):
            s.execute(
                text(
                    "INSERT INTO target (id, hlc, created_at, updated_at, voided, metric, period,"
                    " scope_kind, scope, amount, overridden, source) VALUES (:id, :hlc,"
                    " '2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000', 0,"
                    " 'sales_volume', :period, 'region', '3101', 5, 0, :source)"
                ),
                {
                    "id": f"0190a000-0000-7000-8000-00000000000{len(period)}",
                    "hlc": f"000000000000001:000000:{ctx.device_id}",
                    "period": period,
                    "source": source,
                },
            )
    assert export_bundle(ctx, tmp_path / "b2.cdsync").counts == {}  # the old target is stuck
    path = Path("db/migrations/versions/0011_local_targets_go_up.py")
    spec = importlib.util.spec_from_file_location("m0011", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with ctx.session() as s:
        assert module.restamp_local_targets(s.connection()) == 1
    ctx.close()
    ctx = test_sync.open_context(tmp_path / "lap")
    resent = export_bundle(ctx, tmp_path / "b3.cdsync")
    assert resent.counts == {"target": 1}
    assert [r["data"]["period"] for r in _records(resent.path, "target")] == ["2029"]
    ctx.close()
