"""The input check of the 项目选址 panel, which keeps its own engine: the protected layers when their indexes are
built, each sketch (its web-map frame) and each layer whose selected features are checked (the source rules),
and the array rules through the engine's hook. Everything found is kept for the panel's list and ledger."""

from dataclasses import dataclass, replace
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsRectangle,
    QgsVectorLayer,
)

from liaocheng_plugin.core.compat import GEOMETRY_LINE, GEOMETRY_POLYGON
from liaocheng_plugin.core.datacheck.data_check import distinct_findings
from liaocheng_plugin.core.datacheck.findings import DataFinding, DataKind, DataSeverity
from liaocheng_plugin.core.datacheck.inspector import ArrayInspector, DataRules
from liaocheng_plugin.core.datacheck.layer_rules import far_apart_findings, lonlat_extent
from liaocheng_plugin.core.datacheck.report import DataWarnings
from liaocheng_plugin.core.datacheck.sources import (
    InputLayer,
    check_sources,
    frame_findings,
    protected_inputs,
    raise_errors,
    shift_text,
)
from liaocheng_plugin.core.datacheck.web_frames import CoordinateFrame, convert_geometries, frame_labels, offset_m
from liaocheng_plugin.core.engine.convert import from_qgis, to_qgis
from liaocheng_plugin.core.engine.dependency import shapely
from liaocheng_plugin.core.engine.spec import RoleSpec
from liaocheng_plugin.core.i18n import tr

LONLAT = "EPSG:4326"
WEB_MERCATOR = "EPSG:3857"  # the CRS of web-map tiles: a canvas in it most likely shows one


def sketches_name() -> str:
    """The "layer" of sketched alternatives in findings."""
    return tr("Sketches")


@dataclass
class ChosenFeatures:
    """Features chosen from a layer, as the check reads them (text decoded): geometries in ``crs`` (the web-map
    frame removed), feature ids the layer's own."""

    layer_name: str
    crs: QgsCoordinateReferenceSystem
    features: List[QgsFeature]


