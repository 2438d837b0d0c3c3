"""The inputs of "What went wrong" (issue 11), each through the checks: refused clearly, or the true figure."""

import math
import os
from contextlib import contextmanager

import numpy as np
import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from liaocheng_plugin.core.datacheck.web_frames import wgs84_to_gcj02
from tests.conftest import memory_layer, square
from tests.processing.check_runs import refusal, run

GK39, GK39_NO_PREFIX = "EPSG:4527", "EPSG:4548"
X0, Y0 = 39440000.0, 4030000.0
PARCEL = "POLYGON(({x} {y},{x2} {y},{x2} {y2},{x} {y2},{x} {y}))"


@contextmanager
def in_project(layer):
    """Let the project own an OGR layer a check may refuse: PyQGIS keeps the frames of an exception raised in
    processAlgorithm alive, and an OGR layer only those frames hold would be deleted after QGIS at exit (a
    crash); the project deletes its layers while QGIS still runs."""
    QgsProject.instance().addMapLayer(layer, False)
    try:
        yield layer
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def write(layer, path, driver="GPKG", encoding="UTF-8"):
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = driver
    options.fileEncoding = encoding
    options.layerName = path.stem
    error, message, _, _ = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, str(path), QgsProject.instance().transformContext(), options
    )
    assert error == QgsVectorFileWriter.WriterError.NoError, message
    return path


def farmland():
    return memory_layer("Polygon", GK39, [(square(X0 - 500, Y0 - 500, 2000), "1")], {"BSM": str}, "永久基本农田")


def parcel_layer(crs, easting, tmp_path, name="CBDK"):
    """A 100 m × 50 m parcel (7.50 亩) in a GeoPackage, at ``easting`` and declared ``crs``."""
    wkt = PARCEL.format(x=easting, y=Y0, x2=easting + 100, y2=Y0 + 50)
    layer = memory_layer("Polygon", crs, [(wkt, "CB-001", 7.5)], {"DKBH": str, "TZMJ": float}, name)
    path = write(layer, tmp_path / f"{name}.gpkg")
    return QgsVectorLayer(f"{path}|layername={name}", name, "ogr")


def reserve(subject, **protected):
    return run("reserve_check", dict(INPUT=subject, **protected))


@pytest.mark.parametrize(
    "declared, easting, proposed",
    [(GK39_NO_PREFIX, X0, GK39), (GK39, X0 - 39000000.0, GK39_NO_PREFIX)],
)
def test_a_parcel_in_the_wrong_zone_convention_is_refused_and_the_proposed_crs_gives_7_50_mu(
    declared, easting, proposed, tmp_path, processing_with_provider
):
    """Eastings 39,440,000 declared EPSG:4548 (or 440,000 declared EPSG:4527) gave 0.0 m² and "warn"; the parcel
    is 7.50 亩 on permanent farmland."""
    with in_project(parcel_layer(declared, easting, tmp_path)) as subject:
        message = refusal("reserve_check", {"INPUT": subject, "PERMANENT_FARMLAND": farmland()})
        assert "“CBDK”" in message and declared in message and proposed in message
        subject.setCrs(QgsCoordinateReferenceSystem(proposed))
        parcel = next(reserve(subject, PERMANENT_FARMLAND=farmland())["OUTPUT"].getFeatures())
    assert parcel["area_mu"] == 7.5 and parcel["pbf_mu"] == 7.5 and parcel["status"] == "fail"


def test_gauss_kruger_metres_declared_wgs84_on_a_protected_layer_are_refused_naming_it(processing_with_provider):
    """Today a raw QgsCsException traceback."""
    subject = memory_layer("Polygon", GK39, [(square(X0, Y0, 100), "CB-001")], {"DKBH": str}, "CBDK")
    wrong = memory_layer("Polygon", "EPSG:4326", [(square(X0 - 500, Y0 - 500, 2000), "1")], {"BSM": str}, "YJJBNT")
    message = refusal("reserve_check", {"INPUT": subject, "PERMANENT_FARMLAND": wrong})
    assert "“YJJBNT”" in message and "EPSG:4527" in message
    assert "“YJJBNT”" in refusal("overlap_check", {"INPUT": wrong, "PERMANENT_FARMLAND": farmland()})


