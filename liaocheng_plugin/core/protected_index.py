"""One protected layer indexed in the working CRS: built in one C++ pass, read in Python only where used."""

from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Tuple

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

from liaocheng_plugin.core.compat import GEOMETRY_NO_CHECK, REQUEST_NO_GEOMETRY, SOURCE_SKIP_GEOMETRY_CHECKS
from liaocheng_plugin.core.crs import require_crs
from liaocheng_plugin.core.definitions import IssueKind
from liaocheng_plugin.core.exceptions import CheckCanceledError, LiaochengError
from liaocheng_plugin.core.geometry_repair import GeometryIssue, clean_polygon
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.values import as_float, as_text

FILTER_WORTH_SHARE = 0.25
EVERYWHERE = QgsRectangle(-1e15, -1e15, 1e15, 1e15)


@dataclass
class RoleSpec:
    """Which layer plays a role, which of its fields matter, and whether its features tile without overlap."""

    key: str
    source: QgsFeatureSource
    label_field: str = ""
    code_field: str = ""
    deduction_field: str = ""
    name: str = ""
    coverage: bool = False  # a tessellation (the survey's DLTB): pieces are summed, never dissolved

    def display_name(self) -> str:
        """The name shown in messages: the given role name or the layer's."""
        return self.name or self.source.sourceName()


@dataclass
class FeatureAttributes:
    """The attributes of a protected feature the checks read."""

    label: str = ""
    code: str = ""
    deduction: float = 0.0


def iterate_features(source: QgsFeatureSource, request: QgsFeatureRequest):
    """Features of a source, never stopped by Processing's invalid-geometry setting (we repair instead)."""
    if isinstance(source, QgsProcessingFeatureSource):
        return source.getFeatures(request, SOURCE_SKIP_GEOMETRY_CHECKS)
    return source.getFeatures(request)


def field_index(source: QgsFeatureSource, field_name: str, layer_name: str) -> int:
    """Index of a named field (case-insensitive); a clear error when it is missing."""
    if not field_name:
        return -1
    index = source.fields().lookupField(field_name)
    if index < 0:
        raise LiaochengError(tr("Layer “{}” has no field “{}”.").format(layer_name, field_name))
    return index


class ProtectedIndex:
    """A role layer's features in the working CRS, indexed once and reused by any number of checks.

    The index and the geometries are built by QGIS in one C++ pass (transformed by the request);
    Python touches a feature only when a subject's bounding box meets it: its attributes are read
    then, and its geometry is checked and repaired on first use.
    """

    def __init__(self, spec: RoleSpec, index: QgsSpatialIndex, field_indexes: Tuple[int, int, int]):
        self.spec = spec
        self.issues: List[GeometryIssue] = []
        self._index = index
        self._field_indexes = field_indexes
        self._attributes: Dict[int, FeatureAttributes] = {}
        self._geometries: Dict[int, Optional[QgsGeometry]] = {}

    @classmethod
    def build(
        cls,
        spec: RoleSpec,
        working_crs: QgsCoordinateReferenceSystem,
        context: QgsCoordinateTransformContext,
        filter_rect: Optional[QgsRectangle] = None,
        feedback: Optional[QgsFeedback] = None,
    ) -> "ProtectedIndex":
        """Index a role layer (only inside ``filter_rect``, in the working CRS, when that is a small part of it)."""
        source = spec.source
        layer_name = spec.display_name()
        require_crs(source.sourceCrs(), layer_name)
        fields = tuple(
            field_index(source, name, layer_name) for name in (spec.label_field, spec.code_field, spec.deduction_field)
        )
        issues: List[GeometryIssue] = []
        request = QgsFeatureRequest().setNoAttributes()
        request.setInvalidGeometryCheck(GEOMETRY_NO_CHECK)
        request.setDestinationCrs(working_crs, context)
        request.setTransformErrorCallback(
            lambda feature: issues.append(GeometryIssue(layer_name, feature.id(), IssueKind.TRANSFORM_FAILED))
        )
        filtered = False
        if filter_rect is not None and not filter_rect.isEmpty():
            to_working = QgsCoordinateTransform(source.sourceCrs(), working_crs, context)
            if filter_rect.area() < FILTER_WORTH_SHARE * to_working.transformBoundingBox(source.sourceExtent()).area():
                request.setFilterRect(filter_rect)
                filtered = True
        index = QgsSpatialIndex(
            iterate_features(source, request), feedback, QgsSpatialIndex.Flag.FlagStoreFeatureGeometries
        )
        if feedback is not None and feedback.isCanceled():
            raise CheckCanceledError()
        result = cls(spec, index, fields)
        result.issues = issues
        if not filtered:
            result._report_missing_geometries()
        return result

    def _report_missing_geometries(self) -> None:
        """Name the features the index left out because they have no geometry (a full read only)."""
        source = self.spec.source
        indexed = len(self._index.intersects(EVERYWHERE))
        if indexed + len(self.issues) >= source.featureCount():
            return
        request = QgsFeatureRequest().setNoAttributes().setFilterExpression("is_empty_or_null($geometry)")
        for feature in iterate_features(source, request):
            self.issues.append(GeometryIssue(self.spec.display_name(), feature.id(), IssueKind.EMPTY))

    def candidate_ids(self, rect: QgsRectangle) -> List[int]:
        """Ids of features whose bounding box meets ``rect``."""
        return self._index.intersects(rect)

    def geometry(self, fid: int) -> Optional[QgsGeometry]:
        """A feature's valid geometry (checked and repaired on first use); None when unusable."""
        if fid not in self._geometries:
            self._geometries[fid] = clean_polygon(self._index.geometry(fid), self.spec.display_name(), fid, self.issues)
        return self._geometries[fid]

    def attributes(self, fid: int) -> FeatureAttributes:
        """A feature's label, code and deduction (read with ``load_attributes`` beforehand)."""
        if fid not in self._attributes:
            self.load_attributes([fid])
        return self._attributes[fid]

    def load_attributes(self, fids: Iterable[int]) -> None:
        """Read the attributes of many features in one request."""
        missing = [fid for fid in fids if fid not in self._attributes]
        if not missing:
            return
        label_i, code_i, deduction_i = self._field_indexes
        wanted = [i for i in self._field_indexes if i >= 0]
        if not wanted:
            self._attributes.update((fid, FeatureAttributes()) for fid in missing)
            return
        request = QgsFeatureRequest().setFilterFids(missing).setSubsetOfAttributes(wanted)
        request.setFlags(REQUEST_NO_GEOMETRY)
        for feature in iterate_features(self.spec.source, request):  # feature[i], not attributes(): 3× faster
            self._attributes[feature.id()] = FeatureAttributes(
                as_text(feature[label_i]) if label_i >= 0 else "",
                as_text(feature[code_i]) if code_i >= 0 else "",
                (as_float(feature[deduction_i]) or 0.0) if deduction_i >= 0 else 0.0,
            )
        for fid in missing:
            self._attributes.setdefault(fid, FeatureAttributes())
