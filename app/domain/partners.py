"""Partner-file rules (每户一卡): field validation, grades, and the lifecycle 开停并转
(which events are allowed from which status, and what each event leads to)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain.formats import AMOUNT_LIMIT
from app.domain.regions import regions
from app.domain.vocabulary import LIFECYCLE_EVENT, PARTNER_STATUS, PARTNER_TYPE
from app.i18n import tr

PARTNER_TYPES = ("agent", "dealer", "franchise", "own_store", "special")
PARTNER_STATUSES = ("prospect", "active", "suspended", "terminated", "merged")
GRADES = ("A", "B", "C", "D")
LIFECYCLE_KINDS = ("open", "suspend", "resume", "terminate", "merge", "transfer")

HQ_OWNED_FIELDS = ("code", "grade", "credit_limit_fen")
"""Fields of a partner card that only HQ changes once it has published the card
(docs/sync_format.md): a laptop sets them when it creates the card, never after."""

TEXT_LIMITS: dict[str, int] = {
    "name": 300,
    "address": 500,
    "licence_no": 60,
    "credit_rating": 10,
    "manager": 100,
    "notes": 2000,
    "bank_info": 500,
    "contact_name": 100,
    "phone": 40,
    "tags": 500,
}
"""Longest text (in characters) of each partner field; ``tags`` is the joined list."""
MULTILINE_FIELDS = frozenset({"address", "notes", "bank_info"})
"""Free-text fields that may hold tabs and line breaks; the others are one line."""
MAX_TAG_CHARS = 40

CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,39}$")
# characters no spreadsheet (XML 1.0) can hold, or that end a line in a one-line field
_BAD_MULTILINE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_BAD_ONE_LINE = re.compile("[\x00-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_MONEY_RE = re.compile(r"-?\d+(\.\d{1,2})?")
PHONE_RE = re.compile(r"^\+?[0-9][0-9\- ]{5,19}$")

# status -> events allowed from it
_ALLOWED: dict[str, set[str]] = {
    "prospect": {"open", "terminate", "transfer"},
    "active": {"suspend", "terminate", "merge", "transfer"},
    "suspended": {"resume", "terminate", "merge", "transfer"},
    "terminated": set(),
    "merged": set(),
}
_RESULT = {
    "open": "active",
    "resume": "active",
    "suspend": "suspended",
    "terminate": "terminated",
    "merge": "merged",
}


@dataclass(frozen=True)
class FieldProblem:
    field: str
    message: str


def can_be_visited(status: str) -> bool:
    """Only prospects and active partners can be inspected."""
    return status in ("prospect", "active")


def allowed_events(status: str) -> set[str]:
    return set(_ALLOWED.get(status, set()))


def status_after(kind: str, status: str) -> str:
    """The partner's status after a lifecycle event (transfer keeps it)."""
    return _RESULT.get(kind, status)


def lifecycle_problem(kind: str, status: str) -> str | None:
    if kind not in LIFECYCLE_KINDS:
        return tr("partners", "Unknown lifecycle event {kind}.").format(kind=kind)
    if kind not in _ALLOWED.get(status, set()):
        return tr(
            "partners", "A partner with status {status} cannot be given the event {kind}."
        ).format(status=PARTNER_STATUS.label(status), kind=LIFECYCLE_EVENT.label(kind))
    return None


def region_parts(code: str) -> tuple[str | None, str | None, str | None]:
    """(province, city, district) codes implied by a 2-, 4- or 6-digit region code (official
    6-digit province and city forms such as ``320100`` count as ``3201``)."""
    if not code:
        return None, None, None
    code = regions().normalise(code) or code
    return (code[:2], code[:4] if len(code) >= 4 else None, code if len(code) == 6 else None)


def validate_partner_fields(values: dict[str, object]) -> list[FieldProblem]:
    """Problems with a partner's fields (only the keys present are checked, except that
    ``code`` and ``name`` are required when ``require_identity`` is in ``values``)."""
    problems: list[FieldProblem] = []

    def add(field: str, message: str) -> None:
        problems.append(FieldProblem(field, message))

    if "code" in values:
        code = str(values["code"] or "").strip()
        if not code:
            add("code", tr("partners", "the code is required"))
        elif not CODE_RE.match(code):
            add(
                "code",
                tr(
                    "partners",
                    "the code may contain only letters, digits, '-' and '_' (at most 40)",
                ),
            )
    if "name" in values:
        name = str(values["name"] or "").strip()
        if not name:
            add("name", tr("partners", "the name is required"))
    if "type" in values and values["type"] not in PARTNER_TYPES:
        add(
            "type",
            tr("partners", "unknown type {value}; use one of {allowed}").format(
                value=values["type"], allowed=PARTNER_TYPE.accepted()
            ),
        )
    if "status" in values and values["status"] not in PARTNER_STATUSES:
        add(
            "status",
            tr("partners", "unknown status {value}; use one of {allowed}").format(
                value=values["status"], allowed=PARTNER_STATUS.accepted()
            ),
        )
    if "grade" in values and values["grade"] not in GRADES:
        add(
            "grade",
            tr("partners", "unknown grade {value}; use A, B, C or D").format(value=values["grade"]),
        )
    region = values.get("region")
    if region not in (None, ""):
        text = str(region)
        if regions().normalise(text) is None:
            add("region", tr("partners", "unknown region code {value}").format(value=_shown(text)))
    for field, low, high in (("latitude", -90.0, 90.0), ("longitude", -180.0, 180.0)):
        value = values.get(field)
        if value not in (None, ""):
            try:
                number = float(value)  # type: ignore[arg-type]
            except (TypeError, ValueError):
                add(field, tr("partners", "not a number: {value}").format(value=_shown(str(value))))
                continue
            if not low <= number <= high:
                add(
                    field,
                    tr("partners", "must be between {low} and {high}").format(low=low, high=high),
                )
    limit = values.get("credit_limit_fen")
    if limit is not None and (not isinstance(limit, int) or limit < 0):
        add("credit_limit", tr("partners", "the credit limit must be a non-negative amount"))
    phone = values.get("phone")
    if phone not in (None, "") and not PHONE_RE.match(str(phone)):
        add("phone", tr("partners", "not a phone number: {value}").format(value=_shown(str(phone))))
    for problem in text_problems(values):
        if not any(p.field == problem.field for p in problems):
            problems.append(problem)
    return problems


