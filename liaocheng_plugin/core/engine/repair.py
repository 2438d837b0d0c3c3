"""Geometries made fit to overlay, in bulk: lines buffered into corridors, invalid polygons repaired, parts kept."""

from typing import List

import numpy as np

from liaocheng_plugin.core.datacheck.findings import DataFinding
from liaocheng_plugin.core.definitions import IssueKind
from liaocheng_plugin.core.engine.arrays import LayerArrays
from liaocheng_plugin.core.engine.dependency import shapely
from liaocheng_plugin.core.engine.issues import issue_finding
from liaocheng_plugin.core.engine.pool import parallel

POLYGONAL = (3, 6)  # shapely type ids of Polygon and MultiPolygon
LINEAR = (1, 2, 5)  # LineString, LinearRing, MultiLineString
COLLECTION = 7


def polygonal_parts(geometries: np.ndarray) -> np.ndarray:
    """The polygon parts of each geometry (an overlay or makeValid result may carry lines or points); None if none.

    Polygons and multipolygons pass as they are; collections keep their polygons (as a multipolygon).
    """
    result = np.array(geometries, dtype=object, copy=True)
    types = shapely.get_type_id(result)
    result[~np.isin(types, POLYGONAL + (COLLECTION,))] = None
    collections = np.flatnonzero(types == COLLECTION)
    if len(collections):
        parts, owner = shapely.get_parts(result[collections], return_index=True)
        nested = shapely.get_type_id(parts) == COLLECTION
        while nested.any():  # a collection inside a collection: flatten once more
            inner, inner_owner = shapely.get_parts(parts[nested], return_index=True)
            parts = np.concatenate([parts[~nested], inner])
            owner = np.concatenate([owner[~nested], owner[nested][inner_owner]])
            nested = shapely.get_type_id(parts) == COLLECTION
        polygons = np.isin(shapely.get_type_id(parts), POLYGONAL) & ~shapely.is_empty(parts)
        order = np.argsort(owner[polygons], kind="stable")
        parts, owner = parts[polygons][order], owner[polygons][order]
        flat, flat_owner = shapely.get_parts(parts, return_index=True)
        merged = np.full(len(collections), None, dtype=object)
        if len(flat):
            shapely.multipolygons(flat, indices=owner[flat_owner], out=merged)
        result[collections] = merged
    result[shapely.is_empty(result)] = None
    return result


def fit_geometries(arrays: LayerArrays, buffer_m: float = 0.0) -> None:
    """The cheap part of the repair, for a whole layer in place: lines become corridors ``buffer_m`` wide on
    each side (when ``buffer_m`` > 0; else they stay lines), collections keep their polygon parts."""
    geometries = arrays.geometries
    types = shapely.get_type_id(geometries)
    if buffer_m > 0:
        lines = np.isin(types, LINEAR)
        if lines.any():
            geometries[lines] = shapely.buffer(geometries[lines], buffer_m, quad_segs=8)
            types[lines] = shapely.get_type_id(geometries[lines])
    collections = np.flatnonzero(types == COLLECTION)
    geometries[collections] = polygonal_parts(geometries[collections])


def repair_invalid(arrays: LayerArrays, positions: np.ndarray, threads: int = 1) -> List[DataFinding]:
    """Repair the invalid polygons among ``arrays.geometries[positions]`` in place; what was repaired or skipped.

    GEOS make_valid keeps the polygon parts: a ``fixed`` finding naming GEOS's reason, or a ``warning`` when
    nothing polygonal is left (the feature becomes None). Points, lines and None pass unchanged.
    """
    geometries = arrays.geometries
    areal = positions[np.isin(shapely.get_type_id(geometries[positions]), POLYGONAL)]
    valid = parallel(shapely.is_valid, geometries[areal], threads=threads)
    invalid = areal[~valid]
    findings = []
    if len(invalid):
        reasons = shapely.is_valid_reason(geometries[invalid])
        repaired = polygonal_parts(shapely.make_valid(geometries[invalid]))
        for position, original in zip(invalid.tolist(), geometries[invalid]):  # as read, for the input check
            arrays.repaired.setdefault(position, original)
        geometries[invalid] = repaired
        for position, reason, geometry in zip(invalid, reasons, repaired):
            kind = IssueKind.REPAIRED if geometry is not None else IssueKind.UNREPAIRABLE
            findings.append(issue_finding(arrays.name, int(arrays.fids[position]), kind, reason))
    return findings


def repair_geometries(arrays: LayerArrays, buffer_m: float = 0.0, threads: int = 1) -> List[DataFinding]:
    """Make every geometry of ``arrays`` fit to overlay, in place (``fit_geometries``, then ``repair_invalid``
    on all), and return what was repaired or skipped. Features already None stay None."""
    fit_geometries(arrays, buffer_m)
    return repair_invalid(arrays, np.arange(len(arrays.geometries)), threads)
