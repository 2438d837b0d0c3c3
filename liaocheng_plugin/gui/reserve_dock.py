"""The 储备土地 dock: run the reserve check on a layer (or its selection) and review parcel by parcel."""

from typing import Dict, Optional

from qgis.core import (
    QgsFeatureRequest,
    QgsMapLayerProxyModel,
    QgsProcessingFeatureSourceDefinition,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import QgsDockWidget
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QDate, QModelIndex
from qgis.PyQt.QtWidgets import QFileDialog, QHeaderView, QWidget

from liaocheng_plugin.core.definitions import Role
from liaocheng_plugin.core.exceptions import LiaochengError
from liaocheng_plugin.core.export import write_layers_gpkg, write_ledger
from liaocheng_plugin.core.findings import Severity, status_labels
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.ledger_fields import LedgerFields
from liaocheng_plugin.core.log import logger
from liaocheng_plugin.core.paths import plugin_file
from liaocheng_plugin.core.profile import ProtectedProfile
from liaocheng_plugin.core.reserve_table import reserve_ledger_sheets
from liaocheng_plugin.gui.algorithm_runner import AlgorithmRunner
from liaocheng_plugin.gui.canvas_highlight import CanvasHighlight
from liaocheng_plugin.gui.result_group import replace_result_group
from liaocheng_plugin.gui.results_model import FEATURE_ID_ROLE, ResultsFilter, ResultsModel, result_item

FORM_CLASS, _ = uic.loadUiType(str(plugin_file("liaocheng_plugin", "gui", "reserve_dock.ui")))

ALGORITHM_ID = "liaocheng:reserve_check"
GRID_COLUMN = 8
FINDINGS_COLUMN = 10


def result_group_name() -> str:
    """Layer-tree group holding the latest reserve results."""
    return tr("Reserve check results")


def card_html(value: str, caption: str, colour: str) -> str:
    """A summary card: a big number over a caption."""
    return (
        f"<div style='text-align:center'><span style='font-size:16pt;font-weight:bold;color:{colour}'>{value}"
        f"</span><br/><span style='color:#555'>{caption}</span></div>"
    )


class ReserveDockForm(QWidget, FORM_CLASS):
    """The widgets of the dock, from reserve_dock.ui."""

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setupUi(self)


class ReserveDock(QgsDockWidget):
    """储备土地核查: choose parcels, run, read the cards and table, click a row to see it on the map."""

    def __init__(self, iface, parent: Optional[QWidget] = None):
        super().__init__(tr("Land-reserve parcels"), parent)
        self.setObjectName("LiaochengReserveDock")
        self.iface = iface
        self.form = ReserveDockForm(self)
        self.setWidget(self.form)
        self.runner = AlgorithmRunner(self)
        self.highlight = CanvasHighlight(iface.mapCanvas())
        self.layers: Dict[str, QgsVectorLayer] = {}
        self.model = ResultsModel(self)
        self.proxy = ResultsFilter(GRID_COLUMN, FINDINGS_COLUMN, self)
        self.proxy.setSourceModel(self.model)
        self._setup_widgets()
        self._connect()
        self.refresh_profile_summary()

    def _setup_widgets(self) -> None:
        form = self.form
        form.parcelsCombo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        for combo in (form.gridCombo, form.townshipCombo):
            combo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
            combo.setAllowEmptyLayer(True)
            combo.setLayer(None)
        self._guess_input_layers()
        form.checkDateEdit.setDate(QDate.currentDate())
        form.findingFilter.setPlaceholderText(tr("Filter findings…"))
        form.statusFilter.addItem(tr("All statuses"), "")
        for severity, label in status_labels().items():
            form.statusFilter.addItem(label, severity.value)
        form.gridFilter.addItem(tr("All grids"), "")
        form.resultsView.setModel(self.proxy)
        form.mainLayout.setStretchFactor(form.resultsView, 1)
        form.resultsView.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        form.resultsView.horizontalHeader().setStretchLastSection(True)
        self._show_cards(None)

    def _guess_input_layers(self) -> None:
        """Preselect layers whose names say reserve parcels, grids and townships."""
        hints = {
            self.form.parcelsCombo: ("CBDK", "储备"),
            self.form.gridCombo: ("WG", "网格"),
            self.form.townshipCombo: ("XZQ_XZ", "乡镇", "XZJX"),
        }
        layers = QgsProject.instance().mapLayers().values()
        for combo, words in hints.items():
            for layer in layers:
                if isinstance(layer, QgsVectorLayer) and any(word in layer.name() for word in words):
                    combo.setLayer(layer)
                    break

    def _connect(self) -> None:
        form = self.form
        form.runButton.clicked.connect(self.run_check)
        form.cancelButton.clicked.connect(self.runner.cancel)
        form.profileButton.clicked.connect(self._open_profile)
        form.exportXlsxButton.clicked.connect(self.export_xlsx)
        form.exportGpkgButton.clicked.connect(self.export_gpkg)
        form.statusFilter.currentIndexChanged.connect(self._apply_filters)
        form.gridFilter.currentIndexChanged.connect(self._apply_filters)
        form.findingFilter.textChanged.connect(self._apply_filters)
        form.resultsView.clicked.connect(self.show_row)
        self.runner.progressChanged.connect(lambda value: form.progressBar.setValue(int(value)))
        self.runner.finished.connect(self._finished)

    def refresh_profile_summary(self) -> None:
        """Say which protected layers the check will use (from the project's profile)."""
        project = QgsProject.instance()
        profile = ProtectedProfile.load(project)
        names = {
            Role.PERMANENT_FARMLAND: tr("farmland"),
            Role.ECOLOGICAL_REDLINE: tr("red line"),
            Role.DEVELOPMENT_BOUNDARY: tr("boundary"),
            Role.LAND_SURVEY: tr("survey"),
        }
        present = [
            text for role, text in names.items() if role in profile.roles and profile.roles[role].find_layer(project)
        ]
        self.form.profileSummaryLabel.setText("、".join(present) if present else tr("none — set the profile first"))

    def _open_profile(self) -> None:
        from liaocheng_plugin.gui.profile_dialog import ProfileDialog

        dialog = ProfileDialog(self)
        dialog.reload()
        dialog.exec()
        self.refresh_profile_summary()

    def parameters(self) -> Dict[str, object]:
        """The algorithm parameters from the panel and the project's profile."""
        project = QgsProject.instance()
        layer = self.form.parcelsCombo.currentLayer()
        if not isinstance(layer, QgsVectorLayer):
            raise LiaochengError(tr("Choose a layer of reserve parcels."))
        selected_only = self.form.selectedOnlyCheck.isChecked()
        if selected_only and layer.selectedFeatureCount() == 0:
            raise LiaochengError(tr("No parcel of “{}” is selected.").format(layer.name()))
        profile = ProtectedProfile.load(project)
        parameters = profile.processing_parameters(project)
        if not parameters:
            raise LiaochengError(tr("No protected layer is set: open the protected-layer profile first."))
        parameters = {
            key: (value.id() if isinstance(value, QgsVectorLayer) else value) for key, value in parameters.items()
        }
        parameters["INPUT"] = QgsProcessingFeatureSourceDefinition(layer.id(), selected_only)
        for key, combo in (("GRID", self.form.gridCombo), ("TOWNSHIP", self.form.townshipCombo)):
            if combo.currentLayer() is not None:
                parameters[key] = combo.currentLayer().id()
        parameters["REFERENCE_DATE"] = self.form.checkDateEdit.date().toString("yyyy-MM-dd")
        parameters.update(OUTPUT="memory:", SUMMARY="memory:", OVERLAPS="memory:")
        return parameters

    def run_check(self) -> None:
        """Start the check in the background (a QgsTask); the panel stays usable."""
        if self.runner.is_running():
            return
        try:
            parameters = self.parameters()
        except LiaochengError as error:
            self.iface.messageBar().pushWarning(tr("Land-reserve parcels"), error.message)
            return
        self.form.runButton.setEnabled(False)
        self.form.cancelButton.setEnabled(True)
        self.form.progressBar.setValue(0)
        self.runner.run(ALGORITHM_ID, parameters)

    def _finished(self, succeeded: bool, layers: dict, message: str) -> None:
        self.form.runButton.setEnabled(True)
        self.form.cancelButton.setEnabled(False)
        self.form.progressBar.setValue(100 if succeeded else 0)
        if not succeeded:
            text = message or tr("The check was canceled; nothing was written.")
            self.iface.messageBar().pushWarning(tr("Land-reserve parcels"), text)
            return
        layers["OUTPUT"].setName(tr("Checked reserve parcels"))
        layers["OVERLAPS"].setName(tr("Conflict pieces"))
        layers["SUMMARY"].setName(tr("Reserve summary"))
        self.layers = layers
        replace_result_group(
            QgsProject.instance(),
            result_group_name(),
            [(layers["OVERLAPS"], "conflict_pieces"), (layers["OUTPUT"], "check_status"), (layers["SUMMARY"], "")],
        )
        self._fill_table()
        self.form.inputGroup.setCollapsed(True)
        if message:
            self.iface.messageBar().pushInfo(tr("Land-reserve parcels"), message.splitlines()[0])
        logger.info("Reserve check: %s parcels", layers["OUTPUT"].featureCount())

    def _fill_table(self) -> None:
        parcels = self.layers["OUTPUT"]
        labels = {severity.value: text for severity, text in status_labels().items()}
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
        code_field, name_field = self._ledger_field("code"), self._ledger_field("name")
        grids = set()
        for feature in parcels.getFeatures():
            grids.add(feature["grid"] or "")
            cells = [
                result_item(feature[code_field] if code_field else feature.id()),
                result_item(feature[name_field] if name_field else ""),
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
        self.form.resultsView.resizeColumnsToContents()
        self._show_cards(parcels)
        self.form.exportXlsxButton.setEnabled(True)
        self.form.exportGpkgButton.setEnabled(True)

    def _ledger_field(self, attribute: str) -> str:
        return getattr(LedgerFields.detect(self.layers["OUTPUT"].fields()), attribute)

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

    def show_row(self, index: QModelIndex) -> None:
        """Zoom to the parcel of a table row, flash it and draw its conflict pieces."""
        feature_id = self.proxy.index(index.row(), 0).data(FEATURE_ID_ROLE)
        parcels, pieces = self.layers.get("OUTPUT"), self.layers.get("OVERLAPS")
        if parcels is None or feature_id is None:
            return
        parcel = parcels.getFeature(feature_id)
        request = QgsFeatureRequest().setFilterExpression(f'"subject_id" = {int(feature_id)}')
        drawn = [(piece["role"], piece.geometry(), pieces.crs()) for piece in pieces.getFeatures(request)]
        self.highlight.show(parcel.geometry(), parcels.crs(), drawn)

    def export_xlsx(self) -> None:
        """Save the ledger (台账) with Chinese headers and its summary as XLSX."""
        path, _ = QFileDialog.getSaveFileName(self, tr("Export ledger"), tr("reserve_ledger.xlsx"), "Excel (*.xlsx)")
        if path:
            self._export(
                lambda: write_ledger(path, reserve_ledger_sheets(self.layers["OUTPUT"], self.layers["SUMMARY"])), path
            )

    def export_gpkg(self) -> None:
        """Save the checked parcels, conflict pieces and summary to a GeoPackage."""
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Export GeoPackage"), tr("reserve_check.gpkg"), "GeoPackage (*.gpkg)"
        )
        if path:
            tables = {
                "reserve_parcels": self.layers["OUTPUT"],
                "conflict_pieces": self.layers["OVERLAPS"],
                "summary": self.layers["SUMMARY"],
            }
            self._export(lambda: write_layers_gpkg(path, tables), path)

    def _export(self, write, path: str) -> None:
        try:
            write()
        except LiaochengError as error:
            self.iface.messageBar().pushCritical(tr("Land-reserve parcels"), str(error))
            return
        self.iface.messageBar().pushSuccess(tr("Land-reserve parcels"), tr("Written to {}").format(path))

    def cleanup(self) -> None:
        """Stop a running check and remove the highlights (called on unload)."""
        self.runner.cancel()
        self.highlight.clear()
