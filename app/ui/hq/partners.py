"""HQ console sections for the partners' master data (issue 19): Partners (every partner
HQ holds, searched and filtered by region, grade and status; HQ edits the fields it owns
— code, grade, credit limit — and ``hq publish`` takes them to the laptops) and Grade
requests (the managers' grade change requests, approved or refused with a note as
``hq grade-requests approve|refuse`` does)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import formats as fmt
from app.domain.partners import fen_to_text, parse_money_to_fen
from app.domain.regions import regions
from app.domain.vocabulary import GRADE, PARTNER_STATUS
from app.ui.hq.base import HqSection, fill, key_of, table
from app.ui.widgets.region_picker import RegionPicker


class PartnersSection(HqSection):
    """HQ's partner list with filters; the selected partner's HQ-owned fields below."""

    def __init__(self, ui: Any, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.rows: list[dict[str, Any]] = []
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Code or name"))
        self.search.setClearButtonEnabled(True)
        # the shared region picker: province, city, district, typed by name, code or initials
        self.region = RegionPicker(any_text=self.tr("All regions"), search=False)
        self.region.changed.connect(lambda _code: self._filter())
        self.grade = QComboBox()
        self.grade.addItem(self.tr("All grades"), None)
        for key, label in GRADE.choices():
            self.grade.addItem(label, key)
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), None)
        for key, label in PARTNER_STATUS.choices():
            self.status.addItem(label, key)
        self.search.textChanged.connect(lambda _t: self._filter())
        for box in (self.grade, self.status):
            box.currentIndexChanged.connect(lambda _i: self._filter())
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        for label, widget in (
            (self.tr("Region"), self.region),
            (self.tr("Grade"), self.grade),
            (self.tr("Status"), self.status),
        ):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget, 3 if widget is self.region else 1)
        self.count = QLabel()
        self.view = table(
            [
                self.tr("Code"),
                self.tr("Name"),
                self.tr("Grade"),
                self.tr("Status"),
                self.tr("Region"),
                self.tr("Credit limit"),
                self.tr("Manager"),
                self.tr("Grade requests waiting"),
            ],
            empty=self.tr("No partner matches the filter. Laptops' bundles bring them (Inbox)."),
        )
        self.view.itemSelectionChanged.connect(self._selected_changed)
        editor = QGroupBox(self.tr("Fields HQ owns"))
        form = QFormLayout(editor)
        self.code = QLineEdit()
        self.code.setMaxLength(40)
        self.grade_edit = QComboBox()
        for key, label in GRADE.choices():
            self.grade_edit.addItem(label, key)
        self.credit = QLineEdit()
        self.credit.setPlaceholderText(self.tr("Amount in yuan, e.g. 50000"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        self.code.textChanged.connect(lambda _t: self._update_save())
        self.credit.textChanged.connect(lambda _t: self._update_save())
        self.grade_edit.currentIndexChanged.connect(lambda _i: self._update_save())
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Grade"), self.grade_edit)
        form.addRow(self.tr("Credit limit (yuan)"), self.credit)
        note = QLabel(
            self.tr(
                "Saved at HQ; the laptops of the partner's territory receive it with their next HQ bundle, and their "
                "own edits of these fields give way to HQ's."
            )
        )
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow("", self.save_button)
        self.editor = editor
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.count)
        layout.addWidget(self.view, 1)
        layout.addWidget(editor)
        self._selected_changed()

    def title(self) -> str:
        return self.tr("Partners")

    def load(self) -> None:
        from app.hq.partners import partner_rows

        self.read(partner_rows, on_done=self._loaded)

    def _loaded(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        self._filter()

    def _filter(self) -> None:
        from app.hq.partners import filter_partners

        selected = self.selected()
        shown = filter_partners(
            self.rows,
            self.search.text(),
            self.region.code() or None,
            self.grade.currentData(),
            self.status.currentData(),
        )
        fill(
            self.view,
            [
                [
                    r["code"],
                    r["name"],
                    GRADE.label(r["grade"]) or "—",
                    PARTNER_STATUS.label(r["status"]) or "—",
                    regions().name(r["region"]) or "—",
                    fmt.money_fen(r["credit_limit_fen"]),
                    r["manager"] or (r["device_id"] or "")[:8] or "—",
                    str(r["pending_requests"]) if r["pending_requests"] else "",
                ]
                for r in shown
            ],
            [r["id"] for r in shown],
        )
        if not self.rows:
            self.count.setText(
                self.tr("HQ holds no partners yet: they arrive with the laptops' bundles.")
            )
        elif not shown:
            self.count.setText(self.tr("No partner matches the search and filters."))
        else:
            self.count.setText(
                self.tr("%n partner(s)", "", len(shown))
                if len(shown) == len(self.rows)
                else self.tr("{shown} of {total} partners").format(
                    shown=len(shown), total=len(self.rows)
                )
            )
        for row in range(self.view.rowCount()):
            if key_of(self.view, row) == selected:
                self.view.selectRow(row)
                break
        self._selected_changed()

    def selected(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        return key_of(self.view, rows[0].row()) if rows else None

    def _partner(self) -> dict[str, Any] | None:
        pid = self.selected()
        return next((r for r in self.rows if r["id"] == pid), None)

    def _selected_changed(self) -> None:
        partner = self._partner()
        self.editor.setEnabled(partner is not None)
        self.editor.setTitle(
            self.tr("Fields HQ owns: {code} {name}").format(
                code=partner["code"], name=partner["name"]
            )
            if partner
            else self.tr("Fields HQ owns (select a partner)")
        )
        for widget in (self.code, self.grade_edit, self.credit):
            widget.blockSignals(True)
        self.code.setText(partner["code"] if partner else "")
        self.grade_edit.setCurrentIndex(
            self.grade_edit.findData(partner["grade"]) if partner else -1  # blank: none chosen
        )
        limit = partner["credit_limit_fen"] if partner else None
        self.credit.setText(fen_to_text(limit) if limit is not None else "")
        for widget in (self.code, self.grade_edit, self.credit):
            widget.blockSignals(False)
        self._update_save()

    def _values(self) -> dict[str, Any] | None:
        """The edited fields that differ from the partner's; None when the amount is bad."""
        partner = self._partner()
        if partner is None:
            return {}
        values: dict[str, Any] = {}
        if self.code.text().strip() != partner["code"]:
            values["code"] = self.code.text().strip()
        if self.grade_edit.currentData() != partner["grade"]:
            values["grade"] = self.grade_edit.currentData()
        text = self.credit.text().strip()
        if text or partner["credit_limit_fen"] is not None:
            try:
                fen = parse_money_to_fen(text)
            except ValueError:
                return None
            if fen != partner["credit_limit_fen"]:
                values["credit_limit_fen"] = fen
        return values

    def _update_save(self) -> None:
        values = self._values()
        self.save_button.setEnabled(values is None or bool(values))

    def save(self) -> None:
        from app.hq.partners import set_partner_fields

        partner, values = self._partner(), self._values()
        if partner is None:
            return
        if values is None:
            self.ui.show_message(
                self.tr("The credit limit is not an amount: {value}").format(
                    value=self.credit.text().strip()
                ),
                "error",
            )
            return
        self.ui.ops.run(
            set_partner_fields,
            self.ui.hq,
            partner["id"],
            values,
            on_done=self._saved,
            initiator=self,
        )

    def _saved(self, result: Any) -> None:
        self.ui.show_message(
            self.tr("Partner {code} saved; laptops receive it with their next HQ bundle.").format(
                code=result.code
            ),
            "info",
        )


