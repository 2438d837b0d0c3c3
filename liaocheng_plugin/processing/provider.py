"""The Processing provider "聊城国土空间核查" (id ``liaocheng``)."""

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.paths import resource_path
from liaocheng_plugin.processing.balance_algorithm import BalanceCheckAlgorithm
from liaocheng_plugin.processing.change_algorithm import ChangeDetectionAlgorithm
from liaocheng_plugin.processing.data_check_algorithm import DataCheckAlgorithm
from liaocheng_plugin.processing.field_pack_algorithm import ExportFieldPackAlgorithm
from liaocheng_plugin.processing.overlap_algorithm import OverlapCheckAlgorithm
from liaocheng_plugin.processing.reserve_algorithm import ReserveCheckAlgorithm
from liaocheng_plugin.processing.sheets_algorithm import ExportSheetsAlgorithm
from liaocheng_plugin.processing.site_algorithm import SiteCheckAlgorithm


class LiaochengProvider(QgsProcessingProvider):
    """Registers every check as an algorithm, for models, batch mode and qgis_process."""

    ID = "liaocheng"

    def id(self) -> str:
        return self.ID

    def name(self) -> str:
        return tr("Liaocheng Land Check")

    def icon(self) -> QIcon:
        return QIcon(str(resource_path("icons", "plugin.svg")))

    def loadAlgorithms(self):
        for algorithm in (
            OverlapCheckAlgorithm(),
            ReserveCheckAlgorithm(),
            BalanceCheckAlgorithm(),
            ChangeDetectionAlgorithm(),
            SiteCheckAlgorithm(),
            DataCheckAlgorithm(),
            ExportSheetsAlgorithm(),
            ExportFieldPackAlgorithm(),
        ):
            self.addAlgorithm(algorithm)
