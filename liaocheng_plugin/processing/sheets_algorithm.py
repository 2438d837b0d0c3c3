"""liaocheng:export_sheets — map sheets (出图): a check's result layer in, one PDF page per subject out."""

from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
)

from liaocheng_plugin.core.compat import SOURCE_VECTOR_ANY
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.sheets import TEMPLATES, export_sheets, layer_sets, overview_layers, template_labels
from liaocheng_plugin.processing.check_algorithm import CheckAlgorithm, run_core
from liaocheng_plugin.processing.result_inputs import read_result_layer, result_layer_parameter


class ExportSheetsAlgorithm(CheckAlgorithm):
    """Export one map sheet per subject of a result layer (an atlas) to one PDF."""

    INPUT = "INPUT"
    TEMPLATE = "TEMPLATE"
    CUSTOM_TEMPLATE = "CUSTOM_TEMPLATE"
    TITLE = "TITLE"
    OVERVIEW_LAYERS = "OVERVIEW_LAYERS"
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "export_sheets"

    def displayName(self) -> str:
        return tr("Export map sheets")

    def shortHelpString(self) -> str:
        return tr(
            "Exports one map sheet per subject of a check's result layer (the layer a check writes, not its input) "
            "to one PDF, or only the selected subjects with “Selected features only”: title (by default named after "
            "the check), map of the subject in its check's colours over the protected layers of the project's "
            "profile, legend of what is on the map, scale bar, north arrow, CRS note, overview map (the overview "
            "layers, by default the project's county boundaries, with the subject marked), results table and "
            "sign-off block. Paper A4 or A3, landscape or portrait, or a print-layout template of your own: it "
            "needs a map item with the id “map”; items with the ids title, overview, legend, table, crs and signoff "
            "are filled when present."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(result_layer_parameter(self.INPUT))
        labels = template_labels()
        self.addParameter(
            QgsProcessingParameterEnum(self.TEMPLATE, tr("Paper"), [labels[name] for name in TEMPLATES], defaultValue=0)
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.CUSTOM_TEMPLATE,
                tr("Own print-layout template (.qpt, instead of the paper above)"),
                extension="qpt",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(self.TITLE, tr("Title (empty: named after the check)"), "", optional=True)
        )
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.OVERVIEW_LAYERS,
                tr("Overview layers (empty: the project's county boundaries)"),
                SOURCE_VECTOR_ANY,
                optional=True,
            )
        )
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT, tr("PDF file"), "PDF (*.pdf)"))

    def flags(self):
        # Layouts render the project's layers: run in the main thread, as QGIS's own layout exports do.
        return super().flags() | CheckAlgorithm.FlagNoThreading

    def processAlgorithm(self, parameters, context, feedback):
        layer, chosen = read_result_layer(self, parameters, self.INPUT, context)
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        template = (
            self.parameterAsFile(parameters, self.CUSTOM_TEMPLATE, context)
            or TEMPLATES[self.parameterAsEnum(parameters, self.TEMPLATE, context)]
        )
        project = context.project()
        overview = self.parameterAsLayerList(parameters, self.OVERVIEW_LAYERS, context)
        if not overview and project is not None:
            overview = overview_layers(project)
        protected = layer_sets(project) if project is not None else []
        pages = run_core(
            lambda: export_sheets(
                layer,
                protected,
                overview,
                self.parameterAsString(parameters, self.TITLE, context),
                path,
                template,
                chosen,
                feedback=feedback,
            )
        )
        if pages is None:
            return {}
        feedback.pushInfo(tr("{} pages written to {}").format(pages, path))
        return {self.OUTPUT: path}
