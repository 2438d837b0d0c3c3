"""How the 项目选址 dock follows the project: indexes rebuilt (and every alternative checked again) when the
profile or a protected layer changes, dropped with the reason when the profile gives no usable layer, and
everything forgotten when another project is opened or created.

Before, the dock kept the indexes it built first: a profile changed from the menu was ignored, and after
新建工程 a sketch was still checked against the closed project's layers.
"""

import html
from typing import List, NamedTuple, Tuple

from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry, QgsProject

from liaocheng_plugin.core.datacheck.findings import DataCheckError
from liaocheng_plugin.core.datacheck.interactive import sketches_name
from liaocheng_plugin.core.datacheck.web_frames import CoordinateFrame
from liaocheng_plugin.core.exceptions import LiaochengError
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.profile import ProtectedProfile
from liaocheng_plugin.core.siting import rank_sites

REFUSED_COLOUR = "#b00000"


class Sketch(NamedTuple):
    """What an alternative was made from, to check it again against rebuilt indexes."""

    geometry: QgsGeometry
    crs: QgsCoordinateReferenceSystem
    is_route: bool
    width_m: float
    village_distance_m: float
    origin: Tuple[str, int]  # (layer name, feature id) that names it in the input check's findings
    name: str
    frame: CoordinateFrame = CoordinateFrame.UNSTATED  # the web-map frame it was converted from, when stated

    def same_as(self, other: "Sketch") -> bool:
        """The same feature added again as it was (same geometry, CRS, frame, village distance and, for a route,
        corridor width)."""
        return (
            self.origin == other.origin
            and self.crs == other.crs
            and (self.is_route, self.village_distance_m, self.frame)
            == (other.is_route, other.village_distance_m, other.frame)
            and (not self.is_route or self.width_m == other.width_m)
            and self.geometry.equals(other.geometry)
        )

    def converted(self) -> bool:
        """Moved from a stated web-map frame (GCJ-02, BD-09): the warnings that ask for the frame do not apply."""
        return self.frame in (CoordinateFrame.GCJ02, CoordinateFrame.BD09)


def profile_state(project: QgsProject) -> Tuple[str, List[str]]:
    """The profile as saved and the ids of the layers it gives: indexes built on another state are stale."""
    try:
        profile = ProtectedProfile.load(project)
    except LiaochengError:
        return "", []
    return profile.to_json(), [spec.source.id() for spec in profile.role_specs(project)]


class SiteFollowsProject:
    """The site dock's part that keeps its indexes and alternatives true to the project.

    Needs the dock's ``engine``, ``engine_state``, ``watched`` (SignalConnections), ``sketches``,
    ``alternatives``, ``origins``, ``inputs``, ``recheck_timer``, ``highlight``, ``exports``, ``refusal`` and its
    ``ensure_engine``, ``_check``, ``_refuse``, ``show_findings``, ``_refresh_table``, ``_release_tools`` and
    ``refresh_profile_summary``.
    """

    def invalidate(self) -> None:
        """Forget the indexes; the next check (or ``recheck``) rebuilds them."""
        self.watched.disconnect_all()
        self.engine = None
        self.engine_state = ("", [])

    def recheck(self) -> None:
        """Check every alternative again against indexes rebuilt from the profile as it is now. When the profile
        gives no usable layer, the comparison is emptied and the details area says why (the sketches are kept:
        a later profile change checks them again)."""
        self.recheck_timer.stop()
        self.invalidate()
        if not self.sketches:
            return
        self.highlight.clear()
        try:
            engine = self.ensure_engine()
        except LiaochengError as error:
            self.alternatives = []
            self._refresh_table()
            message = html.escape(error.message).replace("\n", "<br/>")
            self.form.detailsBrowser.setHtml(f"<p style='color:{REFUSED_COLOUR}'>{message}</p>")
            if error.message != self.refusal:
                self.iface.messageBar().pushWarning(self.windowTitle(), error.message)
            self.refusal = error.message
            return
        self.refusal = ""
        kept: List[Sketch] = []
        self.alternatives, self.origins = [], {}
        for sketch in self.sketches:
            try:
                self.alternatives.append(self._check(engine, sketch, len(kept) + 1, sketch.name))
            except DataCheckError as error:  # the input check refuses it now (a protected layer edited)
                self._refuse(error)
                continue
            kept.append(sketch)
        self.sketches = kept
        rank_sites(self.alternatives)
        self._refresh_table()
        self.show_findings()
        if self.alternatives:
            self.iface.messageBar().pushInfo(
                self.windowTitle(),
                tr("The protected layers changed: every alternative was checked again against them."),
            )

    def _protected_data_changed(self) -> None:
        self.invalidate()
        if self.sketches:
            self.recheck_timer.start()

    def _profile_changed(self) -> None:
        """Layers added or removed, a project read, the profile saved: say what the check uses now; indexes built
        on another profile or other layers are rebuilt and the alternatives checked again."""
        self.refresh_profile_summary()
        stale = self.engine is not None and profile_state(QgsProject.instance()) != self.engine_state
        if stale or (self.engine is None and self.sketches):
            self.invalidate()
            if self.sketches:
                self.recheck_timer.start()

    def _layers_removing(self, layer_ids: List[str]) -> None:
        """A protected layer leaving drops the indexes at once (they must not outlive the layer)."""
        if set(layer_ids) & set(self.engine_state[1]):
            self.invalidate()

    def _project_replaced(self) -> None:
        """Another project (or none): the alternatives, their drawings and the indexes belong to the old one."""
        self.recheck_timer.stop()
        self.exports.cancel()
        self.invalidate()
        self._release_tools()
        self.alternatives = []
        self.sketches = []
        self.origins = {}
        self.subject_layers = {sketches_name()}
        self.refusal = ""
        self.inputs.reset()
        self.show_findings()
        self.highlight.clear()
        self._refresh_table()
