"""The overlay: subjects against every role, in chunks, as group sums over bulk-cut pieces.

The public API, in the order a check uses it (each stage can be used alone):

1. ``read_subjects(source, working_crs, context, buffer_m, feedback)`` (subjects read and repaired)
   and ``OverlayEngine.read_roles(specs, filter_rect, feedback)``: layers read once into
   ``LayerArrays`` (shapely geometries in the working CRS) plus DataFindings;
2. ``OverlayEngine.repair_roles(roles)`` when an input check follows (else each protected feature is
   checked and repaired where a subject meets it), and ``inspect(arrays) -> List[DataFinding]``: a
   caller's callable (the input check) looks at and fixes each layer's arrays in place before any
   figure is computed; a DataCheckError it raises stops the check;
3. ``OverlayEngine.index_roles(role_arrays, repairs)`` builds the STRtrees, ``OverlayEngine.overlay_arrays``
   (batch, in chunks, cancellable between chunks) or ``OverlayEngine.overlay`` (one geometry,
   interactive) computes the results.

``OverlayEngine.build_indexes`` does 1–3 for the roles, ``run_overlay`` everything for one layer.
Where the time goes and why: README, Performance.
"""

from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Dict, List, Optional, Sequence, Set, Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeatureSource,
    QgsFeedback,
    QgsGeometry,
    QgsRectangle,
    QgsWkbTypes,
)

from liaocheng_plugin.core.compat import GEOMETRY_LINE, GEOMETRY_POLYGON
from liaocheng_plugin.core.crs import choose_working_crs, require_crs
from liaocheng_plugin.core.datacheck.findings import DataFinding
from liaocheng_plugin.core.definitions import DEFAULT_CULTIVATED_CODES, AreaMode, IssueKind
from liaocheng_plugin.core.engine.arrays import LayerArrays
from liaocheng_plugin.core.engine.convert import from_qgis, to_wkb
from liaocheng_plugin.core.engine.dependency import require_shapely, shapely
from liaocheng_plugin.core.engine.index import RoleIndex
from liaocheng_plugin.core.engine.measure import AreaMeasurer
from liaocheng_plugin.core.engine.pieces import RolePieces, cut_pieces, separate_overlaps
from liaocheng_plugin.core.engine.pool import thread_count
from liaocheng_plugin.core.engine.reader import bulk_reader, read_layer
from liaocheng_plugin.core.engine.repair import fit_geometries, repair_geometries, repair_invalid
from liaocheng_plugin.core.engine.results import OverlapPiece, OverlayReport, PieceTable, RoleOverlap, SubjectOverlap
from liaocheng_plugin.core.engine.self_overlaps import self_overlap_findings
from liaocheng_plugin.core.engine.spec import RoleSpec
from liaocheng_plugin.core.exceptions import CheckCanceledError, LiaochengError
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.progress import StepFeedback
from liaocheng_plugin.core.settings import OVERLAP_TOLERANCE_M2

CHUNK_SIZE = 4096  # subjects per chunk: memory stays flat in the number of subjects
SUBJECT_KEY = "subject"
Inspect = Callable[[LayerArrays], List[DataFinding]]


def read_subjects(
    source: QgsFeatureSource,
    working_crs: QgsCoordinateReferenceSystem,
    context: QgsCoordinateTransformContext,
    buffer_m: float = 0.0,
    feedback: Optional[QgsFeedback] = None,
    inspect: Optional[Inspect] = None,
) -> Tuple[LayerArrays, List[DataFinding]]:
    """Subjects (polygons, or lines buffered by ``buffer_m`` each side) read and repaired in the working CRS.

    ``inspect`` sees them repaired but before lines become corridors (a route of one point has no
    length; its corridor would have an area). Raises LiaochengError for points, for lines without a
    buffer and for a layer without CRS.
    """
    require_shapely()
    layer_name = source.sourceName()
    require_crs(source.sourceCrs(), layer_name)
    geometry_type = QgsWkbTypes.geometryType(source.wkbType())
    if geometry_type not in (GEOMETRY_POLYGON, GEOMETRY_LINE):
        raise LiaochengError(tr("Layer “{}” must hold polygons or lines to be checked.").format(layer_name))
    if geometry_type == GEOMETRY_LINE and buffer_m <= 0:
        raise LiaochengError(
            tr("Layer “{}” holds lines: give a corridor width (buffer) greater than 0 m.").format(layer_name)
        )
    arrays, findings = read_layer(source, SUBJECT_KEY, layer_name, {}, working_crs, context, None, feedback)
    findings += repair_geometries(arrays)
    findings += inspect_arrays(arrays, inspect)
    if geometry_type == GEOMETRY_LINE:
        findings += repair_geometries(arrays, buffer_m)
    return arrays, findings


