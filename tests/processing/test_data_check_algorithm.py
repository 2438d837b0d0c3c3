"""liaocheng:data_check: the sample data are clean; the messy delivery gives one finding of each kind."""

import pytest
from qgis.core import QgsVectorLayer

from liaocheng_plugin.core.datacheck.findings import DataKind
from liaocheng_plugin.core.translation import install_translator, remove_translator
from tests.tools.messy import generate_messy

PROTECTED = {
    "PERMANENT_FARMLAND": "YJJBNTTB",
    "ECOLOGICAL_REDLINE": "STBHHX",
    "DEVELOPMENT_BOUNDARY": "CZKFBJ",
    "LAND_SURVEY": "DLTB",
}


def data_check(parameters):
    import processing

    return processing.run("liaocheng:data_check", dict(parameters, OUTPUT="memory:"))["OUTPUT"]


@pytest.fixture(scope="module")
def messy(tmp_path_factory):
    return generate_messy(tmp_path_factory.mktemp("messy"))


@pytest.mark.parametrize("subjects", ["CBDK", "GDLR", "XMXL"])
def test_the_sample_data_are_clean(subjects, sample_data, processing_with_provider):
    def layer(name):
        return QgsVectorLayer(f"{sample_data.gpkg}|layername={name}", name, "ogr")

    parameters = {parameter: layer(table) for parameter, table in PROTECTED.items()}
    findings = data_check(dict(parameters, INPUT=layer(subjects)))
    rows = [(f["layer"], f["kind"], f["severity"]) for f in findings.getFeatures()]
    farmland = layer("YJJBNTTB")
    bowties = [f.id() for f in farmland.getFeatures() if not f.geometry().isGeosValid()]
    assert bowties and rows == [("YJJBNTTB", "repaired", "fixed")] * len(bowties)  # the sample's digitising errors


def test_the_findings_table_has_the_columns_of_the_issue(messy, processing_with_provider):
    table = data_check(messy[0].parameters())
    assert table.fields().names() == ["layer", "feature_id", "kind", "severity", "message", "hint"]
    severities = [f["severity"] for f in table.getFeatures()]
    assert severities == sorted(severities, key=["error", "warning", "fixed"].index)  # errors first


CASES = range(13)


@pytest.mark.parametrize("case", CASES)
def test_each_messy_input_gives_its_finding_as_a_row_instead_of_stopping(case, messy, processing_with_provider):
    chosen = messy[case]
    table = data_check(chosen.parameters())
    found = {(f["kind"], f["severity"]) for f in table.getFeatures()}
    assert found == set(chosen.expected.items()), chosen.title
    for feature in table.getFeatures():
        assert feature["layer"] and feature["message"].startswith("Layer “" + feature["layer"] + "”")


def test_the_messy_delivery_covers_every_kind(messy):
    covered = {kind for case in messy for kind in case.expected}
    assert covered == {kind.value for kind in DataKind}


def test_findings_are_in_chinese_in_a_chinese_qgis(messy, processing_with_provider):
    translator = install_translator("zh_CN")
    try:
        table = data_check(messy[0].parameters())
    finally:
        remove_translator(translator)
    zone = next(f for f in table.getFeatures() if f["kind"] == "zone_prefix")
    assert zone["message"].startswith("图层“CBDK_declared_4548”") and "EPSG:4527" in zone["hint"]


def test_only_the_selected_subjects_are_checked_when_asked(messy, processing_with_provider):
    """The route layer holds a good route and two of one point; only the good one is selected."""
    from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProject

    case = next(case for case in messy if case.title == "route of one point")
    routes = QgsVectorLayer(str(case.layers["INPUT"]) + "|layername=XMXL", "XMXL", "ogr")
    QgsProject.instance().addMapLayer(routes, False)
    try:
        routes.selectByIds([next(f.id() for f in routes.getFeatures() if f["FAMC"] == "K0")])
        chosen = QgsProcessingFeatureSourceDefinition(routes.id(), True)
        table = data_check(dict(case.parameters(), INPUT=chosen))
        assert [f["kind"] for f in table.getFeatures()] == []
        routes.selectAll()
        table = data_check(dict(case.parameters(), INPUT=chosen))
        assert sorted(f["feature_id"] for f in table.getFeatures()) == [2, 3]
    finally:
        QgsProject.instance().removeMapLayer(routes.id())


def test_with_no_layer_at_all_it_refuses_instead_of_reporting_nothing_found(processing_with_provider):
    """Tester report 1, B15: "已对 0 个图层进行数据体检：0 项错误…" read as a clean bill of health."""
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as refused:
        processing.run("liaocheng:data_check", {"OUTPUT": "memory:"})
    assert str(refused.value).startswith("No layer to check: give the subjects, a protected layer, or both")


def test_a_route_of_one_vertex_is_a_finding_not_a_geos_error(tmp_path, processing_with_provider):
    """Tester report 1, A8 a: a GeoPackage LineString of one vertex (GDAL writes it; GEOS cannot hold it) raised
    GEOSException "point array must contain 0 or >1 elements" in data_check."""
    from osgeo import ogr, osr

    path = str(tmp_path / "XMXL_bad.gpkg")
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    crs = osr.SpatialReference()
    crs.ImportFromEPSG(4527)
    table = dataset.CreateLayer("XMXL_bad", crs, ogr.wkbLineString)
    table.CreateField(ogr.FieldDefn("XLMC", ogr.OFTString))
    x, y = 39440000.0, 4030000.0
    for name, wkt in (("一个节点", f"LINESTRING({x} {y})"), ("两个相同节点", f"LINESTRING({x} {y},{x} {y})")):
        feature = ogr.Feature(table.GetLayerDefn())
        feature.SetField("XLMC", name)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        table.CreateFeature(feature)
    dataset = None
    routes = QgsVectorLayer(path, "XMXL_bad", "ogr")
    assert [f.geometry().constGet().numPoints() for f in routes.getFeatures()] == [1, 2]
    found = {
        (f["feature_id"], f["kind"], f["severity"]): f["message"] for f in data_check({"INPUT": routes}).getFeatures()
    }
    assert set(found) == {(1, "empty_geometry", "error"), (2, "zero_area", "error")}
    assert found[(1, "empty_geometry", "error")].startswith("Layer “XMXL_bad”, feature 1: it has no geometry, or one")
