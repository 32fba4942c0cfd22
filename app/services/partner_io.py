"""Partner import and export: CSV (UTF-8 with or without BOM, or GBK — detected) and
XLSX (openpyxl). Every row is validated first; nothing is imported unless all rows are
valid (or the caller chose to skip invalid ones); existing codes are updated; the whole
import is one transaction, so cancel or a crash leaves nothing half-done."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update

from app.domain import partners as rules
from app.domain.ids import uuid7
from app.errors import UserError, ValidationError
from app.i18n import tr
from app.services.context import AppContext, Changes, partner_lww_fields
from app.services.progress import Progress
from db.base import utcnow
from db.models import Contact, GradeChange, Partner

COLUMNS = [
    "code", "name", "type", "status", "grade", "region", "address", "latitude", "longitude", "licence_no",
    "credit_rating", "credit_limit", "manager", "tags", "notes", "contact_name", "contact_phone",
]
REQUIRED = ("code", "name")
ALIASES = {
    "编码": "code", "代码": "code", "渠道编码": "code", "合作方编码": "code", "合作伙伴编码": "code",
    "客户编码": "code", "名称": "name", "渠道名称": "name", "类型": "type",
    "状态": "status", "等级": "grade", "级别": "grade", "区划代码": "region", "地区": "region", "地址": "address",
    "纬度": "latitude", "经度": "longitude", "营业执照号": "licence_no", "信用等级": "credit_rating",
    "信用额度": "credit_limit", "渠道经理": "manager", "标签": "tags", "备注": "notes", "联系人": "contact_name",
    "联系电话": "contact_phone", "电话": "contact_phone",
}
MAX_FILE_BYTES = 200 * 1024 * 1024


@dataclass
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"row {self.row}, column {self.column}: {self.message}"


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


def _read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes nearly anything
        raise UserError(tr("import", "{file}: the text encoding is neither UTF-8 nor GBK.").format(file=path.name))
    if "\x00" in text:
        raise UserError(tr("import", "{file}: this is not a text CSV file.").format(file=path.name))
    try:
        sample = text[:4096]
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t") if sample.strip() else csv.excel
    except csv.Error:
        dialect = csv.excel
    try:
        return [row for row in csv.reader(io.StringIO(text, newline=""), dialect)]
    except csv.Error as exc:
        raise UserError(tr("import", "{file}: malformed CSV ({error}).").format(file=path.name, error=exc)) from exc


_FORMAT_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def _date_text(value: dt.datetime | dt.date, number_format: str) -> str:
    """A date cell as the sheet shows it: ``YYYY-MM`` when its format has no day (Excel
    turns a typed ``2026-03`` into the 1st of March shown as 2026年3月), ``YYYY-MM-DD`` when
    it has no time of day, else ``YYYY-MM-DD HH:MM:SS``."""
    shown = _FORMAT_LITERALS.sub("", number_format or "").lower()
    if "d" not in shown and "y" in shown:
        return value.strftime("%Y-%m")
    if not isinstance(value, dt.datetime) or ("h" not in shown and "s" not in shown and value.time() == dt.time()):
        return value.strftime("%Y-%m-%d")
    return value.isoformat(sep=" ")


def _cell_text(value: Any, number_format: str) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return _date_text(value, number_format)
    return str(value)


def _read_xlsx(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise UserError(tr("import", "{file}: not a readable XLSX workbook ({error}).").format(file=path.name, error=exc)) from exc
    try:
        sheet = book.worksheets[0]
        rows = []
        for cells in sheet.iter_rows():  # cells, not values: a date's number format says whether it is a month
            rows.append([_cell_text(getattr(c, "value", None), getattr(c, "number_format", "")) for c in cells])
        return rows
    finally:
        book.close()


def read_table(path: Path) -> list[list[str]]:
    """Rows of a CSV or XLSX file (header first); clear errors for unreadable files."""
    path = Path(path)
    if not path.exists():
        raise UserError(tr("import", "File not found: {file}").format(file=path))
    if path.is_dir():
        raise UserError(tr("import", "{file} is a folder, not a file.").format(file=path))
    if path.stat().st_size > MAX_FILE_BYTES:
        raise UserError(tr("import", "{file} is larger than 200 MB.").format(file=path.name))
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm"):
            return _read_xlsx(path)
        if suffix in (".csv", ".txt", ""):
            return _read_csv(path)
    except OSError as exc:
        raise UserError(tr("import", "Cannot read {file}: {error}").format(file=path, error=exc.strerror or exc)) from exc
    raise UserError(tr("import", "{file}: unsupported file type; use .csv or .xlsx.").format(file=path.name))


def header_map(header: list[str], required: tuple[str, ...], known: list[str], path: Path) -> dict[str, int]:
    """Column name → index, with Chinese aliases; missing required columns are an error."""
    mapping: dict[str, int] = {}
    for index, name in enumerate(header):
        key = ALIASES.get(name.strip(), name.strip().lower())
        if key in known and key not in mapping:
            mapping[key] = index
    missing = [c for c in required if c not in mapping]
    if missing:
        raise ValidationError(
            tr("import", "{file}: missing required column(s): {columns}.").format(file=path.name, columns=", ".join(missing)),
            details=[f"row 1, column {c}: " + tr("import", "missing") for c in missing],
        )
    return mapping


def data_rows(table: list[list[str]], mapping: dict[str, int], strip: bool = False) -> Iterator[tuple[int, dict[str, str]]]:
    """``(row number as the user counts it, cells by column key)`` for every non-blank row
    below the header; shared by the partner, target and actuals imports."""
    for offset, row in enumerate(table[1:]):
        if not any(cell.strip() for cell in row):
            continue
        cells = {key: (row[idx] if idx < len(row) else "") for key, idx in mapping.items()}
        yield offset + 2, ({key: value.strip() for key, value in cells.items()} if strip else cells)


def _parse_row(row_no: int, cells: dict[str, str]) -> tuple[dict[str, Any] | None, list[RowError]]:
    errors: list[RowError] = []
    values: dict[str, Any] = {}
    code = cells.get("code", "").strip()
    name = cells.get("name", "").strip()
    values["code"], values["name"] = code, name
    values["type"] = cells.get("type", "").strip() or "dealer"
    values["status"] = cells.get("status", "").strip() or "active"
    values["grade"] = (cells.get("grade", "").strip() or "C").upper()
    values["region"] = cells.get("region", "").strip()
    values["address"] = cells.get("address", "").strip()
    for key in ("latitude", "longitude"):
        text = cells.get(key, "").strip()
        values[key] = text or None
    limit_text = cells.get("credit_limit", "").strip()
    try:
        values["credit_limit_fen"] = rules.parse_money_to_fen(limit_text) if limit_text else 0
    except ValueError:
        errors.append(RowError(row_no, "credit_limit", tr("import", "not an amount: {value}").format(value=limit_text)))
        values["credit_limit_fen"] = 0
    values["phone"] = cells.get("contact_phone", "").strip()
    for problem in rules.validate_partner_fields(values):
        column = {"credit_limit": "credit_limit", "phone": "contact_phone"}.get(problem.field, problem.field)
        errors.append(RowError(row_no, column, problem.message))
    if errors:
        return None, errors
    for key in ("latitude", "longitude"):
        values[key] = float(values[key]) if values[key] is not None else None
    province, city, district = rules.region_parts(values.pop("region"))
    values.update(province_code=province, city_code=city, district_code=district)
    values["licence_no"] = cells.get("licence_no", "").strip()
    values["credit_rating"] = cells.get("credit_rating", "").strip()
    values["manager"] = cells.get("manager", "").strip()
    values["notes"] = cells.get("notes", "").strip()
    tags = cells.get("tags", "").replace("；", ";").replace("，", ";").replace(",", ";")
    values["tags"] = [t.strip() for t in tags.split(";") if t.strip()]
    values["contact_name"] = cells.get("contact_name", "").strip()
    return values, []


def import_partners(ctx: AppContext, path: Path, *, dry_run: bool = False, skip_invalid: bool = False,
                    progress: Progress | None = None) -> ImportReport:
    """Validate every row, then (unless ``dry_run``) apply all in one transaction.

    Raises ``ValidationError`` listing ``row N, column NAME: message`` lines when any row is
    invalid and ``skip_invalid`` is False — nothing is imported then."""
    path = Path(path)
    table = read_table(path)
    if not table or not any(cell.strip() for cell in table[0]):
        raise ValidationError(tr("import", "{file}: the file is empty (no header row).").format(file=path.name))
    mapping = header_map(table[0], REQUIRED, COLUMNS, path)
    report = ImportReport(dry_run=dry_run)
    parsed: list[tuple[int, dict[str, Any]]] = []
    seen: dict[str, int] = {}
    for row_no, cells in data_rows(table, mapping):
        report.total += 1
        values, errors = _parse_row(row_no, cells)
        if values is not None:
            first = seen.get(values["code"])
            if first is not None:
                errors = [RowError(row_no, "code", tr("import", "duplicate code {code} (also in row {first})").format(code=values["code"], first=first))]
                values = None
            else:
                seen[values["code"]] = row_no
        if errors:
            report.errors.extend(errors)
            report.skipped += 1
            continue
        assert values is not None
        parsed.append((row_no, values))
        if progress is not None and (row_no - 2) % 500 == 0:
            progress(row_no - 2, (len(table) - 1) * 2, tr("import", "Checking rows…"))
    if report.errors and not skip_invalid:
        raise ValidationError(
            tr("import", "{file}: {count} problem(s) found; nothing was imported.").format(file=path.name, count=len(report.errors)),
            details=[str(e) for e in report.errors],
        )
    if dry_run:
        _count_dry_run(ctx, parsed, report)
        return report
    _apply(ctx, parsed, report, progress)
    return report


_PARTNER_FIELDS = ("name", "type", "status", "grade", "province_code", "city_code", "district_code", "address", "latitude",
                   "longitude", "licence_no", "credit_rating", "credit_limit_fen", "manager", "notes", "tags")


def _primary_contact(s: Any, partner_id: str) -> Contact | None:
    return s.scalar(select(Contact).where(Contact.partner_id == partner_id, Contact.voided.is_(False))
                    .order_by(Contact.is_primary.desc(), Contact.created_at).limit(1))


def _count_dry_run(ctx: AppContext, parsed: list[tuple[int, dict[str, Any]]], report: ImportReport) -> None:
    """What ``_apply`` would report (created / updated / unchanged), changing nothing."""
    with ctx.read_session() as s:
        codes = [v["code"] for _, v in parsed]
        existing = {p.code: p for p in s.scalars(select(Partner).where(Partner.code.in_(codes)))} if len(codes) < 30000 else {p.code: p for p in s.scalars(select(Partner))}
        for _row_no, values in parsed:
            partner = existing.get(values["code"])
            if partner is None:
                report.created += 1
                continue
            changed = any(getattr(partner, key) != values[key] for key in _PARTNER_FIELDS)
            if not changed and values["contact_name"]:
                contact = _primary_contact(s, partner.id)
                changed = contact is None or (contact.name, contact.phone) != (values["contact_name"], values["phone"])
            report.updated += changed
            report.unchanged += not changed


def _apply(ctx: AppContext, parsed: list[tuple[int, dict[str, Any]]], report: ImportReport, progress: Progress | None) -> None:
    today = utcnow().date()
    with ctx.session() as s:
        existing = {p.code: p for p in s.scalars(select(Partner).where(Partner.code.in_([v["code"] for _, v in parsed])))} if len(parsed) < 30000 else {p.code: p for p in s.scalars(select(Partner))}
        new_rows: list[dict[str, Any]] = []
        new_contacts: list[dict[str, Any]] = []
        new_grades: list[dict[str, Any]] = []
        now = utcnow()
        for index, (_row_no, values) in enumerate(parsed):
            if progress is not None and index % 500 == 0:
                progress(len(parsed) + index, len(parsed) * 2, tr("import", "Importing…"))
            partner = existing.get(values["code"])
            if partner is None:
                pid = uuid7()
                hlc = ctx.tick()
                row = {k: values[k] for k in _PARTNER_FIELDS}
                row.update(id=pid, code=values["code"], hlc=hlc, created_at=now, updated_at=now, voided=False,
                           bank_info="", field_hlc={k: hlc for k in partner_lww_fields()})  # a new card: every field is its writing
                new_rows.append(row)
                new_grades.append(dict(id=uuid7(), partner_id=pid, old_grade=None, new_grade=values["grade"],
                                       reason=tr("import", "imported"), effective_date=today, changed_by=ctx.user_name,
                                       hlc=ctx.tick(), created_at=now, updated_at=now, voided=False))
                if values["contact_name"]:
                    new_contacts.append(dict(id=uuid7(), partner_id=pid, name=values["contact_name"], phone=values["phone"],
                                             role="", email="", is_primary=True, hlc=ctx.tick(), created_at=now,
                                             updated_at=now, voided=False))
                report.created += 1
                continue
            changed = False
            if partner.grade != values["grade"]:
                s.add(GradeChange(partner_id=partner.id, old_grade=partner.grade, new_grade=values["grade"],
                                  reason=tr("import", "imported"), effective_date=today, changed_by=ctx.user_name))
            for key in _PARTNER_FIELDS:
                if getattr(partner, key) != values[key]:
                    setattr(partner, key, values[key])
                    changed = True
            if values["contact_name"]:
                contact = _primary_contact(s, partner.id)
                if contact is None:
                    s.add(Contact(partner_id=partner.id, name=values["contact_name"], phone=values["phone"], is_primary=True))
                    changed = True
                elif (contact.name, contact.phone) != (values["contact_name"], values["phone"]):
                    contact.name, contact.phone = values["contact_name"], values["phone"]
                    changed = True
            report.updated += changed
            report.unchanged += not changed
        if progress is not None:
            progress.check()
        for chunk in range(0, len(new_rows), 2000):
            s.execute(insert(Partner), new_rows[chunk:chunk + 2000])
        if new_grades:
            s.execute(insert(GradeChange), new_grades)
        if new_contacts:
            s.execute(insert(Contact), new_contacts)
        if progress is not None:
            progress.check()
    report.changes = Changes.of("partner", "contact", "grade_change")


def export_partners(ctx: AppContext, path: Path, progress: Progress | None = None) -> int:
    """Write every partner to CSV (UTF-8 with BOM, opens in Excel) or XLSX by extension;
    the file round-trips through ``import_partners``. Written atomically."""
    from app.services.partners import PartnerQuery, partner_page

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise UserError(tr("import", "{file}: unsupported file type; use .csv or .xlsx.").format(file=path.name))
    with ctx.read_session() as s:
        partners = list(s.scalars(select(Partner).where(Partner.voided.is_(False)).order_by(Partner.code)))
        s.expunge_all()
    rows_by_id = {r.id: r for r in partner_page(ctx, PartnerQuery(), 0, None)}
    records = []
    for p in partners:
        r = rows_by_id.get(p.id)
        records.append([
            p.code, p.name, p.type, p.status, p.grade, p.district_code or p.city_code or p.province_code or "", p.address,
            "" if p.latitude is None else repr(p.latitude), "" if p.longitude is None else repr(p.longitude), p.licence_no,
            p.credit_rating, rules.fen_to_text(p.credit_limit_fen), p.manager, ";".join(p.tags or []), p.notes,
            r.primary_contact if r else "", r.phone if r else "",
        ])
    tmp = path.with_name(path.name + ".part")
    try:
        if suffix == ".csv":
            with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(COLUMNS)
                writer.writerows(records)
        else:
            from openpyxl import Workbook

            book = Workbook(write_only=True)
            sheet = book.create_sheet("partners")
            sheet.append(COLUMNS)
            for record in records:
                sheet.append(record)
            buf = io.BytesIO()  # built in memory: a failed file write then leaves no half-written workbook behind
            book.save(buf)
            tmp.write_bytes(buf.getvalue())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):  # e.g. its folder is a file: the error below says so
            tmp.unlink(missing_ok=True)
        raise UserError(tr("import", "Cannot write {file}: {error}").format(file=path, error=exc.strerror or exc)) from exc
    if progress is not None:
        progress(len(records), len(records), "")
    return len(records)


__all__ = ["COLUMNS", "ImportReport", "RowError", "export_partners", "import_partners", "read_table", "update"]
