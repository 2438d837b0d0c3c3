"""Layers that cannot play their role, and subjects lying far from every protected layer."""

import pytest
from qgis.core import QgsProject

from liaocheng_plugin.core.compat import GEOMETRY_LINE, GEOMETRY_POLYGON
from liaocheng_plugin.core.datacheck.findings import DataKind, DataSeverity
from liaocheng_plugin.core.datacheck.layer_rules import far_apart_findings, geometry_type_findings, lonlat_extent
from liaocheng_plugin.core.datacheck.sources import InputLayer, check_sources
from tests.conftest import memory_layer, square

X0, Y0 = 39500000.0, 4050000.0


def test_a_point_layer_cannot_be_permanent_farmland():
    """The issue's case: a point layer was accepted as permanent farmland (0 m², no warning)."""
    points = memory_layer("Point", "EPSG:4527", [(f"POINT({X0} {Y0})",)], {}, "JBNT_points")
    findings = geometry_type_findings(points, "JBNT_points", "permanent basic farmland", (GEOMETRY_POLYGON,))
    assert [(f.kind, f.severity) for f in findings] == [(DataKind.GEOMETRY_TYPE, DataSeverity.ERROR)]
    assert "“JBNT_points”" in findings[0].message and "permanent basic farmland" in findings[0].message
    assert geometry_type_findings(points, "v", "villages", (GEOMETRY_POLYGON, GEOMETRY_LINE, 0)) == []


def test_a_subject_far_from_every_protected_layer_is_refused():
    context = QgsProject.instance().transformContext()
    farmland = memory_layer("Polygon", "EPSG:4527", [(square(X0, Y0, 1000),)], {}, "YJJBNT")
    near = memory_layer("Polygon", "EPSG:4527", [(square(X0 + 5000, Y0, 100),)], {}, "near")
    far = memory_layer("Polygon", "EPSG:4527", [(square(X0 + 60000, Y0, 100),)], {}, "far")
    protected = [("YJJBNT", lonlat_extent(farmland, context))]
    assert far_apart_findings(("near", lonlat_extent(near, context)), protected) == []
    findings = far_apart_findings(("far", lonlat_extent(far, context)), protected)
    assert [(f.kind, f.severity) for f in findings] == [(DataKind.FAR_APART, DataSeverity.ERROR)]
    assert "“far”" in findings[0].message and "59 km" in findings[0].message and "YJJBNT" in findings[0].message


def test_the_source_check_runs_every_layer_rule():
    context = QgsProject.instance().transformContext()
    farmland = memory_layer("Point", "EPSG:4527", [(f"POINT({X0} {Y0})",)], {}, "JBNT")
    subject = memory_layer("Polygon", "EPSG:4548", [(square(X0, Y0, 100),)], {}, "CBDK")
    check = check_sources(
        [
            InputLayer(subject, "subjects", (GEOMETRY_POLYGON,), True),
            InputLayer(farmland, "permanent basic farmland", (GEOMETRY_POLYGON,)),
        ],
        context,
    )
    assert sorted(f.kind.value for f in check.errors) == ["geometry_type", "zone_prefix"]
    assert check.replacements == {}


@pytest.mark.parametrize("driver, suffix", [("GPKG", ".gpkg"), ("ESRI Shapefile", ".shp"), ("memory", "")])
def test_features_without_geometry_are_found_in_every_format(driver, suffix, tmp_path):
    from qgis.core import QgsVectorLayer

    from liaocheng_plugin.core.datacheck.layer_rules import missing_geometry_ids
    from tests.processing.test_input_check_in_checks import write

    rows = [(square(X0, Y0, 10), "1"), (None, "2"), ("POLYGON EMPTY", "3"), (square(X0, Y0, 10), "4")]
    layer = memory_layer("Polygon", "EPSG:4527", rows, {"BSM": str}, "YJJBNT")
    if driver != "memory":
        path = write(layer, tmp_path / f"jbnt{suffix}", driver)
        layer = QgsVectorLayer(f"{path}|layername=jbnt" if suffix == ".gpkg" else str(path), "YJJBNT", "ogr")
    empty = [feature.id() for feature in layer.getFeatures() if feature.geometry().isEmpty()]
    assert len(empty) == 2 and missing_geometry_ids(layer) == empty
