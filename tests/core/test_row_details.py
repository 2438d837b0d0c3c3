"""The details area's text for a result row: every finding, areas in m²/亩/公顷, conflicting feature ids."""

from liaocheng_plugin.core.row_details import (
    balance_details,
    conflict_features,
    details_html,
    piece_figure,
    reserve_details,
    split_findings,
)

# 1,000 m² = 1.50 亩 = 0.1000 公顷; 2,000 m² = 3.00 亩.
PARCEL = {
    "DKBH": "CB2023-016",
    "DKMC": "东昌路以北地块",
    "status": "fail",
    "findings": "on permanent basic farmland 4.50 mu (30.0%), features 3715；cultivated land 3.00 mu (0102 3.00)",
    "area_m2": 10000.0,
    "area_mu": 15.0,
    "area_basis": "ellipsoidal",
    "recorded_mu": None,
    "pbf_mu": 4.5,
    "pbf_pct": 30.0,
    "erl_mu": 0.0,
    "erl_pct": 0.0,
    "cult_mu": 3.0,
    "cult_net_mu": 2.7,
    "outside_udb_pct": 5.0,
    "grid": "WG-03",
    "township": None,
    "overlap_parcels": "",
    "inspection_days": None,
}
PIECES = [
    {"role": "survey", "feature_id": 88, "label": "", "land_code": "0102", "area_m2": 2000.0},
    {"role": "pbf", "feature_id": 12, "label": "371502-A", "land_code": "", "area_m2": 1000.0},
    {"role": "pbf", "feature_id": 13, "label": "371502-B", "land_code": "", "area_m2": 2000.0},
    {"role": "outside_udb", "feature_id": -1, "label": "", "land_code": "", "area_m2": 500.0},
]


def test_findings_are_split_into_one_item_each():
    assert split_findings("a；b；") == ["a", "b"]
    assert split_findings(None) == []


def test_reserve_details_give_every_area_in_m2_mu_and_ha_from_the_pieces():
    details = reserve_details(PARCEL, PIECES, "DKBH", "DKMC")
    assert details.title == "CB2023-016 东昌路以北地块" and details.status == "fail"
    assert len(details.findings) == 2
    figures = {figure.label: figure for figure in details.figures}
    farmland = figures["Permanent basic farmland"]
    assert (farmland.area_m2, farmland.mu, round(farmland.ha, 4), farmland.share_pct) == (3000.0, 4.5, 0.3, 30.0)
    assert figures["Ecological red line"].area_m2 == 0.0  # checked, nothing found: 0 m², not unknown
    assert figures["Cultivated land"].area_m2 == 2000.0
    assert figures["Outside development boundary"].area_m2 == 500.0  # 5 % of 10,000 m²
    assert figures["Cultivated land net of ridges"].area_m2 is None  # only 亩 is known: no invented m²
    assert "Recorded in the ledger" not in figures  # the layer has no recorded area
    assert [(c.role, c.feature_id) for c in details.conflicts] == [("pbf", 13), ("pbf", 12), ("survey", 88)]


def test_m2_are_left_out_when_the_pieces_disagree_with_the_stated_mu():
    """Two farmland features overlapping each other give pieces adding up to more than the union the
    result states: the details then show the stated 亩 and no m², rather than a wrong figure."""
    pieces = conflict_features([{"role": "pbf", "feature_id": 1, "area_m2": 3000.0}] * 2)
    figure = piece_figure("farmland", pieces, "pbf", stated_mu=4.5)
    assert figure.area_m2 is None and figure.mu == 4.5 and figure.ha is None


def test_details_html_lists_findings_areas_and_feature_ids():
    html = details_html(reserve_details(PARCEL, PIECES, "DKBH", "DKMC"))
    assert "on permanent basic farmland 4.50 mu" in html and "cultivated land 3.00 mu" in html
    assert "3,000.00" in html and "0.3000" in html  # farmland in m² and 公顷
    assert "#12" in html and "#13" in html and "371502-A" in html and "#88" in html
    assert "WG-03" in html and "None" not in html and "NULL" not in html


def test_balance_details_of_an_inflow_patch_with_null_figures():
    row = {"patch_id": "LR-7", "status": "warn", "findings": "quality grade unknown", "area_mu": 2.0}
    row.update(pbf_mu=None, erl_mu=None, udb_mu=None, cult_mu=None, quality=None, county="371503")
    html = details_html(balance_details(row, [], "inflow"))
    assert "inflow LR-7" in html and "quality grade unknown" in html and "371503" in html
    assert "None" not in html


def test_the_rows_data_check_warnings_are_listed_in_the_details():
    warning = "Layer “DLTB”, field DLBM: code “9999” is not in the land-use code list; features 7521."
    details = reserve_details(dict(PARCEL, data_warnings=warning + "\nLayer “YJJBNT”: features 4 …"), PIECES, "DKBH")
    assert details.lists == [("Data check", [warning, "Layer “YJJBNT”: features 4 …"])]
    assert "9999" in details_html(details)
    assert reserve_details(dict(PARCEL, data_warnings=None), PIECES).lists == []


def test_balance_details_name_the_township_with_its_code_and_a_whole_grade_without_decimals():
    row = {"patch_id": "LC-3", "status": "pass", "area_mu": 2.0, "county": "371502", "county_name": "东昌府区"}
    row.update(township="371502105", township_name="郑家镇", quality=6.0)
    notes = dict(balance_details(row, [], "outflow").notes)
    assert notes["Township"] == "郑家镇 (371502105)" and notes["County name"] == "东昌府区 (371502)"
    assert notes["Quality grade"] == "6"
    mean = dict(balance_details(dict(row, quality=6.4375, township_name=None), [], "").notes)
    assert mean["Quality grade"] == "6.4" and mean["Township"] == "371502105"


def test_an_overlapping_reserve_parcel_is_named_by_its_role_label_not_its_key():
    piece = {"role": "parcel_overlap", "feature_id": 17, "label": "CB2023-017", "land_code": "", "area_m2": 1000.0}
    html = details_html(reserve_details(PARCEL, PIECES + [piece], "DKBH"))
    assert "parcel_overlap" not in html and "Other reserve parcel #17 「CB2023-017」" in html