def subjects_extent(subjects: LayerArrays, margin: float = 0.0) -> QgsRectangle:
    """The combined bounding box of the subjects' geometries, grown by ``margin`` (empty when there are none)."""
    present = subjects.geometries[subjects.geometries != None]  # noqa: E711 - elementwise
    if not len(present):
        return QgsRectangle()
    xmin, ymin, xmax, ymax = shapely.total_bounds(present)
    return QgsRectangle(xmin - margin, ymin - margin, xmax + margin, ymax + margin)


def inspect_arrays(arrays: LayerArrays, inspect: Optional[Inspect]) -> List[DataFinding]:
    """The caller's findings on one layer's arrays (none without ``inspect``); DataCheckError propagates."""
    return list(inspect(arrays)) if inspect is not None else []


class OverlayEngine:
    """One STRtree per role, built once; overlays any number of subjects on them, in bulk or one at a time.

    ``threads`` caps the GEOS worker threads (default: QThread.idealThreadCount()); results do not
    depend on it. ``issues`` collects the DataFindings of reading, repairing and inspecting the roles and
    of the overlay: a repaired or unrepairable feature is reported once a subject meets it (the repair
    then matters to a figure; the input check reports every invalid geometry of a layer), and so are
    features of one role that overlap each other inside a subject (``self_overlaps.py``; pairs sharing
    more than the input check's tolerance, ``datacheck/overlap_tolerance_m2``).
    """

    def __init__(
        self,
        working_crs: QgsCoordinateReferenceSystem,
        context: QgsCoordinateTransformContext,
        area_mode: AreaMode = AreaMode.ELLIPSOIDAL,
        cultivated_codes: Sequence[str] = DEFAULT_CULTIVATED_CODES,
        threads: Optional[int] = None,
    ):
        require_shapely()
        self.working_crs = working_crs
        self.context = context
        self.cultivated_codes = tuple(cultivated_codes)
        self.measurer = AreaMeasurer(working_crs, context, area_mode)
        self.threads = thread_count(threads)
        self.indexes: Dict[str, RoleIndex] = {}
        self.issues: List[DataFinding] = []
        self.overlap_tolerance_m2 = OVERLAP_TOLERANCE_M2.value()
        self._overlaps: Dict[str, Set[Tuple[int, int]]] = {}  # role → feature pairs found overlapping
        self._unreported: Dict[str, List[Tuple[int, int]]] = {}  # role → those not reported yet

    def read_roles(
        self,
        specs: Sequence[RoleSpec],
        filter_rect: Optional[QgsRectangle] = None,
        feedback: Optional[QgsFeedback] = None,
    ) -> List[Tuple[RoleSpec, LayerArrays]]:
        """Stage 1: every role layer read once (only around ``filter_rect`` when that pays off).

        GDAL reads the next layer in the background while this thread parses the one read. Collections
        keep their polygon parts; validity is checked later, where a subject meets a feature
        (``index_roles``), or for the whole layer by ``repair_roles``.
        """
        steps = StepFeedback(max(len(specs), 1), feedback)
        for spec in specs:
            require_crs(spec.source.sourceCrs(), spec.display_name())
        readers = [
            bulk_reader(
                spec.source,
                spec.display_name(),
                spec.fields(),
                self.working_crs,
                self.context,
                filter_rect,
                spec.layer,
            )
            for spec in specs
        ]
        read = []
        with ThreadPoolExecutor(max_workers=1) as background:
            fetches = [background.submit(reader) if reader is not None else None for reader in readers]
            for step, (spec, fetch) in enumerate(zip(specs, fetches)):
                steps.set_step(step)
                arrays, findings = read_layer(
                    spec.source,
                    spec.key,
                    spec.display_name(),
                    spec.fields(),
                    self.working_crs,
                    self.context,
                    filter_rect,
                    steps,
                    spec.layer,
                    fetch.result() if fetch is not None else None,
                )
                self.issues += findings
                fit_geometries(arrays)
                read.append((spec, arrays))
        return read

    def repair_roles(self, roles: Sequence[Tuple[RoleSpec, LayerArrays]]) -> Dict[str, Dict[int, DataFinding]]:
        """Every feature of every role checked and repaired at once (before an input check looks at them).

        Returns the repairs per role (feature id → finding), to be reported once a subject meets the
        feature; features that could not be repaired are reported at once.
        """
        repairs = {}
        for spec, arrays in roles:
            repairs[spec.key] = {}
            for finding in repair_invalid(arrays, np.arange(len(arrays)), self.threads):
                if finding.kind == IssueKind.REPAIRED:
                    repairs[spec.key][finding.feature_id] = finding
                else:
                    self.issues.append(finding)
        return repairs

    def index_roles(
        self,
        roles: Sequence[Tuple[RoleSpec, LayerArrays]],
        repairs: Optional[Dict[str, Dict[int, DataFinding]]] = None,
    ) -> None:
        """Stage 3: an index per role over its (inspected) arrays. ``repairs`` (from ``repair_roles``) says the
        layers were checked and repaired already; without it each feature is checked where a subject meets it."""
        for spec, arrays in roles:
            index = RoleIndex(spec, arrays, self.cultivated_codes, checked=repairs is not None)
            index.repairs.update((repairs or {}).get(spec.key, {}))
            self.indexes[spec.key] = index

    def build_indexes(
        self,
        specs: Sequence[RoleSpec],
        filter_rect: Optional[QgsRectangle] = None,
        feedback: Optional[QgsFeedback] = None,
        inspect: Optional[Inspect] = None,
    ) -> List[DataFinding]:
        """Read, inspect and index every role; returns the findings of ``inspect`` (also added to ``issues``).

        With ``inspect`` every feature is repaired first (the input check looks at valid geometries);
        without, only the features a subject meets are ever checked for validity.
        """
        roles = self.read_roles(specs, filter_rect, feedback)
        repairs = self.repair_roles(roles) if inspect is not None else None
        found = [finding for _, arrays in roles for finding in inspect_arrays(arrays, inspect)]
        self.issues += found
        self.index_roles(roles, repairs)
        return found

    def overlay(self, geometry: QgsGeometry, subject_id: int = 0) -> SubjectOverlap:
        """Overlay one valid polygon (QgsGeometry in the working CRS) on every indexed role (interactive use)."""
        shapes = np.array([from_qgis(geometry)], dtype=object)
        return self.overlay_shapes(shapes, np.array([subject_id], dtype=np.int64))[0]

    def overlay_arrays(self, subjects: LayerArrays, feedback: Optional[QgsFeedback] = None) -> List[SubjectOverlap]:
        """Every subject with a geometry, in chunks of CHUNK_SIZE; raises CheckCanceledError between chunks."""
        usable = np.flatnonzero(subjects.geometries != None)  # noqa: E711 - elementwise
        results: List[SubjectOverlap] = []
        for start in range(0, len(usable), CHUNK_SIZE):
            if feedback is not None:
                if feedback.isCanceled():
                    raise CheckCanceledError()
                feedback.setProgress(100.0 * start / len(usable))
            chunk = usable[start : start + CHUNK_SIZE]
            results += self._overlay_chunk(subjects.geometries[chunk], subjects.fids[chunk])
        if feedback is not None and feedback.isCanceled():
            raise CheckCanceledError()
        self._report_overlaps()
        return results

    def overlay_shapes(self, shapes: np.ndarray, subject_ids: np.ndarray) -> List[SubjectOverlap]:
        """Overlay an array of valid shapely polygons (working CRS) on every indexed role."""
        results = self._overlay_chunk(shapes, subject_ids)
        self._report_overlaps()
        return results

    def _overlay_chunk(self, shapes: np.ndarray, subject_ids: np.ndarray) -> List[SubjectOverlap]:
        measure = self.measurer.areas
        shapely.prepare(shapes)
        areas = measure(shapes)
        mode = self.measurer.mode
        results = [
            SubjectOverlap(int(subject_id), shape, float(area), area_mode=mode)
            for subject_id, shape, area in zip(subject_ids, shapes, areas)
        ]
        for key, index in self.indexes.items():
            pieces = cut_pieces(index, shapes, areas, measure, self.threads)
            pieces, overlapping = separate_overlaps(pieces, measure, self.threads)
            self._note(index, pieces.feature, overlapping)
            for result, overlap in zip(results, role_overlaps(index, pieces, len(shapes))):
                result.roles[key] = overlap
        shapely.destroy_prepared(shapes)
        return results

    def _note(self, index: RoleIndex, met: np.ndarray, overlapping: np.ndarray) -> None:
        """Report the repairs of the features just met (each once) and unrepairable ones; keep new overlaps."""
        self.issues += index.skipped
        index.skipped = []
        if index.repairs:
            for fid in sorted(set(index.repairs) & set(index.arrays.fids[met].tolist())):
                self.issues.append(index.repairs.pop(fid))
        found = self._overlaps.setdefault(index.key, set())
        for pair in map(tuple, overlapping.tolist()):
            if pair not in found:
                found.add(pair)
                self._unreported.setdefault(index.key, []).append(pair)

    def _report_overlaps(self) -> None:
        """The overlapping feature pairs found since the last report, as findings (see ``self_overlaps.py``), in
        feature order (the PostGIS engine reports them alike, whatever the chunks)."""
        for key, pairs in self._unreported.items():
            arrays = self.indexes[key].arrays
            self.issues += self_overlap_findings(
                arrays, np.array(sorted(pairs), dtype=np.intp), self.measurer.areas, self.overlap_tolerance_m2
            )
        self._unreported = {}

    def labels_near(self, key: str, shapes: np.ndarray, distance_m: float) -> List[List[str]]:
        """Labels of the role's features within ``distance_m`` of each shape (its buffer meets them), in fid order."""
        index = self.indexes[key]
        around = shapely.buffer(shapes, distance_m, quad_segs=8)
        shapely.prepare(around)
        at, feature = index.met(around, self.threads)
        found: List[List[str]] = [[] for _ in shapes]
        for position, label in zip(at.tolist(), index.labels[feature].tolist()):
            if label and label not in found[position]:
                found[position].append(label)
        return found


