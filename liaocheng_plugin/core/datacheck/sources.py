"""The input check of a check's layers before any feature is read: CRS, geometry type, text encoding, web-map
frame, and whether the subjects lie where the protected layers are. Fixes are fresh layers read instead of
the user's (never modified)."""

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Set, Tuple

from qgis.core import QgsCoordinateTransformContext, QgsRectangle, QgsVectorLayer

from liaocheng_plugin.core.compat import GEOMETRY_POINT, GEOMETRY_POLYGON
from liaocheng_plugin.core.datacheck.crs_rules import crs_findings, crs_label
from liaocheng_plugin.core.datacheck.datum_rules import datum_findings
from liaocheng_plugin.core.datacheck.encoding import encoding_findings
from liaocheng_plugin.core.datacheck.findings import DataCheckError, DataFinding, DataKind, DataSeverity
from liaocheng_plugin.core.datacheck.layer_rules import (
    empty_layer_findings,
    far_apart_findings,
    geometry_type_findings,
    lonlat_extent,
    missing_geometry_findings,
    out_of_reach_findings,
)
from liaocheng_plugin.core.datacheck.web_frames import CoordinateFrame, converted_layer, frame_labels, offset_m
from liaocheng_plugin.core.definitions import Role
from liaocheng_plugin.core.engine.spec import RoleSpec
from liaocheng_plugin.core.i18n import tr


@dataclass
class InputLayer:
    """A layer a check reads: its role in words (for messages), the geometry types the role can use, and
    whether it is a subject (checked) rather than a protected layer (checked against)."""

    layer: QgsVectorLayer
    role_label: str
    allowed: Sequence[object]
    subject: bool = False
    feature_ids: Optional[Sequence[int]] = None  # the only features checked (selected only), None for all
    key: str = "subject"  # the role value of a protected layer, "subject" for subjects
    columns: Dict[str, str] = field(default_factory=dict)  # column meaning (COLUMN_*) → the layer's field
    empty_consequence: str = ""  # what the layer without features would do in its role (default: no conflict)

    @property
    def name(self) -> str:
        return self.layer.name()


@dataclass
class SourceCheck:
    """What the check of the sources found, and the layers to read instead of the user's (by layer id)."""

    findings: List[DataFinding] = field(default_factory=list)
    replacements: Dict[str, QgsVectorLayer] = field(default_factory=dict)
    copied: Set[str] = field(default_factory=set)  # ids of layers replaced by a copy of only their checked features

    @property
    def errors(self) -> List[DataFinding]:
        return [finding for finding in self.findings if finding.severity == DataSeverity.ERROR]

    def raise_errors(self) -> None:
        """Stop the check (DataCheckError, a LiaochengError) when anything is an error."""
        raise_errors(self.findings)

    def layer_to_read(self, layer: QgsVectorLayer) -> QgsVectorLayer:
        """The layer a check reads for ``layer``: a fixed copy, or the layer itself."""
        return self.replacements.get(layer.id(), layer)


def protected_role_labels() -> Dict[str, str]:
    """What each protected role (by its value, the role key) is called in messages, translated."""
    return {
        Role.PERMANENT_FARMLAND.value: tr("permanent basic farmland"),
        Role.ECOLOGICAL_REDLINE.value: tr("ecological red line"),
        Role.DEVELOPMENT_BOUNDARY.value: tr("urban development boundary"),
        Role.LAND_SURVEY.value: tr("land-use survey (DLTB)"),
        Role.VILLAGES.value: tr("villages"),
        Role.MINERALS.value: tr("mineral resources"),
    }


def role_geometry_types(key: str) -> Tuple[object, ...]:
    """The geometry types a protected role can use: polygons; villages may be points."""
    return (GEOMETRY_POLYGON, GEOMETRY_POINT) if key == Role.VILLAGES.value else (GEOMETRY_POLYGON,)


def protected_inputs(specs: Sequence[RoleSpec]) -> List[InputLayer]:
    """The protected layers of role specs (those that are layers) as the source rules see them."""
    labels = protected_role_labels()
    items = []
    for spec in specs:
        layer = spec.layer if spec.layer is not None else spec.source
        if isinstance(layer, QgsVectorLayer):
            label = labels.get(spec.key, tr("a further overlay layer"))
            items.append(InputLayer(layer, label, role_geometry_types(spec.key), key=spec.key, columns=spec.fields()))
    return items


def raise_errors(findings: Sequence[DataFinding]) -> None:
    """Raise DataCheckError with every error finding, errors first; nothing when there is none."""
    errors = [finding for finding in findings if finding.severity == DataSeverity.ERROR]
    if errors:
        raise DataCheckError(errors)


