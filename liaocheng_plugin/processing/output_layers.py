"""Each check's outputs as they read in QGIS: aliases in the UI language, coded values in words, the plugin's styles.

A memory output (a script's ``memory:``, the panels' runs) is described at once; an output QGIS loads when the
run ends (the Toolbox dialog) is described as it loads, by a layer post-processor.
"""

from typing import Dict, Mapping, Sequence

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingUtils,
    QgsVectorLayer,
)

from liaocheng_plugin.core.balance_table import PATCH_COLUMNS, SUMMARY_COLUMNS, balance_headers
from liaocheng_plugin.core.definitions import DATA_CHECK_OUTPUT
from liaocheng_plugin.core.export import columns_of
from liaocheng_plugin.core.output_fields import (
    OutputDescription,
    data_check_headers,
    describe,
    describe_layer,
    pieces_headers,
)
from liaocheng_plugin.core.overlap_table import overlap_headers
from liaocheng_plugin.core.reserve_table import RESULT_COLUMNS, result_headers
from liaocheng_plugin.core.reserve_table import SUMMARY_COLUMNS as RESERVE_SUMMARY_COLUMNS
from liaocheng_plugin.core.siting_table import crossing_headers, site_headers

Descriptions = Dict[str, OutputDescription]


def shared_outputs() -> Descriptions:
    """The outputs every check has: conflict pieces and the input check's findings."""
    return {
        "OVERLAPS": describe(pieces_headers(), "conflict_pieces"),
        DATA_CHECK_OUTPUT: describe(data_check_headers()),
    }


def reserve_outputs() -> Descriptions:
    headers = result_headers()
    return {
        **shared_outputs(),
        "OUTPUT": describe(columns_of(headers, RESULT_COLUMNS), "check_status"),
        "SUMMARY": describe(columns_of(headers, RESERVE_SUMMARY_COLUMNS)),
    }


def balance_outputs() -> Descriptions:
    headers = balance_headers()
    return {
        **shared_outputs(),
        "OUTPUT": describe(columns_of(headers, PATCH_COLUMNS), "balance_patches"),
        "SUMMARY": describe(columns_of(headers, SUMMARY_COLUMNS)),
    }


def site_outputs(routes: bool) -> Descriptions:
    headers = site_headers()
    return {
        **shared_outputs(),
        "OUTPUT": describe(headers, "route" if routes else "subject"),
        "CROSSINGS": describe(crossing_headers(), "crossings"),
        "CLEAR": describe(headers, "inflow"),
    }


def overlap_outputs(role_keys: Sequence[str], other_names: Dict[str, str]) -> Descriptions:
    return {**shared_outputs(), "OUTPUT": describe(overlap_headers(role_keys, other_names))}


class DescribedOutput(QgsProcessingLayerPostProcessorInterface):
    """Describes an output layer when QGIS loads it at the end of a run."""

    def __init__(self, description: OutputDescription):
        super().__init__()
        self.description = description

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 - QGIS API
        if isinstance(layer, QgsVectorLayer):
            describe_layer(layer, self.description)


# QGIS keeps a plain pointer to a post-processor: the Python object must outlive the run (one per output).
POST_PROCESSORS: Dict[str, DescribedOutput] = {}
MAX_KEPT = 100


def describe_outputs(results: Mapping[str, object], context: QgsProcessingContext, descriptions: Descriptions) -> None:
    """Describe every output of ``results`` (output name → destination) that ``descriptions`` covers."""
    for name, destination in results.items():
        description = descriptions.get(name)
        if description is None or not isinstance(destination, str):
            continue
        if context.willLoadLayerOnCompletion(destination):
            while len(POST_PROCESSORS) >= MAX_KEPT:  # the oldest runs' layers were loaded long ago
                POST_PROCESSORS.pop(next(iter(POST_PROCESSORS)))
            POST_PROCESSORS[destination] = DescribedOutput(description)
            context.layerToLoadOnCompletionDetails(destination).setPostProcessor(POST_PROCESSORS[destination])
            continue
        layer = QgsProcessingUtils.mapLayerFromString(destination, context, False)
        if isinstance(layer, QgsVectorLayer) and layer.providerType() == "memory":
            describe_layer(layer, OutputDescription(description.aliases, description.value_maps))
