"""Geometries of LayerArrays: features without geometry, subjects of zero area or length, subjects whose repair
changed their area, and a layer whose features overlap each other (the survey must tile without overlaps)."""

from typing import Callable, List, Optional

import numpy as np

from liaocheng_plugin.core.datacheck.columns import MAX_LISTED, fid_tuple, id_list, per_feature_findings, rows_finding
from liaocheng_plugin.core.datacheck.figures import format_area, format_area_m2_mu
from liaocheng_plugin.core.datacheck.findings import DataFinding, DataKind, DataSeverity
from liaocheng_plugin.core.engine.arrays import LayerArrays
from liaocheng_plugin.core.engine.dependency import shapely  # None without shapely 2: checks refuse
from liaocheng_plugin.core.foreign_texts import validity_reason
from liaocheng_plugin.core.i18n import tr

AreaFunction = Callable[[np.ndarray], np.ndarray]  # shapely geometries → areas in m²
CHANGE_NOISE_M2 = 0.01  # a repair changing an area by less than this (rounding) leaves it as it was: ``fixed``


def missing_geometries(geometries: np.ndarray) -> np.ndarray:
    """Boolean array: no geometry (None) or an empty one."""
    geometries = np.asarray(geometries, dtype=object)
    return shapely.is_missing(geometries) | shapely.is_empty(geometries)


def empty_geometry_findings(arrays: LayerArrays, severity: DataSeverity = DataSeverity.WARNING) -> List[DataFinding]:
    """One finding naming every feature without a usable geometry: a ``warning`` for protected layers (the
    feature counts nowhere), an ``error`` for subjects (it cannot be checked)."""
    rows = np.flatnonzero(missing_geometries(arrays.geometries))
    if not len(rows):
        return []
    message = tr("Layer “{}”: features {} have no geometry (or an unusable one) and count nowhere.").format(
        arrays.name, id_list(arrays.fids[rows])
    )
    if severity == DataSeverity.ERROR:
        message = tr("Layer “{}”: features {} have no geometry (or an unusable one) and cannot be checked.").format(
            arrays.name, id_list(arrays.fids[rows])
        )
        if len(rows) == 1:
            message = tr(
                "Layer “{}”, feature {}: it has no geometry, or one that cannot be used (such as a line of one "
                "vertex), and cannot be checked."
            ).format(arrays.name, int(arrays.fids[rows[0]]))
    hint = tr("Draw or repair these features, or delete them from the layer.")
    return [rows_finding(arrays, rows, DataKind.EMPTY_GEOMETRY, severity, message, hint)]


def zero_size_findings(arrays: LayerArrays, areas_m2: np.ndarray) -> List[DataFinding]:
    """An ``error`` per subject that has a geometry but nothing to check: a polygon whose checked (ellipsoidal)
    area is 0 (or none), a line of no length (a route of one point, or of points all alike, before it becomes
    a corridor: a 60 m corridor around one point would count 4.21 亩). ``areas_m2`` is aligned with ``arrays``;
    lengths are those of the geometries in their CRS."""
    areas = np.asarray(areas_m2, dtype=float)
    geometries = np.asarray(arrays.geometries, dtype=object)
    present = ~missing_geometries(geometries)
    dimension = shapely.get_dimensions(geometries)
    polygons = present & (dimension == 2) & ~(areas > 0.0)
    lines = present & (dimension == 1) & ~(shapely.length(geometries) > 0.0)
    broken = _lines_with_a_point_part(geometries, present & (dimension == 1) & ~lines)
    rows = np.flatnonzero(polygons | lines | broken)
    hint = tr("Check the layer's CRS and redraw the feature: a site needs an area, a route at least two points.")

    def text(row: int) -> str:
        if dimension[row] == 2:
            return tr("Layer “{}”, feature {}: its checked area is 0 m²; no figure can rest on it.").format(
                arrays.name, int(arrays.fids[row])
            )
        if broken[row]:
            text = tr("Layer “{}”, feature {}: a part of the route has no length (one point, or all its points alike).")
            return text.format(arrays.name, int(arrays.fids[row]))
        return tr("Layer “{}”, feature {}: the route has no length (one point, or all its points alike).").format(
            arrays.name, int(arrays.fids[row])
        )

    problem = tr("no area or no length")
    return per_feature_findings(arrays, rows, DataKind.ZERO_AREA, DataSeverity.ERROR, text, hint, problem)


