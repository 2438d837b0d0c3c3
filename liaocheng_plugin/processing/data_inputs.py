"""The input check (数据体检) in every check algorithm: COORDINATE_FRAME, the sources checked before they are
read (errors stop the check, fixes are read instead of the user's layers), DATA_CHECK and ``data_warnings``."""

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence

from qgis.core import (
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingUtils,
    QgsProperty,
    QgsVectorLayer,
)

from liaocheng_plugin.core.compat import (
    FIELD_STRING,
    GEOMETRY_POLYGON,
    SOURCE_VECTOR,
    WKB_NO_GEOMETRY,
)
from liaocheng_plugin.core.datacheck.data_check import distinct_findings
from liaocheng_plugin.core.datacheck.findings import DataCheckError, DataFinding, DataSeverity
from liaocheng_plugin.core.datacheck.inspector import ArrayInspector, DataRules
from liaocheng_plugin.core.datacheck.report import (
    DATA_WARNINGS_FIELD,
    FINDING_COLUMNS,
    DataWarnings,
    finding_feature,
    sorted_findings,
)
from liaocheng_plugin.core.datacheck.sources import (
    InputLayer,
    SourceCheck,
    check_sources,
    protected_role_labels,
    role_geometry_types,
)
from liaocheng_plugin.core.datacheck.web_frames import CoordinateFrame, frame_labels
from liaocheng_plugin.core.definitions import (
    COORDINATE_FRAME_PARAMETER,
    DATA_CHECK_OUTPUT,
    DEDUCTION_FIELD_PARAMETER,
    LAND_CODE_FIELD_PARAMETER,
    OTHER_LAYERS_PARAMETER,
    ROLE_PARAMETERS,
    Role,
)
from liaocheng_plugin.core.engine.arrays import COLUMN_CODE, COLUMN_DEDUCTION
from liaocheng_plugin.core.engine.dependency import missing_dependency
from liaocheng_plugin.core.engine.spec import RoleSpec
from liaocheng_plugin.core.export import as_fields
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.role_guess import guess_deduction_field, guess_land_code_field, recorded_area_columns
from liaocheng_plugin.processing.outputs import optional_sink

COORDINATE_FRAME = COORDINATE_FRAME_PARAMETER
DATA_CHECK = DATA_CHECK_OUTPUT
MAX_REPORTED = 50


def add_frame_parameter(algorithm: QgsProcessingAlgorithm) -> None:
    """COORDINATE_FRAME: the web-map frame of longitude/latitude subject layers (converted to WGS 84)."""
    algorithm.addParameter(
        QgsProcessingParameterEnum(
            COORDINATE_FRAME,
            tr("Coordinate frame of longitude/latitude subjects"),
            list(frame_labels()),
            defaultValue=CoordinateFrame.UNSTATED.value,
        )
    )


def add_data_check_output(algorithm: QgsProcessingAlgorithm) -> None:
    """DATA_CHECK: the findings of the input check as a table (also the 数据体检 sheet of the ledgers)."""
    algorithm.addParameter(optional_sink(DATA_CHECK, tr("Data check (数据体检)"), SOURCE_VECTOR))


