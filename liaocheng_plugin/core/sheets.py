"""Map sheets (出图): fill a .qpt template for a check's result layer and export one page per subject to PDF."""

from pathlib import Path
from typing import Dict, List, Optional, Sequence

from qgis.core import (
    Qgis,
    QgsFeatureRequest,
    QgsFeedback,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemMap,
    QgsLayoutItemScaleBar,
    QgsLayoutUtils,
    QgsPrintLayout,
    QgsProject,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtXml import QDomDocument

from liaocheng_plugin.core.compat import DISTANCE_METERS, label_font
from liaocheng_plugin.core.definitions import Role
from liaocheng_plugin.core.exceptions import CheckCanceledError, LiaochengError
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.layout_items import load_template_document
from liaocheng_plugin.core.paths import resource_path
from liaocheng_plugin.core.profile import ProtectedProfile
from liaocheng_plugin.core.sheet_map import (
    fill_legend,
    fit_extent,
    layer_extent,
    page_filters,
    page_styles,
    profile_roles,
    role_titles,
)
from liaocheng_plugin.core.sheet_text import crs_note, field_notes_text, signoff_text, table_columns, table_text
from liaocheng_plugin.core.staging import staged_folder

TEMPLATES = ("a4_landscape", "a4_portrait", "a3_landscape", "a3_portrait")
ATLAS_MARGIN = 0.35
# Survey patches are drawn on sheets of subjects up to this size across; on a route or a district they are
# a texture of sub-millimetre polygons that hides the conflicts (and makes a PDF of tens of MB).
SURVEY_MAX_SPAN_M = 3000.0
NAME_FIELDS = ("name", "patch_id", "DKBH", "DKMC", "FAMC", "TBBH")
PDF_TEXT_FORMAT = Qgis.TextRenderFormat.AlwaysText


def template_labels() -> Dict[str, str]:
    """Paper sizes and orientations, translated."""
    return {
        "a4_landscape": tr("A4 landscape"),
        "a4_portrait": tr("A4 portrait"),
        "a3_landscape": tr("A3 landscape"),
        "a3_portrait": tr("A3 portrait"),
    }


def subject_name_expression(layer: QgsVectorLayer) -> str:
    """The expression naming a subject on its page (its name or code field, else its id)."""
    names = layer.fields().names()
    field = next((name for name in NAME_FIELDS if name in names), "")
    return f'"{field}"' if field else "$id"


def largest_span_m(layer: QgsVectorLayer) -> float:
    """The largest width or height of a subject's bounding box, in metres (degrees taken at ~111 km)."""
    factor = QgsUnitTypes.fromUnitToUnitFactor(layer.crs().mapUnits(), DISTANCE_METERS)
    request = QgsFeatureRequest().setNoAttributes()
    boxes = [feature.geometry().boundingBox() for feature in layer.getFeatures(request)]
    return factor * max((max(box.width(), box.height()) for box in boxes), default=0.0)


def drawn_context(
    layer: QgsVectorLayer, context_layers: Sequence[QgsVectorLayer], roles: Dict[str, str]
) -> List[QgsVectorLayer]:
    """The context layers a sheet draws: all, but the land-use survey only for subjects up to
    SURVEY_MAX_SPAN_M across."""
    survey = [lyr for lyr in context_layers if roles.get(lyr.id()) == Role.LAND_SURVEY.value]
    if survey and largest_span_m(layer) > SURVEY_MAX_SPAN_M:
        return [lyr for lyr in context_layers if lyr not in survey]
    return list(context_layers)


def load_template(project: QgsProject, template: str) -> QgsPrintLayout:
    """A layout from a built-in template name (TEMPLATES) or a .qpt file of the user's own.

    A template of one's own needs a map item with the id ``map``; the items title, overview, legend, scalebar,
    table, crs and signoff are filled when it has them (labels for the text ones). The built-in templates split
    the results box into the labels table (heading), table_rows, table_mu, table_pct and findings.
    """
    if template in TEMPLATES:
        path = resource_path("layouts", f"{template}.qpt")
    else:
        path = Path(template)
        if path.suffix.lower() != ".qpt" or not path.is_file():
            raise LiaochengError(tr("Unknown sheet template “{}”.").format(template))
    document = QDomDocument()
    layout = QgsPrintLayout(project)
    if not document.setContent(path.read_text(encoding="utf-8")) or not load_template_document(layout, document):
        raise LiaochengError(tr("“{}” is not a print-layout template (.qpt).").format(path))
    if not isinstance(layout.itemById("map"), QgsLayoutItemMap):
        raise LiaochengError(tr("Template “{}” has no map item with the id “map”.").format(path))
    return layout


def set_label(layout: QgsPrintLayout, item_id: str, text: str) -> None:
    """Set the text of a label item, when the template has it."""
    label = layout.itemById(item_id)
    if isinstance(label, QgsLayoutItemLabel):
        label.setText(text)


def fill_table(layout: QgsPrintLayout, layer: QgsVectorLayer) -> None:
    """The results box: in columns when the template has them (the built-in ones), else all in "table"."""
    rows = layout.itemById("table_rows")
    if isinstance(rows, QgsLayoutItemLabel):
        for item_id, text in table_columns(layer, lambda text: wrap_label_text(rows, text)).items():
            set_label(layout, item_id, text)
    else:
        set_label(layout, "table", table_text(layer))


def wrap_label_text(label: QgsLayoutItemLabel, text: str) -> List[str]:
    """The lines ``text`` takes in ``label`` (broken at spaces, or between characters of Chinese text)."""
    width = label.rect().width() - 2 * label.marginX() - 0.5  # mm; a little room for rounding
    font = label_font(label)
    words = text.split(" ") if " " in text else list(text)
    joiner = " " if " " in text else ""
    lines: List[str] = []
    for word in words:
        candidate = f"{lines[-1]}{joiner}{word}" if lines else word
        if lines and QgsLayoutUtils.textWidthMM(font, candidate) > width:
            lines.append(word)
        elif lines:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


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

    Each page shows its own subject only, with the context layers that carry its ``subject_id`` (conflict
    pieces, route crossings) limited to it; the legend names the profile's protected layers by their role.
    With ``field_notes`` (field packs) each page also gives the subject's centroid in WGS 84 latitude/longitude
    (phone navigation) and in the layer's GK coordinates, and an empty form replaces the sign-off block.
    """
    layout = load_template(project, template)
    layout.setName(title)
    main: QgsLayoutItemMap = layout.itemById("map")
    context_layers = drawn_context(layer, context_layers, profile_roles(project))
    linked = [lyr for lyr in context_layers if "subject_id" in lyr.fields().names()]
    # Conflict pieces and crossings over their subject (a route's line would hide them), the rest below.
    map_layers = [*linked, layer, *[lyr for lyr in context_layers if lyr not in linked]]
    main.setCrs(layer.crs())
    main.setLayers(map_layers)
    main.setKeepLayerSet(True)
    main.setLayerStyleOverrides(page_styles(layer, context_layers))
    main.setKeepLayerStyles(True)
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
    legend_layers = [layer, *context_layers]
    fill_legend(layout.itemById("legend"), legend_layers, role_titles(project), page_filters(layer, context_layers))
    scalebar = layout.itemById("scalebar")
    if isinstance(scalebar, QgsLayoutItemScaleBar):
        scalebar.setUnitLabel(tr("m"))
    name = subject_name_expression(layer)
    set_label(layout, "title", f"{title} — [% {name} %]")
    fill_table(layout, layer)
    note = crs_note(layer)
    set_label(layout, "crs", note + "  " + field_notes_text() if field_notes else note)
    set_label(layout, "signoff", signoff_text(field_notes))
    layout.setCustomProperty("pdfTextFormat", int(PDF_TEXT_FORMAT))  # re-exports from the layout designer too
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

    With ``keep_in_project`` the layout stays in the project's layout manager for the user to edit, replacing
    an earlier one of the same title.
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
        earlier = manager.layoutByName(title)
        if earlier is not None:  # a second export replaces the first layout instead of adding "(2)"
            manager.removeLayout(earlier)
        layout.setName(title)
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
    settings.textRenderFormat = PDF_TEXT_FORMAT  # searchable, copyable text (QGIS 3.40+ labels default to outlines)
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
