"""Change patches from changed pieces: connected pieces of one change (base code → current code) inside one
township dissolved into one patch, measured, net of the cultivated side's KCXS, graded, and numbered per
township and direction. Thin pieces (see pieces.py) join a patch of the same change they border; alone they
are slivers. Slivers and patches below the survey's minimum mapping unit are dropped and counted."""

from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Tuple

import numpy as np

from liaocheng_plugin.core.change.pieces import Dropped, Pieces
from liaocheng_plugin.core.change.rules import IN, ChangeDirection, ChangeRules, direction_of
from liaocheng_plugin.core.change.surveys import COUNTY_DIGITS, Survey, group_keys
from liaocheng_plugin.core.engine.dependency import shapely

Measure = Callable[[np.ndarray], np.ndarray]
PREFIXES = {ChangeDirection.OUTFLOW: "LC", ChangeDirection.INFLOW: "LR", ChangeDirection.OCCUPATION: "ZY"}
ORDER = {ChangeDirection.OUTFLOW: 0, ChangeDirection.INFLOW: 1, ChangeDirection.OCCUPATION: 2}
MAX_LABELS = 20  # identifiers of the source patches listed per change patch


@dataclass
class ChangePatch:
    """One change patch (变化图斑): a connected piece of land whose use changed from ``base_code`` to
    ``current_code`` inside one township.

    ``area_m2`` as the run measures (ellipsoidal by default); ``deduction`` and ``quality`` are the
    area-weighted KCXS and GDDB of the cultivated side (the base survey for outflow and occupation, the
    current one for inflow; ``quality`` None when no grade is recorded); ``base_labels`` and
    ``current_labels`` identify the survey patches it comes from (BSM, else feature ids), ``base_rows`` and
    ``current_rows`` are their positions in the surveys' arrays.
    """

    direction: ChangeDirection
    base_code: str
    current_code: str
    township: str
    shape: object
    area_m2: float
    deduction: float
    quality: Optional[float]
    base_labels: List[str] = field(default_factory=list)
    current_labels: List[str] = field(default_factory=list)
    base_rows: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))
    current_rows: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))
    patch_id: str = ""

    @property
    def county(self) -> str:
        return self.township[:COUNTY_DIGITS]

    @property
    def net_m2(self) -> float:
        """The area net of the field-ridge deduction: area × (1 − KCXS)."""
        return self.area_m2 * (1.0 - self.deduction)


def connected_components(shapes: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """A component number per shape: shapes of one group that overlap or share a stretch of boundary (not just
    a point) belong together, transitively."""
    count = len(shapes)
    labels = np.arange(count)
    if count < 2:
        return labels
    first, second = shapely.STRtree(shapes).query(shapes, predicate="intersects")
    candidates = (first < second) & (groups[first] == groups[second])
    first, second = first[candidates], second[candidates]
    if len(first):
        relations = shapely.relate(shapes[first], shapes[second])
        joined = np.array([matrix[0] != "F" or matrix[4] == "1" for matrix in relations.tolist()], dtype=bool)
        first, second = first[joined], second[joined]
    while len(first):  # smallest label spread along the edges until nothing changes
        smallest = np.minimum(labels[first], labels[second])
        before = labels.copy()
        np.minimum.at(labels, first, smallest)
        np.minimum.at(labels, second, smallest)
        labels = labels[labels]
        if np.array_equal(before, labels):
            break
    return np.unique(labels, return_inverse=True)[1]


def _weighted(values: np.ndarray, weights: np.ndarray, component: np.ndarray, count: int) -> np.ndarray:
    """Per component, the weighted mean of ``values`` over the members where it is known (NaN where none is)."""
    known = ~np.isnan(values)
    total = np.bincount(component[known], weights[known], count)
    summed = np.bincount(component[known], weights[known] * values[known], count)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, summed / np.where(total > 0, total, 1.0), np.nan)


def _labels(values: np.ndarray, members: np.ndarray, thin: np.ndarray) -> List[str]:
    """The identifiers of the patches a change patch comes from; a thin fringe's neighbour is not one of them."""
    found = sorted(set(values[members[~thin[members]]].tolist()))
    return found[:MAX_LABELS] + (["…"] if len(found) > MAX_LABELS else [])


