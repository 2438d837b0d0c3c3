"""The engine's speed-ups keep the figures exact: the proof that pieces do not overlap, validity checked where
met, overlapping protected features reported, corridors looked up cell by cell, the thread pool's slices."""

import numpy as np
import pytest
import shapely
from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry, QgsProject

from liaocheng_plugin.core.datacheck.findings import DataSeverity
from liaocheng_plugin.core.definitions import AreaMode, IssueKind
from liaocheng_plugin.core.engine import OverlayEngine, RoleSpec, pool, run_overlay
from liaocheng_plugin.core.engine import overlay as overlay_module
from liaocheng_plugin.core.engine.disjoint import proven_disjoint
from liaocheng_plugin.core.engine.reader import bulk_reader
from tests.conftest import memory_layer, square

GK39 = "EPSG:4527"
X0, Y0 = 39500000.0, 4050000.0


def context():
    return QgsProject.instance().transformContext()


def box(x, y, w, h=None):
    return shapely.box(x, y, x + w, y + (w if h is None else h))


def tiles(columns, rows, size=10.0, x=0.0, y=0.0):
    return [box(x + i * size, y + j * size, size) for i in range(columns) for j in range(rows)]


# Pieces of one subject each; whether any two of them overlap (share interior).
GROUPS = {
    "clean tiling": (tiles(3, 3), False),
    "tiling round an empty courtyard": ([t for k, t in enumerate(tiles(3, 3)) if k != 4], False),
    "corners touching only": ([box(0, 0, 10), box(10, 10, 10)], False),
    "a multipolygon piece beside a tile": ([shapely.union(box(0, 0, 10), box(20, 0, 10)), box(10, 0, 10)], False),
    "a duplicate": ([box(0, 0, 10), box(0, 0, 10)], True),
    "nested, no shared vertex": ([box(0, 0, 10), box(2, 2, 3)], True),
    "nested on an edge, vertices shared": (
        [shapely.Polygon([(0, 0), (5, 0), (10, 0), (10, 10), (0, 10)]), box(0, 0, 5)],
        True,
    ),
    "crossing, no shared vertex": ([box(0, 0, 10), box(5, 5, 10)], True),
    "a whole digitised over its parts": (
        [box(0, 0, 10), box(10, 0, 10), shapely.union(box(0, 0, 10), box(10, 0, 10))],
        True,
    ),
    "two tilings of one square": (tiles(2, 2) + [box(0, 0, 20, 10), box(0, 10, 20, 10)], True),
    "a sliver overlap": ([box(0, 0, 10), box(9.999999, 0, 10)], True),
}


def de9im_overlaps(shapes) -> bool:
    return any(shapely.relate_pattern(a, b, "T********") for i, a in enumerate(shapes) for b in shapes[i + 1 :])


def test_the_disjointness_proof_never_accepts_overlapping_pieces_and_accepts_clean_ones():
    """Each group is one subject's pieces: the proof holds exactly where no two pieces share interior (DE-9IM)."""
    subject, shapes = [], []
    for number, (pieces, _) in enumerate(GROUPS.values()):
        subject += [number] * len(pieces)
        shapes += [shapely.affinity.translate(piece, X0, Y0) for piece in pieces]
    proven = proven_disjoint(np.array(subject), np.array(shapes, dtype=object), np.arange(len(GROUPS)))
    for (name, (pieces, overlapping)), holds in zip(GROUPS.items(), proven):
        assert de9im_overlaps(pieces) == overlapping, name
        assert holds == (not overlapping), name


