"""Geometries: features without one, subjects of zero area or length, and survey patches overlapping each other."""

import numpy as np
import shapely

from liaocheng_plugin.core.datacheck.findings import DataKind, DataSeverity
from liaocheng_plugin.core.datacheck.geometry_rules import (
    empty_geometry_findings,
    repair_area_findings,
    self_overlap_findings,
    zero_size_findings,
)
from liaocheng_plugin.core.engine.repair import repair_geometries
from tests.core.datacheck.helpers import X0, Y0, arrays_of, box


def test_features_without_geometry_are_named():
    """The issue's case: a farmland feature with no geometry was skipped without a message."""
    arrays = arrays_of("YJJBNT", "pbf", [box(0, 0, 10), None, shapely.Polygon()], fids=[1, 2, 3])
    findings = empty_geometry_findings(arrays)
    assert [(f.kind, f.severity, f.feature_id) for f in findings] == [
        (DataKind.EMPTY_GEOMETRY, DataSeverity.WARNING, None)
    ]
    assert "“YJJBNT”" in findings[0].message and "2, 3" in findings[0].message
    subject = empty_geometry_findings(arrays_of("CBDK", "subject", [None], fids=[7]), DataSeverity.ERROR)
    assert (subject[0].severity, subject[0].feature_id) == (DataSeverity.ERROR, 7)


def test_a_subject_of_zero_checked_area_is_an_error():
    """A polygon whose ellipsoidal area came out 0 (coordinates off the CRS) must never give a figure."""
    arrays = arrays_of("CBDK", "subject", [box(0, 0, 100), box(200, 0, 100), None], fids=[1, 2, 3])
    findings = zero_size_findings(arrays, np.array([10000.0, 0.0, 0.0]))
    assert [(f.feature_id, f.kind, f.severity) for f in findings] == [(2, DataKind.ZERO_AREA, DataSeverity.ERROR)]
    assert "“CBDK”" in findings[0].message and "feature 2" in findings[0].message


def test_routes_of_one_point_and_polygons_without_area_are_errors():
    """The issue's case: a route of one vertex or zero length gave "4.21 亩 on farmland" (a circle of corridor)."""
    one_point = shapely.LineString([(X0, Y0), (X0, Y0)])
    geometries = np.array(
        [
            shapely.LineString([(X0, Y0), (X0 + 100, Y0)]),
            one_point,
            shapely.MultiLineString([[(X0, Y0), (X0, Y0)], [(X0 + 5, Y0), (X0 + 5, Y0)]]),
            shapely.Polygon([(X0, Y0), (X0 + 10, Y0), (X0 + 20, Y0), (X0, Y0)]),
            box(0, 0, 10),
        ],
        dtype=object,
    )
    arrays = arrays_of("XMXL", "subject", geometries, fids=[1, 2, 3, 4, 5])
    findings = zero_size_findings(arrays, shapely.area(geometries))
    assert [f.feature_id for f in findings] == [2, 3, 4]
    assert all(f.severity == DataSeverity.ERROR for f in findings)
    assert "no length" in findings[0].message and "area is 0 m²" in findings[2].message


def test_overlapping_survey_patches_are_listed_in_pairs():
    patches = [box(0, 0, 100), box(90, 0, 100), box(190, 0, 100), box(300, 0, 50), box(300.5, 0, 50)]
    arrays = arrays_of("DLTB", "survey", patches, fids=[10, 11, 12, 13, 14])
    findings = self_overlap_findings(arrays, 1.0)
    assert findings[0].feature_id is None and "2 pairs" in findings[0].message
    pairs = [(f.feature_id, f.message) for f in findings[1:]]
    assert pairs[0][0] == 13 and "13 and 14 overlap by 3.71 mu" in pairs[0][1]  # 49.5 m × 50 m, largest first
    assert pairs[1][0] == 10 and "10 and 11 overlap by 1.50 mu" in pairs[1][1]  # 10 m × 100 m
    assert all(f.kind == DataKind.SELF_OVERLAP and f.severity == DataSeverity.WARNING for f in findings)


def test_touching_patches_and_overlaps_below_the_tolerance_are_not_findings():
    patches = [box(0, 0, 100), box(100, 0, 100), box(199.995, 0, 100)]  # 0.5 m² shared by the last two
    assert self_overlap_findings(arrays_of("DLTB", "survey", patches), 1.0) == []


def test_only_the_candidate_features_are_compared():
    patches = [box(0, 0, 100), box(50, 0, 100), box(500, 0, 100), box(550, 0, 100)]
    findings = self_overlap_findings(arrays_of("DLTB", "survey", patches), 1.0, candidates=np.array([2, 3]))
    assert "3 and 4" in findings[1].message and len(findings) == 2


def test_a_repair_that_changes_a_subjects_area_is_an_error_beyond_both_tolerances_else_a_warning():
    """Bowtie (0 m² drawn, 5,000 m² repaired), a small loop (9,900 → 9,903.92 m²: 3.92 m², 0.04 %), a self-touching
    ring (repaired, area unchanged) and a clean square; the engine's repair keeps what was read."""
    bowtie = shapely.Polygon([(X0, Y0), (X0 + 100, Y0 + 100), (X0 + 100, Y0), (X0, Y0 + 100)])
    loop = shapely.Polygon([(X0, Y0), (X0 + 100, Y0), (X0 + 100, Y0 + 100), (X0, Y0 + 100), (X0 + 2, Y0 - 2)])
    touching = shapely.Polygon(
        [(X0, Y0), (X0 + 100, Y0), (X0 + 100, Y0 + 100), (X0, Y0 + 100), (X0, Y0 + 2), (X0 + 2, Y0)]
    )
    arrays = arrays_of("CBDK", "subject", [bowtie, loop, touching, box(0, 0, 10)], fids=[1, 2, 3, 4])
    repaired = repair_geometries(arrays)
    assert [f.feature_id for f in repaired] == [1, 2, 3] and sorted(arrays.repaired) == [0, 1, 2]
    assert arrays.repaired[0] is bowtie  # as read

    def found(**settings):
        findings = repair_area_findings(arrays, shapely.area, **settings)
        return [(f.feature_id, f.severity) for f in findings]

    assert found(tolerance_pct=0.1, tolerance_m2=1.0, refuse=True) == [
        (1, DataSeverity.ERROR),
        (2, DataSeverity.WARNING),
    ]
    assert found(tolerance_pct=0.1, tolerance_m2=1.0, refuse=False) == [
        (1, DataSeverity.WARNING),
        (2, DataSeverity.WARNING),
    ]
    assert found(tolerance_pct=0.01, tolerance_m2=1.0, refuse=True) == [
        (1, DataSeverity.ERROR),
        (2, DataSeverity.ERROR),
    ]
    message = repair_area_findings(arrays, shapely.area, 0.1, 1.0, True)[0].message
    assert message.startswith("Layer “CBDK”, feature 1: its boundary is invalid (self-intersection (at 39500050.0,")
    assert "from 0.00 m² (0 mu) as drawn to 5,000.00 m² (7.50 mu)" in message
