"""A small thread pool for GEOS work: shapely 2 releases the GIL inside its vectorised calls."""

from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Optional

import numpy as np
from qgis.PyQt.QtCore import QThread

MIN_PER_THREAD = 2048  # below this, splitting costs more than it saves


def thread_count(threads: Optional[int] = None) -> int:
    """``threads`` when given, else QThread.idealThreadCount() (the machine's cores), at least 1."""
    return max(1, threads if threads else QThread.idealThreadCount())


def parallel(function: Callable[..., np.ndarray], *arrays: np.ndarray, threads: int = 1) -> np.ndarray:
    """``function(*arrays)`` computed on contiguous slices in ``threads`` threads; the same result as one call.

    ``function`` must be elementwise (one output per input row), e.g. ``shapely.intersection``.
    """
    count = len(arrays[0]) if arrays else 0
    parts = min(threads, count // MIN_PER_THREAD)
    if parts <= 1:
        return function(*arrays)
    bounds = np.linspace(0, count, parts + 1).astype(int)
    with ThreadPoolExecutor(max_workers=parts) as executor:
        futures = [
            executor.submit(function, *(array[start:stop] for array in arrays))
            for start, stop in zip(bounds[:-1], bounds[1:])
        ]
        return np.concatenate([future.result() for future in futures])
