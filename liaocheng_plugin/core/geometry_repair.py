"""Bring input geometries into the working CRS as valid polygons, recording what was wrong."""

from dataclasses import dataclass
from typing import List, Optional

from qgis.core import QgsCoordinateTransform, QgsCsException, QgsGeometry, QgsWkbTypes
from shapely import wkb
from shapely.validation import explain_validity

from liaocheng_plugin.core.compat import GEOMETRY_LINE, GEOMETRY_POLYGON
from liaocheng_plugin.core.definitions import IssueKind
from liaocheng_plugin.core.i18n import tr


@dataclass
class GeometryIssue:
    """One input feature whose geometry was repaired or skipped."""

    layer_name: str
    feature_id: int
    kind: IssueKind
    detail: str = ""

    def message(self) -> str:
        """Readable one-line description naming the layer and feature."""
        texts = {
            IssueKind.REPAIRED: tr("Layer “{}”, feature {}: invalid geometry repaired ({})."),
            IssueKind.EMPTY: tr("Layer “{}”, feature {}: empty geometry skipped{}."),
            IssueKind.UNREPAIRABLE: tr("Layer “{}”, feature {}: geometry could not be repaired and was skipped ({})."),
            IssueKind.TRANSFORM_FAILED: tr("Layer “{}”, feature {}: could not be transformed to the working CRS{}."),
        }
        return texts[self.kind].format(self.layer_name, self.feature_id, self.detail)


def polygonal_part(geometry: QgsGeometry) -> QgsGeometry:
    """The polygon parts of a geometry (a makeValid result may carry stray lines or points)."""
    if geometry.type() == GEOMETRY_POLYGON:
        return geometry
    parts = [part for part in geometry.asGeometryCollection() if part.type() == GEOMETRY_POLYGON]
    if not parts:
        return QgsGeometry()
    return QgsGeometry.collectGeometry(parts)


def invalidity_reason(geometry: QgsGeometry) -> str:
    """GEOS's reason why a geometry is invalid, e.g. "Self-intersection[x y]"."""
    return explain_validity(wkb.loads(bytes(geometry.asWkb())))


def clean_polygon(
    geometry: QgsGeometry,
    layer_name: str,
    feature_id: int,
    issues: List[GeometryIssue],
    transform: Optional[QgsCoordinateTransform] = None,
    buffer_m: float = 0.0,
) -> Optional[QgsGeometry]:
    """A valid polygon in the working CRS, or None when the feature must be skipped.

    Curves are segmentized, lines are buffered by ``buffer_m`` (a corridor), invalid
    polygons are repaired with makeValid; every repair and skip is appended to ``issues``.
    """
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        issues.append(GeometryIssue(layer_name, feature_id, IssueKind.EMPTY))
        return None
    wkb_type = geometry.wkbType()
    needs_transform = transform is not None and transform.isValid() and not transform.isShortCircuited()
    if (
        not needs_transform
        and QgsWkbTypes.geometryType(wkb_type) == GEOMETRY_POLYGON
        and not QgsWkbTypes.isCurvedType(wkb_type)
        and geometry.isGeosValid()
    ):
        return geometry  # the common case (every protected feature met in a batch): nothing to convert or repair
    result = QgsGeometry(geometry)
    if QgsWkbTypes.isCurvedType(wkb_type):
        result = QgsGeometry(result.constGet().segmentize())
    if needs_transform:
        try:
            result.transform(transform)
        except QgsCsException as error:
            issues.append(GeometryIssue(layer_name, feature_id, IssueKind.TRANSFORM_FAILED, f": {error}"))
            return None
    if result.type() == GEOMETRY_LINE and buffer_m > 0:
        result = result.buffer(buffer_m, 8)
    if result.type() != GEOMETRY_POLYGON:
        return result
    if not result.isGeosValid():
        detail = invalidity_reason(result)
        repaired = polygonal_part(result.makeValid())
        if repaired.isNull() or repaired.isEmpty():
            issues.append(GeometryIssue(layer_name, feature_id, IssueKind.UNREPAIRABLE, detail))
            return None
        issues.append(GeometryIssue(layer_name, feature_id, IssueKind.REPAIRED, detail))
        result = repaired
    return result
