"""What every check algorithm shares: its group, a fresh instance per run, and how core errors surface."""

from typing import Callable, Optional, TypeVar

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException, QgsProject

from liaocheng_plugin.core.exceptions import CheckCanceledError, LiaochengError
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.processing.protected_parameters import (
    has_protected_layer,
    no_protected_layer_message,
    profile_gap_refusal,
)

Result = TypeVar("Result")


class CheckAlgorithm(QgsProcessingAlgorithm):
    """Base of the plugin's algorithms, all in the group "Checks"."""

    # A check against protected layers refuses to run with none (it would report no conflict at all).
    NEEDS_PROTECTED_LAYERS = False

    def group(self) -> str:
        return tr("Checks")

    def groupId(self) -> str:
        return "checks"

    def createInstance(self):
        return type(self)()

    def checkParameterValues(self, parameters, context):  # noqa: N802 - QGIS API
        """Refuse a check without any protected layer, or one started from a profile naming layers that left the
        project, before it starts (the dialog says why)."""
        if self.NEEDS_PROTECTED_LAYERS:
            if not has_protected_layer(parameters):
                return False, no_protected_layer_message()
            refusal = profile_gap_refusal(parameters, context.project() or QgsProject.instance())
            if refusal:
                return False, refusal
        return super().checkParameterValues(parameters, context)


def run_core(check: Callable[[], Result]) -> Optional[Result]:
    """Run a core check: a LiaochengError becomes a QgsProcessingException, a cancel gives None (write nothing)."""
    try:
        return check()
    except CheckCanceledError:
        return None
    except LiaochengError as error:
        raise QgsProcessingException(str(error)) from error
