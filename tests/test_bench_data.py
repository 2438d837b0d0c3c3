"""The benchmark's realistic county data: patches with the vertices of real ones, still a valid coverage."""

import numpy as np
import shapely

from tests.tools.sample.edges import detailed_edges


def voronoi_cells(count: int = 30, spacing: float = 110.0, seed: int = 3) -> np.ndarray:
    rng = np.random.default_rng(seed)
    xs, ys = np.meshgrid(np.arange(count) * spacing, np.arange(count) * spacing)
    sites = np.column_stack([xs.ravel(), ys.ravel()]) + rng.uniform(-44, 44, (count * count, 2))
    sites += (39500000.0, 4050000.0)
    points = shapely.multipoints(sites)
    return shapely.get_parts(shapely.voronoi_polygons(points, extend_to=shapely.envelope(points)))


def test_detailed_edges_give_real_vertex_counts_and_keep_the_cells_a_valid_coverage():
    cells = voronoi_cells()
    detailed = detailed_edges(cells, seed=7)
    vertices = shapely.get_num_coordinates(detailed) - 1
    assert shapely.is_valid(detailed).all()
    assert vertices.mean() > 20 > shapely.get_num_coordinates(cells).mean()
    first, second = shapely.STRtree(detailed).query(detailed, predicate="intersects")
    pairs = first < second
    assert pairs.sum() > 2 * len(cells)  # neighbours share their (bent) edges …
    assert not shapely.relate_pattern(detailed[first[pairs]], detailed[second[pairs]], "T********").any()  # … only
    union = shapely.coverage_union_all(detailed)  # shared edges noded alike on both sides
    assert abs(shapely.area(union) - shapely.area(detailed).sum()) < 1e-9 * shapely.area(union)
    assert shapely.equals_exact(detailed_edges(cells, seed=7), detailed).all()  # reproducible
    assert not shapely.equals_exact(detailed_edges(cells, seed=8), detailed).all()
