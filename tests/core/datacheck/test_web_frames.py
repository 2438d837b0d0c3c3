"""Web-map frames: GCJ-02 and BD-09 to WGS 84, vectorised, matching the public formula; layers converted in copies."""

import math

import numpy as np
import pytest
from qgis.core import QgsProject

from liaocheng_plugin.core.datacheck.findings import DataKind, DataSeverity
from liaocheng_plugin.core.datacheck.sources import frame_findings
from liaocheng_plugin.core.datacheck.web_frames import (
    CoordinateFrame,
    bd09_to_wgs84,
    converted_layer,
    gcj02_to_bd09,
    gcj02_to_wgs84,
    offset_m,
    wgs84_to_gcj02,
)
from tests.conftest import memory_layer, square
from tests.tools.sample.gcj02 import gcj02_to_wgs84 as scalar_gcj02_to_wgs84
from tests.tools.sample.gcj02 import wgs84_to_gcj02 as scalar_wgs84_to_gcj02

# Liaocheng's extent (SOURCES.md): corners and centre
LON = np.array([115.27, 116.55, 115.27, 116.55, 115.91])
LAT = np.array([35.78, 35.78, 37.03, 37.03, 36.45])


def test_the_vectorised_offset_is_the_public_formula():
    lon, lat = wgs84_to_gcj02(LON, LAT)
    for position in range(len(LON)):
        assert (lon[position], lat[position]) == pytest.approx(
            scalar_wgs84_to_gcj02(LON[position], LAT[position]), abs=1e-12
        )
    east_deg = lon - LON
    assert np.all((east_deg > 0.0053) & (east_deg < 0.0060))  # SOURCES.md: about 0.0054–0.0060° east here


def test_gcj02_converts_back_to_wgs84_within_a_millimetre():
    lon, lat = gcj02_to_wgs84(*wgs84_to_gcj02(LON, LAT))
    assert np.max(np.abs(lon - LON)) < 1e-8 and np.max(np.abs(lat - LAT)) < 1e-8
    assert gcj02_to_wgs84(np.array([116.0]), np.array([36.4]))[0][0] == pytest.approx(
        scalar_gcj02_to_wgs84(116.0, 36.4)[0], abs=1e-9
    )


def test_bd09_converts_back_to_wgs84():
    lon, lat = bd09_to_wgs84(*gcj02_to_bd09(*wgs84_to_gcj02(LON, LAT)))
    assert np.max(np.abs(lon - LON)) < 1e-8 and np.max(np.abs(lat - LAT)) < 1e-8


def test_positions_outside_china_have_no_gcj_offset():
    lon, lat = wgs84_to_gcj02(np.array([2.35]), np.array([48.85]))
    assert (lon[0], lat[0]) == (2.35, 48.85)


def test_the_offset_here_is_several_hundred_metres():
    east, north = offset_m(CoordinateFrame.GCJ02, 115.91, 36.45)
    assert 480 < east < 540 and -30 < north < 60
    bd_east, bd_north = offset_m(CoordinateFrame.BD09, 115.91, 36.45)
    assert math.hypot(bd_east, bd_north) > 1000


def gcj_site(size_m: float = 100.0):
    """A square site (true position near 116.0°E 36.4°N) as it lands when digitised on a GCJ-02 web map."""
    lon, lat = 116.0, 36.4
    d_lon = size_m / (111320.0 * math.cos(math.radians(lat)))
    d_lat = size_m / 110574.0
    corners = np.array([[lon, lat], [lon + d_lon, lat], [lon + d_lon, lat + d_lat], [lon, lat + d_lat], [lon, lat]])
    moved = np.column_stack(wgs84_to_gcj02(corners[:, 0], corners[:, 1]))
    wkt = "POLYGON((" + ",".join(f"{x:.10f} {y:.10f}" for x, y in moved) + "))"
    return memory_layer("Polygon", "EPSG:4326", [(wkt, "方案一")], {"FAMC": str}, "XMXZ"), corners


def test_a_gcj02_layer_is_converted_in_a_copy():
    layer, true_corners = gcj_site()
    copy = converted_layer(layer, layer.name(), CoordinateFrame.GCJ02)
    vertices = [(v.x(), v.y()) for v in next(copy.getFeatures()).geometry().vertices()]
    assert np.max(np.abs(np.array(vertices) - true_corners)) < 1e-8
    assert next(copy.getFeatures())["FAMC"] == "方案一" and copy.crs().authid() == "EPSG:4326"
    original = [(v.x(), v.y()) for v in next(layer.getFeatures()).geometry().vertices()]
    assert abs(original[0][0] - true_corners[0][0]) > 0.005  # the user's layer still lies where it was drawn


def test_frame_findings_convert_warn_or_refuse():
    context = QgsProject.instance().transformContext()
    layer, _ = gcj_site()
    warned, none = frame_findings(layer, CoordinateFrame.UNSTATED, context)
    assert none is None and [(f.kind, f.severity) for f in warned] == [(DataKind.WEB_FRAME, DataSeverity.WARNING)]
    assert "“XMXZ”" in warned[0].message and "m east" in warned[0].message
    fixed, converted = frame_findings(layer, CoordinateFrame.GCJ02, context)
    assert converted is not None and fixed[0].severity == DataSeverity.FIXED and "m west" in fixed[0].message
    assert frame_findings(layer, CoordinateFrame.TRUE, context) == ([], None)
    projected = memory_layer("Polygon", "EPSG:4527", [(square(39500000, 4050000, 100),)], {}, "GK")
    assert frame_findings(projected, CoordinateFrame.UNSTATED, context) == ([], None)
    refused, _ = frame_findings(projected, CoordinateFrame.BD09, context)
    assert refused[0].severity == DataSeverity.ERROR and "EPSG:4527" in refused[0].message
