"""A down-bundle that permutes partner codes (HQ swapped two partners' codes through a
temporary one) applies on the laptop whole: before the fix the second update met the
unique key on ``partner.code`` and ``sync import`` crashed (exit 3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import ValidationError
from app.hq.partners import set_partner_fields
from app.hq.server import Hq
from app.services import partner_io
from app.services.sync import export_bundle
from app.services.sync_down import import_hq_bundle
from tests.unit.services.test_sync import make_laptop


@pytest.fixture
def hq(tmp_path: Path):  # type: ignore[no-untyped-def]
    (tmp_path / "hq").mkdir()
    server = Hq(f"sqlite:///{tmp_path / 'hq' / 'hq.sqlite'}", tmp_path / "hq")
    server.init()
    yield server
    server.close()


def _codes(ctx) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return dict(ctx.read_sql("SELECT name, code FROM partner ORDER BY name"))


def test_swapped_and_rotated_codes_apply_whole(hq: Hq, tmp_path: Path) -> None:
    laptop = make_laptop(tmp_path, "a", hq)
    path = tmp_path / "p.csv"
    path.write_text(
        "code,name,grade,region\nS1,甲,B,310104\nS2,乙,C,310104\nS3,丙,C,310104\n",
        encoding="utf-8",
    )
    partner_io.import_partners(laptop, path)
    assert hq.ingest(export_bundle(laptop, tmp_path / "a1.cdsync").path, tmp_path).status == (
        "accepted"
    )
    import_hq_bundle(laptop, hq.publish(laptop.device_id, tmp_path / "d1.cdsync", {}))
    ids = dict(laptop.read_sql("SELECT code, id FROM partner"))

    # HQ itself refuses a code another partner holds: a swap goes through a free code
    with pytest.raises(ValidationError):
        set_partner_fields(hq, ids["S1"], {"code": "S2"})
    set_partner_fields(hq, ids["S1"], {"code": "TMP"})
    set_partner_fields(hq, ids["S2"], {"code": "S1"})
    set_partner_fields(hq, ids["S1"], {"code": "S2"})
    import_hq_bundle(laptop, hq.publish(laptop.device_id, tmp_path / "d2.cdsync", {}))
    assert _codes(laptop) == {"甲": "S2", "乙": "S1", "丙": "S3"}

    # a rotation of three in one bundle
    set_partner_fields(hq, ids["S1"], {"code": "TMP"})  # 甲 (S2)
    set_partner_fields(hq, ids["S3"], {"code": "S2"})  # 丙 takes 甲's
    set_partner_fields(hq, ids["S2"], {"code": "S3"})  # 乙 (S1) takes 丙's
    set_partner_fields(hq, ids["S1"], {"code": "S1"})  # 甲 takes 乙's
    import_hq_bundle(laptop, hq.publish(laptop.device_id, tmp_path / "d3.cdsync", {}))
    assert _codes(laptop) == {"甲": "S1", "乙": "S3", "丙": "S2"}
    laptop.close()
