"""Training of partners' staff and promotions (issue 20, item 7): a training is planned,
then held with attendees, materials and a photo (which syncs); a promotion's required
materials appear in the visit checklist of its partners while it runs, not elsewhere."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.errors import NotFoundError, ValidationError
from app.services import training, visits
from tests.conftest import EXIF_DIR
from tests.unit.services.test_duties_log import seeded  # noqa: F401  (fixture)


def test_training_planned_then_held(seeded) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    tid = training.plan_training(seeded, "P001", "5G套餐话术", dt.date.today(), trainer="王老师").id
    row = training.list_trainings(seeded, "P001")[0]
    assert (row.status, row.topic, row.trainer) == ("planned", "5G套餐话术", "王老师")
    with pytest.raises(ValidationError):
        training.record_training(seeded, tid, [" "])
    training.record_training(
        seeded, tid, ["张三", "李四"], materials="培训手册", photo=EXIF_DIR / "Landscape_1.jpg"
    )
    row = training.list_trainings(seeded)[0]
    assert (
        row.status == "held"
        and row.attendees == ["张三", "李四"]
        and row.photo_sha256
        and row.held_on == dt.date.today()
    )
    with pytest.raises(NotFoundError):
        training.plan_training(seeded, "NOPE", "x", dt.date.today())
    with pytest.raises(ValidationError):
        training.plan_training(seeded, "P001", " ", dt.date.today())


def test_promotion_materials_in_the_visit_checklist(seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    today = dt.date.today()
    pid = training.add_promotion(
        seeded,
        "春节充值送礼",
        today - dt.timedelta(days=1),
        today + dt.timedelta(days=10),
        ["P001"],
        ["海报", "台卡"],
    ).id
    training.add_promotion(
        seeded,
        "已结束的活动",
        today - dt.timedelta(days=30),
        today - dt.timedelta(days=2),
        ["P001"],
        ["旧海报"],
    )
    assert [p.name for p in training.list_promotions(seeded, running_on=today)] == ["春节充值送礼"]
    with pytest.raises(ValidationError):
        training.add_promotion(seeded, "x", today, today - dt.timedelta(days=1), ["P001"], [])
    with pytest.raises(NotFoundError):
        training.add_promotion(seeded, "x", today, today, ["NOPE"], [])
    visit = visits.new_visit(seeded, "P001")
    items = {i["key"]: i["label"] for sec in _body(seeded, visit)["sections"] for i in sec["items"]}
    promo = {k: v for k, v in items.items() if k.startswith("promo:")}
    assert promo == {
        f"promo:{pid}:0": "春节充值送礼: 海报 shown",
        f"promo:{pid}:1": "春节充值送礼: 台卡 shown",
    }
    visits.answer(seeded, visit, f"promo:{pid}:0", "no")
    other = visits.new_visit(seeded, "P002")
    assert not any(
        i["key"].startswith("promo:")
        for sec in _body(seeded, other)["sections"]
        for i in sec["items"]
    )


def _body(ctx, visit_id: str) -> dict:  # type: ignore[no-untyped-def, type-arg]
    from db.models import Visit

    with ctx.read_session() as s:
        return s.get(Visit, visit_id).template_body
