"""A layer read once into arrays: feature ids, shapely geometries in the working CRS, attribute columns."""

from dataclasses import dataclass, field
from typing import Any, Dict

import numpy as np

# Meanings of the attribute columns a check reads; the layer's own field names stay in the RoleSpec.
COLUMN_LABEL = "label"  # name or code shown for a feature (village name, farmland patch number …)
COLUMN_CODE = "code"  # land-use code (DLBM)
COLUMN_DEDUCTION = "deduction"  # field-ridge deduction coefficient (KCXS), a fraction in [0, 1)
COLUMN_RECORDED_AREA = "recorded_area"  # recorded patch area (TBMJ), m²
COLUMN_NET_AREA = "net_area"  # recorded net land-class area (TBDLMJ), m²


@dataclass
class LayerArrays:
    """One layer (a role's protected layer or the subjects) as parallel arrays of length n.

    ``fids``: int64 feature ids. ``geometries``: object array of shapely geometries in the working
    CRS, valid polygons after repair, ``None`` where a feature has no usable geometry.
    ``columns``: attribute values by meaning (``COLUMN_*``), object arrays holding Python values,
    ``None`` for NULL. ``name`` is the layer's display name used in every message. ``crs`` is the
    QgsCoordinateReferenceSystem of ``geometries`` (the working CRS) when the reader knows it: the
    input check measures ellipsoidal areas in it. ``repaired`` maps the position of every polygon the
    repair replaced to its geometry as read (the input check compares their areas).
    """

    name: str
    key: str
    fids: np.ndarray
    geometries: np.ndarray
    columns: Dict[str, np.ndarray] = field(default_factory=dict)
    crs: Any = None
    repaired: Dict[int, Any] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.fids)
