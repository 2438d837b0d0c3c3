"""The plugin's one logger, "liaocheng_plugin", routed to the QGIS message log under the plugin's name in the UI
language (a tab "聊城国土空间核查" in a Chinese QGIS). Log lines are written in the UI language too: pass a text
made with ``tr()`` (the literal inside the call, ``.format`` after it), never a %-format string."""

import logging

from qgis.core import Qgis, QgsApplication

from liaocheng_plugin.core.i18n import tr

LOGGER_NAME = "liaocheng_plugin"
LEVELS = {
    logging.DEBUG: Qgis.MessageLevel.Info,
    logging.INFO: Qgis.MessageLevel.Info,
    logging.WARNING: Qgis.MessageLevel.Warning,
    logging.ERROR: Qgis.MessageLevel.Critical,
    logging.CRITICAL: Qgis.MessageLevel.Critical,
}

logger = logging.getLogger(LOGGER_NAME)


class QgsMessageLogHandler(logging.Handler):
    """Writes log records to QGIS's log panel (thread-safe: QgsMessageLog queues to the main thread)."""

    def emit(self, record: logging.LogRecord) -> None:
        QgsApplication.messageLog().logMessage(
            self.format(record), message_log_tag(), LEVELS.get(record.levelno, Qgis.MessageLevel.Info)
        )


def message_log_tag() -> str:
    """The tab of QGIS's log panel the plugin writes to: its name in the UI language."""
    return tr("Liaocheng Land Check")


def setup_logging() -> logging.Handler:
    """Attach the message-log handler; returns it so ``teardown_logging`` can remove it."""
    handler = QgsMessageLogHandler()
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return handler


def teardown_logging(handler: logging.Handler) -> None:
    """Detach the handler added by ``setup_logging``."""
    logger.removeHandler(handler)
