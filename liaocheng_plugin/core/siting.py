"""项目选址: sites and route corridors against the protected layers; chainage, clear part, ranking."""

from dataclasses import dataclass, field
from typing import List, Optional, Sequence, Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeatureSource,
    QgsFeedback,
    QgsGeometry,
    QgsWkbTypes,
)

from liaocheng_plugin.core.compat import GEOMETRY_LINE, GEOMETRY_POLYGON
from liaocheng_plugin.core.crs import choose_working_crs, require_crs
from liaocheng_plugin.core.datacheck.figures import format_area, is_finding
from liaocheng_plugin.core.datacheck.findings import DataFinding
from liaocheng_plugin.core.definitions import DEFAULT_CULTIVATED_CODES, AreaMode, Role
from liaocheng_plugin.core.engine import AreaMeasurer, OverlayEngine, RoleSpec, SubjectOverlap, require_shapely
from liaocheng_plugin.core.engine.arrays import COLUMN_LABEL, LayerArrays
from liaocheng_plugin.core.engine.convert import from_qgis, to_qgis
from liaocheng_plugin.core.engine.dependency import shapely
from liaocheng_plugin.core.engine.overlay import SUBJECT_KEY, Inspect, inspect_arrays
from liaocheng_plugin.core.engine.postgis import LOCAL, EngineChoice, choose_engine
from liaocheng_plugin.core.engine.reader import read_layer
from liaocheng_plugin.core.engine.repair import repair_geometries
from liaocheng_plugin.core.engine.shapes import chainage_spans, outside_parts
from liaocheng_plugin.core.exceptions import LiaochengError
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.progress import StepFeedback
from liaocheng_plugin.core.units import m2_to_mu, round_mu
from liaocheng_plugin.core.values import as_text

DEFAULT_VILLAGE_DISTANCE_M = 200.0
DEFAULT_ROUTE_WIDTH_M = 60.0
CROSSING_ROLES = (Role.PERMANENT_FARMLAND.value, Role.ECOLOGICAL_REDLINE.value)
CROSSING_GAP_M = 1.0  # crossings of one role closer than this along the route are one (chainage is to the metre)


def chainage(metres: float) -> str:
    """Chainage (桩号) of a distance along a route: 12300.4 → "K12+300"."""
    total = int(round(metres))
    return f"K{total // 1000}+{total % 1000:03d}"


@dataclass
class Crossing:
    """A stretch of a route whose corridor lies on farmland or red line."""

    role: str
    from_m: float
    to_m: float
    geometry: QgsGeometry
    area_m2: float

    @property
    def length_m(self) -> float:
        return self.to_m - self.from_m


