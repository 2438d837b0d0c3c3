"""Layers on different datums: QGIS converts Xian 1980 and Beijing 1954 to CGCS2000 by a rough offset only."""

from qgis.core import QgsCoordinateReferenceSystem, QgsProject

from liaocheng_plugin.core.datacheck.datum_rules import CGCS2000, datum_findings, datum_of
from liaocheng_plugin.core.datacheck.findings import DataKind, DataSeverity


def crs(code):
    return QgsCoordinateReferenceSystem(code)


def test_the_datum_is_read_from_the_ellipsoid(qgis_app):
    assert [datum_of(crs(code)) for code in ("EPSG:4527", "EPSG:4490", "EPSG:4326", "EPSG:3857", "EPSG:32650")] == [
        CGCS2000
    ] * 5
    assert datum_of(crs("EPSG:2363")) == "xian1980" and datum_of(crs("EPSG:2415")) == "beijing1954"


def test_only_pairs_qgis_converts_roughly_are_errors(qgis_app):
    context = QgsProject.instance().transformContext()
    same = [("CBDK", crs("EPSG:4527")), ("YJJBNT", crs("EPSG:4548")), ("XMXZ", crs("EPSG:4326"))]
    assert datum_findings(same, context) == []
    mixed = [("CBDK", crs("EPSG:4527")), ("YJJBNT", crs("EPSG:2363")), ("DLTB", crs("EPSG:2415"))]
    findings = datum_findings(mixed, context)
    assert [(f.layer, f.kind, f.severity) for f in findings] == [
        ("YJJBNT", DataKind.DATUM, DataSeverity.ERROR),
        ("DLTB", DataKind.DATUM, DataSeverity.ERROR),
    ]
    assert "Xian 1980" in findings[0].message and "Beijing 1954" in findings[1].message
