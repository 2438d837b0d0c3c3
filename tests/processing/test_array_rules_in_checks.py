"""The array rules (codes, KCXS, TBMJ, geometries) inside every check: the right figure or a clear refusal, and
every finding in DATA_CHECK and in the ``data_warnings`` of the subjects it concerns."""

import pytest

from liaocheng_plugin.core.values import plain
from tests.conftest import memory_layer, square
from tests.processing.check_runs import SINKS, SUBJECT_PARAMETER, refusal, run

GK39 = "EPSG:4527"
X0, Y0 = 39440000.0, 4030000.0


def two_parcels():
    """Parcel CB-1 (fid 1) at the origin, CB-2 (fid 2) 1 km east; 100 m × 100 m each (15 亩)."""
    rows = [(square(X0, Y0, 100), "CB-1"), (square(X0 + 1000, Y0, 100), "CB-2")]
    return memory_layer("Polygon", GK39, rows, {"DKBH": str}, "CBDK")


def survey(rows, name="DLTB"):
    """Survey patches of (wkt, DLBM, KCXS, TBMJ)."""
    return memory_layer("Polygon", GK39, rows, {"DLBM": str, "KCXS": float, "TBMJ": float}, name)


def under(x, code, kcxs=0.0, tbmj=40000.0):
    """A 200 m survey patch centred on the parcel at X0 + x."""
    return (square(X0 + x - 50, Y0 - 50, 200), code, kcxs, tbmj)


def table(result):
    return [(f["layer"], plain(f["feature_id"]), f["kind"], f["severity"]) for f in result["DATA_CHECK"].getFeatures()]


def warnings_of(result):
    return {f.id(): f["data_warnings"] for f in result["OUTPUT"].getFeatures()}


@pytest.mark.parametrize("algorithm", list(SINKS))
def test_a_warning_about_a_protected_feature_goes_to_the_subjects_meeting_it(algorithm, processing_with_provider):
    """Survey patch 1 has code 9999 (not in the list) under CB-1; CB-2 stands on a clean patch."""
    layer = survey([under(0, "9999"), under(1000, "0103")])
    result = run(algorithm, {SUBJECT_PARAMETER[algorithm]: two_parcels(), "LAND_SURVEY": layer})
    assert ("DLTB", 1, "code_unknown", "warning") in table(result)
    warnings = list(warnings_of(result).values())
    assert sum(1 for text in warnings if text and "“9999”" in text) == 1
    assert sum(1 for text in warnings if not text) == 1


def test_recorded_areas_that_differ_from_the_geometry_are_warned_per_layer_and_on_the_parcel(
    processing_with_provider,
):
    layer = survey([under(0, "0103", tbmj=40000.0), under(1000, "0103", tbmj=45000.0)])
    result = run("reserve_check", {"INPUT": two_parcels(), "LAND_SURVEY": layer})
    rows = [row for row in table(result) if row[2] == "recorded_area"]
    assert rows == [("DLTB", None, "recorded_area", "warning"), ("DLTB", 2, "recorded_area", "warning")]
    warnings = warnings_of(result)
    assert not warnings[1] and "feature 2: TBMJ 45000.00 m², computed 3999" in warnings[2]


def test_kcxs_out_of_range_stops_every_check_naming_layer_field_and_feature(processing_with_provider):
    layer = survey([under(0, "0103", 0.05), under(1000, "0103", 15.0)])
    for algorithm in SINKS:
        message = refusal(algorithm, {SUBJECT_PARAMETER[algorithm]: two_parcels(), "LAND_SURVEY": layer})
        assert "“DLTB”" in message and "KCXS" in message and "feature 2" in message and "15" in message, algorithm


def test_codes_without_their_leading_zero_are_read_padded_and_say_so(processing_with_provider):
    layer = memory_layer(
        "Polygon",
        GK39,
        [(square(X0 - 50, Y0 - 50, 200), 103), (square(X0 + 950, Y0 - 50, 200), 103)],
        {"DLBM": int},
        "DLTB",
    )
    result = run("overlap_check", {"INPUT": two_parcels(), "LAND_SURVEY": layer})
    assert [row for row in table(result) if row[2] == "code_padded"] == [("DLTB", None, "code_padded", "fixed")]
    assert [f["cult_mu"] for f in result["OUTPUT"].getFeatures()] == [15.0, 15.0]
    assert not any(warnings_of(result).values())  # what was fixed is in the table, not a warning


