"""What HQ authors and publishes besides the records it receives: checklist template
versions (``hq templates export|import``) and the company's targets (``hq targets
import``). Both are kept in HQ's ``record`` store under the HQ's own device id (entity
``checklist_template`` / ``target``, ids stable per name and version / per metric, period
and scope) and go to every laptop with ``hq publish``. Files are read by the caller
(``app.services.spreadsheets``); this module checks their rows."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.atomic import Durability, atomic_write
from app.domain import checklist as cl
from app.domain import targets as target_rules
from app.domain.reference import DEFAULT_FREQUENCY_RULES, DEFAULT_METRICS, builtin_templates
from app.domain.regions import regions
from app.domain.sheet_columns import (
    canonical_key,
    file_names,
    metric_choices,
    metric_key,
    named,
    scope_kind_key,
)
from app.errors import NotFoundError, ValidationError
from app.hq.publish import HQ_BUNDLE, own_targets
from app.hq.read_models import field as json_field
from app.hq.sheet_rows import SheetRowError, data_rows, header_map
from app.i18n import tr, trn
from db.hq.models import Record

if TYPE_CHECKING:
    from app.hq.server import Hq

UNIT_DECIMALS = {"fen": 2, "unit": 0, "count": 0, "permille": 1}
TARGET_COLUMNS = ("metric", "period", "scope_kind", "scope", "amount")
TARGET_REQUIRED = ("metric", "period", "scope", "amount")
TARGET_ALIASES = {
    "指标": "metric",
    "期间": "period",
    "范围类型": "scope_kind",
    "范围": "scope",
    "目标": "amount",
    "金额": "amount",
    "partner_code": "scope",
    "渠道编码": "scope",
    "合作方编码": "scope",
    "合作伙伴编码": "scope",
    "客户编码": "scope",
    "region": "scope",
    "地区": "scope",
    "区划代码": "scope",
    "target": "amount",
}
REGION_HEADERS = ("region", "地区", "区划代码")


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


def import_template(hq: Hq, path: Path) -> dict[str, Any]:
    """A template file as the next version of its name (the version in the file is
    ignored); it keeps the name's default flag. Returns ``name`` and ``version``."""
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


def save_template_version(hq: Hq, body: dict[str, Any]) -> dict[str, Any]:
    """A template body as the next version of its name (a version it names is ignored:
    a published version never changes); it keeps the name's default flag. Refused with
    every problem (translated) when the laptops could not run it. Returns ``name`` and
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
        write_own_records(
            hq,
            s,
            "checklist_template",
            [
                (
                    stable_id("template", name, str(version)),
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
    return {"name": name, "version": version}


def templates_for_publish(hq: Hq) -> list[dict[str, Any]]:
    """The data rows (with ``id``) of every template version a laptop receives."""
    return [
        {k: t[k] for k in ("id", "name", "version", "title", "body", "is_default")}
        for t in template_versions(hq)
    ]


# -- targets ------------------------------------------------------------------------------
@dataclass
class ImportSummary:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[SheetRowError] = field(default_factory=list)

    def to_json(self) -> dict[str, int]:
        return {
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
        }


def hq_targets(hq: Hq) -> list[dict[str, Any]]:
    """HQ's targets: ``metric``, ``period``, ``scope_kind``, ``scope``, ``amount`` (smallest unit)."""
    with hq.sessions() as s:
        rows = [dict(rec.data) for rec in s.scalars(own_targets().where(Record.voided.is_(False)))]
    return sorted(rows, key=lambda r: (r["period"], r["metric"], r["scope_kind"], r["scope"]))


def manager_targets(hq: Hq) -> list[dict[str, Any]]:
    """The targets managers set on their laptops (decomposed or imported there) as their
    bundles brought them: ``metric``, ``period``, ``scope_kind``, ``scope``, ``amount``,
    ``source`` (``local`` / ``import``), ``device_id`` and ``user`` (the manager)."""
    from db.hq.models import Device

    with hq.sessions() as s:
        users = {d: u for d, u in s.execute(select(Device.device_id, Device.user))}
        rows = [
            {**rec.data, "device_id": rec.device_id, "user": users.get(rec.device_id, "")}
            for rec in s.scalars(
                select(Record).where(
                    Record.entity == "target",
                    Record.bundle_id != HQ_BUNDLE,
                    Record.voided.is_(False),
                )
            )
        ]
    return sorted(
        rows,
        key=lambda r: (
            r["user"],
            r["device_id"],
            r["period"],
            r["metric"],
            r["scope_kind"],
            r["scope"],
        ),
    )


