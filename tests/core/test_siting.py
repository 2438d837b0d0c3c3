"""项目选址 with exact answers: half on farmland, a route's chainage, villages by distance, clear part, ranking."""

import pytest
from qgis.core import QgsProject

from liaocheng_plugin.core.definitions import AreaMode
from liaocheng_plugin.core.engine import RoleSpec
from liaocheng_plugin.core.siting import chainage, check_sites
from tests.conftest import memory_layer, square

GK39 = "EPSG:4527"
X0, Y0 = 39500000.0, 4050000.0
SQM_PER_MU = 10000.0 / 15.0


def rect(x, y, width, height):
    return f"POLYGON(({x} {y},{x + width} {y},{x + width} {y + height},{x} {y + height},{x} {y}))"


def roles(**layers):
    specs = []
    if "pbf" in layers:
        specs.append(RoleSpec("pbf", layers["pbf"]))
    if "erl" in layers:
        specs.append(RoleSpec("erl", layers["erl"]))
    if "survey" in layers:
        specs.append(RoleSpec("survey", layers["survey"], code_field="DLBM", coverage=True))
    if "village" in layers:
        specs.append(RoleSpec("village", layers["village"], label_field="CZMC"))
    return specs


def check(sites, specs, width=60.0):
    return check_sites(sites, specs, QgsProject.instance().transformContext(), "FAMC", width, 200.0, AreaMode.PLANAR)


def test_chainage_format():
    assert (chainage(12300.4), chainage(0), chainage(999.6), chainage(45080)) == (
        "K12+300",
        "K0+000",
        "K1+000",
        "K45+080",
    )


def test_square_site_half_on_farmland_gives_exactly_half():
    sites = memory_layer("Polygon", GK39, [(square(X0, Y0, 100), "方案一")], {"FAMC": str})
    farmland = memory_layer("Polygon", GK39, [(square(X0 + 50, Y0 - 100, 300),)])
    site = check(sites, roles(pbf=farmland)).sites[0]
    assert site.role_mu("pbf") == pytest.approx(7.5) and site.overlap.percent_of("pbf") == pytest.approx(50.0)
    assert site.clear_m2 == pytest.approx(5000.0)


def test_route_crossing_a_red_line_band_gives_its_chainage_interval_and_area():
    route = memory_layer("LineString", GK39, [(f"LINESTRING({X0} {Y0}, {X0 + 2000} {Y0})", "路线A")], {"FAMC": str})
    band = memory_layer("Polygon", GK39, [(rect(X0 + 1200, Y0 - 500, 180, 1000),)], name="STBHHX")
    site = check(route, roles(erl=band)).sites[0]
    assert len(site.crossings) == 1
    crossing = site.crossings[0]
    assert (chainage(crossing.from_m), chainage(crossing.to_m)) == ("K1+200", "K1+380")
    assert crossing.length_m == pytest.approx(180.0)
    assert round(crossing.area_m2 / SQM_PER_MU, 2) == round(180 * 60 / SQM_PER_MU, 2) == 16.20
    assert site.length_m == pytest.approx(2000.0)


def test_villages_inside_and_within_the_distance_are_listed():
    sites = memory_layer("Polygon", GK39, [(square(X0, Y0, 100), "方案一")], {"FAMC": str})
    villages = memory_layer(
        "Polygon",
        GK39,
        [
            (square(X0 + 40, Y0 + 40, 20), "里庄"),
            (square(X0 + 250, Y0, 50), "近庄"),
            (square(X0 + 400, Y0, 50), "远庄"),
        ],
        {"CZMC": str},
        "村庄",
    )
    site = check(sites, roles(village=villages)).sites[0]
    assert site.villages_inside == ["里庄"] and site.villages_near == ["近庄"]


def test_clear_part_is_the_site_minus_farmland_and_red_line():
    sites = memory_layer("Polygon", GK39, [(square(X0, Y0, 100), "方案一")], {"FAMC": str})
    farmland = memory_layer("Polygon", GK39, [(rect(X0, Y0, 50, 100),)])
    redline = memory_layer("Polygon", GK39, [(rect(X0 + 25, Y0, 50, 50),)])  # half of it on the farmland
    site = check(sites, roles(pbf=farmland, erl=redline)).sites[0]
    assert site.clear_m2 == pytest.approx(10000 - 5000 - 25 * 50)
    assert site.clear.area() == pytest.approx(site.clear_m2)


