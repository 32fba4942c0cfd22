"""The Partners section: search box (instant, debounced), filters, the paged table, the
partner card beside it, and actions (new, edit, contact, lifecycle, import, export).

The table's rows are read on a reader thread (``PartnerTableModel``): a search, a filter, a
sort or a refresh returns at once, the rows shown stay (with "Loading the partners…" by
the count once a read takes a moment), and selection and count follow when the rows come
(``_shown``)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocabulary import GRADE, PARTNER_STATUS, PARTNER_TYPE
from app.errors import UserError
from app.services.context import Changes
from app.services.partner_list import PartnerQuery, partner_count
from app.ui.partners.card import PartnerCard
from app.ui.partners.model import PartnerTableModel, status_label, type_label
from app.ui.sections import Section
from app.ui.widgets.empty_state import set_empty_text
from app.ui.widgets.region_picker import RegionPicker

# The partner services, dialogs and the card's queries (SQLAlchemy) are imported on use:
# the list itself reads through ``partner_list`` (plain sqlite3), so the window paints
# before the ORM is loaded. QFileDialog too: PySide builds a Qt class's Python type (and
# its enums) when Python first names it.


class PartnersSection(Section):
    section_id = "partners"

    def __init__(self, ui: Any, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.model = PartnerTableModel(ui, self)
        self._selected_before: str | None = None  # the partner selected when rows were replaced
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.shown.connect(self._shown)
        self.model.read_failed.connect(self._read_failed)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name, code, address, contact or phone…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search partners"))
        self.grade = QComboBox()
        self.grade.addItem(self.tr("All grades"), None)
        for grade in GRADE.keys:  # not app.domain.partners: its rules load on first edit
            self.grade.addItem(self.tr("Grade {grade}").format(grade=grade), grade)
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), None)
        for status in PARTNER_STATUS.keys:
            self.status.addItem(status_label(status), status)
        self.type = QComboBox()
        self.type.addItem(self.tr("All types"), None)
        for kind in PARTNER_TYPE.keys:
            self.type.addItem(type_label(kind), kind)
        self.region = RegionPicker(any_text=self.tr("All regions"), search=False)
        self.region.changed.connect(self.apply_filters)
        self.count_label = QLabel()
        # the hint only shows when a read takes a moment (most take a few milliseconds)
        self._hint = QTimer(self)
        self._hint.setSingleShot(True)
        self._hint.setInterval(150)
        self._hint.timeout.connect(self._show_loading)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(180)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._debounce.start)
        for combo in (self.grade, self.status, self.type):
            combo.currentIndexChanged.connect(self.apply_filters)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        # a sort is read like a search: the count says so when it takes a moment
        self.table.horizontalHeader().sortIndicatorChanged.connect(lambda *_a: self._hint.start())
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((130, 260, 50, 70, 80, 150, 80, 110)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda _i: self.edit_partner())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.card = PartnerCard(ui)

        buttons = QHBoxLayout()
        # A tool bar, not a plain row: with large text or a narrow window the buttons that
        # do not fit move into its » overflow menu instead of being squeezed unreadable.
        self.action_bar = QToolBar(self.tr("Partner actions"))
        self.action_bar.setObjectName("partnerActions")
        self.new_button = QPushButton(self.tr("&New partner"))
        self.edit_button = QPushButton(self.tr("E&dit"))
        self.contact_button = QPushButton(self.tr("Add &contact"))
        self.lifecycle_button = QPushButton(self.tr("&Lifecycle…"))
        self.contract_button = QPushButton(self.tr("Add cont&ract…"))
        self.file_button = QPushButton(self.tr("&Attach file…"))
        self.stock_button = QPushButton(self.tr("Stoc&k limits…"))
        self.materials_button = QPushButton(self.tr("&Materials…"))
        self.materials_button.setToolTip(
            self.tr("Promotion-material ledger: issued, installed and returned items")
        )
        self.complaint_button = QPushButton(self.tr("Com&plaint…"))
        self.competitor_button = QPushButton(self.tr("C&ompetitor…"))
        self.import_button = QPushButton(self.tr("&Import…"))
        self.export_button = QPushButton(self.tr("E&xport…"))
        for button, slot in (
            (self.new_button, self.new_partner),
            (self.edit_button, self.edit_partner),
            (self.contact_button, self.add_contact),
            (self.lifecycle_button, self.lifecycle),
            (self.contract_button, self.add_contract),
            (self.file_button, self.attach_file),
            (self.stock_button, self.stock_limits),
            (self.materials_button, self.materials),
            (self.complaint_button, lambda: self.observation("complaint")),
            (self.competitor_button, lambda: self.observation("competitor")),
            (self.import_button, self.import_dialog),
            (self.export_button, self.export_dialog),
        ):
            button.clicked.connect(slot)
            self.action_bar.addWidget(button)
        self.selection_buttons = (
            self.edit_button,
            self.contact_button,
            self.lifecycle_button,
            self.contract_button,
            self.file_button,
            self.stock_button,
            self.materials_button,
            self.complaint_button,
            self.competitor_button,
        )
        self._update_actions()
        buttons.addWidget(self.action_bar, 1)
        buttons.addWidget(self.count_label)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        for combo in (self.grade, self.status, self.type):
            filters.addWidget(combo, 1)
        filters.addWidget(self.region, 3)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.card)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.setTabOrder(self.search, self.grade)
        self.setTabOrder(self.grade, self.status)
        self.setTabOrder(self.status, self.type)
        self.setTabOrder(self.type, self.region.province)
        self.setTabOrder(self.region.province, self.region.city)
        self.setTabOrder(self.region.city, self.region.district)
        self.setTabOrder(self.region.district, self.table)

    def title(self) -> str:
        return self.tr("Partners")

    def first_load(self) -> None:
        """The first page is read here, on the UI thread: the window's first paint waits
        for it either way (a reader thread would only add the hop); every later read is a
        person's action and runs on a reader thread."""
        try:
            self.model.load_now(self.current_query())
        except Exception as exc:  # e.g. a locked or damaged database: said, list left empty
            self.ui.report_failure(exc)
        # after the first page: a table that opens with rows never makes its empty label
        set_empty_text(self.table, self._empty_text)

    def _first_load(self) -> None:
        """The first page paints from one page query; the section is ready (for ``gui
        --screenshot`` and the rest of a deferred start) once the count shows too."""
        self.first_load()
        if self.model.known_total is not None or not self.model.loaded:
            self.mark_ready()

    def menu_actions(self) -> list[tuple[str, QAction]]:
        find = QAction(self.tr("&Find partner"), self)
        find.setShortcut(QKeySequence("Ctrl+F"))
        find.triggered.connect(self._focus_search)
        new = QAction(self.tr("&New partner…"), self)
        new.setShortcut(QKeySequence("Ctrl+N"))
        new.triggered.connect(self.new_partner)
        imp = QAction(self.tr("&Import partners…"), self)
        imp.setShortcut(QKeySequence("Ctrl+I"))
        imp.triggered.connect(self.import_dialog)
        exp = QAction(self.tr("&Export partners…"), self)
        exp.setShortcut(QKeySequence("Ctrl+E"))
        exp.triggered.connect(self.export_dialog)
        return [("edit", find), ("file", new), ("file", imp), ("file", exp)]

    def _focus_search(self) -> None:
        self.ui.main_window.show_section(self.section_id)
        self.search.setFocus()
        self.search.selectAll()

    # -- data -------------------------------------------------------------------
    def current_query(self) -> PartnerQuery:
        base = self.model.wanted_query  # a sort asked for and still being read counts
        return PartnerQuery(
            search=self.search.text(),
            grade=self.grade.currentData(),
            status=self.status.currentData(),
            type=self.type.currentData(),
            region=self.region.code() or None,
            sort=base.sort,
            descending=base.descending,
        )

    def apply_filters(self) -> None:
        """Read the rows for the search and filters on a reader thread (returns at once)."""
        self.model.set_query(self.current_query(), force=True)
        self._hint.start()

    def on_changed(self, changes: Changes) -> None:
        if changes.touches(
            "partner",
            "contact",
            "contract",
            "attachment",
            "inventory_limit",
            "lifecycle_event",
            "grade_change",
            "complaint",
            "competitor_observation",
            "material_ledger_entry",
        ):
            self.model.refresh()  # the selected partner is selected again when it comes
            self._hint.start()

    def _remember_selection(self) -> None:
        self._selected_before = self.selected_id()

    def _shown(self, previous: PartnerQuery) -> None:
        """A query's rows have come: after a refresh or a sort the partner selected before
        stays selected if among the rows (a refresh reads as many rows as were loaded, so
        the table stays where it was scrolled); otherwise (a new search or filter, or that
        partner gone) the first row is."""
        self._hint.stop()
        query = self.model.query
        same_list = replace(previous, sort=query.sort, descending=query.descending) == query
        row = self.model.row_of(self._selected_before) if same_list else None
        if row is None and self.model.rowCount():
            row = 0
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        else:
            self.card.blank()
        self._show_count()
        self._update_actions()

    def _show_loading(self) -> None:
        if self.model.reading:
            self.count_label.setText(self.tr("Loading the partners…"))

    def _read_failed(self) -> None:
        """The newest read failed (the message bar says why): the rows shown stay."""
        self._hint.stop()
        self._show_count()
        self.mark_ready()

    def _show_count(self) -> None:
        """The count label: at once when the model knows its total (a search counts while
        it finds, a short list is its own count); otherwise counted on a reader thread, so
        the page paints without waiting for a count over every partner."""
        total = self.model.known_total
        if total is not None:
            self.count_label.setText(self.tr("%n partner(s)", "", total))
            return
        self.count_label.clear()  # the last count belongs to other filters
        self.ui.ops.run(
            counted_query,
            self.ui.ctx,
            self.model.query,
            read_only=True,
            on_done=self._counted,
            on_error=self._count_failed,
        )

    def _counted(self, result: tuple[PartnerQuery, int]) -> None:
        query, total = result
        self.model.set_total(query, total)
        if query == self.model.query and not self.model.reading:
            self.count_label.setText(self.tr("%n partner(s)", "", total))
        self.mark_ready()

    def _count_failed(self, exc: BaseException) -> None:
        self.mark_ready()
        if isinstance(exc, UserError):  # e.g. the database is busy: the list still shows
            self.ui.show_message(exc.message, "error", details=exc.details)
        else:
            self.ui.show_crash(exc, getattr(exc, "__traceback_text__", ""))

    def selected_id(self) -> str | None:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return None
        row = self.model.row_at(indexes[0].row())
        return row.id if row else None

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        partner_id = self.selected_id()
        if partner_id and not self.starting:
            self._load_card(partner_id)
        self._update_actions()

    def _update_actions(self) -> None:
        """Actions on one partner need a selected partner; the card says so meanwhile."""
        selected = self.selected_id() is not None
        for button in self.selection_buttons:
            button.setEnabled(selected)
        if not selected:
            self.card.show_placeholder()
        elif self.starting:
            self.card.blank()  # the selected partner's card loads once the window has started

    def _empty_text(self) -> str:
        query = self.current_query()
        if query.search or query.grade or query.status or query.type or query.region:
            return self.tr(
                "No partner matches the search and filters.\nClear them to see every partner."
            )
        return self.tr("No partners yet.\nAdd one with “New partner” or import a spreadsheet.")

    def finish_start(self) -> None:
        """The window's deferred start is over: show the card of the selected partner
        (skipped until now so the list paints before the card's queries load the ORM)."""
        super().finish_start()
        partner_id = self.selected_id()
        if partner_id:
            self._load_card(partner_id)

    def _load_card(self, partner_id: str) -> None:
        self.card.load(partner_id)

    def card_html(self, partner_id: str) -> str:
        """The card of ``partner_id``, read here and now."""
        return self.card.html_for(partner_id)

    # -- actions ----------------------------------------------------------------
    def new_partner(self) -> None:
        from app.ui.partners.dialogs import PartnerDialog

        PartnerDialog(self.ui, None, self).exec()

    def edit_partner(self) -> None:
        from app.ui.partners.dialogs import PartnerDialog

        partner_id = self.selected_id()
        if partner_id:
            PartnerDialog(self.ui, partner_id, self).exec()

    def add_contact(self) -> None:
        from app.ui.partners.file_dialogs import ContactDialog

        partner_id = self.selected_id()
        if partner_id:
            ContactDialog(self.ui, partner_id, self).exec()

    def add_contract(self) -> None:
        from app.ui.partners.file_dialogs import ContractDialog

        partner_id = self.selected_id()
        if partner_id:
            ContractDialog(self.ui, partner_id, self).exec()

    def observation(self, kind: str) -> None:
        from app.ui.partners.file_dialogs import ObservationDialog

        partner_id = self.selected_id()
        if partner_id:
            ObservationDialog(self.ui, partner_id, kind, None, self).exec()

    def stock_limits(self) -> None:
        from app.ui.partners.file_dialogs import InventoryDialog

        partner_id = self.selected_id()
        if partner_id:
            InventoryDialog(self.ui, partner_id, self).exec()

    def materials(self) -> None:
        from app.ui.partners.materials import MaterialLedgerDialog

        partner_id = self.selected_id()
        if partner_id:
            MaterialLedgerDialog(self.ui, partner_id, self).exec()

    def attach_file(self, _checked: bool = False, path: str | None = None) -> None:
        partner_id = self.selected_id()
        if not partner_id:
            return
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Attach a file (licence scan, signed contract…)")
            )
        if path:
            from pathlib import Path

            from app.services import partner_documents

            self.ui.ops.run(
                partner_documents.attach_file,
                self.ui.ctx,
                partner_id,
                Path(path),
                "scan",
                initiator=self,
            )

    def lifecycle(self) -> None:
        from app.ui.partners.file_dialogs import LifecycleDialog

        partner_id = self.selected_id()
        if partner_id:
            LifecycleDialog(self.ui, partner_id, self).exec()

    def import_dialog(self, path: str | None = None) -> None:
        from app.ui.partners.spreadsheets import import_partners_from

        import_partners_from(self, path)

    def export_dialog(self, path: str | None = None) -> None:
        from app.ui.partners.spreadsheets import export_partners_to

        export_partners_to(self, path)


def counted_query(ctx: Any, query: PartnerQuery) -> tuple[PartnerQuery, int]:
    """``query`` with its number of partners (for a count made on a reader thread)."""
    return query, partner_count(ctx, query)
