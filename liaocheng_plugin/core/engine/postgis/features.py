"""The features of a role met in one chunk, as the engine's figures read them (``overlay.role_overlaps``).

The in-process engine keeps a role's whole layer in a RoleIndex; here only the features the database
sent back for a chunk are known, in key order (the order in which the in-process engine reads a
freshly loaded table). ``MetFeatures`` offers what ``role_overlaps`` reads of a RoleIndex — key, spec,
fids, labels, codes, deductions, areal(), cultivated() — so the figures are summed by the same code.
"""

from typing import Dict, Optional, Sequence

import numpy as np

from liaocheng_plugin.core.engine.arrays import LayerArrays
from liaocheng_plugin.core.engine.spec import RoleSpec, is_cultivated
from liaocheng_plugin.core.values import as_float, as_text

INT32_RANGE = 1 << 32


def qgis_fids(keys: np.ndarray) -> np.ndarray:
    """QGIS's feature ids of a PostGIS layer keyed by an int2/int4 column: the key, negative keys taken modulo 2³²."""
    keys = np.asarray(keys, dtype=np.int64)
    return np.where(keys < 0, keys + INT32_RANGE, keys)


def database_keys(fids: np.ndarray) -> np.ndarray:
    """The int2/int4 keys of QGIS's feature ids ``fids`` (the inverse of ``qgis_fids``)."""
    fids = np.asarray(fids, dtype=np.int64)
    return np.where(fids >= INT32_RANGE // 2, fids - INT32_RANGE, fids)


class Readings:
    """How the input check read each distinct value of a column (raw → normalised), by column meaning.

    Without the input check (or for a value it did not see) a value reads as itself.
    """

    def __init__(self, mappings: Optional[Dict[str, Dict[object, object]]] = None):
        self.mappings = mappings or {}

    def read(self, meaning: str, values: Sequence[object]) -> list:
        """The values of column ``meaning`` as the input check reads them."""
        mapping = self.mappings.get(meaning)
        if not mapping:
            return list(values)
        return [mapping.get(value, value) for value in values]


class MetFeatures:
    """The features met in one chunk: positions 0 … n−1 in ascending fid order, the columns the figures read.

    ``labels`` and ``codes`` are text ("" for NULL), ``deductions`` floats (0 for NULL), ``areal(positions)``
    is False for a point or line feature (a village point), as in a RoleIndex.
    """

    def __init__(
        self,
        spec: RoleSpec,
        fids: np.ndarray,
        labels: Sequence[object],
        codes: Sequence[object],
        deductions: Sequence[object],
        areal: np.ndarray,
        cultivated_codes: Sequence[str],
    ):
        self.spec = spec
        count = len(fids)
        self.arrays = LayerArrays(spec.display_name(), spec.key, fids, np.full(count, None, dtype=object))
        self.labels = _read(labels, as_text)
        self.codes = _read(codes, as_text)
        self.deductions = _read(deductions, _deduction)
        self._areal = np.asarray(areal, dtype=bool)
        self.cultivated_codes = tuple(cultivated_codes)

    @property
    def key(self) -> str:
        return self.spec.key

    def areal(self, positions: np.ndarray) -> np.ndarray:
        """Whether the features at ``positions`` are polygons (not a village point or a line)."""
        return self._areal[positions]

    def cultivated(self, positions: np.ndarray) -> np.ndarray:
        """Whether the features at ``positions`` are cultivated land by their code."""
        codes = self.codes[positions]
        flags = {code: is_cultivated(code, self.cultivated_codes) for code in set(codes.tolist())}
        return np.array([flags[code] for code in codes.tolist()], dtype=bool)


def _deduction(value) -> float:
    number = as_float(value)
    return 0.0 if number is None else number


def _read(values: Sequence[object], read) -> np.ndarray:
    """``read`` applied once per distinct value (a column holds few: codes, KCXS grades, NULL labels)."""
    cache: Dict[object, object] = {}
    result = []
    for value in values:
        try:
            result.append(cache[value])
        except KeyError:
            result.append(cache.setdefault(value, read(value)))
        except TypeError:  # an unhashable value: read on its own
            result.append(read(value))
    return _objects(result)


def _objects(values: list) -> np.ndarray:
    result = np.empty(len(values), dtype=object)
    result[:] = values
    return result
