"""Map sheets (出图): fill a .qpt template for a check's result layer and export one page per subject to PDF."""

from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from qgis.core import (
    QgsFeedback,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtXml import QDomDocument

from liaocheng_plugin.core.exceptions import CheckCanceledError, LiaochengError
from liaocheng_plugin.core.findings import status_labels
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.paths import resource_path
from liaocheng_plugin.core.profile import ProtectedProfile
from liaocheng_plugin.core.staging import staged_folder

TEMPLATES = ("a4_landscape", "a4_portrait", "a3_landscape", "a3_portrait")
ATLAS_MARGIN = 0.35
NAME_FIELDS = ("name", "patch_id", "DKBH", "DKMC", "FAMC", "TBBH")


def template_labels() -> Dict[str, str]:
    """Paper sizes and orientations, translated."""
    return {
        "a4_landscape": tr("A4 landscape"),
        "a4_portrait": tr("A4 portrait"),
        "a3_landscape": tr("A3 landscape"),
        "a3_portrait": tr("A3 portrait"),
    }


def measured_rows() -> List[Tuple[str, str, str]]:
    """Measured rows of the results table, in the order reviewers read them: (label, 亩 field, % field)."""
    return [
        (tr("Area"), "area_mu", ""),
        (tr("Permanent basic farmland"), "pbf_mu", "pbf_pct"),
        (tr("Ecological red line"), "erl_mu", "erl_pct"),
        (tr("Cultivated land"), "cult_mu", "cult_pct"),
        (tr("Outside development boundary"), "", "outside_udb_pct"),
        (tr("Inside development boundary"), "udb_mu", "inside_udb_pct"),
    ]


def text_rows() -> List[Tuple[str, str]]:
    """Rows of the results table that hold text: (label, field)."""
    return [(tr("Villages"), "villages"), (tr("Findings"), "findings")]


CELL = "style='padding:0 3px;border-bottom:1px solid #ccc'"
FINDINGS_CHARACTERS = 150  # the ledger has them all; the sheet's box has room for about this many


def value_cell(expression: str, span: int = 1) -> str:
    """A table cell showing an expression's value on each atlas page."""
    return f"<td {CELL} colspan='{span}'>[% {expression} %]</td>" if expression else f"<td {CELL}></td>"


def percent_expression(mu_field: str, pct_field: str, names: Sequence[str]) -> str:
    """The % of a row: its own field, else its 亩 over the subject's 亩."""
    if pct_field in names:
        return f'"{pct_field}"'
    if mu_field in names and "area_mu" in names:
        return f'round(100.0 * "{mu_field}" / nullif("area_mu", 0), 2)'
    return ""


def table_html(layer: QgsVectorLayer) -> str:
    """An HTML table (conflict, 亩, %) whose cells are expressions, so every atlas page shows its own subject's
    figures; long findings are shortened (the ledger has them in full)."""
    names = layer.fields().names()
    statuses = {severity.value: text for severity, text in status_labels().items()}
    status = (
        "CASE " + " ".join(f"WHEN \"status\" = '{value}' THEN '{text}'" for value, text in statuses.items()) + " END"
    )
    status_label, conflict_label, mu_label = tr("Status"), tr("Conflict"), tr("mu")
    rows = [f"<tr><td {CELL}>{status_label}</td>{value_cell(status, 2)}</tr>"] if "status" in names else []
    for label, mu_field, pct_field in measured_rows():
        if mu_field not in names and pct_field not in names:
            continue
        mu = f'"{mu_field}"' if mu_field in names else ""
        pct = percent_expression(mu_field, pct_field, names)
        rows.append(f"<tr><td {CELL}>{label}</td>{value_cell(mu)}{value_cell(pct)}</tr>")
    for label, field in text_rows():
        if field in names:
            shortened = (
                f'CASE WHEN length("{field}") > {FINDINGS_CHARACTERS} '
                f'THEN left("{field}", {FINDINGS_CHARACTERS}) || \'…\' ELSE "{field}" END'
            )
            rows.append(f"<tr><td {CELL}>{label}</td>{value_cell(shortened, 2)}</tr>")
    heading = (
        f"<tr><th align='left' width='44%'>{conflict_label}</th>"
        f"<th align='left' width='28%'>{mu_label}</th><th align='left' width='28%'>%</th></tr>"
    )
    return (
        "<table style='font-family:Noto Sans CJK SC;font-size:7.5pt;border-collapse:collapse;width:100%'>"
        f"{heading}{''.join(rows)}</table>"
    )


def layer_extent(layer: QgsVectorLayer):
    """A layer's extent, computed when the provider has not done so yet."""
    layer.updateExtents()
    return layer.extent()


def fit_extent(item: QgsLayoutItemMap, extent: QgsRectangle) -> None:
    """Show ``extent`` in a map item, grown to the item's aspect ratio (works on maps saved without an extent)."""
    rect = item.rect()
    ratio = rect.width() / rect.height() if rect.height() > 0 else 1.0
    fitted = QgsRectangle(extent)
    if fitted.width() / max(fitted.height(), 1e-9) > ratio:
        grow = fitted.width() / ratio - fitted.height()
        fitted.setYMinimum(fitted.yMinimum() - grow / 2)
        fitted.setYMaximum(fitted.yMaximum() + grow / 2)
    else:
        grow = fitted.height() * ratio - fitted.width()
        fitted.setXMinimum(fitted.xMinimum() - grow / 2)
        fitted.setXMaximum(fitted.xMaximum() + grow / 2)
    item.setExtent(fitted)


def centroid_expressions() -> List[str]:
    """Expressions of a subject's centroid: WGS 84 latitude and longitude, then GK northing (X) and easting (Y)."""
    wgs84 = "transform(centroid($geometry), @layer_crs, 'EPSG:4326')"
    return [
        f"format_number(y({wgs84}), 6)",
        f"format_number(x({wgs84}), 6)",
        "format_number(y(centroid($geometry)), 1)",
        "format_number(x(centroid($geometry)), 1)",
    ]


def subject_name_expression(layer: QgsVectorLayer) -> str:
    """The expression naming a subject on its page (its name or code field, else its id)."""
    names = layer.fields().names()
    field = next((name for name in NAME_FIELDS if name in names), "")
    return f'"{field}"' if field else "$id"


def crs_note(layer: QgsVectorLayer) -> str:
    """The sheet's CRS note; with the area basis of each page's subject when the layer has ``area_basis``."""
    note = tr("Coordinate system: {} ({})").format(layer.crs().description(), layer.crs().authid())
    if "area_basis" not in layer.fields().names():
        return note
    planar = tr("areas planar in this coordinate system").replace("'", "''")
    ellipsoidal = tr("areas ellipsoidal on CGCS2000").replace("'", "''")
    return f"{note}; [% CASE WHEN \"area_basis\" = 'planar' THEN '{planar}' ELSE '{ellipsoidal}' END %]"


def load_template(project: QgsProject, template: str) -> QgsPrintLayout:
    """A layout from a built-in template name (TEMPLATES) or a .qpt file of the user's own.

    A template of one's own needs a map item with the id ``map``; the items title, overview, legend, table,
    crs and signoff are filled when it has them (labels for the text ones).
    """
    if template in TEMPLATES:
        path = resource_path("layouts", f"{template}.qpt")
    else:
        path = Path(template)
        if path.suffix.lower() != ".qpt" or not path.is_file():
            raise LiaochengError(tr("Unknown sheet template “{}”.").format(template))
    document = QDomDocument()
    layout = QgsPrintLayout(project)
    if (
        not document.setContent(path.read_text(encoding="utf-8"))
        or not layout.loadFromTemplate(document, QgsReadWriteContext())[1]
    ):
        raise LiaochengError(tr("“{}” is not a print-layout template (.qpt).").format(path))
    if not isinstance(layout.itemById("map"), QgsLayoutItemMap):
        raise LiaochengError(tr("Template “{}” has no map item with the id “map”.").format(path))
    return layout


def set_label(layout: QgsPrintLayout, item_id: str, text: str) -> None:
    """Set the text of a label item, when the template has it."""
    label = layout.itemById(item_id)
    if isinstance(label, QgsLayoutItemLabel):
        label.setText(text)


def build_sheet_layout(
    project: QgsProject,
    layer: QgsVectorLayer,
    context_layers: Sequence[QgsVectorLayer],
    overview_layers: Sequence[QgsVectorLayer],
    title: str,
    template: str = "a4_landscape",
    field_notes: bool = False,
) -> QgsPrintLayout:
    """A print layout from a template (a TEMPLATES name or a .qpt path), its atlas over ``layer``, the maps
    showing it over ``context_layers``.

    With ``field_notes`` (field packs) each page also gives the subject's centroid in WGS 84 latitude/longitude
    (phone navigation) and in the layer's GK coordinates, and an empty form replaces the sign-off block.
    """
    layout = load_template(project, template)
    layout.setName(title)
    main: QgsLayoutItemMap = layout.itemById("map")
    map_layers = [layer, *context_layers]
    main.setCrs(layer.crs())
    main.setLayers(map_layers)
    main.setKeepLayerSet(True)
    fit_extent(main, layer_extent(layer))  # a real extent first: the atlas keeps its aspect ratio
    main.setAtlasDriven(True)
    main.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    main.setAtlasMargin(ATLAS_MARGIN)
    overview = layout.itemById("overview")
    if isinstance(overview, QgsLayoutItemMap):
        overview.setCrs(layer.crs())
        overview.setLayers(list(overview_layers) or map_layers)
        overview.setKeepLayerSet(True)
        fit_extent(overview, layer_extent(overview_layers[0] if overview_layers else layer))
        overview.overview().setLinkedMap(main)
    legend = layout.itemById("legend")
    if isinstance(legend, QgsLayoutItemLegend):
        legend.setAutoUpdateModel(False)
        root = legend.model().rootGroup()
        root.removeAllChildren()
        for map_layer in map_layers:
            root.addLayer(map_layer)
        legend.setLegendFilterByMapEnabled(True)  # list only what is on the map
    name = subject_name_expression(layer)
    set_label(layout, "title", f"{title} — [% {name} %]")
    set_label(layout, "table", table_html(layer))
    if field_notes:
        centre = tr("Centre: WGS 84 [% {} %] N, [% {} %] E; GK X [% {} %], Y [% {} %]").format(*centroid_expressions())
        set_label(layout, "crs", crs_note(layer) + "  " + centre)
        set_label(layout, "signoff", tr("Conclusion: ____________  Photo nos.: ________  Checked by: ________"))
    else:
        set_label(layout, "crs", crs_note(layer))
        set_label(
            layout,
            "signoff",
            tr("Drawn by: ________  Checked by: ________  Date: [% format_date(now(), 'yyyy-MM-dd') %]"),
        )
    atlas = layout.atlas()
    atlas.setCoverageLayer(layer)
    atlas.setEnabled(True)
    atlas.setPageNameExpression(name)
    return layout


def export_sheets(
    layer: QgsVectorLayer,
    context_layers: Sequence[QgsVectorLayer],
    overview_layers: Sequence[QgsVectorLayer],
    title: str,
    pdf_path: Path,
    template: str = "a4_landscape",
    feature_ids: Optional[Sequence[int]] = None,
    keep_in_project: bool = False,
    feedback: Optional[QgsFeedback] = None,
    field_notes: bool = False,
) -> int:
    """Export one page per subject of ``layer`` (or of ``feature_ids``) to one PDF, or to PNGs when the path
    ends in .png; returns the page count.

    With ``keep_in_project`` the layout stays in the project's layout manager for the user to edit.
    """
    if layer.featureCount() == 0:
        raise LiaochengError(tr("Layer “{}” has no subject to put on a sheet.").format(layer.name()))
    project = QgsProject.instance()
    layout = build_sheet_layout(project, layer, context_layers, overview_layers, title, template, field_notes)
    atlas = layout.atlas()
    if feature_ids is not None:
        ids = ",".join(str(int(fid)) for fid in feature_ids) or "-1"
        atlas.setFilterFeatures(True)
        atlas.setFilterExpression(f"$id IN ({ids})")
    atlas.updateFeatures()
    pages = atlas.count()
    if pages == 0:
        raise LiaochengError(tr("No subject of “{}” matches the selection.").format(layer.name()))
    path = Path(pdf_path)
    with staged_folder(path.parent) as scratch:
        result, error = export_atlas(atlas, scratch / path.name, subject_name_expression(layer), feedback)
        if result == QgsLayoutExporter.ExportResult.Canceled or (feedback is not None and feedback.isCanceled()):
            raise CheckCanceledError()
        if result != QgsLayoutExporter.ExportResult.Success:
            raise LiaochengError(tr("Could not export the sheets to “{}”.").format(pdf_path), error)
    if keep_in_project:
        manager = project.layoutManager()
        name, number = title, 1
        while manager.layoutByName(name) is not None:  # the manager refuses a second layout of the same name
            number += 1
            name = f"{title} ({number})"
        layout.setName(name)
        manager.addLayout(layout)
    return pages


def export_atlas(atlas, path: Path, page_name: str, feedback: Optional[QgsFeedback]):
    """Export every atlas page to one PDF at ``path``, or to one PNG per page named <stem>_<page name>.png;
    returns the exporter's result and error text. The exporter stops between pages when ``feedback`` is cancelled."""
    if path.suffix.lower() == ".png":
        settings = QgsLayoutExporter.ImageExportSettings()
        settings.dpi = 150
        atlas.setFilenameExpression(f"'{path.stem}_' || {page_name}")
        return QgsLayoutExporter.exportToImage(atlas, str(path.parent / path.stem), "png", settings, feedback)
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = 150
    return QgsLayoutExporter.exportToPdf(atlas, str(path), settings, feedback)


OVERVIEW_NAME_WORDS = ("XZQ", "行政区", "县界", "区划")


def overview_layers(project: QgsProject) -> List[QgsVectorLayer]:
    """A county-boundary layer of the project for the overview map, found by its name (XZQ, 行政区 …)."""
    for layer in project.mapLayers().values():
        name = layer.name().upper()
        if (
            isinstance(layer, QgsVectorLayer)
            and any(word in name for word in OVERVIEW_NAME_WORDS)
            and "XZQ_XZ" not in name
        ):
            return [layer]
    return []


def layer_sets(project: QgsProject) -> List[QgsVectorLayer]:
    """The protected layers of the project's profile, drawn under the subjects (red line over farmland)."""
    order = {"village": 0, "erl": 1, "udb": 2, "pbf": 3, "survey": 4}
    specs = ProtectedProfile.load(project).role_specs(project)
    specs = sorted((s for s in specs if s.key in order), key=lambda spec: order[spec.key])
    return [spec.source for spec in specs if isinstance(spec.source, QgsVectorLayer)]