def import_targets(hq: Hq, table: list[list[str]], name: str) -> ImportSummary:
    """HQ's targets from a table read from a CSV/XLSX file (the columns of the laptop's
    ``targets import``: ``metric,period,scope_kind,scope,amount``). Every row is checked
    first and nothing is stored if one is wrong; a row replaces HQ's target of the same
    metric, period and scope; importing the same file again changes nothing."""
    if not table or not any(c.strip() for c in table[0]):
        raise ValidationError(tr("targets", "{file}: the file is empty.").format(file=name))
    header = [canonical_key(c, TARGET_ALIASES) for c in table[0]]
    mapping = header_map(header, TARGET_REQUIRED, TARGET_COLUMNS, name)
    names = file_names(table[0], mapping)
    default_kind = (
        "region" if table[0][mapping["scope"]].strip().lower() in REGION_HEADERS else "partner"
    )
    units = {code: unit for code, _label, unit in DEFAULT_METRICS}
    with hq.sessions() as s:
        partners = {
            str(c)
            for c in s.scalars(
                select(json_field("code")).where(
                    Record.entity == "partner", Record.voided.is_(False)
                )
            )
        }
        existing = {
            (r.data["metric"], r.data["period"], r.data["scope_kind"], r.data["scope"]): r.data.get(
                "amount"
            )
            for r in s.scalars(own_targets())
        }
    summary = ImportSummary()
    parsed: dict[tuple[str, str, str, str], tuple[int, int]] = {}
    for row_no, cells in data_rows(table, mapping):
        summary.rows += 1
        kind = scope_kind_key(cells.get("scope_kind", "")) or default_kind
        if kind == "region":
            cells["scope"] = regions().normalise(cells["scope"]) or cells["scope"]
        errors: list[SheetRowError] = []
        cells["metric"] = metric_key(cells["metric"], units)
        unit = units.get(cells["metric"])
        if unit is None:
            errors.append(
                SheetRowError(
                    row_no,
                    "metric",
                    tr("targets", "unknown metric {metric}; use one of {known}").format(
                        metric=cells["metric"] or "—", known=metric_choices(units)
                    ),
                )
            )
        try:
            target_rules.parse_period(cells["period"])
        except ValueError:
            errors.append(
                SheetRowError(
                    row_no,
                    "period",
                    tr(
                        "targets", "give the period as YYYY, YYYY-Qn or YYYY-MM (got {value})"
                    ).format(value=cells["period"] or "—"),
                )
            )
        if kind not in ("partner", "region"):
            errors.append(
                SheetRowError(
                    row_no,
                    "scope_kind",
                    tr("targets", "scope_kind must be partner or region (got {value})").format(
                        value=kind
                    ),
                )
            )
        elif kind == "partner" and cells["scope"] not in partners:
            errors.append(
                SheetRowError(
                    row_no,
                    "scope",
                    tr("targets", "unknown partner {code}").format(code=cells["scope"] or "—"),
                )
            )
        elif kind == "region" and regions().normalise(cells["scope"]) is None:
            errors.append(
                SheetRowError(
                    row_no,
                    "scope",
                    tr(
                        "targets", "unknown region code {value}: no such province, city or district"
                    ).format(value=cells["scope"] or "—"),
                )
            )
        amount = 0
        if unit is not None:
            decimals = UNIT_DECIMALS.get(unit, 2)
            try:
                amount = target_rules.parse_amount(cells["amount"], decimals)
            except ValueError:
                errors.append(
                    SheetRowError(
                        row_no,
                        "amount",
                        tr(
                            "targets",
                            "not a non-negative amount with at most {d} decimals: {value}",
                        ).format(d=decimals, value=cells["amount"] or "—"),
                    )
                )
        key = (cells["metric"], cells["period"], kind, cells["scope"])
        if not errors and key in parsed:
            errors.append(
                SheetRowError(
                    row_no,
                    "scope",
                    tr("targets", "duplicate row (also row {first})").format(first=parsed[key][0]),
                )
            )
        if errors:
            summary.errors.extend(errors)
            continue
        parsed[key] = (row_no, amount)
    if summary.errors:
        raise ValidationError(
            trn(
                "targets", "{file}: %n problem(s) found; nothing was imported.", len(summary.errors)
            ).format(file=name),
            details=[f"{name}, {named(e, names)}" for e in summary.errors],
        )
    changed: list[tuple[str, dict[str, Any]]] = []
    for (metric, period, kind, scope), (_row, amount) in parsed.items():
        old = existing.get((metric, period, kind, scope))
        if old is None:
            summary.created += 1
        elif old != amount:
            summary.updated += 1
        else:
            summary.unchanged += 1
            continue
        changed.append(
            (
                stable_id("target", metric, period, kind, scope),
                {
                    "metric": metric,
                    "period": period,
                    "scope_kind": kind,
                    "scope": scope,
                    "amount": amount,
                },
            )
        )
    if changed:
        with hq.sessions.begin() as s:
            write_own_records(hq, s, "target", changed)
    return summary


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
