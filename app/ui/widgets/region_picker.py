"""The region picker: province → city → district combo boxes from the bundled administrative
divisions, plus a search line that finds a region by name, code or pinyin initials
(``njs`` → 南京市). Used wherever a person chooses a region: the first-run territory,
Settings, the partner form, the partner filter and the target decomposition editor.

Each combo box can be typed into as well: its list narrows to the entries whose name,
pinyin initials or code contain what was typed; Enter (or leaving the box) takes the first
of them, a region code of any level typed into any box selects that region, and text that
matches nothing is not accepted (the box shows its choice again).

``code()`` is the shortest code of the most specific level chosen (``""`` for none);
``set_code`` accepts every form ``regions().normalise`` does (``320100`` = ``3201``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QWidget,
)

from app.domain.pinyin import initials
from app.domain.regions import Region, regions

SEARCH_ROLE = int(Qt.ItemDataRole.UserRole) + 1
CODE_ROLE = int(Qt.ItemDataRole.UserRole) + 2
_PLACEHOLDER_NAMES = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划")


@lru_cache(maxsize=1)
def _search_rows() -> tuple[tuple[str, str, str], ...]:
    """(code, shown text, searched text) for every region, provinces first."""
    table = regions()
    rows = []
    for group in (table.provinces, table.cities, table.districts):
        for code, region in sorted(group.items()):
            if region.name in _PLACEHOLDER_NAMES:
                continue
            full = table.full_name(code)
            short = full.split(" ")[-1]
            where = " ".join(full.split(" ")[:-1])
            shown = f"{short}  {where}  {code}".replace("    ", "  ").strip()
            searched = " ".join(
                (full.replace(" ", ""), code, initials(full.replace(" ", "")), initials(short))
            )
            rows.append((code, shown, searched))
    return tuple(rows)


class _ContainsAllFilter(QSortFilterProxyModel):
    """Rows whose search text contains every word typed (name, code or pinyin initials)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words: list[str] = []

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.words = [w.casefold() for w in text.split() if w]
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        if not self.words:
            return False
        index = self.sourceModel().index(source_row, 0, source_parent)
        haystack = str(index.data(SEARCH_ROLE) or "").casefold()
        return all(word in haystack for word in self.words)


