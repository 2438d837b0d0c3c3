"""Write the Liaocheng sample GeoPackage and a QGIS project that opens it with the profile filled in."""

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

from qgis.core import (
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsReferencedRectangle,
    QgsVectorLayer,
)

from liaocheng_plugin.core.compat import FIELD_DATE, FIELD_DOUBLE, FIELD_INT, FIELD_STRING
from liaocheng_plugin.core.export import write_layers_gpkg
from liaocheng_plugin.core.profile import ProtectedProfile
from liaocheng_plugin.core.styles import apply_style
from tests.tools.sample import subjects as make
from tests.tools.sample.landscape import (
    WORKING_CRS,
    Landscape,
    build_landscape,
    ellipsoidal_area,
    land_code_names,
    read_counties,
)
from tests.tools.sample.survey_change import next_survey_year, qgis_rows

SEED = 20231124
DEFAULT_COUNTIES = ("371502", "371503")
GPKG_NAME = "liaocheng_sample.gpkg"
PROJECT_NAME = "liaocheng_demo.qgz"

TEXT, REAL, INTEGER, DATE = FIELD_STRING, FIELD_DOUBLE, FIELD_INT, FIELD_DATE
SCHEMAS: Dict[str, Tuple[str, str, List[Tuple[str, int]]]] = {
    # layer: (geometry type, display name, fields)
    "XZQ": ("MultiPolygon", "县级行政区 XZQ", [("XZQDM", TEXT), ("XZQMC", TEXT)]),
    "XZQ_XZ": ("MultiPolygon", "乡镇（示意）XZQ_XZ", [("XZQDM", TEXT), ("XZQMC", TEXT)]),
    "DLTB": (
        "MultiPolygon",
        "三调地类图斑 DLTB",
        [
            ("BSM", TEXT),
            ("YSDM", TEXT),
            ("TBBH", TEXT),
            ("DLBM", TEXT),
            ("DLMC", TEXT),
            ("QSXZ", TEXT),
            ("QSDWDM", TEXT),
            ("QSDWMC", TEXT),
            ("ZLDWDM", TEXT),
            ("ZLDWMC", TEXT),
            ("TBMJ", REAL),
            ("KCDLBM", TEXT),
            ("KCXS", REAL),
            ("KCMJ", REAL),
            ("TBDLMJ", REAL),
            ("GDLX", TEXT),
            ("GDPDJB", TEXT),
            ("GDDB", INTEGER),
            ("CZCSXM", TEXT),
            ("SJNF", INTEGER),
        ],
    ),
    "DLTB_2024": ("MultiPolygon", "2024年度变更调查 DLTB_2024", []),  # DLTB's fields (set below)
    "YJJBNTTB": (
        "MultiPolygon",
        "永久基本农田 YJJBNTTB",
        [
            ("BSM", TEXT),
            ("TBBH", TEXT),
            ("DLBM", TEXT),
            ("DLMC", TEXT),
            ("GDDB", INTEGER),
            ("ZLDWDM", TEXT),
            ("ZLDWMC", TEXT),
            ("XZQDM", TEXT),
        ],
    ),
    "STBHHX": ("MultiPolygon", "生态保护红线 STBHHX", [("BSM", TEXT), ("HXMC", TEXT), ("XZQDM", TEXT)]),
    "CZKFBJ": ("MultiPolygon", "城镇开发边界 CZKFBJ", [("BSM", TEXT), ("XZQDM", TEXT), ("XZQMC", TEXT)]),
    "CZCDYD": ("MultiPolygon", "村庄 CZCDYD", [("BSM", TEXT), ("CZMC", TEXT), ("ZLDWDM", TEXT)]),
    "CBDK": (
        "MultiPolygon",
        "储备地块 CBDK",
        [
            ("DKBH", TEXT),
            ("DKMC", TEXT),
            ("ZL", TEXT),
            ("LY", TEXT),
            ("JLMJ", REAL),
            ("CBRQ", DATE),
            ("DJZT", TEXT),
            ("BDCQZH", TEXT),
            ("WD", TEXT),
            ("FCW", TEXT),
            ("ZJXCRQ", DATE),
            ("LSYT", TEXT),
            ("LSQSRQ", DATE),
            ("LSJZRQ", DATE),
            ("GHYT", TEXT),
            ("GYZT", TEXT),
        ],
    ),
    "WG": ("MultiPolygon", "储备网格 WG", [("WGBH", TEXT), ("WGMC", TEXT), ("DWGMC", TEXT), ("WGY", TEXT)]),
    "GDLC": (
        "MultiPolygon",
        "耕地流出图斑 GDLC",
        [
            ("TBBH", TEXT),
            ("XZQDM", TEXT),
            ("XZQMC", TEXT),
            ("XZDM", TEXT),
            ("XZMC", TEXT),
            ("NF", INTEGER),
            ("QDLBM", TEXT),
            ("QDLMC", TEXT),
            ("HDLBM", TEXT),
            ("HDLMC", TEXT),
            ("GDDB", INTEGER),
            ("ZGFS", TEXT),
        ],
    ),
    "GDLR": (
        "MultiPolygon",
        "耕地流入图斑 GDLR",
        [
            ("TBBH", TEXT),
            ("XZQDM", TEXT),
            ("XZQMC", TEXT),
            ("XZDM", TEXT),
            ("XZMC", TEXT),
            ("NF", INTEGER),
            ("QDLBM", TEXT),
            ("QDLMC", TEXT),
            ("HDLBM", TEXT),
            ("HDLMC", TEXT),
            ("GDDB", INTEGER),
            ("PDLCTBBH", TEXT),
        ],
    ),
    "XMXZ": ("MultiPolygon", "项目选址方案 XMXZ", [("FAMC", TEXT), ("XMMC", TEXT), ("XMLX", TEXT)]),
    "XMXL": ("LineString", "项目路线方案 XMXL", [("FAMC", TEXT), ("XMMC", TEXT), ("XMLX", TEXT)]),
}
SCHEMAS["DLTB_2024"] = ("MultiPolygon", SCHEMAS["DLTB_2024"][1], SCHEMAS["DLTB"][2])
NEXT_YEAR = 2024  # the sample's second survey year, made from the first with a year's changes (survey_change.py)
GROUPS = {
    "核查对象": ["CBDK", "GDLC", "GDLR", "XMXZ", "XMXL"],
    "保护图层": ["YJJBNTTB", "STBHHX", "CZKFBJ", "CZCDYD"],
    "基础数据": ["WG", "DLTB_2024", "DLTB", "XZQ_XZ", "XZQ"],
}
STYLE_OF = {
    "YJJBNTTB": "pbf",
    "STBHHX": "erl",
    "CZKFBJ": "udb",
    "DLTB": "survey",
    "DLTB_2024": "survey",
    "CZCDYD": "village",
    "XZQ": "county",
    "XZQ_XZ": "township",
    "CBDK": "subject",
    "WG": "grid",
    "GDLC": "outflow",
    "GDLR": "inflow",
    "XMXZ": "subject",
    "XMXL": "route",
}
INVALID_FARMLAND_EVERY = 4000  # every n-th farmland feature is digitised as a bowtie


