"""The site dock's comparison table: one column per alternative, the best (★, shaded) first and kept in view while
the others scroll beside it; it maps table columns back to positions in the dock's list of alternatives."""

from typing import List, Sequence

from qgis.PyQt.QtCore import QEvent, QObject, Qt, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor, QFont
from qgis.PyQt.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTableWidget, QTableWidgetItem

from liaocheng_plugin.core.site_comparison import ComparisonColumn, comparison_columns, comparison_criteria
from liaocheng_plugin.core.siting import SiteResult

BEST_COLOUR = QColor(214, 240, 220)
MIN_COLUMN_WIDTH = 60  # three alternatives fit beside the criteria in a dock of about 300 px; more scroll


class ComparisonTable(QObject):
    """Fills a QTableWidget with the alternatives (rows: criteria with tooltips; cells right-aligned).

    The best alternative's column is drawn a second time by a view laid over the table's first column (Qt's
    "frozen column"): scrolling through many alternatives never hides the ★ one. ``clicked`` and ``current``
    give the position in the dock's list of the alternative clicked or made current, in either view.
    """

    clicked = pyqtSignal(int)
    current = pyqtSignal(int)

    def __init__(self, table: QTableWidget):
        super().__init__(table)
        self.table = table
        self.columns: List[ComparisonColumn] = []
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setMinimumSectionSize(MIN_COLUMN_WIDTH)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.frozen = self._frozen_view(table)
        table.horizontalHeader().sectionClicked.connect(lambda column: self.clicked.emit(self.site_at(column)))
        table.cellClicked.connect(lambda _row, column: self.clicked.emit(self.site_at(column)))
        table.currentCellChanged.connect(lambda _row, column, _old_row, _old: self.current.emit(self.site_at(column)))
        self.frozen.clicked.connect(lambda index: self.clicked.emit(self.site_at(index.column())))
        self.frozen.horizontalHeader().sectionClicked.connect(lambda column: self.clicked.emit(self.site_at(column)))
        table.horizontalHeader().sectionResized.connect(lambda *_args: self._sync_frozen())
        table.verticalHeader().sectionResized.connect(lambda *_args: self._sync_frozen())
        table.horizontalHeader().geometriesChanged.connect(self._sync_frozen)
        table.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
        self.frozen.verticalScrollBar().valueChanged.connect(table.verticalScrollBar().setValue)
        table.installEventFilter(self)

    def _frozen_view(self, table: QTableWidget) -> QTableView:
        view = QTableView(table)
        view.setObjectName("frozenBestColumn")
        view.setModel(table.model())
        view.setSelectionModel(table.selectionModel())
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(table.selectionBehavior())
        view.setSelectionMode(table.selectionMode())
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setVerticalScrollMode(table.verticalScrollMode())
        view.setFrameShape(QTableView.Shape.NoFrame)
        table.viewport().stackUnder(view)
        view.hide()
        return view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.table and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._sync_frozen()
        return False

    def _sync_frozen(self) -> None:
        """Lay the frozen view exactly over the table's first column: same width, header and row heights."""
        table, frozen = self.table, self.frozen
        frozen.setColumnWidth(0, table.columnWidth(0))
        frozen.horizontalHeader().setFixedHeight(table.horizontalHeader().height())
        for row in range(table.rowCount()):
            frozen.setRowHeight(row, table.rowHeight(row))
        frame = table.frameWidth()
        frozen.setGeometry(
            table.verticalHeader().width() + frame,
            frame,
            table.columnWidth(0),
            table.viewport().height() + table.horizontalHeader().height(),
        )

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
        for column in range(table.columnCount()):
            self.frozen.setColumnHidden(column, column != 0)
        self.frozen.setVisible(bool(self.columns))
        table.resizeRowsToContents()
        self._sync_frozen()
        # Every criterion stays in view (5 of 9 showed): the table is as tall as its rows and a scroll bar.
        rows = table.verticalHeader().length() + table.horizontalHeader().sizeHint().height()
        table.setMinimumHeight(rows + 2 * table.frameWidth() + table.horizontalScrollBar().sizeHint().height())

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
