"""A role layer's arrays indexed once: an STRtree, validity checked where met, the columns the overlay reads, areas."""

from typing import Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np

from liaocheng_plugin.core.datacheck.findings import DataFinding
from liaocheng_plugin.core.definitions import IssueKind
from liaocheng_plugin.core.engine.arrays import COLUMN_CODE, COLUMN_DEDUCTION, COLUMN_LABEL, LayerArrays
from liaocheng_plugin.core.engine.dependency import shapely
from liaocheng_plugin.core.engine.pool import parallel
from liaocheng_plugin.core.engine.repair import repair_invalid
from liaocheng_plugin.core.engine.spec import RoleSpec, is_cultivated
from liaocheng_plugin.core.values import as_float, as_text

SPARSE_SHARE = 0.25  # a shape covering less of its bounding box than this …
SPARSE_MIN_CANDIDATES = 256  # … and meeting more bounding boxes than this is looked up cell by cell
GRID_CELLS = 4096  # cells of the grid over such a shape's bounding box


class LazyColumn:
    """A column converted (``as_text``, ``as_float``) only where the overlay reads it, each value once."""

    def __init__(self, values: Optional[np.ndarray], convert: Callable, count: int, default):
        self._values = values
        self._convert = convert
        self._default = default
        self._converted = np.full(count, default, dtype=object)
        self._done = np.zeros(count, dtype=bool) if values is not None else np.ones(count, dtype=bool)

    def __getitem__(self, positions: np.ndarray) -> np.ndarray:
        missing = positions[~self._done[positions]]
        if len(missing):
            missing = np.unique(missing)
            cache: Dict = {}
            converted = []
            for value in self._values[missing].tolist():
                try:
                    result = cache[value]
                except KeyError:
                    result = cache[value] = self._convert(value)
                except TypeError:  # an unhashable value (a date, say): convert it on its own
                    result = self._convert(value)
                converted.append(self._default if result is None else result)
            self._converted[missing] = converted
            self._done[missing] = True
        return self._converted[positions]


def _grid(bounds: np.ndarray, area: float) -> np.ndarray:
    """About GRID_CELLS square boxes covering ``bounds`` (xmin, ymin, xmax, ymax) of area ``area``."""
    size = max(np.sqrt(area / GRID_CELLS), 1e-6)
    xs = np.arange(bounds[0], bounds[2] + size, size)
    ys = np.arange(bounds[1], bounds[3] + size, size)
    x, y = np.meshgrid(xs[:-1], ys[:-1])
    return shapely.box(x.ravel(), y.ravel(), x.ravel() + size, y.ravel() + size)


