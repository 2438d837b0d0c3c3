"""Loading and unloading the plugin leaves QGIS exactly as it was."""

import logging

import pytest
from qgis.core import QgsApplication
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QMenu, QToolBar

from liaocheng_plugin import classFactory
from liaocheng_plugin.core.log import LOGGER_NAME


@pytest.fixture
def iface_with_help_menu(qgis_iface):
    """pytest-qgis's iface, with a Help menu at the right like QGIS's main window."""
    menu_bar = qgis_iface.mainWindow().menuBar()
    help_menu = QMenu("Help", qgis_iface.mainWindow())
    menu_bar.addMenu(help_menu)
    qgis_iface.firstRightStandardMenu = lambda: help_menu
    yield qgis_iface
    menu_bar.removeAction(help_menu.menuAction())


def flush_deletes():
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)


def plugin_menus(iface):
    return [
        a
        for a in iface.mainWindow().menuBar().actions()
        if a.menu() and a.menu().objectName() == "LiaochengLandCheckMenu"
    ]


def plugin_toolbars(iface):
    return [t for t in iface.mainWindow().findChildren(QToolBar) if t.objectName() == "LiaochengLandCheckToolbar"]


def test_init_gui_adds_menu_toolbar_and_provider(iface_with_help_menu):
    plugin = classFactory(iface_with_help_menu)
    plugin.initGui()
    try:
        menus = plugin_menus(iface_with_help_menu)
        assert len(menus) == 1
        # The menu sits before Help, like QGIS's own menus.
        actions = iface_with_help_menu.mainWindow().menuBar().actions()
        assert actions.index(menus[0]) == len(actions) - 2
        assert len(menus[0].menu().actions()) == len(plugin.actions) >= 2
        assert plugin.toolbar.actions() == plugin.actions
        assert QgsApplication.processingRegistry().providerById("liaocheng") is not None
        assert QgsApplication.processingRegistry().algorithmById("liaocheng:overlap_check") is not None
    finally:
        plugin.unload()


def test_load_and_unload_twice_leaves_nothing_behind(iface_with_help_menu):
    """Reloading the plugin (Plugin Reloader, upgrades) must not pile up menus, toolbars or providers."""
    logger = logging.getLogger(LOGGER_NAME)
    handlers_before = list(logger.handlers)
    for _ in range(2):
        plugin = classFactory(iface_with_help_menu)
        plugin.initGui()
        plugin.show_profile_dialog()
        docks = [plugin.toggle_dock(name) for name in ("reserve", "balance", "site")]
        plugin.unload()
        flush_deletes()
        assert plugin_menus(iface_with_help_menu) == []
        assert plugin_toolbars(iface_with_help_menu) == []
        assert QgsApplication.processingRegistry().providerById("liaocheng") is None
        assert logger.handlers == handlers_before
        assert plugin.profile_dialog is None and plugin.translator is None
        assert plugin.docks == {} and all(sip.isdeleted(dock) for dock in docks)