@dataclass
class SampleData:
    """Where the sample was written and how much it holds."""

    gpkg: Path
    project: Path
    counts: Dict[str, int]


def bowtie(geometry: QgsGeometry) -> QgsGeometry:
    """A self-intersecting "bowtie" over the patch's bounding box, as digitising errors in real data look."""
    box = geometry.boundingBox()
    corners = [
        (box.xMinimum(), box.yMinimum()),
        (box.xMaximum(), box.yMaximum()),
        (box.xMaximum(), box.yMinimum()),
        (box.xMinimum(), box.yMaximum()),
    ]
    points = [QgsPointXY(x, y) for x, y in corners]
    return QgsGeometry.fromPolygonXY([points + [points[0]]])


def memory_layer(name: str, rows: Sequence[Tuple[QgsGeometry, Dict[str, object]]]) -> QgsVectorLayer:
    geometry_type, _display, fields = SCHEMAS[name]
    layer = QgsVectorLayer(f"{geometry_type}?crs={WORKING_CRS.authid()}", name, "memory")
    layer.dataProvider().addAttributes([QgsField(field_name, kind) for field_name, kind in fields])
    layer.updateFields()
    features = []
    for geometry, attributes in rows:
        feature = QgsFeature(layer.fields())
        if geometry.isMultipart() is False and geometry_type.startswith("Multi"):
            geometry.convertToMultiType()
        feature.setGeometry(geometry)
        feature.setAttributes([attributes.get(field_name) for field_name, _ in fields])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def survey_rows(land: Landscape, names: Dict[str, str], measure) -> List[Tuple[QgsGeometry, Dict[str, object]]]:
    rows = []
    county = land.county
    for number, patch in enumerate(land.patches, start=1):
        township_code, township_name = patch.township
        village_code, village_name = patch.village
        location = f"{township_code}{village_code}0000000"
        area = round(measure.measureArea(patch.geometry), 2)
        deduction = round(area * patch.kcxs, 2)
        rows.append(
            (
                patch.geometry,
                {
                    "BSM": f"{county.code}{number:08d}",
                    "YSDM": "2001010100",
                    "TBBH": str(number),
                    "DLBM": patch.code,
                    "DLMC": names.get(patch.code, ""),
                    "QSXZ": "30" if not patch.urban else "20",
                    "QSDWDM": location,
                    "QSDWMC": f"{village_name}村民委员会" if village_name else township_name,
                    "ZLDWDM": location,
                    "ZLDWMC": f"{township_name}{village_name}",
                    "TBMJ": area,
                    "KCDLBM": "1203" if patch.kcxs else "",
                    "KCXS": patch.kcxs,
                    "KCMJ": deduction,
                    "TBDLMJ": round(area - deduction, 2),
                    "GDLX": "TT" if patch.kcxs else "",
                    "GDPDJB": "1" if patch.kcxs else "",
                    "GDDB": patch.gddb or None,
                    "CZCSXM": "201" if patch.urban else ("203" if patch.code == "0702" else ""),
                    "SJNF": 2023,
                },
            )
        )
    return rows


