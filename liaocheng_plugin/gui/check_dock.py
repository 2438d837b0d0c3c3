"""What every check dock shares: run in a task with progress and cancel, result group, table, details, highlight,
export."""

from pathlib import Path
from typing import Callable, Dict, List, Sequence, Tuple

from qgis.core import QgsProject, QgsVectorLayer
from qgis.gui import QgsDockWidget, QgsMapLayerComboBox
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QModelIndex
from qgis.PyQt.QtWidgets import QFileDialog, QPushButton, QWidget

from liaocheng_plugin.core.conflict_pieces import Piece
from liaocheng_plugin.core.datacheck.report import data_check_sheet, findings_from_layer
from liaocheng_plugin.core.definitions import COORDINATE_FRAME_PARAMETER, DATA_CHECK_OUTPUT
from liaocheng_plugin.core.exceptions import LiaochengError
from liaocheng_plugin.core.field_pack import export_field_pack
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.log import logger
from liaocheng_plugin.core.row_details import RowDetails, details_html
from liaocheng_plugin.core.sheets import export_sheets, layer_sets, overview_layers
from liaocheng_plugin.core.values import as_text, record
from liaocheng_plugin.gui.algorithm_runner import AlgorithmRunner
from liaocheng_plugin.gui.canvas_highlight import CanvasHighlight
from liaocheng_plugin.gui.data_check_panel import DataCheckPanel, frame_combo
from liaocheng_plugin.gui.dock_layout import compact_results, fit_narrow, scrolling, size_columns
from liaocheng_plugin.gui.dock_profile import protected_summary
from liaocheng_plugin.gui.export_report import ask_sheet_path, export_and_report
from liaocheng_plugin.gui.export_task import ExportRunner
from liaocheng_plugin.gui.layer_choice import LayerChoices, preselect_layers
from liaocheng_plugin.gui.project_watch import ProjectWatch
from liaocheng_plugin.gui.result_group import replace_result_group
from liaocheng_plugin.gui.results_model import FEATURE_ID_ROLE, ResultsFilter, ResultsModel