def test_alternatives_rank_by_farmland_and_red_line_then_cultivated_then_villages():
    sites = memory_layer(
        "Polygon",
        GK39,
        [
            (square(X0, Y0, 100), "甲"),
            (square(X0 + 1000, Y0, 100), "乙"),
            (square(X0 + 2000, Y0, 100), "丙"),
        ],
        {"FAMC": str},
    )
    farmland = memory_layer("Polygon", GK39, [(square(X0, Y0, 30),)])  # 甲 on 900 m² of farmland
    survey = memory_layer(
        "Polygon",
        GK39,
        [(rect(X0 + 1000, Y0, 100, 40), "0102"), (rect(X0 + 2000, Y0, 100, 10), "0102")],
        {"DLBM": str},
        "DLTB",
    )  # 乙 4000 m² cultivated, 丙 1000 m²
    ranked = {site.name: site.rank for site in check(sites, roles(pbf=farmland, survey=survey)).sites}
    assert ranked == {"丙": 1, "乙": 2, "甲": 3}


def test_crossings_of_one_role_are_disjoint_intervals_and_never_longer_than_the_route():
    """Two farmland parts beside each other in the corridor (north half K1+000–K1+300, south half K1+200–K1+500)
    and a third just after (K1+500.5–K1+600) were three crossings whose lengths overlapped: 300 + 300 + 99.5 m
    counted for 600 m of route. They are one crossing K1+000–K1+600, its area the sum of the parts."""
    route = memory_layer("LineString", GK39, [(f"LINESTRING({X0} {Y0}, {X0 + 2000} {Y0})", "路线A")], {"FAMC": str})
    farmland = memory_layer(
        "Polygon",
        GK39,
        [
            (rect(X0 + 1000, Y0 + 5, 300, 25),),
            (rect(X0 + 1200, Y0 - 30, 300, 25),),
            (rect(X0 + 1500.5, Y0 - 30, 99.5, 25),),
            (rect(X0 + 1800, Y0 - 30, 50, 60),),
        ],
        name="YJJBNT",
    )
    site = check(route, roles(pbf=farmland)).sites[0]
    spans = [(chainage(c.from_m), chainage(c.to_m)) for c in site.crossings]
    assert spans == [("K1+000", "K1+600"), ("K1+800", "K1+850")]
    first = site.crossings[0]
    assert first.length_m == pytest.approx(600.0)
    assert first.area_m2 == pytest.approx(300 * 25 * 2 + 99.5 * 25)
    assert first.geometry.area() == pytest.approx(first.area_m2)
    assert sum(c.area_m2 for c in site.crossings) == pytest.approx(site.overlap.area_m2_of("pbf"))
    assert sum(c.length_m for c in site.crossings) <= site.length_m


def test_alternatives_without_a_name_are_numbered():
    """Routes of a layer without FAMC were named by their feature ids ("2", "3")."""
    routes = memory_layer(
        "LineString", GK39, [(f"LINESTRING({X0} {Y0 + 100 * i}, {X0 + 500} {Y0 + 100 * i})",) for i in range(2)]
    )
    sites = memory_layer("Polygon", GK39, [(square(X0, Y0, 100),)])
    farmland = memory_layer("Polygon", GK39, [(square(X0 + 50, Y0, 100),)])

    def names(layer):
        context = QgsProject.instance().transformContext()
        return [
            s.name for s in check_sites(layer, roles(pbf=farmland), context, "", 60.0, 200.0, AreaMode.PLANAR).sites
        ]

    assert names(routes) == ["Route 1", "Route 2"] and names(sites) == ["Alternative 1"]


def test_the_comparison_shows_a_role_not_given_as_not_checked_and_a_given_one_as_its_figure():
    """Tester report 2, A4: a role without a layer showed 0.00 亩 (a figure nobody measured)."""
    from liaocheng_plugin.core.cards import NO_VALUE
    from liaocheng_plugin.core.site_comparison import site_cells

    sites = memory_layer("Polygon", GK39, [(square(X0, Y0, 100), "方案一")], {"FAMC": str})
    farmland = memory_layer("Polygon", GK39, [(square(X0 + 50, Y0 - 100, 300),)])
    site = check(sites, roles(pbf=farmland)).sites[0]
    assert site_cells(site, ["pbf", "erl", "cult"]) == ["7.50", NO_VALUE, NO_VALUE]
