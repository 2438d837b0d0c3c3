"""Map sheets (出图): fill a .qpt template for a check's result layer and export one page per subject to PDF."""

from pathlib import Path
from typing import Dict, List, Optional, Sequence

from qgis.core import (
    Qgis,
    QgsFeedback,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemMap,
    QgsLayoutItemScaleBar,
    QgsLayoutUtils,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtXml import QDomDocument

from liaocheng_plugin.core.compat import label_font
from liaocheng_plugin.core.exceptions import CheckCanceledError, LiaochengError
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.layout_items import load_template_document
from liaocheng_plugin.core.paths import resource_path
from liaocheng_plugin.core.profile import ProtectedProfile
from liaocheng_plugin.core.sheet_legend import keep_legend_fitted
from liaocheng_plugin.core.sheet_map import (
    fill_legend,
    fit_extent,
    layer_extent,
    overview_styles,
    page_filters,
    page_styles,
    profile_roles,
    role_titles,
)
from liaocheng_plugin.core.sheet_subjects import (
    CheckKind,
    check_kind,
    field_pack_titles,
    page_title,
    sheet_titles,
    subject_style,
    subject_title,
)
from liaocheng_plugin.core.sheet_text import crs_note, field_notes_text, signoff_text, table_columns, table_text
from liaocheng_plugin.core.staging import staged_folder

TEMPLATES = ("a4_landscape", "a4_portrait", "a3_landscape", "a3_portrait")
ATLAS_MARGIN = 0.35
OVERVIEW_GROWTH = 3.0  # an overview without a county layer shows the subjects with this much room around them
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
    title: str = "",
    template: str = "a4_landscape",
    field_notes: bool = False,
) -> QgsPrintLayout:
    """A print layout from a template (a TEMPLATES name or a .qpt path), its atlas over ``layer``, the maps
    showing it over ``context_layers``; ``title`` "" names it after the check that wrote ``layer``.

    Each page shows its own subject only, with the context layers that carry its ``subject_id`` (conflict
    pieces, route crossings) limited to it, the land-use survey only under a subject small enough; the legend
    names the profile's protected layers by their role under one heading. The overview map shows
    ``overview_layers`` (county boundaries; never the protected layers, whose thousands of patches made PDFs of
    18 MB a page) and the page's subject as a red dot. With ``field_notes`` (field packs) each page also gives
    the subject's centroid in WGS 84 latitude/longitude (phone navigation) and in the layer's GK coordinates,
    and an empty form replaces the sign-off block.
    """
    kind = check_kind(layer)
    heading = title or page_title(layer, kind, field_notes)
    layout = load_template(project, template)
    layout.setName(title or default_title(kind, field_notes))
    main: QgsLayoutItemMap = layout.itemById("map")
    roles = profile_roles(project)
    linked = [lyr for lyr in context_layers if "subject_id" in lyr.fields().names()]
    # Conflict pieces and crossings over their subject (a route's line would hide them), the rest below.
    map_layers = [*linked, layer, *[lyr for lyr in context_layers if lyr not in linked]]
    main.setCrs(layer.crs())
    main.setLayers(map_layers)
    main.setKeepLayerSet(True)
    style = subject_style(layer, kind) if kind is not None and not has_own_colours(layer) else ""
    main.setLayerStyleOverrides(page_styles(layer, context_layers, roles, style))
    main.setKeepLayerStyles(True)
    fit_extent(main, layer_extent(layer))  # a real extent first: the atlas keeps its aspect ratio
    main.setAtlasDriven(True)
    main.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    main.setAtlasMargin(ATLAS_MARGIN)
    fill_overview(layout.itemById("overview"), main, layer, overview_layers)
    titles = role_titles(project)
    if kind is not None:
        titles[layer.id()] = subject_title(layer, kind)
    fill_legend(layout.itemById("legend"), layer, context_layers, titles, page_filters(layer, context_layers, roles))
    keep_legend_fitted(layout)
    scalebar = layout.itemById("scalebar")
    if isinstance(scalebar, QgsLayoutItemScaleBar):
        scalebar.setUnitLabel(tr("m"))
    name = subject_name_expression(layer)
    set_label(layout, "title", f"{heading} — [% {name} %]")
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


def default_title(kind: Optional[CheckKind], field_notes: bool) -> str:
    """The name of a check's sheets (the layout) or field pack (its project); a generic one for a layer no check
    wrote."""
    if kind is None:
        return tr("Field check") if field_notes else tr("Land check map sheet")
    return (field_pack_titles() if field_notes else sheet_titles())[kind]


def has_own_colours(layer: QgsVectorLayer) -> bool:
    """Whether a layer is styled by category or rule (a check's colours, the user's own), not with the single
    random colour QGIS gives a layer it loads."""
    return not isinstance(layer.renderer(), QgsSingleSymbolRenderer)


def fill_overview(
    overview, main: QgsLayoutItemMap, subject: QgsVectorLayer, overview_layers: Sequence[QgsVectorLayer]
) -> None:
    """The overview map: the county layers (when given) and every subject with the page's own marked; the
    extent of the county layers, else of the subjects with room around them; the main map's frame."""
    if not isinstance(overview, QgsLayoutItemMap):
        return
    layers = [subject, *overview_layers]
    overview.setCrs(subject.crs())
    overview.setLayers(layers)
    overview.setKeepLayerSet(True)
    overview.setLayerStyleOverrides(overview_styles(subject))
    overview.setKeepLayerStyles(True)
    if overview_layers:
        extent = QgsRectangle()
        for layer in overview_layers:
            extent.combineExtentWith(layer_extent(layer))
    else:
        extent = layer_extent(subject)
        extent.scale(OVERVIEW_GROWTH)
    fit_extent(overview, extent)
    overview.overview().setLinkedMap(main)


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
    ends in .png; returns the page count. ``title`` "" names the sheets after the check that wrote ``layer``.

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
        name = layout.name()
        earlier = manager.layoutByName(name)
        if earlier is not None:  # a second export replaces the first layout instead of adding "(2)"
            manager.removeLayout(earlier)
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
