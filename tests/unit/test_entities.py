"""The entity names a ``Changes`` may carry are exactly the laptop's tables (plus the few
non-table names), and an unknown name fails where it is made."""

from __future__ import annotations

import pytest

from app.entities import ENTITIES
from app.services.context import Changes


def test_every_table_is_an_entity_name_and_every_other_name_is_listed() -> None:
    from db.base import Base
    from db.hq.models import HqBase
    from db.models import SYNC_TABLES  # noqa: F401  (registers every model)

    tables = set(Base.metadata.tables) | set(HqBase.metadata.tables)
    assert tables <= ENTITIES, f"add {sorted(tables - ENTITIES)} to app/entities.py"
    assert ENTITIES - tables == {"demo", "settings"}


def test_an_unknown_name_is_refused_when_made_and_when_listened_for() -> None:
    with pytest.raises(ValueError, match="invoices"):
        Changes.of("invoices")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="payments"):
        Changes.of("partner").touches("payments")  # type: ignore[arg-type]


def test_the_initiator_travels_with_the_change_but_not_into_equality() -> None:
    view = object()
    marked = Changes.of("visit", ids={"v1"}).from_initiator(view)
    assert marked.echoes(view) and not marked.echoes(object())
    assert marked == Changes.of("visit", ids={"v1"})
    assert (marked | Changes.of("finding")).initiator is view