def test_a_point_layer_as_permanent_farmland_is_refused(processing_with_provider):
    subject = memory_layer("Polygon", GK39, [(square(X0, Y0, 100), "CB-001")], {"DKBH": str}, "CBDK")
    points = memory_layer("Point", GK39, [(f"POINT({X0 + 50} {Y0 + 50})", "1")], {"BSM": str}, "JBNT_points")
    message = refusal("overlap_check", {"INPUT": subject, "PERMANENT_FARMLAND": points})
    assert "“JBNT_points”" in message and "permanent basic farmland" in message


def test_a_gbk_shapefile_without_cpg_is_checked_with_its_chinese_fields(tmp_path, processing_with_provider):
    """The issue's case: mojibake, no ledger field found, recorded-area and certificate checks skipped, both
    parcels "passed". Read as GB18030, the ledger fields are found and both parcels get their findings."""
    rows = [
        (PARCEL.format(x=X0, y=Y0, x2=X0 + 100, y2=Y0 + 50), "储备一号", "CB-001", 9.0, None),
        (PARCEL.format(x=X0 + 200, y=Y0, x2=X0 + 300, y2=Y0 + 50), "储备二号", "CB-002", 7.5, None),
    ]
    fields = {"地块名称": str, "地块编号": str, "台账面积": float, "不动产权证号": str}
    path = write(memory_layer("Polygon", GK39, rows, fields, "x"), tmp_path / "cbdk.shp", "ESRI Shapefile", "GBK")
    os.remove(path.with_suffix(".cpg"))
    subject = QgsVectorLayer(str(path), "储备地块", "ogr")
    clear_land = memory_layer("Polygon", GK39, [(square(X0 + 5000, Y0, 100), "1")], {"BSM": str}, "YJJBNT")
    result = reserve(subject, PERMANENT_FARMLAND=clear_land)
    parcels = {f["地块编号"]: f for f in result["OUTPUT"].getFeatures()}
    assert set(parcels) == {"CB-001", "CB-002"}
    assert parcels["CB-001"]["地块名称"] == "储备一号" and parcels["CB-001"]["recorded_mu"] == 9.0
    assert "recorded area 9.00 mu differs from the mapped 7.50 mu" in parcels["CB-001"]["findings"]
    assert all("not registered" in parcel["findings"] for parcel in parcels.values())
    assert all(parcel["status"] == "warn" for parcel in parcels.values())
    rows = [(f["kind"], f["severity"], f["layer"]) for f in result["DATA_CHECK"].getFeatures()]
    assert rows == [("encoding", "fixed", "储备地块")]
    assert "地块名称" not in subject.fields().names()  # the user's layer is as it was


def gcj_site(side_m: float):
    """A square site, truly at (X0, Y0) in zone 39, as drawn on a GCJ-02 web map and saved as EPSG:4326."""
    to_lonlat = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem(GK39), QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance()
    )
    corners = [to_lonlat.transform(X0 + dx, Y0 + dy) for dx, dy in ((0, 0), (side_m, 0), (side_m, side_m), (0, side_m))]
    lon, lat = wgs84_to_gcj02(np.array([p.x() for p in corners]), np.array([p.y() for p in corners]))
    wkt = "POLYGON((" + ",".join(f"{a:.10f} {b:.10f}" for a, b in zip([*lon, lon[0]], [*lat, lat[0]])) + "))"
    return memory_layer("Polygon", "EPSG:4326", [(wkt, "方案一")], {"FAMC": str}, "XMXZ")


