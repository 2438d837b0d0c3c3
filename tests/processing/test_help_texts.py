"""Processing help names parameters and outputs by their dialog labels, never by their codes (WIDTH, BUFFER …)."""

import re

from qgis.core import QgsApplication

from liaocheng_plugin.core.translation import install_translator, remove_translator


def test_help_texts_name_no_parameter_code(processing_with_provider):
    """Help read "按 WIDTH 米宽廊道", "VILLAGE_DISTANCE", "CROSSINGS", "BUFFER 米", "MARGIN 米"."""
    translator = install_translator("zh-Hans")
    try:
        for algorithm in QgsApplication.processingRegistry().providerById("liaocheng").algorithms():
            codes = {definition.name() for definition in algorithm.parameterDefinitions()}
            codes |= {output.name() for output in algorithm.outputDefinitions()}
            words = set(re.findall(r"\b[A-Z][A-Z_]+\b", algorithm.shortHelpString()))
            assert not words & codes, (algorithm.id(), words & codes)
            assert re.search(r"[\u4e00-\u9fff]", algorithm.shortHelpString()), algorithm.id()
    finally:
        remove_translator(translator)
