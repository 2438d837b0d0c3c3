"""The layers and exports of the 项目选址 dock: the alternatives as the site check's outputs, the comparison
workbook with its 数据体检 sheet, the GeoPackage, map sheets, atlas and field pack."""

from pathlib import Path
from typing import Dict, List, Optional

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtWidgets import QFileDialog

from liaocheng_plugin.core.datacheck.interactive import sketches_name
from liaocheng_plugin.core.datacheck.report import data_check_sheet
from liaocheng_plugin.core.exceptions import LiaochengError
from liaocheng_plugin.core.export import write_layers_gpkg, write_ledger
from liaocheng_plugin.core.field_pack import FieldPack, export_field_pack
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.sheets import export_sheets, layer_sets, overview_layers
from liaocheng_plugin.core.siting_table import alternative_layers, site_ledger_sheets
from liaocheng_plugin.gui.export_report import ask_sheet_path, export_and_report
from liaocheng_plugin.gui.result_group import replace_result_group


class SiteExports:
    """What the 项目选址 dock hands over (a mixin of SiteDock: uses its ``alternatives``, ``engine``, ``origins``,
    ``inputs``, ``comparison``, ``exports`` and ``iface``)."""

    def alternatives_layer(self, clear_parts: bool = False) -> QgsVectorLayer:
        """The alternatives (or their clear parts) as a memory layer in the working CRS."""
        return self.site_layers()["CLEAR" if clear_parts else "OUTPUT"]

    def site_layers(self) -> Dict[str, QgsVectorLayer]:
        """The alternatives, the routes' crossings with their chainage, the clear parts and the conflict pieces, as
        the site check's outputs OUTPUT, CROSSINGS, CLEAR and OVERLAPS."""
        if not self.alternatives or self.engine is None:
            raise LiaochengError(tr("Sketch or select at least one alternative first."))
        origins = [self.origins.get(id(site), (sketches_name(), site.subject_id)) for site in self.alternatives]
        warnings = self.inputs.warnings({layer for layer, _ in origins})
        texts = [warnings.text_for(layer, fid, site.overlap) for (layer, fid), site in zip(origins, self.alternatives)]
        return alternative_layers(self.alternatives, self.engine.working_crs, self.engine.cultivated_codes, texts)

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
        sheets = site_ledger_sheets(layers["OUTPUT"], layers["CROSSINGS"], tr("Comparison"))
        return sheets + [data_check_sheet(self.inputs.findings)]

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
