"""How the panels fit a laptop screen: the form scrolls rather than growing the main window, tables and details
share the height, and a table's columns fit a dock of about 350 px (the figures first, findings after)."""

from qgis.PyQt.QtCore import QEvent, QObject, QSize, Qt
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFrame,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTextBrowser,
    QWidget,
)

MIN_TABLE_ROWS = 4  # the table never gets shorter than this many rows …
MIN_DETAILS_LINES = 3  # … nor the details area than this many lines: below, the whole form scrolls
FINDINGS_COLUMN_WIDTH = 220  # the details area shows findings in full; the column shows their start
MAX_COLUMN_WIDTH = 120
COLUMN_PADDING = 12
BUTTON_PADDING = 12
MIN_COMBO_CHARACTERS = 8  # a long layer name or filter text is elided in its combo rather than widening the dock


class PanelScrollArea(QScrollArea):
    """A frameless scroll area as wide as its form at least, and as short as a dock may be: a dock shorter than
    the form scrolls instead of making QGIS's main window taller than the screen (three docks on a 1000-px
    screen made it 1992 px high)."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """The form's minimum width (the docks open wider: plugin.DOCK_WIDTH leaves room for the vertical scroll
        bar of a short dock) and the scroll area's small height."""
        form = self.widget()
        return QSize(form.minimumSizeHint().width() if form else 0, super().minimumSizeHint().height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the form's minimum width may have changed (cards, a collapsed group)
        return super().eventFilter(watched, event)


def scrolling(form: QWidget) -> QScrollArea:
    """``form`` in a PanelScrollArea."""
    area = PanelScrollArea()
    area.setObjectName("panelScrollArea")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(form)
    return area


def fit_narrow(form: QWidget) -> None:
    """Let every combo of ``form`` be narrower than its longest item, and every button as narrow as its text (the
    style's minimum is 80 px): a layer named at length must not make the panel wider than a dock of about 300 px."""
    for combo in form.findChildren(QComboBox):
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(MIN_COMBO_CHARACTERS)
    for button in form.findChildren(QPushButton):
        text = button.fontMetrics().horizontalAdvance(button.text()) + BUTTON_PADDING
        button.setMinimumWidth(min(text, button.minimumSizeHint().width()))


def compact_results(view: QTableView, splitter: QSplitter, details: QTextBrowser) -> None:
    """Compact rows without numbers, a few rows and lines at least, the rest of the height shared 3:2."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
    rows = view.verticalHeader()
    rows.setVisible(False)  # row numbers: width the narrow dock needs for the figures
    row_height = view.fontMetrics().height() + 8
    rows.setDefaultSectionSize(row_height)
    rows.setMinimumSectionSize(row_height)
    view.setMinimumHeight(row_height * (MIN_TABLE_ROWS + 2))  # and a two-line header
    details.setMinimumHeight(details.fontMetrics().lineSpacing() * MIN_DETAILS_LINES + 12)
    splitter.setStretchFactor(0, 3)
    splitter.setStretchFactor(1, 2)


def size_columns(view: QTableView, findings_column: int) -> None:
    """Columns as wide as their cells (a two-line header over a figure takes no more); the findings column shows
    their start, its tooltip and the details area the full text."""
    model = view.model()
    header = view.horizontalHeader()
    for column in range(model.columnCount()):
        cells = view.sizeHintForColumn(column)
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        heading = max((header.fontMetrics().horizontalAdvance(line) for line in title.splitlines()), default=0)
        limit = FINDINGS_COLUMN_WIDTH if column == findings_column else MAX_COLUMN_WIDTH
        view.setColumnWidth(column, min(max(cells, heading + COLUMN_PADDING), limit))
