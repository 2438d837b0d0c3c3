"""The 数据体检 part of the check docks: the coordinate-frame choice and the list of what the input check found."""

from typing import Sequence

from qgis.core import QgsApplication
from qgis.gui import QgsCollapsibleGroupBox
from qgis.PyQt.QtWidgets import QComboBox, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from liaocheng_plugin.core.datacheck.findings import DataFinding, DataSeverity
from liaocheng_plugin.core.datacheck.report import severity_labels, sorted_findings
from liaocheng_plugin.core.datacheck.web_frames import CoordinateFrame, frame_labels
from liaocheng_plugin.core.i18n import tr

ICONS = {
    DataSeverity.ERROR: "mIconCritical.svg",
    DataSeverity.WARNING: "mIconWarning.svg",
    DataSeverity.FIXED: "mIconSuccess.svg",
}
LIST_HEIGHT = 110
ERROR_HEIGHT_FACTOR = 2
MIN_COMBO_CHARACTERS = 8
MIN_WIDTH = 200


def frame_combo(parent: QWidget, tooltip: str) -> QComboBox:
    """A choice of the web-map frame of longitude/latitude subjects (COORDINATE_FRAME); ``tooltip`` says what it
    means for the panel's subjects."""
    combo = QComboBox(parent)
    for frame, label in zip(CoordinateFrame, frame_labels()):
        combo.addItem(label, frame.value)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(MIN_COMBO_CHARACTERS)  # long labels must not widen a narrow dock
    combo.setToolTip(tooltip)
    return combo


class DataCheckPanel(QgsCollapsibleGroupBox):
    """A collapsible list of the input check's findings of the last run: errors, warnings, fixes."""

    def __init__(self, parent: QWidget):
        super().__init__(tr("Data check (数据体检)"), parent)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setMaximumHeight(LIST_HEIGHT)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.list)
        self.setMinimumWidth(MIN_WIDTH)  # a long title is cut rather than widening a narrow dock
        self.clear()

    def clear(self) -> None:
        self.list.clear()
        self.setTitle(tr("Data check (数据体检)"))

    def show_findings(self, findings: Sequence[DataFinding]) -> None:
        """List the findings, errors first; the title counts them."""
        self.list.clear()
        labels = severity_labels()
        for finding in sorted_findings(findings):
            severity = DataSeverity(finding.severity)
            text = tr("{}: {}").format(labels[severity.value], finding.message)
            text += f" {finding.hint}" if finding.hint else ""
            item = QListWidgetItem(QgsApplication.getThemeIcon(ICONS[severity]), text)
            item.setToolTip(text)
            self.list.addItem(item)
        if not findings:
            self.list.addItem(tr("The input check found nothing to report."))
        counts = {severity: sum(1 for f in findings if f.severity == severity) for severity in DataSeverity}
        texts = {
            DataSeverity.ERROR: tr("{} errors"),
            DataSeverity.WARNING: tr("{} warnings"),
            DataSeverity.FIXED: tr("{} fixed"),
        }
        parts = [texts[severity].format(count) for severity, count in counts.items() if count]
        title = tr("Data check (数据体检)")
        self.setTitle(tr("{}: {}").format(title, tr(", ").join(parts)) if parts else title)
        self.list.setMinimumHeight(0)
        self.list.setMaximumHeight(LIST_HEIGHT)
        self.setCollapsed(not findings)

    def show_error(self, message: str) -> None:
        """A check that stopped: its message, one line per error."""
        lines = [line for line in message.splitlines() if line.strip()]
        self.show_findings([DataFinding("", None, "", DataSeverity.ERROR, line) for line in lines])
        height = LIST_HEIGHT * ERROR_HEIGHT_FACTOR  # a check that stopped has no results: its reasons get the room
        self.list.setMinimumHeight(height)
        self.list.setMaximumHeight(height)