class PanelInputCheck:
    """What the input check found in one panel session, and the hook for the panel's engine.

    ``protected(specs)`` checks the protected layers before their indexes are built (raises DataCheckError
    on an error) and returns the specs to build them from; ``inspector`` is then the array rules' hook.
    ``sketch`` and ``chosen`` check what is added; ``findings`` keeps everything (errors of refused
    sketches included) until ``reset``.
    """

    def __init__(self, context: QgsCoordinateTransformContext):
        self.context = context
        self.findings: List[DataFinding] = []
        self.inspector: Optional[ArrayInspector] = None
        self.role_layers: Dict[str, str] = {}
        self._boxes: List[Tuple[str, QgsRectangle]] = []

    def reset(self) -> None:
        """Forget the protected layers' findings (their indexes are rebuilt)."""
        self.findings, self.inspector, self.role_layers, self._boxes = [], None, {}, []

    def add(self, findings: Sequence[DataFinding]) -> None:
        """Keep ``findings`` with those found before (without repeats)."""
        self.findings = distinct_findings(self.findings + list(findings))

    def clear_errors(self) -> None:
        """Forget the errors of what was refused before (a new sketch or choice starts)."""
        self.findings = [finding for finding in self.findings if finding.severity != DataSeverity.ERROR]

    def protected(self, specs: Sequence[RoleSpec], cultivated_codes: Sequence[str]) -> List[RoleSpec]:
        """Source rules on the protected layers; the specs with fixed copies read instead (a GBK shapefile)."""
        items = protected_inputs(specs)
        check = check_sources(items, self.context)
        self.add(check.findings)
        raise_errors(check.findings)
        fixed = []
        for spec in specs:
            layer = spec.layer if spec.layer is not None else spec.source
            replacement = check.replacements.get(layer.id()) if isinstance(layer, QgsVectorLayer) else None
            fixed.append(spec if replacement is None else replace(spec, source=replacement, layer=replacement))
        self._boxes = [(item.name, box) for item in items if (box := lonlat_extent(item.layer, self.context))]
        self.role_layers = {spec.key: spec.display_name() for spec in fixed}
        fields = {spec.key: spec.fields() for spec in fixed}
        self.inspector = ArrayInspector(DataRules.from_settings(cultivated_codes), fields, context=self.context)
        return fixed

    def sketch(
        self, geometry: QgsGeometry, crs: QgsCoordinateReferenceSystem, frame: CoordinateFrame, number: int
    ) -> Tuple[QgsGeometry, QgsCoordinateReferenceSystem]:
        """A sketch in the canvas CRS ``crs``, moved from a stated web-map frame to WGS 84 (``fixed``); with the
        frame not stated on a longitude/latitude or web-map canvas, one ``warning`` with the offset here."""
        name = sketches_name()
        geographic = crs.isGeographic() or crs.authid() == WEB_MERCATOR
        if frame in (CoordinateFrame.GCJ02, CoordinateFrame.BD09):
            moved, centre = to_true_frame(geometry, crs, frame, self.context)
            east, north = offset_m(frame, centre.x(), centre.y())
            message = tr("Sketch {} was converted from {} to WGS 84 (moved about {}).").format(
                number, frame_labels()[frame], shift_text(-east, -north)
            )
            self.add([DataFinding(name, number, DataKind.WEB_FRAME, DataSeverity.FIXED, message)])
            return moved, QgsCoordinateReferenceSystem(LONLAT)
        noted = any(f.layer == name and f.kind == DataKind.WEB_FRAME for f in self.findings)
        if frame == CoordinateFrame.UNSTATED and geographic and not noted:
            centre = lonlat_centre(geometry, crs, self.context)
            gcj, bd = offset_m(CoordinateFrame.GCJ02, *centre), offset_m(CoordinateFrame.BD09, *centre)
            message = tr(
                "Sketches are drawn on a map in {}. If it shows a Chinese web map they lie beside their true place: "
                "here about {} (GCJ-02: AMap, Tencent) or {} (BD-09: Baidu)."
            ).format(crs.authid(), shift_text(*gcj), shift_text(*bd))
            hint = tr("State the web map's coordinate frame in the panel before sketching.")
            self.add([DataFinding(name, None, DataKind.WEB_FRAME, DataSeverity.WARNING, message, hint)])
        return geometry, crs

    def chosen(self, layer: QgsVectorLayer, frame: CoordinateFrame) -> ChosenFeatures:
        """The selected features of ``layer`` after the source rules (CRS, geometry type, encoding, web-map
        frame, distance from the protected layers); raises DataCheckError on an error."""
        ids = sorted(layer.selectedFeatureIds())
        item = InputLayer(layer, tr("sites or routes"), (GEOMETRY_POLYGON, GEOMETRY_LINE), True, ids)
        stated = frame in (CoordinateFrame.GCJ02, CoordinateFrame.BD09)
        check = check_sources([item], self.context, CoordinateFrame.TRUE if stated else frame)
        findings = list(check.findings)
        read = check.layer_to_read(layer)
        if not check.errors:
            if stated:
                findings += frame_findings(read, frame, self.context, ids)[0]
            box = lonlat_extent(layer, self.context)
            if box is not None:
                findings += far_apart_findings((layer.name(), box), self._boxes)
        self.add(findings)
        raise_errors(findings)
        features = list(read.getFeatures(QgsFeatureRequest().setFilterFids(ids)))
        crs = read.crs()
        if stated:
            for feature in features:
                if drawn_shape(feature.geometry()) is not None:  # one GEOS cannot hold is refused as it is
                    feature.setGeometry(to_true_frame(feature.geometry(), crs, frame, self.context)[0])
            crs = QgsCoordinateReferenceSystem(LONLAT)
        return ChosenFeatures(layer.name(), crs, features)

    def warnings(self, subject_layers: Sequence[str]) -> DataWarnings:
        """The ``data_warnings`` of the alternatives."""
        return DataWarnings(self.findings, subject_layers, self.role_layers)


def drawn_shape(geometry: QgsGeometry):
    """The shapely geometry of a sketch or a chosen feature, as drawn; None when it has none or one GEOS cannot
    hold (a line of one vertex): the input check then refuses it as a feature without a usable geometry, as
    ``liaocheng:data_check`` and the checks do, instead of a GEOS error."""
    try:
        return from_qgis(geometry)
    except shapely.errors.GEOSException:
        return None


def lonlat_centre(
    geometry: QgsGeometry, crs: QgsCoordinateReferenceSystem, context: QgsCoordinateTransformContext
) -> Tuple[float, float]:
    """The centre of a geometry's box in longitude/latitude."""
    to_lonlat = QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem(LONLAT), context)
    centre = to_lonlat.transform(geometry.boundingBox().center())
    return centre.x(), centre.y()


def to_true_frame(
    geometry: QgsGeometry,
    crs: QgsCoordinateReferenceSystem,
    frame: CoordinateFrame,
    context: QgsCoordinateTransformContext,
):
    """(the geometry in WGS 84 longitude/latitude with the web-map frame's offset removed, its former centre)."""
    lonlat = QgsGeometry(geometry)
    lonlat.transform(QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem(LONLAT), context))
    centre = lonlat.boundingBox().center()
    moved = convert_geometries(np.array([from_qgis(lonlat)], dtype=object), frame)[0]
    return to_qgis(moved), centre
