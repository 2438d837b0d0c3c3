"""PostgisEngine: the overlay of an OverlayEngine, computed by the database the protected layers live in.

It offers what the checks use of an OverlayEngine (``build_indexes``, ``overlay_arrays``,
``overlay_shapes``, ``overlay``, ``labels_near``, ``measurer``, ``threads``, ``working_crs``,
``indexes``, ``issues``) and returns the same result objects. Subjects are read, repaired and inspected
in QGIS as always (they are few); for each chunk of subjects and each role one statement
(``statements.pieces_statement``) finds the features through the GiST index, takes the containment
shortcuts, repairs invalid features only and cuts the rest. What comes back are the pieces, never the
layer. The pieces are then measured by the engine's own AreaMeasurer, made disjoint where a role's
features overlap each other (``pieces.separate_overlaps``) and summed per subject, role and land-use code
by ``overlay.role_overlaps``: the figures equal the in-process engine's to the last bits the geometry
allows (the same GEOS computes the pieces on both sides). Features found overlapping each other are
fetched whole (``met.py``) and reported as the in-process engine reports them (``self_overlaps.py``).

Statements run on ``threads`` connections at once, ahead of QGIS's own thread: the database works on the
next chunks (their pieces decoded and measured on the fetching threads) while QGIS sums the last one.
Each session is read only and cancellable (see ``session.py``).
"""

from collections import deque
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from threading import Lock, local
from typing import Dict, List, Optional, Sequence, Set, Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeedback,
    QgsGeometry,
    QgsRectangle,
)

from liaocheng_plugin.core.datacheck.findings import DataFinding
from liaocheng_plugin.core.definitions import DEFAULT_CULTIVATED_CODES, AreaMode, IssueKind
from liaocheng_plugin.core.engine.arrays import COLUMN_CODE, COLUMN_DEDUCTION, COLUMN_LABEL, LayerArrays
from liaocheng_plugin.core.engine.convert import from_qgis
from liaocheng_plugin.core.engine.dependency import shapely
from liaocheng_plugin.core.engine.issues import issue_finding
from liaocheng_plugin.core.engine.measure import AreaMeasurer
from liaocheng_plugin.core.engine.overlay import Inspect, role_overlaps
from liaocheng_plugin.core.engine.pieces import RolePieces, separate_overlaps
from liaocheng_plugin.core.engine.pool import thread_count
from liaocheng_plugin.core.engine.postgis.features import MetFeatures, Readings, database_keys, qgis_fids
from liaocheng_plugin.core.engine.postgis.inspection import (
    empty_findings,
    inspect_met,
    inspect_values,
    needs_features,
)
from liaocheng_plugin.core.engine.postgis.met import met_arrays
from liaocheng_plugin.core.engine.postgis.rows import ChunkPieces, decode
from liaocheng_plugin.core.engine.postgis.session import Session
from liaocheng_plugin.core.engine.postgis.statements import POINT, near_statement, pieces_statement
from liaocheng_plugin.core.engine.postgis.tables import Database, PostgisTable
from liaocheng_plugin.core.engine.reader import _worth_filtering
from liaocheng_plugin.core.engine.results import RoleOverlap, SubjectOverlap
from liaocheng_plugin.core.engine.self_overlaps import self_overlap_findings
from liaocheng_plugin.core.engine.spec import RoleSpec
from liaocheng_plugin.core.exceptions import CheckCanceledError
from liaocheng_plugin.core.progress import StepFeedback
from liaocheng_plugin.core.settings import OVERLAP_TOLERANCE_M2
from liaocheng_plugin.core.values import as_text

PIECE_COLUMNS = (COLUMN_LABEL, COLUMN_CODE, COLUMN_DEDUCTION)  # c0, c1, c2 of a pieces row
CHUNK_SIZE = 1024  # subjects per statement: what is in flight stays small while the database works ahead


