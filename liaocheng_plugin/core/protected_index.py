"""Reading protected layers into the working CRS, and an in-memory index of one layer for repeated checks."""

from dataclasses import dataclass
from typing import Dict, Iterator, List, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsFeedback,
    QgsGeometry,
    QgsProcessingFeatureSource,
    QgsRectangle,
    QgsSpatialIndex,
)

from liaocheng_plugin.core.crs import require_crs
from liaocheng_plugin.core.definitions import IssueKind
from liaocheng_plugin.core.exceptions import CheckCanceledError, LiaochengError
from liaocheng_plugin.core.geometry_repair import GeometryIssue, clean_polygon
from liaocheng_plugin.core.i18n import tr

FILTER_WORTH_SHARE = 0.25
PROGRESS_EVERY = 2000


@dataclass
class ProtectedFeature:
    """One protected feature in the working CRS; its geometry is checked and repaired on first use."""

    fid: int
    geometry: QgsGeometry
    label: str = ""
    code: str = ""
    deduction: float = 0.0
    checked: bool = False


@dataclass
class RoleSpec:
    """Which layer plays a role and which of its fields matter."""

    key: str
    source: QgsFeatureSource
    label_field: str = ""
    code_field: str = ""
    deduction_field: str = ""
    name: str = ""

    def display_name(self) -> str:
        """The name shown in messages: the given role name or the layer's."""
        return self.name or self.source.sourceName()


def iterate_features(source: QgsFeatureSource, request: QgsFeatureRequest):
    """Features of a source, never stopped by Processing's invalid-geometry setting (we repair instead)."""
    if isinstance(source, QgsProcessingFeatureSource):
        return source.getFeatures(request, QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks)
    return source.getFeatures(request)


def field_index(source: QgsFeatureSource, field_name: str, layer_name: str) -> int:
    """Index of a named field (case-insensitive); a clear error when it is missing."""
    if not field_name:
        return -1
    index = source.fields().lookupField(field_name)
    if index < 0:
        raise LiaochengError(tr("Layer “{}” has no field “{}”.").format(layer_name, field_name))
    return index


def _text(value) -> str:
    return "" if value is None or value == "" or str(value) == "NULL" else str(value).strip()


def _number(value) -> float:
    try:
        return float(value) if _text(value) else 0.0
    except (TypeError, ValueError):
        return 0.0


def read_protected(
    spec: RoleSpec,
    working_crs: QgsCoordinateReferenceSystem,
    context: QgsCoordinateTransformContext,
    issues: List[GeometryIssue],
    filter_rect: Optional[QgsRectangle] = None,
    feedback: Optional[QgsFeedback] = None,
) -> Iterator[ProtectedFeature]:
    """Stream a role layer's features in the working CRS (transformed by QGIS, not in Python).

    Only features inside ``filter_rect`` (working CRS) are read when that is a small part of the
    layer; a full read also reports features without geometry. Geometry validity is not checked here.
    """
    source = spec.source
    layer_name = spec.display_name()
    require_crs(source.sourceCrs(), layer_name)
    label_i = field_index(source, spec.label_field, layer_name)
    code_i = field_index(source, spec.code_field, layer_name)
    deduction_i = field_index(source, spec.deduction_field, layer_name)
    request = QgsFeatureRequest().setSubsetOfAttributes([i for i in (label_i, code_i, deduction_i) if i >= 0])
    request.setInvalidGeometryCheck(QgsFeatureRequest.GeometryNoCheck)
    request.setDestinationCrs(working_crs, context)
    request.setTransformErrorCallback(
        lambda feature: issues.append(GeometryIssue(layer_name, feature.id(), IssueKind.TRANSFORM_FAILED))
    )
    if filter_rect is not None and not filter_rect.isEmpty():
        to_working = QgsCoordinateTransform(source.sourceCrs(), working_crs, context)
        # A filter pays off only on a small part of the layer; a full read also reports null geometries.
        if filter_rect.area() < FILTER_WORTH_SHARE * to_working.transformBoundingBox(source.sourceExtent()).area():
            request.setFilterRect(filter_rect)
    total = max(source.featureCount(), 1)
    for count, feature in enumerate(iterate_features(source, request)):
        if feedback is not None and count % PROGRESS_EVERY == 0:
            if feedback.isCanceled():
                raise CheckCanceledError()
            feedback.setProgress(min(100.0, 100.0 * count / total))
        geometry = feature.geometry()
        if geometry.isNull() or geometry.isEmpty():
            issues.append(GeometryIssue(layer_name, feature.id(), IssueKind.EMPTY))
            continue
        attributes = feature.attributes()
        yield ProtectedFeature(
            fid=feature.id(),
            geometry=geometry,
            label=_text(attributes[label_i]) if label_i >= 0 else "",
            code=_text(attributes[code_i]) if code_i >= 0 else "",
            deduction=_number(attributes[deduction_i]) if deduction_i >= 0 else 0.0,
        )


def checked_geometry(feature: ProtectedFeature, layer_name: str, issues: List[GeometryIssue]) -> Optional[QgsGeometry]:
    """The feature's geometry made valid on first use (repairs recorded once); None when unusable."""
    if not feature.checked:
        feature.geometry = clean_polygon(feature.geometry, layer_name, feature.fid, issues)
        feature.checked = True
    return feature.geometry


class ProtectedIndex:
    """The features of one role, indexed in the working CRS, for many checks (the interactive site check)."""

    def __init__(self, spec: RoleSpec, features: Dict[int, ProtectedFeature], issues: List[GeometryIssue]):
        self.spec = spec
        self.features = features
        self.issues = issues
        self._index = QgsSpatialIndex()
        for feature in features.values():
            self._index.addFeature(feature.fid, feature.geometry.boundingBox())

    @classmethod
    def build(
        cls,
        spec: RoleSpec,
        working_crs: QgsCoordinateReferenceSystem,
        context: QgsCoordinateTransformContext,
        filter_rect: Optional[QgsRectangle] = None,
        feedback: Optional[QgsFeedback] = None,
    ) -> "ProtectedIndex":
        """Read a role layer once (only inside ``filter_rect`` when given) and index it."""
        issues: List[GeometryIssue] = []
        features = {f.fid: f for f in read_protected(spec, working_crs, context, issues, filter_rect, feedback)}
        return cls(spec, features, issues)

    def candidates(self, rect: QgsRectangle) -> List[ProtectedFeature]:
        """Features whose bounding box meets ``rect``."""
        return [self.features[fid] for fid in self._index.intersects(rect)]

    def geometry(self, feature: ProtectedFeature) -> Optional[QgsGeometry]:
        """A candidate's valid geometry (checked and repaired on first use)."""
        return checked_geometry(feature, self.spec.display_name(), self.issues)
