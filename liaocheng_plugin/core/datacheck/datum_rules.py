"""Layers of one check on different geodetic datums (Xian 1980, Beijing 1954 against CGCS2000): QGIS knows no
parameters between them and converts with a "ballpark" offset, tens of metres off on the ground, without a word.
The check refuses such a pair unless the project states a transformation for it (Project ▸ Properties ▸
Transformations) or the layer is converted with the bureau's parameters first."""

import re
from typing import Dict, List, Optional, Sequence, Tuple

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsCoordinateTransformContext

from liaocheng_plugin.core.datacheck.crs_rules import crs_label
from liaocheng_plugin.core.datacheck.findings import DataFinding, DataKind, DataSeverity
from liaocheng_plugin.core.i18n import tr

_ELLIPSOID = re.compile(r"\+ellps=(\S+)")
CGCS2000 = "cgcs2000"
DATUMS: Dict[str, str] = {  # PROJ ellipsoid → datum group; CGCS2000 and WGS 84 agree within centimetres here
    "GRS80": CGCS2000,
    "WGS84": CGCS2000,
    "IAU76": "xian1980",
    "krass": "beijing1954",
}
BALLPARK = "ballpark"  # PROJ names an operation without parameters "Ballpark geographic offset …"


def datum_names() -> Dict[str, str]:
    """Readable names of the datum groups, translated."""
    return {CGCS2000: tr("CGCS2000 / WGS 84"), "xian1980": tr("Xian 1980"), "beijing1954": tr("Beijing 1954")}


def datum_of(crs: QgsCoordinateReferenceSystem) -> Optional[str]:
    """The datum group of a CRS (from its ellipsoid), None when it is none of those known here."""
    definition = crs.toProj()
    found = _ELLIPSOID.search(definition)
    if found is None:  # WGS 84 by datum, or web Mercator's sphere of WGS 84's radius
        return CGCS2000 if "+datum=WGS84" in definition or "+a=6378137 " in definition + " " else None
    return DATUMS.get(found.group(1))


def is_ballpark(
    source: QgsCoordinateReferenceSystem, target: QgsCoordinateReferenceSystem, context: QgsCoordinateTransformContext
) -> bool:
    """Whether QGIS would convert between the two CRSs without datum parameters (a rough offset)."""
    details = QgsCoordinateTransform(source, target, context).instantiatedCoordinateOperationDetails()
    return BALLPARK in details.name.lower()


def datum_findings(
    layers: Sequence[Tuple[str, QgsCoordinateReferenceSystem]], context: QgsCoordinateTransformContext
) -> List[DataFinding]:
    """An ``error`` per layer whose datum differs from the first layer's (the subjects') when QGIS only has a
    ballpark conversion between them. ``layers`` are (name, CRS) pairs, the subjects first."""
    known = [(name, crs, datum_of(crs)) for name, crs in layers if crs.isValid()]
    known = [(name, crs, datum) for name, crs, datum in known if datum is not None]
    if len(known) < 2:
        return []
    _, reference, reference_datum = known[0]
    names = datum_names()
    findings = []
    for name, crs, datum in known[1:]:
        if datum == reference_datum or not is_ballpark(crs, reference, context):
            continue
        message = tr(
            "Layer “{}” is in {} ({}), the subjects in {} ({}): QGIS has no parameters between the two datums and "
            "would move the layer by a rough estimate, tens of metres off on the ground."
        ).format(name, names[datum], crs_label(crs), names[reference_datum], crs_label(reference))
        hint = tr(
            "Convert the layer to CGCS2000 with the bureau's parameters, or set them as a datum transformation of "
            "the project (Project ▸ Properties ▸ Transformations)."
        )
        findings.append(DataFinding(name, None, DataKind.DATUM, DataSeverity.ERROR, message, hint))
    return findings
