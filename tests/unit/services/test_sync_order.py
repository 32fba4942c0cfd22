"""Issue 7, order and gaps (Hypothesis): a device's bundles, incremental (each one after
an ack) and re-sent (exported again before the ack), and a second device's edits of the
same cards (one concurrent: a conflict), ingested in any order give the same HQ database
as in order, on SQLite and PostgreSQL. A bundle that arrives before one it
builds on is rejected, and accepted when it is offered again after the gap is filled;
one offered twice is a duplicate. Compared: every record (id, HLC, tombstone, data,
per-field HLCs) and every open conflict."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.hq.server import Hq
from app.services import lifecycle as lifecycle_svc
from app.services import partner_edit, partner_read, partner_records, visits
from app.services.sync import apply_ack, export_bundle
from app.services.sync_down import import_hq_bundle
from db.models import SYNC_TABLES, Contact
from tests import pg
from tests.conftest import EXIF_DIR
from tests.unit.services.test_partners_and_visits import _answer_all
from tests.unit.services.test_sync import make_laptop, pg_url, seed  # noqa: F401  (fixtures)


def _state(server: Hq) -> dict[str, Any]:
    records = {
        e: sorted(
            (
                r.id,
                r.hlc,
                r.voided,
                json.dumps(r.data, sort_keys=True),
                json.dumps(r.field_hlc, sort_keys=True),
            )
            for r in server.records(e)
        )
        for e in sorted(SYNC_TABLES)
    }
    conflicts = sorted(
        json.dumps({k: v for k, v in c.items() if k != "id"}, sort_keys=True, ensure_ascii=False)
        for c in server.conflicts()
    )
    return {"records": records, "conflicts": conflicts}


def _rename(ctx: Any, code: str, name: str) -> None:
    detail = partner_read.partner_detail(ctx, code).partner
    data = partner_edit.input_from_partner(detail)
    data.name = name
    partner_edit.save_partner(ctx, data, detail.id)


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path], dict[str, Any]]:
    """One laptop's bundles, acked by a reference SQLite HQ that ingests them in order:
    b1 partners and a submitted visit; b2 (after b1's ack) a rename, a new visit on a
    partner of b1, a contact; b3 (after b2's ack) the contact voided, a lifecycle event,
    another rename; c1 of device b (which learnt the cards from HQ after b1) a rename of
    the card a renamed in b3 and an address; b4 a rename and b5 exported after it
    without an ack (b5 re-sends b4).
    Returns the folder with the device key, the bundle files and the reference state."""
    tmp = tmp_path_factory.mktemp("history")
    (tmp / "ref").mkdir()
    reference = Hq(f"sqlite:///{tmp / 'ref' / 'hq.sqlite'}", tmp / "ref")
    reference.init()
    ctx = make_laptop(tmp, "lap", reference)
    bundles: list[Path] = []

    def export(name: str, ack: bool) -> None:
        path = export_bundle(ctx, tmp / f"{name}.cdsync").path
        bundles.append(path)
        result = reference.ingest(path, tmp / "acks")
        assert result.status == "accepted", result.reason
        if ack:
            apply_ack(ctx, result.ack_path)

    other = make_laptop(tmp, "lapb", reference)
    seed(ctx, tmp)
    export("b1", ack=True)
    import_hq_bundle(other, reference.publish(other.device_id, tmp / "down.cdsync", {}))
    _rename(ctx, "P001", "一号店改名")
    visit = visits.new_visit(ctx, "P002")
    visits.attach_photos(ctx, visit, [EXIF_DIR / "Landscape_3.jpg"])
    _answer_all(ctx, visit, EXIF_DIR / "Landscape_4.jpg")
    visits.submit(ctx, visit)
    partner_records.save_contact(ctx, "P003", "王经理", "13800000000")
    export("b2", ack=True)
    with ctx.session() as s:
        from sqlalchemy import select

        contact = s.scalars(select(Contact.id).where(Contact.name == "王经理")).one()
    partner_records.void_row(ctx, Contact, contact, "离职")
    lifecycle_svc.record_lifecycle_event(ctx, "P002", "suspend", "整顿")
    _rename(ctx, "P003", "三号店新名")
    export("b3", ack=True)
    # device b learnt the cards from HQ after b1; it renames P003 as well (concurrent
    # with a's rename: a conflict) and gives P001 an address (a never touched it)
    _rename(other, "P003", "乙改的三号店")
    detail = partner_read.partner_detail(other, "P001").partner
    data = partner_edit.input_from_partner(detail)
    data.address = "乙方补的地址"
    partner_edit.save_partner(other, data, detail.id)
    bundles.append(export_bundle(other, tmp / "c1.cdsync").path)
    assert reference.ingest(bundles[-1], tmp / "acks").status == "accepted"
    _rename(ctx, "P001", "一号店再改名")
    export("b4", ack=False)
    partner_records.save_contact(ctx, "P001", "李店长", "13900000000")
    export("b5", ack=False)
    ctx.close()
    other.close()
    state = _state(reference)
    assert [c["field"] for c in reference.conflicts()] == ["name"]  # the two renames of P003
    reference.close()
    return tmp, bundles, state


def _offer_until_done(server: Hq, order: list[Path], acks: Path) -> None:
    """Offer the bundles in ``order``; those rejected (a gap: they build on one not yet
    ingested) are offered again after the others, until every one is in."""
    waiting = list(order)
    while waiting:
        later = []
        for path in waiting:
            result = server.ingest(path, acks)
            if result.status == "rejected":
                assert "unknown" in result.reason, (
                    result.reason
                )  # only a reference to what is not there yet
                later.append(path)
            else:
                assert result.status in ("accepted", "duplicate")
        assert len(later) < len(waiting), "no bundle could be ingested"
        waiting = later


def _check_orders(
    url_for: Any, history: tuple[Path, list[Path], dict[str, Any]], data: st.DataObject
) -> None:
    folder, bundles, expected = history
    order = data.draw(st.permutations(bundles), label="order")
    again = data.draw(st.lists(st.sampled_from(bundles), max_size=2), label="offered again")
    work = folder / uuid.uuid4().hex[:10]
    work.mkdir()
    server = Hq(url_for(work), work)
    try:
        server.init()
        for key in ("lap", "lapb"):
            server.register_device(folder / f"{key}.key.json")
        _offer_until_done(server, [*order, *again], work / "acks")
        assert _state(server) == expected
    finally:
        server.close()


@settings(
    max_examples=12,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_any_order_gives_the_same_hq_on_sqlite(
    history: tuple[Path, list[Path], dict[str, Any]], data: st.DataObject
) -> None:
    _check_orders(lambda work: f"sqlite:///{work / 'hq.sqlite'}", history, data)


@settings(
    max_examples=8,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_any_order_gives_the_same_hq_on_postgresql(
    history: tuple[Path, list[Path], dict[str, Any]],
    pg_url: str,  # noqa: F811
    data: st.DataObject,
) -> None:
    _check_orders(
        lambda work: pg.create_database(pg_url, "hq_" + uuid.uuid4().hex[:12]), history, data
    )
