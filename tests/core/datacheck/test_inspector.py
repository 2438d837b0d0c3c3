"""The array rules in one call, as the engine's hook runs them on each layer it reads."""

import numpy as np
import pytest
import shapely

from liaocheng_plugin.core.datacheck.codes import cultivated_mask
from liaocheng_plugin.core.datacheck.findings import DataCheckError, DataKind, DataSeverity
from liaocheng_plugin.core.datacheck.inspector import ArrayInspector, DataRules
from liaocheng_plugin.core.definitions import DEFAULT_CULTIVATED_CODES
from liaocheng_plugin.core.engine.arrays import COLUMN_CODE, COLUMN_DEDUCTION
from tests.core.datacheck.helpers import arrays_of, box


def planar(geometries):
    return shapely.area(np.asarray(geometries, dtype=object))


def test_a_messy_survey_is_read_the_one_safe_way_and_every_problem_reported():
    patches = [box(0, 0, 100), box(100, 0, 100), box(150, 0, 100), None]
    arrays = arrays_of(
        "DLTB",
        "survey",
        patches,
        fids=[1, 2, 3, 4],
        code=[103, "0101", "9999", "0102"],
        deduction=[8.27, 0, 5.0, None],
        recorded_area=[10000.0, 10000.0, 12000.0, 500.0],
    )
    inspector = ArrayInspector(DataRules(), {"survey": {COLUMN_CODE: "DLBM"}}, planar, self_overlaps=True)
    findings = inspector.inspect(arrays)
    kinds = {(f.kind, f.severity) for f in findings}
    assert kinds == {
        (DataKind.EMPTY_GEOMETRY, DataSeverity.WARNING),
        (DataKind.CODE_PADDED, DataSeverity.FIXED),
        (DataKind.CODE_UNKNOWN, DataSeverity.WARNING),
        (DataKind.DEDUCTION_PERCENT, DataSeverity.FIXED),
        (DataKind.RECORDED_AREA, DataSeverity.WARNING),
        (DataKind.SELF_OVERLAP, DataSeverity.WARNING),
    }
    assert arrays.columns[COLUMN_CODE].tolist() == ["0103", "0101", "9999", "0102"]
    assert np.allclose(arrays.columns[COLUMN_DEDUCTION], [0.0827, 0.0, 0.05, 0.0])
    cultivated = cultivated_mask(arrays.columns[COLUMN_CODE], DEFAULT_CULTIVATED_CODES)
    assert cultivated.tolist() == [True, True, False, True]


def test_subjects_without_area_are_errors():
    arrays = arrays_of("CBDK", "subject", [box(0, 0, 100), box(0, 0, 0)], fids=[1, 2])
    findings = ArrayInspector(DataRules(), area=planar).inspect(arrays)
    assert [(f.kind, f.severity, f.feature_id) for f in findings] == [(DataKind.ZERO_AREA, DataSeverity.ERROR, 2)]


def test_settings_switch_rules_off():
    arrays = arrays_of("DLTB", "survey", [box(0, 0, 10)], code=[103], deduction=[8.27])
    findings = ArrayInspector(DataRules(pad_codes=False, read_percent=False)).inspect(arrays)
    assert {f.kind for f in findings} == {DataKind.CODE_UNKNOWN, DataKind.DEDUCTION_RANGE}


def test_called_as_the_engine_hook_it_stops_the_check_on_an_error():
    """The engine calls ``inspect(arrays)``: an error must stop the check, naming layer, field and feature."""
    inspector = ArrayInspector(DataRules())
    clean = arrays_of("DLTB", "survey", [box(0, 0, 10)], code=[103], deduction=[0.1])
    assert [f.kind for f in inspector(clean)] == [DataKind.CODE_PADDED]
    bad = arrays_of("DLTB", "survey", [box(0, 0, 10), box(10, 0, 10)], fids=[1, 2], deduction=[0.1, 15.0])
    with pytest.raises(DataCheckError) as stopped:
        inspector(bad)
    assert "“DLTB”" in str(stopped.value) and "KCXS" in str(stopped.value) and "feature 2" in str(stopped.value)


def test_without_an_area_function_it_measures_ellipsoidal_areas_in_the_arrays_crs(qgis_app):
    """Patches 150 km from the central meridian (the edge of Liaocheng's zone): within 1e-6 of the engine's
    exact ellipsoidal areas, and not the planar ones (the scale factor there is 1.00028)."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsProject

    from liaocheng_plugin.core.engine.measure import AreaMeasurer

    crs = QgsCoordinateReferenceSystem("EPSG:4527")
    patches = [box(-150000, 0, 200), box(-150000, 500, 40, 900), box(0, 0, 100)]
    arrays = arrays_of("DLTB", "survey", patches, recorded_area=[40000.0, 36000.0, 10000.0])
    arrays.crs = crs
    measured = ArrayInspector(DataRules()).areas(arrays)
    exact = AreaMeasurer(crs, QgsProject.instance().transformContext()).areas(arrays.geometries)
    assert np.allclose(measured, exact, rtol=1e-6, atol=0.0)
    assert not np.allclose(measured[:2], planar(arrays.geometries)[:2], rtol=1e-4)
