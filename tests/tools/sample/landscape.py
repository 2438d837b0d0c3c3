"""Synthetic protected layers of one county: survey patches, farmland, red line, boundary, villages."""

import csv
import math
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Tuple

import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDistanceArea,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsSpatialIndex,
    QgsVectorLayer,
)

from liaocheng_plugin.core.engine.convert import qgis_from_wkb
from tests.tools.sample.edges import detailed_edges
from tests.tools.sample.gcj02 import geometry_gcj02_to_wgs84, point_gcj02_to_wgs84
from tests.tools.sample.names import village_names

DATA = Path(__file__).resolve().parents[2] / "data" / "liaocheng"
LANDUSE_CODES = Path(__file__).resolve().parents[3] / "resources" / "data" / "landuse_codes.csv"
WORKING_CRS = QgsCoordinateReferenceSystem("EPSG:4527")

URBAN_MIX = {"0701": 35, "0601": 16, "05H1": 10, "08H1": 8, "0810": 5, "1004": 6, "1201": 4, "0102": 13, "1104": 3}
RED_LINE_MIX = {"0301": 30, "0305": 5, "0404": 15, "1104": 10, "0102": 25, "0201": 10, "1106": 5}
RURAL_MIX = {
    "0102": 80.0,
    "0103": 6.0,
    "0101": 1.0,
    "0201": 3.0,
    "0301": 2.5,
    "0307": 1.0,
    "1104": 1.5,
    "1104A": 1.0,
    "1202": 1.5,
    "1006": 1.0,
    "1107": 0.5,
    "0602": 0.5,
    "0404": 0.5,
    "0201K": 0.5,
}
KCXS_VALUES = (0.013, 0.022, 0.035, 0.048, 0.066)
# Development-boundary radius (m) around the seat for the counties that get full layers.
BOUNDARY_RADIUS_M = {"371502": 6500.0, "371503": 4000.0}


@dataclass
class County:
    """A real county outline (GCJ-02 removed) in EPSG:4527 with its seat and townships."""

    code: str
    name: str
    geometry: QgsGeometry
    seat: QgsPointXY
    townships: List[Tuple[str, str]]


@dataclass
class Patch:
    """One land-use survey patch (DLTB record)."""

    geometry: QgsGeometry
    code: str
    township: Tuple[str, str]
    village: Tuple[str, str]
    kcxs: float
    gddb: int
    urban: bool
    in_red_line: bool


@dataclass
class Landscape:
    """All synthetic protected layers of one county."""

    county: County
    patches: List[Patch] = field(default_factory=list)
    boundary: QgsGeometry = field(default_factory=QgsGeometry)
    red_line: QgsGeometry = field(default_factory=QgsGeometry)
    river: QgsGeometry = field(default_factory=QgsGeometry)
    villages: List[Tuple[str, str, QgsGeometry]] = field(default_factory=list)
    townships: List[Tuple[str, str, QgsGeometry]] = field(default_factory=list)
    farmland: List[Patch] = field(default_factory=list)


def land_code_names() -> Dict[str, str]:
    """三调 code → Chinese name, from the bundled code list."""
    with open(LANDUSE_CODES, encoding="utf-8") as handle:
        return {row["code"]: row["name_zh"] for row in csv.DictReader(handle)}


def to_working() -> QgsCoordinateTransform:
    return QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), WORKING_CRS, QgsProject.instance())


def read_counties() -> Dict[str, County]:
    """The 8 real counties of Liaocheng, converted from GCJ-02 and projected to EPSG:4527."""
    with open(DATA / "liaocheng_townships_nbs2022.csv", encoding="utf-8") as handle:
        townships: Dict[str, List[Tuple[str, str]]] = {}
        for row in csv.DictReader(handle):
            townships.setdefault(row["areaCode"], []).append((row["code"], row["name"]))
    layer = QgsVectorLayer(str(DATA / "liaocheng_counties_amap_gcj02.shp"), "counties", "ogr")
    transform = to_working()
    counties = {}
    for feature in layer.getFeatures():
        geometry = geometry_gcj02_to_wgs84(feature.geometry())
        geometry.transform(transform)
        seat = transform.transform(point_gcj02_to_wgs84(float(feature["centerlng"]), float(feature["centerlat"])))
        code = str(feature["adcode"])
        counties[code] = County(code, feature["name"], geometry.makeValid(), seat, townships.get(code, []))
    return counties


def grade_at(x: float, y: float) -> int:
    """The cultivated-land grade (GDDB, 1 best) of the sample at a point: smooth over the county, 2–8."""
    return 5 + round(1.5 * math.sin(x / 7000.0) + 1.2 * math.cos(y / 9000.0))


