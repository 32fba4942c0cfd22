"""What HQ authors and publishes besides the records it receives: checklist template
versions (``hq templates export|import``, the console's template editor) and the
visit-frequency rules, with the helpers every HQ-authored record goes through (stable
ids, HQ's own records stored under its device id with fresh HLCs of its clock) and the
reference data of a down-bundle. The company's targets are in ``company_targets``.
Files are read by the caller (``app.services.sheet_read``); this module checks their
rows."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.atomic import Durability, atomic_write
from app.domain import checklist as cl
from app.domain.reference import DEFAULT_FREQUENCY_RULES, builtin_templates
from app.domain.sheet_columns import RowError
from app.entities import Changes
from app.errors import NotFoundError, ValidationError
from app.hq.publish import HQ_BUNDLE
from app.i18n import tr
from db.hq.models import Record

if TYPE_CHECKING:
    from app.hq.server import Hq


def stable_id(*parts: str) -> str:
    from app.hq.publish import stable_id as publish_id

    return publish_id(*parts)


def write_own_records(
    hq: Hq,
    s: Session,
    entity: str,
    rows: list[tuple[str, dict[str, Any]]],
    *,
    voided: bool = False,
) -> None:
    """Store records HQ authored (id, data) with fresh HLCs of HQ's clock; ``voided``
    stores them as tombstones (``hq publish`` sends those as ``void``)."""
    from app.hq.publish import _clock

    clock = _clock(hq, s)
    node = hq.hq_id()
    for rid, data in rows:
        s.merge(
            Record(
                entity=entity,
                id=rid,
                hlc=clock.tick(),
                device_id=node,
                voided=voided,
                data=data,
                field_hlc={},
                bundle_id=HQ_BUNDLE,
            )
        )
    hq._set_meta(s, "hlc_last", str(clock.last) if clock.last else "")


# -- checklist templates ------------------------------------------------------------------
def template_versions(hq: Hq) -> list[dict[str, Any]]:
    """Every template HQ publishes (the builtin ones and HQ's versions): ``id``, ``name``,
    ``version``, ``title``, ``body``, ``is_default``, ``source`` (``builtin`` / ``hq``),
    by name and version."""
    from app.hq.publish import stable_id as publish_id

    rows = {
        (t["name"], int(t.get("version", 1))): {
            "id": publish_id("template", t["name"], str(t.get("version", 1))),
            "name": t["name"],
            "version": int(t.get("version", 1)),
            "title": t.get("title", t["name"]),
            "body": t,
            "is_default": bool(t.get("default")),
            "source": "builtin",
        }
        for t in builtin_templates()
    }
    with hq.sessions() as s:
        for rec in s.scalars(
            select(Record).where(Record.entity == "checklist_template", Record.voided.is_(False))
        ):
            d = rec.data
            rows[(str(d["name"]), int(d["version"]))] = {
                "id": rec.id,
                "name": d["name"],
                "version": int(d["version"]),
                "title": d.get("title", d["name"]),
                "body": d["body"],
                "is_default": bool(d.get("is_default")),
                "source": "hq",
            }
    return [rows[k] for k in sorted(rows)]


def newest_template(hq: Hq, name: str) -> dict[str, Any]:
    found = [t for t in template_versions(hq) if t["name"] == name]
    if not found:
        raise NotFoundError(tr("visits", "No checklist template named {name}.").format(name=name))
    return found[-1]


def export_template(hq: Hq, name: str, target: Path) -> Path:
    """The newest version of template ``name`` as JSON (the body the laptops fill in)."""
    body = dict(newest_template(hq, name)["body"])
    text = json.dumps(body, ensure_ascii=False, indent=2) + "\n"
    target = Path(target)
    try:
        atomic_write(target, text, Durability.SYNC)  # a file the user saves
    except OSError as exc:
        raise ValidationError(
            tr("import", "Cannot write {file}: {error}").format(
                file=target, error=exc.strerror or exc
            )
        ) from exc
    return target


def template_problems(body: Any) -> list[str]:
    """Translated problems of a template body (empty when it can be published): the
    rules the laptops run it by (``app.domain.checklist.validate_template``)."""
    if not isinstance(body, dict):
        return [tr("hq", "the file does not hold a JSON object")]
    return cl.validate_template(body)


@dataclass(frozen=True)
class TemplateVersion:
    """A template version just saved: its ``name`` and ``version`` (``to_json``) and the
    change, announced by the UI's op runner."""

    name: str
    version: int
    changes: Changes

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "version": self.version}


def import_template(hq: Hq, path: Path) -> TemplateVersion:
    """A template file as the next version of its name (the version in the file is
    ignored); it keeps the name's default flag. Returns its ``name`` and ``version``."""
    path = Path(path)
    try:
        if path.stat().st_size > 5 * 1024 * 1024:
            raise ValidationError(
                tr("hq", "{file} is too large for a checklist template (at most 5 MB).").format(
                    file=path.name
                )
            )
        body = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ValidationError(tr("import", "File not found: {file}").format(file=path)) from exc
    except IsADirectoryError as exc:
        raise ValidationError(
            tr("import", "{file} is a folder, not a file.").format(file=path)
        ) from exc
    except OSError as exc:
        raise ValidationError(
            tr("import", "Cannot read {file}: {error}").format(file=path, error=exc.strerror or exc)
        ) from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise ValidationError(
            tr("hq", "{file} is not a checklist template: it is not JSON text.").format(
                file=path.name
            )
        ) from exc
    problems = template_problems(body)
    if problems:
        raise ValidationError(
            tr("hq", "{file} is not a valid checklist template: {problems}.").format(
                file=path.name, problems="; ".join(problems)
            ),
            details=problems,
        )
    return save_template_version(hq, body)