def dissolve_patches(
    pieces: Pieces, base: Survey, current: Survey, rules: ChangeRules, measure: Measure
) -> Tuple[List[ChangePatch], Dict[ChangeDirection, Dropped], Dropped]:
    """The change patches of ``pieces`` (numbered), per direction the patches below the minimum mapping unit,
    and the thin pieces that border no piece of their change after all (slivers)."""
    small: Dict[ChangeDirection, Dropped] = {direction: Dropped() for direction in ChangeDirection}
    slivers = Dropped()
    component = connected_components(pieces.shapes, group_keys(base, current, pieces.base, pieces.current))
    fat = np.bincount(component, ~pieces.thin, int(component.max()) + 1 if len(component) else 0) > 0
    alone = ~fat[component]  # thin pieces that border no piece of their change after all
    slivers.add(measure(pieces.shapes[alone]))
    pieces, component = pieces.take(~alone), np.unique(component[~alone], return_inverse=True)[1]
    if not len(pieces):
        return [], small, slivers
    townships = current.townships[pieces.current]
    base_codes, current_codes = base.codes[pieces.base], current.codes[pieces.current]
    count = int(component.max()) + 1
    inflow = pieces.direction == IN
    deductions = np.where(inflow, current.deductions[pieces.current], base.deductions[pieces.base])
    grades = np.where(inflow, current.grades[pieces.current], base.grades[pieces.base])
    weights = shapely.area(pieces.shapes)
    deduction = _weighted(deductions, weights, component, count)
    quality = _weighted(grades, weights, component, count)
    order = np.argsort(component, kind="stable")
    bounds = np.searchsorted(component[order], np.arange(count + 1))
    members = [order[bounds[k] : bounds[k + 1]] for k in range(count)]
    shapes = np.empty(count, dtype=object)
    shapes[:] = [
        pieces.shapes[group[0]] if len(group) == 1 else shapely.union_all(pieces.shapes[group]) for group in members
    ]
    areas = measure(shapes)
    base_labels, current_labels = base.label_texts(pieces.base), current.label_texts(pieces.current)
    patches = []
    for k, group in enumerate(members):
        first = group[0]
        direction = direction_of(int(pieces.direction[first]))
        current_code = current_codes[first]
        if areas[k] < rules.mapping_unit_m2(current_code):
            small[direction].add(areas[k : k + 1])
            continue
        patches.append(
            ChangePatch(
                direction,
                base_codes[first],
                current_code,
                townships[first],
                shapes[k],
                float(areas[k]),
                float(np.nan_to_num(deduction[k])),
                None if np.isnan(quality[k]) else float(quality[k]),
                _labels(base_labels, group, pieces.thin),
                _labels(current_labels, group, pieces.thin),
                np.unique(pieces.base[group]),
                np.unique(pieces.current[group]),
            )
        )
    number_patches(patches)
    return patches, small, slivers


def number_patches(patches: List[ChangePatch]) -> None:
    """Sort the patches by township, direction and codes, north to south, and number them per township and
    direction: LC-371502001-0001 (流出), LR-… (流入), ZY-… (建设占用)."""
    points = shapely.point_on_surface(np.array([patch.shape for patch in patches], dtype=object))
    coordinates = shapely.get_coordinates(points) if len(patches) else np.empty((0, 2))
    order = sorted(
        range(len(patches)),
        key=lambda i: (
            patches[i].township,
            ORDER[patches[i].direction],
            patches[i].base_code,
            patches[i].current_code,
            -round(coordinates[i, 1]),
            round(coordinates[i, 0]),
        ),
    )
    patches[:] = [patches[i] for i in order]
    counters: Dict[Tuple[str, ChangeDirection], int] = {}
    for patch in patches:
        key = (patch.township, patch.direction)
        counters[key] = counters.get(key, 0) + 1
        patch.patch_id = f"{PREFIXES[patch.direction]}-{patch.township or '0' * 9}-{counters[key]:04d}"