def weighted_choice(rng: random.Random, weights: Dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def star_polygon(centre: QgsPointXY, radius: float, rng: random.Random, vertices: int = 72) -> QgsGeometry:
    """An irregular blob around ``centre``, the shape of a development boundary."""
    phases = [rng.uniform(0, 2 * math.pi) for _ in range(3)]
    points = []
    for i in range(vertices):
        angle = 2 * math.pi * i / vertices
        r = radius * (
            1
            + 0.22 * math.sin(3 * angle + phases[0])
            + 0.1 * math.sin(7 * angle + phases[1])
            + 0.05 * math.sin(13 * angle + phases[2])
        )
        points.append(QgsPointXY(centre.x() + r * math.cos(angle), centre.y() + r * math.sin(angle)))
    return QgsGeometry.fromPolygonXY([points + [points[0]]])


def meandering_river(county: County, rng: random.Random) -> QgsGeometry:
    """A river crossing the county from south-west to north-east, meandering."""
    box = county.geometry.boundingBox()
    start = QgsPointXY(box.xMinimum() - 2000, box.yMinimum() + box.height() * rng.uniform(0.15, 0.35))
    end = QgsPointXY(box.xMaximum() + 2000, box.yMinimum() + box.height() * rng.uniform(0.55, 0.8))
    length = math.hypot(end.x() - start.x(), end.y() - start.y())
    ux, uy = (end.x() - start.x()) / length, (end.y() - start.y()) / length
    points = []
    for i in range(241):
        t = i / 240
        offset = 900 * math.sin(t * 9 * math.pi) + 2500 * math.sin(t * 2 * math.pi + 1)
        points.append(QgsPointXY(start.x() + ux * length * t - uy * offset, start.y() + uy * length * t + ux * offset))
    return QgsGeometry.fromPolylineXY(points)


def voronoi_cells(county: County, spacing: float, rng: random.Random, detail: bool = False) -> List[QgsGeometry]:
    """Field-like cells: Voronoi polygons of a jittered grid, clipped to the county.

    With ``detail`` every cell edge is bent alike on both sides (about 24 vertices a cell, as real
    survey patches have, see ``edges.py``); without, cells keep their straight edges (about 7 vertices).
    """
    box = county.geometry.boundingBox()
    sites = []
    y = box.yMinimum()
    while y < box.yMaximum():
        x = box.xMinimum()
        while x < box.xMaximum():
            sites.append(QgsPointXY(x + rng.uniform(-0.4, 0.4) * spacing, y + rng.uniform(-0.4, 0.4) * spacing))
            x += spacing
        y += spacing
    diagram = QgsGeometry.fromMultiPointXY(sites).voronoiDiagram(QgsGeometry.fromRect(box.buffered(spacing)))
    diagram_cells = diagram.asGeometryCollection()
    if detail:
        bent = detailed_edges(shapely.from_wkb([bytes(cell.asWkb()) for cell in diagram_cells]), rng.randrange(2**31))
        diagram_cells = [qgis_from_wkb(wkb) for wkb in shapely.to_wkb(bent)]
    engine = QgsGeometry.createGeometryEngine(county.geometry.constGet())
    engine.prepareGeometry()
    cells = []
    for cell in diagram_cells:
        if engine.contains(cell.constGet()):
            cells.append(cell)
        elif engine.intersects(cell.constGet()):
            clipped = cell.intersection(county.geometry)
            for part in clipped.asGeometryCollection():
                if part.area() > 0.05 * spacing * spacing:
                    cells.append(part)
    cells.sort(key=lambda g: (round(g.centroid().asPoint().y()), round(g.centroid().asPoint().x())))
    return cells


def point_index(points: List[QgsPointXY]) -> QgsSpatialIndex:
    index = QgsSpatialIndex()
    for i, point in enumerate(points):
        feature = QgsFeature(i)
        feature.setGeometry(QgsGeometry.fromPointXY(point))
        index.addFeature(feature)
    return index


def random_point_in(geometry: QgsGeometry, rng: random.Random, inset: float = 0.0) -> QgsPointXY:
    """A random point inside ``geometry`` at least ``inset`` metres from its edge."""
    box = geometry.boundingBox()
    area = geometry.buffer(-inset, 4) if inset else geometry
    for _ in range(1000):
        point = QgsPointXY(rng.uniform(box.xMinimum(), box.xMaximum()), rng.uniform(box.yMinimum(), box.yMaximum()))
        if area.contains(QgsGeometry.fromPointXY(point)):
            return point
    return geometry.pointOnSurface().asPoint()


def place_townships(county: County, boundary: QgsGeometry, rng: random.Random) -> List[QgsPointXY]:
    """Seats of the county's townships: 街道 (codes < 100) inside the boundary, towns elsewhere."""
    seats = []
    for code, _name in county.townships:
        inside_boundary = int(code[-3:]) < 100 and not boundary.isEmpty()
        seats.append(random_point_in(boundary if inside_boundary else county.geometry, rng, 300.0))
    return seats


def build_landscape(county: County, spacing: float, seed: int, detail: bool = False) -> Landscape:
    """All protected layers of a county, reproducibly from ``seed``; ``detail``: see ``voronoi_cells``."""
    rng = random.Random(seed)
    land = Landscape(county)
    radius = BOUNDARY_RADIUS_M.get(county.code, 3500.0)
    land.boundary = star_polygon(county.seat, radius, rng).intersection(county.geometry)
    land.river = meandering_river(county, rng)
    wetland = QgsGeometry.fromPointXY(random_point_in(county.geometry, rng, 3000.0)).buffer(1000.0, 16)
    land.red_line = QgsGeometry.unaryUnion([land.river.buffer(250.0, 8), wetland]).intersection(county.geometry)
    land.red_line = land.red_line.difference(land.boundary)
    seats = place_townships(county, land.boundary, rng)
    seat_index = point_index(seats)
    village_centres = []
    box = county.geometry.boundingBox()
    y = box.yMinimum()
    while y < box.yMaximum():
        x = box.xMinimum()
        while x < box.xMaximum():
            centre = QgsPointXY(x + rng.uniform(-500, 500), y + rng.uniform(-500, 500))
            point = QgsGeometry.fromPointXY(centre)
            if (
                county.geometry.contains(point)
                and not land.boundary.buffer(400.0, 4).contains(point)
                and land.river.distance(point) > 700
            ):
                village_centres.append(centre)
            x += 1700.0
        y += 1700.0
    names = village_names(len(village_centres), rng)
    village_index = point_index(village_centres)
    village_radius = [rng.uniform(200.0, 330.0) for _ in village_centres]
    village_cells: Dict[int, List[QgsGeometry]] = {}
    township_cells: Dict[int, List[QgsGeometry]] = {}
    village_township: Dict[int, int] = {}
    red_engine = QgsGeometry.createGeometryEngine(land.red_line.constGet())
    red_engine.prepareGeometry()
    boundary_engine = QgsGeometry.createGeometryEngine(land.boundary.constGet())
    boundary_engine.prepareGeometry()
    farmland_phase = rng.uniform(0, 6.3)
    for cell in voronoi_cells(county, spacing, rng, detail):
        centre = cell.pointOnSurface()
        point = centre.asPoint()
        township = seat_index.nearestNeighbor(point, 1)[0]
        township_cells.setdefault(township, []).append(cell)
        nearest_village = village_index.nearestNeighbor(point, 1)[0] if village_centres else -1
        in_village = (
            nearest_village >= 0 and point.distance(village_centres[nearest_village]) < village_radius[nearest_village]
        )
        urban = boundary_engine.contains(centre.constGet())
        in_red = red_engine.contains(centre.constGet())
        if land.river.distance(centre) < 150.0:
            code = "1101"
        elif urban:
            code = weighted_choice(rng, URBAN_MIX)
        elif in_village:
            code = "0702"
            village_cells.setdefault(nearest_village, []).append(cell)
            village_township.setdefault(nearest_village, township)
        elif in_red:
            code = weighted_choice(rng, RED_LINE_MIX)
        else:
            code = weighted_choice(rng, RURAL_MIX)
        cultivated = code in ("0101", "0102", "0103")
        grade = grade_at(point.x(), point.y())
        village_code = f"{nearest_village + 1:03d}" if nearest_village >= 0 else "000"
        village_name = names[nearest_village] if nearest_village >= 0 else ""
        patch = Patch(
            cell,
            code,
            county.townships[township],
            (village_code, village_name),
            rng.choice(KCXS_VALUES) if cultivated else 0.0,
            grade if cultivated else 0,
            urban,
            in_red,
        )
        land.patches.append(patch)
        # Farmland is cultivated land outside the boundary, in broad smooth blocks (about 9 in 10).
        blocky = math.sin(point.x() / 2300.0 + farmland_phase) + math.sin(point.y() / 1900.0)
        if cultivated and not urban and blocky > -1.45:
            land.farmland.append(patch)
    for index, cells in sorted(village_cells.items()):
        township_code, _ = county.townships[village_township[index]]
        land.villages.append((names[index], f"{township_code}{index + 1:03d}", QgsGeometry.unaryUnion(cells)))
    for index, cells in sorted(township_cells.items()):
        code, name = county.townships[index]
        land.townships.append((code, name, QgsGeometry.unaryUnion(cells)))
    return land


def ellipsoidal_area() -> QgsDistanceArea:
    """Areas as recorded in survey data: on the CGCS2000 ellipsoid."""
    measure = QgsDistanceArea()
    measure.setSourceCrs(WORKING_CRS, QgsProject.instance().transformContext())
    measure.setEllipsoid("EPSG:1024")
    return measure
