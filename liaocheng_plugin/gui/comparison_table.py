"""The site dock's comparison table: one column per alternative, the best (★, shaded) first, sharing the dock's
width; it maps table columns back to positions in the dock's list of alternatives."""

from typing import List, Sequence

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QBrush, QColor, QFont
from qgis.PyQt.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

from liaocheng_plugin.core.site_comparison import ComparisonColumn, comparison_columns, comparison_criteria
from liaocheng_plugin.core.siting import SiteResult

BEST_COLOUR = QColor(214, 240, 220)
MIN_COLUMN_WIDTH = 60  # three alternatives fit beside the criteria in a dock of about 300 px; more scroll


class ComparisonTable:
    """Fills a QTableWidget with the alternatives (rows: criteria with tooltips; cells right-aligned)."""

    def __init__(self, table: QTableWidget):
        self.table = table
        self.columns: List[ComparisonColumn] = []
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setMinimumSectionSize(MIN_COLUMN_WIDTH)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def show(self, sites: Sequence[SiteResult]) -> None:
        """Show ``sites`` (ranked), best first."""
        table = self.table
        self.columns = comparison_columns(sites)
        criteria = comparison_criteria(any(site.centerline is not None for site in sites))
        table.clear()
        table.setRowCount(len(criteria))
        table.setColumnCount(len(self.columns))
        for row, (label, tooltip) in enumerate(criteria.values()):
            header = QTableWidgetItem(label)
            header.setToolTip(tooltip)
            table.setVerticalHeaderItem(row, header)
        for column, shown in enumerate(self.columns):
            best = sites[shown.index].rank == 1
            header = QTableWidgetItem(shown.header)
            header.setToolTip(shown.tooltip)
            if best:
                font = QFont(header.font())
                font.setBold(True)
                header.setFont(font)
            table.setHorizontalHeaderItem(column, header)
            for row, text in enumerate(shown.cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if best:
                    item.setBackground(QBrush(BEST_COLOUR))
                table.setItem(row, column, item)

    def site_at(self, column: int) -> int:
        """The position in the dock's list of the alternative in a table column; -1 for none."""
        return self.columns[column].index if 0 <= column < len(self.columns) else -1

    def select(self, index: int) -> None:
        """Make the column of the alternative at ``index`` the current one."""
        column = next((c for c, shown in enumerate(self.columns) if shown.index == index), -1)
        if column >= 0:
            self.table.setCurrentCell(0, column)

    def selected_site(self) -> int:
        """The alternative whose column is selected (or current); -1 for none."""
        columns = {index.column() for index in self.table.selectedIndexes()}
        return self.site_at(columns.pop() if len(columns) == 1 else self.table.currentColumn())
