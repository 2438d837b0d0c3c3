"""Tester report 2, A2–A4: a survey whose codes are all NULL, an empty survey in change_detection, and a role that
was not given (NULL in its fields, never 0 亩)."""

import pytest
from qgis.core import QgsProcessingException

from liaocheng_plugin.core.values import is_null
from tests.conftest import memory_layer
from tests.core.test_change import FIELDS, base_survey
from tests.processing.test_array_rules_in_checks import (
    SUBJECT_PARAMETER,
    refusal,
    run,
    survey,
    two_parcels,
    under,
)
from tests.processing.test_change_algorithm import detect


@pytest.mark.parametrize("algorithm", list(SUBJECT_PARAMETER))
def test_a_survey_without_any_land_use_code_refuses_every_check_naming_layer_and_field(
    algorithm, processing_with_provider
):
    """A2: with DLBM NULL on every patch, every 耕地 read 0 亩 (CB2023-013 went from warn to pass)."""
    nulls = survey([under(0, None), under(1000, "")])
    message = refusal(algorithm, {SUBJECT_PARAMETER[algorithm]: two_parcels(), "LAND_SURVEY": nulls})
    assert message.startswith("Layer “DLTB”, field DLBM: none of the 2 features read has a land-use code")


def test_a_survey_with_some_codes_missing_is_checked_with_a_warning(processing_with_provider):
    partly = survey([under(0, None), under(1000, "0103")])
    result = run("reserve_check", {"INPUT": two_parcels(), "LAND_SURVEY": partly})
    kinds = {(f["layer"], f["kind"], f["severity"]) for f in result["DATA_CHECK"].getFeatures()}
    assert ("DLTB", "code_unknown", "warning") in kinds
    assert {f["DKBH"]: f["cult_mu"] for f in result["OUTPUT"].getFeatures()} == {"CB-1": 0.0, "CB-2": 15.0}


def test_data_check_reports_a_survey_without_any_code_as_an_error(processing_with_provider):
    import processing

    nulls = survey([under(0, None), under(1000, None)])
    table = processing.run("liaocheng:data_check", {"LAND_SURVEY": nulls, "OUTPUT": "memory:"})["OUTPUT"]
    found = [(f["layer"], f["kind"], f["severity"], f["message"]) for f in table.getFeatures()]
    assert any(
        (layer, kind, severity) == ("DLTB", "code_unknown", "error") and "none of the 2 features" in message
        for layer, kind, severity, message in found
    )


def test_change_detection_refuses_a_base_survey_without_any_code(processing_with_provider):
    base = base_survey()
    base.startEditing()
    for feature in base.getFeatures():
        base.changeAttributeValue(feature.id(), base.fields().lookupField("DLBM"), None)
    assert base.commitChanges()
    with pytest.raises(QgsProcessingException) as refused:
        detect(base=base)
    assert "field DLBM: none of the 6 features read has a land-use code" in str(refused.value)


@pytest.mark.parametrize("which", ["BASE_SURVEY", "CURRENT_SURVEY"])
def test_change_detection_refuses_an_empty_survey_in_words_of_a_survey(which, processing_with_provider):
    """A3: an empty base survey gave 0 patches and "ok"; its warning spoke of subjects and conflicts."""
    empty = memory_layer("Polygon", "EPSG:4527", [], FIELDS, "DLTB_empty")
    with pytest.raises(QgsProcessingException) as refused:
        detect(**{which: empty})
    message = str(refused.value)
    assert "Layer “DLTB_empty” (" in message
    assert "holds no features: no land would be compared between the two years" in message
    assert "conflict" not in message


def test_reserve_check_without_survey_or_red_line_writes_null_not_zero(processing_with_provider):
    """A4: without LAND_SURVEY and ECOLOGICAL_REDLINE, cult_mu, cult_net_mu and erl_mu were 0.0 (a ledger stated
    0 亩 耕地); outside_udb_mu was already NULL without a boundary."""
    farmland = survey([under(0, "0103")], "YJJBNT")
    result = run("reserve_check", {"INPUT": two_parcels(), "PERMANENT_FARMLAND": farmland})
    for feature in result["OUTPUT"].getFeatures():
        for name in ("erl_mu", "erl_pct", "cult_mu", "cult_net_mu", "outside_udb_mu", "outside_udb_pct"):
            assert is_null(feature[name]), name
        assert not is_null(feature["pbf_mu"])
    given = {f["DKBH"]: f["pbf_mu"] for f in result["OUTPUT"].getFeatures()}
    assert given == {"CB-1": 15.0, "CB-2": 0.0}


def test_balance_and_site_checks_without_a_role_write_null_for_it(processing_with_provider):
    layer = survey([under(0, "0103"), under(1000, "0201")])
    balance = run("balance_check", {"INFLOW": two_parcels(), "LAND_SURVEY": layer})
    for feature in balance["OUTPUT"].getFeatures():
        for name in ("pbf_mu", "erl_mu", "udb_mu"):
            assert is_null(feature[name]), name
    assert sorted(f["cult_mu"] for f in balance["OUTPUT"].getFeatures()) == [0.0, 15.0]
    site = run("site_check", {"INPUT": two_parcels(), "LAND_SURVEY": layer})
    for feature in site["OUTPUT"].getFeatures():
        for name in ("pbf_m2", "pbf_mu", "pbf_ha", "pbf_pct", "erl_mu", "erl_pct"):
            assert is_null(feature[name]), name
    assert sorted(f["cult_mu"] for f in site["OUTPUT"].getFeatures()) == [0.0, 15.0]


def test_the_reserve_ledger_leaves_the_cells_of_a_role_not_given_empty(tmp_path, processing_with_provider):
    from openpyxl import load_workbook

    from liaocheng_plugin.core.export import write_ledger
    from liaocheng_plugin.core.reserve_table import reserve_ledger_sheets, result_headers

    farmland = survey([under(0, "0103")], "YJJBNT")
    result = run("reserve_check", {"INPUT": two_parcels(), "PERMANENT_FARMLAND": farmland})
    path = write_ledger(tmp_path / "ledger.xlsx", reserve_ledger_sheets(result["OUTPUT"], result["SUMMARY"]))
    rows = list(load_workbook(path).worksheets[0].iter_rows(values_only=True))
    headers = result_headers()
    column = {header: index for index, header in enumerate(rows[0])}
    for name in ("cult_mu", "cult_net_mu", "erl_mu"):
        assert [row[column[headers[name]]] for row in rows[1:]] == [None, None], name
    assert sorted(row[column[headers["pbf_mu"]]] for row in rows[1:]) == [0.0, 15.0]
