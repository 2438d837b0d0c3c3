"""Every setting is declared once, typed, under liaocheng_plugin/, with the DOMAIN.md default."""

from qgis.core import QgsSettings

from liaocheng_plugin.core.settings import (
    FAR_APART_KM,
    PAD_LAND_CODES,
    RECORDED_AREA_TOLERANCE_PCT,
    declared_settings,
)


def test_settings_have_their_defaults_and_types():
    defaults = {setting.key: setting.value() for setting in declared_settings()}
    assert defaults == {
        "datacheck/overlap_tolerance_m2": 1.0,
        "datacheck/recorded_area_tolerance_pct": 0.1,
        "datacheck/recorded_area_tolerance_m2": 1.0,
        "datacheck/pad_land_codes": True,
        "datacheck/match_code_prefix": True,
        "datacheck/read_kcxs_percent": True,
        "datacheck/fallback_encoding": "GB18030",
        "datacheck/crs_area_margin_deg": 1.5,
        "datacheck/far_apart_km": 10.0,
        "datacheck/refuse_area_changing_repairs": True,
        "datacheck/repair_tolerance_pct": 0.1,
        "datacheck/repair_tolerance_m2": 1.0,
        "datacheck/refuse_empty_layers": True,
        "change/outflow_codes": "02,03,04,1104,1202",
        "change/debatable_codes": "1006,1107",
        "change/debatable_are_outflow": True,
        "change/construction_codes": "05,06,07,08,09,10,1109,1201",
        "change/facility_codes": "1202",
        "change/sliver_width_m": 1.0,
        "change/mmu_construction_m2": 200.0,
        "change/mmu_farmland_m2": 400.0,
        "change/mmu_other_m2": 600.0,
        "postgis/overlay_in_database": True,
        "postgis/statement_timeout_s": 600,
    }
    assert len({setting.key for setting in declared_settings()}) == len(declared_settings())


def test_stored_values_are_read_with_the_setting_type():
    """QgsSettings hands back text from an .ini file ("false", "0.5"); the setting's type reads it right."""
    QgsSettings().setValue(PAD_LAND_CODES.path, "false")
    QgsSettings().setValue(RECORDED_AREA_TOLERANCE_PCT.path, "0.5")
    try:
        assert PAD_LAND_CODES.value() is False
        assert RECORDED_AREA_TOLERANCE_PCT.value() == 0.5
        assert PAD_LAND_CODES.path == "liaocheng_plugin/datacheck/pad_land_codes"
    finally:
        PAD_LAND_CODES.reset()
        RECORDED_AREA_TOLERANCE_PCT.reset()
    assert FAR_APART_KM.value() == 10.0
