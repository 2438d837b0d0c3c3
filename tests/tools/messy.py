"""A small "messy delivery" (one input of each kind the input check knows), and the data_check runs over it.

Used by `make demo` and by tests/processing/test_data_check_algorithm.py.
"""

import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from liaocheng_plugin.core.compat import FIELD_DOUBLE, FIELD_INT, FIELD_STRING
from liaocheng_plugin.core.datacheck.web_frames import wgs84_to_gcj02

X0, Y0 = 39440000.0, 4030000.0  # near 116.33°E 36.40°N, zone 39 with prefix (EPSG:4527)
GK = "EPSG:4527"
SITE_SIDE_M = math.sqrt(20000.0)  # the web-map site is truly 30.00 亩
TEXT_WIDTH = 50


def square(x: float, y: float, size: float, height: float = 0.0) -> str:
    height = height or size
    return f"POLYGON(({x} {y},{x + size} {y},{x + size} {y + height},{x} {y + height},{x} {y}))"


def layer_of(geometry: str, crs: str, name: str, fields: Sequence[Tuple[str, int]], rows) -> QgsVectorLayer:
    """A memory layer from rows of (wkt or None, *values)."""
    layer = QgsVectorLayer(f"{geometry}?crs={crs}", name, "memory")
    # Text fields of a set width: a shapefile cannot hold QGIS's default 255 (GDAL warned for every field).
    widths = {FIELD_STRING: TEXT_WIDTH}
    layer.dataProvider().addAttributes(
        [QgsField(field_name, kind, len=widths.get(kind, 0)) for field_name, kind in fields]
    )
    layer.updateFields()
    features = []
    for wkt, *values in rows:
        feature = QgsFeature(layer.fields())
        if wkt:
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes(list(values))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def write(layer: QgsVectorLayer, path: Path, driver: str = "GPKG", encoding: str = "UTF-8") -> Path:
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = driver
    options.fileEncoding = encoding
    options.layerName = path.stem
    error, message, _, _ = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, str(path), QgsProject.instance().transformContext(), options
    )
    if error != QgsVectorFileWriter.WriterError.NoError:
        raise RuntimeError(message)
    return path


def parcel_fields(utf8_shapefile: bool = False):
    """The parcels' fields; a UTF-8 shapefile gets names of at most 10 bytes (地块名称 takes 12 in UTF-8, 8 in GBK):
    GDAL would cut them mid-character ("地块名�") and warn."""
    if utf8_shapefile:
        return [("DKBH", FIELD_STRING), ("地块名", FIELD_STRING), ("面积", FIELD_DOUBLE)]
    return [("DKBH", FIELD_STRING), ("地块名称", FIELD_STRING), ("台账面积", FIELD_DOUBLE)]


def parcel(x: float, y: float, number: int) -> Tuple[str, str, str, float]:
    """A 100 m × 50 m parcel (7.50 亩) at (X0 + x, Y0 + y)."""
    return (square(X0 + x, Y0 + y, 100, 50), f"CB-{number:03d}", f"储备地块{number}号", 7.5)


def gcj_site_wkt(x: float, y: float, size: float) -> str:
    """A square site, true position (X0 + x, Y0 + y) in EPSG:4527, as drawn on a GCJ-02 web map (lon/lat)."""
    from qgis.core import QgsCoordinateTransform

    to_lonlat = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem(GK), QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance()
    )
    corners = [(0, 0), (size, 0), (size, size), (0, size), (0, 0)]
    points = [to_lonlat.transform(X0 + x + dx, Y0 + y + dy) for dx, dy in corners]
    lon, lat = wgs84_to_gcj02(np.array([p.x() for p in points]), np.array([p.y() for p in points]))
    return "POLYGON((" + ",".join(f"{a:.10f} {b:.10f}" for a, b in zip(lon, lat)) + "))"


def layer_uri(path: Path) -> str:
    """The data source of a written file: a GeoPackage's table has the file's stem as its name."""
    return f"{path}|layername={path.stem}" if path.suffix == ".gpkg" else str(path)


@dataclass
class MessyCase:
    """One data_check run over the messy delivery: its layers (parameter → file) and the kinds it must find."""

    title: str
    layers: Dict[str, Path]
    expected: Dict[str, str] = field(default_factory=dict)  # kind → severity

    def parameters(self) -> Dict[str, object]:
        return {name: layer_uri(path) for name, path in self.layers.items()}


def survey_rows():
    """Survey patches: DLBM stored as an integer (103), an unknown code, KCXS 15 and −0.2 among fractions,
    a TBMJ that differs from the geometry, a TBDLMJ above TBMJ, two patches overlapping each other."""
    size = 200.0
    area = size * size
    return [
        (square(X0 - 300, Y0 - 300, size), 103, 0.0827, area, area * (1 - 0.0827)),
        (square(X0 - 100, Y0 - 300, size), 101, 0.05, area, area * 0.95),
        (square(X0 + 100, Y0 - 300, size), 9999, 0.0, area, area),
        (square(X0 - 300, Y0 - 100, size), 102, 15.0, area, area),
        (square(X0 - 100, Y0 - 100, size), 1001, -0.2, area * 1.02, area),
        (square(X0 + 100, Y0 - 100, size), 1104, 0.0, area, area * 1.5),
        (square(X0 + 250, Y0 - 100, size), 1104, 0.0, area, area),  # overlaps the patch before by 50 m × 200 m
    ]