class RoleIndex:
    """One role's LayerArrays with an STRtree, its labels, codes and deductions as the overlay reads them.

    Built after the input check had its say on the arrays, so fixed values (a zero-padded DLBM, a
    KCXS read as a fraction) are what the overlay uses. ``labels``/``codes`` give text ("" for
    NULL), ``deductions`` floats (0 for NULL), converted for the features met only;
    ``cultivated(positions)`` flags the codes counted as cultivated land.

    Geometries are checked for validity (and repaired) where a subject meets them, unless ``checked``
    says the whole layer already was: ``repairs`` then holds the repairs not yet reported (feature id →
    finding), ``skipped`` the features that could not be repaired. The tree indexes the geometries as
    read: a repaired geometry lies within the bounding box of the one it replaces.
    """

    def __init__(self, spec: RoleSpec, arrays: LayerArrays, cultivated_codes: Sequence[str], checked: bool = False):
        self.spec = spec
        self.arrays = arrays
        count = len(arrays)
        columns = arrays.columns
        self.labels = LazyColumn(columns.get(COLUMN_LABEL), as_text, count, "")
        self.codes = LazyColumn(columns.get(COLUMN_CODE), as_text, count, "")
        self.deductions = LazyColumn(columns.get(COLUMN_DEDUCTION), as_float, count, 0.0)
        self.cultivated_codes = tuple(cultivated_codes)
        self.tree = shapely.STRtree(arrays.geometries)
        self.repairs: Dict[int, DataFinding] = {}
        self.skipped: List[DataFinding] = []
        self._checked = np.full(count, checked)
        self._areas = np.full(count, np.nan)

    @property
    def key(self) -> str:
        return self.spec.key

    def met(self, shapes: np.ndarray, threads: int = 1) -> Tuple[np.ndarray, np.ndarray]:
        """(shape position, feature position) of each feature whose repaired geometry intersects a shape.

        ``shapes`` should be prepared (``shapely.prepare``). Sorted by shape, then feature.
        """
        shape_at, feature_at = self._candidates(shapes)
        self.check(np.unique(feature_at), threads)
        geometries = self.arrays.geometries
        present = np.flatnonzero(geometries[feature_at] != None)  # noqa: E711 - elementwise
        shape_at, feature_at = shape_at[present], feature_at[present]
        hit = parallel(shapely.intersects, shapes[shape_at], geometries[feature_at], threads=threads, groups=shape_at)
        shape_at, feature_at = shape_at[hit], feature_at[hit]
        order = np.lexsort((feature_at, shape_at))
        return shape_at[order], feature_at[order]

    def _candidates(self, shapes: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
        """(shape, feature) whose bounding boxes meet, sorted by shape. A long thin shape (a route corridor)
        meets far fewer features than its bounding box: it is queried by the cells of a grid it touches."""
        shape_at, feature_at = self.tree.query(shapes)
        counts = np.bincount(shape_at, minlength=len(shapes))
        bounds = shapely.bounds(shapes)
        box_areas = (bounds[:, 2] - bounds[:, 0]) * (bounds[:, 3] - bounds[:, 1])
        sparse = np.flatnonzero((counts > SPARSE_MIN_CANDIDATES) & (shapely.area(shapes) < SPARSE_SHARE * box_areas))
        if not len(sparse):
            return shape_at, feature_at
        keep = ~np.isin(shape_at, sparse)
        shape_parts, feature_parts = [shape_at[keep]], [feature_at[keep]]
        for position in sparse.tolist():
            cells = _grid(bounds[position], box_areas[position])
            touched = cells[shapely.intersects(shapes[position], cells)]
            found = np.unique(self.tree.query(touched)[1])
            shape_parts.append(np.full(len(found), position))
            feature_parts.append(found)
        shape_at, feature_at = np.concatenate(shape_parts), np.concatenate(feature_parts)
        order = np.argsort(shape_at, kind="stable")
        return shape_at[order], feature_at[order]

    def check(self, positions: np.ndarray, threads: int = 1) -> None:
        """Check the features at ``positions`` (unique) for validity once, and repair the invalid ones."""
        unchecked = positions[~self._checked[positions]]
        if not len(unchecked):
            return
        for finding in repair_invalid(self.arrays, unchecked, threads):
            if finding.kind == IssueKind.REPAIRED:
                self.repairs[finding.feature_id] = finding
            else:
                self.skipped.append(finding)
        self._checked[unchecked] = True

    def areal(self, positions: np.ndarray) -> np.ndarray:
        """Whether the features at ``positions`` are polygons (not a village point or a line)."""
        return shapely.get_dimensions(self.arrays.geometries[positions]) == 2

    def cultivated(self, positions: np.ndarray) -> np.ndarray:
        """Whether the features at ``positions`` are cultivated land by their code."""
        codes = self.codes[positions]
        flags = {code: is_cultivated(code, self.cultivated_codes) for code in set(codes.tolist())}
        return np.array([flags[code] for code in codes.tolist()], dtype=bool)

    def feature_areas(self, positions: np.ndarray, measure: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
        """Areas of the features at ``positions``, measured once per feature and cached."""
        missing = positions[np.isnan(self._areas[positions])]
        if len(missing):
            missing = np.unique(missing)
            self._areas[missing] = measure(self.arrays.geometries[missing])
        return self._areas[positions]
