"""The next year's land-use survey (年度变更调查) made from a survey, with the changes a real year brings.

Changes, as shares of all patches (a few percent in all, as a county's annual change survey has):
cultivated land turned into orchard, forest, ponds or farm facilities, whole patches and parts cut out of a
field (流出); other farmland turned back into cultivated land (流入); cultivated land built on, whole and
parts (建设占用); changes that matter to no balance (0102 → 0103, forest → orchard); short stretches of
boundary between a field and its neighbour corrected by a few metres (pieces below the minimum mapping
unit); and one district re-digitised, every vertex there moved by up to ``JITTER_M`` by a smooth field, so
shared boundaries move alike (the coverage stays clean) but no longer match last year's (slivers).
Everything else is copied unchanged, vertex for vertex, as the change survey keeps it.
"""

import math
import random
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Sequence, Tuple

import numpy as np
import shapely

from tests.tools.sample.landscape import KCXS_VALUES, grade_at

CULTIVATED = ("0101", "0102", "0103")
OTHER_FARMLAND = ("0201", "0301", "0307", "0404", "1104", "1104A", "0201K", "1202")
OUTFLOW_TARGETS = ("0201", "0301", "0307", "1104A", "1202", "0404")
PART_OUTFLOW_TARGETS = ("0201", "1202", "1104A", "0301")
BUILT_TARGETS = ("0702", "0601", "1003", "08H2", "1201", "0602")
PART_BUILT_TARGETS = ("0702", "0601", "1003", "1201")
SHARES = {  # kind of change: share of all patches
    "outflow": 0.008,
    "outflow_part": 0.006,
    "inflow": 0.006,
    "built": 0.002,
    "built_part": 0.004,
    "within_cultivated": 0.003,
    "other_farmland": 0.002,
    "boundary": 0.003,
}
REDIGITISED_SHARE = 0.12  # of the county's area: one district re-digitised
JITTER_M = 0.35  # at most, well under the 1 m sliver tolerance
BOUNDARY_SHIFT_M = 4.0  # a boundary corrected by this much over about 70 m: below the 400 m² mapping unit
CUT_SIDES_M = (25.0, 70.0)
Measure = Callable[[np.ndarray], np.ndarray]  # shapely polygons → ellipsoidal m²


@dataclass
class NextYear:
    """The next year's survey: geometries (shapely, same CRS), attribute rows, and what was changed."""

    geometries: List[object]
    rows: List[Dict[str, object]]
    changes: Dict[str, int] = field(default_factory=dict)


def _cultivated_attributes(row: Dict[str, object], geometry, rng: random.Random) -> None:
    """KCXS, grade and the deduction fields of a patch that became cultivated land."""
    point = shapely.point_on_surface(geometry)
    row.update(KCXS=rng.choice(KCXS_VALUES), KCDLBM="1203", GDLX="TT", GDPDJB="1", GDDB=grade_at(point.x, point.y))


def _recode(row: Dict[str, object], code: str, names: Dict[str, str], geometry, rng: random.Random) -> None:
    """A patch's land-use code changed; the fields that follow the class change with it."""
    was_cultivated = row["DLBM"] in CULTIVATED
    row.update(DLBM=code, DLMC=names.get(code, ""))
    if code in CULTIVATED and not was_cultivated:
        _cultivated_attributes(row, geometry, rng)
    elif code not in CULTIVATED:
        row.update(KCXS=0.0, KCDLBM="", GDLX="", GDPDJB="", GDDB=None)
    if code[:2] in ("05", "06", "07", "08", "10") and code != "1006":
        row["CZCSXM"] = "203"


def _rotated_rectangle(x: float, y: float, width: float, height: float, angle: float):
    corners = np.array([(-1, -1), (1, -1), (1, 1), (-1, 1), (-1, -1)], dtype=float) * (width / 2, height / 2)
    cos, sin = math.cos(angle), math.sin(angle)
    rotated = corners @ np.array([[cos, sin], [-sin, cos]])
    return shapely.Polygon(rotated + (x, y))


def _cut(geometry, rng: random.Random):
    """A rectangle of 25–70 m inside a patch, or None when the patch is too small for one."""
    point = shapely.point_on_surface(geometry)
    width, height = rng.uniform(*CUT_SIDES_M), rng.uniform(*CUT_SIDES_M)
    piece = shapely.intersection(
        _rotated_rectangle(point.x, point.y, width, height, rng.uniform(0, math.pi)), shapely.buffer(geometry, -3.0)
    )
    if piece.is_empty or piece.area < 0.6 * width * height or piece.area > 0.5 * geometry.area:
        return None
    return shapely.make_valid(piece)