def farmland_rows(land: Landscape, names: Dict[str, str]) -> List[Tuple[QgsGeometry, Dict[str, object]]]:
    rows = []
    for number, patch in enumerate(land.farmland, start=1):
        rows.append(
            (
                patch.geometry,
                {
                    "BSM": f"JB{land.county.code}{number:07d}",
                    "TBBH": str(number),
                    "DLBM": patch.code,
                    "DLMC": names.get(patch.code, ""),
                    "GDDB": patch.gddb,
                    "ZLDWDM": f"{patch.township[0]}{patch.village[0]}0000000",
                    "ZLDWMC": patch.township[1] + patch.village[1],
                    "XZQDM": land.county.code,
                },
            )
        )
    return rows


def next_year_rows(survey: List[Tuple[QgsGeometry, Dict[str, object]]], names: Dict[str, str], seed: int):
    """The survey of NEXT_YEAR: the sample's survey with a year's realistic changes (see survey_change.py)."""
    import shapely

    from liaocheng_plugin.core.engine import AreaMeasurer

    geometries = [shapely.from_wkb(bytes(geometry.asWkb())) for geometry, _ in survey]
    measure = AreaMeasurer(WORKING_CRS, QgsProject.instance().transformContext()).areas
    year = next_survey_year(geometries, [row for _, row in survey], NEXT_YEAR, names, measure, seed)
    return qgis_rows(year)