class _NameCompleter(QCompleter):
    """Matches on the search text (``SEARCH_ROLE``) but puts the entry's name in the box."""

    def pathFromIndex(self, index: QModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


class RegionCombo(QComboBox):
    """One level of the picker that can be typed into (name, pinyin initials or code).

    Only entries of the list can be chosen: ``code_typed`` asks the picker to select a
    region code of another level typed here; anything else that matches nothing is undone.
    """

    code_typed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = _NameCompleter(self)
        completer.setModel(self.model())
        completer.setCompletionRole(SEARCH_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        self.lineEdit().editingFinished.connect(self.settle)

    def add_region(self, text: str, code: str) -> None:
        """An entry shown as ``text``; found by it, its pinyin initials and ``code``."""
        self.addItem(text, code)
        searched = f"{text} {initials(text)} {code}" if code else text
        self.setItemData(self.count() - 1, searched, SEARCH_ROLE)

    def matching_row(self, text: str) -> int:
        """The first entry whose name, initials or code contain ``text`` (-1 for none);
        an entry named exactly ``text`` comes first."""
        exact = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if exact >= 0:
            return exact
        wanted = text.casefold()
        for row in range(self.count()):
            if wanted in str(self.itemData(row, SEARCH_ROLE) or "").casefold():
                return row
        return -1

    def settle(self) -> None:
        """Turn what was typed into a choice, or show the current choice again."""
        text = self.lineEdit().text().strip()
        if text == self.itemText(self.currentIndex()):
            return
        if not text:
            self.setCurrentIndex(0)  # an emptied box chooses nothing at its level
        elif text.isascii() and text.isdigit() and regions().normalise(text):
            self.code_typed.emit(regions().normalise(text) or "")
        elif (row := self.matching_row(text)) >= 0:
            self.setCurrentIndex(row)
        self.setEditText(self.itemText(self.currentIndex()))


class RegionPicker(QWidget):
    """Province, city and district combos with a search line; ``changed(code)`` on every
    choice. ``any_text`` labels the empty choice (``全部地区`` in a filter)."""

    changed = Signal(str)

    def __init__(
        self, parent: QWidget | None = None, *, any_text: str | None = None, search: bool = True
    ) -> None:
        super().__init__(parent)
        self.setSizePolicy(
            QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed
        )  # one line high in any form
        self._any_text = any_text or self.tr("Province")
        self._quiet = False
        self.province = RegionCombo()
        self.city = RegionCombo()
        self.district = RegionCombo()
        for combo, name in (
            (self.province, self.tr("Province")),
            (self.city, self.tr("City")),
            (self.district, self.tr("District")),
        ):
            combo.setAccessibleName(name)
            combo.setToolTip(name)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumContentsLength(5)
            combo.code_typed.connect(self.set_code)
        self.province.add_region(self._any_text, "")
        table = regions()
        for code, region in sorted(table.provinces.items()):
            self.province.add_region(region.name, code)
        self._fill_cities("")
        self.province.currentIndexChanged.connect(self._province_changed)
        self.city.currentIndexChanged.connect(self._city_changed)
        self.district.currentIndexChanged.connect(self._emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.search: QLineEdit | None = None
        if search:
            self.search = QLineEdit()
            self.search.setPlaceholderText(self.tr("Find: name, code or pinyin initials"))
            self.search.setAccessibleName(self.tr("Find a region"))
            self.search.setClearButtonEnabled(True)
            # every region's row (some 3 300) is made on the first search, not with the
            # picker: a form that holds one opens without waiting for them
            self._search_model = QStandardItemModel(self.search)
            self._filter = _ContainsAllFilter(self.search)
            self._filter.setSourceModel(self._search_model)
            completer = QCompleter(self._filter, self.search)
            completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
            completer.setMaxVisibleItems(12)
            completer.popup().setMinimumWidth(340)  # the region's name, where it is and its code
            self.search.setCompleter(completer)
            self.search.textEdited.connect(self._search_edited)
            completer.activated[QModelIndex].connect(self._picked)  # type: ignore[index]
            self.search.returnPressed.connect(self._take_first)
            layout.addWidget(self.search, 2)
        self.setFocusProxy(
            self.search if self.search is not None else self.province
        )  # a form label's mnemonic lands here
        layout.addWidget(self.province, 1)
        layout.addWidget(self.city, 1)
        layout.addWidget(self.district, 1)

    # -- reading and setting -------------------------------------------------
    def code(self) -> str:
        for combo in (self.district, self.city, self.province):
            value = combo.currentData()
            if value:
                return str(value)
        return ""

    def name(self) -> str:
        return regions().name(self.code())

    def set_code(self, code: str | None) -> None:
        """Select ``code`` (any accepted form); an unknown or empty code selects nothing."""
        short = regions().normalise(code) if code else None
        self._quiet = True
        try:
            self.province.setCurrentIndex(
                max(0, self.province.findData(short[:2] if short else ""))
            )
            self._fill_cities(short[:2] if short else "")
            if short and len(short) >= 4:
                self.city.setCurrentIndex(max(0, self.city.findData(short[:4])))
            self._fill_districts(short[:4] if short and len(short) >= 4 else "")
            if short and len(short) == 6:
                self.district.setCurrentIndex(max(0, self.district.findData(short)))
        finally:
            self._quiet = False
        self._emit()

    # -- cascade -------------------------------------------------------------
    def _fill_cities(self, province: str) -> None:
        table = regions()
        self.city.blockSignals(True)
        self.city.clear()
        self.city.add_region(self.tr("City") if not province else self.tr("(whole province)"), "")
        for city in sorted(table.cities_of(province), key=lambda r: r.code) if province else []:
            self.city.add_region(self._city_name(city), city.code)
        self.city.setEnabled(bool(province))
        self.city.blockSignals(False)
        self._fill_districts("")

    @staticmethod
    def _city_name(city: Region) -> str:
        if city.name in _PLACEHOLDER_NAMES:  # 北京市 市辖区: the municipality's districts
            province = regions().provinces.get(city.code[:2])
            return f"{province.name if province else ''}{city.name}"
        return city.name

    def _fill_districts(self, city: str) -> None:
        self.district.blockSignals(True)
        self.district.clear()
        self.district.add_region(self.tr("District") if not city else self.tr("(whole city)"), "")
        for district in sorted(regions().districts_of(city), key=lambda r: r.code) if city else []:
            self.district.add_region(district.name, district.code)
        self.district.setEnabled(bool(city))
        self.district.blockSignals(False)

    def _province_changed(self) -> None:
        if self._quiet:
            return
        self._fill_cities(str(self.province.currentData() or ""))
        self._emit()

    def _city_changed(self) -> None:
        if self._quiet:
            return
        self._fill_districts(str(self.city.currentData() or ""))
        self._emit()

    def _emit(self) -> None:
        if not self._quiet:
            self.changed.emit(self.code())

    # -- search --------------------------------------------------------------
    def _fill_search(self) -> None:
        if self._search_model.rowCount():
            return
        for code, shown, searched in _search_rows():
            item = QStandardItem(shown)
            item.setData(searched, SEARCH_ROLE)
            item.setData(code, CODE_ROLE)
            self._search_model.appendRow(item)

    def _search_edited(self, text: str) -> None:
        self._fill_search()
        self._filter.set_text(text)

    def _picked(self, index: QModelIndex) -> None:
        code = index.data(CODE_ROLE)
        if code:
            self.set_code(str(code))
            if self.search is not None:
                self.search.clear()

    def _take_first(self) -> None:
        if self.search is None:
            return
        text = self.search.text().strip()
        if re.fullmatch(r"\d{2}|\d{4}|\d{6}", text) and regions().normalise(text):
            self.set_code(text)
            self.search.clear()
            return
        self._search_edited(text)
        if self._filter.rowCount() > 0:
            self._picked(self._filter.index(0, 0))


class TerritoryEditor(QWidget):
    """A territory: several regions chosen with a ``RegionPicker`` and listed by name."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QListWidget, QPushButton, QVBoxLayout

        super().__init__(parent)
        self.picker = RegionPicker(self)
        self.add_button = QPushButton(self.tr("&Add region"))
        self.add_button.setEnabled(False)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setEnabled(False)
        self.list = QListWidget()
        self.list.setMaximumHeight(90)
        self.list.setAccessibleName(self.tr("Regions of the territory"))
        self.picker.changed.connect(lambda code: self.add_button.setEnabled(bool(code)))
        self.picker.changed.connect(self._add_when_searched)
        self.add_button.clicked.connect(self.add_current)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.itemSelectionChanged.connect(
            lambda: self.remove_button.setEnabled(bool(self.list.selectedItems()))
        )
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.picker, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        bottom = QHBoxLayout()
        bottom.addWidget(self.list, 1)
        bottom.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(bottom)
        # as high as its lines: a form with room to spare (the first-run wizard) left it
        # grow, which opened gaps above the picker and below the list
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def _add_when_searched(self, code: str) -> None:
        # a region found by the search line is added at once (the combos only select)
        if code and self.picker.search is not None and self.picker.search.hasFocus():
            self.add_current()

    def codes(self) -> list[str]:
        return [
            str(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())
        ]

    def set_codes(self, codes: list[str]) -> None:
        self.list.clear()
        for code in codes:
            self._append(code)
        self.changed.emit()

    def add_current(self) -> None:
        code = self.picker.code()
        if code and code not in self.codes():
            self._append(code)
            self.changed.emit()

    def _append(self, code: str) -> None:
        from PySide6.QtWidgets import QListWidgetItem

        short = regions().normalise(code) or code
        item = QListWidgetItem(f"{regions().name(short)}（{short}）")
        item.setData(Qt.ItemDataRole.UserRole, short)
        self.list.addItem(item)

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self.changed.emit()


class TerritoryDialog(QDialog):
    """Choose a territory (HQ reassigning a laptop's): a ``TerritoryEditor`` under a note,
    OK and Cancel; ``codes()`` is what was chosen (empty: everywhere)."""

    def __init__(
        self, title: str, note: str, codes: list[str], parent: QWidget | None = None
    ) -> None:
        from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout

        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(640, 260)
        label = QLabel(note)
        label.setWordWrap(True)
        self.editor = TerritoryEditor(self)
        self.editor.set_codes(codes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)

    def codes(self) -> list[str]:
        return self.editor.codes()