def _multi(geometry):
    return geometry if geometry.geom_type == "MultiPolygon" else shapely.MultiPolygon([geometry])


class _Picker:
    """Random patches of a kind, never the same patch for two changes."""

    def __init__(self, rows: Sequence[Dict[str, object]], rng: random.Random):
        self.rng = rng
        self.taken: set = set()
        rural = [i for i, row in enumerate(rows) if row.get("CZCSXM") in ("", None)]
        self.cultivated = [i for i in rural if rows[i]["DLBM"] in CULTIVATED]
        self.farmland = [i for i in rural if rows[i]["DLBM"] in OTHER_FARMLAND]
        self.count = len(rows)

    def pick(self, pool: List[int], share: float) -> List[int]:
        free = [i for i in pool if i not in self.taken]
        chosen = self.rng.sample(free, min(len(free), max(1, round(share * self.count))))
        self.taken.update(chosen)
        return chosen


def next_survey_year(
    geometries: Sequence[object],
    rows: Sequence[Dict[str, object]],
    year: int,
    names: Dict[str, str],
    measure: Measure,
    seed: int,
    redigitised_share: float = REDIGITISED_SHARE,
) -> NextYear:
    """The survey of ``year`` made from ``geometries``/``rows`` (a DLTB with its standard fields, EPSG:4527
    metres) with the changes of the module docstring; reproducible from ``seed``. ``redigitised_share`` of the
    area is re-digitised (1.0: every boundary moved, the hardest case for the change detection)."""
    rng = random.Random(seed)
    shapes = [shapely.MultiPolygon(list(shapely.get_parts(g))) if g.geom_type == "Polygon" else g for g in geometries]
    result = [dict(row) for row in rows]
    picker = _Picker(rows, rng)
    changes: Dict[str, int] = {}
    touched: set = set()
    for kind, targets, pool in (
        ("outflow", OUTFLOW_TARGETS, picker.cultivated),
        ("inflow", ("0102", "0102", "0103"), picker.farmland),
        ("built", BUILT_TARGETS, picker.cultivated),
    ):
        chosen = picker.pick(pool, SHARES[kind])
        for i in chosen:
            _recode(result[i], rng.choice(targets), names, shapes[i], rng)
        changes[kind] = len(chosen)
    for i in picker.pick(picker.cultivated, SHARES["within_cultivated"]):
        _recode(result[i], "0103" if result[i]["DLBM"] != "0103" else "0102", names, shapes[i], rng)
        changes["within_cultivated"] = changes.get("within_cultivated", 0) + 1
    for i in picker.pick(picker.farmland, SHARES["other_farmland"]):
        code = rng.choice([c for c in ("0201", "0301", "0307") if c != result[i]["DLBM"]])
        _recode(result[i], code, names, shapes[i], rng)
        changes["other_farmland"] = changes.get("other_farmland", 0) + 1
    next_number = len(rows)
    for kind, targets in (("outflow_part", PART_OUTFLOW_TARGETS), ("built_part", PART_BUILT_TARGETS)):
        changes[kind] = 0
        for i in picker.pick(picker.cultivated, SHARES[kind]):
            piece = _cut(shapes[i], rng)
            if piece is None:
                continue
            next_number += 1
            new = dict(result[i], BSM=f"{str(result[i]['BSM'])[:6]}{next_number:08d}", TBBH=str(next_number))
            _recode(new, rng.choice(targets), names, piece, rng)
            shapes[i] = _multi(shapely.difference(shapes[i], piece))
            shapes.append(_multi(piece))
            result.append(new)
            touched.update((i, len(shapes) - 1))
            changes[kind] += 1
    changes["boundary"] = _correct_boundaries(shapes, result, picker, touched)
    touched.update(i for i, (old, new) in enumerate(zip(rows, result)) if old["DLBM"] != new["DLBM"])
    moved = _redigitise(shapes, rng, redigitised_share)
    changes["redigitised"] = len(moved)
    touched.update(moved)
    _repair(shapes, moved)
    _measure_changed(shapes, result, sorted(touched), measure)
    for row in result:
        row["SJNF"] = year
    return NextYear(shapes, result, changes)