def repair_area_findings(
    arrays: LayerArrays, area: AreaFunction, tolerance_pct: float, tolerance_m2: float, refuse: bool
) -> List[DataFinding]:
    """A finding per subject whose invalid boundary (a bowtie, a loop) the engine's repair gave another area:
    ``arrays.repaired`` holds the geometries as read, ``arrays.geometries`` the repaired ones, ``area`` measures
    both (m²). The repair of a bowtie keeps both lobes, where the boundary as drawn has them cancel out: its
    area is a guess. An ``error`` when the change exceeds ``tolerance_m2`` and ``tolerance_pct`` (of the larger
    area) and ``refuse`` (settings ``datacheck/repair_tolerance_m2`` 1, ``…_pct`` 0.1,
    ``datacheck/refuse_area_changing_repairs`` true); otherwise a ``warning`` carried on the subject. Each names
    GEOS's reason and place and both areas in m² and 亩; a change below CHANGE_NOISE_M2 leaves the repair ``fixed``."""
    rows = np.array(sorted(position for position, shape in arrays.repaired.items() if shape is not None), dtype=int)
    rows = rows[arrays.geometries[rows] != None] if len(rows) else rows  # noqa: E711 - unrepairable: no geometry
    if not len(rows):
        return []
    originals = np.empty(len(rows), dtype=object)
    originals[:] = [arrays.repaired[row] for row in rows.tolist()]
    before, after = np.asarray(area(originals), dtype=float), np.asarray(area(arrays.geometries[rows]), dtype=float)
    change = np.abs(after - before)
    beyond = (change > tolerance_m2) & (change > tolerance_pct / 100.0 * np.maximum(before, after))
    errors = beyond if refuse else np.zeros(len(rows), dtype=bool)
    warnings = ~errors & (change > CHANGE_NOISE_M2)
    reasons = {int(row): validity_reason(text) for row, text in zip(rows, shapely.is_valid_reason(originals))}
    areas = {int(row): (float(b), float(a)) for row, b, a in zip(rows, before, after)}

    def text(template: str):
        def write(row: int) -> str:
            first, second = areas[int(row)]
            return template.format(
                arrays.name,
                int(arrays.fids[row]),
                reasons[int(row)],
                format_area_m2_mu(first),
                format_area_m2_mu(second),
            )

        return write

    refused = tr(
        "Layer “{}”, feature {}: its boundary is invalid ({}); repairing it would change its area from {} as drawn "
        "to {}: no figure can rest on a guessed shape."
    )
    refused_hint = tr(
        "Redraw the boundary so that it does not cross itself (Vector ▸ Geometry Tools ▸ Check Validity shows "
        "where). To check the repaired shape with a warning instead, set the advanced setting "
        "liaocheng_plugin/datacheck/refuse_area_changing_repairs to false."
    )
    warned = tr(
        "Layer “{}”, feature {}: its boundary is invalid ({}); the check uses it repaired, which changes its area "
        "from {} as drawn to {}."
    )
    warned_hint = tr("Correct the boundary in the layer: the figures rest on the repaired shape.")
    problem = tr("a repair that changes the area")
    kind = DataKind.REPAIR_AREA
    findings = per_feature_findings(
        arrays, rows[errors], kind, DataSeverity.ERROR, text(refused), refused_hint, problem
    )
    findings += per_feature_findings(
        arrays, rows[warnings], kind, DataSeverity.WARNING, text(warned), warned_hint, problem
    )
    return findings


