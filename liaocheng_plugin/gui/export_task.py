"""Exports that must run on QGIS's main thread (print layouts render there), shown as cancellable tasks."""

import threading
from typing import Callable, Optional, TypeVar

from qgis.core import QgsApplication, QgsFeedback, QgsTask
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import QProgressDialog, QWidget

from liaocheng_plugin.core.i18n import tr

Result = TypeVar("Result")


class MainThreadTask(QgsTask):
    """A task-manager entry with progress and cancel for work done on the main thread.

    Print layouts are not safe to render from a worker thread (QGIS's own layout exports and its
    layout algorithms run on the main thread too), so the export runs there and this task's thread
    only waits for it to end. Each progress step lets the event loop run, so the progress dialog's and
    the task manager's Cancel answer between pages; a cancel reaches the export through ``feedback``.
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
    """Runs a panel's main-thread exports behind a window-modal progress dialog, as QGIS's own layout exports
    do: the rest of QGIS waits meanwhile, so nothing can remove a layer from under a rendering sheet. The
    dialog's Cancel (or the task manager's) stops the export between pages. The dialog and the task manager
    are the export's only progress displays: a panel's own bar stays with its check."""

    def __init__(self, parent: QWidget):
        self.parent = parent
        self.task: Optional[MainThreadTask] = None
        self.dialog: Optional[QProgressDialog] = None

    def cancel(self) -> None:
        """Stop the running export between two pages; it writes nothing."""
        if self.task is not None:
            self.task.cancel()

    def run(self, description: str, work: Callable[[QgsFeedback], Result]) -> Result:
        """Run ``work(feedback)`` as task ``description``; raises what ``work`` raises (CheckCanceledError if
        cancelled)."""
        task = MainThreadTask(description)
        dialog = QProgressDialog(description, tr("Cancel"), 0, 100, self.parent)
        dialog.setWindowTitle(self.parent.windowTitle())
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(task.cancel)
        task.progressChanged.connect(self._show_progress)
        self.task, self.dialog = task, dialog
        QgsApplication.taskManager().addTask(task)
        succeeded = False
        try:
            self._show_progress(0.0)
            result = work(task.feedback)
            succeeded = True
            return result
        finally:
            task.progressChanged.disconnect(self._show_progress)
            task.end(succeeded)
            self.task, self.dialog = None, None
            dialog.close()
            dialog.deleteLater()

    def _show_progress(self, progress: float) -> None:
        if self.dialog is not None:
            self.dialog.setValue(int(progress))
