"""HQ's column-wise check of record envelopes (``app.hq.validation.plain_envelopes``):
it passes only what the record-by-record check (``validate_record``) passes, so any
envelope it does not recognise goes to the check that names the fault."""

from __future__ import annotations

from typing import Any

import pytest

from app.hq.validation import plain_envelopes
from app.sync.record_codec import validate_record

NODE = "0190d6a8-0000-7000-8000-00000000000d"
OTHER = "0190d6a8-0000-7000-8000-00000000000e"


def _row(i: int) -> dict[str, Any]:
    return {
        "id": f"0190d6a8-0000-7000-8000-{i:012d}",
        "hlc": f"001796663424766:{i:06d}:{NODE}",
        "op": "upsert",
        "base_hlc": None,
        "data": {"name": "x"},
    }


def test_usual_records_give_their_ids() -> None:
    rows = [_row(i) for i in range(3)]
    assert plain_envelopes(rows, NODE) == [r["id"] for r in rows]
    assert plain_envelopes([], NODE) == []
    assert all(validate_record("partner", r, NODE) is None for r in rows)


MUTATIONS = {
    "upper-case id": lambda r: r.update(id=r["id"].upper()),
    "id of two ids": lambda r: r.update(id=r["id"] + "\n" + r["id"]),
    "id a number": lambda r: r.update(id=7),
    "hlc of another device": lambda r: r.update(hlc=r["hlc"].replace(NODE, OTHER)),
    "hlc of two hlcs": lambda r: r.update(hlc=f"{r['hlc']}\n{r['hlc']}"),
    "hlc not text": lambda r: r.update(hlc=None),
    "short hlc": lambda r: r.update(hlc="1:2:" + NODE),
    "a base hlc": lambda r: r.update(base_hlc=r["hlc"]),
    "op delete": lambda r: r.update(op="delete"),
    "op a list": lambda r: r.update(op=["upsert"]),
    "data a list": lambda r: r.update(data=[]),
    "data with field_hlc": lambda r: r["data"].update(field_hlc={}),
    "an extra key": lambda r: r.update(extra=1),
    "a key missing": lambda r: r.pop("base_hlc"),
    "a key renamed": lambda r: r.update(ID=r.pop("base_hlc")),
}


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_any_other_envelope_goes_record_by_record(name: str) -> None:
    rows = [_row(i) for i in range(3)]
    MUTATIONS[name](rows[1])
    assert plain_envelopes(rows, NODE) is None
    assert plain_envelopes(["not a record"], NODE) is None


def test_the_accepted_ids_reach_the_apply_as_a_result_not_on_the_bundle() -> None:
    """Issue 17: the validation wrote the ids it accepted into the bundle
    (``bundle.ids = …``) beside returning them; the bundle, read from the file, carries
    only what the file holds."""
    import dataclasses

    from app.sync.bundle import Bundle

    assert "ids" not in {f.name for f in dataclasses.fields(Bundle)}
