"""The overlay engine: exact areas, CRS handling, repairs and cancellation."""

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeedback,
    QgsGeometry,
    QgsProject,
)

from liaocheng_plugin.core.definitions import AreaMode, IssueKind
from liaocheng_plugin.core.engine import RoleSpec, is_cultivated, run_overlay
from liaocheng_plugin.core.exceptions import CheckCanceledError, LiaochengError
from liaocheng_plugin.core.units import round_ha, round_mu
from tests.conftest import memory_layer, square

GK39 = "EPSG:4527"
X0, Y0 = 39500000.0, 4050000.0  # on zone 39's central meridian, near Liaocheng


def context():
    return QgsProject.instance().transformContext()


def only(report):
    assert len(report.subjects) == 1
    return report.subjects[0]


def test_square_half_on_farmland_gives_exactly_half_in_m2_mu_and_hectares():
    """The basic promise: 100 m × 100 m, half on farmland → 5,000 m², 7.50 亩, 0.5000 公顷."""
    subject = memory_layer("Polygon", GK39, [(square(X0, Y0, 100),)])
    farmland = memory_layer("Polygon", GK39, [(square(X0 + 50, Y0 - 50, 200), "A1")], {"BSM": str}, "YJJBNT")
    report = run_overlay(subject, [RoleSpec("pbf", farmland, label_field="BSM")], context(), AreaMode.PLANAR)
    result = only(report)
    assert result.area_m2 == pytest.approx(10000.0, abs=1e-6)
    assert result.area_m2_of("pbf") == pytest.approx(5000.0, abs=1e-6)
    assert round_mu(result.area_m2_of("pbf")) == 7.50
    assert round_ha(result.area_m2_of("pbf")) == 0.5000
    assert result.percent_of("pbf") == pytest.approx(50.0)
    assert result.roles["pbf"].labels == ["A1"]
    assert result.roles["pbf"].geometry.area() == pytest.approx(5000.0)


def test_ellipsoidal_area_matches_gauss_kruger_scale_factor():
    """On the central meridian GK areas are true; 100 km off they exceed the ellipsoid by ≈0.0246 %."""
    on_cm = memory_layer("Polygon", GK39, [(square(X0, Y0, 1000),)])
    off_cm = memory_layer("Polygon", GK39, [(square(X0 + 100000, Y0, 1000),)])
    ellipsoidal_on = only(run_overlay(on_cm, [], context())).area_m2
    ellipsoidal_off = only(run_overlay(off_cm, [], context())).area_m2
    planar = only(run_overlay(on_cm, [], context(), AreaMode.PLANAR)).area_m2
    assert planar == pytest.approx(1e6)
    assert ellipsoidal_on == pytest.approx(1e6, rel=2e-5)
    excess = planar / ellipsoidal_off - 1.0
    assert excess == pytest.approx(2.46e-4, abs=0.1e-4)


def test_mixed_crs_layers_are_transformed_to_one_working_crs():
    """A subject in geographic CGCS2000 against farmland in GK zone 39 gives the same overlap."""
    farmland_gk = memory_layer("Polygon", GK39, [(square(X0 + 50, Y0, 200),)])
    subject_gk = QgsGeometry.fromWkt(square(X0, Y0, 100)).densifyByCount(20)
    to_geographic = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem(GK39), QgsCoordinateReferenceSystem("EPSG:4490"), context()
    )
    subject_gk.transform(to_geographic)
    subject = memory_layer("Polygon", "EPSG:4490", [(subject_gk.asWkt(12),)])
    report = run_overlay(subject, [RoleSpec("pbf", farmland_gk)], context(), AreaMode.PLANAR)
    assert report.working_crs.authid() == GK39
    assert only(report).area_m2_of("pbf") == pytest.approx(5000.0, abs=0.5)


