"""liaocheng:overlap_check — what of each subject lies on each protected layer."""

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsProcessingException,
    QgsProcessingParameterDistance,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
)

from liaocheng_plugin.core.compat import (
    GEOMETRY_LINE,
    GEOMETRY_POLYGON,
    SOURCE_VECTOR_LINE,
    SOURCE_VECTOR_POLYGON,
    WKB_MULTIPOLYGON,
)
from liaocheng_plugin.core.engine import iterate_features, run_overlay
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.overlap_table import overlap_fields, overlap_values
from liaocheng_plugin.processing.check_algorithm import CheckAlgorithm, run_core
from liaocheng_plugin.processing.data_inputs import add_data_check_output, inspect_inputs
from liaocheng_plugin.processing.output_layers import describe_outputs, overlap_outputs
from liaocheng_plugin.processing.outputs import (
    Sinks,
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

WRITE_BATCH = 10000  # features added to a sink at once


class OverlapCheckAlgorithm(CheckAlgorithm):
    """Overlay subjects on the protected layers and report areas in m², 亩 and %."""

    INPUT = "INPUT"
    BUFFER = "BUFFER"
    OUTPUT = "OUTPUT"
    OVERLAPS = "OVERLAPS"
    NEEDS_PROTECTED_LAYERS = True

    def name(self) -> str:
        return "overlap_check"

    def displayName(self) -> str:
        return tr("Overlap check against protected layers")

    def shortHelpString(self) -> str:
        text = tr(
            "For each subject (parcel, patch, site or route corridor) computes the area lying on permanent basic "
            "farmland, the ecological red line, the urban development boundary, cultivated land of the land-use "
            "survey (gross and net of the KCXS field-ridge deduction), villages and further layers, in m², mu and "
            "percent. Overlapping protected features are counted once. Invalid geometries are repaired and "
            "reported. Lines become corridors: buffered on each side by the “Buffer for lines (each side)”."
        )
        return f"{text} {protected_help()}"

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT,
                tr("Subjects (polygons or lines)"),
                [SOURCE_VECTOR_POLYGON, SOURCE_VECTOR_LINE],
            )
        )
        self.addParameter(
            QgsProcessingParameterDistance(
                self.BUFFER, tr("Buffer for lines (each side)"), 0.0, self.INPUT, minValue=0.0
            )
        )
        add_protected_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Overlap results")))
        self.addParameter(optional_sink(self.OVERLAPS, tr("Overlap pieces"), SOURCE_VECTOR_POLYGON))
        add_data_check_output(self)

    def processAlgorithm(self, parameters, context, feedback):
        subjects = {self.INPUT: (GEOMETRY_POLYGON, GEOMETRY_LINE)}
        inspected = inspect_inputs(self, parameters, context, feedback, subjects)
        parameters = inspected.parameters
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        specs, other_names = read_role_specs(self, parameters, context)
        area_mode = read_area_mode(self, parameters, context)
        codes = read_cultivated_codes(self, parameters, context)
        report = run_core(
            lambda: run_overlay(
                source,
                specs,
                context.transformContext(),
                area_mode,
                self.parameterAsDouble(parameters, self.BUFFER, context),
                codes,
                feedback,
                inspect=inspected.inspector(specs, codes, context),
            )
        )
        if report is None:
            return {}
        inspected.add(report.issues, feedback)
        report_measurement(report, feedback)
        role_keys = [spec.key for spec in specs]
        added = overlap_fields(role_keys)
        sinks = Sinks(self, parameters, context)
        fields, renamed = subject_fields(source.fields(), inspected.output_fields(added))
        warn_renamed(renamed, source.sourceName(), feedback)
        sink = sinks.create(self.OUTPUT, fields, source.wkbType(), source.sourceCrs())
        results = {result.subject_id: result for result in report.subjects}
        outputs = []
        for feature in iterate_features(source, QgsFeatureRequest()):
            result = results.get(feature.id())
            values = overlap_values(result, role_keys, other_names) if result else [None] * added.count()
            output = QgsFeature(fields)
            output.setGeometry(feature.geometry())
            warnings = inspected.warnings_text(source.sourceName(), feature.id(), result)
            output.setAttributes(feature.attributes() + values + [warnings])
            outputs.append(output)
            if len(outputs) == WRITE_BATCH:
                sink.addFeatures(outputs, QgsFeatureSink.Flag.FastInsert)
                outputs = []
        sink.addFeatures(outputs, QgsFeatureSink.Flag.FastInsert)
        write_pieces(
            sinks.create(self.OVERLAPS, pieces_fields(), WKB_MULTIPOLYGON, report.working_crs), report.subjects
        )
        results = {**sinks.results, **inspected.write_table(self, parameters, context)}
        describe_outputs(results, context, overlap_outputs(role_keys, other_names))
        return results
