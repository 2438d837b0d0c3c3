"""Zoom to a subject, flash it and draw its conflict pieces on the canvas with rubber bands, and chainage labels.

Everything drawn is the panel's own canvas item (QGIS deletes its annotation items when a project closes, so
they are not used), removed by ``clear``; an item QGIS deleted with the canvas is skipped.
"""

from typing import Iterable, List, Tuple

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry, QgsPointXY, QgsProject
from qgis.gui import QgsMapCanvas, QgsMapCanvasItem, QgsRubberBand
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFontMetricsF, QPen

from liaocheng_plugin.core.compat import GEOMETRY_POLYGON
from liaocheng_plugin.gui.project_watch import SignalConnections

# Piece role → (fill, outline, hatched): farmland and red line red, cultivated orange, outside boundary hatched.
PIECE_COLOURS = {
    "pbf": (QColor(230, 0, 0, 150), QColor(170, 0, 0), False),
    "erl": (QColor(200, 0, 60, 150), QColor(120, 0, 30), False),
    "survey": (QColor(255, 140, 0, 110), QColor(180, 90, 0), False),
    "outside_udb": (QColor(122, 79, 160, 200), QColor(122, 79, 160), True),
    "village": (QColor(40, 110, 220, 90), QColor(20, 60, 160), True),
}
# Bottom to top: the most severe role is drawn last, so a parcel failing on farmland looks like farmland even
# where the cultivated-land piece of the survey has the same shape.
DRAW_ORDER = ("village", "outside_udb", "survey", "erl", "pbf")
PIECE_Z = 10  # above the canvas's own items; the subject's outline goes above every piece
LABEL_Z = PIECE_Z + len(DRAW_ORDER) + 2
ZOOM_MARGIN = 0.35
LABEL_PADDING = 3


def draw_rank(role: str) -> int:
    """Position of a role in DRAW_ORDER; unknown roles at the bottom."""
    return DRAW_ORDER.index(role) + 1 if role in DRAW_ORDER else 0


class MapLabel(QgsMapCanvasItem):
    """A small boxed text at a map point (e.g. a chainage interval along a route), the same size at every scale."""

    def __init__(self, canvas: QgsMapCanvas, text: str, point: QgsPointXY):
        super().__init__(canvas)
        self.text = text
        self.point = point  # in the canvas CRS
        metrics = QFontMetricsF(canvas.font())
        width = metrics.horizontalAdvance(text) + 2 * LABEL_PADDING
        height = metrics.height() + 2 * LABEL_PADDING
        self.box = QRectF(-width / 2, -height - LABEL_PADDING, width, height)  # centred above the point
        self.setZValue(LABEL_Z)
        self.updatePosition()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return self.box

    def updatePosition(self) -> None:  # noqa: N802 - QGIS API, called on every extent change
        self.setPos(self.toCanvasCoordinates(self.point))

    def paint(self, painter, *_args) -> None:
        painter.setPen(QPen(QColor(31, 78, 140), 1))
        painter.setBrush(QColor(255, 255, 255, 225))
        painter.drawRoundedRect(self.box, 3, 3)
        painter.setPen(QColor(0, 0, 0))
        painter.drawText(self.box, Qt.AlignmentFlag.AlignCenter, self.text)


class CanvasHighlight:
    """The rubber bands and labels of the selected subject; cleared before the next one is shown."""

    def __init__(self, canvas: QgsMapCanvas):
        self.canvas = canvas
        self.bands: List[QgsRubberBand] = []
        self.roles: List[str] = []  # the role of each band ("" for the subject's outline)
        self.labels: List[MapLabel] = []
        self.connections = SignalConnections()  # the canvas's refresh, while labels are shown

    def clear(self) -> None:
        """Remove every band and label from the canvas (those QGIS deleted with the canvas are skipped)."""
        self.connections.disconnect_all()
        for item in self.bands + self.labels:
            if not sip.isdeleted(item):
                item.scene().removeItem(item)
                sip.delete(item)
        self.bands = []
        self.roles = []
        self.labels = []

    def add_label(self, text: str, point: QgsPointXY, crs: QgsCoordinateReferenceSystem) -> None:
        """A small text label at ``point`` (in ``crs``) on the map."""
        transform = QgsCoordinateTransform(crs, self.canvas.mapSettings().destinationCrs(), QgsProject.instance())
        if not self.labels:
            self.connections.connect(self.canvas, self.canvas.mapCanvasRefreshed, self.declutter)
        self.labels.append(MapLabel(self.canvas, text, transform.transform(point)))

    def declutter(self) -> None:
        """Show only labels that do not overlap one shown before them (in screen space), so the chainage of a
        40 km route stays readable; zooming in shows more. Runs after every canvas refresh."""
        shown: List[QRectF] = []
        for item in self.labels:
            item.updatePosition()
            box = item.sceneBoundingRect()
            free = not any(box.intersects(other) for other in shown)
            item.setVisible(free)
            if free:
                shown.append(box)

    def _to_canvas(self, geometry: QgsGeometry, crs: QgsCoordinateReferenceSystem) -> QgsGeometry:
        result = QgsGeometry(geometry)
        result.transform(QgsCoordinateTransform(crs, self.canvas.mapSettings().destinationCrs(), QgsProject.instance()))
        return result

    def show(
        self,
        subject: QgsGeometry,
        crs: QgsCoordinateReferenceSystem,
        pieces: Iterable[Tuple[str, QgsGeometry, QgsCoordinateReferenceSystem]],
        zoom: bool = True,
    ) -> None:
        """Draw ``subject`` (in ``crs``) and its pieces (role, geometry, crs), the most severe role on top; zoom
        to it when asked, and flash it."""
        self.clear()
        outline = self._to_canvas(subject, crs)
        for role, geometry, piece_crs in sorted(pieces, key=lambda piece: draw_rank(piece[0])):
            fill, stroke, hatched = PIECE_COLOURS.get(role, PIECE_COLOURS["pbf"])
            band = QgsRubberBand(self.canvas, GEOMETRY_POLYGON)
            band.setToGeometry(self._to_canvas(geometry, piece_crs), None)
            band.setFillColor(fill)
            band.setStrokeColor(stroke)
            band.setWidth(1)
            band.setZValue(PIECE_Z + draw_rank(role))
            if hatched:
                band.setBrushStyle(Qt.BrushStyle.BDiagPattern)
            self.bands.append(band)
            self.roles.append(role)
        band = QgsRubberBand(self.canvas, GEOMETRY_POLYGON)
        band.setToGeometry(outline, None)
        band.setFillColor(QColor(0, 0, 0, 0))
        band.setStrokeColor(QColor(31, 78, 140))
        band.setWidth(3)
        band.setZValue(PIECE_Z + len(DRAW_ORDER) + 1)
        self.bands.append(band)
        self.roles.append("")
        if not zoom:
            self.canvas.refresh()
            return
        extent = outline.boundingBox()
        extent.grow(max(extent.width(), extent.height()) * ZOOM_MARGIN)
        self.canvas.setExtent(extent)
        self.canvas.refresh()
        self.canvas.flashGeometries([subject], crs)
