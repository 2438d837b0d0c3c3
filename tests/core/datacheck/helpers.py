"""Small LayerArrays built in tests, as the engine's reader will hand them to the input check."""

from typing import Optional, Sequence

import numpy as np
import shapely

from liaocheng_plugin.core.engine.arrays import LayerArrays

X0, Y0 = 39500000.0, 4050000.0  # CGCS2000 zone 39 (EPSG:4527), near Liaocheng


def box(x: float, y: float, width: float, height: Optional[float] = None):
    """A shapely rectangle with lower-left corner (X0 + x, Y0 + y)."""
    return shapely.box(X0 + x, Y0 + y, X0 + x + width, Y0 + y + (width if height is None else height))


def column(values: Sequence) -> np.ndarray:
    """An object column as the reader makes it (Python values, None for NULL)."""
    result = np.empty(len(values), dtype=object)
    result[:] = list(values)
    return result


def arrays_of(
    name: str, key: str, geometries: Sequence, fids: Optional[Sequence[int]] = None, **columns
) -> LayerArrays:
    """LayerArrays of ``geometries`` (shapely or None) with columns by meaning (code=…, deduction=…)."""
    count = len(geometries)
    return LayerArrays(
        name,
        key,
        np.asarray(fids if fids is not None else range(1, count + 1), dtype=np.int64),
        column(geometries),
        {meaning: column(values) for meaning, values in columns.items()},
    )