def test_overlapping_protected_features_are_not_counted_twice():
    subject = memory_layer("Polygon", GK39, [(square(X0, Y0, 100),)])
    farmland = memory_layer("Polygon", GK39, [(square(X0, Y0, 60),), (square(X0 + 30, Y0 + 30, 60),)])
    result = only(run_overlay(subject, [RoleSpec("pbf", farmland)], context(), AreaMode.PLANAR))
    # Two 60 m squares overlapping on 30 m × 30 m: 3600 + 3600 − 900.
    assert result.area_m2_of("pbf") == pytest.approx(6300.0)
    assert sorted(result.roles["pbf"].feature_ids) == [1, 2]


def test_invalid_and_empty_geometries_are_repaired_or_skipped_and_reported():
    """A bowtie is repaired (both triangles count), an empty feature is skipped; both are named."""
    bowtie = f"POLYGON(({X0} {Y0},{X0 + 100} {Y0 + 100},{X0 + 100} {Y0},{X0} {Y0 + 100},{X0} {Y0}))"
    farmland = memory_layer("Polygon", GK39, [(bowtie,), (None,)], name="永久基本农田")
    subject = memory_layer("Polygon", GK39, [(square(X0, Y0, 100),)])
    report = run_overlay(subject, [RoleSpec("pbf", farmland)], context(), AreaMode.PLANAR)
    assert only(report).area_m2_of("pbf") == pytest.approx(5000.0)
    kinds = {(issue.feature_id, issue.kind) for issue in report.issues}
    assert kinds == {(1, IssueKind.REPAIRED), (2, IssueKind.EMPTY)}
    assert all("永久基本农田" in issue.message for issue in report.issues)


def test_net_cultivated_area_deducts_field_ridges_by_kcxs():
    subject = memory_layer("Polygon", GK39, [(square(X0, Y0, 100),)])
    survey = memory_layer(
        "Polygon",
        GK39,
        [
            (square(X0, Y0, 50), "0102", 0.1),
            (square(X0 + 50, Y0, 50), "0201K", 0.0),
            (square(X0, Y0 + 50, 50), "0103", 0.0),
        ],
        {"DLBM": str, "KCXS": float},
        "DLTB",
    )
    spec = RoleSpec("survey", survey, code_field="DLBM", deduction_field="KCXS")
    overlap = only(run_overlay(subject, [spec], context(), AreaMode.PLANAR)).roles["survey"]
    assert overlap.area_by_code_m2 == pytest.approx({"0102": 2500.0, "0201K": 2500.0, "0103": 2500.0})
    assert overlap.cultivated_m2 == pytest.approx(5000.0)
    assert overlap.cultivated_net_m2 == pytest.approx(2500.0 * 0.9 + 2500.0)
    assert overlap.area_m2 == pytest.approx(7500.0)


def test_line_subject_becomes_a_corridor_of_its_buffer():
    """A 200 m road buffered 10 m each side crossing a 40 m band occupies 40 × 20 m of it."""
    road = memory_layer("LineString", GK39, [(f"LINESTRING({X0} {Y0}, {X0 + 200} {Y0})",)])
    band = memory_layer(
        "Polygon",
        GK39,
        [
            (
                f"POLYGON(({X0 + 80} {Y0 - 50},{X0 + 120} {Y0 - 50},"
                f"{X0 + 120} {Y0 + 50},{X0 + 80} {Y0 + 50},{X0 + 80} {Y0 - 50}))",
            )
        ],
    )
    result = only(run_overlay(road, [RoleSpec("erl", band)], context(), AreaMode.PLANAR, line_buffer_m=10.0))
    assert result.area_m2_of("erl") == pytest.approx(800.0, rel=1e-9)


