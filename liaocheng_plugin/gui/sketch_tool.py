"""A map tool to sketch a site polygon or a route line: left click adds a vertex, right click finishes."""

from typing import List

from qgis.core import QgsGeometry, QgsPointXY
from qgis.gui import QgsMapCanvas, QgsMapMouseEvent, QgsMapTool, QgsRubberBand
from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor

from liaocheng_plugin.core.compat import GEOMETRY_POLYGON


class SketchTool(QgsMapTool):
    """Sketch a polygon or a line on the canvas; ``finished`` carries it in the canvas CRS."""

    finished = pyqtSignal(QgsGeometry)

    def __init__(self, canvas: QgsMapCanvas, geometry_type):
        super().__init__(canvas)
        self.geometry_type = geometry_type
        self.points: List[QgsPointXY] = []
        self.band = QgsRubberBand(canvas, geometry_type)
        self.band.setColor(QColor(31, 78, 140, 160))
        self.band.setWidth(2)

    def minimum_points(self) -> int:
        return 3 if self.geometry_type == GEOMETRY_POLYGON else 2

    def canvasReleaseEvent(self, event: QgsMapMouseEvent) -> None:  # noqa: N802 - QGIS API
        if event.button() == Qt.MouseButton.LeftButton:
            self.points.append(event.mapPoint())
            self.band.addPoint(event.mapPoint(), True)
        elif event.button() == Qt.MouseButton.RightButton:
            self.finish()

    def canvasMoveEvent(self, event: QgsMapMouseEvent) -> None:  # noqa: N802 - QGIS API
        if self.points:
            self.band.movePoint(event.mapPoint())

    def keyPressEvent(self, event) -> None:  # noqa: N802 - QGIS API
        if event.key() == Qt.Key.Key_Escape:
            self.reset()

    def finish(self) -> None:
        """Emit the sketch when it has enough vertices, then start a new one."""
        if len(self.points) >= self.minimum_points():
            if self.geometry_type == GEOMETRY_POLYGON:
                geometry = QgsGeometry.fromPolygonXY([self.points + [self.points[0]]])
            else:
                geometry = QgsGeometry.fromPolylineXY(self.points)
            self.reset()
            self.finished.emit(geometry)
        else:
            self.reset()

    def reset(self) -> None:
        self.points = []
        if not sip.isdeleted(self.band):
            self.band.reset(self.geometry_type)

    def deactivate(self) -> None:
        self.reset()
        super().deactivate()

    def release(self) -> None:
        """Take the sketch's rubber band off the canvas (the panel is unloaded; QGIS may have deleted it on exit)."""
        if not sip.isdeleted(self.band):
            self.band.scene().removeItem(self.band)
            sip.delete(self.band)
