"""Zoom to a subject, flash it and draw its conflict pieces on the canvas with rubber bands."""

from typing import Iterable, List, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsTextAnnotation,
)
from qgis.gui import QgsMapCanvas, QgsMapCanvasAnnotationItem, QgsRubberBand
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QRectF, QSizeF, Qt
from qgis.PyQt.QtGui import QColor, QTextDocument

from liaocheng_plugin.core.compat import GEOMETRY_POLYGON

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
ZOOM_MARGIN = 0.35


def draw_rank(role: str) -> int:
    """Position of a role in DRAW_ORDER; unknown roles at the bottom."""
    return DRAW_ORDER.index(role) + 1 if role in DRAW_ORDER else 0


class CanvasHighlight:
    """The rubber bands of the selected subject; cleared before the next one is shown."""

    def __init__(self, canvas: QgsMapCanvas):
        self.canvas = canvas
        self.bands: List[QgsRubberBand] = []
        self.roles: List[str] = []  # the role of each band ("" for the subject's outline)
        # (item, annotation): the canvas item does not own its annotation, so both are kept and dropped together.
        self.labels: List[Tuple[QgsMapCanvasAnnotationItem, QgsTextAnnotation]] = []

    def clear(self) -> None:
        if self.labels:
            self.canvas.mapCanvasRefreshed.disconnect(self.declutter)
        for band in self.bands:
            self.canvas.scene().removeItem(band)
        for item, _annotation in self.labels:
            self.canvas.scene().removeItem(item)
            sip.delete(item)  # the item before its annotation
        self.bands = []
        self.roles = []
        self.labels = []

    def add_label(self, text: str, point: QgsPointXY, crs: QgsCoordinateReferenceSystem) -> None:
        """A small text label on the map (e.g. a chainage interval along a route)."""
        annotation = QgsTextAnnotation()
        document = QTextDocument()
        document.setPlainText(text)
        annotation.setDocument(document)
        annotation.setMapPosition(point)
        annotation.setMapPositionCrs(crs)
        annotation.setFrameSizeMm(QSizeF(36, 7))
        item = QgsMapCanvasAnnotationItem(annotation, self.canvas)
        if not self.labels:
            self.canvas.mapCanvasRefreshed.connect(self.declutter)
        self.labels.append((item, annotation))

    def declutter(self) -> None:
        """Show only labels that do not overlap one shown before them (in screen space), so the chainage of a
        40 km route stays readable; zooming in shows more. Runs after every canvas refresh."""
        shown: List[QRectF] = []
        for item, _annotation in self.labels:
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