class PostgisEngine:
    """The roles' tables in one database, overlaid there; the duck type of OverlayEngine the checks use.

    ``tables`` are the roles' tables by key (see ``choice.choose_engine``, which checks them first).
    ``indexes`` names the roles built by ``build_indexes`` (the database's GiST indexes stand in for
    the STRtrees). ``issues`` collects the DataFindings: features without geometry, repairs of features
    met, features of one role overlapping each other inside a subject, and the input check's findings.
    """

    def __init__(
        self,
        database: Database,
        tables: Dict[str, PostgisTable],
        working_crs: QgsCoordinateReferenceSystem,
        context: QgsCoordinateTransformContext,
        area_mode: AreaMode = AreaMode.ELLIPSOIDAL,
        cultivated_codes: Sequence[str] = DEFAULT_CULTIVATED_CODES,
        threads: Optional[int] = None,
    ):
        self.database = database
        self.tables = tables
        self.working_crs = working_crs
        self.context = context
        self.cultivated_codes = tuple(cultivated_codes)
        self.measurer = AreaMeasurer(working_crs, context, area_mode)
        self.threads = thread_count(threads)
        self.indexes: Dict[str, PostgisTable] = {}
        self.issues: List[DataFinding] = []
        self._specs: Dict[str, RoleSpec] = {}
        self._inspect: Optional[Inspect] = None
        self._readings: Dict[str, Readings] = {}
        self._inspected: Dict[str, Set[int]] = {}
        self._reported: Dict[str, Set[int]] = {}
        self.overlap_tolerance_m2 = OVERLAP_TOLERANCE_M2.value()
        self._overlaps: Dict[str, Set[Tuple[int, int]]] = {}  # role → feature-id pairs found overlapping
        self._unreported: Dict[str, List[Tuple[int, int]]] = {}  # role → those not reported yet

    def build_indexes(
        self,
        specs: Sequence[RoleSpec],
        filter_rect: Optional[QgsRectangle] = None,
        feedback: Optional[QgsFeedback] = None,
        inspect: Optional[Inspect] = None,
    ) -> List[DataFinding]:
        """Prepare every role: features without geometry reported, the input check's first call (see
        ``inspection.py``) on the features QGIS would read (around ``filter_rect`` when that pays off).
        Returns the findings of ``inspect`` (also added to ``issues``)."""
        self._inspect = inspect
        steps = StepFeedback(max(len(specs), 1), feedback)
        found: List[DataFinding] = []
        with Session(self.database, steps) as session:
            for step, spec in enumerate(specs):
                steps.set_step(step)
                table = self.tables[spec.key]
                self._specs[spec.key] = spec
                self.indexes[spec.key] = table
                self._inspected[spec.key], self._reported[spec.key] = set(), set()
                empty = empty_findings(session, table)
                # The box QGIS would read in (around the subjects when that pays off) decides what the input check
                # sees; a feature without geometry lies in no box. The layer's extent costs a scan: only when needed.
                rect = None
                if empty or inspect is not None:
                    rect = _worth_filtering(spec.source, filter_rect, self.working_crs, self.context)
                self.issues += empty if rect is None else []
                readings = Readings()
                if inspect is not None:
                    findings, readings = inspect_values(session, table, rect, inspect, self.working_crs)
                    found += findings
                self._readings[spec.key] = readings
        self.issues += found
        return found

    def overlay(self, geometry: QgsGeometry, subject_id: int = 0) -> SubjectOverlap:
        """Overlay one valid polygon (QgsGeometry in the working CRS) on every role."""
        shapes = np.array([from_qgis(geometry)], dtype=object)
        return self.overlay_shapes(shapes, np.array([subject_id], dtype=np.int64))[0]

    def overlay_arrays(self, subjects: LayerArrays, feedback: Optional[QgsFeedback] = None) -> List[SubjectOverlap]:
        """Every subject with a geometry; raises CheckCanceledError when cancelled (the running statement too)."""
        usable = np.flatnonzero(subjects.geometries != None)  # noqa: E711 - elementwise
        return self._overlay(subjects.geometries[usable], subjects.fids[usable], feedback)

    def overlay_shapes(self, shapes: np.ndarray, subject_ids: np.ndarray) -> List[SubjectOverlap]:
        """Overlay an array of valid shapely polygons (working CRS) on every role."""
        return self._overlay(shapes, subject_ids, None)

    def labels_near(self, key: str, shapes: np.ndarray, distance_m: float) -> List[List[str]]:
        """Labels of the role's features within ``distance_m`` of each shape (its buffer meets them), in fid order."""
        table = self.tables[key]
        around = shapely.buffer(shapes, distance_m, quad_segs=8)
        with Session(self.database) as session:
            rows = session.rows(near_statement(table, (COLUMN_LABEL,)), self._parameters(table, around), table.name)
        fids = qgis_fids(np.array([row[1] for row in rows], dtype=np.int64))
        positions = np.array([row[0] for row in rows], dtype=np.int64)
        found: List[List[str]] = [[] for _ in shapes]
        for index in np.lexsort((fids, positions)).tolist():
            position, label = rows[index][0], as_text(rows[index][2])
            if label and label not in found[position]:
                found[position].append(label)
        return found

    def _parameters(self, table: PostgisTable, shapes: np.ndarray) -> Dict[str, object]:
        return {"srid": table.srid, "shapes": shapely.to_wkb(shapes, byte_order=1).tolist()}

    def _overlay(self, shapes: np.ndarray, subject_ids: np.ndarray, feedback: Optional[QgsFeedback]):
        areas = self.measurer.areas(shapes)
        mode = self.measurer.mode
        results = [
            SubjectOverlap(int(subject_id), shape, float(area), area_mode=mode)
            for subject_id, shape, area in zip(subject_ids, shapes, areas)
        ]
        chunks = [(start, min(start + CHUNK_SIZE, len(shapes))) for start in range(0, len(shapes), CHUNK_SIZE)]
        tasks = [(chunk, key) for chunk in chunks for key in self.indexes]
        met: Dict[str, Set[int]] = {key: set() for key in self.indexes}
        with _Sessions(self.database, feedback, max(1, min(self.threads, len(tasks)))) as sessions:
            measurers = local()  # QgsDistanceArea (a CRS other than Gauss–Krüger) is not shared between threads

            def fetch(task) -> ChunkPieces:
                (start, stop), key = task
                table = self.tables[key]
                parameters = self._parameters(table, shapes[start:stop])
                rows = sessions.current().rows(pieces_statement(table, PIECE_COLUMNS), parameters, table.name)
                if not hasattr(measurers, "measurer"):
                    measurers.measurer = AreaMeasurer(self.working_crs, self.context, self.measurer.mode)
                return decode(rows, shapes[start:stop], areas[start:stop], measurers.measurer.areas)

            with closing(sessions.ordered(fetch, tasks)) as fetched:  # stopped (and its statements) before closing
                for done, ((start, stop), key), chunk in fetched:
                    if feedback is not None:
                        feedback.setProgress(100.0 * done / len(tasks))
                    met[key].update(chunk.met)
                    for result, overlap in zip(results[start:stop], self._role_overlaps(key, chunk, stop - start)):
                        result.roles[key] = overlap
            if self._inspect is not None:
                for key, keys in met.items():
                    fresh = keys - self._inspected[key]
                    self._inspected[key] |= fresh
                    if fresh and needs_features(self.tables[key]):
                        table = self.tables[key]
                        session, readings = sessions.current(), self._readings[key]
                        self.issues += inspect_met(session, table, fresh, readings, self._inspect, self.working_crs)
            self._report_overlaps(sessions.current())
        return results

    def _role_overlaps(self, key: str, chunk: ChunkPieces, count: int) -> List[RoleOverlap]:
        """One role's overlaps of a chunk of ``count`` subjects: pieces made disjoint, summed by the engine's code."""
        table = self.tables[key]
        self._report(table, chunk.unrepairable, IssueKind.UNREPAIRABLE)
        unique, feature = np.unique(chunk.fids, return_inverse=True)
        pieces = RolePieces(chunk.at, feature, chunk.shapes, chunk.areas)
        cut, overlapping = separate_overlaps(pieces, self.measurer.areas, self.threads)
        self._note_overlaps(key, unique[overlapping])
        kept = set(unique[cut.feature].tolist())
        repaired = [(fid, raw) for fid, raw in zip(chunk.fids.tolist(), chunk.raw) if raw is not None and fid in kept]
        self._report(table, repaired, IssueKind.REPAIRED)
        first = np.unique(feature, return_index=True)[1]
        readings = self._readings[key]
        met = MetFeatures(
            self._specs[key],
            unique,
            [chunk.values[i][0] for i in first],
            readings.read(COLUMN_CODE, [chunk.values[i][1] for i in first]),
            readings.read(COLUMN_DEDUCTION, [chunk.values[i][2] for i in first]),
            chunk.kinds[first] != POINT,
            self.cultivated_codes,
        )
        return role_overlaps(met, cut, count)

    def _note_overlaps(self, key: str, pairs: np.ndarray) -> None:
        """Keep the feature-id pairs (lower first) found overlapping that were not found before."""
        found = self._overlaps.setdefault(key, set())
        for pair in map(tuple, pairs.tolist()):
            if pair not in found:
                found.add(pair)
                self._unreported.setdefault(key, []).append(pair)

    def _report_overlaps(self, session: Session) -> None:
        """The overlapping pairs found since the last report, as the in-process engine reports them: the shared
        area of the whole features (fetched, repaired alike), the pairs in feature order."""
        for key, pairs in self._unreported.items():
            pairs = np.array(sorted(pairs), dtype=np.int64)
            keys = database_keys(np.unique(pairs)).tolist()
            arrays = met_arrays(session, self.tables[key], keys, crs=self.working_crs)
            if not len(arrays):
                continue
            positions = np.minimum(np.searchsorted(arrays.fids, pairs), len(arrays) - 1)
            found = (arrays.fids[positions] == pairs).all(axis=1)  # a feature deleted meanwhile is left out
            self.issues += self_overlap_findings(
                arrays, positions[found], self.measurer.areas, self.overlap_tolerance_m2
            )
        self._unreported = {}

    def _report(self, table: PostgisTable, features: List[tuple], kind: IssueKind) -> None:
        """Report each (fid, stored WKB) repaired or left unrepairable once per run, with GEOS's reason, as the
        in-process engine does (a repair once a subject meets the feature)."""
        reported = self._reported[table.key]
        for fid, raw in features:
            if fid not in reported:
                reported.add(fid)
                reason = shapely.is_valid_reason(shapely.from_wkb(raw))
                self.issues.append(issue_finding(table.name, fid, kind, reason))


