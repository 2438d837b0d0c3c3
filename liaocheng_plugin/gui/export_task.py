"""Exports that must run on QGIS's main thread (print layouts render there), shown as cancellable tasks."""

import threading
from typing import Callable, Optional, Sequence, TypeVar

from qgis.core import QgsApplication, QgsFeedback, QgsTask
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QAbstractButton, QProgressBar, QWidget

Result = TypeVar("Result")


class MainThreadTask(QgsTask):
    """A task-manager entry with progress and cancel for work done on the main thread.

    Print layouts are not safe to render from a worker thread (QGIS's own layout exports and its
    layout algorithms run on the main thread too), so the export runs there and this task's thread
    only waits for it to end. Each progress step lets the event loop run, so the task manager's and
    the panel's cancel buttons answer between pages; a cancel reaches the export through ``feedback``.
    """

    def __init__(self, description: str):
        super().__init__(description, QgsTask.Flag.CanCancel)
        self.feedback = QgsFeedback()
        self.feedback.progressChanged.connect(self._follow_progress)
        self._ended = threading.Event()
        self._succeeded = False

    def run(self) -> bool:  # noqa: D102 - QgsTask API, runs on the task's thread
        self._ended.wait()
        return self._succeeded

    def cancel(self) -> None:  # noqa: D102 - QgsTask API
        self.feedback.cancel()
        super().cancel()

    def end(self, succeeded: bool) -> None:
        """The main-thread work is over: let the task finish (as cancelled when it was)."""
        self._succeeded = succeeded and not self.feedback.isCanceled()
        self._ended.set()

    def _follow_progress(self, progress: float) -> None:
        self.setProgress(progress)
        QCoreApplication.processEvents()


class ExportRunner:
    """Runs one main-thread export at a time for a panel: its widgets are disabled meanwhile, its progress
    bar follows the export and its cancel button stops it."""

    def __init__(
        self,
        busy_widgets: Sequence[QWidget],
        progress_bar: Optional[QProgressBar] = None,
        cancel_button: Optional[QAbstractButton] = None,
    ):
        self.busy_widgets = list(busy_widgets)
        self.progress_bar = progress_bar
        self.cancel_button = cancel_button
        self.task: Optional[MainThreadTask] = None
        if cancel_button is not None:
            cancel_button.clicked.connect(self.cancel)

    def is_running(self) -> bool:
        return self.task is not None

    def cancel(self) -> None:
        """Stop the running export between two pages; it writes nothing."""
        if self.task is not None:
            self.task.cancel()

    def run(self, description: str, work: Callable[[QgsFeedback], Result]) -> Result:
        """Run ``work(feedback)`` as task ``description``; raises what ``work`` raises (CheckCanceledError if
        cancelled)."""
        task = MainThreadTask(description)
        QgsApplication.taskManager().addTask(task)
        self.task = task
        widgets = self.busy_widgets + ([self.cancel_button] if self.cancel_button is not None else [])
        enabled = [widget.isEnabled() for widget in widgets]
        for widget in self.busy_widgets:
            widget.setEnabled(False)
        if self.cancel_button is not None:
            self.cancel_button.setEnabled(True)
        if self.progress_bar is not None:
            self.progress_bar.setValue(0)
            task.progressChanged.connect(lambda value: self.progress_bar.setValue(int(value)))
        succeeded = False
        try:
            result = work(task.feedback)
            succeeded = True
            return result
        finally:
            task.end(succeeded)
            self.task = None
            if self.progress_bar is not None:
                self.progress_bar.setValue(100 if succeeded else 0)
            for widget, was_enabled in zip(widgets, enabled):
                widget.setEnabled(was_enabled)