def _correct_boundaries(shapes: List[object], rows: List[Dict[str, object]], picker: _Picker, touched: set) -> int:
    """Move a short stretch of boundary between a field and a neighbouring orchard/forest/pond by a few metres,
    one way or the other: real change surveys correct boundaries so, below any mapping unit."""
    tree = shapely.STRtree(shapes)
    farmland = set(picker.farmland) - picker.taken
    done = 0
    for i in picker.pick(picker.cultivated, SHARES["boundary"]):
        neighbours = [j for j in tree.query(shapes[i], predicate="touches") if j in farmland and j not in touched]
        for j in neighbours:
            shared = shapely.intersection(shapes[i].boundary, shapes[j].boundary)
            if shared.length < 80.0:
                continue
            centre = shapely.line_interpolate_point(shapely.line_merge(shared), 0.5, normalized=True)
            grows, shrinks = (i, j) if picker.rng.random() < 0.5 else (j, i)
            strip = shapely.intersection(
                shapes[shrinks], shapely.intersection(shapes[grows].buffer(BOUNDARY_SHIFT_M), centre.buffer(35.0))
            )
            if strip.is_empty or strip.area < 50.0:
                continue
            shapes[grows] = _multi(shapely.make_valid(shapely.union(shapes[grows], strip)))
            shapes[shrinks] = _multi(shapely.make_valid(shapely.difference(shapes[shrinks], strip)))
            farmland.discard(j)
            touched.update((i, j))
            done += 1
            break
    return done


def _redigitise(shapes: List[object], rng: random.Random, share: float) -> List[int]:
    """Every vertex of one district moved by a smooth field of at most JITTER_M (fading out at its edge);
    returns the patches moved."""
    array = np.empty(len(shapes), dtype=object)
    array[:] = shapes
    xmin, ymin, xmax, ymax = shapely.total_bounds(array)
    centre = shapely.centroid(array[rng.randrange(len(array))])
    cx, cy = centre.x, centre.y
    radius = math.sqrt(share * (xmax - xmin) * (ymax - ymin) / math.pi)
    if share >= 1.0:  # everything: a circle around the whole extent, no fading inside it
        radius = 2.0 * math.hypot(xmax - xmin, ymax - ymin)
    phase = rng.uniform(0, 2 * math.pi)

    def move(points: np.ndarray) -> np.ndarray:
        x, y = points[:, 0], points[:, 1]
        distance = np.hypot(x - cx, y - cy) / radius
        weight = np.clip((1.0 - distance) / 0.2, 0.0, 1.0)
        dx = JITTER_M * weight * np.sin(x / 17.3 + y / 23.1 + phase)
        dy = JITTER_M * weight * np.cos(x / 19.7 - y / 13.9 + phase)
        return np.column_stack((x + dx, y + dy))

    near = np.flatnonzero(shapely.intersects(array, shapely.Point(cx, cy).buffer(radius)))
    moved = shapely.transform(array[near], move)
    for i, shape in zip(near.tolist(), moved):
        shapes[i] = shape
    return near.tolist()


def _repair(shapes: List[object], moved: Sequence[int]) -> None:
    """Moving vertices apart can fold a spike of a few millimetres (two nearly touching edges): repaired, as a
    delivery's geometry passes its topology check."""
    for i in moved:
        if not shapes[i].is_valid:
            parts = shapely.get_parts(shapely.make_valid(shapes[i]))
            shapes[i] = shapely.MultiPolygon([p for p in parts if p.geom_type == "Polygon"])


def _measure_changed(shapes: List[object], rows: List[Dict[str, object]], changed: List[int], measure: Measure):
    """TBMJ, KCMJ and TBDLMJ of every changed patch measured again (ellipsoidal, as recorded)."""
    if not changed:
        return
    array = np.empty(len(changed), dtype=object)
    array[:] = [shapes[i] for i in changed]
    for i, area in zip(changed, measure(array).tolist()):
        area = round(area, 2)
        deduction = round(area * float(rows[i].get("KCXS") or 0.0), 2)
        rows[i].update(TBMJ=area, KCMJ=deduction, TBDLMJ=round(area - deduction, 2))


def rows_of_layer(layer) -> Tuple[List[object], List[Dict[str, object]]]:
    """(shapely geometries, attribute dicts) of a QGIS survey layer, in feature order."""
    from liaocheng_plugin.core.values import plain

    names = layer.fields().names()
    geometries, rows = [], []
    for feature in layer.getFeatures():
        geometries.append(shapely.from_wkb(bytes(feature.geometry().asWkb())))
        rows.append({name: plain(value) for name, value in zip(names, feature.attributes()) if name != "fid"})
    return geometries, rows


def qgis_rows(year: NextYear) -> List[Tuple[object, Dict[str, object]]]:
    """(QgsGeometry, attributes) rows, as the sample builder writes them."""
    from qgis.core import QgsGeometry

    result = []
    for shape, row in zip(year.geometries, year.rows):
        geometry = QgsGeometry()
        geometry.fromWkb(shapely.to_wkb(shape))
        result.append((geometry, row))
    return result
