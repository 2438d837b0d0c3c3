"""CRS plausibility: coordinates that cannot be right for the declared CRS are refused with the CRS that fits."""

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsVectorFileWriter, QgsVectorLayer

from liaocheng_plugin.core.datacheck.crs_rules import crs_findings
from liaocheng_plugin.core.datacheck.findings import DataKind, DataSeverity
from liaocheng_plugin.core.datacheck.gauss_kruger import gauss_kruger
from tests.conftest import memory_layer, square

NORTHING = 4050000.0


def parcel(crs: str, easting: float, name: str = "CBDK") -> QgsVectorLayer:
    return memory_layer("Polygon", crs, [(square(easting, NORTHING, 100),)], {}, name)


def findings_of(layer):
    return crs_findings(layer, layer.name(), QgsProject.instance().transformContext())


def only(findings):
    assert len(findings) == 1, [f.message for f in findings]
    assert findings[0].severity == DataSeverity.ERROR and findings[0].feature_id is None
    return findings[0]


@pytest.mark.parametrize(
    "declared, easting, proposed",
    [
        ("EPSG:4548", 39500050.0, "EPSG:4527"),  # the parcel: prefixed eastings declared without prefix
        ("EPSG:4527", 500050.0, "EPSG:4548"),  # un-prefixed eastings declared with the prefix
        ("EPSG:4547", 38400050.0, "EPSG:4526"),  # zone 38, the west of 冠县/莘县
        ("EPSG:4526", 400050.0, "EPSG:4547"),
        ("EPSG:4527", 38400050.0, "EPSG:4526"),  # the prefix says zone 38, the CRS zone 39
        ("EPSG:2384", 39500050.0, "EPSG:2363"),  # Xian 1980 CM 117E ↔ zone 39
    ],
)
def test_zone_prefix_against_the_declared_zone_proposes_the_crs_that_fits(declared, easting, proposed):
    finding = only(findings_of(parcel(declared, easting)))
    assert finding.kind == DataKind.ZONE_PREFIX
    assert "“CBDK”" in finding.message and declared in finding.message
    assert proposed in finding.hint


def test_gauss_kruger_metres_declared_as_degrees_are_refused_naming_the_layer():
    finding = only(findings_of(parcel("EPSG:4326", 39500050.0, "永久基本农田")))
    assert finding.kind == DataKind.CRS_UNITS
    assert "“永久基本农田”" in finding.message and "39,500,050" in finding.message
    assert "EPSG:4527" in finding.hint


def test_swapped_axes_are_refused():
    """A surveyor's X is the northing: a table typed with X as easting swaps them."""
    swapped = memory_layer("Polygon", "EPSG:4527", [(square(NORTHING, 39500050.0, 100),)], {}, "DK")
    finding = only(findings_of(swapped))
    assert finding.kind == DataKind.AXIS_SWAPPED and "4,050,000" in finding.message
    degrees = memory_layer("Polygon", "EPSG:4490", [(square(36.4, 116.0, 0.01),)], {}, "DK")
    assert only(findings_of(degrees)).kind == DataKind.AXIS_SWAPPED


def test_a_layer_without_crs_is_refused_with_a_guess(tmp_path):
    """A shapefile delivered without .prj: the prefixed eastings tell the zone."""
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "ESRI Shapefile"
    layer = parcel("EPSG:4527", 39500050.0)
    QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, str(tmp_path / "dk.shp"), QgsProject.instance().transformContext(), options
    )
    (tmp_path / "dk.prj").unlink()
    loaded = QgsVectorLayer(str(tmp_path / "dk.shp"), "dk", "ogr")
    loaded.setCrs(QgsCoordinateReferenceSystem())
    finding = only(findings_of(loaded))
    assert finding.kind == DataKind.CRS_MISSING and "EPSG:4527" in finding.hint


def test_coordinates_far_outside_the_area_of_use_are_refused():
    """Eastings of 100 km in CM 117°E put the layer near 112.5°E, far west of where EPSG:4548 is used."""
    finding = only(findings_of(parcel("EPSG:4548", 100050.0)))
    assert finding.kind == DataKind.CRS_AREA and "EPSG:4548" in finding.message


@pytest.mark.parametrize(
    "declared, easting",
    [
        ("EPSG:4527", 39500050.0),
        ("EPSG:4548", 500050.0),
        ("EPSG:4527", 39380000.0),  # 115.27°E, the west of Liaocheng forced into zone 39: within the margin
        ("EPSG:4526", 38600000.0),
    ],
)
def test_plausible_layers_pass(declared, easting):
    assert findings_of(parcel(declared, easting)) == []


def test_lon_lat_layers_in_liaocheng_pass():
    layer = memory_layer("Polygon", "EPSG:4490", [(square(116.0, 36.4, 0.01),)], {}, "DK")
    assert findings_of(layer) == []


def test_gauss_kruger_families_are_recognised():
    for code, zone, prefixed in ((4527, 39, True), (4548, 39, False), (4526, 38, True), (4498, 20, True)):
        reading = gauss_kruger(QgsCoordinateReferenceSystem(f"EPSG:{code}"))
        assert (reading.zone, reading.prefixed, reading.epsg()) == (zone, prefixed, code)
    assert gauss_kruger(QgsCoordinateReferenceSystem("EPSG:32650")) is None  # UTM: scale 0.9996
    assert gauss_kruger(QgsCoordinateReferenceSystem("EPSG:4326")) is None
