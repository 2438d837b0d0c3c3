"""The layer choices of a panel: guessed from layer names, emptied (not moved to another layer) when the chosen
layer leaves the project.

A QgsMapLayerComboBox whose layer is removed silently shows the next layer of the project: the reserve check
then ran on the inspection grid as if it were parcels. A guarded combo is emptied instead and the panel asks
for a layer.
"""

from functools import partial
from typing import Callable, Dict, List, Sequence, Tuple

from qgis.core import QgsProject, QgsVectorLayer
from qgis.gui import QgsMapLayerComboBox

from liaocheng_plugin.gui.project_watch import SignalConnections


def preselect_layers(hints: Dict[QgsMapLayerComboBox, Tuple[str, ...]], only_empty: bool = False) -> None:
    """Choose, in each layer combo, the first project layer whose name holds one of its words (``only_empty``:
    only in combos showing no layer)."""
    layers = [lyr for lyr in QgsProject.instance().mapLayers().values() if isinstance(lyr, QgsVectorLayer)]
    for combo, words in hints.items():
        if only_empty and combo.currentLayer() is not None:
            continue
        for layer in layers:
            if any(word in layer.name() for word in words):
                combo.setLayer(layer)
                if combo.currentLayer() is layer:  # the combo's filter accepts it
                    break


class LayerChoices:
    """Layer combos whose chosen layer must not be replaced silently.

    ``combos`` pairs each combo with what it asks for ("reserve parcels"); ``lost(what, layer name)`` is
    called for each combo emptied because its layer left the project one by one (not when the whole project
    is cleared: every choice goes then).
    """

    def __init__(self, combos: Sequence[Tuple[QgsMapLayerComboBox, str]], lost: Callable[[str, str], None]):
        self.lost = lost
        self.leaving: List[Tuple[QgsMapLayerComboBox, str, str]] = []  # (combo, what, layer name)
        self.clearing = False
        self.connections = SignalConnections()
        project = QgsProject.instance()
        for combo, what in combos:
            combo.setAllowEmptyLayer(True)
            model = combo.model()
            self.connections.connect(model, model.rowsAboutToBeRemoved, partial(self._rows_leaving, combo, what))
        self.connections.connect(project, project.removeAll, self._clearing)
        self.connections.connect(project, project.layersRemoved, self._removed)
        self.connections.connect(project, project.cleared, self._cleared)

    def _rows_leaving(self, combo: QgsMapLayerComboBox, what: str, _parent, first: int, last: int) -> None:
        layer = combo.currentLayer()
        if layer is not None and first <= combo.currentIndex() <= last:
            self.leaving.append((combo, what, layer.name()))

    def _clearing(self) -> None:
        self.clearing = True

    def _cleared(self) -> None:
        self.clearing = False

    def _removed(self, _ids) -> None:
        leaving, self.leaving = self.leaving, []
        for combo, what, name in leaving:
            combo.setLayer(None)
            if not self.clearing:
                self.lost(what, name)
        self.clearing = False

    def release(self) -> None:
        self.connections.disconnect_all()
