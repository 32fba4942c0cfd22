"""One vocabulary: the people's word for every enumerated value the app stores as a machine
key (partner statuses and types, grades' meanings, lifecycle events, visit and rectification
states, templates, metrics, units, complaint statuses, callback outcomes, …).

The GUI, the PDFs, the CLI's messages and the spreadsheets all label values through this
module, so a key reads the same everywhere (``suspended`` is 暂停 on screen, on paper and in
an exported sheet). Machine keys stay English only in ``--json`` output and the sync format.

    from app.domain.vocabulary import PARTNER_STATUS, label
    PARTNER_STATUS.label("suspended")      # '暂停' under zh_CN, 'Suspended' in English
    PARTNER_STATUS.key_for("暂停")          # 'suspended' (keys and labels in both languages)
    label("lifecycle_event", "merge")       # the same, by the vocabulary's name

Labels are ``term(context, English)`` pairs: ``tools/translations.py scan`` collects them
like ``tr()`` calls, and ``label`` translates them with ``app.i18n.tr`` at call time, so a
language switch takes effect without re-importing anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.i18n import SUPPORTED_LANGUAGES, tr, translate_in, trn


def term(context: str, source: str) -> tuple[str, str]:
    """Mark an English label for translation (found by the scanner, translated by ``label``)."""
    return context, source


def _fold(text: str) -> str:
    return " ".join(str(text).replace("\u3000", " ").split()).casefold()


@dataclass(frozen=True)
class Vocabulary:
    """The keys of one enumeration in their order, each with its translatable label."""

    name: str
    entries: dict[str, tuple[str, str]]
    aliases: dict[str, str] = field(default_factory=dict)  # extra accepted words -> key

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(self.entries)

    def label(self, key: str | None) -> str:
        """The label of ``key`` in the current language; an unknown key is shown as it is."""
        if key is None:
            return ""
        entry = self.entries.get(key)
        return tr(*entry) if entry else str(key)

    def english(self, key: str) -> str:
        entry = self.entries.get(key)
        return entry[1] if entry else key

    def choices(self) -> list[tuple[str, str]]:
        """``(key, label)`` pairs in order, for combo boxes and legends."""
        return [(key, self.label(key)) for key in self.entries]

    def labels(self) -> list[str]:
        return [self.label(key) for key in self.entries]

    def key_for(self, text: object) -> str | None:
        """The key named by ``text``: the key itself or its label in any supported language
        (case, surrounding and full-width spaces ignored); ``None`` when nothing matches."""
        if text is None:
            return None
        wanted = _fold(str(text))
        if not wanted:
            return None
        return self._reverse().get(wanted)

    def _reverse(self) -> dict[str, str]:
        cache = _REVERSE_CACHE.get(self.name)
        if cache is None:
            cache = {}
            for key, (context, source) in self.entries.items():
                cache.setdefault(_fold(key), key)
                cache.setdefault(_fold(source), key)
                for lang in SUPPORTED_LANGUAGES:
                    cache.setdefault(_fold(translate_in(lang, context, source)), key)
            for alias, key in self.aliases.items():
                cache.setdefault(_fold(alias), key)
            _REVERSE_CACHE[self.name] = cache
        return cache

    def accepted(self) -> str:
        """The labels a person may type, for error messages ("use one of …")."""
        return "、".join(self.labels()) if _chinese_now() else ", ".join(self.labels())


_REVERSE_CACHE: dict[str, dict[str, str]] = {}


def _chinese_now() -> bool:
    from app.i18n import current_language

    return current_language() == "zh_CN"


def _vocab(
    name: str, *entries: tuple[str, tuple[str, str]], aliases: dict[str, str] | None = None
) -> Vocabulary:
    vocabulary = Vocabulary(name, dict(entries), dict(aliases or {}))
    VOCABULARIES[name] = vocabulary
    return vocabulary


VOCABULARIES: dict[str, Vocabulary] = {}

PARTNER_STATUS = _vocab(
    "partner_status",
    ("prospect", term("PartnerLabels", "Prospect")),
    ("active", term("PartnerLabels", "Active")),
    ("suspended", term("PartnerLabels", "Suspended")),
    ("terminated", term("PartnerLabels", "Terminated")),
    ("merged", term("PartnerLabels", "Merged")),
)

PARTNER_TYPE = _vocab(
    "partner_type",
    ("agent", term("PartnerLabels", "Agent")),
    ("dealer", term("PartnerLabels", "Dealer")),
    ("franchise", term("PartnerLabels", "Franchise store")),
    ("own_store", term("PartnerLabels", "Own store")),
    ("special", term("PartnerLabels", "Special channel")),
    aliases={"franchise_store": "franchise", "special_channel": "special"},
)

GRADE = _vocab(
    "grade",
    ("A", term("Grades", "A – key partner")),
    ("B", term("Grades", "B – important partner")),
    ("C", term("Grades", "C – regular partner")),
    ("D", term("Grades", "D – partner under watch")),
)

LIFECYCLE_EVENT = _vocab(
    "lifecycle_event",
    ("open", term("LifecycleEvents", "Open")),
    ("suspend", term("LifecycleEvents", "Suspend")),
    ("resume", term("LifecycleEvents", "Resume")),
    ("terminate", term("LifecycleEvents", "Terminate")),
    ("merge", term("LifecycleEvents", "Merge")),
    ("transfer", term("LifecycleEvents", "Transfer")),
)

VISIT_STATUS = _vocab(
    "visit_status",
    ("planned", term("States", "Planned")),
    ("draft", term("States", "Draft")),
    ("submitted", term("States", "Submitted")),
)

RECTIFICATION_STATUS = _vocab(
    "rectification_status",
    ("open", term("States", "Open")),
    ("reported_fixed", term("States", "Reported fixed")),
    ("overdue", term("States", "Overdue")),
    ("escalated", term("States", "Escalated")),
    ("verified", term("States", "Verified")),
    ("withdrawn", term("States", "Withdrawn")),  # an amendment corrected the answer that raised it
)

FINDING_SEVERITY = _vocab(
    "finding_severity",
    ("low", term("Findings", "Minor")),
    ("normal", term("Findings", "Normal")),
    ("high", term("Findings", "Serious")),
    ("critical", term("Findings", "Critical")),
)

FINDING_CATEGORY = _vocab(
    "finding_category",
    ("checklist", term("Findings", "Checklist item")),
    ("material", term("Findings", "Materials")),
    ("price", term("Findings", "Prices")),
    ("service", term("Findings", "Service")),
    ("other", term("Findings", "Other")),
)

TEMPLATE = _vocab(
    "template",
    ("store_inspection", term("Templates", "Store inspection")),
    ("reinspection", term("Templates", "Re-inspection")),
)

CHECKLIST_KIND = _vocab(
    "checklist_kind",
    ("yesno", term("ChecklistKinds", "Yes / no")),
    ("score", term("ChecklistKinds", "Score")),
    ("number", term("ChecklistKinds", "Number")),
    ("choice", term("ChecklistKinds", "Choice")),
    ("text", term("ChecklistKinds", "Text")),
    ("photo", term("ChecklistKinds", "Photo")),
)

ANSWER = _vocab(
    "answer",
    ("yes", term("Answers", "Yes")),
    ("no", term("Answers", "No")),
    ("na", term("Answers", "Not applicable")),
    ("passed", term("Answers", "Passed")),
    ("failed", term("Answers", "Failed")),
    aliases={"y": "yes", "n": "no", "n/a": "na", "是": "yes", "否": "no", "不适用": "na"},
)

METRIC = _vocab(
    "metric",
    ("sales_volume", term("Metrics", "Sales volume")),
    ("revenue", term("Metrics", "Revenue")),
    ("new_outlets", term("Metrics", "New outlets")),
    ("collections", term("Metrics", "Collections")),
    ("market_share", term("Metrics", "Market share")),
    ("development", term("Metrics", "Development volume")),
)

KPI = _vocab(
    "kpi",
    ("market_share", term("KpiLabels", "Market share")),
    ("revenue", term("KpiLabels", "Revenue")),
    ("channel_utilisation", term("KpiLabels", "Channel use")),
    ("customer_satisfaction", term("KpiLabels", "Satisfaction")),
    ("visit_compliance", term("KpiLabels", "Visits")),
    ("rectification_closure", term("KpiLabels", "Rectification")),
)

UNIT = _vocab(
    "unit",
    ("fen", term("Units", "Yuan")),
    ("unit", term("Units", "Units")),
    ("count", term("Units", "Count")),
    ("permille", term("Units", "Per mille")),
    ("percent", term("Units", "Percent")),
)

PERIOD = _vocab(
    "period",
    ("day", term("Periods", "Day")),
    ("week", term("Periods", "Week")),
    ("month", term("Periods", "Month")),
    ("quarter", term("Periods", "Quarter")),
    ("year", term("Periods", "Year")),
)

RULE_SCOPE = _vocab(
    "rule_scope",
    ("partner", term("RuleScopes", "Per partner")),
    ("manager", term("RuleScopes", "Per manager")),
)

AGING_BUCKET = _vocab(
    "aging_bucket",
    ("0-30", term("Aging", "0–30 days")),
    ("31-60", term("Aging", "31–60 days")),
    ("61-90", term("Aging", "61–90 days")),
    ("90+", term("Aging", "Over 90 days")),
)

MATERIAL_ENTRY_KIND = _vocab(
    "material_entry_kind",
    ("issued", term("Materials", "Issued")),
    ("installed", term("Materials", "Installed")),
    ("returned", term("Materials", "Returned")),
)

COMPLAINT_STATUS = _vocab(
    "complaint_status",
    ("received", term("Complaints", "Received")),
    ("assigned", term("Complaints", "Assigned")),
    ("responded", term("Complaints", "Responded")),
    ("resolved", term("Complaints", "Resolved")),
    ("closed", term("Complaints", "Closed")),
)

CALLBACK_OUTCOME = _vocab(
    "callback_outcome",
    ("confirmed", term("Callbacks", "Confirmed")),
    ("deposit_withheld", term("Callbacks", "Deposit withheld")),
    ("unauthorised_connection", term("Callbacks", "Unauthorised connection")),
    ("fake", term("Callbacks", "Fake record")),
    ("unreachable", term("Callbacks", "Unreachable")),
    ("refused", term("Callbacks", "Refused")),
)

EVIDENCE_KIND = _vocab(
    "evidence_kind",
    ("photo_time", term("Evidence", "Photo taken at another time")),
    ("photo_place", term("Evidence", "Photo taken elsewhere")),
    ("photo_reused", term("Evidence", "Photo used before")),
    ("no_exif", term("Evidence", "Photo without camera data")),
)

WARNING_SOURCE = _vocab(
    "warning_source",
    ("callback", term("Warnings", "Callback")),
    ("evidence", term("Warnings", "Photo evidence")),
    ("complaint", term("Warnings", "Complaint")),
    ("inspection", term("Warnings", "Inspection")),
)

BUSINESS_RECORD_KIND = _vocab(
    "business_record_kind",
    ("new", term("BusinessRecords", "New customer")),
    ("served", term("BusinessRecords", "Served customer")),
)

RECEIVABLE_KIND = _vocab(
    "receivable_kind",
    ("invoice", term("Receivables", "Invoice")),
    ("payment", term("Receivables", "Payment")),
    aliases={"开票": "invoice", "收款": "payment"},
)

SCOPE_KIND = _vocab(
    "scope_kind",
    ("partner", term("ScopeKinds", "Partner")),
    ("region", term("ScopeKinds", "Region")),
)

# The columns of the target, actuals, business-record and receivable files (the partner
# file has its own, app.domain.partner_sheet): a message names a column the file lacks by
# this header (app.domain.sheet_columns), and a file may use it as the column's name.
SHEET_COLUMN = _vocab(
    "sheet_column",
    ("partner_code", term("SheetColumns", "Partner code")),
    ("metric", term("SheetColumns", "Metric")),
    ("period", term("SheetColumns", "Period")),
    ("scope_kind", term("SheetColumns", "Scope kind")),
    ("scope", term("SheetColumns", "Scope")),
    ("amount", term("SheetColumns", "Amount")),
    ("date", term("SheetColumns", "Date")),
    ("kind", term("SheetColumns", "Kind")),
    ("ref", term("SheetColumns", "Reference")),
    ("product", term("SheetColumns", "Product")),
    ("customer_ref", term("SheetColumns", "Customer reference")),
    ("phone", term("SheetColumns", "Phone")),
)

PARTNER_FIELD = _vocab(
    "partner_field",
    ("code", term("PartnerFields", "Code")),
    ("name", term("PartnerFields", "Name")),
    ("type", term("PartnerFields", "Type")),
    ("status", term("PartnerFields", "Status")),
    ("grade", term("PartnerFields", "Grade")),
    ("province_code", term("PartnerFields", "Province")),
    ("city_code", term("PartnerFields", "City")),
    ("district_code", term("PartnerFields", "District")),
    ("address", term("PartnerFields", "Address")),
    ("latitude", term("PartnerFields", "Latitude")),
    ("longitude", term("PartnerFields", "Longitude")),
    ("licence_no", term("PartnerFields", "Licence no.")),
    ("credit_rating", term("PartnerFields", "Credit rating")),
    ("credit_limit_fen", term("PartnerFields", "Credit limit")),
    ("bank_info", term("PartnerFields", "Bank details")),
    ("tags", term("PartnerFields", "Tags")),
    ("notes", term("PartnerFields", "Notes")),
    ("manager", term("PartnerFields", "Manager")),
)

OBSERVATION_KIND = _vocab(
    "observation_kind",
    ("complaint", term("Observations", "Complaint")),
    ("competitor", term("Observations", "Competitor outlet")),
)

WARNING_KIND = _vocab(
    "warning_kind",
    *((key, entry) for key, entry in CALLBACK_OUTCOME.entries.items() if key != "confirmed"),
    *EVIDENCE_KIND.entries.items(),
)

WARNING_ESCALATION = _vocab(
    "warning_escalation",
    ("rectification_order", term("Warnings", "Rectification order issued")),
    ("suspension_proposal", term("Warnings", "Suspension proposed")),
)


def template_label(name: str, title: str = "") -> str:
    """A checklist template in people's words: the vocabulary's label for the builtin ones,
    else the template's own title (HQ-published templates carry one), else its name."""
    if name in TEMPLATE.entries:
        return TEMPLATE.label(name)
    return title or name