def test_a_farmland_feature_without_geometry_is_a_warning_on_every_subject(processing_with_provider):
    """The issue's case: a farmland feature with no geometry was skipped without a message. The layer reaches
    20 km away: the check reads only the features around the parcels, and still names the one without."""
    rows = [(square(X0 - 50, Y0 - 50, 200), "JB-1"), (None, "JB-2"), (square(X0 + 20000, Y0, 200), "JB-3")]
    farmland = memory_layer("Polygon", GK39, rows, {"BSM": str}, "YJJBNT")
    result = run("reserve_check", {"INPUT": two_parcels(), "PERMANENT_FARMLAND": farmland})
    assert ("YJJBNT", 2, "empty_geometry", "warning") in table(result)
    assert all("“YJJBNT”" in text and "2" in text for text in warnings_of(result).values())


def test_a_repaired_bowtie_is_listed_as_fixed_once_a_subject_meets_it(processing_with_provider):
    corners = [(-50, -50), (150, 150), (150, -50), (-50, 150), (-50, -50)]  # a self-intersecting "bowtie"
    bowtie = "POLYGON((" + ",".join(f"{X0 + dx} {Y0 + dy}" for dx, dy in corners) + "))"
    farmland = memory_layer("Polygon", GK39, [(bowtie, "JB-1")], {"BSM": str}, "YJJBNT")
    result = run("overlap_check", {"INPUT": two_parcels(), "PERMANENT_FARMLAND": farmland})
    assert table(result) == [("YJJBNT", 1, "repaired", "fixed")]
    assert next(result["OUTPUT"].getFeatures())["pbf_mu"] == 7.5  # the two triangles of the bowtie over CB-1


def test_a_subject_without_geometry_is_refused_naming_it(processing_with_provider):
    parcels = two_parcels()
    parcels.dataProvider().addFeatures([memory_layer("Polygon", GK39, [(None, "CB-3")], {"DKBH": str}).getFeature(1)])
    farmland = memory_layer("Polygon", GK39, [(square(X0 - 50, Y0 - 50, 200), "JB-1")], {"BSM": str}, "YJJBNT")
    message = refusal("reserve_check", {"INPUT": parcels, "PERMANENT_FARMLAND": farmland})
    assert "“CBDK”" in message and "3" in message and "cannot be checked" in message


@pytest.mark.parametrize("algorithm, width", [("site_check", "WIDTH"), ("overlap_check", "BUFFER")])
def test_a_route_of_one_point_is_refused_by_every_check_that_takes_routes(algorithm, width, processing_with_provider):
    rows = [(f"LINESTRING({X0} {Y0},{X0 + 800} {Y0})", "K0"), (f"LINESTRING({X0} {Y0},{X0} {Y0})", "K1")]
    route = memory_layer("LineString", GK39, rows, {"FAMC": str}, "XMXL")
    farmland = memory_layer("Polygon", GK39, [(square(X0 - 50, Y0 - 50, 200), "JB-1")], {"BSM": str}, "YJJBNT")
    message = refusal(algorithm, {"INPUT": route, "PERMANENT_FARMLAND": farmland, width: 30.0})
    assert "“XMXL”, feature 2" in message and "no length" in message


def test_a_route_with_a_part_of_one_point_is_refused(processing_with_provider):
    """A good part and a part of one point: its corridor would add a disc of 4.2 亩 around the point."""
    wkt = f"MULTILINESTRING(({X0} {Y0},{X0 + 800} {Y0}),({X0 + 100} {Y0 + 20},{X0 + 100} {Y0 + 20}))"
    route = memory_layer("MultiLineString", GK39, [(wkt, "K0")], {"FAMC": str}, "XMXL")
    farmland = memory_layer("Polygon", GK39, [(square(X0 - 50, Y0 - 50, 200), "JB-1")], {"BSM": str}, "YJJBNT")
    message = refusal("site_check", {"INPUT": route, "PERMANENT_FARMLAND": farmland, "WIDTH": 60.0})
    assert "“XMXL”, feature 1: a part of the route has no length" in message


XIAN80_ZONE39 = "EPSG:2363"
XIAN80_TO_CGCS2000 = (  # a Helmert shift standing in for the bureau's parameters
    "+proj=pipeline +step +inv +proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=39500000 +y_0=0 +ellps=IAU76 "
    "+step +proj=push +v_3 +step +proj=cart +ellps=IAU76 +step +proj=helmert +x=10 +y=-20 +z=5 "
    "+step +inv +proj=cart +ellps=GRS80 +step +proj=pop +v_3 "
    "+step +proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=39500000 +y_0=0 +ellps=GRS80"
)


