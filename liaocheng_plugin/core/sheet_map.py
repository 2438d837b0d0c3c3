"""The map and legend of a map sheet: one subject per page with its own conflicts, legend in the UI language."""

from typing import Dict, Optional, Sequence

from qgis.core import (
    Qgis,
    QgsGeometryGeneratorSymbolLayer,
    QgsLayerTreeUtils,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsMapLayerStyle,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProject,
    QgsProperty,
    QgsRectangle,
    QgsRenderContext,
    QgsRuleBasedRenderer,
    QgsSimpleMarkerSymbolLayer,
    QgsSymbol,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtXml import QDomDocument

from liaocheng_plugin.core.compat import DISTANCE_METERS, SYMBOL_LAYER_ENABLED
from liaocheng_plugin.core.definitions import Role
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.profile import ProtectedProfile
from liaocheng_plugin.core.roles import role_labels
from liaocheng_plugin.core.styles import apply_style

SYMBOL_MARKER = Qgis.SymbolType.Marker

# Outside an atlas (the canvas, a plain export) everything shows; on an atlas page only the page's subject and
# the pieces that carry its subject_id.
PAGE_SUBJECT = "@atlas_featureid IS NULL OR $id = @atlas_featureid"
PAGE_PIECES = "@atlas_feature IS NULL OR \"subject_id\" = attribute(@atlas_feature, 'subject_id')"
LEGEND_TITLE_PROPERTY = "legend/title-label"
RASTER_FEATURES = 1000
SURVEY_MAX_SPAN_M = 3000.0
LOCATED = "$id = @atlas_featureid"  # the overview marks the page's subject


def layer_extent(layer: QgsVectorLayer) -> QgsRectangle:
    """A layer's extent, computed when the provider has not done so yet."""
    layer.updateExtents()
    return layer.extent()


def fit_extent(item: QgsLayoutItemMap, extent: QgsRectangle) -> None:
    """Show ``extent`` in a map item, grown to the item's aspect ratio (works on maps saved without an extent).

    The item keeps its size: QgsLayoutItemMap.setExtent resizes an item to an extent of another aspect ratio, so
    an empty or invalid extent would stretch the map over the results box."""
    if extent.isNull() or not extent.isFinite():
        return  # an empty layer or one whose source failed: keep the template's view and the item's size
    if extent.width() <= 0 and extent.height() <= 0:
        extent = extent.buffered(50.0)  # a single point: some room around it
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


def sheet_style(layer: QgsVectorLayer, expression: str = "", raster: bool = False, style_name: str = "") -> str:
    """The layer's style as XML for a sheet's map: every symbol layer and label drawn only where ``expression``
    holds (when given), the layer drawn as an image in the PDF when ``raster``, the plugin's style ``style_name``
    instead of the layer's own when given.

    Built on a scratch copy: the layer itself, its canvas rendering and its legend keys stay as they are.
    """
    scratch = scratch_copy(layer)
    if style_name:
        apply_style(scratch, style_name)
    else:
        document = QDomDocument()
        layer.exportNamedStyle(document)
        scratch.importNamedStyle(document)
    renderer = scratch.renderer()
    if renderer is not None and raster:
        renderer.setForceRasterRender(True)
    if renderer is not None and expression:
        enabled = QgsProperty.fromExpression(expression)
        for symbol in renderer.symbols(QgsRenderContext()):
            for symbol_layer in symbol.symbolLayers():
                symbol_layer.setDataDefinedProperty(SYMBOL_LAYER_ENABLED, enabled)
    labeling = scratch.labeling()
    if labeling is not None and scratch.labelsEnabled() and expression:
        for provider in labeling.subProviders():
            settings = labeling.settings(provider)
            properties = settings.dataDefinedProperties()
            shown, rule = properties.property(settings.Property.Show), expression
            if shown.isActive() and shown.asExpression():  # the style's own rule (only some pieces are labelled)
                rule = f"({shown.asExpression()}) AND ({expression})"
            properties.setProperty(settings.Property.Show, QgsProperty.fromExpression(rule))
            labeling.setSettings(settings, provider)
    style = QgsMapLayerStyle()
    style.readFromLayer(scratch)
    return style.xmlData()


def scratch_copy(layer: QgsVectorLayer) -> QgsVectorLayer:
    """An empty memory layer with ``layer``'s geometry type, CRS and fields, to build a style on."""
    geometry = QgsWkbTypes.displayString(layer.wkbType())
    scratch = QgsVectorLayer(f"{geometry}?crs={layer.crs().authid()}", "style", "memory")
    scratch.dataProvider().addAttributes(list(layer.fields()))
    scratch.updateFields()
    return scratch


def survey_on_page(subject: QgsVectorLayer) -> str:
    """Survey patches are drawn on pages whose subject is up to SURVEY_MAX_SPAN_M across: on a route or a
    district they are a texture of sub-millimetre polygons that hides the conflicts (and makes PDFs of tens of
    MB). Decided per page, so a site keeps its patches though a route shares its layer."""
    factor = QgsUnitTypes.fromUnitToUnitFactor(subject.crs().mapUnits(), DISTANCE_METERS)
    span = "max(bounds_width(@atlas_geometry), bounds_height(@atlas_geometry))"
    return f"@atlas_geometry IS NULL OR {span} * {factor!r} <= {SURVEY_MAX_SPAN_M!r}"


def page_filters(
    subject: QgsVectorLayer, context_layers: Sequence[QgsVectorLayer], roles: Optional[Dict[str, str]] = None
) -> Dict[str, str]:
    """What a page shows of each layer, by layer id: the page's subject alone, of the layers linked to subjects by
    ``subject_id`` (conflict pieces, crossings) only its own, the land-use survey (``roles``: role key by layer
    id) only for a subject small enough."""
    filters = {subject.id(): PAGE_SUBJECT}
    if "subject_id" in subject.fields().names():
        filters.update({lyr.id(): PAGE_PIECES for lyr in context_layers if "subject_id" in lyr.fields().names()})
    for layer in context_layers:
        if (roles or {}).get(layer.id()) == Role.LAND_SURVEY.value:
            filters[layer.id()] = survey_on_page(subject)
    return filters


def page_styles(
    subject: QgsVectorLayer,
    context_layers: Sequence[QgsVectorLayer],
    roles: Optional[Dict[str, str]] = None,
    subject_style: str = "",
) -> Dict[str, str]:
    """Style overrides of a sheet's main map, so a page never shows another alternative (``page_filters``).
    Background layers of many features are drawn as images: a route's sheet over thousands of hatched
    farmland patches stays a PDF of a few MB, its texts still text. ``subject_style`` (a plugin style name) draws
    the subjects in their check's colours when their layer has none of its own."""
    filters = page_filters(subject, context_layers, roles)
    overrides = {}
    for layer in (subject, *context_layers):
        raster = layer.featureCount() > RASTER_FEATURES and layer.id() not in filters
        if layer.id() in filters or raster:
            style = subject_style if layer is subject else ""
            overrides[layer.id()] = sheet_style(layer, filters.get(layer.id(), ""), raster, style)
    return overrides


def locator_style(subject: QgsVectorLayer) -> str:
    """The overview map's style of the subjects: every one a thin grey outline (or line), the page's own a red
    dot with a white ring at its centre, seen at county scale where its outline would be a speck."""
    scratch = scratch_copy(subject)
    others = QgsSymbol.defaultSymbol(scratch.geometryType())
    others.setColor(QColor(120, 120, 120, 90))
    marker = QgsMarkerSymbol.createSimple(
        {"name": "circle", "color": "#e31a1c", "outline_color": "#ffffff", "outline_width": "0.4", "size": "2.4"}
    )
    ring = QgsSimpleMarkerSymbolLayer.create(
        {"name": "circle", "color": "0,0,0,0", "outline_color": "#e31a1c", "outline_width": "0.7", "size": "5.5"}
    )
    marker.appendSymbolLayer(ring)
    generator = QgsGeometryGeneratorSymbolLayer.create({"geometryModifier": "point_on_surface($geometry)"})
    generator.setSymbolType(SYMBOL_MARKER)
    generator.setSubSymbol(marker)
    page = QgsSymbol.defaultSymbol(scratch.geometryType())
    page.changeSymbolLayer(0, generator)
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(others, 0, 0, "ELSE"))
    root.appendChild(QgsRuleBasedRenderer.Rule(page, 0, 0, LOCATED))
    scratch.setRenderer(QgsRuleBasedRenderer(root))
    # No label of the overview (a county's name sits on its seat, where the subjects are) covers the marker.
    obstacle = QgsPalLayerSettings()
    obstacle.fieldName = "''"
    obstacle.isExpression = True
    obstacle.drawLabels = False
    obstacle.obstacleSettings().setIsObstacle(True)
    obstacle.obstacleSettings().setFactor(10.0)
    page_only = QgsProperty.fromExpression(LOCATED)
    obstacle.dataDefinedProperties().setProperty(QgsPalLayerSettings.Property.IsObstacle, page_only)
    scratch.setLabeling(QgsVectorLayerSimpleLabeling(obstacle))
    scratch.setLabelsEnabled(True)
    style = QgsMapLayerStyle()
    style.readFromLayer(scratch)
    return style.xmlData()


