"""The plugin's standard layer styles, kept as .qml files under resources/styles, with legends in the UI language.

The .qml files carry English legend labels (tests/tools/make_styles.py writes them from ``legend_labels``
without a translator); ``apply_style`` puts the labels of the UI language in their place, so a legend or a
printed sheet shows one language.
"""

from typing import Dict

from qgis.core import QgsCategorizedSymbolRenderer, QgsRuleBasedRenderer, QgsVectorLayer
from qgis.PyQt.QtXml import QDomDocument

from liaocheng_plugin.core.definitions import PARCEL_OVERLAP_KEY, Role
from liaocheng_plugin.core.findings import status_labels
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.log import logger
from liaocheng_plugin.core.paths import resource_path


def land_class_names() -> Dict[str, str]:
    """Names of the first-level land-use classes of the survey (三调 一级类) by their two-digit code."""
    return {
        "01": tr("Cultivated land"),
        "02": tr("Garden land"),
        "03": tr("Forest land"),
        "04": tr("Grassland"),
        "05": tr("Commercial and service land"),
        "06": tr("Industrial and mining land"),
        "07": tr("Residential land"),
        "08": tr("Public administration and service land"),
        "09": tr("Special-use land"),
        "10": tr("Transport land"),
        "11": tr("Water and water-conservancy land"),
        "12": tr("Other land"),
        "00": tr("Wetland"),
    }


def legend_labels() -> Dict[str, Dict[str, str]]:
    """Legend label per style: by category value (categorized styles) or rule description (rule-based)."""
    statuses = {severity.value: text for severity, text in status_labels().items()}
    return {
        "check_status": statuses,
        # Named for what the piece is, not the layer it comes from: a sheet lists the protected layers too.
        "conflict_pieces": {
            Role.PERMANENT_FARMLAND.value: tr("On permanent basic farmland"),
            Role.ECOLOGICAL_REDLINE.value: tr("In the ecological red line"),
            Role.LAND_SURVEY.value: tr("On cultivated land"),
            "outside_udb": tr("Outside the development boundary"),
            PARCEL_OVERLAP_KEY: tr("Overlapping another parcel"),
        },
        "crossings": {
            Role.PERMANENT_FARMLAND.value: tr("Crossing of permanent basic farmland"),
            Role.ECOLOGICAL_REDLINE.value: tr("Crossing of the ecological red line"),
        },
        "balance_patches": {"fail": tr("Violation"), "out": tr("Outflow"), "in": tr("Inflow")},
        "change_patches": {"流出": tr("Outflow"), "流入": tr("Inflow"), "建设占用": tr("Occupation")},
        "survey": {code: f"{code} {name}" for code, name in land_class_names().items()},
    }


def translate_legend(layer: QgsVectorLayer, style_name: str) -> None:
    """Put the UI language's legend labels on a layer styled with ``style_name``."""
    labels = legend_labels().get(style_name, {})
    renderer = layer.renderer()
    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        for index, category in enumerate(renderer.categories()):
            text = labels.get(str(category.value()))
            if text:
                renderer.updateCategoryLabel(index, text)
    elif isinstance(renderer, QgsRuleBasedRenderer):
        for rule in renderer.rootRule().descendants():
            text = labels.get(rule.description())
            if text:
                rule.setLabel(text)


def apply_style(layer: QgsVectorLayer, style_name: str) -> bool:
    """Load resources/styles/<style_name>.qml onto a layer, legend in the UI language; False (and a log line)
    when it fails. An empty name leaves the layer as it is (a table without geometry has no style)."""
    if not style_name:
        return False
    path = resource_path("styles", f"{style_name}.qml")
    # Read the file ourselves: loadNamedStyle prefers a default style stored in the layer's GeoPackage to the file.
    document = QDomDocument()
    loaded = path.is_file() and document.setContent(path.read_text(encoding="utf-8"))
    message = "" if loaded else tr("no such style file")
    if loaded:
        loaded, message = layer.importNamedStyle(document)
    if not loaded:
        logger.warning(tr("Style {} not applied to {}: {}").format(style_name, layer.name(), message))
        return False
    translate_legend(layer, style_name)
    layer.triggerRepaint()
    return True