def test_a_protected_layer_on_another_datum_is_refused_until_the_project_states_the_transformation(
    processing_with_provider,
):
    from qgis.core import QgsCoordinateReferenceSystem, QgsProject

    farmland = memory_layer("Polygon", XIAN80_ZONE39, [(square(X0 - 50, Y0 - 50, 200), "JB-1")], {"BSM": str}, "JBNT")
    message = refusal("reserve_check", {"INPUT": two_parcels(), "PERMANENT_FARMLAND": farmland})
    assert "“JBNT”" in message and "Xian 1980" in message and "EPSG:2363" in message
    project = QgsProject.instance()
    context = project.transformContext()
    source, target = QgsCoordinateReferenceSystem(XIAN80_ZONE39), QgsCoordinateReferenceSystem(GK39)
    assert context.addCoordinateOperation(source, target, XIAN80_TO_CGCS2000)
    project.setTransformContext(context)
    try:
        result = run("reserve_check", {"INPUT": two_parcels(), "PERMANENT_FARMLAND": farmland})
    finally:
        context.removeCoordinateOperation(source, target)
        project.setTransformContext(context)
    assert next(result["OUTPUT"].getFeatures())["pbf_mu"] > 0


def test_an_empty_farmland_layer_refuses_the_check_naming_role_and_layer(processing_with_provider):
    """Tester report 1, A4/G2: an empty farmland layer gave "no conflict" as if farmland had been checked (CB2023-015
    went from fail to warn). The panels refuse a profile layer missing from the project; so does every check."""
    empty = memory_layer("Polygon", GK39, [], {"BSM": str}, "YJJBNT")
    message = refusal("reserve_check", {"INPUT": two_parcels(), "PERMANENT_FARMLAND": empty})
    assert message.startswith("Layer “YJJBNT” (permanent basic farmland) holds no features: nothing would be checked")
    assert "refuse_empty_layers" in message
    for algorithm in ("overlap_check", "site_check", "balance_check"):
        parameters = {SUBJECT_PARAMETER[algorithm]: two_parcels(), "PERMANENT_FARMLAND": empty}
        assert refusal(algorithm, parameters).startswith("Layer “YJJBNT” (permanent basic farmland) holds no features")


def test_an_empty_protected_layer_and_one_out_of_reach_are_warned_on_every_subject_when_so_set(
    processing_with_provider,
):
    from qgis.core import QgsProcessingFeedback

    from liaocheng_plugin.core.settings import REFUSE_EMPTY_LAYERS

    class Log(QgsProcessingFeedback):
        warnings = []

        def pushWarning(self, text):
            self.warnings.append(text)

    import processing

    empty = memory_layer("Polygon", GK39, [], {"BSM": str}, "YJJBNT")
    elsewhere = memory_layer("Polygon", GK39, [(square(X0 + 60000, Y0, 500), "1")], {"BSM": str}, "STBHHX")
    near = survey([under(0, "0103"), under(1000, "0103")])
    parameters = {"INPUT": two_parcels(), "PERMANENT_FARMLAND": empty, "ECOLOGICAL_REDLINE": elsewhere}
    parameters.update({sink: "memory:" for sink in SINKS["reserve_check"]}, LAND_SURVEY=near)
    log = Log()
    REFUSE_EMPTY_LAYERS.set_value(False)
    try:
        result = processing.run("liaocheng:reserve_check", parameters, feedback=log)
    finally:
        REFUSE_EMPTY_LAYERS.reset()
    assert {row for row in table(result)} >= {
        ("YJJBNT", None, "empty_layer", "warning"),
        ("STBHHX", None, "far_apart", "warning"),
    }
    said = "Layer “YJJBNT” (permanent basic farmland) holds no features: nothing was checked against it"
    assert all(said in text and "“STBHHX” lies 59 km" in text for text in warnings_of(result).values())
    assert any(said in text for text in log.warnings)  # and in the Processing log


def test_a_gbk_shapefile_without_cpg_as_protected_layer_gives_its_figures(tmp_path, processing_with_provider):
    """Its Chinese field names made GDAL's bulk read fail with a traceback before QGIS read it."""
    import os

    from qgis.core import QgsVectorLayer

    from tests.processing.test_input_check_in_checks import write

    rows = [(square(X0 - 50, Y0 - 50, 200), "一号图斑", 40000.0)]
    farmland = memory_layer("Polygon", GK39, rows, {"图斑名称": str, "图斑面积": float}, "x")
    path = write(farmland, tmp_path / "jbnt.shp", "ESRI Shapefile", "GBK")
    os.remove(path.with_suffix(".cpg"))
    layer = QgsVectorLayer(str(path), "基本农田", "ogr")
    result = run("overlap_check", {"INPUT": two_parcels(), "PERMANENT_FARMLAND": layer})
    assert [f["pbf_mu"] for f in result["OUTPUT"].getFeatures()] == [15.0, 0.0]
    assert table(result) == [("基本农田", None, "encoding", "fixed")]
