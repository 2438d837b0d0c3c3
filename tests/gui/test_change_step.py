"""The first step of the 耕地进出平衡 dock, 从两期调查提取…: on the sample's two survey years, extract in the
background, get a styled patch layer chosen as the panel's input, and balance it with one more click."""

import pytest
from qgis.core import QgsCategorizedSymbolRenderer, QgsProject

from liaocheng_plugin.gui.balance_dock import BalanceDock
from tests.gui.conftest import wait_for


@pytest.fixture
def dock(qgis_iface, sample_project, frozen_canvas):
    widget = BalanceDock(qgis_iface)
    yield widget
    widget.cleanup()
    widget.deleteLater()


def test_the_step_starts_from_the_profiles_survey_and_the_later_year(dock):
    step = dock.changeStep
    assert step.baseCombo.currentLayer().name().endswith("DLTB")  # the profile's survey: the balance's baseline
    assert step.currentCombo.currentLayer().name().endswith("DLTB_2024")
    assert step.stepGroup.title() == "Extract from two survey years…"


def test_extracted_patches_are_added_styled_chosen_as_input_and_balanced_with_one_more_click(dock):
    step = dock.changeStep
    step.extract()
    succeeded, layers, message = wait_for(step.runner.finished, 120000)
    assert succeeded, message
    patches = layers["OUTPUT"]
    group = QgsProject.instance().layerTreeRoot().findGroup("Change patches from two surveys")
    assert group is not None and patches.id() in [node.layerId() for node in group.findLayers()]
    assert patches.name() == "Change patches 2024"
    assert isinstance(patches.renderer(), QgsCategorizedSymbolRenderer)
    assert [c.label() for c in patches.renderer().categories()] == ["Outflow", "Inflow", "Occupation"]
    assert dock.form.outflowCombo.currentLayer() is patches and dock.form.inflowCombo.currentLayer() is patches
    outflow_mu = sum(f["area_mu"] for f in patches.getFeatures() if f["direction"] == "流出")
    text = step.resultLabel.text()
    assert f"{step.runner.results['OUTFLOW_MU']:,.2f}" in text and "slivers" in text
    assert step.runner.results["OUTFLOW_MU"] == pytest.approx(outflow_mu, abs=0.01 * patches.featureCount())
    dock.run_check()
    succeeded, balance, message = wait_for(dock.runner.finished)
    assert succeeded, message
    counties = [r for r in balance["SUMMARY"].getFeatures() if r["level"] == "county"]
    assert sorted((r["county"], r["year"]) for r in counties) == [("371502", "2024"), ("371503", "2024")]
    assert sum(r["outflow_mu"] for r in counties) == pytest.approx(step.runner.results["OUTFLOW_MU"], abs=0.05)
    assert len(dock.cards) == 2
    checked = {f["direction"] for f in balance["OUTPUT"].getFeatures()}
    assert checked == {"out", "in"}  # occupation (建设占用) is not part of the balance


def test_a_cancelled_extraction_adds_nothing_and_says_so(dock):
    step = dock.changeStep
    step.extract()
    step.runner.cancel()
    succeeded, layers, _message = wait_for(step.runner.finished, 120000)
    assert not succeeded and not layers
    assert QgsProject.instance().layerTreeRoot().findGroup("Change patches from two surveys") is None
    assert "canceled" in step.resultLabel.text() and step.extractButton.isEnabled()
    assert dock.form.outflowCombo.currentLayer().name().endswith("GDLC")  # the panel's input is left as it was


def test_the_same_layer_twice_is_refused_before_anything_runs(dock):
    step = dock.changeStep
    step.currentCombo.setLayer(step.baseCombo.currentLayer())
    step.extract()
    assert not step.runner.is_running() and "two different" in step.resultLabel.text()


def test_one_layer_in_both_combos_is_said_to_be_split_by_its_direction_field(dock):
    form = dock.form
    note = form.sameLayerNote
    polygons = [layer for layer in QgsProject.instance().mapLayers().values() if layer.name().endswith("DLTB_2024")]
    assert not note.isVisibleTo(form)
    dock.use_change_patches(polygons[0])  # what a finished extraction does
    assert (
        note.isVisibleTo(form)
        and note.text() == "Outflow and inflow come from the same layer: its direction field tells them apart."
    )
    form.inflowCombo.setLayer(dock.changeStep.baseCombo.currentLayer())
    assert not note.isVisibleTo(form)
