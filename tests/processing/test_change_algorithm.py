"""liaocheng:change_detection: the known answers through Processing, the input check on both surveys, the
patches fed to liaocheng:balance_check unchanged, and a cancelled run that writes nothing."""

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

from tests.conftest import memory_layer
from tests.core.test_change import FIELDS, GK39, TOWNSHIP_1, base_survey, box, current_survey

SQM_PER_MU = 10000.0 / 15.0


def run(algorithm, parameters, feedback=None):
    import processing

    return processing.run(f"liaocheng:{algorithm}", parameters, feedback=feedback)


def detect(base=None, current=None, **parameters):
    return run(
        "change_detection",
        dict(
            {
                "BASE_SURVEY": base or base_survey(),
                "CURRENT_SURVEY": current or current_survey(),
                "OUTPUT": "memory:",
                "SUMMARY": "memory:",
                "DATA_CHECK": "memory:",
            },
            **parameters,
        ),
    )


def rows(layer):
    return [{name: feature[name] for name in layer.fields().names()} for feature in layer.getFeatures()]


def test_the_known_answers_in_mu_with_two_decimals_and_what_was_left_out(processing_with_provider):
    result = detect()
    patches = {row["direction"]: row for row in rows(result["OUTPUT"])}
    assert set(patches) == {"流出", "流入", "建设占用"}
    figures = {
        d: (r["base_code"], r["current_code"], r["area_mu"], r["net_mu"], r["quality"]) for d, r in patches.items()
    }
    assert figures == {
        "流出": ("0103", "0201", 15.00, 14.25, 6.0),
        "流入": ("0204", "0101", 15.00, 14.70, 5.0),
        "建设占用": ("0102", "0702", 6.00, 5.40, 7.0),
    }
    outflow = patches["流出"]
    assert (outflow["county"], outflow["township"], outflow["year"], outflow["patch_id"]) == (
        "371502",
        "371502001",
        2024,
        "LC-371502001-0001",
    )
    assert (outflow["base_name"], outflow["current_name"], outflow["area_basis"]) == ("旱地", "果园", "ellipsoidal")
    assert (result["OUTFLOW_MU"], result["INFLOW_MU"], result["OCCUPATION_MU"], result["PATCHES"]) == (
        15.0,
        15.0,
        6.0,
        3,
    )
    assert (result["SLIVERS"], result["SLIVERS_M2"], result["SMALL"], result["SMALL_M2"]) == (2, 60.0, 1, 300.0)
    summary = rows(result["SUMMARY"])
    county = [r for r in summary if r["level"] == "county"]
    assert {(r["direction"], r["base_code"], r["current_code"], r["patches"], r["area_mu"]) for r in county} == {
        ("流出", "0103", "0201", 1, 15.0),
        ("流入", "0204", "0101", 1, 15.0),
        ("建设占用", "0102", "0702", 1, 6.0),
    }
    assert {r["township"] for r in summary if r["level"] == "township"} == {"371502001", "371502002"}
    assert rows(result["DATA_CHECK"]) == []


def test_both_surveys_get_the_input_check_codes_padded_and_kcxs_percentages_read(processing_with_provider):
    """A base survey re-typed through Excel (DLBM 103 as a number, KCXS 5 for 0.05) gives the same figures."""
    clean = rows(base_survey())
    fields = dict(FIELDS, DLBM=int, KCXS=float)
    retyped = memory_layer(
        "Polygon",
        GK39,
        [
            (
                feature.geometry().asWkt(),
                row["BSM"],
                int(row["DLBM"]),
                100 * row["KCXS"],
                row["GDDB"],
                row["ZLDWDM"],
                2023,
            )
            for feature, row in zip(base_survey().getFeatures(), clean)
        ],
        fields,
        "DLTB2023",
    )
    result = detect(retyped)
    outflow = next(row for row in rows(result["OUTPUT"]) if row["direction"] == "流出")
    assert (outflow["base_code"], outflow["area_mu"], outflow["net_mu"]) == ("0103", 15.00, 14.25)
    kinds = {(row["layer"], row["kind"], row["severity"]) for row in rows(result["DATA_CHECK"])}
    assert ("DLTB2023", "code_padded", "fixed") in kinds and ("DLTB2023", "deduction_percent", "fixed") in kinds


