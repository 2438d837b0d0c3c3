"""What every check algorithm shares: its group, a fresh instance per run, and how core errors surface."""

from typing import Callable, Optional, TypeVar

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException

from liaocheng_plugin.core.exceptions import CheckCanceledError, LiaochengError
from liaocheng_plugin.core.i18n import tr

Result = TypeVar("Result")


class CheckAlgorithm(QgsProcessingAlgorithm):
    """Base of the plugin's algorithms, all in the group "Checks"."""

    def group(self) -> str:
        return tr("Checks")

    def groupId(self) -> str:
        return "checks"

    def createInstance(self):
        return type(self)()


def run_core(check: Callable[[], Result]) -> Optional[Result]:
    """Run a core check: a LiaochengError becomes a QgsProcessingException, a cancel gives None (write nothing)."""
    try:
        return check()
    except CheckCanceledError:
        return None
    except LiaochengError as error:
        raise QgsProcessingException(str(error)) from error
