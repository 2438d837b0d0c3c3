"""liaocheng:balance_check on the sample data, with two layers or one layer and a direction field."""

import pytest
from qgis.core import QgsFeature, QgsField, QgsVectorLayer

from liaocheng_plugin.core.compat import FIELD_STRING

SQM_PER_MU = 10000.0 / 15.0


def sample_layer(sample, name):
    layer = QgsVectorLayer(f"{sample.gpkg}|layername={name}", name, "ogr")
    assert layer.isValid()
    return layer


def protected(sample):
    return {
        "PERMANENT_FARMLAND": sample_layer(sample, "YJJBNTTB"),
        "ECOLOGICAL_REDLINE": sample_layer(sample, "STBHHX"),
        "DEVELOPMENT_BOUNDARY": sample_layer(sample, "CZKFBJ"),
        "LAND_SURVEY": sample_layer(sample, "DLTB"),
        "AREA_MODE": 1,
        "OUTPUT": "memory:",
        "SUMMARY": "memory:",
        "OVERLAPS": "memory:",
    }


def run(parameters):
    import processing

    return processing.run("liaocheng:balance_check", parameters)


def test_sample_counties_are_balanced_from_their_own_patches(sample_data, processing_with_provider):
    result = run(
        dict(
            protected(sample_data), OUTFLOW=sample_layer(sample_data, "GDLC"), INFLOW=sample_layer(sample_data, "GDLR")
        )
    )
    patches = list(result["OUTPUT"].getFeatures())
    rows = [r for r in result["SUMMARY"].getFeatures() if r["level"] == "county"]
    assert sorted(r["county"] for r in rows) == ["371502", "371503"]
    for row in rows:
        mine = [p for p in patches if p["county"] == row["county"]]
        outflow = sum(p["area_mu"] for p in mine if p["direction"] == "out")
        valid_in = sum(p["area_mu"] for p in mine if p["direction"] == "in" and p["status"] != "fail")
        assert row["outflow_mu"] == pytest.approx(outflow, abs=0.05)
        assert row["inflow_mu"] == pytest.approx(valid_in, abs=0.05)
        assert row["balance_mu"] == pytest.approx(row["inflow_mu"] - row["to_balance_mu"], abs=0.011)
    # The generator plants inflows on cultivated land and in the red line, a duplicate and a tiny one, per county.
    findings = " ".join(p["findings"] for p in patches if p["direction"] == "in")
    for words in ("not new cultivated land", "ecological red line", "double counting", "smaller than"):
        assert words in findings
    assert any(p["status"] == "fail" and "permanent basic farmland" in p["findings"] for p in patches)


def test_one_layer_with_a_direction_field_gives_the_same_balance(sample_data, processing_with_provider):
    outflow, inflow = sample_layer(sample_data, "GDLC"), sample_layer(sample_data, "GDLR")
    both = QgsVectorLayer("MultiPolygon?crs=EPSG:4527", "patches", "memory")
    names = ["TBBH", "XZQDM", "XZDM", "NF", "GDDB", "ZGFS", "PDLCTBBH"]
    both.dataProvider().addAttributes([QgsField(n, FIELD_STRING) for n in names] + [QgsField("LX", FIELD_STRING)])
    both.updateFields()
    for layer, direction in ((outflow, "流出"), (inflow, "流入")):
        for feature in layer.getFeatures():
            row = QgsFeature(both.fields())
            row.setGeometry(feature.geometry())
            row.setAttributes(
                [
                    str(feature[n]) if layer.fields().lookupField(n) >= 0 and feature[n] is not None else None
                    for n in names
                ]
                + [direction]
            )
            both.dataProvider().addFeature(row)
    two = run(dict(protected(sample_data), OUTFLOW=outflow, INFLOW=inflow))["SUMMARY"]
    one = run(dict(protected(sample_data), INPUT=both, DIRECTION_FIELD="LX"))["SUMMARY"]
    key = lambda r: (r["level"], r["county"], r["township"])  # noqa: E731
    expected = {key(r): (r["outflow_mu"], r["inflow_mu"]) for r in two.getFeatures()}
    assert {key(r): (r["outflow_mu"], r["inflow_mu"]) for r in one.getFeatures()} == expected


def test_missing_layers_are_a_clear_error(processing_with_provider):
    """Checked before the run starts; memory layers, so nothing leaks past QGIS's exit if it raises."""
    from qgis.core import QgsProcessingException

    farmland = QgsVectorLayer("Polygon?crs=EPSG:4527", "YJJBNT", "memory")
    with pytest.raises(QgsProcessingException, match="outflow"):
        run({"PERMANENT_FARMLAND": farmland, "OUTPUT": "memory:", "SUMMARY": "memory:", "OVERLAPS": "memory:"})


def test_field_names_can_be_given_when_they_are_not_the_usual_ones(sample_data, processing_with_provider):
    """A layer whose patch numbers sit in "BIANHAO" is read through PATCH_ID_FIELD."""
    outflow = sample_layer(sample_data, "GDLC")
    renamed = QgsVectorLayer("MultiPolygon?crs=EPSG:4527", "流出", "memory")
    renamed.dataProvider().addAttributes([QgsField("BIANHAO", FIELD_STRING), QgsField("XZQDM", FIELD_STRING)])
    renamed.updateFields()
    for feature in list(outflow.getFeatures())[:5]:
        row = QgsFeature(renamed.fields())
        row.setGeometry(feature.geometry())
        row.setAttributes([f"X-{feature['TBBH']}", feature["XZQDM"]])
        renamed.dataProvider().addFeature(row)
    patches = run(dict(protected(sample_data), OUTFLOW=renamed, PATCH_ID_FIELD="BIANHAO"))["OUTPUT"]
    assert all(f["patch_id"].startswith("X-LC") for f in patches.getFeatures())
