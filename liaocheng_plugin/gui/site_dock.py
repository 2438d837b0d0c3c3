"""The 项目选址 dock: sketch sites and routes, see their conflicts at once, compare alternatives side by side."""

from pathlib import Path
from typing import Dict, List, Optional

from qgis.core import (
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.gui import QgsDockWidget
from qgis.PyQt import uic
from qgis.PyQt.QtWidgets import QFileDialog, QInputDialog, QPushButton, QWidget

from liaocheng_plugin.core.compat import GEOMETRY_LINE, GEOMETRY_POLYGON
from liaocheng_plugin.core.crs import choose_working_crs
from liaocheng_plugin.core.definitions import Role
from liaocheng_plugin.core.engine import OverlayEngine, is_cultivated
from liaocheng_plugin.core.exceptions import LiaochengError
from liaocheng_plugin.core.export import write_layers_gpkg, write_ledger
from liaocheng_plugin.core.field_pack import FieldPack, export_field_pack
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.paths import plugin_file
from liaocheng_plugin.core.profile import ProtectedProfile
from liaocheng_plugin.core.role_guess import find_field
from liaocheng_plugin.core.row_details import details_html, site_details
from liaocheng_plugin.core.sheets import export_sheets, layer_sets, overview_layers
from liaocheng_plugin.core.siting import SiteResult, chainage, check_site, rank_sites
from liaocheng_plugin.core.siting_table import (
    alternative_layers,
    site_ledger_sheets,
)
from liaocheng_plugin.core.values import as_text
from liaocheng_plugin.gui.canvas_highlight import CanvasHighlight
from liaocheng_plugin.gui.check_dock import ask_sheet_path, export_and_report
from liaocheng_plugin.gui.comparison_table import ComparisonTable
from liaocheng_plugin.gui.export_task import ExportRunner
from liaocheng_plugin.gui.result_group import replace_result_group
from liaocheng_plugin.gui.sketch_tool import SketchTool

FORM_CLASS, _ = uic.loadUiType(str(plugin_file("liaocheng_plugin", "gui", "site_dock.ui")))
NAME_CANDIDATES = ("FAMC", "XMMC", "NAME", "MC")


class SiteDockForm(QWidget, FORM_CLASS):
    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setupUi(self)


class SiteDock(QgsDockWidget):
    """项目选址: every sketched or selected alternative is checked at once against indexes built once."""

    def __init__(self, iface, parent: Optional[QWidget] = None):
        super().__init__(tr("Project site selection"), parent)
        self.setObjectName("LiaochengSiteDock")
        self.iface = iface
        self.form = SiteDockForm(self)
        self.setWidget(self.form)
        self.engine: Optional[OverlayEngine] = None
        self.watched: List[QgsVectorLayer] = []
        self.alternatives: List[SiteResult] = []
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
        site_at = self.comparison.site_at
        table = form.comparisonTable
        table.horizontalHeader().sectionClicked.connect(lambda column: self.show_alternative(site_at(column)))
        table.cellClicked.connect(lambda _row, column: self.show_alternative(site_at(column)))
        table.currentCellChanged.connect(lambda _row, column, _old_row, _old: self.show_details(site_at(column)))
        form.resultsSplitter.setStretchFactor(0, 3)
        form.resultsSplitter.setStretchFactor(1, 2)
        form.mainLayout.setStretchFactor(form.resultsSplitter, 1)
        self._refresh_table()

    # The engine: indexes built once from the profile, dropped when a protected layer changes.
    def ensure_engine(self) -> OverlayEngine:
        """The overlay engine on the profile's layers, built on first use."""
        if self.engine is not None:
            return self.engine
        project = QgsProject.instance()
        specs = ProtectedProfile.load(project).role_specs(project)
        if not specs:
            raise LiaochengError(tr("No protected layer is set: open the protected-layer profile first."))
        extent = self.iface.mapCanvas().extent()
        working_crs = choose_working_crs(
            self.iface.mapCanvas().mapSettings().destinationCrs(), extent, project.transformContext()
        )
        engine = OverlayEngine(working_crs, project.transformContext())
        engine.build_indexes(specs)
        self.watched = [spec.source for spec in specs if isinstance(spec.source, QgsVectorLayer)]
        for layer in self.watched:
            layer.dataChanged.connect(self.invalidate)
        self.engine = engine
        return engine

    def invalidate(self) -> None:
        """Forget the indexes (a protected layer changed); the next check rebuilds them."""
        for layer in self.watched:
            try:
                layer.dataChanged.disconnect(self.invalidate)
            except (TypeError, RuntimeError):
                pass
        self.watched = []
        self.engine = None

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
        """Check a sketched site or route (canvas CRS) and add it to the comparison."""
        try:
            engine = self.ensure_engine()
        except LiaochengError as error:
            self.iface.messageBar().pushWarning(self.windowTitle(), error.message)
            return None
        canvas_crs = self.iface.mapCanvas().mapSettings().destinationCrs()
        working = QgsGeometry(geometry)
        working.transform(QgsCoordinateTransform(canvas_crs, engine.working_crs, QgsProject.instance()))
        centerline = working if is_route else None
        polygon = working.buffer(self.form.widthSpin.value() / 2.0, 8) if is_route else working.makeValid()
        number = len(self.alternatives) + 1
        site = check_site(
            engine,
            polygon,
            number,
            name or tr("Alternative {}").format(number),
            centerline,
            self.form.distanceSpin.value(),
        )
        self.alternatives.append(site)
        rank_sites(self.alternatives)
        self._refresh_table()
        self.comparison.select(len(self.alternatives) - 1)
        self.show_alternative(len(self.alternatives) - 1, zoom=False)
        return site

    def use_selected(self) -> None:
        """Add the selected features of the active layer (polygons as sites, lines as routes)."""
        layer = self.iface.activeLayer()
        if not isinstance(layer, QgsVectorLayer) or layer.selectedFeatureCount() == 0:
            self.iface.messageBar().pushWarning(
                self.windowTitle(), tr("Select sites or routes in the active layer first.")
            )
            return
        is_route = QgsWkbTypes.geometryType(layer.wkbType()) == GEOMETRY_LINE
        name_field = find_field(layer.fields(), NAME_CANDIDATES)
        to_canvas = QgsCoordinateTransform(
            layer.crs(), self.iface.mapCanvas().mapSettings().destinationCrs(), QgsProject.instance()
        )
        for feature in layer.selectedFeatures():
            geometry = QgsGeometry(feature.geometry())
            geometry.transform(to_canvas)
            self.add_sketch(geometry, is_route, as_text(feature[name_field]) if name_field else "")

    def rename_selected(self) -> None:
        index = self.comparison.selected_site()
        if 0 <= index < len(self.alternatives):
            name, ok = QInputDialog.getText(
                self, tr("Rename alternative"), tr("Name:"), text=self.alternatives[index].name
            )
            if ok and name.strip():
                self.alternatives[index].name = name.strip()
                self._refresh_table()
                self.comparison.select(index)

    def remove_selected(self) -> None:
        index = self.comparison.selected_site()
        if 0 <= index < len(self.alternatives):
            del self.alternatives[index]
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
        details = site_details(self.alternatives[index], lambda code: is_cultivated(code, codes))
        self.form.detailsBrowser.setHtml(details_html(details))

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

    # Layers and exports.
    def alternatives_layer(self, clear_parts: bool = False) -> QgsVectorLayer:
        """The alternatives (or their clear parts) as a memory layer in the working CRS."""
        return self.site_layers()["CLEAR" if clear_parts else "OUTPUT"]

    def site_layers(self) -> Dict[str, QgsVectorLayer]:
        """The alternatives, the routes' crossings with their chainage and the clear parts, as the site check's
        outputs OUTPUT, CROSSINGS and CLEAR."""
        if not self.alternatives or self.engine is None:
            raise LiaochengError(tr("Sketch or select at least one alternative first."))
        return alternative_layers(self.alternatives, self.engine.working_crs, self.engine.cultivated_codes)

    def _add_layers(self) -> None:
        try:
            self.add_result_layers()
        except LiaochengError as error:
            self.iface.messageBar().pushWarning(self.windowTitle(), error.message)

    def add_result_layers(self) -> Dict[str, QgsVectorLayer]:
        """Put the alternatives, their clear parts and the routes' crossings in the group 项目选址结果 (replaced each
        time); returns the layers by output name."""
        layers = self.site_layers()
        styled = [(layers["CROSSINGS"], "crossings")] if layers["CROSSINGS"].featureCount() else []
        styled += [(layers["OVERLAPS"], "conflict_pieces"), (layers["OUTPUT"], "subject"), (layers["CLEAR"], "inflow")]
        replace_result_group(QgsProject.instance(), tr("Site selection results"), styled)
        return layers

    def export_xlsx(self) -> None:
        """The comparison and, for routes, the crossings' chainage (穿越桩号)."""
        path, _ = QFileDialog.getSaveFileName(self, tr("Export comparison"), "", "Excel (*.xlsx)")
        if path:
            self._export(lambda: write_ledger(path, self.ledger_sheets()), path)

    def ledger_sheets(self):
        layers = self.site_layers()
        return site_ledger_sheets(layers["OUTPUT"], layers["CROSSINGS"], tr("Comparison"))

    def export_gpkg(self) -> None:
        """The alternatives, their clear parts and the routes' crossings with their chainage."""
        path, _ = QFileDialog.getSaveFileName(self, tr("Export GeoPackage"), "", "GeoPackage (*.gpkg)")
        if path:
            self._export(lambda: write_layers_gpkg(path, self.gpkg_tables()), path)

    def gpkg_tables(self) -> Dict[str, QgsVectorLayer]:
        layers = self.site_layers()
        return {"sites": layers["OUTPUT"], "clear": layers["CLEAR"], "crossings": layers["CROSSINGS"]}

    def _export(self, write, path: str) -> None:
        export_and_report(self.iface, self.windowTitle(), write, path)

    def export_sheet(self) -> None:
        """The map sheet of the alternative selected in the comparison table."""
        index = self.comparison.selected_site()
        if not 0 <= index < len(self.alternatives):
            self.iface.messageBar().pushWarning(self.windowTitle(), tr("Select an alternative in the table first."))
            return
        path = ask_sheet_path(self)
        if path:
            self._export(lambda: self.export_sheets_to(path, [index]), path)

    def export_atlas(self) -> None:
        """One map sheet per alternative, to one PDF or to PNGs; the layout stays in the project."""
        path = ask_sheet_path(self)
        if path:
            self._export(lambda: self.export_sheets_to(path), path)

    def export_sheets_to(self, path: str, indexes: Optional[List[int]] = None) -> int:
        """Sheets of the alternatives at ``indexes`` of ``alternatives`` (all by default), over the profile's
        protected layers; a cancellable task."""
        project = QgsProject.instance()
        layers = self.add_result_layers()  # sheets kept in the project need their layers in it: the result group
        feature_ids = None if indexes is None else [index + 1 for index in indexes]  # memory ids follow the list
        return self.exports.run(
            tr("Exporting map sheets"),
            lambda feedback: export_sheets(
                layers["OUTPUT"],
                [layers["CROSSINGS"], layers["OVERLAPS"], *layer_sets(project)],
                overview_layers(project),
                "",  # named after the check: 项目选址核查图, 线路选址核查图
                Path(path),
                "a4_portrait",
                feature_ids,
                keep_in_project=True,
                feedback=feedback,
            ),
        )

    def export_pack(self) -> None:
        """A field pack (外业核查包) of every alternative."""
        folder = QFileDialog.getExistingDirectory(self, tr("Field pack folder"))
        if folder:
            self._export(lambda: self.export_pack_to(folder), folder)

    def export_pack_to(self, folder: str) -> FieldPack:
        """Write the field pack of all alternatives into ``folder`` (a cancellable task; nothing written on cancel)."""
        layers = self.add_result_layers()
        return self.exports.run(
            tr("Exporting the field pack"),
            lambda feedback: export_field_pack(
                layers["OUTPUT"],
                layer_sets(QgsProject.instance()),
                Path(folder),
                conflicts=layers["OVERLAPS"],
                feedback=feedback,
            ),
        )

    def refresh_profile_summary(self) -> None:
        """The profile may have changed: rebuild the indexes on the next check."""
        self.invalidate()

    def cleanup(self) -> None:
        """Stop an export; release the map tools, highlights and layer connections (called on unload)."""
        self.exports.cancel()
        canvas = self.iface.mapCanvas()
        for tool in (self.site_tool, self.route_tool):
            tool.reset()
            if canvas.mapTool() is tool:
                canvas.unsetMapTool(tool)
        self.highlight.clear()
        self.invalidate()
        self.alternatives = []
