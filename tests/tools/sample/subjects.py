"""Synthetic subjects: reserve parcels and grids, outflow/inflow patches, project sites and a route."""

import math
import random
from datetime import date, timedelta
from typing import Dict, List, Tuple

from qgis.core import QgsGeometry, QgsPointXY
from qgis.PyQt.QtCore import QDate

from tests.tools.sample.landscape import Landscape, Patch, ellipsoidal_area, random_point_in

SAMPLE_DATE = date(2026, 11, 20)
Row = Tuple[QgsGeometry, Dict[str, object]]
STREETS = [
    "东昌路",
    "柳园路",
    "花园路",
    "建设路",
    "兴华路",
    "光岳路",
    "湖南路",
    "振兴路",
    "古楼路",
    "卫育路",
    "向阳路",
    "昌润路",
]
PLANNED_USES = ["居住用地", "商业用地", "工业用地", "公共管理与公共服务用地"]
SOURCES = ["收购", "收回", "征收", "置换"]
KEEPERS = ["王建国", "李红梅", "张志强", "刘洋", "陈静", "杨帆", "赵磊", "孙丽"]
OUTFLOW_TARGETS = ["0201", "0301", "0307", "1104A", "1202", "0404"]
INFLOW_SOURCES = ("0201", "0301", "0307", "0404", "1104", "0201K", "1202")
SQM_PER_MU = 10000.0 / 15.0


def rectangle(centre: QgsPointXY, width: float, height: float, angle_deg: float) -> QgsGeometry:
    """A rotated rectangle around ``centre``."""
    angle = math.radians(angle_deg)
    corners = []
    for dx, dy in ((-1, -1), (1, -1), (1, 1), (-1, 1), (-1, -1)):
        x, y = dx * width / 2, dy * height / 2
        corners.append(
            QgsPointXY(
                centre.x() + x * math.cos(angle) - y * math.sin(angle),
                centre.y() + x * math.sin(angle) + y * math.cos(angle),
            )
        )
    return QgsGeometry.fromPolygonXY([corners])


def days_before(days: int) -> QDate:
    """The date ``days`` before the sample's reference date (negative: after it)."""
    when = SAMPLE_DATE - timedelta(days=days)
    return QDate(when.year, when.month, when.day)


def parcel_name(rng: random.Random) -> str:
    """A reserve parcel's name the way ledgers give it: by the streets around it."""
    sides = "东西南北"
    return f"{rng.choice(STREETS)}以{rng.choice(sides)}、{rng.choice(STREETS)}以{rng.choice(sides)}地块"


def grids(land: Landscape, rng: random.Random, count: int = 26) -> List[Row]:
    """Inspection grids: ``count`` small grids covering the development boundary, in 4 large ones."""
    seeds = [random_point_in(land.boundary, rng) for _ in range(count)]
    diagram = QgsGeometry.fromMultiPointXY(seeds).voronoiDiagram(
        QgsGeometry.fromRect(land.boundary.boundingBox().buffered(2000))
    )
    cells = [cell.intersection(land.boundary) for cell in diagram.asGeometryCollection()]
    cells = [cell for cell in cells if not cell.isEmpty()]
    cells.sort(key=lambda g: (-round(g.centroid().asPoint().y(), -2), g.centroid().asPoint().x()))
    seat = land.county.seat
    rows = []
    for number, cell in enumerate(cells, start=1):
        centre = cell.centroid().asPoint()
        quadrant = ("一片区", "二片区", "三片区", "四片区")[(centre.x() < seat.x()) * 1 + (centre.y() < seat.y()) * 2]
        rows.append(
            (
                cell,
                {
                    "WGBH": f"WG{number:02d}",
                    "WGMC": f"第{number:02d}网格",
                    "DWGMC": quadrant,
                    "WGY": KEEPERS[number % len(KEEPERS)],
                },
            )
        )
    return rows


