"""The map and legend of a map sheet: one subject per page with its own conflicts, legend in the UI language."""

from typing import Dict, Optional, Sequence

from qgis.core import (
    QgsLayerTreeUtils,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsMapLayerStyle,
    QgsProject,
    QgsProperty,
    QgsRectangle,
    QgsRenderContext,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtXml import QDomDocument

from liaocheng_plugin.core.compat import SYMBOL_LAYER_ENABLED
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.profile import ProtectedProfile
from liaocheng_plugin.core.roles import role_labels

# Outside an atlas (the canvas, a plain export) everything shows; on an atlas page only the page's subject and
# the pieces that carry its subject_id.
PAGE_SUBJECT = "@atlas_featureid IS NULL OR $id = @atlas_featureid"
PAGE_PIECES = "@atlas_feature IS NULL OR \"subject_id\" = attribute(@atlas_feature, 'subject_id')"
LEGEND_TITLE_PROPERTY = "legend/title-label"
RASTER_FEATURES = 1000


def layer_extent(layer: QgsVectorLayer) -> QgsRectangle:
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


def sheet_style(layer: QgsVectorLayer, expression: str = "", raster: bool = False) -> str:
    """The layer's style as XML for a sheet's map: every symbol layer and label drawn only where ``expression``
    holds (when given), the layer drawn as an image in the PDF when ``raster``.

    Built on a scratch copy: the layer itself, its canvas rendering and its legend keys stay as they are.
    """
    geometry = QgsWkbTypes.displayString(layer.wkbType())
    scratch = QgsVectorLayer(f"{geometry}?crs={layer.crs().authid()}", "style", "memory")
    scratch.dataProvider().addAttributes(list(layer.fields()))
    scratch.updateFields()
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
        if labeling is not None and scratch.labelsEnabled():
            for provider in labeling.subProviders():
                settings = labeling.settings(provider)
                settings.dataDefinedProperties().setProperty(settings.Property.Show, enabled)
                labeling.setSettings(settings, provider)
    style = QgsMapLayerStyle()
    style.readFromLayer(scratch)
    return style.xmlData()


def page_filters(subject: QgsVectorLayer, context_layers: Sequence[QgsVectorLayer]) -> Dict[str, str]:
    """What a page shows of each layer, by layer id: the page's subject alone, and of the layers linked to
    subjects by ``subject_id`` (conflict pieces, crossings) only its own."""
    filters = {subject.id(): PAGE_SUBJECT}
    if "subject_id" in subject.fields().names():
        filters.update({lyr.id(): PAGE_PIECES for lyr in context_layers if "subject_id" in lyr.fields().names()})
    return filters


def page_styles(subject: QgsVectorLayer, context_layers: Sequence[QgsVectorLayer]) -> Dict[str, str]:
    """Style overrides of a sheet's main map, so a page never shows another alternative (``page_filters``).
    Background layers of many features are drawn as images: a route's sheet over thousands of hatched
    farmland patches stays a PDF of a few MB, its texts still text."""
    filters = page_filters(subject, context_layers)
    overrides = {}
    for layer in (subject, *context_layers):
        if layer.id() in filters:
            overrides[layer.id()] = sheet_style(layer, filters[layer.id()])
        elif layer.featureCount() > RASTER_FEATURES:
            overrides[layer.id()] = sheet_style(layer, raster=True)
    return overrides


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
    layers: Sequence[QgsVectorLayer],
    titles: Dict[str, str],
    page_filters: Dict[str, str],
):
    """List ``layers`` in the legend, each under its title in ``titles`` (else its own name), only what is on the
    map, of the layers in ``page_filters`` only what their expression keeps; the legend's title in the UI
    language."""
    if not isinstance(legend, QgsLayoutItemLegend):
        return
    legend.setTitle(tr("Legend"))
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for layer in layers:
        node = root.addLayer(layer)
        if layer.id() in titles:
            node.setCustomProperty(LEGEND_TITLE_PROPERTY, titles[layer.id()])
        if layer.id() in page_filters:
            QgsLayerTreeUtils.setLegendFilterByExpression(node, page_filters[layer.id()])
    legend.setLegendFilterByMapEnabled(True)