def test_a_site_drawn_on_a_gcj02_web_map_gives_its_true_30_mu_when_its_frame_is_stated(processing_with_provider):
    """The issue's case: 0 亩 of farmland where the true figure is 30 亩."""
    site = gcj_site(math.sqrt(20000.0))
    exact = memory_layer("Polygon", GK39, [(square(X0 - 20, Y0 - 20, 200), "1")], {"BSM": str}, "YJJBNT")
    parameters = {"INPUT": site, "PERMANENT_FARMLAND": exact}
    as_drawn = next(run("site_check", parameters)["OUTPUT"].getFeatures())
    assert as_drawn["pbf_mu"] == 0.0
    assert "GCJ-02" in as_drawn["data_warnings"] and "m east" in as_drawn["data_warnings"]
    result = run("site_check", dict(parameters, COORDINATE_FRAME=2))
    converted = next(result["OUTPUT"].getFeatures())
    assert converted["pbf_mu"] == 30.0 and converted["area_mu"] == 30.0
    assert not converted["data_warnings"]
    assert [(f["kind"], f["severity"]) for f in result["DATA_CHECK"].getFeatures()] == [("web_frame", "fixed")]


@pytest.mark.parametrize("algorithm", ["overlap_check", "reserve_check", "site_check"])
def test_every_check_carries_data_warnings_and_the_data_check_table(algorithm, processing_with_provider):
    site = gcj_site(100.0)
    result = run(algorithm, {"INPUT": site, "PERMANENT_FARMLAND": farmland()})
    row = next(result["OUTPUT"].getFeatures())
    assert "web map" in row["data_warnings"]
    table = result["DATA_CHECK"]
    assert table.fields().names() == ["layer", "feature_id", "kind", "severity", "message", "hint"]
    assert [(f["layer"], f["feature_id"], f["kind"], f["severity"]) for f in table.getFeatures()] == [
        ("XMXZ", None, "web_frame", "warning")
    ]


def test_the_balance_check_carries_data_warnings_per_patch_layer(processing_with_provider):
    inflow = gcj_site(100.0)
    result = run("balance_check", {"INFLOW": inflow, "PERMANENT_FARMLAND": farmland()})
    assert "web map" in next(result["OUTPUT"].getFeatures())["data_warnings"]
    assert [f["kind"] for f in result["DATA_CHECK"].getFeatures()] == ["web_frame"]


def test_an_inflow_on_survey_land_coded_103_fails_as_already_cultivated(processing_with_provider):
    """The issue's case: DLBM stored as integer 103 let an inflow on cultivated land pass as new cultivated land."""
    inflow = memory_layer("Polygon", GK39, [(square(X0, Y0, 100), "LR-1")], {"TBBH": str}, "GDLR")
    survey = memory_layer("Polygon", GK39, [(square(X0 - 50, Y0 - 50, 200), 103)], {"DLBM": int}, "DLTB")
    result = run("balance_check", {"INFLOW": inflow, "LAND_SURVEY": survey})
    patch = next(result["OUTPUT"].getFeatures())
    assert patch["status"] == "fail" and patch["cult_mu"] == 15.0


def test_kcxs_given_as_percentages_gives_the_true_net_cultivated_area(processing_with_provider):
    """The issue's case: KCXS 8.27 gave net cultivated −109.05 亩 on a 15 亩 parcel; 8.27 % gives 13.76 亩."""
    subject = memory_layer("Polygon", GK39, [(square(X0, Y0, 100), "CB-001")], {"DKBH": str}, "CBDK")
    survey = memory_layer(
        "Polygon", GK39, [(square(X0 - 50, Y0 - 50, 200), "0103", 8.27)], {"DLBM": str, "KCXS": float}, "DLTB"
    )
    parcel = next(reserve(subject, LAND_SURVEY=survey)["OUTPUT"].getFeatures())
    assert parcel["cult_mu"] == 15.0 and parcel["cult_net_mu"] == 13.76


def test_a_route_of_one_point_is_refused(processing_with_provider):
    """The issue's case: a route of zero length gave "4.21 亩 on farmland" (the corridor around one point)."""
    route = memory_layer("LineString", GK39, [(f"LINESTRING({X0} {Y0},{X0} {Y0})", "K1")], {"FAMC": str}, "XMXL")
    assert "“XMXL”" in refusal("site_check", {"INPUT": route, "PERMANENT_FARMLAND": farmland(), "WIDTH": 60.0})
