"""Fixtures of the dock tests: the sample project, a frozen canvas, waiting for a background check."""

import time

import pytest
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QEventLoop, QTimer
from qgis.PyQt.QtGui import QFont
from qgis.PyQt.QtWidgets import QApplication


def wait_for(signal, timeout_ms=60000):
    """Run the event loop until ``signal`` fires (the background task ends) or time runs out."""
    loop = QEventLoop()
    received = []
    signal.connect(lambda *args: (received.append(args), loop.quit()))
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    assert received, "the check did not finish in time"
    return received[0]


def wait_until(condition, timeout_s=10.0):
    """Run the event loop until ``condition()`` is true or time runs out."""
    deadline = time.monotonic() + timeout_s
    while not condition() and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    assert condition(), "the condition did not come true in time"


@pytest.fixture(scope="module")
def frozen_canvas(qgis_canvas):
    """pytest-qgis's bare canvas, re-rendering the singleton project while a check runs in a task, crashes
    QGIS 3.22 at random (QgsProject::createExpressionContextScope). These tests check extents and rubber
    bands, not pixels, so the canvas stays frozen for the module."""
    qgis_canvas.freeze(True)
    yield qgis_canvas
    qgis_canvas.freeze(False)


@pytest.fixture
def sample_project(qgis_new_project, sample_data, qgis_processing, processing_with_provider):
    project = QgsProject.instance()
    assert project.read(str(sample_data.project))
    yield project
    project.clear()


@pytest.fixture
def desktop_font():
    """QGIS desktop's font (9 pt; the headless platform defaults to 12 pt, wider than any user sees)."""
    previous = QApplication.font()
    QApplication.setFont(QFont(previous.family(), 9))
    yield
    QApplication.setFont(previous)
