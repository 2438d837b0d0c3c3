"""The shapely 2 engine: ellipsoidal areas, threads, chunks and cancel, self-overlaps, the read and the inspect hook."""

from pathlib import Path

import numpy as np
import pytest
import shapely
import shapely.affinity
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDistanceArea,
    QgsFeedback,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingFeatureSource,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from liaocheng_plugin.core.datacheck.findings import DataCheckError, DataFinding, DataSeverity
from liaocheng_plugin.core.definitions import AreaMode, IssueKind
from liaocheng_plugin.core.engine import AreaMeasurer, OverlayEngine, RoleSpec, read_layer, run_overlay
from liaocheng_plugin.core.engine import overlay as overlay_module
from liaocheng_plugin.core.engine.arrays import COLUMN_CODE, COLUMN_DEDUCTION, COLUMN_LABEL, COLUMN_RECORDED_AREA
from liaocheng_plugin.core.engine.convert import to_qgis
from liaocheng_plugin.core.exceptions import CheckCanceledError
from tests.conftest import memory_layer, square

GK39 = "EPSG:4527"
X0, Y0 = 39500000.0, 4050000.0  # zone 39's central meridian, near Liaocheng


def context():
    return QgsProject.instance().transformContext()


def reference_area(crs: str, geometry) -> float:
    measure = QgsDistanceArea()
    measure.setSourceCrs(QgsCoordinateReferenceSystem(crs), context())
    measure.setEllipsoid("EPSG:1024")
    return measure.measureArea(to_qgis(geometry))


@pytest.mark.parametrize("crs, false_easting", [("EPSG:4527", 39500000.0), ("EPSG:4548", 500000.0)])
@pytest.mark.parametrize("offset_km", [0.0, 60.0, -135.0, 160.0])  # centre, inside, zone edge (1.5°), beyond
def test_ellipsoidal_areas_agree_with_qgsdistancearea_at_zone_centre_and_edge(crs, false_easting, offset_km):
    """Parcels, a holed parcel and a 40 km corridor: the scale-factor method equals QgsDistanceArea to 1e-7."""
    x = false_easting + offset_km * 1000.0
    route = shapely.LineString([(x - 20000 + 1000 * i, Y0 + 3000 * np.sin(i / 6)) for i in range(41)]).buffer(30)
    holed = shapely.box(x, Y0, x + 800, Y0 + 800).difference(shapely.box(x + 200, Y0 + 200, x + 600, Y0 + 600))
    parcels = [shapely.box(x, Y0, x + size, Y0 + size * 0.7) for size in (30.0, 300.0, 2000.0)]
    geometries = np.array(parcels + [holed, route], dtype=object)
    measurer = AreaMeasurer(QgsCoordinateReferenceSystem(crs), context(), AreaMode.ELLIPSOIDAL)
    ours = measurer.areas(geometries)
    expected = np.array([reference_area(crs, geometry) for geometry in geometries])
    assert np.max(np.abs(ours / expected - 1.0)) < 1e-7
    assert not np.allclose(ours, shapely.area(geometries), rtol=1e-7) or offset_km == 0.0  # really ellipsoidal


def test_ellipsoidal_areas_of_rotated_pieces_equal_geographiclib_where_qgsdistancearea_drifts():
    """100 km off the central meridian QgsDistanceArea (QGIS 3.22) drifts by up to ~4e-7 on rotated pieces;
    the scale-factor areas stay within 1e-7 of GeographicLib's geodesic areas (edges densified to 2 m)."""
    pyproj = pytest.importorskip("pyproj")
    try:
        to_geographic = pyproj.Transformer.from_crs(GK39, "EPSG:4490", always_xy=True)
    except pyproj.exceptions.DataDirError:  # in a venv pyproj may not find Debian's PROJ data by itself
        if not Path("/usr/share/proj/proj.db").exists():
            pytest.skip("pyproj finds no PROJ data")
        pyproj.datadir.set_data_dir("/usr/share/proj")
        to_geographic = pyproj.Transformer.from_crs(GK39, "EPSG:4490", always_xy=True)
    ellipsoid = pyproj.Geod(a=6378137.0, rf=298.257222101)
    rng = np.random.default_rng(7)
    pieces = []
    for _ in range(40):
        x, y = X0 + rng.uniform(-140000, 140000), Y0 + rng.uniform(-50000, 50000)
        box = shapely.box(x, y, x + rng.uniform(100, 400), y + rng.uniform(60, 300))
        pieces.append(shapely.affinity.rotate(box, rng.uniform(0, 90)))
    ours = AreaMeasurer(QgsCoordinateReferenceSystem(GK39), context(), AreaMode.ELLIPSOIDAL).areas(np.array(pieces))
    for area, piece in zip(ours, pieces):
        xs, ys = zip(*shapely.segmentize(piece.exterior, 2.0).coords)
        geodesic = abs(ellipsoid.polygon_area_perimeter(*to_geographic.transform(xs, ys))[0])
        assert area == pytest.approx(geodesic, rel=1e-7, abs=1e-4)
        assert area == pytest.approx(reference_area(GK39, piece), rel=1e-6)


