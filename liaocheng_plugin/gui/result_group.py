"""Result layers in one layer-tree group per check, replaced (not duplicated) on every run."""

from typing import Sequence, Tuple

from qgis.core import QgsLayerTreeGroup, QgsProject, QgsVectorLayer

from liaocheng_plugin.core.styles import apply_style


def replace_result_group(
    project: QgsProject, group_name: str, layers: Sequence[Tuple[QgsVectorLayer, str]]
) -> QgsLayerTreeGroup:
    """Put ``layers`` (each with its style name, "" for a table without one) in the group ``group_name`` at the top,
    removing earlier results."""
    root = project.layerTreeRoot()
    group = root.findGroup(group_name)
    if group is None:
        group = root.insertGroup(0, group_name)
    else:
        project.removeMapLayers([node.layerId() for node in group.findLayers()])
    for position, (layer, style) in enumerate(layers):
        if style:
            apply_style(layer, style)
        project.addMapLayer(layer, False)
        group.insertLayer(position, layer)
    return group
