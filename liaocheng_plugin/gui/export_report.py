"""Run a panel's export and report in the message bar where it went, or why it failed, in the UI language."""

import errno
from typing import Callable

from qgis.PyQt.QtWidgets import QFileDialog, QWidget

from liaocheng_plugin.core.exceptions import CheckCanceledError, LiaochengError
from liaocheng_plugin.core.i18n import tr

WINDOWS_SHARING_VIOLATION = 32  # the file is open in another program (Excel, a PDF viewer)


def os_reason(error: OSError) -> str:
    """What an operating-system error means for the user (its own text is English on most systems)."""
    if getattr(error, "winerror", None) == WINDOWS_SHARING_VIOLATION:
        return tr("The file is open in another program: close it there first.")
    reasons = {
        errno.EACCES: tr("There is no permission to write there: choose another folder."),
        errno.EPERM: tr("There is no permission to write there: choose another folder."),
        errno.EROFS: tr("The disk is read-only: choose another folder."),
        errno.ENOSPC: tr("The disk is full."),
        errno.ENOENT: tr("The folder does not exist."),
    }
    return reasons.get(error.errno, error.strerror or str(error))


def failure_text(error: Exception, path: str) -> str:
    """The message of a failed export: what could not be written and why, the same for every kind of export."""
    if isinstance(error, OSError):
        return sentences(tr("Could not write “{}”.").format(path), os_reason(error))
    if isinstance(error, LiaochengError) and isinstance(error.__cause__, OSError):
        return sentences(error.message, os_reason(error.__cause__))
    return str(error)


def sentences(first: str, second: str) -> str:
    """Two sentences, spaced as the UI language spaces them (Chinese: not at all)."""
    return tr("{} {}").format(first, second)


def export_and_report(iface, title: str, write: Callable[[], object], path: str) -> None:
    """Run an export and say in the message bar where it went, or why it failed (no Python error dialog for a
    read-only folder, a full disk or a file open elsewhere)."""
    try:
        write()
    except CheckCanceledError:
        iface.messageBar().pushInfo(title, tr("The export was canceled; nothing was written."))
        return
    except (LiaochengError, OSError) as error:
        iface.messageBar().pushCritical(title, failure_text(error, path))
        return
    iface.messageBar().pushSuccess(title, tr("Written to {}").format(path))


def ask_sheet_path(parent: QWidget) -> str:
    """Ask where map sheets go: one PDF, or PNGs named after it; "" when the user cancels."""
    path, _ = QFileDialog.getSaveFileName(parent, tr("Export map sheets"), "", "PDF (*.pdf);;PNG (*.png)")
    return path
