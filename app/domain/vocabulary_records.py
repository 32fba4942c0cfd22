"""Two more vocabularies (``app.domain.vocabulary``'s kind, registered with it): the kinds
of records that sync and HQ's rules for the managers' duties, in people's words for HQ's
command-line statistics, conflicts and rules."""

from __future__ import annotations

from app.domain.vocabulary import _vocab, term

# The kinds of records that sync (the bundle's ``records/<entity>.jsonl`` names), as HQ's
# statistics and conflicts name them for people.
RECORD_ENTITY = _vocab(
    "record_entity",
    ("partner", term("RecordEntities", "Partners")),
    ("contact", term("RecordEntities", "Contacts")),
    ("contract", term("RecordEntities", "Contracts")),
    ("lifecycle_event", term("RecordEntities", "Lifecycle events")),
    ("grade_change", term("RecordEntities", "Grade changes")),
    ("grade_request", term("RecordEntities", "Grade change requests")),
    ("visit", term("RecordEntities", "Visits")),
    ("visit_answer", term("RecordEntities", "Checklist answers")),
    ("visit_photo", term("RecordEntities", "Visit photos")),
    ("visit_amendment", term("RecordEntities", "Visit amendments")),
    ("attachment", term("RecordEntities", "Attachments")),
    ("finding", term("RecordEntities", "Findings")),
    ("rectification_order", term("RecordEntities", "Rectification orders")),
    ("rectification_event", term("RecordEntities", "Rectification steps")),
    ("competitor_observation", term("RecordEntities", "Competitor notes")),
    ("material_count", term("RecordEntities", "Material counts")),
    ("material_ledger_entry", term("RecordEntities", "Material ledger entries")),
    ("inventory_limit", term("RecordEntities", "Stock limits")),
    ("target", term("RecordEntities", "Targets")),
    ("actual", term("RecordEntities", "Actual figures")),
    ("kpi_score", term("RecordEntities", "KPI scores")),
    ("invoice", term("RecordEntities", "Invoices")),
    ("payment", term("RecordEntities", "Payments")),
    ("complaint", term("RecordEntities", "Complaints")),
    ("promotion", term("RecordEntities", "Promotions")),
    ("training_session", term("RecordEntities", "Trainings")),
    ("daily_log", term("RecordEntities", "Daily logs")),
    ("callback_draw", term("RecordEntities", "Callback samples")),
    ("callback_call", term("RecordEntities", "Callbacks")),
    ("partner_warning", term("RecordEntities", "Warnings")),
    ("dev_record", term("RecordEntities", "Development records")),
    ("checklist_template", term("RecordEntities", "Checklist templates")),
    ("frequency_rule", term("RecordEntities", "Visit frequency rules")),
    ("duty_rule", term("RecordEntities", "Duty rules")),
)

# HQ's rules for the managers' duties (app.domain.duties.DEFAULT_RULES), for people.
DUTY_RULE = _vocab(
    "duty_rule",
    ("devrecord_retention_days", term("DutyRules", "Development records kept (days)")),
    ("callback_percent", term("DutyRules", "Records called back (%)")),
    ("callback_max_attempts", term("DutyRules", "Callback attempts before unreachable")),
    ("warning_window_days", term("DutyRules", "Warnings counted over (days)")),
    ("warnings_for_rectification", term("DutyRules", "Warnings for a rectification order")),
    ("warnings_for_suspension", term("DutyRules", "Warnings for a suspension proposal")),
    ("complaint_response_hours", term("DutyRules", "Complaint response within (hours)")),
    ("complaint_resolution_hours", term("DutyRules", "Complaint resolution within (hours)")),
    ("evidence_photo_hours", term("DutyRules", "Photo taken at most (hours) before check-in")),
    ("evidence_photo_metres", term("DutyRules", "Photo taken at most (metres) from the store")),
)