class CheckDock(QgsDockWidget):
    """Base of the check docks. A subclass gives the form, the algorithm, its parameters and its table.

    The form must have runButton, cancelButton, progressBar, inputGroup, inputLayout, resultsView,
    resultsSplitter, detailsBrowser, exportLayout (a grid), exportXlsxButton, exportGpkgButton, profileButton
    and profileSummaryLabel.

    The panel follows the project: result layers removed or another project opened empty the table (no click
    reaches a deleted layer); a chosen layer that leaves the project empties its choice; the profile summary
    says what the check will use now.
    """

    ALGORITHM_ID = ""
    OUTPUT_STYLES: Sequence[Tuple[str, str]] = ()  # (output name, style or "" for none) in layer-tree order

    def __init__(
        self, title: str, object_name: str, form: QWidget, iface, zone_column: int, findings_column: int, parent=None
    ):
        super().__init__(title, parent)
        self.setObjectName(object_name)
        self.iface = iface
        self.form = form
        self.runner = AlgorithmRunner(self)
        self.run_layer_ids: List[str] = []  # the layers the running check reads
        self.run_dropped = False  # one of them left the project (or the project changed) while it ran
        self.highlight = CanvasHighlight(iface.mapCanvas())
        self.layers: Dict[str, QgsVectorLayer] = {}
        self.rows: Dict[int, Dict[str, object]] = {}  # result rows by feature id, read once through values.record
        self.findings_column = findings_column
        self.model = ResultsModel(self)
        self.proxy = ResultsFilter(zone_column, findings_column, self)
        self.proxy.setSourceModel(self.model)
        form.resultsView.setModel(self.proxy)
        compact_results(form.resultsView, form.resultsSplitter, form.detailsBrowser)
        form.mainLayout.setStretchFactor(form.resultsSplitter, 1)
        form.runButton.clicked.connect(self.run_check)
        form.cancelButton.clicked.connect(self.runner.cancel)
        form.exportXlsxButton.clicked.connect(self.export_xlsx)
        form.exportGpkgButton.clicked.connect(self.export_gpkg)
        form.resultsView.clicked.connect(self.show_row)
        form.resultsView.selectionModel().currentRowChanged.connect(lambda current, _old: self.show_details(current))
        form.profileButton.clicked.connect(self._open_profile)
        self.packButton = QPushButton(tr("Field pack…"), form)
        self.sheetButton = QPushButton(tr("Map sheets…"), form)
        self.atlasButton = QPushButton(tr("Atlas…"), form)
        self.packButton.setToolTip(
            tr("Field pack (外业核查包): the selected rows, or every row the table shows when none is selected")
        )
        self.sheetButton.setToolTip(tr("Map sheets of the selected rows, one page each"))
        self.atlasButton.setToolTip(tr("One page per subject the table shows"))
        for button, slot, row, column in (
            (self.packButton, self.export_pack, 0, 2),  # data on the first row, maps on the second
            (self.sheetButton, self.export_sheet, 1, 0),
            (self.atlasButton, self.export_atlas, 1, 1),
        ):
            button.setEnabled(False)
            button.clicked.connect(slot)
            form.exportLayout.addWidget(button, row, column)
        self.frameCombo = frame_combo(form, self.frame_tooltip())
        form.inputLayout.addRow(tr("Coordinate frame"), self.frameCombo)
        self.dataPanel = DataCheckPanel(form)
        self.dataPanel.setCollapsed(True)  # opens with the findings of a run
        form.mainLayout.insertWidget(form.mainLayout.indexOf(form.resultsSplitter) + 1, self.dataPanel)
        self.exports = ExportRunner(self)
        self.runner.progressChanged.connect(lambda value: form.progressBar.setValue(int(value)))
        self.runner.finished.connect(self._finished)
        form.progressBar.setFormat(tr("Not run yet"))
        self.show_details(QModelIndex())
        fit_narrow(form)
        self.setWidget(scrolling(form))
        self.choices = LayerChoices(self.layer_choices(), self._choice_lost)
        preselect_layers(self.layer_hints())
        self.watch = ProjectWatch(
            self._project_replaced,
            self._layers_removing,
            self.refresh_profile_summary,
            read=self.project_read,
        )

    def project_read(self) -> None:
        """Another project was opened: guess the empty layer choices from its layer names."""
        preselect_layers(self.layer_hints(), only_empty=True)

    # What a subclass provides.
    def layer_choices(self) -> List[Tuple[QgsMapLayerComboBox, str]]:
        """The panel's layer combos, each with what it asks for ("reserve parcels")."""
        raise NotImplementedError

    def layer_hints(self) -> Dict[QgsMapLayerComboBox, Tuple[str, ...]]:
        """Words in layer names that make a layer the first guess of a combo."""
        raise NotImplementedError

    def frame_tooltip(self) -> str:
        """What the coordinate-frame choice means for this panel's subjects."""
        raise NotImplementedError

    def parameters(self) -> Dict[str, object]:
        """The algorithm's parameters from the panel; raise LiaochengError for bad input."""
        raise NotImplementedError

    def result_group_name(self) -> str:
        raise NotImplementedError

    def output_names(self) -> Dict[str, str]:
        """Layer names of the outputs."""
        raise NotImplementedError

    def fill_results(self) -> None:
        """Fill the table and cards from self.rows (and self.layers)."""
        raise NotImplementedError

    def row_details(self, feature_id: int) -> RowDetails:
        """What the details area shows for a result row."""
        raise NotImplementedError

    def ledger_sheets(self):
        """The XLSX sheets of the ledger."""
        raise NotImplementedError

    def gpkg_tables(self) -> Dict[str, QgsVectorLayer]:
        raise NotImplementedError

    def subject_pieces(self, feature_id: int) -> List[Piece]:
        """The conflict pieces (record, geometry) of a result row; none by default."""
        return []

    # The shared behaviour.
    def run_check(self) -> None:
        """Start the check in the background (a QgsTask); the panel stays usable."""
        if self.runner.is_running():
            return
        try:
            parameters = self.parameters()
        except LiaochengError as error:
            self.iface.messageBar().pushWarning(self.windowTitle(), error.message)
            return
        parameters.update({COORDINATE_FRAME_PARAMETER: self.frameCombo.currentData(), DATA_CHECK_OUTPUT: "memory:"})
        project = QgsProject.instance()
        self.run_layer_ids = [layer_id for layer_id in project.mapLayers() if layer_id in run_values(parameters)]
        self.run_dropped = False
        self.dataPanel.clear()
        self.form.runButton.setEnabled(False)
        self.form.cancelButton.setEnabled(True)
        self.form.progressBar.setFormat("%p%")
        self.form.progressBar.setValue(0)
        self.runner.run(self.ALGORITHM_ID, parameters)

    def _finished(self, succeeded: bool, layers: dict, message: str) -> None:
        self.form.runButton.setEnabled(True)
        self.form.cancelButton.setEnabled(False)
        self.form.progressBar.setValue(100 if succeeded else 0)
        self.run_layer_ids = []
        if self.run_dropped:
            self.form.progressBar.setFormat(tr("Not run"))
            self.iface.messageBar().pushWarning(
                self.windowTitle(), tr("A layer of the check left the project while it ran: its results were dropped.")
            )
            return
        if not succeeded:
            self.form.progressBar.setFormat(tr("Not run") if not self.layers else tr("Earlier results shown"))
            self.iface.messageBar().pushWarning(
                self.windowTitle(), message or tr("The check was canceled; nothing was written.")
            )
            if message:
                self.dataPanel.show_error(message)
            return
        self.form.progressBar.setFormat(tr("Check done"))
        data_check = layers.get(DATA_CHECK_OUTPUT)
        self.dataPanel.show_findings(findings_from_layer(data_check) if data_check is not None else [])
        for name, title in self.output_names().items():
            layers[name].setName(title)
        self.layers = layers
        self.rows = {feature.id(): record(feature) for feature in layers["OUTPUT"].getFeatures()}
        replace_result_group(
            QgsProject.instance(),
            self.result_group_name(),
            [(layers[name], style) for name, style in self.OUTPUT_STYLES],
        )
        self.highlight.clear()
        self.fill_results()
        self._size_columns()
        self.show_details(QModelIndex())
        self.form.inputGroup.setCollapsed(True)
        for button in (
            self.form.exportXlsxButton,
            self.form.exportGpkgButton,
            self.sheetButton,
            self.atlasButton,
            self.packButton,
        ):
            button.setEnabled(True)
        if message:
            self.iface.messageBar().pushInfo(self.windowTitle(), message.splitlines()[0])
        logger.info(tr("{}: {} results").format(self.windowTitle(), layers["OUTPUT"].featureCount()))

    def _size_columns(self) -> None:
        """Columns fit their contents up to a width; the findings column shows its start (tooltip and details
        area give the full text)."""
        size_columns(self.form.resultsView, self.findings_column)

    def feature_id_at(self, index: QModelIndex):
        """The result feature id of a table row, None for no row."""
        return self.proxy.index(index.row(), 0).data(FEATURE_ID_ROLE) if index.isValid() else None

    def show_details(self, index: QModelIndex) -> None:
        """Fill the details area with the row's findings, areas and conflicting features (a hint with no row)."""
        feature_id = self.feature_id_at(index)
        browser = self.form.detailsBrowser
        if feature_id is None or feature_id not in self.rows:
            hint = tr("Run the check, then select a row to read its findings here.")
            if self.rows:
                hint = tr("Select a row to read its findings, areas and conflicting features here.")
            browser.setHtml(f"<p style='color:#666'>{hint}</p>")
            return
        browser.setHtml(details_html(self.row_details(feature_id)))

    def show_row(self, index: QModelIndex) -> None:
        """Zoom to the subject of a table row, flash it, draw its conflict pieces and show its details."""
        feature_id = self.feature_id_at(index)
        results = self.layers.get("OUTPUT")
        if results is None or feature_id is None or not self.results_alive():
            return
        self.show_details(index)
        feature = results.getFeature(feature_id)
        crs = self.layers["OVERLAPS"].crs() if "OVERLAPS" in self.layers else results.crs()
        pieces = [(as_text(values.get("role")), geometry, crs) for values, geometry in self.subject_pieces(feature_id)]
        self.highlight.show(feature.geometry(), results.crs(), pieces)

    def export_xlsx(self) -> None:
        """Save the ledger as XLSX (Chinese headers in a Chinese QGIS)."""
        from liaocheng_plugin.core.export import write_ledger

        path, _ = QFileDialog.getSaveFileName(self, tr("Export ledger"), "", "Excel (*.xlsx)")
        if path and self.results_alive():
            sheets = self.ledger_sheets()
            if DATA_CHECK_OUTPUT in self.layers:
                sheets.append(data_check_sheet(findings_from_layer(self.layers[DATA_CHECK_OUTPUT])))
            self._export(lambda: write_ledger(path, sheets), path)

    def export_gpkg(self) -> None:
        """Save the result layers to a GeoPackage."""
        from liaocheng_plugin.core.export import write_layers_gpkg

        path, _ = QFileDialog.getSaveFileName(self, tr("Export GeoPackage"), "", "GeoPackage (*.gpkg)")
        if path and self.results_alive():
            self._export(lambda: write_layers_gpkg(path, self.gpkg_tables()), path)

    def selected_ids(self) -> List[int]:
        """Feature ids of the rows selected in the table, in table order."""
        rows = sorted({index.row() for index in self.form.resultsView.selectionModel().selectedRows()})
        return [self.proxy.index(row, 0).data(FEATURE_ID_ROLE) for row in rows]

    def shown_ids(self) -> List[int]:
        """Feature ids of every row the (filtered) table shows."""
        return [self.proxy.index(row, 0).data(FEATURE_ID_ROLE) for row in range(self.proxy.rowCount())]

    def export_sheet(self) -> None:
        """The map sheets of the selected rows' subjects (one page each), to PDF or PNG."""
        ids = self.selected_ids()
        if not ids:
            self.iface.messageBar().pushWarning(self.windowTitle(), tr("Select a row of the table first."))
            return
        path = ask_sheet_path(self)
        if path and self.results_alive():
            self._export(lambda: self.export_sheets_to(path, ids), path)

    def export_atlas(self) -> None:
        """One page per subject shown in the (filtered) table, to one PDF or to PNGs."""
        path = ask_sheet_path(self)
        if path and self.results_alive():
            ids = self.shown_ids()
            self._export(lambda: self.export_sheets_to(path, ids), path)

    def export_pack(self) -> None:
        """A field pack (外业核查包) of the selected subjects, or of every subject the table shows."""
        folder = QFileDialog.getExistingDirectory(self, tr("Field pack folder"))
        if folder and self.results_alive():
            ids = self.selected_ids() or self.shown_ids()
            self._export(lambda: self.export_pack_to(folder, ids), folder)

    def export_pack_to(self, folder: str, feature_ids: List[int]):
        """Write the field pack of ``feature_ids`` into ``folder`` (a cancellable task; nothing written on cancel)."""
        project = QgsProject.instance()
        return self.exports.run(
            tr("Exporting the field pack"),
            lambda feedback: export_field_pack(
                self.layers["OUTPUT"],
                layer_sets(project),
                Path(folder),
                "",  # named after the check: 储备土地外业核查 …
                feature_ids,
                self.layers.get("OVERLAPS"),
                feedback=feedback,
            ),
        )

    def export_sheets_to(self, path: str, feature_ids: List[int]) -> int:
        """Export the sheets of ``feature_ids`` as a cancellable task; the layout stays in the project's layout
        manager."""
        project = QgsProject.instance()
        pieces = [self.layers["OVERLAPS"]] if "OVERLAPS" in self.layers else []
        return self.exports.run(
            tr("Exporting map sheets"),
            lambda feedback: export_sheets(
                self.layers["OUTPUT"],
                pieces + layer_sets(project),
                overview_layers(project),
                "",  # named after the check: 储备土地核查图 …
                Path(path),
                "a4_landscape",
                feature_ids,
                keep_in_project=True,
                feedback=feedback,
            ),
        )

    def _export(self, write: Callable[[], object], path: str) -> None:
        export_and_report(self.iface, self.windowTitle(), write, path)

    def refresh_profile_summary(self) -> None:
        """Say which protected layers the check will use (from the project's profile), and which it misses."""
        self.form.profileSummaryLabel.setText(protected_summary(QgsProject.instance()))

    def _open_profile(self) -> None:
        from liaocheng_plugin.gui.profile_dialog import ProfileDialog

        dialog = ProfileDialog(self)
        dialog.reload()
        dialog.exec()
        self.refresh_profile_summary()

    # Following the project.
    def results_alive(self) -> bool:
        """Whether the result layers the table shows still exist; the table empties itself when not."""
        if any(sip.isdeleted(layer) for layer in self.layers.values()):
            self.clear_results(tr("The result layers were removed from the project: run the check again."))
            return False
        return bool(self.layers)

    def clear_results(self, reason: str = "") -> None:
        """Forget the shown results: empty table, cards and details, no highlight, exports off."""
        self.layers = {}
        self.rows = {}
        self.model.removeRows(0, self.model.rowCount())
        self.highlight.clear()
        self.fill_empty()
        self.show_details(QModelIndex())
        for button in (
            self.form.exportXlsxButton,
            self.form.exportGpkgButton,
            self.sheetButton,
            self.atlasButton,
            self.packButton,
        ):
            button.setEnabled(False)
        self.form.progressBar.setValue(0)
        self.form.progressBar.setFormat(tr("Not run yet"))
        self.form.inputGroup.setCollapsed(False)
        if reason:
            self.iface.messageBar().pushInfo(self.windowTitle(), reason)

    def fill_empty(self) -> None:
        """The cards (and anything else besides the table) as before a run."""
        raise NotImplementedError

    def _project_replaced(self) -> None:
        """Another project (or none): its results, highlights and running check belong to the old one."""
        if self.runner.is_running():
            self.run_dropped = True
            self.runner.cancel()
        self.dataPanel.clear()
        self.clear_results()

    def _layers_removing(self, layer_ids: List[str]) -> None:
        """Result layers leaving the project empty the table; an input layer of a running check drops its run."""
        removed = set(layer_ids)
        if self.runner.is_running() and removed & set(self.run_layer_ids):
            self.run_dropped = True
            self.runner.cancel()
        if any(not sip.isdeleted(layer) and layer.id() in removed for layer in self.layers.values()):
            self.clear_results(tr("The result layers were removed from the project: run the check again."))

    def _choice_lost(self, what: str, layer_name: str) -> None:
        self.iface.messageBar().pushWarning(
            self.windowTitle(),
            tr("The layer “{}” chosen as {} left the project: choose the {} again.").format(layer_name, what, what),
        )

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        """A closed panel leaves nothing drawn on the map."""
        self.highlight.clear()
        super().closeEvent(event)

    def cleanup(self) -> None:
        """Stop a running check or export, remove the highlights and every connection to the project (called on
        unload)."""
        self.runner.cancel()
        self.exports.cancel()
        self.highlight.clear()
        self.choices.release()
        self.watch.release()


def run_values(parameters: Dict[str, object]) -> List[str]:
    """Every text a check's parameters hold (layer ids among them), sources of feature definitions included."""
    values: List[str] = []
    for value in parameters.values():
        for item in value if isinstance(value, list) else [value]:
            source = getattr(item, "source", None)
            values.append(source.staticValue() if source is not None else str(item))
    return values
