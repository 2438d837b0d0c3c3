"""What a panel follows in the project: the project replaced, layers removed or added, the profile saved.

Every connection to an object the panel does not own (the project, the canvas) is made through
``SignalConnections`` and undone by its ``disconnect_all``: a panel leaves nothing connected behind when it
is unloaded, and never disconnects what QGIS has deleted already.
"""

from typing import Callable, List, Optional, Tuple

from qgis.core import QgsProject
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QObject, pyqtSignal


class SignalConnections:
    """Connections made to other objects' signals, undone together."""

    def __init__(self):
        self.connections: List[Tuple[QObject, object, Callable]] = []

    def connect(self, sender: QObject, signal, slot: Callable) -> None:
        """Connect ``signal`` of ``sender`` to ``slot`` (kept to disconnect it later)."""
        signal.connect(slot)
        self.connections.append((sender, signal, slot))

    def disconnect_all(self) -> None:
        """Undo every connection whose sender still exists (QGIS deletes the canvas's items on closing)."""
        for sender, signal, slot in self.connections:
            if not sip.isdeleted(sender):
                signal.disconnect(slot)
        self.connections = []


class ProfileEvents(QObject):
    """Tells every panel that the protected-layer profile was saved into the project."""

    saved = pyqtSignal()


_EVENTS: Optional[ProfileEvents] = None


def profile_events() -> ProfileEvents:
    """The one notifier of profile changes (created on first use)."""
    global _EVENTS
    if _EVENTS is None or sip.isdeleted(_EVENTS):
        _EVENTS = ProfileEvents()
    return _EVENTS


class ProjectWatch:
    """Calls a panel back when the project changes under it.

    ``replaced``: every layer is about to leave (新建工程, another project opened, QGIS closing: QGIS 3.22 has no
    signal before a project is cleared, ``removeAll`` comes first);
    ``removing(ids)``: layers are about to leave the project; ``profile_changed``: what the protected-layer
    profile provides may have changed (layers added or removed, a project read, the profile saved);
    ``read``: another project was opened.
    """

    def __init__(
        self,
        replaced: Callable[[], None],
        removing: Callable[[List[str]], None],
        profile_changed: Callable[[], None],
        read: Optional[Callable[[], None]] = None,
    ):
        project = QgsProject.instance()
        self.connections = SignalConnections()
        self.connections.connect(project, project.removeAll, replaced)
        self.connections.connect(project, project.layersWillBeRemoved, removing)
        for signal in (project.layersAdded, project.layersRemoved, project.readProject, project.cleared):
            self.connections.connect(project, signal, lambda *_args: profile_changed())
        events = profile_events()
        self.connections.connect(events, events.saved, profile_changed)
        if read is not None:
            self.connections.connect(project, project.readProject, lambda *_args: read())

    def release(self) -> None:
        """Disconnect from the project (the panel is unloaded)."""
        self.connections.disconnect_all()