def role_overlaps(index: RoleIndex, pieces: RolePieces, count: int) -> List[RoleOverlap]:
    """Per subject: the role's area, per-code, cultivated and KCXS-net figures as group sums, and the pieces
    (kept as WKB in a PieceTable, made into OverlapPiece objects when first asked for)."""
    subject, feature, areas = pieces.subject, pieces.feature, pieces.areas
    totals = np.bincount(subject, areas, count)
    overlaps = [RoleOverlap(index.key, float(total)) for total in totals]
    if index.spec.code_field:
        cultivated = areas * index.cultivated(feature)
        net = cultivated * (1.0 - index.deductions[feature].astype(float))
        for overlap, gross, net_area in zip(
            overlaps, np.bincount(subject, cultivated, count), np.bincount(subject, net, count)
        ):
            overlap.cultivated_m2, overlap.cultivated_net_m2 = float(gross), float(net_area)
        _sum_by_code(overlaps, subject, index.codes[feature], areas)
    columns = (  # what the pieces are made of; no reference to the index (nor to its layer) is kept
        index.key,
        index.arrays.fids[feature],
        index.labels,
        index.codes,
        index.deductions,
        index.areal(feature),
        to_wkb(pieces.shapes),  # compact: the shapes are dropped with the chunk
    )
    table = PieceTable(lambda: _make_pieces(subject, feature, areas, columns, count))
    for row, overlap in enumerate(overlaps):
        overlap.defer_pieces(table, row)
    return overlaps


