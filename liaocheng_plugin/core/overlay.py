"""The overlay engine: what of each subject lies on each protected role, in m², 亩 and 公顷."""

from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Sequence

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsFeedback,
    QgsGeometry,
    QgsRectangle,
    QgsWkbTypes,
)

from liaocheng_plugin.core.compat import GEOMETRY_LINE, GEOMETRY_POLYGON
from liaocheng_plugin.core.crs import AreaMeasurer, choose_working_crs, require_crs
from liaocheng_plugin.core.definitions import DEFAULT_CULTIVATED_CODES, AreaMode
from liaocheng_plugin.core.exceptions import CheckCanceledError, LiaochengError
from liaocheng_plugin.core.geometry_repair import GeometryIssue, clean_polygon, polygonal_part
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.progress import StepFeedback
from liaocheng_plugin.core.protected_index import ProtectedIndex, RoleSpec, iterate_features
from liaocheng_plugin.core.units import percent


@dataclass
class OverlapPiece:
    """The part of one subject lying on one protected feature."""

    role: str
    protected_fid: int
    label: str
    code: str
    geometry: QgsGeometry
    area_m2: float = 0.0
    deduction: float = 0.0


@dataclass
class RoleOverlap:
    """What of one subject lies on one role; protected features are unioned, never double counted."""

    role: str
    area_m2: float = 0.0
    geometry: QgsGeometry = field(default_factory=QgsGeometry)
    pieces: List[OverlapPiece] = field(default_factory=list)
    area_by_code_m2: Dict[str, float] = field(default_factory=dict)
    cultivated_m2: float = 0.0
    cultivated_net_m2: float = 0.0

    @property
    def feature_ids(self) -> List[int]:
        """Ids of the protected features met, in order met."""
        return [piece.protected_fid for piece in self.pieces]

    @property
    def labels(self) -> List[str]:
        """Distinct non-empty labels of the protected features met."""
        return list(dict.fromkeys(piece.label for piece in self.pieces if piece.label))


@dataclass
class SubjectOverlap:
    """All role overlaps of one subject (parcel, patch, site, corridor)."""

    subject_id: int
    geometry: QgsGeometry
    area_m2: float
    roles: Dict[str, RoleOverlap] = field(default_factory=dict)
    area_mode: AreaMode = AreaMode.ELLIPSOIDAL

    def area_m2_of(self, role: str) -> float:
        """Overlap area with a role in m², 0 when the role was not checked."""
        overlap = self.roles.get(role)
        return overlap.area_m2 if overlap else 0.0

    def percent_of(self, role: str) -> float:
        """Overlap with a role as a percentage of the subject's area."""
        return percent(self.area_m2_of(role), self.area_m2)


@dataclass
class OverlayReport:
    """The result of one overlay run, with everything that was repaired or skipped."""

    subjects: List[SubjectOverlap]
    issues: List[GeometryIssue]
    working_crs: QgsCoordinateReferenceSystem
    area_mode: AreaMode
    area_note: str


def is_cultivated(code: str, cultivated_codes: Sequence[str]) -> bool:
    """Whether a land-use code is cultivated land; unknown suffixed codes match on 4 characters, K codes never."""
    if code in cultivated_codes:
        return True
    return len(code) > 4 and not code.upper().endswith("K") and code[:4] in cultivated_codes


def cut_piece(subject: QgsGeometry, subject_box: QgsRectangle, engine, protected: QgsGeometry) -> Optional[QgsGeometry]:
    """The part of ``protected`` inside the prepared ``subject``; shortcuts avoid computing intersections."""
    shape = protected.constGet()
    if not engine.intersects(shape):
        return None
    if protected.type() != GEOMETRY_POLYGON or engine.contains(shape):
        return protected
    if protected.boundingBox().contains(subject_box) and protected.contains(subject):
        return subject
    piece = polygonal_part(subject.intersection(protected))
    return None if piece.isNull() or piece.isEmpty() else piece


def prepared_engine(geometry: QgsGeometry):
    """A GEOS engine prepared for many predicate tests against one geometry."""
    engine = QgsGeometry.createGeometryEngine(geometry.constGet())
    engine.prepareGeometry()
    return engine


