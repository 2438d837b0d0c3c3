"""liaocheng:balance_check — 耕地进出平衡: outflow and inflow patches and each county's yearly balance."""

from typing import Dict, List, Sequence

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from liaocheng_plugin.core.balance import IN, OUT, BalanceRules, PatchResult, PatchSet, check_balance
from liaocheng_plugin.core.balance_fields import PatchFields
from liaocheng_plugin.core.balance_table import PATCH_COLUMNS, SUMMARY_COLUMNS, patch_values, summary_values
from liaocheng_plugin.core.compat import (
    GEOMETRY_POLYGON,
    NUMBER_DOUBLE,
    PARAMETER_ADVANCED,
    REQUEST_NO_GEOMETRY,
    SOURCE_VECTOR,
    SOURCE_VECTOR_POLYGON,
    WKB_MULTIPOLYGON,
    WKB_NO_GEOMETRY,
)
from liaocheng_plugin.core.engine import iterate_features
from liaocheng_plugin.core.export import as_fields
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.processing.check_algorithm import CheckAlgorithm, run_core
from liaocheng_plugin.processing.data_inputs import add_data_check_output, inspect_inputs, parameter_layer
from liaocheng_plugin.processing.output_layers import balance_outputs, describe_outputs
from liaocheng_plugin.processing.outputs import (
    Sinks,
    mapped_attributes,
    merged_fields,
    optional_sink,
    pieces_fields,
    report_measurement,
    subject_fields,
    warn_renamed,
    write_pieces,
)
from liaocheng_plugin.processing.protected_parameters import (
    add_protected_parameters,
    protected_help,
    read_area_mode,
    read_cultivated_codes,
    read_role_specs,
)


def detect_fields(source, given) -> PatchFields:
    """Detected fields, with the given names used where the layer has them."""
    present = {key: value for key, value in given.items() if value and source.fields().lookupField(value) >= 0}
    return PatchFields.detect(source.fields(), **present)


# Field-name parameters (advanced): empty means "detect from common names" in each patch layer.
FIELD_PARAMETERS = {
    "PATCH_ID_FIELD": "patch_id",
    "COUNTY_FIELD": "county",
    "TOWNSHIP_FIELD": "township",
    "YEAR_FIELD": "year",
    "QUALITY_FIELD": "quality",
    "METHOD_FIELD": "method",
    "EXEMPTION_FIELD": "exemption",
    "PAIRED_FIELD": "paired",
}


def field_parameter_labels():
    """Descriptions of the field-name parameters, translated (literal strings for pylupdate)."""
    return {
        "PATCH_ID_FIELD": tr("Patch number field (TBBH; detected when empty)"),
        "COUNTY_FIELD": tr("County code field (XZQDM; detected when empty)"),
        "TOWNSHIP_FIELD": tr("Township code field (XZDM; detected when empty)"),
        "YEAR_FIELD": tr("Year field (NF; detected when empty)"),
        "QUALITY_FIELD": tr("Quality grade field (GDDB, 1 best; detected when empty)"),
        "METHOD_FIELD": tr("Rectification method field (ZGFS; detected when empty)"),
        "EXEMPTION_FIELD": tr("Exemption reason field (detected when empty)"),
        "PAIRED_FIELD": tr("Paired outflow patches field (PDLCTBBH; detected when empty)"),
    }


