"""The engine on the providers users have and on curved and multi-part geometries."""

import math

import pytest
from qgis.core import QgsProject, QgsVectorFileWriter, QgsVectorLayer

from liaocheng_plugin.core.definitions import AreaMode
from liaocheng_plugin.core.engine import RoleSpec, run_overlay
from tests.conftest import memory_layer, square

GK39 = "EPSG:4527"
X0, Y0 = 39500000.0, 4050000.0
LABEL = "永久基本农田一号"


def write(layer, path, driver, encoding="UTF-8"):
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = driver
    options.fileEncoding = encoding
    options.layerName = "YJJBNT"
    error, message, _, _ = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, str(path), QgsProject.instance().transformContext(), options
    )
    assert error == QgsVectorFileWriter.WriterError.NoError, message


def farmland_in_memory():
    return memory_layer("Polygon", GK39, [(square(X0 + 50, Y0, 100), LABEL)], {"MC": str}, "YJJBNT")


def overlap_with(farmland):
    subject = memory_layer("Polygon", GK39, [(square(X0, Y0, 100),)])
    report = run_overlay(
        subject,
        [RoleSpec("pbf", farmland, label_field="MC")],
        QgsProject.instance().transformContext(),
        AreaMode.PLANAR,
    )
    return report.subjects[0].roles["pbf"]


def test_gbk_shapefile_reads_chinese_labels(tmp_path):
    """Bureau data often come as shapefiles with a GBK .cpg; labels must not turn into mojibake."""
    write(farmland_in_memory(), tmp_path / "jbnt.shp", "ESRI Shapefile", "GBK")
    assert (tmp_path / "jbnt.cpg").read_text().strip().upper() == "GBK"
    assert LABEL.encode("gbk") in (tmp_path / "jbnt.dbf").read_bytes()
    overlap = overlap_with(QgsVectorLayer(str(tmp_path / "jbnt.shp"), "jbnt", "ogr"))
    assert overlap.area_m2 == pytest.approx(5000.0)
    assert overlap.labels == [LABEL]


def test_filegdb_and_geopackage_layers_work(tmp_path):
    write(farmland_in_memory(), tmp_path / "三区三线.gdb", "OpenFileGDB")
    write(farmland_in_memory(), tmp_path / "sqsx.gpkg", "GPKG")
    for uri in (f"{tmp_path / '三区三线.gdb'}|layername=YJJBNT", f"{tmp_path / 'sqsx.gpkg'}|layername=YJJBNT"):
        layer = QgsVectorLayer(uri, "YJJBNT", "ogr")
        assert layer.isValid(), uri
        overlap = overlap_with(layer)
        assert overlap.area_m2 == pytest.approx(5000.0) and overlap.labels == [LABEL]


def test_curved_protected_feature_is_segmentized():
    """A circular red-line zone (CurvePolygon) of radius 30 m inside the subject counts ≈ π·30²."""
    circle = f"CURVEPOLYGON(CIRCULARSTRING({X0 + 20} {Y0 + 50},{X0 + 80} {Y0 + 50},{X0 + 20} {Y0 + 50}))"
    redline = memory_layer("CurvePolygon", GK39, [(circle,)])
    subject = memory_layer("Polygon", GK39, [(square(X0, Y0, 100),)])
    result = run_overlay(subject, [RoleSpec("erl", redline)], QgsProject.instance().transformContext(), AreaMode.PLANAR)
    assert result.subjects[0].area_m2_of("erl") == pytest.approx(math.pi * 30**2, rel=2e-3)


def test_multipart_subject_counts_every_part():
    parts = f"MULTIPOLYGON((({X0} {Y0},{X0 + 10} {Y0},{X0 + 10} {Y0 + 10},{X0} {Y0 + 10},{X0} {Y0})),"
    parts += f"(({X0 + 100} {Y0},{X0 + 110} {Y0},{X0 + 110} {Y0 + 10},{X0 + 100} {Y0 + 10},{X0 + 100} {Y0})))"
    subject = memory_layer("MultiPolygon", GK39, [(parts,)])
    farmland = memory_layer("Polygon", GK39, [(square(X0 - 50, Y0 - 50, 300),)])
    result = run_overlay(
        subject, [RoleSpec("pbf", farmland)], QgsProject.instance().transformContext(), AreaMode.PLANAR
    )
    assert result.subjects[0].area_m2 == pytest.approx(200.0)
    assert result.subjects[0].area_m2_of("pbf") == pytest.approx(200.0)
