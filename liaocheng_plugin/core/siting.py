"""项目选址: sites and route corridors against the protected layers; chainage, clear part, ranking."""

from dataclasses import dataclass, field
from typing import List, Optional, Sequence

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsFeedback,
    QgsGeometry,
    QgsPointXY,
    QgsWkbTypes,
)

from liaocheng_plugin.core.compat import GEOMETRY_LINE, GEOMETRY_POLYGON
from liaocheng_plugin.core.crs import choose_working_crs, require_crs
from liaocheng_plugin.core.datacheck.figures import format_area, is_finding
from liaocheng_plugin.core.definitions import DEFAULT_CULTIVATED_CODES, AreaMode, Role
from liaocheng_plugin.core.exceptions import LiaochengError
from liaocheng_plugin.core.geometry_repair import GeometryIssue, clean_polygon, polygonal_part
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.overlay import OverlayEngine, SubjectOverlap
from liaocheng_plugin.core.progress import StepFeedback
from liaocheng_plugin.core.protected_index import RoleSpec, iterate_features
from liaocheng_plugin.core.units import m2_to_mu, round_mu

DEFAULT_VILLAGE_DISTANCE_M = 200.0
DEFAULT_ROUTE_WIDTH_M = 60.0
CROSSING_ROLES = (Role.PERMANENT_FARMLAND.value, Role.ECOLOGICAL_REDLINE.value)


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
    sites: List[SiteResult]
    working_crs: QgsCoordinateReferenceSystem
    issues: List[GeometryIssue]


def route_crossings(centerline: QgsGeometry, overlap: SubjectOverlap, measurer) -> List[Crossing]:
    """Chainage intervals where the corridor meets farmland or red line: each connected part, projected on the line."""
    crossings = []
    for role in CROSSING_ROLES:
        role_overlap = overlap.roles.get(role)
        if role_overlap is None or role_overlap.geometry.isEmpty():
            continue
        for part in role_overlap.geometry.asGeometryCollection():
            positions = [
                centerline.lineLocatePoint(QgsGeometry.fromPointXY(QgsPointXY(v.x(), v.y()))) for v in part.vertices()
            ]
            positions = [position for position in positions if position >= 0]
            if positions:
                crossings.append(Crossing(role, min(positions), max(positions), part, measurer.area(part)))
    return sorted(crossings, key=lambda crossing: crossing.from_m)


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
) -> SitingReport:
    """Check every site (polygon) or route (line, corridor ``width_m`` wide) and rank the alternatives.

    An ``engine`` with indexes already built can be passed (the interactive panel keeps one).
    """
    layer_name = source.sourceName()
    require_crs(source.sourceCrs(), layer_name)
    geometry_type = QgsWkbTypes.geometryType(source.wkbType())
    if geometry_type not in (GEOMETRY_POLYGON, GEOMETRY_LINE):
        raise LiaochengError(tr("Layer “{}” must hold site polygons or route lines.").format(layer_name))
    if geometry_type == GEOMETRY_LINE and width_m <= 0:
        raise LiaochengError(tr("Routes in “{}” need a corridor width greater than 0 m.").format(layer_name))
    steps = StepFeedback(2, feedback)
    if engine is None:
        working_crs = choose_working_crs(source.sourceCrs(), source.sourceExtent(), context)
        engine = OverlayEngine(working_crs, context, area_mode, cultivated_codes)
        engine.build_indexes(specs, None, steps)
    steps.set_step(1)
    issues: List[GeometryIssue] = []
    transform = QgsCoordinateTransform(source.sourceCrs(), engine.working_crs, context)
    name_index = source.fields().lookupField(name_field) if name_field else -1
    sites = []
    for feature in iterate_features(source, QgsFeatureRequest()):
        steps.raise_if_canceled()
        centerline = None
        if geometry_type == GEOMETRY_LINE:
            centerline = QgsGeometry(feature.geometry())
            centerline.transform(transform)
        geometry = clean_polygon(feature.geometry(), layer_name, feature.id(), issues, transform, width_m / 2.0)
        if geometry is None:
            continue
        name = str(feature.attributes()[name_index]) if name_index >= 0 else str(feature.id())
        sites.append(check_site(engine, geometry, feature.id(), name, centerline, village_distance_m))
    rank_sites(sites)
    return SitingReport(sites, engine.working_crs, issues + engine.issues)


def check_site(
    engine: OverlayEngine,
    geometry: QgsGeometry,
    subject_id: int,
    name: str,
    centerline: Optional[QgsGeometry],
    village_distance_m: float,
) -> SiteResult:
    """One site or corridor (valid polygon in the working CRS) against the engine's indexes."""
    result = SiteResult(subject_id, name, engine.overlay(geometry, subject_id), centerline)
    villages = engine.indexes.get(Role.VILLAGES.value)
    if villages is not None:
        result.villages_inside = result.overlap.roles[Role.VILLAGES.value].labels
        near = OverlayEngine(engine.working_crs, engine.context, engine.measurer.mode)
        near.indexes = {Role.VILLAGES.value: villages}
        around = near.overlay(geometry.buffer(village_distance_m, 8), subject_id).roles[Role.VILLAGES.value].labels
        result.villages_near = [name for name in around if name not in result.villages_inside]
    conflicts = [
        result.overlap.roles[role].geometry
        for role in CROSSING_ROLES
        if role in result.overlap.roles and not result.overlap.roles[role].geometry.isEmpty()
    ]
    result.clear = polygonal_part(geometry.difference(QgsGeometry.unaryUnion(conflicts))) if conflicts else geometry
    result.clear_m2 = engine.measurer.area(result.clear) if not result.clear.isEmpty() else 0.0
    if centerline is not None:
        result.crossings = route_crossings(centerline, result.overlap, engine.measurer)
    return result


def rank_sites(sites: List[SiteResult]) -> None:
    """Rank alternatives: fewest 亩 of farmland + red line first, then cultivated land, villages, length/area."""
    for rank, site in enumerate(sorted(sites, key=SiteResult.rank_key), start=1):
        site.rank = rank
