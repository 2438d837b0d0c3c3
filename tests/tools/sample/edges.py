"""Field boundaries with the detail of real survey patches: every shared edge of a tessellation bent alike.

三调 DLTB and farmland patches have tens of vertices (mean ≈ 20–25): field edges follow ditches, roads
and ridges. ``detailed_edges`` gives a tessellation of straight-edged cells (a Voronoi diagram) that
detail without breaking it: each edge gets interior vertices displaced sideways by a pseudo-random
amount decided by the edge's two end points alone, so the two cells that share an edge get exactly
the same vertices (the tessellation stays a valid coverage, noded alike on both sides). Edges of a
cell that would cross themselves stay straight.
"""

from typing import Sequence

import numpy as np
import shapely

STEP_M = 22.0  # about one interior vertex per STEP_M metres of edge
MAX_INTERIOR = 6  # interior vertices of one edge at most
SWAY = 0.05  # sideways displacement, as a share of the edge length (largest mid-edge)
MAX_SWAY_M = 4.0


def _mix(values: np.ndarray) -> np.ndarray:
    """splitmix64 of uint64 values: a reproducible hash, the same on every machine."""
    with np.errstate(over="ignore"):
        z = values + np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


def _edge_hash(a: np.ndarray, b: np.ndarray, seed: int) -> np.ndarray:
    """One uint64 per edge from its canonical end points (float bits), the same for both cells."""
    bits = np.ascontiguousarray(np.hstack([a, b])).view(np.uint64)
    h = _mix(np.full(len(a), np.uint64(seed)))
    for column in range(4):
        h = _mix(h ^ bits[:, column])
    return h


def detailed_edges(cells: Sequence, seed: int) -> np.ndarray:
    """The cells (shapely polygons without holes sharing exact vertices) with every edge detailed alike."""
    cells = np.asarray(cells, dtype=object)
    straight = np.zeros(0, dtype=np.uint64)
    for _ in range(4):  # edges of a cell that came out invalid are kept straight, in every cell
        result, keys = _bend(cells, seed, straight)
        invalid = ~shapely.is_valid(result)
        if not invalid.any():
            return result
        straight = np.union1d(straight, keys[np.isin(keys[:, 1], np.flatnonzero(invalid)), 0])
    return np.where(shapely.is_valid(result), result, cells)


def _bend(cells: np.ndarray, seed: int, straight: np.ndarray):
    coordinates, owner = shapely.get_coordinates(shapely.get_exterior_ring(cells), return_index=True)
    last = np.r_[owner[1:] != owner[:-1], True]  # the closing vertex of each ring
    start, end = coordinates[:-1][~last[:-1]], coordinates[1:][~last[:-1]]
    edge_owner = owner[:-1][~last[:-1]]
    forward = (start[:, 0] < end[:, 0]) | ((start[:, 0] == end[:, 0]) & (start[:, 1] < end[:, 1]))
    a = np.where(forward[:, None], start, end)
    b = np.where(forward[:, None], end, start)
    keys = _edge_hash(a, b, seed)
    length = np.hypot(*(b - a).T)
    interior = np.clip((length / STEP_M).astype(int), 1, MAX_INTERIOR)
    interior[np.isin(keys, straight) | (length < 1.0)] = 0
    total = int(interior.sum())
    edge_of = np.repeat(np.arange(len(a)), interior)
    rank = np.arange(total) - np.repeat(np.cumsum(interior) - interior, interior)  # 0 … k-1 within its edge
    t = (rank + 1) / (interior[edge_of] + 1)
    sway = (_mix(keys[edge_of] ^ rank.astype(np.uint64)) >> np.uint64(11)).astype(float) / 2.0**53 * 2.0 - 1.0
    offset = np.minimum(SWAY * length[edge_of], MAX_SWAY_M) * sway * np.sin(np.pi * t)
    direction = (b - a)[edge_of] / np.maximum(length[edge_of], 1e-12)[:, None]
    normal = np.column_stack([-direction[:, 1], direction[:, 0]])
    points = a[edge_of] + t[:, None] * (b - a)[edge_of] + offset[:, None] * normal
    # Walk each edge from its start: reverse the interior vertices of edges drawn from b to a.
    order_in_edge = np.where(forward[edge_of], rank, interior[edge_of] - 1 - rank)
    first_point = np.cumsum(interior) - interior
    points = points[first_point[edge_of] + order_in_edge]
    # Each ring: start vertex of each edge followed by its interior vertices, then the closing vertex.
    counts = interior + 1
    slots = np.cumsum(counts) - counts
    ring_vertices = np.empty((total + len(a), 2))
    ring_owner = np.empty(total + len(a), dtype=np.int64)
    ring_vertices[slots] = start
    ring_owner[slots] = edge_owner
    inner_slots = np.repeat(slots + 1, interior) + rank
    ring_vertices[inner_slots] = points
    ring_owner[inner_slots] = edge_owner[edge_of]
    rings = shapely.linearrings(ring_vertices, indices=ring_owner)
    result = np.empty(len(cells), dtype=object)
    result[np.unique(ring_owner)] = shapely.polygons(rings)
    return result, np.column_stack([keys, edge_owner.astype(np.uint64)])
