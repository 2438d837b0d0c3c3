"""The plugin's standard layer styles, kept as .qml files under resources/styles."""

from qgis.core import QgsVectorLayer

from liaocheng_plugin.core.log import logger
from liaocheng_plugin.core.paths import resource_path


def apply_style(layer: QgsVectorLayer, style_name: str) -> bool:
    """Load resources/styles/<style_name>.qml onto a layer; False (and a log line) when it fails."""
    path = resource_path("styles", f"{style_name}.qml")
    message, loaded = layer.loadNamedStyle(str(path))
    if not loaded:
        logger.warning("Style %s not applied to %s: %s", style_name, layer.name(), message)
    layer.triggerRepaint()
    return loaded
