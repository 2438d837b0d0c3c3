"""Run a check algorithm in a QgsTask (the same code path as Processing), with progress and cancel."""

from typing import Dict, List, Optional

from qgis.core import (
    QgsApplication,
    QgsMapLayer,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
)
from qgis.PyQt.QtCore import QObject, pyqtSignal

from liaocheng_plugin.core.log import logger


class CollectingFeedback(QgsProcessingFeedback):
    """Processing feedback that keeps the errors the algorithm reports, to show them in the panel."""

    def __init__(self):
        super().__init__()
        self.errors: List[str] = []

    def reportError(self, error: str, fatalError: bool = False) -> None:  # noqa: N802, N803 - QGIS API
        self.errors.append(error)
        logger.warning(error)
        super().reportError(error, fatalError)


class AlgorithmRunner(QObject):
    """Starts one algorithm at a time in the background and hands back its result layers; ``results`` keeps the
    last run's other outputs (numbers, texts) by name."""

    progressChanged = pyqtSignal(float)  # noqa: N815 - Qt signal naming
    finished = pyqtSignal(bool, dict, str)  # succeeded, {output name: layer}, message

    def __init__(self, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.task: Optional[QgsProcessingAlgRunnerTask] = None
        self.context: Optional[QgsProcessingContext] = None
        self.feedback: Optional[CollectingFeedback] = None
        self.results: Dict[str, object] = {}

    def is_running(self) -> bool:
        return self.task is not None

    def run(self, algorithm_id: str, parameters: Dict[str, object]) -> None:
        """Start ``algorithm_id`` with ``parameters`` as a task of QGIS's task manager."""
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        self.feedback = CollectingFeedback()
        self.feedback.progressChanged.connect(self.progressChanged)
        self.task = QgsProcessingAlgRunnerTask(algorithm, parameters, self.context, self.feedback)
        self.task.executed.connect(self._executed)
        QgsApplication.taskManager().addTask(self.task)

    def cancel(self) -> None:
        """Ask the running algorithm to stop; it writes nothing."""
        if self.feedback is not None:
            self.feedback.cancel()

    def _executed(self, successful: bool, results: dict) -> None:
        canceled = self.feedback.isCanceled()
        layers: Dict[str, QgsMapLayer] = {}
        self.results = {}
        if successful and not canceled:
            self.results = {name: value for name, value in results.items() if not isinstance(value, str)}
            for name, value in results.items():
                layer = self.context.takeResultLayer(value) if isinstance(value, str) else None
                if layer is not None:
                    layers[name] = layer
        message = "\n".join(self.feedback.errors)
        self.task = None
        self.finished.emit(successful and not canceled and bool(layers), layers, message)
