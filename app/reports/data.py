"""Plain data the report builders take (filled by ``app.services.reports``)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PhotoData:
    caption: str
    taken_at: str
    sha256: str
    jpeg: bytes | None  # upright, scaled JPEG bytes; None when the original is missing
    width: int = 0
    height: int = 0


@dataclass
class ChecklistLine:
    section: str
    label: str
    answer: str
    points: str


@dataclass
class FindingLine:
    description: str
    deadline: str
    responsible: str
    status: str


@dataclass
class AmendmentLine:
    """One version of the amendment chain: when, who, why, what changed, the score it
    gives and its content hash."""

    at: str
    by: str
    reason: str
    changes: str
    score: str
    content_hash: str


@dataclass
class VerifiedOrder:
    """A rectification order answered at a re-inspection, before and after side by side."""

    description: str
    outcome: str
    before: PhotoData | None
    after: PhotoData | None


@dataclass
class VisitReportData:
    company: str
    partner_code: str
    partner_name: str
    partner_grade: str
    partner_address: str
    partner_contacts: str
    credit_warning: str
    manager: str
    status: str
    checked_in: str
    checked_out: str
    coordinates: str
    template: str
    score: str
    section_scores: list[tuple[str, str]]
    checklist: list[ChecklistLine]
    findings: list[FindingLine]
    material_differences: list[tuple[str, int, int]]
    competitor_notes: list[str]
    photos: list[PhotoData]
    content_hash: str
    amendments: list[AmendmentLine] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sealed_score: str = ""
    verified_orders: list[VerifiedOrder] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)


@dataclass
class Table:
    title: str
    header: list[str]
    rows: list[list[str]]
    empty_text: str = ""


@dataclass
class PeriodReportData:
    """Weekly log or monthly assessment: a title, key figures and tables."""

    company: str
    title: str
    subtitle: str
    figures: list[tuple[str, str]]
    tables: list[Table]
    empty_message: str = ""
    chart: list[tuple[str, float, float]] = field(default_factory=list)  # (label, target, actual)
    chart_title: str = ""