def test_a_survey_without_crs_or_far_from_the_other_is_refused_naming_it(processing_with_provider):
    no_crs = memory_layer(
        "Polygon", "", [(box(0, 0, 100, 100), "A", "0201", 0.0, None, TOWNSHIP_1, 2024)], FIELDS, "DLTB_2024"
    )
    with pytest.raises(QgsProcessingException, match="DLTB_2024"):
        detect(current=no_crs)
    far = memory_layer(
        "Polygon",
        GK39,
        [(box(0, 90000, 100, 90100), "A", "0201", 0.0, None, TOWNSHIP_1, 2024)],
        FIELDS,
        "DLTB 茌平 2024",
    )
    with pytest.raises(QgsProcessingException, match="DLTB 茌平 2024"):
        detect(current=far)


def hand_drawn(result):
    """The same patches as a bureau draws them by hand: an outflow and an inflow layer with the usual fields."""
    layers = {}
    for direction, name in (("流出", "GDLC"), ("流入", "GDLR")):
        found = [f for f in result["OUTPUT"].getFeatures() if f["direction"] == direction]
        layers[name] = memory_layer(
            "Polygon",
            GK39,
            [(f.geometry().asWkt(), f["patch_id"], f["county"], f["township"], 2024, int(f["quality"])) for f in found],
            {"TBBH": str, "XZQDM": str, "XZDM": str, "NF": int, "GDDB": int},
            name,
        )
    return layers


def test_the_patches_feed_the_balance_check_unchanged_and_balance_as_patches_drawn_by_hand(processing_with_provider):
    result = detect()
    survey = base_survey()
    protected = {"LAND_SURVEY": survey, "OUTPUT": "memory:", "SUMMARY": "memory:"}
    fed = run("balance_check", dict(protected, INPUT=result["OUTPUT"]))
    drawn = hand_drawn(result)
    by_hand = run("balance_check", dict(protected, OUTFLOW=drawn["GDLC"], INFLOW=drawn["GDLR"]))
    figures = ("outflow_mu", "to_balance_mu", "inflow_mu", "balance_mu", "quality_out", "quality_in", "balanced")

    def ledger(layer):
        return {
            (r["level"], r["county"], r["township"], r["year"]): [r[f] for f in figures] for r in layer.getFeatures()
        }

    assert ledger(fed["SUMMARY"]) == ledger(by_hand["SUMMARY"])
    county = ledger(fed["SUMMARY"])[("county", "371502", "", "2024")]
    assert county[:4] == [15.0, 15.0, 15.0, 0.0] and county[-1] is True  # 15 亩 out, 15 亩 in: balanced
    assert {f["direction"] for f in fed["OUTPUT"].getFeatures()} == {"out", "in"}  # occupation is not balanced


def test_the_balance_check_refuses_one_layer_given_as_both_outflow_and_inflow(processing_with_provider):
    """Given twice, every patch would count as outflow and as inflow: refused, pointing at INPUT."""
    patches = detect()["OUTPUT"]
    with pytest.raises(QgsProcessingException, match="INPUT"):
        run("balance_check", {"LAND_SURVEY": base_survey(), "OUTFLOW": patches, "INFLOW": patches, "OUTPUT": "memory:"})


def test_a_cancelled_run_writes_nothing(processing_with_provider, tmp_path):
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    target = tmp_path / "change.gpkg"
    result = run(
        "change_detection",
        {"BASE_SURVEY": base_survey(), "CURRENT_SURVEY": current_survey(), "OUTPUT": str(target)},
        feedback,
    )
    assert result.get("OUTPUT") is None and not target.exists()
    assert QgsVectorLayer(str(target), "x", "ogr").isValid() is False
