"""The 耕地进出平衡 dock on the sample: county cards (one county in deficit), patch table, filters."""

import pytest
from qgis.core import QgsProject

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
