"""A sortable, filterable table of check results (status, a zone column, free text in findings)."""

from typing import Optional, Sequence

from qgis.PyQt.QtCore import QSortFilterProxyModel, Qt
from qgis.PyQt.QtGui import QColor, QStandardItem, QStandardItemModel

from liaocheng_plugin.core.cards import number_text
from liaocheng_plugin.core.findings import Severity
from liaocheng_plugin.core.values import as_float, as_text

FEATURE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3
STATUS_COLOURS = {
    Severity.FAIL.value: QColor(250, 210, 210),
    Severity.WARN.value: QColor(253, 233, 200),
    Severity.PASS.value: QColor(214, 240, 220),
}
NUMBER_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def result_item(value, decimals: Optional[int] = None) -> QStandardItem:
    """A read-only cell showing ``value`` (a number with ``decimals`` when given), sorting on its raw value;
    text cells carry their full text as tooltip (a narrow column elides it). NULL shows as an empty cell."""
    if decimals is not None:
        number = as_float(value)
        item = QStandardItem("" if number is None else number_text(number, decimals, grouped=False))
        item.setData(number if number is not None else float("-inf"), SORT_ROLE)
        item.setTextAlignment(NUMBER_ALIGNMENT)
    else:
        text = as_text(value)
        item = QStandardItem(text)
        item.setData(text, SORT_ROLE)
        if text:
            item.setToolTip(text)
    item.setEditable(False)
    return item


def figure_header(title: str) -> str:
    """A figure's column title with its unit on a second line ("面积（亩）" → "面积\n（亩）"): the column is then
    no wider than its numbers, and more columns fit a narrow dock."""
    for opening in ("（", " ("):
        position = title.rfind(opening)
        if position > 0:
            return title[:position] + "\n" + title[position:].strip()
    return title


class ResultsModel(QStandardItemModel):
    """One row per subject; the first column carries the feature id and the status."""

    def add_row(self, feature_id: int, status: str, status_text: str, cells: Sequence[QStandardItem]) -> None:
        first = result_item(status_text)
        first.setData(feature_id, FEATURE_ID_ROLE)
        first.setData(status, STATUS_ROLE)
        row = [first, *cells]
        for item in row:
            item.setData(STATUS_COLOURS.get(status), Qt.ItemDataRole.BackgroundRole)
        self.appendRow(row)


class ResultsFilter(QSortFilterProxyModel):
    """Filters rows by status, by the text of one zone column, and by text anywhere in the findings column."""

    def __init__(self, zone_column: int, findings_column: int, parent=None):
        super().__init__(parent)
        self.zone_column = zone_column
        self.findings_column = findings_column
        self.status = ""
        self.zone = ""
        self.text = ""
        self.setSortRole(SORT_ROLE)

    def set_filters(self, status: str, zone: str, text: str) -> None:
        self.status, self.zone, self.text = status, zone, text.strip()
        self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802 - Qt API
        model = self.sourceModel()
        if self.status and model.index(source_row, 0, source_parent).data(STATUS_ROLE) != self.status:
            return False
        if self.zone and model.index(source_row, self.zone_column, source_parent).data() != self.zone:
            return False
        findings = model.index(source_row, self.findings_column, source_parent).data() or ""
        return not self.text or self.text in findings
