"""Pure merge rules: per-field LWW, concurrent edits kept as conflicts, tombstones win."""

from __future__ import annotations

from app.sync.merge import merge_fields

A1, A2 = "000000000001000:000000:dev-a", "000000000003000:000000:dev-a"
B1 = "000000000002000:000000:dev-b"


def test_newer_field_wins_and_concurrent_loser_is_kept() -> None:
    current = {"name": "甲", "address": "旧址"}
    merged = merge_fields(
        current,
        {"name": A1, "address": A1},
        A1,
        False,
        {"name": "甲", "address": "乙地址"},
        {"name": A1, "address": B1},
        B1,
        None,
        "upsert",
    )
    assert merged.data["address"] == "乙地址" and merged.field_hlc["address"] == B1
    assert [(c.field, c.winner_value, c.loser_value) for c in merged.conflicts] == [
        ("address", "乙地址", "旧址")
    ]
    # a's edit made before B1 but after the card b had seen (A1): concurrent, kept
    a_mid = "000000000001500:000000:dev-a"
    older = merge_fields(
        merged.data,
        merged.field_hlc,
        B1,
        False,
        {"name": "甲", "address": "甲地址"},
        {"name": A1, "address": a_mid},
        a_mid,
        None,
        "upsert",
    )
    assert older.data["address"] == "乙地址"
    assert [(c.field, c.loser_value) for c in older.conflicts] == [("address", "甲地址")]


def test_an_older_write_the_current_writer_had_seen_is_no_conflict() -> None:
    """b saw a's card at A1 and edited the address; a's card at A1 arriving after that
    (HQ got b's bundle first) is what b started from, not a concurrent edit."""
    b_edit = merge_fields(
        None,
        {},
        "",
        False,
        {"name": "甲", "address": "乙地址"},
        {"name": A1, "address": B1},
        B1,
        A1,
        "upsert",
    )
    late = merge_fields(
        b_edit.data,
        b_edit.field_hlc,
        B1,
        False,
        {"name": "甲", "address": "旧址"},
        {"name": A1, "address": A1},
        A1,
        None,
        "upsert",
    )
    assert late.data == {"name": "甲", "address": "乙地址"} and late.conflicts == []


def test_sequential_edits_of_one_device_are_not_conflicts() -> None:
    merged = merge_fields(
        {"name": "x"}, {"name": A1}, A1, False, {"name": "y"}, {"name": A2}, A2, A1, "upsert"
    )
    assert merged.data["name"] == "y" and merged.conflicts == []


def test_tombstone_wins_over_edit_and_the_edit_is_recorded() -> None:
    voided = merge_fields({"name": "x"}, {"name": B1}, B1, False, {"name": "x"}, {}, A2, A1, "void")
    assert voided.voided and [c.field for c in voided.conflicts] == ["name"]
    edit_after = merge_fields(
        {"name": "x"}, {"name": A2}, A2, True, {"name": "edited"}, {"name": B1}, B1, None, "upsert"
    )
    assert edit_after.voided and edit_after.data["name"] == "x"
    assert edit_after.conflicts[0].loser_value == "edited"


def test_a_devices_own_void_and_edit_never_conflict_in_either_order() -> None:
    """One device edits, then voids: whichever HQ receives first, no conflict (its clock
    orders its own changes); the tombstone stays."""
    void_first = merge_fields(
        {"name": "x"}, {"name": A2}, A2, True, {"name": "edited"}, {"name": A1}, A1, None, "upsert"
    )
    assert void_first.voided and void_first.data["name"] == "x" and void_first.conflicts == []
    edit_first = merge_fields(
        {"name": "edited"}, {"name": A1}, A1, False, {"name": "edited"}, {}, A2, None, "void"
    )
    assert edit_first.voided and edit_first.conflicts == []


def test_merge_is_order_independent_for_two_devices() -> None:
    base = {"name": "n", "address": "a"}
    fh = {"name": A1, "address": A1}
    edit_b = ({"name": "n", "address": "b-addr"}, {"name": A1, "address": B1}, B1)
    edit_a = ({"name": "a-name", "address": "a"}, {"name": A2, "address": A1}, A2)
    first = merge_fields(base, fh, A1, False, *edit_b, None, "upsert")
    first = merge_fields(first.data, first.field_hlc, first.hlc, False, *edit_a, None, "upsert")
    second = merge_fields(base, fh, A1, False, *edit_a, None, "upsert")
    second = merge_fields(second.data, second.field_hlc, second.hlc, False, *edit_b, None, "upsert")
    assert first.data == second.data == {"name": "a-name", "address": "b-addr"}
