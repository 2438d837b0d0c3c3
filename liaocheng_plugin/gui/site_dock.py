"""The 项目选址 dock: sketch sites and routes, see their conflicts at once, compare alternatives side by side."""

from typing import Dict, List, Optional, Set, Tuple

from qgis.core import (
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.gui import QgsDockWidget
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QPushButton, QWidget

from liaocheng_plugin.core.compat import GEOMETRY_LINE, GEOMETRY_POLYGON
from liaocheng_plugin.core.crs import choose_working_crs
from liaocheng_plugin.core.datacheck.findings import DataCheckError, DataKind
from liaocheng_plugin.core.datacheck.interactive import PanelInputCheck, drawn_shape, sketches_name
from liaocheng_plugin.core.datacheck.report import DataWarnings
from liaocheng_plugin.core.datacheck.web_frames import CoordinateFrame
from liaocheng_plugin.core.definitions import DEFAULT_CULTIVATED_CODES, Role
from liaocheng_plugin.core.engine import OverlayEngine, is_cultivated
from liaocheng_plugin.core.exceptions import LiaochengError
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.paths import plugin_file
from liaocheng_plugin.core.profile import ProtectedProfile, missing_layers_message
from liaocheng_plugin.core.role_guess import find_field
from liaocheng_plugin.core.row_details import data_check_lists, details_html, site_details
from liaocheng_plugin.core.siting import SiteResult, chainage, check_drawn_sites, rank_sites
from liaocheng_plugin.core.values import as_text
from liaocheng_plugin.gui.canvas_highlight import CanvasHighlight
from liaocheng_plugin.gui.comparison_table import ComparisonTable
from liaocheng_plugin.gui.data_check_panel import DataCheckPanel, frame_combo
from liaocheng_plugin.gui.dialogs import ask_text
from liaocheng_plugin.gui.dock_layout import fit_narrow, scrolling
from liaocheng_plugin.gui.dock_profile import protected_summary
from liaocheng_plugin.gui.export_task import ExportRunner
from liaocheng_plugin.gui.project_watch import ProjectWatch, SignalConnections
from liaocheng_plugin.gui.site_exports import SiteExports
from liaocheng_plugin.gui.site_follow import SiteFollowsProject, Sketch, profile_state
from liaocheng_plugin.gui.sketch_tool import SketchTool

FORM_CLASS, _ = uic.loadUiType(str(plugin_file("liaocheng_plugin", "gui", "site_dock.ui")))
NAME_CANDIDATES = ("FAMC", "XMMC", "NAME", "MC")
RECHECK_DELAY_MS = 300  # edits of a protected layer come in bursts: the alternatives are checked again once


class SiteDockForm(QWidget, FORM_CLASS):
    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setupUi(self)


class SiteDock(SiteFollowsProject, SiteExports, QgsDockWidget):
    """项目选址: every sketched or selected alternative is checked at once against indexes built once."""

    def __init__(self, iface, parent: Optional[QWidget] = None):
        super().__init__(tr("Project site selection"), parent)
        self.setObjectName("LiaochengSiteDock")
        self.iface = iface
        self.form = SiteDockForm(self)
        self.engine: Optional[OverlayEngine] = None
        self.watched = SignalConnections()  # the protected layers' data changes, while the indexes are built
        self.engine_state: Tuple[str, List[str]] = ("", [])  # the profile and layer ids the indexes stand on
        self.refusal = ""  # why the alternatives could not be checked again, said once
        self.alternatives: List[SiteResult] = []
        self.sketches: List[Sketch] = []  # in the order of ``alternatives``
        self.recheck_timer = QTimer(self)
        self.recheck_timer.setSingleShot(True)
        self.recheck_timer.setInterval(RECHECK_DELAY_MS)
        self.recheck_timer.timeout.connect(self.recheck)
        self.inputs = PanelInputCheck(QgsProject.instance().transformContext())
        self.origins: Dict[int, Tuple[str, int]] = {}  # id(alternative) → (layer name, feature id) for findings
        self.subject_layers: Set[str] = {sketches_name()}  # the layers alternatives were chosen from, this session
        self.highlight = CanvasHighlight(iface.mapCanvas())
        canvas = iface.mapCanvas()
        self.site_tool = SketchTool(canvas, GEOMETRY_POLYGON)
        self.route_tool = SketchTool(canvas, GEOMETRY_LINE)
        self.site_tool.finished.connect(lambda geometry: self.add_sketch(geometry, is_route=False))
        self.route_tool.finished.connect(lambda geometry: self.add_sketch(geometry, is_route=True))
        form = self.form
        form.drawSiteButton.toggled.connect(lambda on: self._activate(self.site_tool, on))
        form.drawRouteButton.toggled.connect(lambda on: self._activate(self.route_tool, on))
        form.useSelectedButton.clicked.connect(self.use_selected)
        form.renameButton.clicked.connect(self.rename_selected)
        form.removeButton.clicked.connect(self.remove_selected)
        form.saveLayerButton.clicked.connect(self._add_layers)
        form.exportXlsxButton.clicked.connect(self.export_xlsx)
        form.exportGpkgButton.clicked.connect(self.export_gpkg)
        self.sheetButton = QPushButton(tr("Map sheet…"), form)
        self.sheetButton.setToolTip(tr("The map sheet of the alternative selected in the table"))
        self.sheetButton.clicked.connect(self.export_sheet)
        form.actionsLayout.addWidget(self.sheetButton, 2, 0)
        self.atlasButton = QPushButton(tr("Atlas…"), form)
        self.atlasButton.setToolTip(tr("One map sheet per alternative"))
        self.atlasButton.clicked.connect(self.export_atlas)
        form.actionsLayout.addWidget(self.atlasButton, 2, 1)
        self.packButton = QPushButton(tr("Field pack…"), form)
        self.packButton.setToolTip(tr("Field pack (外业核查包) of every alternative"))
        self.packButton.clicked.connect(self.export_pack)
        form.actionsLayout.addWidget(self.packButton, 2, 2)
        self.exports = ExportRunner(self)
        self.comparison = ComparisonTable(form.comparisonTable)
        self.comparison.clicked.connect(self.show_alternative)
        self.comparison.current.connect(self.show_details)
        form.resultsSplitter.setStretchFactor(0, 3)
        form.resultsSplitter.setStretchFactor(1, 2)
        form.mainLayout.setStretchFactor(form.resultsSplitter, 1)
        self.frameCombo = frame_combo(
            form,
            tr("Sites drawn on a Chinese web map (AMap, Tencent: GCJ-02; Baidu: BD-09) are converted to WGS 84 first."),
        )
        form.distancesLayout.addRow(tr("Coordinate frame"), self.frameCombo)
        self.dataPanel = DataCheckPanel(form)
        form.mainLayout.insertWidget(form.mainLayout.indexOf(form.resultsSplitter) + 1, self.dataPanel)
        form.profileButton.clicked.connect(self._open_profile)
        self._refresh_table()
        self.refresh_profile_summary()
        fit_narrow(form)
        self.setWidget(scrolling(form))
        self.watch = ProjectWatch(self._project_replaced, self._layers_removing, self._profile_changed)

    # The engine: indexes built once from the profile, rebuilt when the profile or a protected layer changes.
    def ensure_engine(self) -> OverlayEngine:
        """The overlay engine on the profile's layers, built on first use after the input check of the layers
        (raises LiaochengError, a DataCheckError naming layer and feature when the input check refuses); refused
        while the profile names a layer that left the project (the alternatives would show no conflict with it)."""
        if self.engine is not None:
            return self.engine
        project = QgsProject.instance()
        profile = ProtectedProfile.load(project)
        missing = profile.missing_layers(project)
        if missing:
            raise LiaochengError(missing_layers_message(missing))
        specs = profile.role_specs(project)
        if not specs:
            raise LiaochengError(tr("No protected layer is set: open the protected-layer profile first."))
        survey = profile.roles.get(Role.LAND_SURVEY)
        codes = survey.cultivated_codes if survey is not None else list(DEFAULT_CULTIVATED_CODES)
        extent = self.iface.mapCanvas().extent()
        working_crs = choose_working_crs(
            self.iface.mapCanvas().mapSettings().destinationCrs(), extent, project.transformContext()
        )
        self.inputs.reset()
        try:
            checked = self.inputs.protected(specs, codes)
            engine = OverlayEngine(working_crs, project.transformContext(), cultivated_codes=codes)
            engine.build_indexes(checked, inspect=self.inputs.inspector)
        finally:
            self.show_findings()
        self.inputs.add(engine.issues)
        for spec in specs:
            self.watched.connect(spec.source, spec.source.dataChanged, self._protected_data_changed)
        self.engine = engine
        self.engine_state = profile_state(project)
        self.show_findings()
        return engine

    def _activate(self, tool: SketchTool, on: bool) -> None:
        canvas = self.iface.mapCanvas()
        other = self.form.drawRouteButton if tool is self.site_tool else self.form.drawSiteButton
        if on:
            other.setChecked(False)
            canvas.setMapTool(tool)
        elif canvas.mapTool() is tool:
            canvas.unsetMapTool(tool)

    # Alternatives.
    def add_sketch(self, geometry: QgsGeometry, is_route: bool, name: str = "") -> Optional[SiteResult]:
        """Check a sketched site or route (canvas CRS; moved from the stated web-map frame) and add it."""
        self.inputs.clear_errors()
        number = len(self.alternatives) + 1
        try:
            self.ensure_engine()
        except LiaochengError as error:
            return self._refuse(error)
        canvas_crs = self.iface.mapCanvas().mapSettings().destinationCrs()
        frame = CoordinateFrame(self.frameCombo.currentData())
        geometry, crs = self.inputs.sketch(geometry, canvas_crs, frame, number)
        return self.add_alternative(geometry, crs, is_route, name or tr("Alternative {}").format(number), frame=frame)

    def add_alternative(
        self,
        geometry: QgsGeometry,
        crs,
        is_route: bool,
        name: str,
        origin: Optional[Tuple[str, int]] = None,
        frame: CoordinateFrame = CoordinateFrame.UNSTATED,
        twins: Optional[List[str]] = None,
    ) -> Optional[SiteResult]:
        """Check a site or route (``geometry`` in ``crs``, as drawn, moved from the web-map ``frame``) against the
        indexes and add it to the comparison; ``origin`` (layer name, feature id) names it in findings (a sketch
        by default). A feature added again as it is already in the comparison is not added twice (None): the
        message bar says so, or its name joins ``twins`` for one message about several."""
        engine = self.ensure_engine()
        number = len(self.alternatives) + 1
        width, distance = self.form.widthSpin.value(), self.form.distanceSpin.value()
        origin = origin or (sketches_name(), number)
        sketch = Sketch(QgsGeometry(geometry), crs, is_route, width, distance, origin, name, frame)
        twin = next((i for i, other in enumerate(self.sketches) if other.same_as(sketch)), None)
        if twin is not None:
            if twins is None:
                self._say_twins([self.alternatives[twin].name])
            else:
                twins.append(self.alternatives[twin].name)
            return None
        try:
            site = self._check(engine, sketch, number, name)
        except DataCheckError as error:
            return self._refuse(error)
        self.show_findings()
        self.sketches.append(sketch)
        self.alternatives.append(site)
        rank_sites(self.alternatives)
        self._refresh_table()
        self.comparison.select(len(self.alternatives) - 1)
        self.show_alternative(len(self.alternatives) - 1, zoom=False)
        return site

    def _check(self, engine: OverlayEngine, sketch: Sketch, number: int, name: str) -> SiteResult:
        """Check one site or route against the indexes (a DataCheckError when the input check refuses it); its
        findings join the 数据体检 list."""
        layer_name, feature_id = sketch.origin
        working = QgsGeometry(sketch.geometry)
        working.transform(QgsCoordinateTransform(sketch.crs, engine.working_crs, QgsProject.instance()))
        sites, findings = check_drawn_sites(
            engine,
            layer_name,
            [drawn_shape(working)],
            [feature_id],
            [name],
            sketch.is_route,
            sketch.width_m,
            sketch.village_distance_m,
            self.inputs.inspector,
        )
        self.inputs.add(findings + engine.issues)
        site = sites[0]
        site.subject_id = number
        self.origins[id(site)] = sketch.origin
        return site

    def _refuse(self, error: LiaochengError) -> None:
        """Say why nothing was added: in the message bar and, for the input check, in its list."""
        if isinstance(error, DataCheckError):
            self.inputs.add(error.findings)
        self.iface.messageBar().pushWarning(self.windowTitle(), error.message)
        self.show_findings()

    def show_findings(self) -> None:
        """The input check's findings of this session in the 数据体检 list."""
        self.dataPanel.show_findings(self.inputs.findings)

    def use_selected(self) -> None:
        """Add the selected features of the active layer (polygons as sites, lines as routes) after the input
        check of the layer (CRS, encoding, web-map frame …)."""
        layer = self.iface.activeLayer()
        if not isinstance(layer, QgsVectorLayer) or layer.selectedFeatureCount() == 0:
            self.iface.messageBar().pushWarning(
                self.windowTitle(), tr("Select sites or routes in the active layer first.")
            )
            return
        self.inputs.clear_errors()
        self.subject_layers.add(layer.name())
        frame = CoordinateFrame(self.frameCombo.currentData())
        try:
            self.ensure_engine()
            chosen = self.inputs.chosen(layer, frame)
        except LiaochengError as error:
            self._refuse(error)
            return
        is_route = QgsWkbTypes.geometryType(layer.wkbType()) == GEOMETRY_LINE
        twins: List[str] = []
        for feature in chosen.features:
            name_field = find_field(feature.fields(), NAME_CANDIDATES)
            name = as_text(feature[name_field]) if name_field else ""
            name = name or tr("Alternative {}").format(len(self.alternatives) + 1)
            origin = (chosen.layer_name, feature.id())
            self.add_alternative(feature.geometry(), chosen.crs, is_route, name, origin, frame, twins)
        if twins:
            self._say_twins(twins)

    def _say_twins(self, names: List[str]) -> None:
        """Say which alternatives were chosen again and not added twice."""
        self.iface.messageBar().pushInfo(
            self.windowTitle(), tr("Already in the comparison, not added again: {}.").format("、".join(names))
        )

    def rename_selected(self) -> None:
        index = self.comparison.selected_site()
        if 0 <= index < len(self.alternatives):
            name, ok = ask_text(self, tr("Rename alternative"), tr("Name:"), self.alternatives[index].name)
            if ok and name.strip():
                self.alternatives[index].name = name.strip()
                self.sketches[index] = self.sketches[index]._replace(name=name.strip())
                self._refresh_table()
                self.comparison.select(index)

    def remove_selected(self) -> None:
        index = self.comparison.selected_site()
        if 0 <= index < len(self.alternatives):
            self.origins.pop(id(self.alternatives[index]), None)
            del self.alternatives[index]
            del self.sketches[index]
            rank_sites(self.alternatives)
            self.highlight.clear()
            self._refresh_table()

    def _refresh_table(self) -> None:
        """Show the alternatives in the comparison table; no alternative is selected afterwards."""
        self.comparison.show(self.alternatives)
        self.show_details(-1)

    def show_details(self, index: int) -> None:
        """The selected alternative's findings, areas in m²/亩/公顷, conflicting features and crossings."""
        if not 0 <= index < len(self.alternatives) or self.engine is None:
            hint = tr(
                "Draw a site or a route (left click adds a vertex, right click finishes), or use the selected "
                "features of the active layer: each is checked at once."
            )
            if self.alternatives:
                hint = tr("Click an alternative to see it on the map and read its details here.")
            self.form.detailsBrowser.setHtml(f"<p style='color:#666'>{hint}</p>")
            return
        codes = self.engine.cultivated_codes
        site = self.alternatives[index]
        details = site_details(site, lambda code: is_cultivated(code, codes))
        details.lists += data_check_lists(self._warnings_of(index))
        self.form.detailsBrowser.setHtml(details_html(details))

    def _warnings_of(self, index: int) -> Optional[str]:
        """The 数据体检 warnings of one alternative: its own feature's and layer's (a converted one without those
        asking for the web-map frame), the protected layers' and those of the protected features it meets;
        never another subject layer's."""
        site, sketch = self.alternatives[index], self.sketches[index]
        layer_name, feature_id = self.origins.get(id(site), (sketches_name(), site.subject_id))
        findings = [
            finding
            for finding in self.inputs.findings
            if not (sketch.converted() and finding.layer == layer_name and finding.kind == DataKind.WEB_FRAME)
        ]
        warnings = DataWarnings(findings, self.subject_layers | {layer_name}, self.inputs.role_layers)
        return warnings.text_for(layer_name, feature_id, site.overlap)

    def show_alternative(self, index: int, zoom: bool = True) -> None:
        """Draw an alternative (its position in ``alternatives``) with its conflicts (farmland and red line red,
        cultivated land orange, villages marked) and show its details."""
        if not 0 <= index < len(self.alternatives) or self.engine is None:
            return
        self.show_details(index)
        site, crs = self.alternatives[index], self.engine.working_crs
        drawn = {
            Role.PERMANENT_FARMLAND.value: "pbf",
            Role.ECOLOGICAL_REDLINE.value: "erl",
            Role.VILLAGES.value: "village",
        }
        pieces = []
        for role, overlap in site.overlap.roles.items():
            for piece in overlap.pieces:
                if role in drawn:
                    pieces.append((drawn[role], piece.geometry, crs))
                elif role == Role.LAND_SURVEY.value and is_cultivated(piece.code, self.engine.cultivated_codes):
                    pieces.append(("survey", piece.geometry, crs))
        self.highlight.show(site.overlap.geometry, crs, pieces, zoom)
        for crossing in site.crossings:
            start = site.centerline.interpolate(crossing.from_m).asPoint()
            self.highlight.add_label(f"{chainage(crossing.from_m)}–{chainage(crossing.to_m)}", start, crs)
        self.highlight.declutter()

    def refresh_profile_summary(self) -> None:
        """Say which protected layers the alternatives are checked against, and which the profile misses."""
        self.form.profileSummaryLabel.setText(protected_summary(QgsProject.instance()))

    def _open_profile(self) -> None:
        from liaocheng_plugin.gui.profile_dialog import ProfileDialog

        dialog = ProfileDialog(self)
        dialog.reload()
        dialog.exec()

    def _release_tools(self) -> None:
        canvas = self.iface.mapCanvas()
        for button in (self.form.drawSiteButton, self.form.drawRouteButton):
            button.setChecked(False)
        for tool in (self.site_tool, self.route_tool):
            tool.reset()
            if canvas.mapTool() is tool:
                canvas.unsetMapTool(tool)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        """A closed panel leaves nothing drawn on the map and no sketch tool active."""
        self._release_tools()
        self.highlight.clear()
        super().closeEvent(event)

    def cleanup(self) -> None:
        """Stop an export; release the map tools, highlights and every connection (called on unload)."""
        self.recheck_timer.stop()
        self.exports.cancel()
        self._release_tools()
        for tool in (self.site_tool, self.route_tool):
            tool.release()
        self.highlight.clear()
        self.invalidate()
        self.watch.release()
        self.alternatives = []
        self.sketches = []
        self.origins = {}
        self.subject_layers = {sketches_name()}