def test_overlapping_protected_features_count_once_and_are_reported_once_as_warnings(monkeypatch):
    """Farmland features 2 and 3 overlap on 10 m × 60 m (reported), 4 and 5 on 0.2 m² (under the 1 m² tolerance,
    not reported); both subjects, in two chunks, meet the overlap of 2 and 3: one finding for the pair."""
    rows = [
        (square(X0 + 500, Y0, 50), "A"),
        (square(X0, Y0, 60), "B"),
        (square(X0 + 50, Y0, 60), "C"),
        (square(X0 + 200, Y0, 20), "D"),
        (box(X0 + 219.99, Y0, 20.01, 20).wkt, "E"),
    ]
    farmland = memory_layer("Polygon", GK39, rows, {"BSM": str}, "永久基本农田")
    subjects = memory_layer(
        "Polygon", GK39, [(square(X0 + 40, Y0, 40),), (square(X0 + 30, Y0 + 10, 50),), (square(X0 + 190, Y0, 60),)]
    )
    monkeypatch.setattr(overlay_module, "CHUNK_SIZE", 1)
    report = run_overlay(subjects, [RoleSpec("pbf", farmland, label_field="BSM")], context(), AreaMode.PLANAR)
    first = report.subjects[0].roles["pbf"]
    assert first.area_m2 == pytest.approx(40 * 40)  # x 40..80 lies on B (to 60) and C (from 50): once
    assert sum(piece.area_m2 for piece in first.pieces) == pytest.approx(first.area_m2)
    assert report.subjects[2].roles["pbf"].area_m2 == pytest.approx(40 * 20, abs=1e-6)
    overlaps = [finding for finding in report.issues if finding.kind == "self_overlap"]
    assert [(f.layer, f.feature_id, f.severity) for f in overlaps] == [
        ("永久基本农田", None, DataSeverity.WARNING),
        ("永久基本农田", 2, DataSeverity.WARNING),
    ]
    assert "features 2 and 3 overlap by 0.90 mu" in overlaps[1].message  # 600 m²


def bowtie(x, y):
    return f"POLYGON(({x} {y},{x + 100} {y + 100},{x + 100} {y},{x} {y + 100},{x} {y}))"


def test_validity_is_checked_where_a_subject_meets_a_feature_and_for_all_before_an_input_check():
    """Without an input check only the bowtie a subject meets is repaired (and reported); with one, the check
    sees every feature repaired, and the figures are the same."""
    farmland = memory_layer("Polygon", GK39, [(bowtie(X0, Y0),), (bowtie(X0 + 5000, Y0),)], name="YJJBNT")
    subject = memory_layer("Polygon", GK39, [(square(X0, Y0, 100),)])
    spec = RoleSpec("pbf", farmland)
    engine = OverlayEngine(QgsCoordinateReferenceSystem(GK39), context(), AreaMode.PLANAR)
    engine.build_indexes([spec])
    far = engine.indexes["pbf"].arrays.geometries[1]
    assert not shapely.is_valid(far)  # not met: never checked, never repaired
    lazy = engine.overlay(QgsGeometry.fromWkt(square(X0, Y0, 100)))
    assert [(f.feature_id, f.kind) for f in engine.issues] == [(1, IssueKind.REPAIRED)]
    assert not shapely.is_valid(engine.indexes["pbf"].arrays.geometries[1])
    seen = []
    report = run_overlay(subject, [spec], context(), AreaMode.PLANAR, inspect=lambda a: seen.append(a.key) or [])
    assert seen == ["subject", "pbf"]
    checked = run_overlay(
        subject,
        [spec],
        context(),
        AreaMode.PLANAR,
        inspect=lambda arrays: [] if shapely.is_valid(arrays.geometries).all() else pytest.fail("unrepaired"),
    )
    assert lazy.area_m2_of("pbf") == pytest.approx(5000.0)
    assert report.subjects[0].area_m2_of("pbf") == checked.subjects[0].area_m2_of("pbf") == pytest.approx(5000.0)
    assert [(f.feature_id, f.kind) for f in checked.issues] == [(1, IssueKind.REPAIRED)]


def test_a_long_corridor_meets_exactly_the_features_a_brute_force_search_finds():
    """A 6 km diagonal corridor over 10,000 cells: looked up cell by cell, the same pieces and area."""
    cells = [(square(X0 + 30 * i, Y0 + 30 * j, 30), f"{i}-{j}") for i in range(100) for j in range(100)]
    survey = memory_layer("Polygon", GK39, cells, {"BSM": str}, "DLTB")
    engine = OverlayEngine(QgsCoordinateReferenceSystem(GK39), context(), AreaMode.PLANAR)
    engine.build_indexes([RoleSpec("survey", survey, label_field="BSM")])
    line = shapely.LineString([(X0 + 15, Y0 + 15), (X0 + 2985, Y0 + 1500), (X0 + 15, Y0 + 2985)])
    corridor = line.buffer(10.0, quad_segs=8)
    overlap = engine.overlay(QgsGeometry.fromWkt(corridor.wkt)).roles["survey"]
    geometries = shapely.from_wkt([wkt for wkt, _ in cells])
    expected = {cells[i][1] for i in np.flatnonzero(shapely.area(shapely.intersection(corridor, geometries)) > 0)}
    assert len(expected) > 256
    assert set(overlap.labels) == expected and len(overlap.pieces) == len(expected)
    assert overlap.area_m2 == pytest.approx(corridor.area, rel=1e-9)


