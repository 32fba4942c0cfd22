"""Pure rules: checklist scoring (weights, N-A), answer parsing, frequency compliance
across month and ISO-week boundaries, rectification state machine, sealing hash."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import checklist as cl
from app.domain import compliance as comp
from app.domain.rectification import effective_status, transition_problem
from app.domain.sealing import visit_content_hash
from app.paths import resource_path

TEMPLATE = {
    "name": "t",
    "sections": [
        {
            "key": "a",
            "title": "A",
            "items": [
                {
                    "key": "y1",
                    "label": "Y1",
                    "kind": "yesno",
                    "required": True,
                    "weight": 2,
                    "fail_if": "no",
                },
                {
                    "key": "s1",
                    "label": "S1",
                    "kind": "score",
                    "required": True,
                    "weight": 3,
                    "max": 5,
                },
            ],
        },
        {
            "key": "b",
            "title": "B",
            "items": [
                {
                    "key": "bad",
                    "label": "Bad",
                    "kind": "yesno",
                    "required": False,
                    "weight": 5,
                    "fail_if": "yes",
                    "pass_value": "no",
                },
                {
                    "key": "c",
                    "label": "C",
                    "kind": "choice",
                    "required": False,
                    "weight": 0,
                    "options": ["x", "y"],
                },
            ],
        },
    ],
}


def test_score_is_weighted_share_with_na_excluded() -> None:
    score = cl.score(TEMPLATE, {"y1": "yes", "s1": 4, "bad": "na"})
    assert score.total == pytest.approx(100 * (2 + 3 * 4 / 5) / 5, abs=0.05)
    assert score.sections["b"] is None
    assert cl.score(TEMPLATE, {"y1": "no", "s1": 0, "bad": "yes"}).total == 0
    assert cl.score(TEMPLATE, {}).total is None


@given(
    st.sampled_from(["yes", "no", "na"]), st.integers(0, 5), st.sampled_from(["yes", "no", "na"])
)
def test_score_always_between_0_and_100(y: str, s: int, bad: str) -> None:
    total = cl.score(TEMPLATE, {"y1": y, "s1": s, "bad": bad}).total
    assert total is not None and 0 <= total <= 100


def test_answer_parsing_refuses_wrong_types() -> None:
    items = {i.key: i for i in cl.template_items(TEMPLATE)}
    assert cl.parse_answer(items["y1"], "YES") == "yes"
    assert cl.parse_answer(items["s1"], "5") == 5
    assert cl.parse_answer(items["c"], "y") == "y"
    for key, value in (("y1", "maybe"), ("s1", "6"), ("s1", "abc"), ("c", "z")):
        with pytest.raises(cl.AnswerError):
            cl.parse_answer(items[key], value)


def test_failures_become_findings() -> None:
    items = {i.key: i for i in cl.template_items(TEMPLATE)}
    assert cl.is_failure(items["y1"], "no") and not cl.is_failure(items["y1"], "yes")
    assert cl.is_failure(items["bad"], "yes") and not cl.is_failure(items["bad"], "na")
    assert [i.key for i in cl.missing_required(TEMPLATE, {"y1": "yes"})] == ["s1"]


def test_shipped_templates_are_valid() -> None:
    for path in resource_path("checklists").glob("*.json"):
        assert cl.validate_template(json.loads(path.read_text(encoding="utf-8"))) == [], path


def test_weeks_of_month_follow_iso_thursday_rule() -> None:
    assert comp.weeks_of_month("2026-01") == [
        "2026-W01",
        "2026-W02",
        "2026-W03",
        "2026-W04",
        "2026-W05",
    ]
    assert comp.weeks_of_month("2026-12")[-1] == "2026-W53"  # Thursday 31 Dec
    assert comp.weeks_of_month("2027-01")[0] == "2027-W01"
    assert comp.month_bounds("2026-12") == (dt.date(2026, 12, 1), dt.date(2027, 1, 1))


def test_compliance_shortfall_from_rules_as_data() -> None:
    rules = [
        comp.Rule("partner", "A", "month", 5),
        comp.Rule("partner", "C", "month", 2),
        comp.Rule("manager", None, "week", 3),
    ]
    rows = comp.partner_compliance(rules, [("P1", "A"), ("P2", "C")], {"P1": 6, "P2": 1})
    assert [(r.required, r.done, r.shortfall) for r in rows] == [(5, 6, 0), (2, 1, 1)]
    # Sunday (W09) then Mon/Tue/Wed (W10); two visits to P2 in W10 are one channel (seed 001: 3 个渠道)
    days = [
        (dt.date(2026, 3, 1), "P1"),
        (dt.date(2026, 3, 2), "P1"),
        (dt.date(2026, 3, 3), "P2"),
        (dt.date(2026, 3, 4), "P2"),
    ]
    weeks = comp.week_compliance(rules, ["2026-W09", "2026-W10"], days)
    assert [(w.done, w.shortfall) for w in weeks] == [(1, 2), (2, 1)]


def test_rectification_state_machine() -> None:
    deadline = dt.date(2026, 3, 10)
    assert effective_status("open", deadline, dt.date(2026, 3, 10)) == "open"
    assert effective_status("open", deadline, dt.date(2026, 3, 11)) == "overdue"
    assert effective_status("verified", deadline, dt.date(2026, 4, 1)) == "verified"
    assert transition_problem("open", "reported_fixed", None) is None
    assert transition_problem("reported_fixed", "verified", None) is not None
    assert transition_problem("reported_fixed", "verified", "a" * 64) is None
    assert transition_problem("verified", "open", None) is not None


def test_sealing_hash_is_order_independent() -> None:
    head = {"id": "v"}
    photos = [{"sha256": "b", "item_key": None}, {"sha256": "a", "item_key": "x"}]
    findings = [{"item_key": "z", "description": "2"}, {"item_key": "a", "description": "1"}]
    first = visit_content_hash(head, {"b": 1, "a": "yes"}, photos, findings)
    second = visit_content_hash(
        head, {"a": "yes", "b": 1}, list(reversed(photos)), list(reversed(findings))
    )
    assert first == second
    assert first != visit_content_hash(head, {"a": "no", "b": 1}, photos, findings)


def test_number_answers_stay_in_the_item_range() -> None:
    body = {
        "name": "n",
        "sections": [
            {
                "key": "s",
                "items": [
                    {"key": "count", "kind": "number"},
                    {"key": "margin", "kind": "number", "min": -50, "max": 2.5},
                ],
            }
        ],
    }
    items = {i.key: i for i in cl.template_items(body)}
    assert (items["count"].min, items["count"].max) == (
        cl.NUMBER_MIN,
        cl.NUMBER_MAX,
    )  # a count by default
    assert (
        cl.parse_answer(items["count"], "0") == 0
        and cl.parse_answer(items["count"], "1000000") == 1_000_000
    )
    assert (
        cl.parse_answer(items["margin"], "-50") == -50
        and cl.parse_answer(items["margin"], "2.5") == 2.5
    )
    for key, value in (
        ("count", "-5"),
        ("count", "1e29"),
        ("count", "1000001"),
        ("margin", "-50.5"),
        ("margin", "3"),
    ):
        with pytest.raises(cl.AnswerError, match="give a number from"):
            cl.parse_answer(items[key], value)
    with pytest.raises(cl.AnswerError, match="from 0 to 1000000"):
        cl.parse_answer(items["count"], "1e29")
    assert cl.validate_template(body) == []
    bad = {
        "name": "b",
        "sections": [
            {
                "key": "s",
                "items": [
                    {"key": "x", "kind": "number", "min": "zero"},
                    {"key": "y", "kind": "number", "min": 5, "max": 1},
                ],
            }
        ],
    }
    assert cl.validate_template(bad) == [
        "item x: minimum is not a number",
        "item y: min is above max",
    ]