def test_lines_without_buffer_points_and_missing_crs_get_clear_errors():
    road = memory_layer("LineString", GK39, [(f"LINESTRING({X0} {Y0}, {X0 + 200} {Y0})",)], name="路线")
    with pytest.raises(LiaochengError, match="路线"):
        run_overlay(road, [], context())
    points = memory_layer("Point", GK39, [(f"POINT({X0} {Y0})",)], name="点位")
    with pytest.raises(LiaochengError, match="点位"):
        run_overlay(points, [], context())
    no_crs = memory_layer("Polygon", "", [(square(X0, Y0, 10),)], name="无坐标系")
    with pytest.raises(LiaochengError, match="无坐标系"):
        run_overlay(no_crs, [], context())


def test_cancel_raises_and_returns_nothing():
    subject = memory_layer("Polygon", GK39, [(square(X0 + i * 10, Y0, 5),) for i in range(50)])
    farmland = memory_layer("Polygon", GK39, [(square(X0, Y0, 1000),)])
    feedback = QgsFeedback()
    feedback.cancel()
    with pytest.raises(CheckCanceledError):
        run_overlay(subject, [RoleSpec("pbf", farmland)], context(), feedback=feedback)


@pytest.mark.parametrize(
    "code, expected",
    [("0101", True), ("0102", True), ("0103", True), ("0201K", False), ("0102A", True), ("1104A", False), ("", False)],
)
def test_cultivated_codes_match_suffixed_codes_except_k(code, expected):
    assert is_cultivated(code, ("0101", "0102", "0103")) is expected


def test_interactive_engine_reuses_its_indexes_and_reports_a_repair_once():
    """The site check builds indexes once and checks many drawn sites against them."""
    from liaocheng_plugin.core.engine import OverlayEngine

    bowtie = f"POLYGON(({X0} {Y0},{X0 + 100} {Y0 + 100},{X0 + 100} {Y0},{X0} {Y0 + 100},{X0} {Y0}))"
    farmland = memory_layer("Polygon", GK39, [(bowtie,), (square(X0 + 200, Y0, 100),)], name="YJJBNT")
    engine = OverlayEngine(QgsCoordinateReferenceSystem(GK39), context(), AreaMode.PLANAR)
    engine.build_indexes([RoleSpec("pbf", farmland)])
    first = engine.overlay(QgsGeometry.fromWkt(square(X0, Y0, 100)))
    second = engine.overlay(QgsGeometry.fromWkt(square(X0 + 150, Y0, 100)))
    again = engine.overlay(QgsGeometry.fromWkt(square(X0, Y0, 100)))
    assert first.area_m2_of("pbf") == pytest.approx(5000.0)
    # 50 m of the second site lies on the square farmland (the bowtie's right triangle ends at X0 + 100).
    assert second.area_m2_of("pbf") == pytest.approx(5000.0)
    assert again.area_m2_of("pbf") == first.area_m2_of("pbf")
    assert [(i.feature_id, i.kind) for i in engine.issues] == [(1, IssueKind.REPAIRED)]


@pytest.mark.parametrize("farmland_crs", ["EPSG:4548", "EPSG:4526", "EPSG:4547", "EPSG:4326", "EPSG:4490"])
def test_protected_layers_in_other_zones_and_frames_give_the_same_overlap(farmland_crs):
    """County data arrive in zone 38 or 39, with or without prefix, or geographic: never mixed silently."""
    farmland_gk = QgsGeometry.fromWkt(square(X0 + 50, Y0, 200)).densifyByCount(20)
    to_farmland_crs = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem(GK39), QgsCoordinateReferenceSystem(farmland_crs), context()
    )
    farmland_gk.transform(to_farmland_crs)
    farmland = memory_layer("Polygon", farmland_crs, [(farmland_gk.asWkt(12),)])
    subject = memory_layer("Polygon", GK39, [(square(X0, Y0, 100),)])
    report = run_overlay(subject, [RoleSpec("pbf", farmland)], context(), AreaMode.PLANAR)
    assert report.working_crs.authid() == GK39
    assert only(report).area_m2_of("pbf") == pytest.approx(5000.0, abs=0.5)