@dataclass
class SiteResult:
    """The verdict on one site or route alternative."""

    subject_id: int
    name: str
    overlap: SubjectOverlap
    centerline: Optional[QgsGeometry] = None
    villages_inside: List[str] = field(default_factory=list)
    villages_near: List[str] = field(default_factory=list)
    crossings: List[Crossing] = field(default_factory=list)
    clear: QgsGeometry = field(default_factory=QgsGeometry)
    clear_m2: float = 0.0
    rank: int = 0

    def role_mu(self, role: str) -> float:
        return m2_to_mu(self.overlap.area_m2_of(role))

    @property
    def cultivated_m2(self) -> float:
        survey = self.overlap.roles.get(Role.LAND_SURVEY.value)
        return survey.cultivated_m2 if survey else 0.0

    @property
    def inside_boundary_pct(self) -> Optional[float]:
        if Role.DEVELOPMENT_BOUNDARY.value not in self.overlap.roles:
            return None
        return self.overlap.percent_of(Role.DEVELOPMENT_BOUNDARY.value)

    @property
    def length_m(self) -> float:
        return self.centerline.length() if self.centerline is not None else 0.0

    @property
    def score(self) -> float:
        """亩 of permanent farmland plus red line: the first ranking criterion (lower is better)."""
        return self.role_mu(Role.PERMANENT_FARMLAND.value) + self.role_mu(Role.ECOLOGICAL_REDLINE.value)

    def rank_key(self):
        """Farmland + red line, then cultivated land, then villages, then length (routes) or area (sites)."""
        size = self.length_m if self.centerline is not None else self.overlap.area_m2
        return (
            round(self.score, 2),
            round_mu(self.cultivated_m2),
            len(self.villages_inside) + len(self.villages_near),
            size,
        )

    def findings(self) -> List[str]:
        """Readable statements a planner acts on."""
        lines = []
        for role, text in (
            (Role.PERMANENT_FARMLAND.value, tr("occupies permanent basic farmland {} ({:.1f}%)")),
            (Role.ECOLOGICAL_REDLINE.value, tr("enters the ecological red line {} ({:.1f}%)")),
        ):
            if is_finding(self.overlap.area_m2_of(role)):
                lines.append(text.format(format_area(self.overlap.area_m2_of(role)), self.overlap.percent_of(role)))
        if is_finding(self.cultivated_m2):
            lines.append(
                tr("occupies cultivated land {}: needs compensation (占补平衡)").format(format_area(self.cultivated_m2))
            )
        inside = self.inside_boundary_pct
        outside_m2 = self.overlap.area_m2 - self.overlap.area_m2_of(Role.DEVELOPMENT_BOUNDARY.value)
        if inside is not None and is_finding(outside_m2):
            lines.append(
                tr("{:.1f}% outside the urban development boundary: a separately sited project (单独选址)").format(
                    100.0 - inside
                )
            )
        if self.villages_inside:
            lines.append(tr("villages inside: {}").format("、".join(self.villages_inside)))
        if self.villages_near:
            lines.append(tr("villages nearby: {}").format("、".join(self.villages_near)))
        return lines


@dataclass
class SitingReport:
    """The sites ranked, and where the overlay ran (``engine``, ``engine_note``: see OverlayReport)."""

    sites: List[SiteResult]
    working_crs: QgsCoordinateReferenceSystem
    issues: List[DataFinding]
    engine: str = LOCAL
    engine_note: str = ""


def route_crossings(centerline, overlap: SubjectOverlap, measurer: AreaMeasurer) -> List[Crossing]:
    """Chainage intervals where the corridor meets farmland or red line, disjoint within each role.

    Each connected part of a role's overlap is projected on ``centerline`` (the route as a shapely line in the
    working CRS): its interval runs from the first to the last of its vertices along the route. Parts of one role
    whose intervals overlap or lie less than CROSSING_GAP_M apart (the chainage's own precision) are one crossing:
    its geometry their union, its area their sum. So a role's crossings never overlap and their lengths add up to
    at most the route's length.
    """
    found = []
    for role in CROSSING_ROLES:
        role_overlap = overlap.roles.get(role)
        if role_overlap is not None:
            found += [(role, *span) for span in merged_spans(chainage_spans(centerline, role_overlap.shape))]
    areas = measurer.areas(np.array([part for _, part, _, _ in found], dtype=object))
    crossings = [
        Crossing(role, start, end, to_qgis(part), float(area)) for (role, part, start, end), area in zip(found, areas)
    ]
    return sorted(crossings, key=lambda crossing: (crossing.from_m, crossing.role))


def merged_spans(spans: Sequence[Tuple[object, float, float]]) -> List[Tuple[object, float, float]]:
    """(part, from, to) spans of one role merged where they overlap or nearly touch (CROSSING_GAP_M): the parts
    of a merged span are collected into one (multi)polygon."""
    merged: List[Tuple[List[object], float, float]] = []
    for part, start, end in sorted(spans, key=lambda span: span[1]):
        if merged and start - merged[-1][2] < CROSSING_GAP_M:
            parts, first, last = merged[-1]
            merged[-1] = (parts + [part], first, max(last, end))
        else:
            merged.append(([part], start, end))
    return [
        (parts[0] if len(parts) == 1 else shapely.multipolygons(shapely.get_parts(parts)), start, end)
        for parts, start, end in merged
    ]