def overview_styles(subject: QgsVectorLayer) -> Dict[str, str]:
    """Style overrides of the overview map: the subjects with the page's locator."""
    return {subject.id(): locator_style(subject)}


def profile_roles(project: QgsProject) -> Dict[str, str]:
    """The role key (pbf, erl …; other1 … for further layers) of each of the profile's layers, by layer id."""
    roles = {}
    for spec in ProtectedProfile.load(project).role_specs(project):
        if isinstance(spec.source, QgsVectorLayer):
            roles[spec.source.id()] = spec.key
    return roles


def role_titles(project: QgsProject) -> Dict[str, str]:
    """Legend titles of the profile's role layers by layer id: the role's name in the UI language."""
    names = role_labels()
    return {layer_id: names[key] for layer_id, key in profile_roles(project).items() if key in names}


def fill_legend(
    legend: Optional[QgsLayoutItemLegend],
    subject: QgsVectorLayer,
    context_layers: Sequence[QgsVectorLayer],
    titles: Dict[str, str],
    page_filters: Dict[str, str],
):
    """List what is on the map in the legend, in the UI language: the subjects, the layers linked to them
    (conflict pieces, crossings) under their own names, then the other layers in a group "protected layers",
    each under its title in ``titles`` (else its own name); of the layers in ``page_filters`` only what their
    expression keeps, of every layer only what the map shows."""
    if not isinstance(legend, QgsLayoutItemLegend):
        return
    legend.setTitle(tr("Legend"))
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.removeAllChildren()
    linked = [layer for layer in context_layers if "subject_id" in layer.fields().names()]
    background = [layer for layer in context_layers if layer not in linked]
    nodes = [root.addLayer(layer) for layer in (subject, *linked)]
    if background:
        group = root.addGroup(tr("Protected layers"))
        nodes += [group.addLayer(layer) for layer in background]
    for node in nodes:
        layer = node.layer()
        if layer.id() in titles:
            node.setCustomProperty(LEGEND_TITLE_PROPERTY, titles[layer.id()])
        if layer.id() in page_filters:
            QgsLayerTreeUtils.setLegendFilterByExpression(node, page_filters[layer.id()])
    legend.setLegendFilterByMapEnabled(True)
