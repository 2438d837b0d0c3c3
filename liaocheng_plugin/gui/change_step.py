"""The first step of the 耕地进出平衡 dock, 从两期调查提取…: choose two survey years, extract the change patches in
the background (liaocheng:change_detection), add them styled and hand them to the balance check."""

import re
from typing import Dict, Optional

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt import uic
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QWidget

from liaocheng_plugin.core.cards import number_text
from liaocheng_plugin.core.change.rules import ChangeDirection, direction_labels
from liaocheng_plugin.core.compat import LAYER_FILTER_POLYGON
from liaocheng_plugin.core.definitions import Role
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.paths import plugin_file
from liaocheng_plugin.core.profile import ProtectedProfile
from liaocheng_plugin.core.units import SQUARE_METRES_PER_MU
from liaocheng_plugin.core.values import as_text, as_year
from liaocheng_plugin.gui.algorithm_runner import AlgorithmRunner
from liaocheng_plugin.gui.result_group import replace_result_group

FORM_CLASS, _ = uic.loadUiType(str(plugin_file("liaocheng_plugin", "gui", "change_step.ui")))

ALGORITHM_ID = "liaocheng:change_detection"
SURVEY_WORDS = ("DLTB", "地类图斑", "变更调查", "三调")
YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
TOTALS = {
    ChangeDirection.OUTFLOW: "OUTFLOW_MU",
    ChangeDirection.INFLOW: "INFLOW_MU",
    ChangeDirection.OCCUPATION: "OCCUPATION_MU",
}
RED, GREY = "#b00000", "#555555"


def profile_survey(project: QgsProject) -> Optional[QgsVectorLayer]:
    """The land-use survey of the project's protected-layer profile: the baseline the balance check uses."""
    assignment = ProtectedProfile.load(project).roles.get(Role.LAND_SURVEY)
    layer = assignment.find_layer(project) if assignment is not None else None
    return layer if isinstance(layer, QgsVectorLayer) else None


def later_survey(project: QgsProject, base: Optional[QgsVectorLayer]) -> Optional[QgsVectorLayer]:
    """Another survey layer of the project (by its name), the latest year named first; None when there is none."""
    candidates = (
        [
            layer
            for layer in project.mapLayers().values()
            if isinstance(layer, QgsVectorLayer)
            and layer.geometryType() == base.geometryType()
            and layer.id() != base.id()
            and any(word in layer.name().upper() for word in SURVEY_WORDS)
        ]
        if base is not None
        else []
    )
    candidates.sort(key=lambda layer: max((int(year) for year in YEAR.findall(layer.name())), default=0), reverse=True)
    return candidates[0] if candidates else None