def check_sites(
    source: QgsFeatureSource,
    specs: Sequence[RoleSpec],
    context: QgsCoordinateTransformContext,
    name_field: str = "",
    width_m: float = DEFAULT_ROUTE_WIDTH_M,
    village_distance_m: float = DEFAULT_VILLAGE_DISTANCE_M,
    area_mode: AreaMode = AreaMode.ELLIPSOIDAL,
    cultivated_codes: Sequence[str] = DEFAULT_CULTIVATED_CODES,
    feedback: Optional[QgsFeedback] = None,
    engine: Optional[OverlayEngine] = None,
    inspect: Optional[Inspect] = None,
) -> SitingReport:
    """Check every site (polygon) or route (line, corridor ``width_m`` wide) and rank the alternatives.

    An ``engine`` with indexes already built can be passed (the interactive panel keeps one); else the
    check runs in the protected layers' database when it can (see run_overlay).
    ``inspect`` (the input check) sees the sites' and the roles' arrays first (see run_overlay).
    """
    require_shapely()
    layer_name = source.sourceName()
    require_crs(source.sourceCrs(), layer_name)
    geometry_type = QgsWkbTypes.geometryType(source.wkbType())
    if geometry_type not in (GEOMETRY_POLYGON, GEOMETRY_LINE):
        raise LiaochengError(tr("Layer “{}” must hold site polygons or route lines.").format(layer_name))
    if geometry_type == GEOMETRY_LINE and width_m <= 0:
        raise LiaochengError(tr("Routes in “{}” need a corridor width greater than 0 m.").format(layer_name))
    steps = StepFeedback(2, feedback)
    issues: List[DataFinding] = []
    choice = EngineChoice(LOCAL, tr("indexes built in QGIS by the panel"))
    if engine is None:
        working_crs = choose_working_crs(source.sourceCrs(), source.sourceExtent(), context)
        engine, choice = choose_engine(specs, working_crs, context, area_mode, cultivated_codes, feedback=steps)
        issues += engine.build_indexes(specs, None, steps, inspect)
    steps.set_step(1)
    columns = {COLUMN_LABEL: name_field} if name_field else {}
    arrays, found = read_layer(source, SUBJECT_KEY, layer_name, columns, engine.working_crs, context, None, steps)
    issues += found
    centerlines, prepared = prepare_sites(engine, arrays, geometry_type == GEOMETRY_LINE, width_m, inspect)
    issues += prepared
    steps.raise_if_canceled()
    names = arrays.columns.get(COLUMN_LABEL)
    labels = [as_text(name) for name in names] if names is not None else [""] * len(arrays.fids)
    sites = check_prepared_sites(engine, arrays, labels, centerlines, village_distance_m)
    rank_sites(sites)
    return SitingReport(sites, engine.working_crs, [*engine.issues, *issues], choice.engine, choice.describe())


def prepare_sites(
    engine: OverlayEngine, arrays: LayerArrays, routes: bool, width_m: float, inspect: Optional[Inspect] = None
) -> Tuple[Optional[np.ndarray], List[DataFinding]]:
    """Sites or routes read into ``arrays`` (working CRS) made fit to check, in place: polygons repaired,
    ``inspect`` (the input check) on them as drawn (a route of one point has no length), then routes made
    corridors ``width_m`` wide. Returns the routes' centre lines (None for sites) and the findings."""
    findings = repair_geometries(arrays, threads=engine.threads)
    findings += inspect_arrays(arrays, inspect)
    if not routes:
        return None, findings
    centerlines = arrays.geometries.copy()
    findings += repair_geometries(arrays, width_m / 2.0, engine.threads)
    return centerlines, findings


def check_prepared_sites(
    engine: OverlayEngine,
    arrays: LayerArrays,
    names: Sequence[str],
    centerlines: Optional[np.ndarray],
    village_distance_m: float,
) -> List[SiteResult]:
    """The sites of ``arrays`` made ready by ``prepare_sites`` (those with a geometry), checked in bulk; a site
    without a name is named by its place among them (方案 1, 线路 2 …)."""
    usable = np.flatnonzero(arrays.geometries != None)  # noqa: E711 - elementwise
    numbered = tr("Route {}") if centerlines is not None else tr("Alternative {}")
    return check_site_shapes(
        engine,
        arrays.geometries[usable],
        arrays.fids[usable],
        [names[i] or numbered.format(position) for position, i in enumerate(usable, start=1)],
        centerlines[usable] if centerlines is not None else None,
        village_distance_m,
    )


