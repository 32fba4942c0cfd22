"""The one vocabulary: every key has a label in both catalogues, labels read back to keys."""

from __future__ import annotations

import pytest

from app import i18n
from app.domain import checklist, partners, rectification, targets
from app.domain.vocabulary import (
    LIFECYCLE_EVENT,
    PARTNER_STATUS,
    PARTNER_TYPE,
    VOCABULARIES,
    key_for,
    label,
    transition,
)


@pytest.fixture
def zh():
    i18n.set_language("zh_CN")
    yield
    i18n.set_language("en")


def test_domain_enumerations_are_all_in_the_vocabulary() -> None:
    assert set(PARTNER_STATUS.keys) == set(partners.PARTNER_STATUSES)
    assert set(PARTNER_TYPE.keys) == set(partners.PARTNER_TYPES)
    assert set(LIFECYCLE_EVENT.keys) == set(partners.LIFECYCLE_KINDS)
    assert set(rectification.OPEN_STATES) <= set(VOCABULARIES["rectification_status"].keys)
    assert set(checklist.KINDS) == set(VOCABULARIES["checklist_kind"].keys)
    assert set(targets.AGING_BUCKETS) == set(VOCABULARIES["aging_bucket"].keys)


def test_every_label_is_translated_into_chinese(zh) -> None:
    for vocab in VOCABULARIES.values():
        for key in vocab.keys:
            text = vocab.label(key)
            assert text != vocab.english(key) or key in ("A", "B", "C", "D"), (vocab.name, key)
            assert any("\u4e00" <= ch <= "\u9fff" or ch in "%‰" for ch in text), (
                vocab.name,
                key,
                text,
            )


def test_labels_follow_the_current_language(zh) -> None:
    assert label("partner_status", "suspended") == "暂停"
    assert PARTNER_TYPE.label("franchise") == "加盟店"
    assert transition("partner_status", "active", "suspended") == "正常 → 暂停"
    i18n.set_language("en")
    assert label("partner_status", "suspended") == "Suspended"


def test_unknown_key_is_shown_as_it_is() -> None:
    assert PARTNER_STATUS.label("archived") == "archived"
    assert PARTNER_STATUS.label(None) == ""


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_labels_read_back_in_either_language(lang: str) -> None:
    i18n.set_language(lang)
    try:
        for vocab in VOCABULARIES.values():
            for key in vocab.keys:
                assert vocab.key_for(key) == key
                assert vocab.key_for(vocab.english(key)) == key
                assert vocab.key_for(i18n.translate_in("zh_CN", *vocab.entries[key])) == key
    finally:
        i18n.set_language("en")
    assert key_for("partner_type", " 加盟店 ") == "franchise"
    assert key_for("partner_type", "FRANCHISE STORE") == "franchise"
    assert key_for("partner_status", "暂停") == "suspended"
    assert key_for("partner_status", "nonsense") is None
    assert key_for("partner_status", "") is None


def test_labels_are_unique_within_a_vocabulary(zh) -> None:
    for vocab in VOCABULARIES.values():
        labels = [vocab.label(k) for k in vocab.keys]
        assert len(set(labels)) == len(labels), vocab.name


def test_checklist_errors_name_the_item_by_its_label(zh) -> None:  # type: ignore[no-untyped-def]
    from app.domain import checklist as cl
    from app.services.reference_data import builtin_templates

    body = next(t for t in builtin_templates() if t["name"] == "store_inspection")
    item = next(i for i in cl.template_items(body) if i.key == "stock_units")
    with pytest.raises(cl.AnswerError) as info:
        cl.parse_answer(item, "很多")
    assert item.label in str(info.value) and "stock_units" not in str(info.value)


def test_rule_messages_name_states_and_events_in_words(zh) -> None:  # type: ignore[no-untyped-def]
    from app.domain.partners import lifecycle_problem, validate_partner_fields
    from app.domain.rectification import transition_problem

    refused = lifecycle_problem("resume", "active") or ""
    assert "正常" in refused and "恢复" in refused and "active" not in refused
    message = transition_problem("verified", "open", None) or ""
    assert "verified" not in message and "已复查通过" in message
    problems = validate_partner_fields({"type": "kiosk"})
    assert problems and "加盟店" in problems[0].message and "franchise" not in problems[0].message


def test_every_synced_record_kind_and_duty_rule_has_words() -> None:
    from app.domain.duties import DEFAULT_RULES
    from app.domain.vocabulary_records import DUTY_RULE, RECORD_ENTITY
    from app.sync.schema import DOWN_ENTITIES
    from db.models import SYNC_TABLES

    assert {*SYNC_TABLES, *DOWN_ENTITIES, "dev_record"} <= set(RECORD_ENTITY.keys)
    assert set(DUTY_RULE.keys) == set(DEFAULT_RULES)


def test_the_partner_vocabularies_list_the_domain_values_in_order() -> None:
    """The Partners section's filters list grades, statuses and types from the vocabulary
    (the window paints before the partner rules are imported): the same values, in the
    same order, as the domain's."""
    from app.domain import partners, vocabulary

    assert vocabulary.GRADE.keys == partners.GRADES
    assert vocabulary.PARTNER_STATUS.keys == partners.PARTNER_STATUSES
    assert vocabulary.PARTNER_TYPE.keys == partners.PARTNER_TYPES