class GradeRequestsSection(HqSection):
    """The grade change requests the laptops sent; HQ approves or refuses the pending ones."""

    def __init__(self, ui: Any, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.rows: list[dict[str, Any]] = []
        self.status = QComboBox()
        self.status.addItem(self.tr("Waiting for HQ"), "pending")
        self.status.addItem(self.tr("Approved"), "approved")
        self.status.addItem(self.tr("Refused"), "refused")
        self.status.addItem(self.tr("All"), None)
        self.status.currentIndexChanged.connect(lambda _i: self.load())
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.status)
        top.addStretch(1)
        self.empty = QLabel()
        self.view = table(
            [
                self.tr("Partner"),
                self.tr("Name"),
                self.tr("Grade change"),
                self.tr("Reason"),
                self.tr("Requested by"),
                self.tr("Device"),
                self.tr("Requested on"),
                self.tr("State"),
                self.tr("HQ's note"),
            ]
        )
        self.view.itemSelectionChanged.connect(self._update_buttons)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note to the manager (required to refuse)"))
        self.note.textChanged.connect(lambda _t: self._update_buttons())
        self.approve_button = QPushButton(self.tr("Approve"))
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.refuse_button = QPushButton(self.tr("Refuse"))
        self.refuse_button.clicked.connect(lambda: self.decide(False))
        actions = QHBoxLayout()
        actions.addWidget(self.note, 1)
        actions.addWidget(self.approve_button)
        actions.addWidget(self.refuse_button)
        hint = QLabel(
            self.tr(
                "Approving sets the partner's grade at HQ; the decision and the grade reach the laptops with their "
                "next HQ bundle."
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)
        layout.addWidget(hint)
        self._update_buttons()

    def title(self) -> str:
        return self.tr("Grade requests")

    def load(self) -> None:
        from app.hq.partners import grade_request_rows

        self.read(grade_request_rows, self.status.currentData(), on_done=self._show)

    def _show(self, rows: list[dict[str, Any]]) -> None:
        selected = self.selected()
        self.rows = rows
        states = {
            "pending": self.tr("waiting"),
            "approved": self.tr("approved"),
            "refused": self.tr("refused"),
        }
        fill(
            self.view,
            [
                [
                    r["partner_code"] or "—",
                    r["partner_name"] or "—",
                    f"{GRADE.label(r['current_grade']) or '—'} → {GRADE.label(r['requested_grade'])}",
                    r["reason"],
                    r["requested_by"] or "—",
                    r["device_id"] or "—",
                    fmt.date_text(r["requested_on"]) if r["requested_on"] else "—",
                    states.get(r["status"], r["status"] or ""),
                    r["decision_note"],
                ]
                for r in rows
            ],
            [r["id"] for r in rows],
        )
        self.empty.setVisible(not rows)
        self.empty.setText(
            self.tr("No grade change request waits for HQ.")
            if self.status.currentData() == "pending"
            else self.tr("No grade change requests.")
        )
        for row in range(self.view.rowCount()):
            if key_of(self.view, row) == selected:
                self.view.selectRow(row)
                break
        self._update_buttons()

    def selected(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        return key_of(self.view, rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        request = next((r for r in self.rows if r["id"] == self.selected()), None)
        pending = request is not None and request["status"] == "pending"
        self.approve_button.setEnabled(pending)
        self.refuse_button.setEnabled(pending and bool(self.note.text().strip()))
        self.note.setEnabled(pending)

    def decide(self, approve: bool) -> None:
        from app.hq.grade_requests import decide

        request_id = self.selected()
        if request_id is None:
            return
        self.ui.ops.run(
            decide,
            self.ui.hq,
            request_id,
            approve,
            self.note.text(),
            on_done=self._decided,
            initiator=self,
        )

    def _decided(self, decision: Any) -> None:
        result = decision.to_json()
        self.note.clear()
        self.ui.show_message(
            (
                self.tr("Request approved: {code} is now grade {grade}.")
                if result["status"] == "approved"
                else self.tr("Request refused: {code} keeps grade {grade}.")
            ).format(code=result["partner_code"], grade=GRADE.label(result["grade"]))
            + " "
            + self.tr("The laptops receive the decision with their next HQ bundle."),
            "info",
        )
