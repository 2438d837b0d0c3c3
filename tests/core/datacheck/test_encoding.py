"""Shapefile encodings: a GBK .dbf without .cpg is read as GB18030 in a fresh layer; undecodable text is named."""

from pathlib import Path

from qgis.core import QgsProject, QgsVectorFileWriter, QgsVectorLayer

from liaocheng_plugin.core.datacheck.encoding import encoding_findings
from liaocheng_plugin.core.datacheck.findings import DataKind, DataSeverity
from tests.conftest import memory_layer, square

NAME = "储备一号地块"


def write_shapefile(folder: Path, encoding: str, keep_cpg: bool = True, stem: str = "cbdk") -> Path:
    """A real shapefile whose .dbf is written in ``encoding`` (Chinese field names and values)."""
    rows = [(square(39500000 + 200 * i, 4050000, 100), f"{NAME}{i}", f"CB-{i:03d}") for i in range(3)]
    layer = memory_layer("Polygon", "EPSG:4527", rows, {"地块名称": str, "地块编号": str}, "x")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "ESRI Shapefile"
    options.fileEncoding = encoding
    path = folder / f"{stem}.shp"
    error, message, _, _ = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, str(path), QgsProject.instance().transformContext(), options
    )
    assert error == QgsVectorFileWriter.WriterError.NoError, message
    if not keep_cpg:
        path.with_suffix(".cpg").unlink()
    return path


def test_a_gbk_shapefile_without_cpg_is_read_as_gb18030_in_a_fresh_layer(tmp_path):
    """The issue's case: names became mojibake, no ledger field was found and both parcels "passed"."""
    path = write_shapefile(tmp_path, "GBK", keep_cpg=False)
    assert NAME.encode("gbk") in path.with_suffix(".dbf").read_bytes()
    user_layer = QgsVectorLayer(str(path), "储备地块", "ogr")
    assert "地块名称" not in user_layer.fields().names()  # what QGIS shows without .cpg
    findings, fresh = encoding_findings(user_layer, user_layer.name())
    assert [(f.kind, f.severity, f.feature_id) for f in findings] == [(DataKind.ENCODING, DataSeverity.FIXED, None)]
    assert "“储备地块”" in findings[0].message and "GB18030" in findings[0].message
    assert "cbdk.cpg" in findings[0].hint
    assert fresh.fields().names()[:2] == ["地块名称", "地块编号"]
    assert [f["地块名称"] for f in fresh.getFeatures()] == [f"{NAME}{i}" for i in range(3)]
    assert fresh.crs().authid() == "EPSG:4527" and fresh.name() == "储备地块"
    assert user_layer.dataProvider().encoding() == "UTF-8"  # the user's layer is untouched
    assert not path.with_suffix(".cpg").exists()  # and so are the user's files


def test_shapefiles_that_read_right_give_no_finding(tmp_path):
    gbk_with_cpg = write_shapefile(tmp_path, "GBK", stem="gbk")
    utf8_without_cpg = write_shapefile(tmp_path, "UTF-8", keep_cpg=False, stem="utf8")
    for path in (gbk_with_cpg, utf8_without_cpg):
        layer = QgsVectorLayer(str(path), path.stem, "ogr")
        assert encoding_findings(layer, layer.name()) == ([], None)


def test_a_cpg_that_does_not_match_the_text_is_a_warning(tmp_path):
    path = write_shapefile(tmp_path, "GBK", stem="wrong")
    path.with_suffix(".cpg").write_text("UTF-8")
    layer = QgsVectorLayer(str(path), "wrong", "ogr")
    findings, fresh = encoding_findings(layer, layer.name())
    assert fresh is None
    assert [(f.kind, f.severity) for f in findings] == [(DataKind.ENCODING, DataSeverity.WARNING)]
    assert "UTF-8" in findings[0].message and "GB18030" in findings[0].hint


def test_text_that_decodes_in_no_encoding_is_named_by_field_and_feature(tmp_path):
    path = write_shapefile(tmp_path, "UTF-8", keep_cpg=False, stem="broken")
    dbf = path.with_suffix(".dbf")
    data = bytearray(dbf.read_bytes())
    value = b"CB-001"
    position = bytes(data).index(value)
    data[position : position + 2] = b"\xff\xfe"  # bytes no text encoding produces
    dbf.write_bytes(bytes(data))
    layer = QgsVectorLayer(str(path), "broken", "ogr")
    findings, fresh = encoding_findings(layer, layer.name())
    assert fresh is None
    assert [(f.kind, f.severity, f.feature_id) for f in findings] == [(DataKind.UNDECODABLE, DataSeverity.WARNING, 1)]
    assert "field 地块编" in findings[0].message and "features 1 " in findings[0].message  # 10 bytes of 地块编号


def test_other_formats_are_not_looked_at(tmp_path):
    layer = memory_layer("Polygon", "EPSG:4527", [(square(39500000, 4050000, 100), NAME)], {"MC": str})
    assert encoding_findings(layer, "x") == ([], None)
