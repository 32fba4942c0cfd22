"""China's administrative divisions (GB/T 2260 style codes) for the region picker,
region-code validation, territories and demo addresses."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from app.paths import resource_path


class Region(NamedTuple):
    """One division (a named tuple: the table holds about 3 300 of them, made at start-up,
    twice as fast as frozen dataclass instances)."""

    code: str
    name: str
    parent: str | None


@dataclass(frozen=True)
class RegionTable:
    provinces: dict[str, Region]
    cities: dict[str, Region]
    districts: dict[str, Region]
    # normalise's answers for the texts seen (an import asks for the same few codes often)
    _normal: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)

    def get(self, code: str) -> Region | None:
        return {2: self.provinces, 4: self.cities, 6: self.districts}.get(len(code), {}).get(code)

    def is_valid(self, code: str) -> bool:
        return self.get(code) is not None

    def full_name(self, code: str) -> str:
        """'上海市 浦东新区' style name; '市辖区' city placeholders are skipped."""
        parts: list[str] = []
        for length in (2, 4, 6):
            if len(code) >= length:
                region = self.get(code[:length])
                if region and region.name not in (
                    "市辖区",
                    "县",
                    "省直辖县级行政区划",
                    "自治区直辖县级行政区划",
                ):
                    parts.append(region.name)
        return " ".join(parts)

    def normalise(self, code: object) -> str | None:
        """The shortest form of a region code, or ``None`` when it names no region.

        Accepts 2-, 4- and 6-digit codes including the official 6-digit forms of provinces
        and cities: ``320000`` → ``32``, ``320100`` → ``3201``, ``320102`` stays."""
        if type(code) is str:
            known = self._normal.get(code, False)
            if known is not False:
                return known  # type: ignore[return-value]
            answer = self._normalise(code)
            if len(self._normal) < 20_000:
                self._normal[code] = answer
            return answer
        return self._normalise(code)

    def _normalise(self, code: object) -> str | None:
        text = str(code or "").strip()
        if not text.isascii() or not text.isdigit() or len(text) not in (2, 4, 6):
            return None
        if len(text) == 6 and text.endswith("0000") and text[:2] in self.provinces:
            return text[:2]
        if len(text) == 6 and text.endswith("00") and text[:4] in self.cities:
            return text[:4]
        if (
            len(text) == 4
            and text.endswith("00")
            and text not in self.cities
            and text[:2] in self.provinces
        ):
            return text[:2]
        return text if self.get(text) is not None else None

    def name(self, code: str | None) -> str:
        """The region's full name (``江苏省 南京市``) in any accepted form; the code itself
        when it names no region, ``""`` for none."""
        if not code:
            return ""
        short = self.normalise(code)
        return (self.full_name(short) or short) if short else str(code)

    def short_name(self, code: str | None) -> str:
        """The most specific name of a region (``南京市``, ``浦东新区``) for charts and chips."""
        full = self.name(code)
        return full.split(" ")[-1] if full else ""

    def cities_of(self, province: str) -> list[Region]:
        return [c for c in self.cities.values() if c.parent == province]

    def districts_of(self, city: str) -> list[Region]:
        return [d for d in self.districts.values() if d.parent == city]

    def districts_within(self, prefixes: list[str]) -> list[Region]:
        if not prefixes:
            return list(self.districts.values())
        return [d for d in self.districts.values() if any(d.code.startswith(p) for p in prefixes)]


@lru_cache(maxsize=1)
def regions() -> RegionTable:
    folder = resource_path("regions")

    def read(name: str, parent_col: str | None) -> dict[str, Region]:
        with (folder / name).open(encoding="utf-8", newline="") as fh:
            rows = csv.reader(fh)  # plain rows: a third of DictReader's time (read at start-up)
            header = next(rows)
            code, label = header.index("code"), header.index("name")
            parent = header.index(parent_col) if parent_col else None
            return {
                row[code]: Region(
                    row[code], row[label], row[parent] if parent is not None else None
                )
                for row in rows
                if row
            }

    return RegionTable(
        read("provinces.csv", None),
        read("cities.csv", "provinceCode"),
        read("areas.csv", "cityCode"),
    )


def in_territory(district_code: str | None, territory: list[str]) -> bool:
    """A partner is inside a territory when its district code starts with one of the codes."""
    if not territory:
        return True
    if not district_code:
        return False
    return any(district_code.startswith(code) for code in territory)