def _lines_with_a_point_part(geometries: np.ndarray, candidates: np.ndarray) -> np.ndarray:
    """Boolean array: which of the ``candidates`` (multi-part lines) have a part of no length (its corridor would
    add a disc around one point)."""
    result = np.zeros(len(geometries), dtype=bool)
    rows = np.flatnonzero(candidates)
    if len(rows):
        parts, owner = shapely.get_parts(geometries[rows], return_index=True)
        result[rows[np.unique(owner[~(shapely.length(parts) > 0.0)])]] = True
    return result


def off_coverage(geometries: np.ndarray) -> np.ndarray:
    """Boolean array: which polygons may overlap another. With GEOS ≥ 3.12 only those with an edge the
    coverage validator flags (a clean survey has none); otherwise all."""
    everything = np.ones(len(geometries), dtype=bool)
    if not hasattr(shapely, "coverage_invalid_edges") or shapely.geos_version < (3, 12, 0):
        return everything
    polygonal = np.isin(shapely.get_type_id(geometries), (3, 6))
    try:
        flagged = ~shapely.is_empty(shapely.coverage_invalid_edges(geometries[polygonal]))
    except shapely.errors.GEOSException:
        return everything
    everything[np.flatnonzero(polygonal)[~flagged]] = False
    return everything


def self_overlap_findings(
    arrays: LayerArrays,
    tolerance_m2: float,
    area: Optional[AreaFunction] = None,
    candidates: Optional[np.ndarray] = None,
) -> List[DataFinding]:
    """A ``warning`` per pair of features of one layer whose shared area exceeds ``tolerance_m2`` (setting
    ``datacheck/overlap_tolerance_m2``, 1 m²), largest first, and a summary. The overlay never counts such
    area twice; the pairs are listed because a survey layer should tile without overlaps.

    ``area`` measures shapely geometries in m² (planar in the working CRS by default); ``candidates``
    (indices) limits the check to the features that matter (those a subject meets).
    """
    geometries = np.asarray(arrays.geometries, dtype=object)
    indices = np.arange(len(geometries)) if candidates is None else np.asarray(candidates, dtype=np.int64)
    usable = indices[~missing_geometries(geometries[indices])]
    if candidates is None:
        usable = usable[off_coverage(geometries[usable])]
    if len(usable) < 2:
        return []
    tree = shapely.STRtree(geometries[usable])
    left, right = tree.query(geometries[usable], predicate="intersects")
    keep = left < right
    left, right = usable[left[keep]], usable[right[keep]]
    inner = ~shapely.touches(geometries[left], geometries[right])
    left, right = left[inner], right[inner]
    if not len(left):
        return []
    shared = shapely.intersection(geometries[left], geometries[right])
    shared_m2 = area(shared) if area is not None else shapely.area(shared)
    big = np.flatnonzero(shared_m2 > tolerance_m2)
    if not len(big):
        return []
    big = big[np.argsort(-shared_m2[big])]
    hint = tr("The checks count shared area once; correct the layer so its features tile without overlaps.")
    pairs = [(int(arrays.fids[left[pair]]), int(arrays.fids[right[pair]]), float(shared_m2[pair])) for pair in big]
    summary = tr("Layer “{}”: {} pairs of features overlap each other (more than {:g} m² each), {} in all.").format(
        arrays.name, f"{len(pairs):,}", tolerance_m2, format_area(sum(shared for _, _, shared in pairs))
    )
    every = fid_tuple(np.unique([fid for first, second, _ in pairs for fid in (first, second)]))
    findings = [DataFinding(arrays.name, None, DataKind.SELF_OVERLAP, DataSeverity.WARNING, summary, hint, every)]
    for first, second, shared in pairs[:MAX_LISTED]:
        text = tr("Layer “{}”: features {} and {} overlap by {}.").format(
            arrays.name, first, second, format_area(shared)
        )
        findings.append(
            DataFinding(arrays.name, first, DataKind.SELF_OVERLAP, DataSeverity.WARNING, text, hint, (first, second))
        )
    return findings
