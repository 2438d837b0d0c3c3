"""The 项目选址 dock follows the project: its prebuilt indexes are rebuilt (and every alternative checked again)
when the profile or a protected layer changes, dropped with the reason when the profile gives no layer, and
forgotten with the alternatives and chainage labels when another project is opened (tester report 1: A5, A8 e)."""

import pytest
from qgis.core import Qgis, QgsProject
from qgis.gui import QgsMapCanvasAnnotationItem
from qgis.PyQt import sip

from liaocheng_plugin.core.definitions import Role
from liaocheng_plugin.core.profile import ProtectedProfile, RoleAssignment
from liaocheng_plugin.gui.project_watch import profile_events
from liaocheng_plugin.gui.site_dock import SiteDock
from tests.gui.conftest import wait_until


@pytest.fixture
def dock(qgis_iface, sample_project, frozen_canvas):
    qgis_iface.messageBar().clear_messages()
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsProject.instance().crs())
    widget = SiteDock(qgis_iface)
    yield widget
    widget.cleanup()
    widget.deleteLater()


def layer_named(ending: str):
    return next(layer for layer in QgsProject.instance().mapLayers().values() if layer.name().endswith(ending))


def use_selected(dock, iface, ending: str) -> None:
    layer = layer_named(ending)
    layer.selectAll()
    iface.setActiveLayer(layer)
    dock.use_selected()


def farmland_mu(dock):
    return sorted(site.role_mu(Role.PERMANENT_FARMLAND.value) for site in dock.alternatives)


def test_a_profile_changed_from_the_menu_rebuilds_the_indexes_and_checks_the_alternatives_again(dock, qgis_iface):
    """The dock kept its first indexes: a profile that made the survey the farmland layer changed nothing."""
    use_selected(dock, qgis_iface, "XMXZ")
    before = farmland_mu(dock)
    names = sorted(site.name for site in dock.alternatives)
    project = QgsProject.instance()
    profile = ProtectedProfile.load(project)
    profile.roles[Role.PERMANENT_FARMLAND] = RoleAssignment.for_layer(layer_named("DLTB"), Role.PERMANENT_FARMLAND)
    profile.save(project)
    profile_events().saved.emit()  # what the profile dialog's Save does
    wait_until(lambda: dock.engine is not None)
    after = farmland_mu(dock)
    assert sorted(site.name for site in dock.alternatives) == names
    areas = sorted(site.overlap.area_m2 / (10000 / 15) for site in dock.alternatives)
    assert after == pytest.approx(areas, abs=0.01), "every site lies on survey patches: all of it is 'farmland' now"
    assert after != before
    said = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Info)
    assert said and "every alternative was checked again" in said[-1], "the user knows no old figure is left"
    fresh = SiteDock(qgis_iface)
    try:
        use_selected(fresh, qgis_iface, "XMXZ")
        assert farmland_mu(fresh) == pytest.approx(after), "as a dock opened on the new profile computes"
    finally:
        fresh.cleanup()
        fresh.deleteLater()


def test_a_protected_layer_removed_drops_the_indexes_and_says_why(dock, qgis_iface):
    use_selected(dock, qgis_iface, "XMXZ")
    farmland = layer_named("YJJBNTTB")
    name = farmland.name()
    QgsProject.instance().removeMapLayer(farmland.id())
    assert dock.engine is None, "indexes never outlive a layer they were built on"
    wait_until(lambda: not dock.alternatives)
    assert dock.form.comparisonTable.columnCount() == 0
    details = dock.form.detailsBrowser.toPlainText()
    assert name in details and "Permanent basic farmland" in details
    assert name in dock.form.profileSummaryLabel.text()
    warnings = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    assert len(warnings) == 1 and name in warnings[0]
    use_selected(dock, qgis_iface, "XMXZ")
    assert dock.alternatives == [], "no alternative is checked without the farmland layer"


def test_a_new_project_forgets_alternatives_indexes_and_chainage_labels(dock, qgis_iface):
    """After 新建工程 a site drawn was checked against the closed project's layers (67,404.43 亩 of farmland), and
    every canvas refresh raised "QgsMapCanvasAnnotationItem has been deleted"."""
    use_selected(dock, qgis_iface, "XMXL")
    route = dock.alternatives[0]
    dock.show_alternative(0)
    labels = list(dock.highlight.labels)
    assert len(labels) == len(route.crossings) > 0
    scene = qgis_iface.mapCanvas().scene()
    # What QGIS desktop does first when a project closes (QgisApp::removeAnnotationItems): it deletes every
    # annotation item of the canvas. The dock's labels are its own items and stay valid.
    for item in scene.items():
        if isinstance(item, QgsMapCanvasAnnotationItem):
            sip.delete(item)
    assert not any(sip.isdeleted(label) for label in labels)
    QgsProject.instance().clear()
    assert dock.alternatives == [] and dock.sketches == [] and dock.engine is None
    assert dock.highlight.labels == [] and dock.highlight.bands == []
    assert all(sip.isdeleted(label) for label in labels), "removed from the canvas, not left behind"
    qgis_iface.mapCanvas().refresh()
    dock.add_sketch(route.centerline, is_route=True)
    assert dock.alternatives == []
    assert "No protected layer is set" in qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)[-1]


def test_highlights_already_deleted_by_qgis_are_cleared_without_an_error(dock, qgis_iface):
    """On exit QGIS deletes the canvas and its items before the plugin unloads: "'method' object is not
    connected" came out of the unload, and once QGIS hung on its error dialog."""
    use_selected(dock, qgis_iface, "XMXL")
    dock.show_alternative(0)
    for item in dock.highlight.labels[:1] + dock.highlight.bands[:1]:
        sip.delete(item)
    scene = qgis_iface.mapCanvas().scene()
    sketch_band = dock.route_tool.band
    dock.cleanup()
    assert dock.highlight.labels == [] and dock.highlight.connections.connections == []
    assert sip.isdeleted(sketch_band), "the sketch tools' rubber bands leave the canvas too"
    assert not [item for item in scene.items() if type(item).__name__ == "MapLabel"]
    dock.cleanup()  # a second unload (plugin reloaders)


def test_closing_the_dock_removes_its_drawings_and_sketch_tool(dock, qgis_iface):
    use_selected(dock, qgis_iface, "XMXL")
    dock.show_alternative(0)
    dock.form.drawSiteButton.setChecked(True)
    assert qgis_iface.mapCanvas().mapTool() is dock.site_tool
    dock.show()
    dock.close()
    assert dock.highlight.bands == [] and dock.highlight.labels == []
    assert qgis_iface.mapCanvas().mapTool() is not dock.site_tool and not dock.form.drawSiteButton.isChecked()
    assert len(dock.alternatives) == 1, "closing hides the dock: its alternatives stay"


def test_the_same_selected_features_added_twice_are_not_compared_twice(dock, qgis_iface):
    """Tester report 2, A5: alternatives added twice from one selection appeared twice in the ranking."""
    use_selected(dock, qgis_iface, "XMXZ")
    names = [site.name for site in dock.alternatives]
    use_selected(dock, qgis_iface, "XMXZ")
    assert [site.name for site in dock.alternatives] == names
    said = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Info)
    assert len(said) == 1 and "Already in the comparison, not added again: " + "、".join(names) in said[0]
    dock.form.distanceSpin.setValue(dock.form.distanceSpin.value() + 100)  # another village distance: new figures
    use_selected(dock, qgis_iface, "XMXZ")
    assert len(dock.alternatives) == 2 * len(names)
