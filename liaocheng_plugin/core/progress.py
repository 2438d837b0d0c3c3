"""Progress for multi-step core work over any QgsFeedback (Processing's helper needs a QgsProcessingFeedback)."""

from typing import Optional

from qgis.core import QgsFeedback

from liaocheng_plugin.core.exceptions import CheckCanceledError


class StepFeedback(QgsFeedback):
    """Feedback for step ``i`` of ``n``: maps 0–100 % of the step onto the parent and follows its cancel."""

    def __init__(self, steps: int, parent: Optional[QgsFeedback]):
        super().__init__()
        self._steps = max(steps, 1)
        self._step = 0
        self._parent = parent
        if parent is not None:
            self.progressChanged.connect(self._forward_progress)

    def isCanceled(self) -> bool:  # noqa: N802 - QgsFeedback API
        return super().isCanceled() or (self._parent is not None and self._parent.isCanceled())

    def set_step(self, step: int) -> None:
        """Start step ``step`` (0-based)."""
        self._step = step
        self.setProgress(0.0)

    def raise_if_canceled(self) -> None:
        """Stop the work with CheckCanceledError when the user cancelled."""
        if self.isCanceled():
            raise CheckCanceledError()

    def _forward_progress(self, progress: float) -> None:
        self._parent.setProgress((self._step * 100.0 + progress) / self._steps)
