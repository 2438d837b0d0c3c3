"""Pairs of subjects that overlap each other (double counting), within one set or between two sets."""

from typing import Dict, Hashable, List, Optional, Tuple

from qgis.core import QgsGeometry, QgsSpatialIndex

from liaocheng_plugin.core.crs import AreaMeasurer


def overlapping_pairs(
    first: Dict[Hashable, QgsGeometry],
    measurer: AreaMeasurer,
    sliver_m2: float,
    second: Optional[Dict[Hashable, QgsGeometry]] = None,
) -> List[Tuple[Hashable, Hashable, float]]:
    """(a, b, shared m²) for every overlap larger than ``sliver_m2``: within ``first``, or ``first`` × ``second``."""
    others = first if second is None else second
    keys = list(others)
    index = QgsSpatialIndex()
    for position, key in enumerate(keys):
        index.addFeature(position, others[key].boundingBox())
    pairs = []
    for key, geometry in first.items():
        for position in index.intersects(geometry.boundingBox()):
            other = keys[position]
            if second is None and (other == key or str(other) <= str(key)):
                continue
            shared = geometry.intersection(others[other])
            area = measurer.area(shared) if not shared.isEmpty() else 0.0
            if area > sliver_m2:
                pairs.append((key, other, area))
    return pairs
