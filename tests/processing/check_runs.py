"""Running the four checks from tests: every output in memory, and the message of a refused run."""

from qgis.core import QgsProcessingException

SINKS = {  # every output of each check, so that none is missing whatever the outputs' defaults
    "overlap_check": ("OUTPUT", "OVERLAPS", "DATA_CHECK"),
    "reserve_check": ("OUTPUT", "SUMMARY", "OVERLAPS", "DATA_CHECK"),
    "balance_check": ("OUTPUT", "SUMMARY", "OVERLAPS", "DATA_CHECK"),
    "site_check": ("OUTPUT", "CROSSINGS", "CLEAR", "DATA_CHECK"),
}
SUBJECT_PARAMETER = {  # the parameter that takes a check's subjects
    "overlap_check": "INPUT",
    "reserve_check": "INPUT",
    "balance_check": "INFLOW",
    "site_check": "INPUT",
}


def run(algorithm, parameters):
    """Run the check ``algorithm`` with every output in memory."""
    import processing

    return processing.run(f"liaocheng:{algorithm}", dict({sink: "memory:" for sink in SINKS[algorithm]}, **parameters))


def refusal(algorithm, parameters) -> str:
    """The message of a check that must refuse to run (the exception is dropped at once: its traceback holds
    the layers, and an OGR layer outliving QGIS crashes the interpreter at exit)."""
    try:
        run(algorithm, parameters)
    except QgsProcessingException as error:
        return str(error)
    raise AssertionError(f"{algorithm} ran")