def _make_pieces(
    subject: np.ndarray, feature: np.ndarray, areas: np.ndarray, columns: tuple, count: int
) -> List[List[OverlapPiece]]:
    """The OverlapPiece objects of one role and chunk, one list per subject."""
    key, fids, labels, codes, deductions, areal, wkbs = columns
    made: List[List[OverlapPiece]] = [[] for _ in range(count)]
    for position, fid, label, code, wkb, area, deduction, polygon in zip(
        subject.tolist(),
        fids.tolist(),
        labels[feature].tolist(),
        codes[feature].tolist(),
        wkbs.tolist(),
        areas.tolist(),
        deductions[feature].tolist(),
        areal.tolist(),
    ):
        made[position].append(OverlapPiece(key, fid, label, code, None, area, deduction, polygon, wkb))
    return made


def _sum_by_code(overlaps: List[RoleOverlap], subject: np.ndarray, codes: np.ndarray, areas: np.ndarray) -> None:
    """area_by_code_m2 of each subject: one group sum over (subject, code)."""
    areal = areas > 0
    if not areal.any():
        return
    names, code_ids = np.unique(codes[areal].astype(str), return_inverse=True)
    groups, group_of = np.unique(subject[areal] * len(names) + code_ids, return_inverse=True)
    sums = np.bincount(group_of, areas[areal], len(groups))
    for group, total in zip(groups.tolist(), sums.tolist()):
        overlaps[group // len(names)].area_by_code_m2[str(names[group % len(names)])] = total


def run_overlay(
    source: QgsFeatureSource,
    specs: Sequence[RoleSpec],
    context: QgsCoordinateTransformContext,
    area_mode: AreaMode = AreaMode.ELLIPSOIDAL,
    line_buffer_m: float = 0.0,
    cultivated_codes: Sequence[str] = DEFAULT_CULTIVATED_CODES,
    feedback: Optional[QgsFeedback] = None,
    working_crs: Optional[QgsCoordinateReferenceSystem] = None,
    inspect: Optional[Inspect] = None,
    threads: Optional[int] = None,
) -> OverlayReport:
    """Overlay every subject of ``source`` on every role; raises CheckCanceledError when cancelled.

    Line subjects become corridors buffered by ``line_buffer_m`` on each side (half the width).
    ``working_crs`` fixes the CRS to compute in (to compare the subjects of two layers); by default
    it is chosen from ``source``. ``inspect`` sees the subjects' and every role's arrays before
    anything is indexed (its findings end in ``OverlayReport.issues``; a DataCheckError it raises
    stops the run). Only role features near the subjects are read when they are a small part. When every
    role layer is a PostGIS table of one database, the database computes the overlay (``postgis.choose_engine``;
    ``OverlayReport.engine`` says which engine ran).
    """
    require_shapely()
    require_crs(source.sourceCrs(), source.sourceName())
    for spec in specs:
        require_crs(spec.source.sourceCrs(), spec.display_name())
    working_crs = working_crs or choose_working_crs(source.sourceCrs(), source.sourceExtent(), context)
    steps = StepFeedback(3, feedback)
    subjects, issues = read_subjects(source, working_crs, context, line_buffer_m, steps, inspect)
    from liaocheng_plugin.core.engine.postgis import choose_engine  # it builds on this module

    engine, choice = choose_engine(specs, working_crs, context, area_mode, cultivated_codes, threads, steps)
    steps.set_step(1)
    engine.build_indexes(specs, subjects_extent(subjects, 1.0), steps, inspect)
    steps.set_step(2)
    results = engine.overlay_arrays(subjects, steps)
    note = engine.measurer.describe()
    return OverlayReport(
        results, issues + engine.issues, working_crs, area_mode, note, choice.engine, choice.describe()
    )