def test_working_crs_that_is_not_transverse_mercator_falls_back_to_qgsdistancearea():
    crs = "EPSG:3857"
    geometry = shapely.box(12900000.0, 4300000.0, 12901000.0, 4300500.0)
    measurer = AreaMeasurer(QgsCoordinateReferenceSystem(crs), context(), AreaMode.ELLIPSOIDAL)
    assert measurer.area(geometry) == pytest.approx(reference_area(crs, geometry), rel=1e-12)


def survey_and_subjects(count: int = 12):
    """A strip of subjects over a survey tessellation with two cultivated codes and a KCXS."""
    rows = []
    for i in range(40):
        code = ("0101", "0103", "0201")[i % 3]
        rows.append((square(X0 + 25 * i, Y0, 25), code, 0.05 * (i % 3)))
    survey = memory_layer("Polygon", GK39, rows, {"DLBM": str, "KCXS": float}, "DLTB")
    subjects = memory_layer("Polygon", GK39, [(square(X0 + 13 + 70 * i, Y0 + 5, 40),) for i in range(count)])
    return survey, subjects


def figures(report):
    return [
        (r.subject_id, r.area_m2, r.area_m2_of("survey"), r.roles["survey"].cultivated_m2)
        + (r.roles["survey"].cultivated_net_m2, tuple(sorted(r.roles["survey"].area_by_code_m2.items())))
        + (tuple((p.protected_fid, p.area_m2) for p in r.roles["survey"].pieces),)
        for r in report.subjects
    ]


def test_thread_pool_and_chunks_give_the_same_numbers_as_one_thread(monkeypatch):
    survey, subjects = survey_and_subjects()
    spec = RoleSpec("survey", survey, code_field="DLBM", deduction_field="KCXS", coverage=True)
    one = run_overlay(subjects, [spec], context(), threads=1)
    monkeypatch.setattr("liaocheng_plugin.core.engine.pool.MIN_PER_THREAD", 1)
    monkeypatch.setattr(overlay_module, "CHUNK_SIZE", 5)
    many = run_overlay(subjects, [spec], context(), threads=4)
    assert figures(one) == figures(many)
    assert len(one.subjects) == 12 and all(r.roles["survey"].cultivated_m2 > 0 for r in one.subjects)


class CancelAfterFirstChunk(QgsFeedback):
    """Cancels as soon as the overlay reports progress past its first chunk."""

    def __init__(self):
        super().__init__()
        self.progressChanged.connect(self._maybe_cancel)

    def _maybe_cancel(self, progress):
        if progress > 0:
            self.cancel()


def test_cancel_between_chunks_raises_and_returns_no_results(monkeypatch):
    survey, subjects = survey_and_subjects()
    monkeypatch.setattr(overlay_module, "CHUNK_SIZE", 4)
    engine = OverlayEngine(QgsCoordinateReferenceSystem(GK39), context())
    engine.build_indexes([RoleSpec("survey", survey, code_field="DLBM")])
    arrays, _ = overlay_module.read_subjects(subjects, engine.working_crs, context())
    feedback = CancelAfterFirstChunk()
    with pytest.raises(CheckCanceledError):
        engine.overlay_arrays(arrays, feedback)
    assert feedback.isCanceled()