class _Sessions:
    """Up to ``count`` sessions, one per worker thread, running fetches ahead of the one consuming them."""

    def __init__(self, database: Database, feedback: Optional[QgsFeedback], count: int):
        self.database, self.feedback, self.count = database, feedback, count
        self._local = local()
        self._lock = Lock()
        self._open: List[Session] = []

    def __enter__(self) -> "_Sessions":
        return self

    def __exit__(self, *exc) -> None:
        with self._lock:
            for session in self._open:
                session.close()

    def cancel(self) -> None:
        """Cancel whatever statement any session is running (the run stops early)."""
        with self._lock:
            for session in self._open:
                session.cancel()

    def current(self) -> Session:
        """This thread's session (opened on first use)."""
        session = getattr(self._local, "session", None)
        if session is None:
            session = Session(self.database, self.feedback)
            self._local.session = session
            with self._lock:
                self._open.append(session)
        return session

    def ordered(self, fetch, tasks: list):
        """(index, task, fetch(task)) in task order, ``count`` fetches running ahead on worker threads; a result
        is let go once handed over, so only ``count`` + 1 are ever held."""
        with ThreadPoolExecutor(max_workers=self.count, thread_name_prefix="liaocheng-postgis") as executor:
            pending = deque(executor.submit(fetch, task) for task in tasks[: self.count])
            finished = False
            try:
                for index, task in enumerate(tasks):
                    fetched = pending.popleft().result()
                    if index + self.count < len(tasks):
                        pending.append(executor.submit(fetch, tasks[index + self.count]))
                    yield index, task, fetched
                    del fetched
                    if self.feedback is not None and self.feedback.isCanceled():
                        raise CheckCanceledError()
                finished = True
            finally:
                if not finished:
                    for future in pending:
                        future.cancel()
                    self.cancel()