def partner_value(field: str, value: object) -> str:
    """A partner field's stored value for people: statuses, types and grades by their words,
    region codes by name, the credit limit as money (conflicts, histories)."""
    from app.domain import formats
    from app.domain.regions import regions

    if value is None or value == "":
        return "—"
    if field == "status":
        return PARTNER_STATUS.label(str(value))
    if field == "type":
        return PARTNER_TYPE.label(str(value))
    if field == "grade":
        return GRADE.label(str(value))
    if field in ("province_code", "city_code", "district_code"):
        return regions().name(str(value))
    if field == "credit_limit_fen" and str(value).lstrip("-").isdigit():
        return formats.money_fen(int(str(value)))
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return str(value)


def vocabulary(name: str) -> Vocabulary:
    """The vocabulary called ``name`` (``KeyError`` for a name no module defines)."""
    return VOCABULARIES[name]


def label(name: str, key: str | None) -> str:
    """Shortcut: ``label("partner_status", "active")``."""
    return VOCABULARIES[name].label(key)


def key_for(name: str, text: object) -> str | None:
    """Shortcut: ``key_for("partner_type", "加盟店")`` → ``"franchise"``."""
    return VOCABULARIES[name].key_for(text)


def transition(name: str, before: str | None, after: str | None) -> str:
    """``暂停 → 正常`` style text for a change between two keys of one vocabulary."""
    vocab = VOCABULARIES[name]
    return f"{vocab.label(before)} → {vocab.label(after)}"


def answer_text(item: dict[str, Any]) -> str:
    """``answer_words`` for a checklist item as JSON (HQ's visit detail)."""
    return answer_words(item["kind"], item["answer"], item.get("max", 5))


def answer_words(kind: str, value: Any, maximum: Any = 5) -> str:
    """A checklist answer for people (reports at the laptop and at HQ): yes/no and
    passed/failed by their words, a score out of its maximum, photos counted."""
    if value is None:
        return "—"
    if kind == "yesno" or (isinstance(value, str) and value in ("passed", "failed")):
        return ANSWER.label(str(value))
    if kind == "score":
        return f"{value} / {maximum}"
    if kind == "photo":
        return trn("reports", "%n photo(s)", len(value) if isinstance(value, list) else 1)
    return str(value)


def answer_value_text(value: Any) -> str:
    """An amended answer for people: yes/no/passed/failed by their words."""
    if isinstance(value, str) and value in ANSWER.entries:
        return ANSWER.label(value)
    return "—" if value is None else str(value)