def test_cancelled_overlap_check_writes_nothing(processing_with_provider, tmp_path, monkeypatch):
    """A cancelled run returns no outputs and leaves no output file behind."""
    import processing
    from qgis.core import QgsProcessingFeedback

    survey, subjects = survey_and_subjects()
    monkeypatch.setattr(overlay_module, "CHUNK_SIZE", 4)

    class Cancelling(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.progressChanged.connect(lambda progress: self.cancel() if progress > 60 else None)

    target = tmp_path / "out.gpkg"
    results = processing.run(
        "liaocheng:overlap_check",
        {"INPUT": subjects, "LAND_SURVEY": survey, "OUTPUT": str(target), "OVERLAPS": "memory:"},
        feedback=Cancelling(),
    )
    assert results == {}
    assert not target.exists()


def test_a_survey_that_overlaps_itself_is_not_counted_twice():
    """Two survey patches digitised over each other: the shared part counts once, for the first patch."""
    survey = memory_layer(
        "Polygon",
        GK39,
        [
            (square(X0, Y0, 60), "0101", 0.1),
            (square(X0 + 30, Y0, 60), "0103", 0.0),  # overlaps the first on 30 m × 60 m
            (square(X0, Y0, 60), "0102", 0.0),  # an exact duplicate of the first
        ],
        {"DLBM": str, "KCXS": float},
        "DLTB",
    )
    subject = memory_layer("Polygon", GK39, [(square(X0, Y0, 100),)])
    spec = RoleSpec("survey", survey, code_field="DLBM", deduction_field="KCXS", coverage=True)
    overlap = run_overlay(subject, [spec], context(), AreaMode.PLANAR).subjects[0].roles["survey"]
    assert overlap.area_m2 == pytest.approx(90 * 60)
    assert overlap.cultivated_m2 == pytest.approx(90 * 60)
    assert overlap.area_by_code_m2 == pytest.approx({"0101": 3600.0, "0103": 1800.0})
    assert overlap.cultivated_net_m2 == pytest.approx(3600 * 0.9 + 1800)
    assert sum(piece.area_m2 for piece in overlap.pieces) == pytest.approx(overlap.area_m2)
    assert overlap.geometry.area() == pytest.approx(90 * 60)


def write_gpkg(layer, path, name):
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = name
    error, message, _, _ = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), context(), options)
    assert error == QgsVectorFileWriter.WriterError.NoError, message
    result = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    assert result.isValid()
    return result


def test_bulk_gdal_read_gives_the_arrays_qgis_gives(tmp_path):
    """A saved GeoPackage is read by GDAL in bulk; every id, geometry and value equals the QGIS read."""
    rows = [
        (square(X0 + 10 * i, Y0, 10), "0103" if i % 2 else "地类一", 0.0827 if i % 3 else None, 100 + i)
        for i in range(30)
    ]
    rows.append((None, "0101", 0.1, 5))
    memory = memory_layer("Polygon", GK39, rows, {"DLBM": str, "KCXS": float, "TBMJ": int}, "DLTB")
    saved = write_gpkg(memory, tmp_path / "survey.gpkg", "DLTB")
    fields = {COLUMN_CODE: "dlbm", COLUMN_DEDUCTION: "KCXS", COLUMN_RECORDED_AREA: "TBMJ"}
    crs = QgsCoordinateReferenceSystem(GK39)
    from liaocheng_plugin.core.engine.reader import bulk_table

    assert bulk_table(saved, crs, [1, 2, 3]) is not None
    bulk, bulk_findings = read_layer(saved, "survey", "DLTB", fields, crs, context())
    through_qgis = QgsProcessingFeatureSource(saved, QgsProcessingContext())
    assert bulk_table(through_qgis, crs, [1, 2, 3]) is None
    slow, slow_findings = read_layer(through_qgis, "survey", "DLTB", fields, crs, context())
    saved.startEditing()  # an edited layer is read through QGIS, edits included
    saved.changeAttributeValue(1, 1, "0103")
    assert bulk_table(saved, crs, [1, 2, 3]) is None
    saved.rollBack()
    assert bulk.fids.tolist() == slow.fids.tolist()
    for meaning in fields:
        assert bulk.columns[meaning].tolist() == slow.columns[meaning].tolist(), meaning
    assert all(
        (a is None and b is None) or shapely.equals_exact(a, b) for a, b in zip(bulk.geometries, slow.geometries)
    )
    assert [(f.feature_id, f.kind) for f in bulk_findings] == [(f.feature_id, f.kind) for f in slow_findings]
    assert [(f.feature_id, f.kind, f.severity) for f in bulk_findings] == [(31, IssueKind.EMPTY, DataSeverity.WARNING)]


