"""The column-wise format checks (``app.sync.formats``) accept exactly what the
value-by-value patterns accept, whatever is inserted, removed or replaced in the
values (newlines that would split one value into two, dashes and colons out of place,
upper case, non-ASCII digits)."""

from __future__ import annotations

import re
import uuid

from hypothesis import given, settings
from hypothesis import strategies as st

from app.sync.formats import all_hlcs_of, all_uuids

NODE = "0190d6a8-0000-7000-8000-00000000000d"
UUID_ONE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
HLC_ONE = re.compile(r"[0-9]{15}:[0-9]{6}:" + re.escape(NODE))
PIECES = ["\n", "-", ":", "A", "g", "0", "f", "٣", " ", NODE, "\n" + NODE, ":" + NODE + "\n"]


def _mutate(value: str, where: int, how: str, piece: str) -> str:
    at = where % (len(value) + 1)
    if how == "insert":
        return value[:at] + piece + value[at:]
    if how == "delete":
        return value[:at] + value[at + len(piece) :]
    return value[:at] + piece + value[at + len(piece) :]


_CHANGES = st.lists(
    st.tuples(
        st.integers(0, 20),
        st.integers(0, 200),
        st.sampled_from(["insert", "delete", "replace"]),
        st.sampled_from(PIECES),
    ),
    max_size=3,
)


@settings(max_examples=400, deadline=None)
@given(st.integers(0, 20), _CHANGES)
def test_uuids_as_the_pattern_sees_them(count: int, changes: list) -> None:
    values = [str(uuid.UUID(int=(i * 7919) << 64 | i)) for i in range(count)]
    for index, where, how, piece in changes:
        if values:
            i = index % len(values)
            values[i] = _mutate(values[i], where, how, piece)
    assert all_uuids(values) == all(UUID_ONE.fullmatch(v) for v in values), values


@settings(max_examples=400, deadline=None)
@given(st.integers(0, 20), _CHANGES)
def test_hlcs_as_the_pattern_sees_them(count: int, changes: list) -> None:
    values = [f"{1_796_663_424_766 + i:015d}:{i:06d}:{NODE}" for i in range(count)]
    for index, where, how, piece in changes:
        if values:
            i = index % len(values)
            values[i] = _mutate(values[i], where, how, piece)
    assert all_hlcs_of(values, NODE) == all(HLC_ONE.fullmatch(v) for v in values), values


def test_values_that_are_not_text() -> None:
    assert not all_uuids([str(uuid.uuid4()), 7])
    assert not all_hlcs_of([None], NODE)
    assert all_uuids([]) and all_hlcs_of([], NODE)
    assert not all_hlcs_of([f"{0:015d}:{0:06d}:a:b"], "a:b")
