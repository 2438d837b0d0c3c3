"""The 储备土地 dock: run the reserve check on a layer (or its selection) and review parcel by parcel."""

from typing import Dict, Iterable, List, Optional, Tuple

from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProject, QgsVectorLayer
from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtWidgets import QWidget

from liaocheng_plugin.core.cards import card_html, reserve_cards
from liaocheng_plugin.core.compat import LAYER_FILTER_POLYGON
from liaocheng_plugin.core.conflict_pieces import Piece, pieces_of_subject
from liaocheng_plugin.core.exceptions import LiaochengError
from liaocheng_plugin.core.findings import status_labels
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.ledger_fields import LedgerFields
from liaocheng_plugin.core.paths import plugin_file
from liaocheng_plugin.core.reserve_table import reserve_ledger_sheets
from liaocheng_plugin.core.row_details import RowDetails, reserve_details
from liaocheng_plugin.core.values import as_text
from liaocheng_plugin.gui.check_dock import CheckDock
from liaocheng_plugin.gui.dock_profile import profile_parameters
from liaocheng_plugin.gui.results_model import figure_header, result_item

FORM_CLASS, _ = uic.loadUiType(str(plugin_file("liaocheng_plugin", "gui", "reserve_dock.ui")))

GRID_COLUMN = 9
FINDINGS_COLUMN = 3  # after status, code and area: the figure a narrow dock shows without scrolling


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
        for combo in (form.parcelsCombo, form.gridCombo, form.townshipCombo):
            combo.setFilters(LAYER_FILTER_POLYGON)
            combo.setAllowEmptyLayer(True)
            combo.setLayer(None)
        super().__init__(
            tr("Land-reserve parcels"), "LiaochengReserveDock", form, iface, GRID_COLUMN, FINDINGS_COLUMN, parent
        )
        form.checkDateEdit.setDate(QDate.currentDate())
        for card in (form.parcelsCard, form.areaCard, form.failCard, form.warnCard):
            card.setWordWrap(True)  # an English caption wraps instead of widening the dock
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

    def layer_choices(self) -> List[Tuple[QgsMapLayerComboBox, str]]:
        return [
            (self.form.parcelsCombo, tr("reserve parcels")),
            (self.form.gridCombo, tr("inspection grid")),
            (self.form.townshipCombo, tr("townships")),
        ]

    def layer_hints(self) -> Dict[QgsMapLayerComboBox, Tuple[str, ...]]:
        return {
            self.form.parcelsCombo: ("CBDK", "储备"),
            self.form.gridCombo: ("WG", "网格"),
            self.form.townshipCombo: ("XZQ_XZ", "乡镇", "XZJX"),
        }

    def frame_tooltip(self) -> str:
        return tr(
            "Reserve parcels in longitude/latitude that were drawn on a Chinese web map (AMap, Tencent: GCJ-02; "
            "Baidu: BD-09) are converted to WGS 84 before the check."
        )

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
        labels = {severity.value: text for severity, text in status_labels().items()}
        ledger = LedgerFields.detect(self.layers["OUTPUT"].fields())
        self.model.clear()
        self.model.setHorizontalHeaderLabels(
            [
                tr("Status"),
                tr("Code"),
                figure_header(tr("Area (mu)")),
                tr("Findings"),
                tr("Name"),
                figure_header(tr("Farmland (mu)")),
                figure_header(tr("Red line (mu)")),
                figure_header(tr("Cultivated (mu)")),
                figure_header(tr("Outside boundary (%)")),
                tr("Grid"),
                tr("Township"),
            ]
        )
        grids = set()
        for feature_id, row in self.rows.items():
            grids.add(as_text(row.get("grid")))
            cells = [
                result_item(row.get(ledger.code) if ledger.code else feature_id),
                result_item(row.get("area_mu"), 2),
                result_item(row.get("findings")),
                result_item(row.get(ledger.name) if ledger.name else ""),
                result_item(row.get("pbf_mu"), 2),
                result_item(row.get("erl_mu"), 2),
                result_item(row.get("cult_mu"), 2),
                result_item(row.get("outside_udb_pct"), 1),
                result_item(row.get("grid")),
                result_item(row.get("township")),
            ]
            status = as_text(row.get("status"))
            self.model.add_row(feature_id, status, labels.get(status, ""), cells)
        self.form.gridFilter.blockSignals(True)
        self.form.gridFilter.clear()
        self.form.gridFilter.addItem(tr("All grids"), "")
        for grid in sorted(g for g in grids if g):
            self.form.gridFilter.addItem(grid, grid)
        self.form.gridFilter.blockSignals(False)
        self._show_cards(self.rows.values())

    def fill_empty(self) -> None:
        self._show_cards(None)
        self.form.gridFilter.blockSignals(True)
        self.form.gridFilter.clear()
        self.form.gridFilter.addItem(tr("All grids"), "")
        self.form.gridFilter.blockSignals(False)

    def _show_cards(self, rows: Optional[Iterable[Dict[str, object]]]) -> None:
        """The four cards over the table; "—" before any run."""
        labels = (self.form.parcelsCard, self.form.areaCard, self.form.failCard, self.form.warnCard)
        for label, card in zip(labels, reserve_cards(rows)):
            label.setText(card_html(card))

    def _apply_filters(self) -> None:
        self.proxy.set_filters(
            self.form.statusFilter.currentData() or "",
            self.form.gridFilter.currentData() or "",
            self.form.findingFilter.text(),
        )

    def subject_pieces(self, feature_id: int) -> List[Piece]:
        return pieces_of_subject(self.layers["OVERLAPS"], self.rows[feature_id].get("subject_id"))

    def row_details(self, feature_id: int) -> RowDetails:
        ledger = LedgerFields.detect(self.layers["OUTPUT"].fields())
        pieces = [values for values, _geometry in self.subject_pieces(feature_id)]
        return reserve_details(self.rows[feature_id], pieces, ledger.code, ledger.name)

    def ledger_sheets(self):
        return reserve_ledger_sheets(self.layers["OUTPUT"], self.layers["SUMMARY"])

    def gpkg_tables(self) -> Dict[str, QgsVectorLayer]:
        return {
            "reserve_parcels": self.layers["OUTPUT"],
            "conflict_pieces": self.layers["OVERLAPS"],
            "summary": self.layers["SUMMARY"],
        }
