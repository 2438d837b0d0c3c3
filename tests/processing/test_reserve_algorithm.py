"""liaocheng:reserve_check on the Liaocheng sample data, against answers computed independently."""

import pytest
from qgis.core import QgsFeatureRequest, QgsGeometry, QgsVectorLayer

from tests.tools.sample.subjects import SAMPLE_DATE

SQM_PER_MU = 10000.0 / 15.0


def sample_layer(sample, name):
    layer = QgsVectorLayer(f"{sample.gpkg}|layername={name}", name, "ogr")
    assert layer.isValid()
    return layer


TABLES = ("CBDK", "WG", "XZQ_XZ", "YJJBNTTB", "STBHHX", "CZKFBJ", "DLTB")


@pytest.fixture(scope="module")
def checked(sample_data, processing_with_provider):
    """Run the check once; keep plain Python values only (QGIS objects must not outlive their test)."""
    import processing

    layers = {name: sample_layer(sample_data, name) for name in TABLES}
    result = processing.run(
        "liaocheng:reserve_check",
        {
            "INPUT": layers["CBDK"],
            "GRID": layers["WG"],
            "TOWNSHIP": layers["XZQ_XZ"],
            "PERMANENT_FARMLAND": layers["YJJBNTTB"],
            "ECOLOGICAL_REDLINE": layers["STBHHX"],
            "DEVELOPMENT_BOUNDARY": layers["CZKFBJ"],
            "LAND_SURVEY": layers["DLTB"],
            "AREA_MODE": 1,
            "REFERENCE_DATE": SAMPLE_DATE.isoformat(),
            "OUTPUT": "memory:",
            "SUMMARY": "memory:",
            "OVERLAPS": "memory:",
        },
    )
    parcels = {f["DKBH"]: f.attributeMap() for f in result["OUTPUT"].getFeatures()}
    summary = [f.attributeMap() for f in result["SUMMARY"].getFeatures()]
    pieces = [(f["subject_id"], f["role"]) for f in result["OVERLAPS"].getFeatures()]
    return parcels, summary, pieces


@pytest.fixture
def layers(sample_data):
    return {name: sample_layer(sample_data, name) for name in TABLES}


def repaired_union(layer, rect):
    geometries = [f.geometry().makeValid() for f in layer.getFeatures(QgsFeatureRequest().setFilterRect(rect))]
    return QgsGeometry.unaryUnion(geometries)


def test_farmland_areas_match_an_independent_overlay(checked, layers):
    parcels, _, pieces = checked
    failed = 0
    for feature in layers["CBDK"].getFeatures():
        geometry = feature.geometry()
        expected_mu = (
            geometry.intersection(repaired_union(layers["YJJBNTTB"], geometry.boundingBox())).area() / SQM_PER_MU
        )
        result = parcels[feature["DKBH"]]
        assert result["pbf_mu"] == pytest.approx(expected_mu, abs=0.006)
        if expected_mu > 0.01:
            failed += 1
            assert result["status"] == "fail" and f"{expected_mu:.2f}" in result["findings"]
    assert failed >= 1  # the sample puts parcels on the boundary's edge, onto farmland
    outside = {subject for subject, role in pieces if role == "outside_udb"}
    assert outside and all(parcels_by_fid(parcels)[fid]["outside_udb_pct"] > 0 for fid in outside)


def parcels_by_fid(parcels):
    return {values["fid"]: values for values in parcels.values()}


def test_ledger_problems_planted_in_the_sample_are_found(checked):
    parcels, _, _ = checked

    # The generator plants: recorded area +4 % on parcels 2, 7, 12, 17; no certificate on 4, 8, 12, 16;
    # inspections 45 days old on 3, 9, 15; parcel 17 overlapping parcel 1.
    def kinds(number):
        return parcels[f"CB2023-{number:03d}"]["findings"]

    assert "differs" in kinds(2) and "differs" in kinds(7)
    assert "not registered" in kinds(4) and "not registered" in kinds(8)
    assert "45 days" in kinds(3) and "45 days" in kinds(9)
    assert "CB2023-001" in kinds(17) and "CB2023-017" in kinds(1)
    assert parcels["CB2023-017"]["status"] == "fail"


def test_grid_and_township_are_the_zones_holding_most_of_each_parcel(checked, layers):
    parcels, _, _ = checked
    for zone_layer, field, name_field in ((layers["WG"], "grid", "WGMC"), (layers["XZQ_XZ"], "township", "XZQMC")):
        for feature in layers["CBDK"].getFeatures():
            geometry = feature.geometry()
            shares = {z[name_field]: z.geometry().intersection(geometry).area() for z in zone_layer.getFeatures()}
            best = max(shares, key=shares.get) if max(shares.values()) > 0 else ""
            assert parcels[feature["DKBH"]][field] == best, feature["DKBH"]


def test_summary_counts_and_mu_add_up(checked):
    parcels, rows, _ = checked
    total = next(r for r in rows if r["group"] == "total")
    assert total["parcels"] == len(parcels)
    assert total["area_mu"] == pytest.approx(sum(p["area_mu"] for p in parcels.values()), abs=0.05)
    by_status = {r["name"]: r["parcels"] for r in rows if r["group"] == "status"}  # the statuses in words
    words = {"fail": "fail", "warn": "warning", "pass": "pass"}
    assert by_status == {words[s]: sum(1 for p in parcels.values() if p["status"] == s) for s in words}
    assert sum(r["parcels"] for r in rows if r["group"] == "grid") == len(parcels)
