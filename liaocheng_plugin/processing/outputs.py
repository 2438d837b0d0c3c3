"""Outputs every check algorithm shares: optional sinks, the subjects' own fields, the overlap pieces and the
report of repaired geometries."""

from typing import Callable, Dict, Iterable, List, Optional, Sequence, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
)

from liaocheng_plugin.core.compat import FIELD_STRING, PARAMETER_OPTIONAL, SOURCE_VECTOR_ANY
from liaocheng_plugin.core.conflict_pieces import piece_values, pieces_fields
from liaocheng_plugin.core.engine.convert import qgis_from_wkb_many
from liaocheng_plugin.core.engine.results import OverlapPiece, OverlayReport, SubjectOverlap
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.values import as_text, is_null


def report_measurement(report: OverlayReport, feedback) -> None:
    """Tell the user how areas were measured and in which CRS (what was repaired or skipped is in the input
    check's findings: the log, DATA_CHECK and ``data_warnings``)."""
    feedback.pushInfo(tr("Areas are {}; working CRS {}.").format(report.area_note, report.working_crs.authid()))
    if report.engine_note:
        feedback.pushInfo(report.engine_note)


def optional_sink(name: str, description: str, kind=SOURCE_VECTOR_ANY) -> QgsProcessingParameterFeatureSink:
    """A secondary output: optional for scripts and models, created by default in the dialog (as QGIS's own)."""
    return QgsProcessingParameterFeatureSink(name, description, kind, None, True, True)


class Sinks:
    """The sinks of one run; ``results`` names those created (an optional output not asked for is skipped)."""

    def __init__(self, algorithm: QgsProcessingAlgorithm, parameters: dict, context: QgsProcessingContext):
        self.algorithm = algorithm
        self.parameters = parameters
        self.context = context
        self.results: Dict[str, str] = {}

    def create(
        self, name: str, fields: QgsFields, wkb_type, crs: Optional[QgsCoordinateReferenceSystem] = None
    ) -> Optional[QgsFeatureSink]:
        """The sink of output ``name``; None for an optional output that was not asked for."""
        sink, destination = self.algorithm.parameterAsSink(
            self.parameters, name, self.context, fields, wkb_type, crs or QgsCoordinateReferenceSystem()
        )
        definition = self.algorithm.parameterDefinition(name)
        if sink is None and not definition.flags() & PARAMETER_OPTIONAL:
            raise QgsProcessingException(self.algorithm.invalidSinkError(self.parameters, name))
        if sink is not None:
            self.results[name] = destination
        return sink


def subject_fields(source_fields: QgsFields, added: QgsFields) -> Tuple[QgsFields, Dict[str, str]]:
    """The subject's own fields followed by the check's; an own field whose name the check uses (compared
    case-insensitively, as QGIS looks fields up) is kept under a free name, returned in ``renamed``.

    The check's fields keep their names: panels, ledgers and sheets read them by name, and a subject's own
    "AREA_MU" read as the check's "area_mu" would put the wrong 亩 on a sheet.
    """
    taken = {field.name().lower() for field in added}
    fields = QgsFields()
    renamed: Dict[str, str] = {}
    for field in source_fields:
        name = field.name()
        if name.lower() in taken:
            number = 1
            while f"{name}_{number}".lower() in taken:
                number += 1
            renamed[name] = f"{name}_{number}"
            field = QgsField(field)
            field.setName(renamed[name])
        taken.add(field.name().lower())
        fields.append(field)
    for field in added:
        fields.append(field)
    return fields, renamed


def merged_fields(field_sets: Sequence[QgsFields]) -> QgsFields:
    """The union of several layers' fields by name (first layer first), as text where their types differ;
    GeoPackage ``fid`` columns are left out (row ids of each file, they would clash)."""
    merged: List[QgsField] = []
    for source_fields in field_sets:
        for field in source_fields:
            name = field.name()
            same = [position for position, kept in enumerate(merged) if kept.name().lower() == name.lower()]
            if name.lower() == "fid":
                continue
            if not same:
                merged.append(QgsField(field))
            elif merged[same[0]].type() != field.type():
                merged[same[0]] = QgsField(merged[same[0]].name(), FIELD_STRING)
    fields = QgsFields()
    for field in merged:
        fields.append(field)
    return fields


def mapped_attributes(feature: Optional[QgsFeature], target: QgsFields) -> List[object]:
    """A feature's attributes placed by field name into ``target`` (None where it has no such field)."""
    if feature is None:
        return [None] * target.count()
    source = feature.fields()
    attributes = feature.attributes()
    values = []
    for field in target:
        index = source.lookupField(field.name())
        if index < 0:
            values.append(None)
            continue
        value = attributes[index]
        if field.type() == FIELD_STRING and source.at(index).type() != FIELD_STRING:
            value = None if is_null(value) else as_text(value)  # the field's type differs between the layers
        values.append(value)
    return values


def warn_renamed(renamed: Dict[str, str], layer_name: str, feedback) -> None:
    """Say which of the subject's own fields were kept under another name."""
    for old, new in renamed.items():
        feedback.pushWarning(
            tr("Field “{}” of “{}” is kept as “{}”: the check writes a field of that name.").format(
                old, layer_name, new
            )
        )


PieceFilter = Optional[Callable[[OverlapPiece], bool]]


def write_pieces(
    sink: Optional[QgsFeatureSink],
    subjects: Iterable[SubjectOverlap],
    keep: PieceFilter = None,
    subject_id: Callable[[int], int] = int,
) -> None:
    """Write every polygon piece of the subjects (those ``keep`` accepts, when given) to ``sink`` (if any),
    each under ``subject_id(overlap subject id)``; geometries made from the pieces' WKB in one pass."""
    if sink is None:
        return
    fields = pieces_fields()
    rows = [
        (subject_id(result.subject_id), piece)
        for result in subjects
        for overlap in result.roles.values()
        for piece in overlap.pieces
        if piece.is_polygon and (keep is None or keep(piece))
    ]
    geometries = qgis_from_wkb_many([piece.wkb for _, piece in rows], multi=True)
    features = []
    for (written_id, piece), geometry in zip(rows, geometries):
        row = QgsFeature(fields)
        row.setGeometry(geometry)
        row.setAttributes(piece_values(written_id, piece))
        features.append(row)
    sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert)


def write_piece(sink: QgsFeatureSink, fields: QgsFields, subject_id: int, piece: OverlapPiece) -> None:
    """One row of the OVERLAPS output (``fields`` from pieces_fields(), made once per run)."""
    geometry = QgsGeometry(piece.geometry)
    geometry.convertToMultiType()
    row = QgsFeature(fields)
    row.setGeometry(geometry)
    row.setAttributes(piece_values(subject_id, piece))
    sink.addFeature(row, QgsFeatureSink.Flag.FastInsert)
