"""The overlay engine: layers read once into shapely 2 arrays, repaired, inspected, indexed, measured and overlaid.

Modules: ``reader`` (layers into ``LayerArrays``), ``repair`` (valid polygons, corridors),
``index`` (STRtree per role), ``measure`` (planar and ellipsoidal areas), ``pieces`` (bulk cutting,
overlaps made disjoint), ``overlay`` (the stages and ``run_overlay``), ``pairs`` (subjects
overlapping each other), ``results`` (engine-neutral result objects). shapely ≥ 2 is required at
run time only: ``dependency.require_shapely()`` names what to install when it is missing.
"""

from liaocheng_plugin.core.engine.arrays import LayerArrays
from liaocheng_plugin.core.engine.dependency import missing_dependency, require_shapely
from liaocheng_plugin.core.engine.measure import AreaMeasurer
from liaocheng_plugin.core.engine.overlay import (
    Inspect,
    OverlayEngine,
    inspect_arrays,
    read_subjects,
    run_overlay,
    subjects_extent,
)
from liaocheng_plugin.core.engine.reader import iterate_features, read_layer
from liaocheng_plugin.core.engine.results import OverlapPiece, OverlayReport, RoleOverlap, SubjectOverlap
from liaocheng_plugin.core.engine.spec import RoleSpec, is_cultivated

__all__ = [
    "AreaMeasurer",
    "Inspect",
    "LayerArrays",
    "OverlapPiece",
    "OverlayEngine",
    "OverlayReport",
    "RoleOverlap",
    "RoleSpec",
    "SubjectOverlap",
    "inspect_arrays",
    "is_cultivated",
    "iterate_features",
    "missing_dependency",
    "read_layer",
    "read_subjects",
    "require_shapely",
    "run_overlay",
    "subjects_extent",
]
