"""The command line's text for people (``app.cli.people``, ``hq conflicts``): Chinese words
and local times under zh_CN, the machine form kept in English."""

from __future__ import annotations

from app import i18n
from app.cli.hq import conflict_line
from app.cli.people import item_line

CONFLICT = {
    "entity": "partner",
    "record_id": "r1",
    "field": "status",
    "winner_value": "suspended",
    "loser_value": "active",
}


def test_conflicts_and_items_in_chinese() -> None:
    assert conflict_line(CONFLICT) == "partner r1 status: kept 'suspended', lost 'active'"
    assert item_line("signage", "门头招牌", "Yes") == "  [signage] 门头招牌: Yes"
    i18n.set_language("zh_CN")
    try:
        assert conflict_line(CONFLICT) == "渠道 r1，状态：保留 暂停，舍弃 正常"
        assert item_line("signage", "门头招牌", "是") == "  门头招牌：是"
    finally:
        i18n.set_language("en")