def test_slices_keep_the_rows_of_one_prepared_geometry_in_one_thread(monkeypatch):
    monkeypatch.setattr(pool, "MIN_PER_THREAD", 1)
    groups = np.array([0, 0, 0, 1, 1, 2, 2, 2, 2, 3])
    parts = pool.slices(10, 3, groups)
    assert len(parts) > 1 and parts[0].start == 0 and parts[-1].stop == 10
    assert all(one.stop == two.start for one, two in zip(parts[:-1], parts[1:]))
    assert all(groups[part.start] != groups[part.start - 1] for part in parts[1:])  # no group split
    assert pool.slices(10, 4, np.zeros(10)) == [slice(0, 10)]
    doubled = pool.parallel(lambda values: values * 2, np.arange(10), threads=3, groups=groups)
    assert doubled.tolist() == list(range(0, 20, 2))


def test_saved_layers_read_in_the_background_give_the_figures_of_layers_read_through_qgis(tmp_path):
    """GeoPackage layers are read by GDAL in a background thread (a memory layer between them through QGIS):
    every figure equals that of the same layers read through QGIS."""
    from tests.core.test_engine import write_gpkg

    cells = [
        (square(X0 + 40 * i, Y0 + 40 * j, 40), ("0101", "0201")[(i + j) % 2], 0.05) for i in range(8) for j in range(8)
    ]
    survey = memory_layer("Polygon", GK39, cells, {"DLBM": str, "KCXS": float}, "DLTB")
    farmland = memory_layer("Polygon", GK39, [(square(X0 + 20, Y0 + 20, 100), "JB1")], {"BSM": str}, "YJJBNT")
    redline = memory_layer("Polygon", GK39, [(square(X0 + 150, Y0 + 120, 60), "HX1")], {"BSM": str}, "STBHHX")
    subjects = memory_layer("Polygon", GK39, [(square(X0 + 10 + 35 * k, Y0 + 5 + 30 * k, 50),) for k in range(8)])
    saved = {
        name: write_gpkg(lyr, tmp_path / f"{name}.gpkg", name) for name, lyr in (("DLTB", survey), ("YJJBNT", farmland))
    }

    def specs(survey_layer, farmland_layer):
        return [
            RoleSpec("survey", survey_layer, code_field="DLBM", deduction_field="KCXS", coverage=True),
            RoleSpec("erl", redline, label_field="BSM"),
            RoleSpec("pbf", farmland_layer, label_field="BSM"),
        ]

    def figures(report):
        return [
            (r.subject_id, r.area_m2_of("pbf"), r.area_m2_of("erl"), r.roles["survey"].cultivated_net_m2)
            + (tuple(sorted(r.roles["survey"].area_by_code_m2.items())), tuple(r.roles["pbf"].labels))
            for r in report.subjects
        ]

    crs = QgsCoordinateReferenceSystem(GK39)
    assert bulk_reader(saved["DLTB"], "DLTB", {"code": "DLBM"}, crs, context()) is not None
    assert bulk_reader(survey, "DLTB", {"code": "DLBM"}, crs, context()) is None
    bulk = run_overlay(subjects, specs(saved["DLTB"], saved["YJJBNT"]), context(), AreaMode.PLANAR)
    through_qgis = run_overlay(subjects, specs(survey, farmland), context(), AreaMode.PLANAR)
    assert figures(bulk) == figures(through_qgis)
    assert sum(r.area_m2_of("pbf") for r in bulk.subjects) > 0 and any(r.area_m2_of("erl") for r in bulk.subjects)
