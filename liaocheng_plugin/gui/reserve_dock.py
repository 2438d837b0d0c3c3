"""The 储备土地 dock: run the reserve check on a layer (or its selection) and review parcel by parcel."""

from typing import Dict, List, Optional

from qgis.core import (
    QgsFeatureRequest,
    QgsProcessingFeatureSourceDefinition,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtWidgets import QWidget

from liaocheng_plugin.core.compat import LAYER_FILTER_POLYGON
from liaocheng_plugin.core.exceptions import LiaochengError
from liaocheng_plugin.core.findings import Severity, status_labels
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.ledger_fields import LedgerFields
from liaocheng_plugin.core.paths import plugin_file
from liaocheng_plugin.core.reserve_table import reserve_ledger_sheets
from liaocheng_plugin.gui.check_dock import CheckDock, card_html, preselect_layers, profile_parameters
from liaocheng_plugin.gui.results_model import result_item

FORM_CLASS, _ = uic.loadUiType(str(plugin_file("liaocheng_plugin", "gui", "reserve_dock.ui")))

GRID_COLUMN = 8
FINDINGS_COLUMN = 10


def result_group_name() -> str:
    """Layer-tree group holding the latest reserve results."""
    return tr("Reserve check results")


class ReserveDockForm(QWidget, FORM_CLASS):
    """The widgets of the dock, from reserve_dock.ui."""

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setupUi(self)


class ReserveDock(CheckDock):
    """储备土地核查: choose parcels, run, read the cards and table, click a row to see it on the map."""

    ALGORITHM_ID = "liaocheng:reserve_check"
    OUTPUT_STYLES = (("OVERLAPS", "conflict_pieces"), ("OUTPUT", "check_status"), ("SUMMARY", ""))

    def __init__(self, iface, parent: Optional[QWidget] = None):
        form = ReserveDockForm()
        super().__init__(
            tr("Land-reserve parcels"), "LiaochengReserveDock", form, iface, GRID_COLUMN, FINDINGS_COLUMN, parent
        )
        form.parcelsCombo.setFilters(LAYER_FILTER_POLYGON)
        for combo in (form.gridCombo, form.townshipCombo):
            combo.setFilters(LAYER_FILTER_POLYGON)
            combo.setAllowEmptyLayer(True)
            combo.setLayer(None)
        preselect_layers(
            {
                form.parcelsCombo: ("CBDK", "储备"),
                form.gridCombo: ("WG", "网格"),
                form.townshipCombo: ("XZQ_XZ", "乡镇", "XZJX"),
            }
        )
        form.checkDateEdit.setDate(QDate.currentDate())
        form.findingFilter.setPlaceholderText(tr("Filter findings…"))
        form.statusFilter.addItem(tr("All statuses"), "")
        for severity, label in status_labels().items():
            form.statusFilter.addItem(label, severity.value)
        form.gridFilter.addItem(tr("All grids"), "")
        form.statusFilter.currentIndexChanged.connect(self._apply_filters)
        form.gridFilter.currentIndexChanged.connect(self._apply_filters)
        form.findingFilter.textChanged.connect(self._apply_filters)
        self._show_cards(None)
        self.refresh_profile_summary()

    def result_group_name(self) -> str:
        return result_group_name()

    def output_names(self) -> Dict[str, str]:
        return {
            "OUTPUT": tr("Checked reserve parcels"),
            "OVERLAPS": tr("Conflict pieces"),
            "SUMMARY": tr("Reserve summary"),
        }

    def parameters(self) -> Dict[str, object]:
        """The algorithm parameters from the panel and the project's profile."""
        layer = self.form.parcelsCombo.currentLayer()
        if not isinstance(layer, QgsVectorLayer):
            raise LiaochengError(tr("Choose a layer of reserve parcels."))
        selected_only = self.form.selectedOnlyCheck.isChecked()
        if selected_only and layer.selectedFeatureCount() == 0:
            raise LiaochengError(tr("No parcel of “{}” is selected.").format(layer.name()))
        parameters = profile_parameters(QgsProject.instance())
        parameters["INPUT"] = QgsProcessingFeatureSourceDefinition(layer.id(), selected_only)
        for key, combo in (("GRID", self.form.gridCombo), ("TOWNSHIP", self.form.townshipCombo)):
            if combo.currentLayer() is not None:
                parameters[key] = combo.currentLayer().id()
        parameters["REFERENCE_DATE"] = self.form.checkDateEdit.date().toString("yyyy-MM-dd")
        parameters.update(OUTPUT="memory:", SUMMARY="memory:", OVERLAPS="memory:")
        return parameters

    def fill_results(self) -> None:
        parcels = self.layers["OUTPUT"]
        labels = {severity.value: text for severity, text in status_labels().items()}
        ledger = LedgerFields.detect(parcels.fields())
        self.model.clear()
        self.model.setHorizontalHeaderLabels(
            [
                tr("Status"),
                tr("Code"),
                tr("Name"),
                tr("Area (mu)"),
                tr("Farmland (mu)"),
                tr("Red line (mu)"),
                tr("Cultivated (mu)"),
                tr("Outside boundary (%)"),
                tr("Grid"),
                tr("Township"),
                tr("Findings"),
            ]
        )
        grids = set()
        for feature in parcels.getFeatures():
            grids.add(feature["grid"] or "")
            cells = [
                result_item(feature[ledger.code] if ledger.code else feature.id()),
                result_item(feature[ledger.name] if ledger.name else ""),
                result_item(feature["area_mu"], 2),
                result_item(feature["pbf_mu"], 2),
                result_item(feature["erl_mu"], 2),
                result_item(feature["cult_mu"], 2),
                result_item(feature["outside_udb_pct"], 1),
                result_item(feature["grid"]),
                result_item(feature["township"]),
                result_item(feature["findings"]),
            ]
            self.model.add_row(feature.id(), feature["status"], labels.get(feature["status"], ""), cells)
        self.form.gridFilter.blockSignals(True)
        self.form.gridFilter.clear()
        self.form.gridFilter.addItem(tr("All grids"), "")
        for grid in sorted(g for g in grids if g):
            self.form.gridFilter.addItem(grid, grid)
        self.form.gridFilter.blockSignals(False)
        self._show_cards(parcels)

    def _show_cards(self, parcels: Optional[QgsVectorLayer]) -> None:
        features = list(parcels.getFeatures()) if parcels is not None else []
        total_mu = sum(f["area_mu"] or 0.0 for f in features)
        count = {s: sum(1 for f in features if f["status"] == s.value) for s in Severity}
        self.form.parcelsCard.setText(card_html(str(len(features)), tr("parcels"), "#1f4e8c"))
        self.form.areaCard.setText(card_html(f"{total_mu:,.2f}", tr("mu in total"), "#1f4e8c"))
        self.form.failCard.setText(card_html(str(count[Severity.FAIL]), tr("fail"), "#b00000"))
        self.form.warnCard.setText(card_html(str(count[Severity.WARN]), tr("warnings"), "#c06000"))

    def _apply_filters(self) -> None:
        self.proxy.set_filters(
            self.form.statusFilter.currentData() or "",
            self.form.gridFilter.currentData() or "",
            self.form.findingFilter.text(),
        )

    def subject_pieces(self, feature_id: int) -> List:
        subject_id = self.layers["OUTPUT"].getFeature(feature_id)["subject_id"]
        pieces = self.layers["OVERLAPS"]
        request = QgsFeatureRequest().setFilterExpression(f'"subject_id" = {int(subject_id)}')
        return [(piece["role"], piece.geometry(), pieces.crs()) for piece in pieces.getFeatures(request)]

    def ledger_sheets(self):
        return reserve_ledger_sheets(self.layers["OUTPUT"], self.layers["SUMMARY"])

    def gpkg_tables(self) -> Dict[str, QgsVectorLayer]:
        return {
            "reserve_parcels": self.layers["OUTPUT"],
            "conflict_pieces": self.layers["OVERLAPS"],
            "summary": self.layers["SUMMARY"],
        }
