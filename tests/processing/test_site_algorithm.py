"""liaocheng:site_check on the sample's two site alternatives and its highway route."""

import pytest
from qgis.core import QgsVectorLayer


def sample_layer(sample, name):
    layer = QgsVectorLayer(f"{sample.gpkg}|layername={name}", name, "ogr")
    assert layer.isValid()
    return layer


def run(sample, subjects):
    import processing

    return processing.run(
        "liaocheng:site_check",
        {
            "INPUT": sample_layer(sample, subjects),
            "WIDTH": 60.0,
            "VILLAGE_DISTANCE": 200.0,
            "PERMANENT_FARMLAND": sample_layer(sample, "YJJBNTTB"),
            "ECOLOGICAL_REDLINE": sample_layer(sample, "STBHHX"),
            "DEVELOPMENT_BOUNDARY": sample_layer(sample, "CZKFBJ"),
            "LAND_SURVEY": sample_layer(sample, "DLTB"),
            "VILLAGES": sample_layer(sample, "CZCDYD"),
            "AREA_MODE": 1,
            "OUTPUT": "memory:",
            "CROSSINGS": "memory:",
            "CLEAR": "memory:",
        },
    )


def test_site_alternatives_are_ranked_and_the_edge_site_is_separately_sited(sample_data, processing_with_provider):
    result = run(sample_data, "XMXZ")
    sites = {f["FAMC"]: f for f in result["OUTPUT"].getFeatures()}
    assert sorted(f["rank"] for f in sites.values()) == [1, 2]
    edge, inside = sites["方案一"], sites["方案二"]
    assert edge["separate_siting"] and "单独选址" in edge["findings"]
    assert inside["inside_udb_pct"] == pytest.approx(100.0)
    best, other = sorted(sites.values(), key=lambda f: f["rank"])
    assert best["score"] <= other["score"]
    for site in sites.values():
        assert site["cult_mu"] == pytest.approx(site["cult_m2"] / (10000 / 15), abs=0.006)
        assert site["cult_ha"] == pytest.approx(site["cult_m2"] / 10000, abs=0.00006)
        assert site["cult_pct"] == pytest.approx(100 * site["cult_m2"] / site["area_m2"], abs=0.01)
    clear = {f["name"]: f["clear_mu"] for f in result["CLEAR"].getFeatures()}
    for name, site in sites.items():
        assert clear[name] == pytest.approx(site["area_mu"] - site["pbf_mu"] - site["erl_mu"], abs=0.02)


def test_route_gives_chainage_intervals_of_its_crossings(sample_data, processing_with_provider):
    result = run(sample_data, "XMXL")
    route = next(result["OUTPUT"].getFeatures())
    crossings = list(result["CROSSINGS"].getFeatures())
    assert route["length_m"] > 20000 and crossings
    for crossing in crossings:
        assert crossing["from_chainage"].startswith("K") and crossing["to_m"] >= crossing["from_m"]
        assert crossing["role"] in ("pbf", "erl")
    assert any(c["role"] == "erl" for c in crossings), "the route crosses the river red line"
    assert route["villages"] or route["villages_near"]


def test_comparison_sheet_puts_alternatives_side_by_side_best_first(sample_data, processing_with_provider):
    from liaocheng_plugin.core.siting_table import comparison_rows, comparison_sheet

    result = run(sample_data, "XMXZ")
    sheet = comparison_sheet(result["OUTPUT"], "比选")
    ranked = sorted(result["OUTPUT"].getFeatures(), key=lambda f: f["rank"])
    assert sheet.headers[1:] == [f["name"] for f in ranked]
    assert [row[0] for row in sheet.rows] == list(comparison_rows().values())
    assert sheet.rows[0][1:] == [1, 2]