def aggregate_role(
    spec: RoleSpec, pieces: List[OverlapPiece], measurer: AreaMeasurer, cultivated_codes: Sequence[str]
) -> RoleOverlap:
    """Measure the pieces of one role; dissolve them so overlapping protected features count once.

    A coverage (the survey's tessellation) has no overlaps to dissolve: its pieces are summed.
    """
    polygons = [piece for piece in pieces if piece.geometry.type() == GEOMETRY_POLYGON]
    for piece in polygons:
        piece.area_m2 = measurer.area(piece.geometry)
    overlap = RoleOverlap(spec.key, pieces=pieces)
    if len(polygons) == 1:
        overlap.geometry, overlap.area_m2 = polygons[0].geometry, polygons[0].area_m2
    elif polygons and spec.coverage:
        overlap.geometry = QgsGeometry.collectGeometry([piece.geometry for piece in polygons])
        overlap.area_m2 = sum(piece.area_m2 for piece in polygons)
    elif polygons:
        overlap.geometry = QgsGeometry.unaryUnion([piece.geometry for piece in polygons])
        overlap.area_m2 = measurer.area(overlap.geometry)
    if spec.code_field:
        for piece in polygons:
            overlap.area_by_code_m2[piece.code] = overlap.area_by_code_m2.get(piece.code, 0.0) + piece.area_m2
            if is_cultivated(piece.code, cultivated_codes):
                overlap.cultivated_m2 += piece.area_m2
                overlap.cultivated_net_m2 += piece.area_m2 * (1.0 - piece.deduction)
    return overlap


class OverlayEngine:
    """One index per role, built once; overlays any number of subject geometries on them."""

    def __init__(
        self,
        working_crs: QgsCoordinateReferenceSystem,
        context: QgsCoordinateTransformContext,
        area_mode: AreaMode = AreaMode.ELLIPSOIDAL,
        cultivated_codes: Sequence[str] = DEFAULT_CULTIVATED_CODES,
    ):
        self.working_crs = working_crs
        self.context = context
        self.cultivated_codes = tuple(cultivated_codes)
        self.measurer = AreaMeasurer(working_crs, context, area_mode)
        self.indexes: Dict[str, ProtectedIndex] = {}

    def build_indexes(
        self,
        specs: Iterable[RoleSpec],
        filter_rect: Optional[QgsRectangle] = None,
        feedback: Optional[QgsFeedback] = None,
    ) -> None:
        """Index every role layer once (only inside ``filter_rect`` when that pays off)."""
        specs = list(specs)
        steps = StepFeedback(len(specs), feedback)
        for step, spec in enumerate(specs):
            steps.set_step(step)
            self.indexes[spec.key] = ProtectedIndex.build(spec, self.working_crs, self.context, filter_rect, steps)

    @property
    def issues(self) -> List[GeometryIssue]:
        """Repairs and skips met so far in the protected layers."""
        return [issue for index in self.indexes.values() for issue in index.issues]

    def prefetch_attributes(self, boxes: Iterable[QgsRectangle]) -> None:
        """Read, in one request per role, the attributes of every feature these boxes meet."""
        boxes = list(boxes)
        for index in self.indexes.values():
            index.load_attributes({fid for box in boxes for fid in index.candidate_ids(box)})

    def overlay(self, geometry: QgsGeometry, subject_id: int = 0) -> SubjectOverlap:
        """Overlay one valid subject geometry (in the working CRS) on every indexed role."""
        engine = prepared_engine(geometry)
        box = geometry.boundingBox()
        result = SubjectOverlap(subject_id, geometry, self.measurer.area(geometry), area_mode=self.measurer.mode)
        for key, index in self.indexes.items():
            cut = []
            for fid in index.candidate_ids(box):
                protected = index.geometry(fid)
                piece = cut_piece(geometry, box, engine, protected) if protected is not None else None
                if piece is not None:
                    cut.append((fid, piece))
            index.load_attributes(fid for fid, _ in cut)  # one request for what is not read yet
            pieces = []
            for fid, piece in cut:
                attributes = index.attributes(fid)
                pieces.append(
                    OverlapPiece(key, fid, attributes.label, attributes.code, piece, 0.0, attributes.deduction)
                )
            result.roles[key] = aggregate_role(index.spec, pieces, self.measurer, self.cultivated_codes)
        return result


