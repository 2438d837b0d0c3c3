"""LiaochengPlugin: menu, toolbar, docks and the Processing provider, with a symmetric unload."""

from typing import List, Optional

from qgis.core import QgsApplication
from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QMenu, QToolBar

from liaocheng_plugin.core.engine.dependency import missing_dependency
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.log import logger, setup_logging, teardown_logging
from liaocheng_plugin.core.paths import resource_path
from liaocheng_plugin.core.translation import install_qt_translator, install_translator, remove_translator

DOCK_WIDTH = 380  # the tables' status, code, area and the start of the findings, without scrolling


class LiaochengPlugin:
    """The plugin object QGIS creates through ``classFactory``."""

    def __init__(self, iface):
        self.iface = iface
        self.translator = install_translator()
        self.qt_translator = install_qt_translator()  # OK/Cancel of every dialog in the UI language
        self.log_handler = None
        self.provider = None
        self.menu: Optional[QMenu] = None
        self.toolbar: Optional[QToolBar] = None
        self.actions: List[QAction] = []
        self.profile_dialog = None
        self.docks = {}

    def initProcessing(self):
        """Register the Processing provider (also called by QGIS without a GUI); does nothing when this plugin or
        anyone else registered ``liaocheng`` already. QGIS deletes a provider it refuses, so only one it accepted
        is kept (and removed on unload)."""
        from liaocheng_plugin.processing import LiaochengProvider

        registry = QgsApplication.processingRegistry()
        if self.provider is not None or registry.providerById(LiaochengProvider.ID) is not None:
            return
        provider = LiaochengProvider()
        if registry.addProvider(provider):
            self.provider = provider

    def initGui(self):
        """Create the menu, the toolbar and their actions; docks open on demand.

        Without shapely 2 everything still loads; a warning says what to install (every check says it again).
        """
        self.log_handler = setup_logging()
        missing = missing_dependency()
        if missing:
            logger.warning(missing)
            self.iface.messageBar().pushWarning(tr("Liaocheng Land Check"), missing)
        self.initProcessing()
        self.menu = QMenu(tr("Liaocheng Land Check"), self.iface.mainWindow())
        self.menu.setObjectName("LiaochengLandCheckMenu")  # no icon: a menu-bar entry with one hides its title
        self.iface.mainWindow().menuBar().insertMenu(self.iface.firstRightStandardMenu().menuAction(), self.menu)
        self.toolbar = self.iface.addToolBar(tr("Liaocheng Land Check"))
        self.toolbar.setObjectName("LiaochengLandCheckToolbar")
        self._add_action("profile.svg", tr("Protected-layer profile…"), self.show_profile_dialog)
        self._add_action("reserve.svg", tr("Land-reserve parcels"), lambda: self.toggle_dock("reserve"))
        self._add_action("balance.svg", tr("Cultivated-land balance"), lambda: self.toggle_dock("balance"))
        self._add_action("site.svg", tr("Project site selection"), lambda: self.toggle_dock("site"))
        self._add_action("overlap.svg", tr("Overlap check…"), self.show_overlap_algorithm)

    def _add_action(self, icon: str, text: str, slot) -> QAction:
        action = QAction(QIcon(str(resource_path("icons", icon))), text, self.iface.mainWindow())
        action.triggered.connect(slot)
        self.menu.addAction(action)
        self.toolbar.addAction(action)
        self.actions.append(action)
        return action

    def show_profile_dialog(self):
        """Open the protected-layer profile dialog (created lazily)."""
        from liaocheng_plugin.gui.profile_dialog import ProfileDialog

        if self.profile_dialog is None or sip.isdeleted(self.profile_dialog):
            self.profile_dialog = ProfileDialog(self.iface.mainWindow())
        self.profile_dialog.reload()
        self.profile_dialog.show()
        self.profile_dialog.raise_()

    def toggle_dock(self, name: str):
        """Show or hide a check dock ("reserve", "balance", "site"), created on first use and tabbed with the
        plugin's other docks on the right, as QGIS's own panels are (stacked, three docks made the main window
        taller than a 1000-px screen)."""
        dock = self.docks.get(name)
        if dock is None:
            if name == "reserve":
                from liaocheng_plugin.gui.reserve_dock import ReserveDock as DockClass
            elif name == "balance":
                from liaocheng_plugin.gui.balance_dock import BalanceDock as DockClass
            else:
                from liaocheng_plugin.gui.site_dock import SiteDock as DockClass
            others = [other.objectName() for other in self.docks.values()]
            dock = self.docks[name] = DockClass(self.iface, self.iface.mainWindow())
            self.iface.addTabifiedDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock, others, True)
            dock.setUserVisible(True)
            if not others:  # QGIS gives a new dock its minimum width: the first one opens wide enough to read
                width = max(DOCK_WIDTH, dock.minimumSizeHint().width())
                self.iface.mainWindow().resizeDocks([dock], [width], Qt.Orientation.Horizontal)
        else:
            dock.setUserVisible(not dock.isUserVisible())
        return dock

    def show_overlap_algorithm(self):
        """Open liaocheng:overlap_check in the Processing dialog, protected layers taken from the profile."""
        from liaocheng_plugin.gui.algorithm_launcher import open_algorithm_dialog

        open_algorithm_dialog(self.iface, "liaocheng:overlap_check")

    def unload(self):
        """Remove everything initGui added, in reverse order."""
        for dock in self.docks.values():
            if not sip.isdeleted(dock):
                dock.cleanup()
                self.iface.removeDockWidget(dock)
                dock.deleteLater()
        self.docks = {}
        if self.profile_dialog is not None and not sip.isdeleted(self.profile_dialog):
            self.profile_dialog.close()
            self.profile_dialog.deleteLater()
        self.profile_dialog = None
        for action in self.actions:
            action.deleteLater()
        self.actions = []
        if self.toolbar is not None and not sip.isdeleted(self.toolbar):
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
        self.toolbar = None
        if self.menu is not None and not sip.isdeleted(self.menu):
            self.iface.mainWindow().menuBar().removeAction(self.menu.menuAction())
            self.menu.deleteLater()
        self.menu = None
        if self.provider is not None and not sip.isdeleted(self.provider):
            QgsApplication.processingRegistry().removeProvider(self.provider)  # only the one this plugin added
        self.provider = None
        if self.log_handler is not None:
            teardown_logging(self.log_handler)
        self.log_handler = None
        remove_translator(self.translator)
        remove_translator(self.qt_translator)
        self.translator = self.qt_translator = None