def _shown(text: str, limit: int = 40) -> str:
    """A value quoted in a message: at most ``limit`` characters."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _joined(value: object) -> str:
    if isinstance(value, (list, tuple)):
        try:
            return ";".join(value)  # the usual list of texts
        except TypeError:
            return ";".join(str(t) for t in value)
    return str(value)


_TEXT_FIELDS = tuple((f, limit, f in MULTILINE_FIELDS) for f, limit in TEXT_LIMITS.items())


def _clean_texts(values: dict[str, object]) -> bool:
    """The usual case, in one pass and two searches: no text over its cap, no tag too
    long, no character its field cannot hold."""
    tags = values.get("tags")
    if isinstance(tags, (list, tuple)) and any(len(str(t)) > MAX_TAG_CHARS for t in tags):
        return False
    one_line: list[str] = []
    multi: list[str] = []
    for field, limit, multiline in _TEXT_FIELDS:
        value = values.get(field)
        if value is None:
            continue
        text = value if type(value) is str else _joined(value)
        if len(text) > limit:
            return False
        if multiline:
            multi.append(value if type(value) is str else str(value))
        else:
            one_line.append(text)
    return not _BAD_ONE_LINE.search("".join(one_line)) and not _BAD_MULTILINE.search("".join(multi))


def text_problems(values: dict[str, object]) -> list[FieldProblem]:
    """Length and character problems of the text fields present in ``values`` (``tags``
    as a list): the same caps for the edit dialog, imports and sync."""
    problems: list[FieldProblem] = []
    if _clean_texts(values):
        return problems
    present = [
        (field, limit, values[field])
        for field, limit in TEXT_LIMITS.items()
        if values.get(field) is not None
    ]
    for field, limit, value in present:
        if field == "tags" and isinstance(value, (list, tuple)):
            long_tag = next((str(t) for t in value if len(str(t)) > MAX_TAG_CHARS), None)
            if long_tag is not None:
                problems.append(
                    FieldProblem(
                        field,
                        tr("partners", "the tag {tag} is longer than {limit} characters").format(
                            tag=_shown(long_tag), limit=MAX_TAG_CHARS
                        ),
                    )
                )
                continue
            value = ";".join(str(t) for t in value)
        text = value if type(value) is str else str(value)
        if len(text) > limit:
            problems.append(
                FieldProblem(
                    field,
                    tr("partners", "too long: {length} characters, at most {limit} allowed").format(
                        length=len(text), limit=limit
                    ),
                )
            )
            continue
        bad = (
            (_BAD_MULTILINE if field in MULTILINE_FIELDS else _BAD_ONE_LINE).search(text)
            if text
            else None
        )
        if bad is not None:
            problems.append(
                FieldProblem(
                    field,
                    tr(
                        "partners",
                        "contains a control character (U+{code:04X}) that cannot be stored",
                    ).format(code=ord(bad.group())),
                )
            )
    return problems


def parse_money_to_fen(text: str) -> int:
    """'12345.67' / '12,345.6' / '¥100' → integer fen; raises ValueError, also beyond
    ``AMOUNT_LIMIT``."""
    cleaned = str(text).strip().replace(",", "").replace("¥", "").replace("￥", "")
    if not cleaned:
        return 0
    if not _MONEY_RE.fullmatch(cleaned):
        raise ValueError(text)
    negative = cleaned.startswith("-")
    cleaned = cleaned.lstrip("-")
    whole, _, frac = cleaned.partition(".")
    fen = int(whole) * 100 + int((frac + "00")[:2])
    if fen > AMOUNT_LIMIT:
        raise ValueError(text)
    return -fen if negative else fen


def fen_to_text(fen: int) -> str:
    """Fen as the plain ``1234567.89`` of an input field or a CSV cell (the one formatter's
    ``money_fen`` without symbol and grouping; ``parse_money_to_fen`` reads it back)."""
    from app.domain.formats import money_fen

    return money_fen(fen, symbol=False, grouping=False)