def test_inspect_sees_every_layer_first_and_its_fixes_count():
    """The input check's hook: it sees the subjects and each role, may fix values, and its findings come back."""
    survey = memory_layer(
        "Polygon", GK39, [(square(X0, Y0, 100), "103", 8.0)], {"DLBM": str, "KCXS": float}, "DLTB"
    )  # DLBM lost its leading zero, KCXS typed as a percentage
    subject = memory_layer("Polygon", GK39, [(square(X0, Y0, 50),)], name="地块")
    seen = []

    def inspect(arrays):
        seen.append((arrays.key, arrays.name, len(arrays)))
        if COLUMN_CODE in arrays.columns:
            arrays.columns[COLUMN_CODE][0] = "0" + arrays.columns[COLUMN_CODE][0]
            arrays.columns[COLUMN_DEDUCTION][0] = arrays.columns[COLUMN_DEDUCTION][0] / 100.0
            return [DataFinding(arrays.name, int(arrays.fids[0]), "dlbm_padded", DataSeverity.FIXED, "补零")]
        return []

    spec = RoleSpec("survey", survey, code_field="DLBM", deduction_field="KCXS", coverage=True)
    report = run_overlay(subject, [spec], context(), AreaMode.PLANAR, inspect=inspect)
    assert seen == [("subject", "地块", 1), ("survey", "DLTB", 1)]
    overlap = report.subjects[0].roles["survey"]
    assert overlap.cultivated_m2 == pytest.approx(2500.0)
    assert overlap.cultivated_net_m2 == pytest.approx(2500.0 * 0.92)
    assert [(f.kind, f.severity) for f in report.issues] == [("dlbm_padded", DataSeverity.FIXED)]


def test_a_data_check_error_from_inspect_stops_the_check():
    subject = memory_layer("Polygon", GK39, [(square(X0, Y0, 50),)])
    farmland = memory_layer("Polygon", GK39, [(square(X0, Y0, 50), "A")], {"BSM": str}, "YJJBNT")
    stop = DataFinding("YJJBNT", None, "no_crs", DataSeverity.ERROR, "图层无坐标系")

    def inspect(arrays):
        if arrays.key == "pbf":
            raise DataCheckError([stop])
        return []

    with pytest.raises(DataCheckError, match="图层无坐标系"):
        run_overlay(subject, [RoleSpec("pbf", farmland, label_field="BSM")], context(), inspect=inspect)


def test_role_spec_reads_extra_columns_by_meaning():
    spec = RoleSpec("survey", None, label_field="", code_field="DLBM", columns={COLUMN_RECORDED_AREA: "TBMJ"})
    assert spec.fields() == {COLUMN_CODE: "DLBM", COLUMN_RECORDED_AREA: "TBMJ"}
    assert COLUMN_LABEL not in spec.fields()


def test_interactive_overlay_of_a_point_village_lists_it_without_area():
    villages = memory_layer("Point", GK39, [(f"POINT({X0 + 10} {Y0 + 10})", "里庄")], {"CZMC": str}, "村庄")
    engine = OverlayEngine(QgsCoordinateReferenceSystem(GK39), context(), AreaMode.PLANAR)
    engine.build_indexes([RoleSpec("village", villages, label_field="CZMC")])
    overlap = engine.overlay(QgsGeometry.fromWkt(square(X0, Y0, 50))).roles["village"]
    assert overlap.labels == ["里庄"] and overlap.area_m2 == 0.0
    assert not overlap.pieces[0].is_polygon


def test_bulk_read_of_a_shapefile_keeps_qgis_feature_ids(tmp_path):
    """Shapefile ids start at 0 in QGIS: the bulk read must give the same ids (text fields go through QGIS)."""
    memory = memory_layer("Polygon", GK39, [(square(X0 + 10 * i, Y0, 10), 0.1 * i) for i in range(5)], {"KCXS": float})
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "ESRI Shapefile"
    QgsVectorFileWriter.writeAsVectorFormatV3(memory, str(tmp_path / "kcxs.shp"), context(), options)
    saved = QgsVectorLayer(str(tmp_path / "kcxs.shp"), "kcxs", "ogr")
    crs = QgsCoordinateReferenceSystem(GK39)
    from liaocheng_plugin.core.engine.reader import bulk_table

    assert bulk_table(saved, crs, [0]) is not None
    bulk, _ = read_layer(saved, "x", "kcxs", {COLUMN_DEDUCTION: "KCXS"}, crs, context())
    slow, _ = read_layer(
        QgsProcessingFeatureSource(saved, QgsProcessingContext()),
        "x",
        "kcxs",
        {COLUMN_DEDUCTION: "KCXS"},
        crs,
        context(),
    )
    assert bulk.fids.tolist() == slow.fids.tolist() == [feature.id() for feature in saved.getFeatures()]
    assert bulk.columns[COLUMN_DEDUCTION].tolist() == slow.columns[COLUMN_DEDUCTION].tolist()
