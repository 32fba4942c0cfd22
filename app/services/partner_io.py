"""Partner import and export (CSV or XLSX, in the user's language).

Import reads the file as a stream (``app.services.sheet_read``: limits, formula
text restored), checks each row (``app.domain.partners``: the same caps as the edit
dialog) and writes it in batches (``partner_import_write``; new cards are copied into
their tables on a second thread while the next rows are read), all in one write
transaction taken before the first HLC stamp (``bulk_write``). Nothing is imported when
any row is invalid (unless the caller skips invalid rows): the transaction is rolled
back, as it is on cancel or a crash. Memory does not grow with the number of rows
beyond the codes seen.

An import never changes a partner's status (that is a lifecycle event: ``partners
lifecycle``), nor, once HQ has published the partner, the fields HQ owns (code, grade,
credit limit). A new partner gets its first grade and the lifecycle events that lead to
its status ("open", then "suspend", "terminate" or "merge"; none for a prospect).
For an existing partner, a column the file lacks is left alone; a blank type, status,
grade or credit limit keeps the current value; other blank cells clear the field.

Export writes every partner (formula-like text neutralised) with headers and type and
status labels in the user's language; it round-trips through the import."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.domain import partner_sheet as sheet
from app.domain import partners as rules
from app.domain.sheet_columns import rows_refused
from app.errors import UserError, ValidationError
from app.i18n import tr
from app.services.bulk_write import bulk_runtime
from app.services.context import AppContext, Changes
from app.services.partner_import_write import PartnerBatchWriter
from app.services.progress import Progress
from app.services.sheet_limits import check_file
from app.services.sheet_read import RowError, data_rows, iter_table, read_table
from app.services.sheet_write import write_table

COLUMNS = list(sheet.COLUMNS)
REQUIRED = ("code", "name")
ALIASES = sheet.ALIASES
BATCH_ROWS = 2000


@dataclass
class ImportReport:
    total: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    errors: list[RowError] = field(default_factory=list)
    dry_run: bool = False
    changes: Changes = field(default_factory=Changes)


# -- one row -----------------------------------------------------------------------------

_GRADE_RE = re.compile(r"([ABCD])\s*[类级]?")
_TEXT_KEYS = (
    "address",
    "licence_no",
    "credit_rating",
    "manager",
    "notes",
)  # kept exactly as written (round trip)


def _tags(text: str) -> list[str]:
    cleaned = text.replace("；", ";").replace("，", ";").replace(",", ";")
    return [t.strip() for t in cleaned.split(";") if t.strip()]


def parse_row(
    row_no: int, cells: dict[str, str], names: dict[str, str]
) -> tuple[dict[str, Any] | None, list[RowError]]:
    """The partner values of one row (only the columns the file has; see the module's
    rules for blanks) or the row's errors, each naming its column as the file does."""
    errors: list[RowError] = []

    def error(key: str, message: str) -> None:
        errors.append(RowError(row_no, names.get(key, key), message))

    values: dict[str, Any] = {
        "code": cells.get("code", "").strip(),
        "name": cells.get("name", "").strip(),
    }
    for kind in ("type", "status"):
        text = cells.get(kind, "").strip()
        if text:
            key = sheet.parse_value(kind, text)
            if key is None:
                message = (
                    tr("import", "unknown type {value}; use one of {allowed}")
                    if kind == "type"
                    else tr("import", "unknown status {value}; use one of {allowed}")
                )
                error(kind, message.format(value=text[:40], allowed=sheet.allowed_labels(kind)))
            else:
                values[kind] = key
    grade_text = cells.get("grade", "").strip()
    if grade_text:
        match = _GRADE_RE.fullmatch(grade_text.upper())
        grade = match.group(1) if match else sheet.parse_value("grade", grade_text)
        if grade is None:
            error(
                "grade",
                tr("partners", "unknown grade {value}; use A, B, C or D").format(
                    value=grade_text[:40]
                ),
            )
        else:
            values["grade"] = grade
    if "region" in cells:
        values["region"] = cells["region"].strip()
    for key in ("latitude", "longitude"):
        if key in cells:
            values[key] = cells[key].strip() or None
    limit_text = cells.get("credit_limit", "").strip()
    if limit_text:
        try:
            values["credit_limit_fen"] = rules.parse_money_to_fen(limit_text)
        except ValueError:
            error(
                "credit_limit", tr("import", "not an amount: {value}").format(value=limit_text[:40])
            )
    for key in _TEXT_KEYS:
        if key in cells:
            values[key] = cells[key]
    if "tags" in cells:
        values["tags"] = _tags(cells["tags"])
    if cells.get("contact_name", "").strip():
        values["contact_name"] = cells["contact_name"].strip()
        values["phone"] = cells.get("contact_phone", "").strip()
    column_of = {"credit_limit_fen": "credit_limit", "phone": "contact_phone"}
    for problem in rules.validate_partner_fields(values):
        key = column_of.get(problem.field, problem.field)
        if not any(e.column == names.get(key, key) for e in errors):
            error(key, problem.message)
    if errors:
        return None, errors
    for key in ("latitude", "longitude"):
        if values.get(key) is not None:
            values[key] = float(values[key])
    if "region" in values:
        province, city, district = rules.region_parts(values.pop("region"))
        values.update(province_code=province, city_code=city, district_code=district)
    return values, []


