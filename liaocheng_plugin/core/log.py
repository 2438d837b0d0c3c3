"""The plugin's one logger, "liaocheng_plugin", routed to the QGIS message log under "Liaocheng"."""

import logging

from qgis.core import Qgis, QgsApplication

LOGGER_NAME = "liaocheng_plugin"
MESSAGE_LOG_TAG = "Liaocheng"
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
            self.format(record), MESSAGE_LOG_TAG, LEVELS.get(record.levelno, Qgis.MessageLevel.Info)
        )


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