class BalanceCheckAlgorithm(CheckAlgorithm):
    """Check outflow/inflow patches against the protected layers and balance each county and year."""

    NEEDS_PROTECTED_LAYERS = True

    OUTFLOW = "OUTFLOW"
    INFLOW = "INFLOW"
    INPUT = "INPUT"
    DIRECTION_FIELD = "DIRECTION_FIELD"
    BASELINE_TOLERANCE = "BASELINE_TOLERANCE"
    MIN_INFLOW_MU = "MIN_INFLOW_MU"
    OUTPUT = "OUTPUT"
    SUMMARY = "SUMMARY"
    OVERLAPS = "OVERLAPS"

    def name(self) -> str:
        return "balance_check"

    def displayName(self) -> str:
        return tr("Cultivated-land outflow and inflow balance")

    def shortHelpString(self) -> str:
        text = tr(
            "Checks cultivated-land outflow patches (fail on permanent basic farmland, warn where the baseline "
            "survey shows no cultivated land) and inflow patches (fail on land already cultivated, in the "
            "ecological red line, or overlapping another patch; warn inside the development boundary or below "
            "the minimum area), checks explicit pairings, and balances each county and year: outflow, restored, "
            "to balance, valid inflow, surplus or deficit in mu, area-weighted quality grade (1 best) and "
            "rectification progress. Give an outflow and an inflow layer, or one layer with a direction field."
        )
        return f"{text} {protected_help()}"

    def initAlgorithm(self, config=None):
        polygons = [SOURCE_VECTOR_POLYGON]
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.OUTFLOW, tr("Outflow patches"), polygons, optional=True)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.INFLOW, tr("Inflow patches"), polygons, optional=True)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, tr("Outflow and inflow patches in one layer"), polygons, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.DIRECTION_FIELD, tr("Direction field (流出/流入)"), None, self.INPUT, optional=True
            )
        )
        rules = BalanceRules()
        self.addParameter(
            QgsProcessingParameterNumber(
                self.BASELINE_TOLERANCE,
                tr("Cultivated share that counts as cultivated in the baseline (%)"),
                NUMBER_DOUBLE,
                rules.baseline_cultivated_pct,
                minValue=0,
                maxValue=100,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MIN_INFLOW_MU,
                tr("Minimum inflow patch (mu)"),
                NUMBER_DOUBLE,
                rules.min_inflow_mu,
                minValue=0,
            )
        )
        for name, label in field_parameter_labels().items():
            parameter = QgsProcessingParameterString(name, label, "", optional=True)
            parameter.setFlags(parameter.flags() | PARAMETER_ADVANCED)
            self.addParameter(parameter)
        add_protected_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Checked patches")))
        self.addParameter(optional_sink(self.SUMMARY, tr("Balance ledger"), SOURCE_VECTOR))
        self.addParameter(optional_sink(self.OVERLAPS, tr("Conflict pieces"), SOURCE_VECTOR_POLYGON))
        add_data_check_output(self)

    def checkParameterValues(self, parameters, context):  # noqa: N802 - QGIS API
        """Refuse to start without patches, before anything runs (and say so in the dialog)."""
        given = [name for name in (self.OUTFLOW, self.INFLOW, self.INPUT) if parameters.get(name)]
        if not given:
            return False, tr("Give an outflow layer, an inflow layer, or one layer with a direction field.")
        return super().checkParameterValues(parameters, context)

    def _sets(self, parameters, context):
        outflow, inflow = (parameter_layer(parameters, name, context) for name in (self.OUTFLOW, self.INFLOW))
        if outflow is not None and inflow is not None and outflow.id() == inflow.id():
            raise QgsProcessingException(
                tr(
                    "Layer “{}” is given as both the outflow and the inflow patches: every patch would count twice. "
                    "Give it once as INPUT, with its direction field (流出/流入)."
                ).format(outflow.name())
            )
        given = {field: self.parameterAsString(parameters, name, context) for name, field in FIELD_PARAMETERS.items()}
        sets = []
        for name, direction in ((self.OUTFLOW, OUT), (self.INFLOW, IN)):
            source = self.parameterAsSource(parameters, name, context)
            if source is not None:
                sets.append(PatchSet(source, detect_fields(source, given), direction))
        mixed = self.parameterAsSource(parameters, self.INPUT, context)
        if mixed is not None:
            direction_field = self.parameterAsString(parameters, self.DIRECTION_FIELD, context)
            fields = detect_fields(mixed, dict(given, direction=direction_field))
            if not fields.direction:
                raise QgsProcessingException(
                    tr("Layer “{}” needs a direction field (流出/流入) to tell outflow from inflow.").format(
                        mixed.sourceName()
                    )
                )
            sets.append(PatchSet(mixed, fields))
        if not sets:
            raise QgsProcessingException(
                tr("Give an outflow layer, an inflow layer, or one layer with a direction field.")
            )
        return sets

    def processAlgorithm(self, parameters, context, feedback):
        subjects = {name: (GEOMETRY_POLYGON,) for name in (self.OUTFLOW, self.INFLOW, self.INPUT)}
        inspected = inspect_inputs(self, parameters, context, feedback, subjects)
        parameters = inspected.parameters
        sets = self._sets(parameters, context)
        specs, _others = read_role_specs(self, parameters, context)
        rules = BalanceRules(
            baseline_cultivated_pct=self.parameterAsDouble(parameters, self.BASELINE_TOLERANCE, context),
            min_inflow_mu=self.parameterAsDouble(parameters, self.MIN_INFLOW_MU, context),
        )
        codes = read_cultivated_codes(self, parameters, context)
        report = run_core(
            lambda: check_balance(
                sets,
                specs,
                context.transformContext(),
                rules,
                read_area_mode(self, parameters, context),
                codes,
                feedback,
                inspected.inspector(specs, codes, context),
            )
        )
        if report is None:
            return {}
        inspected.add([issue for overlay in report.overlays for issue in overlay.issues], feedback)
        report_measurement(report.overlays[0], feedback)
        crs = report.overlays[0].working_crs
        sinks = Sinks(self, parameters, context)
        own = merged_fields([patch_set.source.fields() for patch_set in sets])
        fields, renamed = subject_fields(own, inspected.output_fields(as_fields(PATCH_COLUMNS)))
        warn_renamed(renamed, ", ".join(patch_set.source.sourceName() for patch_set in sets), feedback)
        sink = sinks.create(self.OUTPUT, fields, WKB_MULTIPOLYGON, crs)
        features = source_features(sets, report.patches)
        numbers = {}  # (layer, feature id) → subject_id: feature ids repeat across the patch layers
        for number, patch in enumerate(report.patches, start=1):
            numbers[(patch.set_index, patch.feature_id)] = number
            feature = QgsFeature(fields)
            geometry = QgsGeometry(patch.overlap.geometry)
            geometry.convertToMultiType()
            feature.setGeometry(geometry)
            source = features[patch.set_index].get(patch.feature_id)
            warnings = inspected.warnings_text(
                sets[patch.set_index].source.sourceName(), patch.feature_id, patch.overlap
            )
            feature.setAttributes(mapped_attributes(source, own) + patch_values(patch, number) + [warnings])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        summary_fields = as_fields(SUMMARY_COLUMNS)
        summary_sink = sinks.create(self.SUMMARY, summary_fields, WKB_NO_GEOMETRY)
        for row in report.rows if summary_sink is not None else []:
            feature = QgsFeature(summary_fields)
            feature.setAttributes(summary_values(row))
            summary_sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        pieces_sink = sinks.create(self.OVERLAPS, pieces_fields(), WKB_MULTIPOLYGON, crs)
        for index, overlay in enumerate(report.overlays):
            write_pieces(
                pieces_sink,
                overlay.subjects,
                lambda piece: piece.role in ("pbf", "erl"),
                lambda subject_id, index=index: numbers.get((index, subject_id), 0),
            )
        results = {**sinks.results, **inspected.write_table(self, parameters, context)}
        describe_outputs(results, context, balance_outputs())
        return results


def source_features(sets: Sequence[PatchSet], patches: Sequence[PatchResult]) -> List[Dict[int, QgsFeature]]:
    """The input feature of every checked patch, per patch layer (attributes only)."""
    wanted: List[List[int]] = [[] for _ in sets]
    for patch in patches:
        wanted[patch.set_index].append(patch.feature_id)
    features = []
    for patch_set, ids in zip(sets, wanted):
        request = QgsFeatureRequest().setFilterFids(ids).setFlags(REQUEST_NO_GEOMETRY)
        features.append({feature.id(): feature for feature in iterate_features(patch_set.source, request)})
    return features
