"""A role layer's arrays indexed once: an STRtree over the geometries, the columns the overlay reads, cached areas."""

from typing import Callable, Dict, Optional, Sequence

import numpy as np

from liaocheng_plugin.core.engine.arrays import COLUMN_CODE, COLUMN_DEDUCTION, COLUMN_LABEL, LayerArrays
from liaocheng_plugin.core.engine.dependency import shapely
from liaocheng_plugin.core.engine.spec import RoleSpec, is_cultivated
from liaocheng_plugin.core.values import as_float, as_text


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


class RoleIndex:
    """One role's LayerArrays with an STRtree, its labels, codes and deductions as the overlay reads them.

    Built after the input check had its say on the arrays, so fixed values (a zero-padded DLBM, a
    KCXS read as a fraction) are what the overlay uses. ``labels``/``codes`` give text ("" for
    NULL), ``deductions`` floats (0 for NULL), converted for the features met only;
    ``cultivated(positions)`` flags the codes counted as cultivated land.
    """

    def __init__(self, spec: RoleSpec, arrays: LayerArrays, cultivated_codes: Sequence[str]):
        self.spec = spec
        self.arrays = arrays
        count = len(arrays)
        columns = arrays.columns
        self.labels = LazyColumn(columns.get(COLUMN_LABEL), as_text, count, "")
        self.codes = LazyColumn(columns.get(COLUMN_CODE), as_text, count, "")
        self.deductions = LazyColumn(columns.get(COLUMN_DEDUCTION), as_float, count, 0.0)
        self.cultivated_codes = tuple(cultivated_codes)
        self.tree = shapely.STRtree(arrays.geometries)
        self.areal = shapely.get_dimensions(arrays.geometries) == 2
        self._areas = np.full(count, np.nan)

    @property
    def key(self) -> str:
        return self.spec.key

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
