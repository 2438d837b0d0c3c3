"""liaocheng:data_check — 数据体检: the input check of a subject layer and the protected layers, on its own."""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
)

from liaocheng_plugin.core.compat import (
    GEOMETRY_LINE,
    GEOMETRY_POLYGON,
    SOURCE_VECTOR,
    SOURCE_VECTOR_LINE,
    SOURCE_VECTOR_POLYGON,
)
from liaocheng_plugin.core.datacheck.data_check import check_data
from liaocheng_plugin.core.datacheck.findings import DataSeverity
from liaocheng_plugin.core.datacheck.inspector import DataRules
from liaocheng_plugin.core.datacheck.web_frames import CoordinateFrame
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.output_fields import data_check_headers, describe
from liaocheng_plugin.processing.check_algorithm import CheckAlgorithm, run_core
from liaocheng_plugin.processing.data_inputs import COORDINATE_FRAME, input_layers, write_findings
from liaocheng_plugin.processing.output_layers import describe_outputs
from liaocheng_plugin.processing.protected_parameters import add_protected_parameters, read_cultivated_codes


class DataCheckAlgorithm(CheckAlgorithm):
    """Check the inputs of a check (CRS, codes, KCXS, encodings, geometries …) and list what was found."""

    INPUT = "INPUT"
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "data_check"

    def displayName(self) -> str:
        return tr("Data check (数据体检)")

    def shortHelpString(self) -> str:
        return tr(
            "Checks a subject layer (optional) and the protected layers the way every check does before it "
            "runs, and lists every finding instead of stopping: CRS (unit, area of use, zone prefix, swapped "
            "axes, layers far apart), geometry types, shapefile text encodings, web-map frames (GCJ-02, BD-09), "
            "land-use codes (lost leading zeros, unknown codes), KCXS (percentages, out of range), TBMJ/TBDLMJ "
            "against the computed ellipsoidal area, features without geometry or area, overlapping survey "
            "patches. The findings table has one row per finding: layer, feature (empty for the whole layer), "
            "rule, severity (error: a check would stop; warning: carried into the results; fixed: read the one "
            "safe way, the data are not changed), finding and what to do."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, tr("Subjects (optional)"), [SOURCE_VECTOR_POLYGON, SOURCE_VECTOR_LINE], optional=True
            )
        )
        add_protected_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Data check findings"), SOURCE_VECTOR))

    def processAlgorithm(self, parameters, context, feedback):
        subjects = {self.INPUT: (GEOMETRY_POLYGON, GEOMETRY_LINE)}
        layers = [item for items in input_layers(self, parameters, context, subjects).values() for item in items]
        if not layers:
            raise QgsProcessingException(
                tr(
                    "No layer to check: give the subjects, a protected layer, or both "
                    "(the data check reads nothing else)."
                )
            )
        frame = CoordinateFrame(self.parameterAsEnum(parameters, COORDINATE_FRAME, context))
        rules = DataRules.from_settings(read_cultivated_codes(self, parameters, context))
        findings = run_core(lambda: check_data(layers, context.transformContext(), frame, rules, feedback))
        if findings is None:
            return {}
        counts = {severity: sum(1 for f in findings if f.severity == severity) for severity in DataSeverity}
        feedback.pushInfo(
            tr("Data check of {} layers: {} errors, {} warnings, {} fixed.").format(
                len(layers), counts[DataSeverity.ERROR], counts[DataSeverity.WARNING], counts[DataSeverity.FIXED]
            )
        )
        results = write_findings(self, parameters, context, self.OUTPUT, findings)
        describe_outputs(results, context, {self.OUTPUT: describe(data_check_headers())})
        return results
