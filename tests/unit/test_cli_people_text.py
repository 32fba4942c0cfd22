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


def test_argparse_words_are_argparse_messages_and_translated() -> None:
    import argparse
    import inspect

    from app.cli.argparse_words import MESSAGES

    source = inspect.getsource(argparse)
    assert [m for m in MESSAGES if f"_({m!r})" not in source] == []  # argparse's own msgids
    i18n.set_language("zh_CN")
    try:
        assert all(i18n.tr("argparse", m) != m for m in MESSAGES)
    finally:
        i18n.set_language("en")


def test_check_problems_for_people() -> None:
    from app.cli.people import problem_text

    sha = "ab" * 32
    problems = [
        "database: integrity_check: *** in database main ***",
        "database: broken reference in visit_answer row 7 to visit",
        "migrations: database at 0009, expected 0011",
        f"media {sha}: missing",
        f"media {sha}: hash mismatch",
    ]
    assert [problem_text(p) for p in problems] == problems  # English: the lines --json has
    i18n.set_language("zh_CN")
    try:
        shown = [problem_text(p) for p in problems]
    finally:
        i18n.set_language("en")
    assert shown == [
        "数据库已损坏（完整性检查）：*** in database main ***",
        "一条检查项答案记录（7）引用了不存在的巡检记录。",
        "数据库结构版本为 0009，本程序需要 0011。",
        f"照片或文件 {sha} 不在媒体文件夹中。",
        f"照片或文件 {sha} 与其哈希不符（已被改动或损坏）。",
    ]