def check_drawn_sites(
    engine: OverlayEngine,
    layer_name: str,
    shapes: Sequence[object],
    subject_ids: Sequence[int],
    names: Sequence[str],
    routes: bool,
    width_m: float,
    village_distance_m: float,
    inspect: Optional[Inspect] = None,
) -> Tuple[List[SiteResult], List[DataFinding]]:
    """Sites or routes drawn or chosen in the panel (shapely geometries in the working CRS, as drawn) checked
    as ``check_sites`` checks a layer's: repaired, inspected (a DataCheckError stops them), routes made corridors.
    ``layer_name`` names them in findings ("Sketches", or the layer they were chosen from)."""
    geometries = np.empty(len(shapes), dtype=object)
    geometries[:] = list(shapes)
    ids = np.asarray(subject_ids, dtype=np.int64)
    arrays = LayerArrays(layer_name, SUBJECT_KEY, ids, geometries, crs=engine.working_crs)
    centerlines, findings = prepare_sites(engine, arrays, routes, width_m, inspect)
    return check_prepared_sites(engine, arrays, names, centerlines, village_distance_m), findings


def check_site(
    engine: OverlayEngine,
    geometry: QgsGeometry,
    subject_id: int,
    name: str,
    centerline: Optional[QgsGeometry],
    village_distance_m: float,
) -> SiteResult:
    """One site or corridor (valid polygon in the working CRS) against the engine's indexes (interactive use)."""
    shapes = np.array([from_qgis(geometry)], dtype=object)
    lines = np.array([from_qgis(centerline)], dtype=object) if centerline is not None else None
    return check_site_shapes(engine, shapes, np.array([subject_id]), [name], lines, village_distance_m)[0]


def check_site_shapes(
    engine: OverlayEngine,
    shapes: np.ndarray,
    subject_ids: np.ndarray,
    names: List[str],
    centerlines: Optional[np.ndarray],
    village_distance_m: float,
) -> List[SiteResult]:
    """Sites or corridors (shapely polygons, working CRS) checked in bulk: overlay, villages, clear part, crossings."""
    overlaps = engine.overlay_shapes(shapes, subject_ids)
    sites = [
        SiteResult(int(subject_id), name, overlap, to_qgis(centerlines[i]) if centerlines is not None else None)
        for i, (subject_id, name, overlap) in enumerate(zip(subject_ids, names, overlaps))
    ]
    if Role.VILLAGES.value in engine.indexes:
        near = engine.labels_near(Role.VILLAGES.value, shapes, village_distance_m)
        for site, around in zip(sites, near):
            site.villages_inside = site.overlap.roles[Role.VILLAGES.value].labels
            site.villages_near = [label for label in around if label not in site.villages_inside]
    conflicts = [conflict_shape(site.overlap) for site in sites]
    clear = outside_parts(shapes, conflicts)
    for site, shape, area in zip(sites, clear, engine.measurer.areas(clear)):
        site.clear, site.clear_m2 = to_qgis(shape), float(area)
    if centerlines is not None:
        for site, centerline in zip(sites, centerlines):
            site.crossings = route_crossings(centerline, site.overlap, engine.measurer)
    return sites


def conflict_shape(overlap: SubjectOverlap):
    """The union of a subject's farmland and red-line parts (shapely); None when it has neither."""
    parts = [overlap.roles[role].shape for role in CROSSING_ROLES if role in overlap.roles]
    parts = [part for part in parts if part is not None]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else shapely.union_all(parts)


def rank_sites(sites: List[SiteResult]) -> None:
    """Rank alternatives: fewest 亩 of farmland + red line first, then cultivated land, villages, length/area."""
    for rank, site in enumerate(sorted(sites, key=SiteResult.rank_key), start=1):
        site.rank = rank