def generate(
    output_dir: Path,
    spacing: float = 350.0,
    counties: Sequence[str] = DEFAULT_COUNTIES,
    seed: int = SEED,
    detail: bool = False,
) -> SampleData:
    """Build the sample GeoPackage and project in ``output_dir`` (same seed, same data).

    ``detail`` gives survey and farmland patches the vertices of real ones (see ``landscape.voronoi_cells``).
    """
    output_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    names = land_code_names()
    measure = ellipsoidal_area()
    all_counties = read_counties()
    lands = [build_landscape(all_counties[code], spacing, seed + i, detail) for i, code in enumerate(counties)]
    rows: Dict[str, list] = {name: [] for name in SCHEMAS}
    rows["XZQ"] = [(c.geometry, {"XZQDM": c.code, "XZQMC": c.name}) for c in all_counties.values()]
    for land in lands:
        code = land.county.code
        rows["XZQ_XZ"] += [(g, {"XZQDM": c, "XZQMC": n}) for c, n, g in land.townships]
        rows["DLTB"] += survey_rows(land, names, measure)
        rows["YJJBNTTB"] += farmland_rows(land, names)
        rows["STBHHX"].append(
            (land.red_line, {"BSM": f"HX{code}01", "HXMC": f"{land.county.name}河流湿地生态保护红线", "XZQDM": code})
        )
        rows["CZKFBJ"].append((land.boundary, {"BSM": f"KF{code}01", "XZQDM": code, "XZQMC": land.county.name}))
        rows["CZCDYD"] += [(g, {"BSM": f"CZ{c}", "CZMC": n, "ZLDWDM": c}) for n, c, g in land.villages]
        outflow = make.outflow_patches(land, rng, 28, names)
        rows["GDLC"] += outflow
        # The second county gets too little inflow: its balance shows a deficit.
        rows["GDLR"] += make.inflow_patches(land, rng, 18 if land is lands[0] else 4, outflow, names)
    rows["DLTB_2024"] = next_year_rows(rows["DLTB"], names, seed)
    for position in range(0, len(rows["YJJBNTTB"]), INVALID_FARMLAND_EVERY):
        geometry, attributes = rows["YJJBNTTB"][position]
        rows["YJJBNTTB"][position] = (bowtie(geometry), attributes)
    main = lands[0]
    rows["WG"] = make.grids(main, rng)
    rows["CBDK"] = make.reserve_parcels(main, rng, "CB2023", 14, 2)
    if len(lands) > 1:
        rows["CBDK"] += make.reserve_parcels(lands[1], rng, "CBCP2023", 4, 0)[:4]
        rows["XMXL"] = make.route(main, lands[1])
    rows["XMXZ"] = make.sites(main, rng)
    layers = {name: memory_layer(name, layer_rows) for name, layer_rows in rows.items() if layer_rows}
    gpkg = output_dir / GPKG_NAME
    write_layers_gpkg(gpkg, layers)
    project_path = write_project(output_dir / PROJECT_NAME, gpkg, list(layers))
    return SampleData(gpkg, project_path, {name: layer.featureCount() for name, layer in layers.items()})


def write_project(path: Path, gpkg: Path, layer_names: Sequence[str]) -> Path:
    """A project with every layer grouped and styled, and the protected-layer profile filled in."""
    project = QgsProject()
    project.setCrs(WORKING_CRS)
    project.setTitle("聊城国土空间核查 示例数据")
    root = project.layerTreeRoot()
    for group_name, members in GROUPS.items():
        group = root.addGroup(group_name)
        for name in members:
            if name not in layer_names:
                continue
            layer = QgsVectorLayer(f"{gpkg}|layername={name}", SCHEMAS[name][1], "ogr")
            apply_style(layer, STYLE_OF[name])
            project.addMapLayer(layer, False)
            group.addLayer(layer)
        if group_name == "基础数据":
            group.setExpanded(False)
    ProtectedProfile.guessed(project).save(project)
    boundaries = project.mapLayersByName(SCHEMAS["CZKFBJ"][1])[0]
    project.viewSettings().setDefaultViewExtent(
        QgsReferencedRectangle(boundaries.extent().buffered(3000.0), WORKING_CRS)
    )
    project.write(str(path))
    return path


def sample_centre() -> QgsPointXY:
    """Seat of 东昌府区 in EPSG:4527, where the demo's maps centre."""
    return read_counties()[DEFAULT_COUNTIES[0]].seat