class ChangeStep(QWidget, FORM_CLASS):
    """从两期调查提取…: two survey layers, a background run with progress and cancel, the patches as a layer.

    ``patchesReady`` carries the styled change-patch layer (in the project) once a run succeeded.
    """

    patchesReady = pyqtSignal(object)  # noqa: N815 - Qt signal naming

    def __init__(self, iface, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setupUi(self)
        self.iface = iface
        self.runner = AlgorithmRunner(self)
        for combo in (self.baseCombo, self.currentCombo):
            combo.setFilters(LAYER_FILTER_POLYGON)
            combo.setAllowEmptyLayer(True)
            combo.setLayer(None)
        self.extractButton.clicked.connect(self.extract)
        self.cancelExtractButton.clicked.connect(self.runner.cancel)
        self.runner.progressChanged.connect(lambda value: self.extractProgress.setValue(int(value)))
        self.runner.finished.connect(self._finished)
        self.extractProgress.setFormat(tr("Not extracted yet"))
        self.resultLabel.setVisible(False)
        self.choose_surveys()

    def choose_surveys(self) -> None:
        """Preselect the profile's survey as the base year and the project's other survey layer as the current;
        the step opens when the project has both (else it stays folded: patches drawn by hand need no room)."""
        project = QgsProject.instance()
        base = profile_survey(project)
        current = later_survey(project, base)
        self.baseCombo.setLayer(base)
        self.currentCombo.setLayer(current)
        self.stepGroup.setCollapsed(current is None)

    def parameters(self) -> Optional[Dict[str, object]]:
        """The algorithm's parameters, or None (and a message) when the two layers are not chosen right."""
        base, current = self.baseCombo.currentLayer(), self.currentCombo.currentLayer()
        if not isinstance(base, QgsVectorLayer) or not isinstance(current, QgsVectorLayer):
            self._say(tr("Choose the base-year and the current-year survey layers."), RED)
            return None
        if base.id() == current.id():
            self._say(tr("Choose two different survey layers: the base year and the current year."), RED)
            return None
        return {
            "BASE_SURVEY": base.id(),
            "CURRENT_SURVEY": current.id(),
            "OUTPUT": "memory:",
            "SUMMARY": "memory:",
            "DATA_CHECK": "memory:",
        }

    def extract(self) -> None:
        """Start the extraction in the background (a QgsTask); the dock stays usable."""
        if self.runner.is_running():
            return
        parameters = self.parameters()
        if parameters is None:
            return
        self.extractButton.setEnabled(False)
        self.cancelExtractButton.setEnabled(True)
        self.extractProgress.setFormat("%p%")
        self.extractProgress.setValue(0)
        self._say(tr("Comparing the two surveys…"), GREY)
        self.runner.run(ALGORITHM_ID, parameters)

    def _say(self, text: str, colour: str = "") -> None:
        """Show a result line; the label is given the height its wrapped text needs (a form in a narrow dock
        would clip it)."""
        label = self.resultLabel
        label.setText(f"<span style='color:{colour}'>{text}</span>" if colour else text)
        label.setVisible(bool(text))
        label.setMinimumHeight(label.heightForWidth(max(label.width(), 200)))
        label.updateGeometry()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        label = self.resultLabel
        if label.text():
            label.setMinimumHeight(label.heightForWidth(max(label.width(), 200)))

    def _finished(self, succeeded: bool, layers: dict, message: str) -> None:
        self.extractButton.setEnabled(True)
        self.cancelExtractButton.setEnabled(False)
        self.extractProgress.setValue(100 if succeeded else 0)
        if not succeeded:
            self.extractProgress.setFormat(tr("Not extracted"))
            text = message or tr("The extraction was canceled; nothing was written.")
            self._say(text.splitlines()[0], RED)
            self.iface.messageBar().pushWarning(self.stepGroup.title(), text)
            return
        self.extractProgress.setFormat(tr("Extracted"))
        patches, summary = layers["OUTPUT"], layers["SUMMARY"]
        first = next(patches.getFeatures(), None)
        year = as_year(first["year"]) if first is not None else None
        patches.setName(tr("Change patches {}").format(year or "").strip())
        summary.setName(tr("Change summary"))
        group = [(patches, "change_patches"), (summary, "")]
        if "DATA_CHECK" in layers:
            layers["DATA_CHECK"].setName(tr("Data check (数据体检)"))
            group.append((layers["DATA_CHECK"], ""))
        replace_result_group(QgsProject.instance(), tr("Change patches from two surveys"), group)
        self._say(self.summary_text(patches, self.runner.results))
        self.patchesReady.emit(patches)

    @staticmethod
    def summary_text(patches: QgsVectorLayer, results: dict) -> str:
        """What was extracted and left out, for the step's result line (rich text)."""
        counts = {direction: 0 for direction in ChangeDirection}
        for feature in patches.getFeatures():
            direction = as_text(feature["direction"])
            for known in counts:
                if known.value == direction:
                    counts[known] += 1
        labels = direction_labels()
        found = " · ".join(
            tr("{} {} patches {} mu").format(labels[d], counts[d], number_text(results.get(TOTALS[d]))) for d in counts
        )
        small_mu = (results.get("SMALL_M2") or 0.0) / SQUARE_METRES_PER_MU
        left_out = tr("Left out: {} slivers, {} patches below the minimum area ({} mu).").format(
            number_text(results.get("SLIVERS"), 0), number_text(results.get("SMALL"), 0), number_text(small_mu)
        )
        chosen = tr("Chosen below as the outflow and inflow patches: run the check.")
        return f"<b>{found}</b><br/><span style='color:{GREY}'>{left_out}<br/>{chosen}</span>"

    def cleanup(self) -> None:
        """Stop a running extraction (called when the dock goes)."""
        self.runner.cancel()