def reserve_parcels(land: Landscape, rng: random.Random, prefix: str, inside: int, edge: int) -> List[Row]:
    """Reserve parcels with ledger attributes: most inside the boundary, some on its edge, one overlapping."""
    measure = ellipsoidal_area()
    shapes = []
    for _ in range(inside):
        shapes.append(
            rectangle(
                random_point_in(land.boundary, rng, 600.0),
                rng.uniform(120, 320),
                rng.uniform(120, 300),
                rng.uniform(0, 90),
            )
        )
    ring = QgsGeometry.fromPolylineXY(land.boundary.asGeometryCollection()[0].asPolygon()[0])
    for i in range(edge):
        point = ring.interpolate(ring.length() * (0.2 + 0.3 * i)).asPoint()
        shapes.append(rectangle(point, rng.uniform(200, 300), rng.uniform(200, 300), rng.uniform(0, 90)))
    if shapes:
        first = shapes[0].centroid().asPoint()
        shapes.append(rectangle(QgsPointXY(first.x() + 90, first.y() + 60), 150, 150, 10))
    rows = []
    for number, shape in enumerate(shapes, start=1):
        area_mu = measure.measureArea(shape) / SQM_PER_MU
        registered = number % 4 != 0
        recorded = round(area_mu * (1.04 if number % 5 == 2 else 1.0), 2)
        inspected_days = 45 if number % 6 == 3 else rng.randint(2, 25)
        temporary = number % 7 == 4
        rows.append(
            (
                shape,
                {
                    "DKBH": f"{prefix}-{number:03d}",
                    "DKMC": parcel_name(rng),
                    "ZL": land.county.name,
                    "LY": rng.choice(SOURCES),
                    "JLMJ": recorded,
                    "CBRQ": days_before(rng.randint(400, 4000)),
                    "DJZT": "已登记" if registered else "未登记",
                    "BDCQZH": f"鲁(2023)聊城市不动产权第{rng.randint(1, 99999):07d}号" if registered else "",
                    "WD": rng.choice(["完整", "完整", "部分"]),
                    "FCW": rng.choice(["已覆盖", "已覆盖", "未覆盖"]),
                    "ZJXCRQ": days_before(inspected_days),
                    "LSYT": "临时停车场" if temporary else "",
                    "LSQSRQ": days_before(300) if temporary else None,
                    "LSJZRQ": days_before(300 - 730) if temporary else None,
                    "GHYT": rng.choice(PLANNED_USES),
                    "GYZT": rng.choice(["未供应", "拟供应"]),
                },
            )
        )
    return rows


def part_of(patch: Patch, rng: random.Random, low: float = 50.0, high: float = 150.0) -> QgsGeometry:
    """A piece of a survey patch, the way a change patch covers part of a field."""
    centre = patch.geometry.pointOnSurface().asPoint()
    piece = rectangle(centre, rng.uniform(low, high), rng.uniform(low, high), rng.uniform(0, 90)).intersection(
        patch.geometry
    )
    return piece if not piece.isEmpty() else patch.geometry


def change_attributes(land: Landscape, patch: Patch, number: int, prefix: str) -> Dict[str, object]:
    township_code, township_name = patch.township
    return {
        "TBBH": f"{prefix}{land.county.code}-{number:03d}",
        "XZQDM": land.county.code,
        "XZQMC": land.county.name,
        "XZDM": township_code,
        "XZMC": township_name,
        "NF": 2023,
    }