def parameter_layer(parameters: dict, name: str, context: QgsProcessingContext) -> Optional[QgsVectorLayer]:
    """The vector layer a layer parameter names (a layer, its id, a path, or a feature-source definition)."""
    value = parameters.get(name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source
    if isinstance(value, QgsProperty):
        value = value.staticValue()
    if isinstance(value, QgsVectorLayer):
        return value
    if value is None or value == "":
        return None
    layer = QgsProcessingUtils.mapLayerFromString(str(value), context)
    return layer if isinstance(layer, QgsVectorLayer) else None


def input_layers(
    algorithm: QgsProcessingAlgorithm,
    parameters: dict,
    context: QgsProcessingContext,
    subjects: Dict[str, Sequence[object]],
    zones: Sequence[str] = (),
) -> Dict[str, List[InputLayer]]:
    """The layers of an algorithm's parameters, by parameter name: ``subjects`` (parameter → allowed geometry
    types), the protected roles, further overlays and ``zones`` (polygon layers such as grids)."""
    found: Dict[str, List[InputLayer]] = {}
    for name, allowed in subjects.items():
        layer = parameter_layer(parameters, name, context)
        if layer is not None:
            value = parameters.get(name)
            selected = isinstance(value, QgsProcessingFeatureSourceDefinition) and value.selectedFeaturesOnly
            chosen = layer.selectedFeatureIds() if selected else None
            found[name] = [InputLayer(layer, tr("subjects"), allowed, True, chosen)]
    labels = protected_role_labels()
    for role, name in ROLE_PARAMETERS.items():
        layer = parameter_layer(parameters, name, context)
        if layer is not None:
            allowed = role_geometry_types(role.value)
            columns = survey_columns(algorithm, parameters, context, layer) if role == Role.LAND_SURVEY else {}
            found[name] = [InputLayer(layer, labels[role.value], allowed, key=role.value, columns=columns)]
    for name in zones:
        layer = parameter_layer(parameters, name, context)
        if layer is not None:
            found[name] = [InputLayer(layer, tr("zones"), (GEOMETRY_POLYGON,), key=name.lower())]
    others = [
        layer
        for layer in algorithm.parameterAsLayerList(parameters, OTHER_LAYERS_PARAMETER, context)
        if isinstance(layer, QgsVectorLayer)
    ]
    if others:
        found[OTHER_LAYERS_PARAMETER] = [
            InputLayer(layer, tr("a further overlay layer"), (GEOMETRY_POLYGON,), key=f"other{position + 1}")
            for position, layer in enumerate(others)
        ]
    return found


def survey_columns(
    algorithm: QgsProcessingAlgorithm, parameters: dict, context: QgsProcessingContext, layer: QgsVectorLayer
) -> Dict[str, str]:
    """The survey's fields by meaning: DLBM and KCXS as given (else found), TBMJ and TBDLMJ when present."""
    fields = layer.fields()
    given_code = algorithm.parameterAsString(parameters, LAND_CODE_FIELD_PARAMETER, context)
    given_deduction = algorithm.parameterAsString(parameters, DEDUCTION_FIELD_PARAMETER, context)
    columns = {
        COLUMN_CODE: given_code or guess_land_code_field(fields),
        COLUMN_DEDUCTION: given_deduction or guess_deduction_field(fields),
        **recorded_area_columns(fields),
    }
    return {column: name for column, name in columns.items() if name and fields.lookupField(name) >= 0}


def replaced_parameters(
    parameters: dict, layers: Dict[str, List[InputLayer]], check: SourceCheck, context: QgsProcessingContext
) -> dict:
    """The parameters with every fixed layer in place of the user's (kept in the context's temporary store)."""
    result = dict(parameters)
    for name, items in layers.items():
        values = []
        for item in items:
            replacement = check.replacements.get(item.layer.id())
            if replacement is None:
                values.append(item.layer)
                continue
            context.temporaryLayerStore().addMapLayer(replacement)
            original = parameters.get(name)
            selected = isinstance(original, QgsProcessingFeatureSourceDefinition) and original.selectedFeaturesOnly
            if selected and item.layer.id() not in check.copied:
                replacement.selectByIds(item.layer.selectedFeatureIds())
                values.append(
                    QgsProcessingFeatureSourceDefinition(
                        replacement.id(), True, original.featureLimit, original.flags, original.geometryCheck
                    )
                )
            else:
                values.append(replacement.id())
        if name == OTHER_LAYERS_PARAMETER:
            result[name] = [value.id() if isinstance(value, QgsVectorLayer) else value for value in values]
        elif any(item.layer.id() in check.replacements for item in items):
            result[name] = values[0]
    return result


@dataclass
class InspectedInputs:
    """The input check of one run: parameters to read, every finding (the sources', then the engine's and the
    array rules'), the subjects' layer names and the ``data_warnings`` of each subject."""

    parameters: dict
    findings: List[DataFinding]
    subject_layers: List[str] = field(default_factory=list)
    role_layers: Dict[str, str] = field(default_factory=dict)  # role key → layer name, set by ``inspector``

    def __post_init__(self):
        self.warnings = DataWarnings(self.findings, self.subject_layers)

    def inspector(
        self, specs: Sequence[RoleSpec], cultivated_codes: Sequence[str], context: QgsProcessingContext
    ) -> ArrayInspector:
        """The array rules for the engine's ``inspect`` hook, with the fields each role reads (for messages)."""
        self.role_layers = {spec.key: spec.display_name() for spec in specs}
        fields = {spec.key: spec.fields() for spec in specs}
        rules = DataRules.from_settings(cultivated_codes)
        return ArrayInspector(rules, fields, context=context.transformContext())

    def add(self, findings: Sequence[DataFinding], feedback) -> None:
        """Take in what the run found (repairs, skipped features, the array rules) and say it in the log."""
        fresh = distinct_findings(list(findings))
        report_findings(fresh, feedback)
        self.findings = distinct_findings(self.findings + fresh)
        self.warnings = DataWarnings(self.findings, self.subject_layers, self.role_layers)

    def output_fields(self, fields: QgsFields) -> QgsFields:
        """``fields`` with ``data_warnings`` appended."""
        result = QgsFields(fields)
        result.append(QgsField(DATA_WARNINGS_FIELD, FIELD_STRING))
        return result

    def warnings_text(self, layer_name: str, feature_id: int, overlap=None) -> Optional[str]:
        """The ``data_warnings`` value of one subject (``overlap``, its SubjectOverlap, names what it meets)."""
        return self.warnings.text_for(layer_name, feature_id, overlap)

    def write_table(self, algorithm: QgsProcessingAlgorithm, parameters: dict, context: QgsProcessingContext) -> dict:
        """Write the findings to DATA_CHECK when it is wanted; the outputs dict entry."""
        return write_findings(algorithm, parameters, context, DATA_CHECK, self.findings)


def write_findings(
    algorithm: QgsProcessingAlgorithm,
    parameters: dict,
    context: QgsProcessingContext,
    name: str,
    findings: Sequence[DataFinding],
) -> dict:
    """Write findings as a table to the sink ``name``; {name: id}, or {} when the sink is not wanted."""
    fields = as_fields(FINDING_COLUMNS)
    sink, sink_id = algorithm.parameterAsSink(parameters, name, context, fields, WKB_NO_GEOMETRY)
    if sink is None:
        return {}
    for finding in sorted_findings(findings):
        sink.addFeature(finding_feature(fields, finding), QgsFeatureSink.Flag.FastInsert)
    return {name: sink_id}


def report_findings(findings: Sequence[DataFinding], feedback) -> None:
    """Say in the Processing log what the input check fixed and warns about (errors stop the check)."""
    shown = [finding for finding in sorted_findings(findings) if finding.severity != DataSeverity.ERROR]
    for finding in shown[:MAX_REPORTED]:
        text = finding.message + (f" {finding.hint}" if finding.hint else "")
        if finding.severity == DataSeverity.WARNING:
            feedback.pushWarning(tr("Data check: {}").format(text))
        else:
            feedback.pushInfo(tr("Data check: {}").format(text))
    if len(shown) > MAX_REPORTED:
        feedback.pushInfo(
            tr("Data check: … and {} more findings (see the data check table).").format(len(shown) - MAX_REPORTED)
        )


def inspect_inputs(
    algorithm: QgsProcessingAlgorithm,
    parameters: dict,
    context: QgsProcessingContext,
    feedback,
    subjects: Dict[str, Sequence[object]],
    zones: Sequence[str] = (),
) -> InspectedInputs:
    """Run the input check on an algorithm's layers before they are read.

    Raises QgsProcessingException naming layer, field and feature when anything is an error; otherwise
    reports fixes and warnings and returns the parameters to read (fixed layers in place of the user's).
    """
    missing = missing_dependency()
    if missing:  # the input check works on shapely arrays too: say what to install before anything is read
        raise QgsProcessingException(missing)
    layers = input_layers(algorithm, parameters, context, subjects, zones)
    frame = CoordinateFrame.UNSTATED
    if algorithm.parameterDefinition(COORDINATE_FRAME) is not None:
        frame = CoordinateFrame(algorithm.parameterAsEnum(parameters, COORDINATE_FRAME, context))
    check = check_sources([item for items in layers.values() for item in items], context.transformContext(), frame)
    if check.errors:
        raise QgsProcessingException(str(DataCheckError(sorted_findings(check.errors))))
    report_findings(check.findings, feedback)
    subject_names = [item.name for name in subjects for item in layers.get(name, [])]
    return InspectedInputs(replaced_parameters(parameters, layers, check, context), check.findings, subject_names)