# -- import ------------------------------------------------------------------------------


def _header(
    rows: Iterator[tuple[int, list[str]]], path: Path
) -> tuple[dict[str, int], dict[str, str]]:
    for _row_no, cells in rows:
        if any(cell.strip() for cell in cells):
            break
    else:
        raise ValidationError(
            tr("import", "{file}: the file is empty (no header row).").format(file=path.name)
        )
    mapping: dict[str, int] = {}
    names: dict[str, str] = {}
    for index, name in enumerate(cells):
        key = sheet.column_key(name)
        if key is not None and key not in mapping:
            mapping[key], names[key] = index, name.strip()
    missing = [c for c in REQUIRED if c not in mapping]
    if missing:
        shown = [sheet.header(c) for c in missing]
        raise ValidationError(
            tr("import", "{file}: missing required column(s): {columns}.").format(
                file=path.name, columns=", ".join(shown)
            ),
            details=[str(RowError(1, c, tr("import", "missing"))) for c in shown],
        )
    return mapping, names


def _estimated_rows(path: Path, size: int) -> int:
    """A guess of the data rows for the progress bar (about 120 bytes a row)."""
    return max(1, size // (60 if path.suffix.lower() in (".xlsx", ".xlsm") else 120))


def import_partners(
    ctx: AppContext,
    path: Path,
    *,
    dry_run: bool = False,
    skip_invalid: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Check every row and (unless ``dry_run``) write them in one transaction.

    Raises ``ValidationError`` listing ``row N, column NAME: message`` lines when any row is
    invalid and ``skip_invalid`` is False — nothing is imported then."""
    path = Path(path)
    size = check_file(path).st_size
    report = ImportReport(dry_run=dry_run)
    rows = iter_table(path)
    try:
        mapping, names = _header(rows, path)
        with (
            bulk_runtime(),
            PartnerBatchWriter(ctx, report, skip_invalid=skip_invalid, dry_run=dry_run) as writer,
        ):
            _check_rows(rows, mapping, names, report, writer, progress, _estimated_rows(path, size))
            writer.finish()
            if progress is not None:
                progress.check()  # the last chance to cancel: after this the transaction commits
            report.errors.sort(key=lambda e: e.row)
            if report.errors and not skip_invalid:
                raise rows_refused(path.name, report.errors, None, file_in_details=False)
    finally:
        rows.close()
    if not dry_run:
        report.changes = Changes.of("partner", "contact", "grade_change", "lifecycle_event")
    return report


def _check_rows(
    rows: Iterator[tuple[int, list[str]]],
    mapping: dict[str, int],
    names: dict[str, str],
    report: ImportReport,
    writer: PartnerBatchWriter,
    progress: Progress | None,
    estimate: int,
) -> None:
    """Parse and check every data row; hand valid ones to the writer in batches."""
    seen: dict[str, int] = {}
    batch: list[tuple[int, dict[str, Any]]] = []
    for row_no, row in rows:
        if not "".join(row).strip():
            continue
        report.total += 1
        cells = {key: (row[idx] if idx < len(row) else "") for key, idx in mapping.items()}
        values, errors = parse_row(row_no, cells, names)
        if values is not None:
            first = seen.get(values["code"])
            if first is not None:
                errors = [
                    RowError(
                        row_no,
                        names["code"],
                        tr("import", "duplicate code {code} (also in row {first})").format(
                            code=values["code"], first=first
                        ),
                    )
                ]
                values = None
            else:
                seen[values["code"]] = row_no
        if values is None:
            writer.reject(errors)
        else:
            batch.append((row_no, values))
        if len(batch) >= BATCH_ROWS:
            writer.write(batch, names)
            batch = []
        if progress is not None and report.total % 1000 == 0:
            progress(
                min(report.total, estimate - 1),
                estimate,
                tr("import", "Importing row {row}…").format(row=f"{report.total:,}"),
            )
    writer.write(batch, names)


# -- export ------------------------------------------------------------------------------

_EXPORT_SQL = (
    "SELECT p.code, p.name, p.type, p.status, p.grade, coalesce(p.district_code, p.city_code, p.province_code, ''), "
    "p.address, p.latitude, p.longitude, p.licence_no, p.credit_rating, p.credit_limit_fen, "
    "p.manager, p.tags, p.notes, "
    "(SELECT c.name FROM contact c WHERE c.partner_id = p.id AND c.voided = 0 ORDER BY "
    "c.is_primary DESC, c.created_at LIMIT 1), "
    "(SELECT c.phone FROM contact c WHERE c.partner_id = p.id AND c.voided = 0 ORDER BY "
    "c.is_primary DESC, c.created_at LIMIT 1) "
    "FROM partner p WHERE p.voided = 0 ORDER BY p.code"
)


def _export_rows(ctx: AppContext, xlsx: bool, counter: list[int]) -> Iterator[list[Any]]:
    import json

    for (
        code,
        name,
        kind,
        status,
        grade,
        region,
        address,
        lat,
        lon,
        licence,
        rating,
        limit_fen,
        manager,
        tags,
        notes,
        contact,
        phone,
    ) in ctx.read_sql(_EXPORT_SQL):
        counter[0] += 1
        tag_list = json.loads(tags) if tags else []
        money = rules.fen_to_text(int(limit_fen or 0))
        yield [
            code,
            name,
            sheet.value_label("type", kind),
            sheet.value_label("status", status),
            grade,
            region,
            address,
            (lat if xlsx else repr(lat)) if lat is not None else "",
            (lon if xlsx else repr(lon)) if lon is not None else "",
            licence,
            rating,
            (float(money) if xlsx and abs(int(limit_fen or 0)) < 2**52 else money),
            manager,
            ";".join(str(t) for t in tag_list),
            notes,
            contact or "",
            phone or "",
        ]


def export_partners(ctx: AppContext, path: Path, progress: Progress | None = None) -> int:
    """Write every partner to CSV (UTF-8 with BOM, opens in Excel) or XLSX by extension;
    the file round-trips through ``import_partners``. Written atomically."""
    path = Path(path)
    if path.suffix.lower() not in (".csv", ".xlsx"):
        raise UserError(
            tr("import", "{file}: unsupported file type; use .csv or .xlsx.").format(file=path.name)
        )
    counter = [0]
    header = [sheet.header(key) for key in COLUMNS]
    text_columns = {i for i, key in enumerate(COLUMNS) if key not in sheet.NUMBER_COLUMNS}
    write_table(
        path,
        header,
        _export_rows(ctx, path.suffix.lower() == ".xlsx", counter),
        text_columns,
        frozenset({COLUMNS.index("credit_limit")}),
        title=tr("import", "Partners"),
    )
    if progress is not None:
        progress(counter[0], counter[0], "")
    return counter[0]


__all__ = [
    "COLUMNS",
    "ImportReport",
    "RowError",
    "data_rows",
    "export_partners",
    "import_partners",
    "parse_row",
    "read_table",
]