def generate_messy(folder: Path) -> List[MessyCase]:
    """Write the messy delivery into ``folder``; the data_check runs that cover every kind of finding."""
    folder.mkdir(parents=True, exist_ok=True)
    parcels = [parcel(0, 0, 1), parcel(200, 0, 2)]
    farmland_rows = [(square(X0 - 400, Y0 - 400, 1000), "1")]
    farmland = layer_of("Polygon", GK, "永久基本农田", [("BSM", FIELD_STRING)], farmland_rows)
    files = {"farmland": write(farmland, folder / "YJJBNT.gpkg")}
    without_geometry = layer_of("Polygon", GK, "永久基本农田", [("BSM", FIELD_STRING)], farmland_rows + [(None, "2")])
    files["farmland_gaps"] = write(without_geometry, folder / "YJJBNT_no_geometry.gpkg")
    survey_fields = [("DLBM", FIELD_INT), ("KCXS", FIELD_DOUBLE), ("TBMJ", FIELD_DOUBLE), ("TBDLMJ", FIELD_DOUBLE)]
    files["survey"] = write(layer_of("Polygon", GK, "DLTB", survey_fields, survey_rows()), folder / "DLTB.gpkg")
    percent_rows = [(square(X0 - 300, Y0 - 300, 200), "0103", 8.27), (square(X0 - 100, Y0 - 300, 200), "0101", 0.0)]
    files["survey_percent"] = write(
        layer_of("Polygon", GK, "DLTB", [("DLBM", FIELD_STRING), ("KCXS", FIELD_DOUBLE)], percent_rows),
        folder / "DLTB_KCXS_percent.gpkg",
    )
    files["points"] = write(
        layer_of("Point", GK, "JBNT", [("BSM", FIELD_STRING)], [(f"POINT({X0} {Y0})", "1")]),
        folder / "JBNT_points.gpkg",
    )
    prefixed_as_4548 = layer_of("Polygon", "EPSG:4548", "CBDK", parcel_fields(), parcels)
    files["prefix"] = write(prefixed_as_4548, folder / "CBDK_declared_4548.gpkg")
    gbk = write(
        layer_of("Polygon", GK, "CBDK", parcel_fields(), parcels), folder / "CBDK_gbk.shp", "ESRI Shapefile", "GBK"
    )
    os.remove(gbk.with_suffix(".cpg"))
    files["gbk"] = gbk
    broken = write(
        layer_of("Polygon", GK, "CBDK", parcel_fields(True), parcels), folder / "CBDK_garbled.shp", "ESRI Shapefile"
    )
    dbf = broken.with_suffix(".dbf")
    data = bytearray(dbf.read_bytes())
    position = bytes(data).index("储备地块2号".encode())
    data[position : position + 2] = b"\xff\xfe"
    dbf.write_bytes(bytes(data))
    files["garbled"] = broken
    no_prj = write(
        layer_of("Polygon", GK, "CBDK", parcel_fields(True), parcels), folder / "CBDK_no_prj.shp", "ESRI Shapefile"
    )
    os.remove(no_prj.with_suffix(".prj"))
    files["no_prj"] = no_prj
    swapped = [(square(Y0, X0, 50, 100), "CB-001", "储备地块1号", 7.5)]
    files["swapped"] = write(layer_of("Polygon", GK, "CBDK", parcel_fields(), swapped), folder / "CBDK_XY_swapped.gpkg")
    files["degrees"] = write(
        layer_of("Polygon", "EPSG:4326", "XMXZ", [("FAMC", FIELD_STRING)], [(square(X0, Y0, 300), "方案一")]),
        folder / "XMXZ_metres_as_4326.gpkg",
    )
    files["web"] = write(
        layer_of(
            "Polygon", "EPSG:4326", "XMXZ", [("FAMC", FIELD_STRING)], [(gcj_site_wkt(0, 0, SITE_SIDE_M), "方案一")]
        ),
        folder / "XMXZ_amap.gpkg",
    )
    route_rows = [
        (f"MULTILINESTRING(({X0} {Y0},{X0 + 800} {Y0}))", "K0"),
        (f"MULTILINESTRING(({X0} {Y0},{X0} {Y0}))", "K1"),  # one point
        (f"MULTILINESTRING(({X0} {Y0 + 50},{X0 + 800} {Y0 + 50}),({X0} {Y0 + 200},{X0} {Y0 + 200}))", "K2"),
    ]
    files["route"] = write(
        layer_of("MultiLineString", GK, "XMXL", [("FAMC", FIELD_STRING)], route_rows), folder / "XMXL.gpkg"
    )
    files["parcels"] = write(layer_of("Polygon", GK, "CBDK", parcel_fields(), parcels), folder / "CBDK.gpkg")
    xian = [(square(X0 - 400, Y0 - 400, 1000), "1")]
    files["xian"] = write(
        layer_of("Polygon", "EPSG:2363", "永久基本农田", [("BSM", FIELD_STRING)], xian), folder / "YJJBNT_xian80.gpkg"
    )
    files["empty"] = write(
        layer_of("Polygon", GK, "永久基本农田", [("BSM", FIELD_STRING)], []), folder / "YJJBNT_empty.gpkg"
    )
    bowtie = (
        "POLYGON((" + ",".join(f"{X0 + x} {Y0 + y}" for x, y in ((0, 0), (100, 50), (100, 0), (0, 50), (0, 0))) + "))"
    )
    bowties = [parcel(0, 0, 1), (bowtie, "CB-002", "储备地块2号", 7.5)]  # parcel 2 drawn corner to wrong corner
    files["bowtie"] = write(layer_of("Polygon", GK, "CBDK", parcel_fields(), bowties), folder / "CBDK_bowtie.gpkg")
    elsewhere = [(square(X0 + 60000, Y0, 1000), "1")]
    files["elsewhere"] = write(
        layer_of("Polygon", GK, "生态保护红线", [("BSM", FIELD_STRING)], elsewhere), folder / "STBHHX_elsewhere.gpkg"
    )
    far = [parcel(200000, 0, 9)]
    files["far"] = write(layer_of("Polygon", GK, "CBDK", parcel_fields(), far), folder / "CBDK_far_away.gpkg")
    outside = [(square(100050, 4030000, 100, 50), "CB-010", "储备地块10号", 7.5)]
    files["outside"] = write(
        layer_of("Polygon", "EPSG:4548", "CBDK", parcel_fields(), outside), folder / "CBDK_outside_area.gpkg"
    )
    pbf, survey = files["farmland"], files["survey"]
    return [
        MessyCase(
            "zone prefix; survey codes, KCXS, areas, overlaps; farmland without geometry",
            {"INPUT": files["prefix"], "PERMANENT_FARMLAND": files["farmland_gaps"], "LAND_SURVEY": survey},
            {
                "zone_prefix": "error",
                "empty_geometry": "warning",
                "code_padded": "fixed",
                "code_unknown": "warning",
                "deduction_range": "error",
                "recorded_area": "warning",
                "net_area": "warning",
                "self_overlap": "warning",
            },
        ),
        MessyCase(
            "GBK shapefile without .cpg; KCXS as percentages; points as farmland",
            {"INPUT": gbk, "PERMANENT_FARMLAND": files["points"], "LAND_SURVEY": files["survey_percent"]},
            {"encoding": "fixed", "deduction_percent": "fixed", "geometry_type": "error"},
        ),
        MessyCase("garbled text", {"INPUT": broken, "PERMANENT_FARMLAND": pbf}, {"undecodable": "warning"}),
        MessyCase("no .prj", {"INPUT": no_prj, "PERMANENT_FARMLAND": pbf}, {"crs_missing": "error"}),
        MessyCase("X and Y swapped", {"INPUT": files["swapped"], "PERMANENT_FARMLAND": pbf}, {"axis_swapped": "error"}),
        MessyCase(
            "metres declared as degrees", {"INPUT": files["degrees"], "PERMANENT_FARMLAND": pbf}, {"crs_units": "error"}
        ),
        MessyCase("site from a web map", {"INPUT": files["web"], "PERMANENT_FARMLAND": pbf}, {"web_frame": "warning"}),
        MessyCase("route of one point", {"INPUT": files["route"], "PERMANENT_FARMLAND": pbf}, {"zero_area": "error"}),
        MessyCase(
            "far from the protected layers", {"INPUT": files["far"], "PERMANENT_FARMLAND": pbf}, {"far_apart": "error"}
        ),
        MessyCase(
            "farmland on the Xian 1980 datum",
            {"INPUT": files["parcels"], "PERMANENT_FARMLAND": files["xian"]},
            {"datum": "error"},
        ),
        MessyCase(
            "farmland without features; a red line of another area; KCXS as percentages",
            {
                "INPUT": files["parcels"],
                "PERMANENT_FARMLAND": files["empty"],
                "ECOLOGICAL_REDLINE": files["elsewhere"],
                "LAND_SURVEY": files["survey_percent"],
            },
            {"empty_layer": "error", "far_apart": "warning", "deduction_percent": "fixed"},
        ),
        MessyCase(
            "parcel drawn as a bowtie", {"INPUT": files["bowtie"], "PERMANENT_FARMLAND": pbf}, {"repair_area": "error"}
        ),
        MessyCase(
            "outside the CRS's area of use",
            {"INPUT": files["outside"], "PERMANENT_FARMLAND": pbf},
            {"crs_area": "error"},
        ),
    ]
