"""What every check dock shares: run in a task with progress and cancel, result group, table, details, highlight,
export."""

from pathlib import Path
from typing import Callable, Dict, List, Sequence, Tuple

from qgis.core import QgsProject, QgsVectorLayer
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QModelIndex
from qgis.PyQt.QtWidgets import QFileDialog, QHeaderView, QPushButton, QWidget

from liaocheng_plugin.core.conflict_pieces import Piece
from liaocheng_plugin.core.datacheck.report import data_check_sheet, findings_from_layer
from liaocheng_plugin.core.definitions import COORDINATE_FRAME_PARAMETER, DATA_CHECK_OUTPUT, Role
from liaocheng_plugin.core.exceptions import CheckCanceledError, LiaochengError
from liaocheng_plugin.core.field_pack import export_field_pack
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.log import logger
from liaocheng_plugin.core.profile import ProtectedProfile
from liaocheng_plugin.core.row_details import RowDetails, details_html
from liaocheng_plugin.core.sheets import export_sheets, layer_sets, overview_layers
from liaocheng_plugin.core.values import as_text, record
from liaocheng_plugin.gui.algorithm_runner import AlgorithmRunner
from liaocheng_plugin.gui.canvas_highlight import CanvasHighlight
from liaocheng_plugin.gui.data_check_panel import DataCheckPanel, frame_combo
from liaocheng_plugin.gui.export_task import ExportRunner
from liaocheng_plugin.gui.result_group import replace_result_group
from liaocheng_plugin.gui.results_model import FEATURE_ID_ROLE, ResultsFilter, ResultsModel

FINDINGS_COLUMN_WIDTH = 220  # the details area shows findings in full; the column shows their start
MAX_COLUMN_WIDTH = 160


def protected_summary(project: QgsProject) -> str:
    """Short names of the protected layers the profile provides."""
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
    return "、".join(present) if present else tr("none — set the profile first")


def profile_parameters(project: QgsProject) -> Dict[str, object]:
    """The protected-layer parameters from the profile, layers given by id (safe for a background task)."""
    parameters = ProtectedProfile.load(project).processing_parameters(project)
    if not parameters:
        raise LiaochengError(tr("No protected layer is set: open the protected-layer profile first."))
    return {key: (value.id() if isinstance(value, QgsVectorLayer) else value) for key, value in parameters.items()}


def export_and_report(iface, title: str, write: Callable[[], object], path: str) -> None:
    """Run an export and say in the message bar where it went, or why it failed."""
    try:
        write()
    except CheckCanceledError:
        iface.messageBar().pushInfo(title, tr("The export was canceled; nothing was written."))
        return
    except LiaochengError as error:
        iface.messageBar().pushCritical(title, str(error))
        return
    iface.messageBar().pushSuccess(title, tr("Written to {}").format(path))


def ask_sheet_path(parent: QWidget) -> str:
    """Ask where map sheets go: one PDF, or PNGs named after it; "" when the user cancels."""
    path, _ = QFileDialog.getSaveFileName(parent, tr("Export map sheets"), "", "PDF (*.pdf);;PNG (*.png)")
    return path


class CheckDock(QgsDockWidget):
    """Base of the check docks. A subclass gives the form, the algorithm, its parameters and its table.

    The form must have runButton, cancelButton, progressBar, inputGroup, resultsView, detailsBrowser,
    exportLayout (a grid), exportXlsxButton, exportGpkgButton, profileButton and profileSummaryLabel.
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
        self.setWidget(form)
        self.runner = AlgorithmRunner(self)
        self.highlight = CanvasHighlight(iface.mapCanvas())
        self.layers: Dict[str, QgsVectorLayer] = {}
        self.rows: Dict[int, Dict[str, object]] = {}  # result rows by feature id, read once through values.record
        self.findings_column = findings_column
        self.model = ResultsModel(self)
        self.proxy = ResultsFilter(zone_column, findings_column, self)
        self.proxy.setSourceModel(self.model)
        form.resultsView.setModel(self.proxy)
        form.resultsView.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        form.resultsView.horizontalHeader().setStretchLastSection(True)
        rows = form.resultsView.verticalHeader()
        rows.setVisible(False)  # row numbers: width the narrow dock needs for findings
        rows.setDefaultSectionSize(form.resultsView.fontMetrics().height() + 8)  # compact rows: more of them shown
        form.resultsSplitter.setStretchFactor(0, 1)  # the table and the details area share the height
        form.resultsSplitter.setStretchFactor(1, 1)
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
        self.frameCombo = frame_combo(form)
        form.inputLayout.addRow(tr("Coordinate frame"), self.frameCombo)
        self.dataPanel = DataCheckPanel(form)
        form.mainLayout.insertWidget(form.mainLayout.indexOf(form.resultsSplitter) + 1, self.dataPanel)
        self.exports = ExportRunner(self)
        self.runner.progressChanged.connect(lambda value: form.progressBar.setValue(int(value)))
        self.runner.finished.connect(self._finished)
        form.progressBar.setFormat(tr("Not run yet"))
        self.show_details(QModelIndex())

    # What a subclass provides.
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
        view = self.form.resultsView
        view.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            limit = FINDINGS_COLUMN_WIDTH if column == self.findings_column else MAX_COLUMN_WIDTH
            view.setColumnWidth(column, min(view.columnWidth(column), limit))

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
        if results is None or feature_id is None:
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
        if path:
            sheets = self.ledger_sheets()
            if DATA_CHECK_OUTPUT in self.layers:
                sheets.append(data_check_sheet(findings_from_layer(self.layers[DATA_CHECK_OUTPUT])))
            self._export(lambda: write_ledger(path, sheets), path)

    def export_gpkg(self) -> None:
        """Save the result layers to a GeoPackage."""
        from liaocheng_plugin.core.export import write_layers_gpkg

        path, _ = QFileDialog.getSaveFileName(self, tr("Export GeoPackage"), "", "GeoPackage (*.gpkg)")
        if path:
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
        if path:
            self._export(lambda: self.export_sheets_to(path, ids), path)

    def export_atlas(self) -> None:
        """One page per subject shown in the (filtered) table, to one PDF or to PNGs."""
        path = ask_sheet_path(self)
        if path:
            ids = self.shown_ids()
            self._export(lambda: self.export_sheets_to(path, ids), path)

    def export_pack(self) -> None:
        """A field pack (外业核查包) of the selected subjects, or of every subject the table shows."""
        folder = QFileDialog.getExistingDirectory(self, tr("Field pack folder"))
        if folder:
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
        """Say which protected layers the check will use (from the project's profile)."""
        self.form.profileSummaryLabel.setText(protected_summary(QgsProject.instance()))

    def _open_profile(self) -> None:
        from liaocheng_plugin.gui.profile_dialog import ProfileDialog

        dialog = ProfileDialog(self)
        dialog.reload()
        dialog.exec()
        self.refresh_profile_summary()

    def cleanup(self) -> None:
        """Stop a running check or export and remove the highlights (called on unload)."""
        self.runner.cancel()
        self.exports.cancel()
        self.highlight.clear()


def preselect_layers(hints: Dict[object, Tuple[str, ...]]) -> None:
    """Choose, in each layer combo, the first project layer whose name holds one of its words."""
    layers = [lyr for lyr in QgsProject.instance().mapLayers().values() if isinstance(lyr, QgsVectorLayer)]
    for combo, words in hints.items():
        for layer in layers:
            if any(word in layer.name() for word in words):
                combo.setLayer(layer)
                break