def frame_findings(
    layer: QgsVectorLayer,
    frame: CoordinateFrame,
    context: QgsCoordinateTransformContext,
    feature_ids: Optional[Sequence[int]] = None,
) -> Tuple[List[DataFinding], Optional[QgsVectorLayer]]:
    """The web-map frame of a subject layer: a memory copy of its features (only ``feature_ids`` when given)
    converted to WGS 84 when a frame is stated (``fixed``), a ``warning`` with the offset here when a lon/lat
    layer's frame is not stated, an ``error`` when a frame is stated for a projected layer."""
    name, crs = layer.name(), layer.crs()
    if frame == CoordinateFrame.TRUE or (frame == CoordinateFrame.UNSTATED and not crs.isGeographic()):
        return [], None
    centre = _centre(layer, context)
    if frame == CoordinateFrame.UNSTATED:
        if centre is None:
            return [], None
        gcj_east, gcj_north = offset_m(CoordinateFrame.GCJ02, centre.x(), centre.y())
        bd_east, bd_north = offset_m(CoordinateFrame.BD09, centre.x(), centre.y())
        message = tr(
            "Layer “{}” is in longitude/latitude ({}). If it was drawn on a Chinese web map it lies beside its true "
            "place: here about {} (GCJ-02: AMap, Tencent) or {} (BD-09: Baidu)."
        ).format(name, crs.authid(), shift_text(gcj_east, gcj_north), shift_text(bd_east, bd_north))
        hint = tr("State its coordinate frame (parameter COORDINATE_FRAME, or the choice in the panel).")
        return [DataFinding(name, None, DataKind.WEB_FRAME, DataSeverity.WARNING, message, hint)], None
    label = frame_labels()[frame]
    if not crs.isGeographic():
        message = tr("Layer “{}” is in {}: the frame {} applies only to longitude/latitude layers.").format(
            name, crs_label(crs), label
        )
        hint = tr("Choose “WGS 84 / CGCS2000” or “Not stated” for a projected layer.")
        return [DataFinding(name, None, DataKind.WEB_FRAME, DataSeverity.ERROR, message, hint)], None
    converted = converted_layer(layer, name, frame, feature_ids)
    east, north = offset_m(frame, centre.x(), centre.y()) if centre is not None else (0.0, 0.0)
    message = tr("Layer “{}” was converted from {} to WGS 84 (moved about {}).").format(
        name, label, shift_text(-east, -north)
    )
    return [DataFinding(name, None, DataKind.WEB_FRAME, DataSeverity.FIXED, message)], converted


def shift_text(east_m: float, north_m: float) -> str:
    """ "520 m east and 30 m south" for a shift of +520 m east, −30 m north."""
    east = tr("{:.0f} m east") if east_m >= 0 else tr("{:.0f} m west")
    north = tr("{:.0f} m north") if north_m >= 0 else tr("{:.0f} m south")
    return tr("{} and {}").format(east.format(abs(east_m)), north.format(abs(north_m)))


def _centre(layer: QgsVectorLayer, context: QgsCoordinateTransformContext):
    box = lonlat_extent(layer, context)
    return box.center() if box is not None else None


def check_sources(
    layers: Sequence[InputLayer],
    context: QgsCoordinateTransformContext,
    frame: CoordinateFrame = CoordinateFrame.UNSTATED,
) -> SourceCheck:
    """Check every input layer of a check before it is read (metadata, extent and, for shapefiles, the .dbf).

    Per layer: CRS (crs_rules), geometry type for its role, text encoding (shapefiles), the web-map frame of
    subjects, a protected layer without features; then across layers: datums QGIS can only convert roughly
    (datum_rules), whether each subject layer lies within reach of a protected layer and each protected
    layer within reach of the subjects. Errors are findings here: ``SourceCheck.raise_errors`` stops a
    check, ``liaocheng:data_check`` lists them.
    """
    result = SourceCheck()
    extents: Dict[str, Tuple[InputLayer, Optional[QgsRectangle]]] = {}
    for item in layers:
        layer, name = item.layer, item.name
        findings = geometry_type_findings(layer, name, item.role_label, item.allowed)
        crs_problems = crs_findings(layer, name, context)
        findings += crs_problems
        fixed, replacement = encoding_findings(layer, name)
        findings += fixed
        if replacement is not None:
            result.replacements[layer.id()] = replacement
        if item.subject and not crs_problems:
            framed, converted = frame_findings(result.layer_to_read(layer), frame, context, item.feature_ids)
            findings += framed
            if converted is not None:
                result.replacements[layer.id()] = converted
                result.copied.add(layer.id())
        if not item.subject and not crs_problems:
            findings += empty_layer_findings(layer, name, item.role_label, item.empty_consequence)
            findings += missing_geometry_findings(result.layer_to_read(layer), name)
        result.findings += findings
        if not crs_problems:
            extents[layer.id()] = (item, lonlat_extent(result.layer_to_read(layer), context))
    ordered = sorted(extents.values(), key=lambda pair: not pair[0].subject)
    result.findings += datum_findings([(item.name, item.layer.crs()) for item, _ in ordered], context)
    protected = [(item.name, box) for item, box in extents.values() if not item.subject and box is not None]
    subjects = [(item.name, box) for item, box in extents.values() if item.subject and box is not None]
    unreachable = []
    for subject in subjects:
        unreachable += far_apart_findings(subject, protected)
    result.findings += unreachable
    if subjects and not unreachable:
        for layer_box in protected:
            result.findings += out_of_reach_findings(layer_box, subjects)
    return result
