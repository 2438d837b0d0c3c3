"""In-memory spatial index of one protected layer in the working CRS, built once and reused."""

from dataclasses import dataclass
from typing import Dict, List, Optional

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
from liaocheng_plugin.core.exceptions import CheckCanceled, LiaochengError
from liaocheng_plugin.core.geometry_repair import GeometryIssue, clean_polygon
from liaocheng_plugin.core.i18n import tr


FILTER_WORTH_SHARE = 0.25


@dataclass
class ProtectedFeature:
    """One protected feature: its id, cleaned geometry and the attributes the checks read."""

    fid: int
    geometry: QgsGeometry
    label: str = ""
    code: str = ""
    deduction: float = 0.0


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


class ProtectedIndex:
    """The protected features of one role, cleaned and indexed in the working CRS."""

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
        """Read the role's layer (only inside ``filter_rect``, given in the working CRS, when set)."""
        source = spec.source
        layer_name = spec.display_name()
        require_crs(source.sourceCrs(), layer_name)
        wanted = [
            field_index(source, spec.label_field, layer_name),
            field_index(source, spec.code_field, layer_name),
            field_index(source, spec.deduction_field, layer_name),
        ]
        request = QgsFeatureRequest().setSubsetOfAttributes([i for i in wanted if i >= 0])
        request.setInvalidGeometryCheck(QgsFeatureRequest.GeometryNoCheck)
        if filter_rect is not None and not filter_rect.isEmpty():
            to_source = QgsCoordinateTransform(working_crs, source.sourceCrs(), context)
            source_rect = to_source.transformBoundingBox(filter_rect)
            # A filter pays off only on a small part of the layer; a full read also reports null geometries.
            if source_rect.area() < FILTER_WORTH_SHARE * source.sourceExtent().area():
                request.setFilterRect(source_rect)
        transform = QgsCoordinateTransform(source.sourceCrs(), working_crs, context)
        total = max(source.featureCount(), 1)
        features: Dict[int, ProtectedFeature] = {}
        issues: List[GeometryIssue] = []
        label_i, code_i, deduction_i = wanted
        for count, feature in enumerate(iterate_features(source, request)):
            if feedback is not None:
                if feedback.isCanceled():
                    raise CheckCanceled()
                if count % 1000 == 0:
                    feedback.setProgress(min(100.0, 100.0 * count / total))
            geometry = clean_polygon(feature.geometry(), layer_name, feature.id(), issues, transform)
            if geometry is None:
                continue
            attributes = feature.attributes()
            features[feature.id()] = ProtectedFeature(
                fid=feature.id(),
                geometry=geometry,
                label=_text(attributes[label_i]) if label_i >= 0 else "",
                code=_text(attributes[code_i]) if code_i >= 0 else "",
                deduction=_number(attributes[deduction_i]) if deduction_i >= 0 else 0.0,
            )
        return cls(spec, features, issues)

    def candidates(self, rect: QgsRectangle) -> List[ProtectedFeature]:
        """Features whose bounding box meets ``rect``."""
        return [self.features[fid] for fid in self._index.intersects(rect)]