def read_subjects(
    source: QgsFeatureSource,
    working_crs: QgsCoordinateReferenceSystem,
    context: QgsCoordinateTransformContext,
    buffer_m: float,
    issues: List[GeometryIssue],
    feedback: Optional[QgsFeedback] = None,
) -> Dict[int, QgsGeometry]:
    """Subject geometries in the working CRS, lines buffered by ``buffer_m``; bad ones reported."""
    layer_name = source.sourceName()
    geometry_type = QgsWkbTypes.geometryType(source.wkbType())
    if geometry_type not in (GEOMETRY_POLYGON, GEOMETRY_LINE):
        raise LiaochengError(tr("Layer “{}” must hold polygons or lines to be checked.").format(layer_name))
    if geometry_type == GEOMETRY_LINE and buffer_m <= 0:
        raise LiaochengError(
            tr("Layer “{}” holds lines: give a corridor width (buffer) greater than 0 m.").format(layer_name)
        )
    transform = QgsCoordinateTransform(source.sourceCrs(), working_crs, context)
    request = QgsFeatureRequest().setNoAttributes()
    subjects: Dict[int, QgsGeometry] = {}
    for feature in iterate_features(source, request):
        if feedback is not None and feedback.isCanceled():
            raise CheckCanceledError()
        geometry = clean_polygon(feature.geometry(), layer_name, feature.id(), issues, transform, buffer_m)
        if geometry is not None:
            subjects[feature.id()] = geometry
    return subjects


def subjects_extent(subjects: Dict[int, QgsGeometry], margin: float = 0.0) -> QgsRectangle:
    """The combined bounding box of subject geometries, grown by ``margin``."""
    extent = QgsRectangle()  # null: the first combineExtentWith takes the other rectangle as it is
    for geometry in subjects.values():
        extent.combineExtentWith(geometry.boundingBox())
    return extent.buffered(margin) if not extent.isEmpty() else extent


def run_overlay(
    source: QgsFeatureSource,
    specs: Sequence[RoleSpec],
    context: QgsCoordinateTransformContext,
    area_mode: AreaMode = AreaMode.ELLIPSOIDAL,
    line_buffer_m: float = 0.0,
    cultivated_codes: Sequence[str] = DEFAULT_CULTIVATED_CODES,
    feedback: Optional[QgsFeedback] = None,
    working_crs: Optional[QgsCoordinateReferenceSystem] = None,
) -> OverlayReport:
    """Overlay every subject of ``source`` on every role; raises CheckCanceledError when cancelled.

    Line subjects become corridors buffered by ``line_buffer_m`` on each side (half the width).
    ``working_crs`` fixes the CRS to compute in (to compare the subjects of two layers); by default
    it is chosen from ``source``.
    """
    require_crs(source.sourceCrs(), source.sourceName())
    for spec in specs:
        require_crs(spec.source.sourceCrs(), spec.display_name())
    working_crs = working_crs or choose_working_crs(source.sourceCrs(), source.sourceExtent(), context)
    steps = StepFeedback(3, feedback)
    issues: List[GeometryIssue] = []
    subjects = read_subjects(source, working_crs, context, line_buffer_m, issues, steps)
    engine = OverlayEngine(working_crs, context, area_mode, cultivated_codes)
    steps.set_step(1)
    engine.build_indexes(specs, subjects_extent(subjects, 1.0), steps)
    engine.prefetch_attributes(geometry.boundingBox() for geometry in subjects.values())
    steps.set_step(2)
    results = []
    for count, (subject_id, geometry) in enumerate(subjects.items()):
        steps.raise_if_canceled()
        steps.setProgress(100.0 * count / len(subjects))
        results.append(engine.overlay(geometry, subject_id))
    return OverlayReport(results, issues + engine.issues, working_crs, area_mode, engine.measurer.describe())