def save_template_version(hq: Hq, body: dict[str, Any]) -> TemplateVersion:
    """A template body as the next version of its name (a version it names is ignored:
    a published version never changes); it keeps the name's default flag. Refused with
    every problem (translated) when the laptops could not run it. Returns its ``name`` and
    ``version``; published with the next down-bundles."""
    problems = template_problems(body)
    if problems:
        raise ValidationError(
            tr("hq", "The checklist template cannot be published: {problems}.").format(
                problems="; ".join(problems)
            ),
            details=problems,
        )
    name = body["name"].strip()
    known = [t for t in template_versions(hq) if t["name"] == name]
    version = (known[-1]["version"] if known else 0) + 1
    is_default = bool(known[-1]["is_default"]) if known else bool(body.get("default"))
    body = {**body, "name": name, "version": version}
    title = str(body.get("title") or name)
    with hq.sessions.begin() as s:
        record_id = stable_id("template", name, str(version))
        write_own_records(
            hq,
            s,
            "checklist_template",
            [
                (
                    record_id,
                    {
                        "name": name,
                        "version": version,
                        "title": title,
                        "body": body,
                        "is_default": is_default,
                    },
                )
            ],
        )
    return TemplateVersion(name, version, Changes.of("record", ids={record_id}))


def templates_for_publish(hq: Hq) -> list[dict[str, Any]]:
    """The data rows (with ``id``) of every template version a laptop receives."""
    return [
        {k: t[k] for k in ("id", "name", "version", "title", "body", "is_default")}
        for t in template_versions(hq)
    ]


# -- table imports (targets: ``company_targets``; receivables) ---------------------------
@dataclass
class ImportSummary:
    """How many rows an HQ table import created, updated or left unchanged, and its row
    errors; ``changes`` (HQ's records; not part of the JSON) is announced by the UI's op
    runner."""

    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    changes: Changes = field(default_factory=lambda: Changes.of("record"))

    def to_json(self) -> dict[str, int]:
        return {
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
        }


def reference_for_publish(hq: Hq) -> dict[str, list[dict[str, Any]]]:
    """The reference data of a down-bundle: every template version (builtin and HQ's)
    and the visit-frequency rules."""
    from app.hq.publish import reference_data_for_publish

    reference = reference_data_for_publish()
    reference["checklist_template"] = templates_for_publish(hq)
    reference["frequency_rule"] = frequency_rules_for_publish(hq)
    return reference


# -- visit-frequency rules -------------------------------------------------------------------
FREQUENCY_KEY = "frequency_rules"


def frequency_rules_for_publish(hq: Hq) -> list[dict[str, Any]]:
    """The visit-frequency rules (per grade per month, per manager per week) HQ publishes:
    its own where it set them, else the defaults; rows with ``id``."""
    from app.hq.publish import stable_id as publish_id

    stored = hq.meta(FREQUENCY_KEY)
    rows: list[dict[str, Any]] = (
        json.loads(stored)
        if stored
        else [
            {"scope": scope, "grade": grade, "period": period, "min_visits": minimum}
            for scope, grade, period, minimum in DEFAULT_FREQUENCY_RULES
        ]
    )
    return [
        {"id": publish_id("rule", str(r["scope"]), str(r["grade"] or "-"), str(r["period"])), **r}
        for r in rows
    ]


def set_frequency_rules(
    hq: Hq, per_grade: dict[str, int], weekly_channels: int
) -> list[dict[str, Any]]:
    """HQ's minimum visits per month of a partner of each grade (A–D) and distinct channels
    a manager inspects per week; published with the next down-bundles."""
    problems = [
        tr("hq", "the minimum for grade {grade} is not a whole number from 0 to 31").format(grade=g)
        for g, n in per_grade.items()
        if g not in ("A", "B", "C", "D")
        or isinstance(n, bool)
        or not isinstance(n, int)
        or not 0 <= n <= 31
    ]
    if (
        isinstance(weekly_channels, bool)
        or not isinstance(weekly_channels, int)
        or not 0 <= weekly_channels <= 50
    ):
        problems.append(
            tr("hq", "the weekly number of channels is not a whole number from 0 to 50")
        )
    if problems:
        raise ValidationError("; ".join(problems), details=problems)
    rows: list[dict[str, Any]] = [
        {"scope": "partner", "grade": g, "period": "month", "min_visits": per_grade.get(g, 0)}
        for g in ("A", "B", "C", "D")
    ]
    rows.append(
        {"scope": "manager", "grade": None, "period": "week", "min_visits": weekly_channels}
    )
    with hq.sessions.begin() as s:
        hq._set_meta(s, FREQUENCY_KEY, json.dumps(rows))
    return frequency_rules_for_publish(hq)


def save_rules(hq: Hq, grades: dict[str, int], weekly: int, duty_values: dict[str, Any]) -> Changes:
    """The Templates section's save: the visit-frequency rules (``grades``: minimum
    visits a month per grade, ``weekly``: visits a manager makes a week) and the duty
    rules ``duty_values``, both published with the next down-bundles."""
    from app.hq.duty_rules import set_duty_rules

    set_frequency_rules(hq, grades, weekly)
    set_duty_rules(hq, duty_values)
    return Changes.of("record", "hq_meta")
