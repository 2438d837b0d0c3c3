"""The 耕地进出平衡 dock on the sample: county cards (one county in deficit), patch table, filters."""

import pytest
from qgis.core import NULL, QgsProject

from liaocheng_plugin.gui.balance_dock import BalanceDock
from tests.gui.conftest import wait_for


@pytest.fixture
def dock(qgis_iface, sample_project, frozen_canvas):
    widget = BalanceDock(qgis_iface)
    yield widget
    widget.cleanup()
    widget.deleteLater()


def test_balance_dock_shows_a_card_per_county_and_every_patch(dock):
    assert dock.form.outflowCombo.currentLayer().name().endswith("GDLC")
    assert dock.form.inflowCombo.currentLayer().name().endswith("GDLR")
    dock.run_check()
    succeeded, layers, message = wait_for(dock.runner.finished)
    assert succeeded, message
    assert dock.model.rowCount() == layers["OUTPUT"].featureCount()
    counties = [r for r in layers["SUMMARY"].getFeatures() if r["level"] == "county"]
    assert len(dock.cards) == len(counties) == 2
    unbalanced = [r for r in counties if not r["balanced"]]
    assert unbalanced, "the sample gives 茌平区 too little inflow"
    card = dock.cards[counties.index(unbalanced[0])].text()
    assert f"{unbalanced[0]['balance_mu']:+.2f}" in card
    dock.form.directionFilter.setCurrentIndex(2)  # inflow
    inflow = sum(1 for f in layers["OUTPUT"].getFeatures() if f["direction"] == "in")
    assert dock.proxy.rowCount() == inflow
    assert QgsProject.instance().layerTreeRoot().findGroup(dock.result_group_name()) is not None


def county_subset(table: str, county: str):
    """A memory copy of a sample patch layer holding one county's patches only, added to the project."""
    from qgis.core import QgsFeatureRequest

    source = next(lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.name().endswith(table))
    subset = source.materialize(QgsFeatureRequest().setFilterExpression(f"\"XZQDM\" = '{county}'"))
    subset.setName(f"{county} {table}")
    QgsProject.instance().addMapLayer(subset)
    return subset


def test_a_county_with_inflow_only_and_one_with_outflow_only_get_cards_and_exports(dock):
    """A county's missing direction leaves NULL quality grades in the ledger: the panel must show them as
    "—", not stop with a QVariant formatting error (no cards, exports disabled)."""
    dock.form.outflowCombo.setLayer(county_subset("GDLC", "371502"))
    dock.form.inflowCombo.setLayer(county_subset("GDLR", "371503"))
    dock.run_check()
    succeeded, layers, message = wait_for(dock.runner.finished)
    assert succeeded, message
    counties = {r["county"]: r for r in layers["SUMMARY"].getFeatures() if r["level"] == "county"}
    assert set(counties) == {"371502", "371503"}
    assert counties["371502"]["quality_in"] in (None, NULL) and counties["371503"]["quality_out"] in (None, NULL)
    texts = [card.text() for card in dock.cards]
    assert len(texts) == 2
    outflow_only = next(text for text in texts if "东昌府区" in text)
    inflow_only = next(text for text in texts if "茌平区" in text)
    assert "→ —" in outflow_only and "— →" in inflow_only
    assert f"{counties['371503']['inflow_mu']:.2f}" in inflow_only
    assert dock.form.exportXlsxButton.isEnabled() and dock.sheetButton.isEnabled()
    assert dock.model.rowCount() == layers["OUTPUT"].featureCount() > 0


def test_a_patch_row_shows_its_own_farmland_pieces_in_the_details(dock):
    """Feature ids repeat across the outflow and inflow layers: the details list the pieces of the clicked
    patch only (joined by the subject_id the check writes), with their ids and m²."""
    dock.run_check()
    succeeded, layers, message = wait_for(dock.runner.finished)
    assert succeeded, message
    on_farmland = {p["subject_id"] for p in layers["OVERLAPS"].getFeatures() if p["role"] == "pbf"}
    row = next(
        r
        for r in range(dock.proxy.rowCount())
        if dock.rows[dock.feature_id_at(dock.proxy.index(r, 0))]["subject_id"] in on_farmland
    )
    index = dock.proxy.index(row, 0)
    dock.show_row(index)
    subject = dock.rows[dock.feature_id_at(index)]["subject_id"]
    expected = [p["feature_id"] for p in layers["OVERLAPS"].getFeatures() if p["subject_id"] == subject]
    details = dock.form.detailsBrowser.toPlainText()
    assert all(f"#{feature_id}" in details for feature_id in expected) and "m²" in details
    assert len(dock.highlight.bands) == len(expected) + 1