def outflow_patches(land: Landscape, rng: random.Random, count: int, names: Dict[str, str]) -> List[Row]:
    """Cultivated land turned into orchard, forest, ponds …; some on farmland, a few not cultivated at all."""
    farmland_ids = {id(p) for p in land.farmland}
    cultivated = [p for p in land.patches if p.code in ("0101", "0102", "0103") and not p.urban]
    on_farmland = [p for p in cultivated if id(p) in farmland_ids]
    off_farmland = [p for p in cultivated if id(p) not in farmland_ids]
    chosen = rng.sample(on_farmland, count // 4) + rng.sample(off_farmland, count - count // 4)
    chosen += rng.sample([p for p in land.patches if p.code in ("0301", "0201")], 3)
    rows = []
    for number, patch in enumerate(chosen, start=1):
        after = rng.choice(OUTFLOW_TARGETS)
        attributes = change_attributes(land, patch, number, "LC")
        attributes.update(
            {
                "QDLBM": patch.code,
                "QDLMC": names.get(patch.code, ""),
                "HDLBM": after,
                "HDLMC": names.get(after, ""),
                "GDDB": patch.gddb or 6,
                "ZGFS": rng.choices(["就地恢复", "进出平衡", "举证", "未整改"], [40, 35, 10, 15])[0],
            }
        )
        rows.append((part_of(patch, rng), attributes))
    return rows


def inflow_patches(
    land: Landscape, rng: random.Random, count: int, outflow: List[Row], names: Dict[str, str]
) -> List[Row]:
    """Other farmland turned back into cultivated land, with the usual mistakes mixed in."""
    sources = [p for p in land.patches if p.code in INFLOW_SOURCES and not p.urban and not p.in_red_line]
    chosen = rng.sample(sources, count)
    mistakes = [
        rng.choice([p for p in land.patches if p.code == "0102" and not p.urban]),
        rng.choice([p for p in land.patches if p.in_red_line and p.code != "1101"]),
    ]
    to_balance = [attrs["TBBH"] for _, attrs in outflow if attrs["ZGFS"] == "进出平衡"]
    rows = []
    for number, patch in enumerate(chosen + mistakes, start=1):
        attributes = change_attributes(land, patch, number, "LR")
        paired = to_balance[(number - 1) % len(to_balance)] if to_balance and number <= len(to_balance) else ""
        attributes.update(
            {
                "QDLBM": patch.code,
                "QDLMC": names.get(patch.code, ""),
                "HDLBM": "0102",
                "HDLMC": names.get("0102", ""),
                "GDDB": max(1, min(15, 6 + rng.choice((-1, 0, 0, 1)))),
                "PDLCTBBH": paired,
            }
        )
        rows.append((part_of(patch, rng, 80.0, 200.0), attributes))
    first_geometry, first_attributes = rows[0]
    shifted = QgsGeometry(first_geometry)
    shifted.translate(30.0, 20.0)
    rows.append((shifted, dict(first_attributes, TBBH=f"LR{land.county.code}-{len(rows) + 1:03d}", PDLCTBBH="")))
    tiny_centre = chosen[1].geometry.pointOnSurface().asPoint()
    rows.append(
        (
            rectangle(tiny_centre, 15, 22, 0),
            dict(rows[1][1], TBBH=f"LR{land.county.code}-{len(rows) + 1:03d}", PDLCTBBH=""),
        )
    )
    return rows


def sites(land: Landscape, rng: random.Random) -> List[Row]:
    """Two alternatives for an industrial site: one on the boundary edge over farmland, one inside."""
    ring = QgsGeometry.fromPolylineXY(land.boundary.asGeometryCollection()[0].asPolygon()[0])
    edge_point = ring.interpolate(ring.length() * 0.62).asPoint()
    inside_point = random_point_in(land.boundary, rng, 1200.0)
    common = {"XMMC": "新材料产业园项目（示意）", "XMLX": "工业项目"}
    return [
        (rectangle(edge_point, 620, 480, 15), dict(common, FAMC="方案一")),
        (rectangle(inside_point, 700, 420, 5), dict(common, FAMC="方案二")),
    ]


def route(west: Landscape, east: Landscape) -> List[Row]:
    """A highway route from west of one county seat to the other county's seat."""
    start = QgsPointXY(west.county.seat.x() - 14000, west.county.seat.y() - 3000)
    end = east.county.seat
    points = []
    for i in range(101):
        t = i / 100
        bend = 2500 * math.sin(t * math.pi)
        points.append(
            QgsPointXY(start.x() + (end.x() - start.x()) * t - bend * 0.3, start.y() + (end.y() - start.y()) * t + bend)
        )
    return [
        (
            QgsGeometry.fromPolylineXY(points),
            {"FAMC": "路线方案A", "XMMC": "聊城至茌平快速通道（示意）", "XMLX": "省级高速公路"},
        )
    ]
