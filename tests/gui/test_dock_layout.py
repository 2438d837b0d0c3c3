"""The panels fit a laptop screen and a docked width (tester report 1: C1, C2, B8, B11), in QGIS desktop's font."""

import pytest
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import QDockWidget

from liaocheng_plugin.gui.balance_dock import BalanceDock
from liaocheng_plugin.gui.reserve_dock import ReserveDock
from liaocheng_plugin.gui.site_dock import SiteDock
from liaocheng_plugin.plugin import DOCK_WIDTH
from tests.gui.conftest import wait_for, wait_until

# A maximised QGIS on a 1000-px screen leaves about 800 px to its right dock area, under menus and toolbars.
DOCK_AREA_HEIGHT = 760


@pytest.fixture
def docks(desktop_font, qgis_iface, sample_project, frozen_canvas):
    made = []

    def make(cls):
        dock = cls(qgis_iface)
        made.append(dock)
        return dock

    yield make
    for dock in made:
        dock.hide()
        dock.cleanup()
        dock.deleteLater()


def run(dock):
    dock.run_check()
    succeeded, layers, message = wait_for(dock.runner.finished)
    assert succeeded, message
    QCoreApplication.processEvents()
    return layers


def shown_fully(view, column: int) -> bool:
    left = view.columnViewportPosition(column)
    return left >= 0 and left + view.columnWidth(column) <= view.viewport().width()


def test_three_docks_fit_a_1000px_screen(docks):
    """Minimum heights 756, 610 and 441 px, stacked, made QGIS's main window 1992 px high on a 1000-px screen.
    A panel scrolls when its dock is short, and its form fits the dock area of a maximised QGIS unscrolled."""
    for cls in (ReserveDock, BalanceDock, SiteDock):
        dock = docks(cls)
        dock.resize(DOCK_WIDTH, DOCK_AREA_HEIGHT)
        dock.show()
        QCoreApplication.processEvents()
        assert dock.minimumSizeHint().height() < 150, cls.__name__
        assert dock.form.minimumSizeHint().height() <= DOCK_AREA_HEIGHT, cls.__name__
        assert dock.minimumSizeHint().width() <= DOCK_WIDTH


def test_reserve_table_shows_status_code_and_area_without_scrolling_and_no_negative_zero(docks):
    dock = docks(ReserveDock)
    dock.resize(DOCK_WIDTH, 800)
    dock.show()
    run(dock)
    view = dock.form.resultsView
    assert all(shown_fully(view, column) for column in range(3)), [view.columnWidth(c) for c in range(4)]
    assert view.columnViewportPosition(3) < view.viewport().width() - 80, "the findings start is readable"
    assert view.horizontalScrollBar().value() == 0
    texts = [dock.proxy.index(row, column).data() for row in range(dock.proxy.rowCount()) for column in range(11)]
    assert "0.0" in texts and not [text for text in texts if text in ("-0.0", "-0.00")], "CBCP2023-001 showed -0.0"


def test_balance_table_shows_direction_and_area_without_scrolling(docks):
    dock = docks(BalanceDock)
    dock.resize(DOCK_WIDTH, 800)
    dock.show()
    run(dock)
    view = dock.form.resultsView
    headers = [dock.model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["Status", "Patch number", "Direction", "Area\n(mu)", "Findings"]
    assert all(shown_fully(view, column) for column in range(4))
    wait_until(lambda: dock.changeStep.height() < 50)  # the first step folds away once balanced
    visible_rows = view.viewport().height() // view.rowHeight(0)
    assert visible_rows >= 8, "3–4 rows showed beside the county cards"


def test_frame_tooltip_says_what_it_means_for_each_dock(docks):
    reserve, balance = docks(ReserveDock), docks(BalanceDock)
    assert "Reserve parcels" in reserve.frameCombo.toolTip() and "Sites" not in reserve.frameCombo.toolTip()
    assert "Outflow and inflow patches" in balance.frameCombo.toolTip()
    assert "Sites" not in balance.frameCombo.toolTip()


def test_the_best_alternative_stays_in_view_while_the_others_scroll(docks, qgis_iface):
    qgis_iface.mapCanvas().setDestinationCrs(QgsProject.instance().crs())
    dock = docks(SiteDock)
    dock.resize(DOCK_WIDTH, 800)
    dock.show()
    for number, ending in enumerate(("XMXZ", "XMXL", "XMXZ", "XMXZ")):
        dock.form.distanceSpin.setValue(200 + 50 * number)  # another village distance: not the same alternative
        layer = next(lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.name().endswith(ending))
        layer.selectAll()
        qgis_iface.setActiveLayer(layer)
        dock.use_selected()
    QCoreApplication.processEvents()
    table, frozen = dock.form.comparisonTable, dock.comparison.frozen
    assert table.columnCount() == 7 and table.horizontalScrollBar().maximum() > 0
    table.horizontalScrollBar().setValue(table.horizontalScrollBar().maximum())
    QCoreApplication.processEvents()
    assert table.columnViewportPosition(0) < 0, "the table's own first column scrolled away"
    assert frozen.isVisible() and frozen.x() == table.verticalHeader().width() + table.frameWidth()
    assert frozen.width() == frozen.columnWidth(0) == table.columnWidth(0)
    rows = range(table.rowCount())
    assert [frozen.rowHeight(row) for row in rows] == [table.rowHeight(row) for row in rows]
    last = table.rowCount() - 1
    assert table.rowViewportPosition(last) + table.rowHeight(last) <= table.viewport().height(), "5 of 9 showed"
    assert frozen.horizontalHeader().height() == table.horizontalHeader().height()
    assert frozen.model().headerData(0, Qt.Orientation.Horizontal).startswith("★")
    best = dock.comparison.site_at(0)
    frozen.clicked.emit(frozen.model().index(1, 0))
    assert dock.alternatives[best].name in dock.form.detailsBrowser.toPlainText()


def test_docks_open_tabbed_on_the_right(desktop_font, qgis_iface, sample_project, frozen_canvas, monkeypatch):
    """As QGIS's own panels: the second and third dock open as tabs of the first (QGIS's addTabifiedDockWidget
    tabifies with the named dock already in the area)."""
    from liaocheng_plugin.plugin import LiaochengPlugin

    window = qgis_iface.mainWindow()
    added = []

    def add_tabified(area, dock, tabify_with=(), raise_tab=False):
        present = [d for d in window.findChildren(QDockWidget) if d.isVisible() and window.dockWidgetArea(d) == area]
        window.addDockWidget(area, dock)
        target = next((d for name in tabify_with for d in present if d.objectName() == name), None)
        if target is not None:
            window.tabifyDockWidget(target, dock)
        added.append((dock.objectName(), list(tabify_with), raise_tab))

    monkeypatch.setattr(qgis_iface, "addTabifiedDockWidget", add_tabified, raising=False)
    window.show()
    plugin = LiaochengPlugin(qgis_iface)
    try:
        reserve = plugin.toggle_dock("reserve")
        balance = plugin.toggle_dock("balance")
        site = plugin.toggle_dock("site")
        assert added[1] == ("LiaochengBalanceDock", ["LiaochengReserveDock"], True)
        assert set(window.tabifiedDockWidgets(reserve)) == {balance, site}
        assert window.dockWidgetArea(site) == Qt.DockWidgetArea.RightDockWidgetArea
    finally:
        for dock in plugin.docks.values():
            dock.cleanup()
            window.removeDockWidget(dock)
            dock.deleteLater()
        plugin.docks = {}
        window.hide()
