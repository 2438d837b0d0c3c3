"""Summary cards of the panels: "—" before a run and for NULL figures, counts that say what they count."""

from qgis.core import NULL

from liaocheng_plugin.core.cards import county_card, number_text, reserve_cards


def test_number_text_shows_a_dash_for_null_of_any_kind():
    assert number_text(None) == number_text(NULL) == number_text("") == "—"
    assert number_text(1501.314) == "1,501.31"
    assert number_text(-172.79, signed=True) == "-172.79" and number_text(3, 1, signed=True) == "+3.0"
    assert number_text("12.5 亩") == "12.50"  # numbers stored as text read through values.as_float


def test_reserve_cards_before_a_run_show_dashes_not_zero_fails():
    """Before any run "0 不通过" reads as "all parcels pass"; the cards must say there is no result yet."""
    assert [card.value for card in reserve_cards(None)] == ["—"] * 4


def test_reserve_cards_count_parcels_by_status_and_sum_their_mu():
    rows = [
        {"status": "fail", "area_mu": 10.0},
        {"status": "warn", "area_mu": 2.5},
        {"status": "warn", "area_mu": None},
        {"status": "pass", "area_mu": 1.0},
    ]
    cards = reserve_cards(rows)
    assert [card.value for card in cards] == ["4", "13.50", "1", "2"]
    assert cards[3].caption == "parcels with warnings"  # counts parcels, not warnings


def test_county_card_with_inflow_only_or_outflow_only_shows_a_dash_for_the_missing_grade():
    inflow_only = {
        "county": "371503",
        "county_name": "茌平区",
        "year": "2023",
        "outflow_mu": 0.0,
        "to_balance_mu": 0.0,
        "inflow_mu": 59.16,
        "balance_mu": 59.16,
        "quality_out": None,
        "quality_in": 6.24,
        "progress_pct": 0.0,
        "balanced": True,
    }
    card = county_card(inflow_only)
    assert "茌平区 2023" in card and "quality — → 6.2" in card and "+59.16" in card and "balanced" in card
    outflow_only = dict(inflow_only, outflow_mu=413.54, to_balance_mu=216.63, inflow_mu=0.0, balance_mu=-216.63)
    outflow_only.update(quality_out=5.15, quality_in=NULL, balanced=NULL)
    card = county_card(outflow_only)
    assert "quality 5.2 → —" in card and "-216.63" in card and "area deficit" in card


def test_number_text_never_shows_negative_zero():
    """100 % minus 100.0000001 % inside the boundary is -1e-13 %: "-0.0" reads as a figure below zero."""
    assert number_text(-1e-13, 1) == number_text(-0.0, 1) == "0.0"
    assert number_text(-0.004) == "0.00" and number_text(-0.004, signed=True) == "+0.00"
    assert number_text(-0.006) == "-0.01" and number_text(-1234.5, 0) == "-1,234"


def test_county_card_with_nothing_to_balance_says_so():
    """A county whose inflow is all invalid and which has no outflow: neither "balanced" nor "area deficit"."""
    nothing = {"county": "371503", "year": "2023", "outflow_mu": 0.0, "to_balance_mu": 0.0, "inflow_mu": 0.0}
    card = county_card(dict(nothing, balance_mu=0.0, progress_pct=NULL, balanced=NULL))
    assert "nothing to balance" in card and "deficit" not in card and "progress —%" in card
