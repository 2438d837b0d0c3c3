"""liaocheng:overlap_check through Processing, and against QGIS's own overlap algorithm."""

import random

import pytest
from qgis.core import QgsFeatureRequest, QgsProcessingException

from tests.conftest import memory_layer, square

GK39 = "EPSG:4527"
X0, Y0 = 39500000.0, 4050000.0


def run(parameters):
    import processing

    return processing.run("liaocheng:overlap_check", parameters)


def by_id(layer, field):
    return {f.id(): f[field] for f in layer.getFeatures()}


def test_outputs_keep_input_attributes_and_add_role_fields(processing_with_provider):
    subjects = memory_layer("Polygon", GK39, [(square(X0, Y0, 100), "P-1")], {"DKBH": str}, "储备地块")
    farmland = memory_layer("Polygon", GK39, [(square(X0 + 50, Y0, 100), "B7")], {"BSM": str}, "YJJBNT")
    survey = memory_layer("Polygon", GK39, [(square(X0, Y0, 100), "0102", 0.2)], {"DLBM": str, "KCXS": float}, "DLTB")
    result = run(
        {
            "INPUT": subjects,
            "PERMANENT_FARMLAND": farmland,
            "LAND_SURVEY": survey,
            "AREA_MODE": 1,
            "OUTPUT": "memory:",
            "OVERLAPS": "memory:",
        }
    )
    output = result["OUTPUT"]
    feature = next(output.getFeatures())
    assert feature["DKBH"] == "P-1"
    assert feature["area_m2"] == pytest.approx(10000.0)
    assert feature["area_mu"] == 15.0
    assert feature["pbf_m2"] == pytest.approx(5000.0)
    assert feature["pbf_mu"] == 7.5
    assert feature["pbf_pct"] == 50.0
    assert feature["cult_mu"] == 15.0
    assert feature["cult_net_mu"] == 12.0
    assert feature["area_basis"] == "planar"
    assert "7.50" in feature["conflicts"]
    pieces = {(f["role"], f["label"] or f["land_code"]): f["area_m2"] for f in result["OVERLAPS"].getFeatures()}
    assert pieces == {("pbf", "B7"): pytest.approx(5000.0), ("survey", "0102"): pytest.approx(10000.0)}


def test_survey_without_code_field_is_a_clear_error(processing_with_provider):
    subjects = memory_layer("Polygon", GK39, [(square(X0, Y0, 100),)])
    survey = memory_layer("Polygon", GK39, [(square(X0, Y0, 100), "x")], {"OTHER": str}, "地类图斑")
    with pytest.raises(QgsProcessingException, match="地类图斑"):
        run({"INPUT": subjects, "LAND_SURVEY": survey, "OUTPUT": "memory:", "OVERLAPS": "memory:"})


def random_polygons(rng, count, extent, size_range):
    rows = []
    for _ in range(count):
        x = X0 + rng.uniform(0, extent)
        y = Y0 + rng.uniform(0, extent)
        w, h = rng.uniform(*size_range), rng.uniform(*size_range)
        # A skewed quadrilateral, so intersections are not axis-aligned.
        d = rng.uniform(-0.3, 0.3) * w
        rows.append((f"POLYGON(({x} {y},{x + w} {y + d},{x + w + d} {y + h},{x + d} {y + h},{x} {y}))",))
    return rows


def test_areas_equal_native_calculatevectoroverlaps_on_generated_data(processing_with_provider):
    """Planar per-subject areas agree with QGIS's own algorithm (relative difference < 1e-6)."""
    import processing

    rng = random.Random(7)
    subjects = memory_layer("Polygon", GK39, random_polygons(rng, 60, 3000, (100, 400)), name="subjects")
    farmland = memory_layer("Polygon", GK39, random_polygons(rng, 300, 3000, (50, 300)), name="farmland")
    redline = memory_layer("Polygon", GK39, random_polygons(rng, 40, 3000, (200, 600)), name="redline")
    ours = run(
        {
            "INPUT": subjects,
            "PERMANENT_FARMLAND": farmland,
            "ECOLOGICAL_REDLINE": redline,
            "AREA_MODE": 1,
            "OUTPUT": "memory:",
            "OVERLAPS": "memory:",
        }
    )["OUTPUT"]
    native = processing.run(
        "native:calculatevectoroverlaps", {"INPUT": subjects, "LAYERS": [farmland, redline], "OUTPUT": "memory:"}
    )["OUTPUT"]
    checked = 0
    for mine, theirs in zip(ours.getFeatures(QgsFeatureRequest()), native.getFeatures(QgsFeatureRequest())):
        for our_field, native_field in (("pbf_m2", "farmland_area"), ("erl_m2", "redline_area")):
            expected = theirs[native_field]
            # native snaps areas on zone-prefixed coordinates to ~1/64 m²; compare with that tolerance too.
            assert mine[our_field] == pytest.approx(expected, rel=1e-6, abs=0.2)
            checked += expected > 0
    assert checked > 20
