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


@pytest.fixture
def no_provider_yet(qgis_processing):
    """No ``liaocheng`` provider registered while the test runs (whatever ran before: pytest 8 runs the Processing
    tests first); one is registered again afterwards if there was one."""
    from liaocheng_plugin.processing import LiaochengProvider

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById(LiaochengProvider.ID)
    if existing is not None:
        registry.removeProvider(existing)
    yield
    if existing is not None and registry.providerById(LiaochengProvider.ID) is None:
        registry.addProvider(LiaochengProvider())


def flush_deletes():
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def plugin_menus(iface):
    return [
        a
        for a in iface.mainWindow().menuBar().actions()
        if a.menu() and a.menu().objectName() == "LiaochengLandCheckMenu"
    ]


def plugin_toolbars(iface):
    return [t for t in iface.mainWindow().findChildren(QToolBar) if t.objectName() == "LiaochengLandCheckToolbar"]


def test_init_gui_adds_menu_toolbar_and_provider(iface_with_help_menu, no_provider_yet):
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


def test_load_and_unload_twice_leaves_nothing_behind(iface_with_help_menu, no_provider_yet):
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


def test_provider_registered_once_however_often_processing_is_initialised(iface_with_help_menu, no_provider_yet):
    """QGIS calls initProcessing for a Processing plugin and initGui calls it again: one provider, removed once."""
    registry = QgsApplication.processingRegistry()
    plugin = classFactory(iface_with_help_menu)
    plugin.initProcessing()
    provider = plugin.provider
    plugin.initGui()
    assert plugin.provider is provider and registry.providerById("liaocheng") is provider
    assert [p.id() for p in registry.providers()].count("liaocheng") == 1
    plugin.unload()
    assert registry.providerById("liaocheng") is None
    plugin.unload()  # a second unload (plugin reloaders) raises nothing


def test_provider_registered_by_someone_else_is_left_alone(iface_with_help_menu, processing_with_provider):
    """The plugin loading while ``liaocheng`` is registered already (a test fixture, a second plugin copy) adds
    no provider QGIS would refuse and delete, and its unload removes only what it added: no RuntimeError."""
    registry = QgsApplication.processingRegistry()
    other = registry.providerById("liaocheng")
    plugin = classFactory(iface_with_help_menu)
    plugin.initGui()
    assert plugin.provider is None and registry.providerById("liaocheng") is other
    plugin.unload()
    assert registry.providerById("liaocheng") is other and not sip.isdeleted(other)
    assert registry.algorithmById("liaocheng:overlap_check") is not None
