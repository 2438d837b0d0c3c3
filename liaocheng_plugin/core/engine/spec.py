"""Which layer plays a role and which of its fields the checks read, by meaning."""

from dataclasses import dataclass, field
from typing import Dict, Optional, Sequence

from qgis.core import QgsFeatureSource, QgsVectorLayer

from liaocheng_plugin.core.engine.arrays import COLUMN_CODE, COLUMN_DEDUCTION, COLUMN_LABEL


@dataclass
class RoleSpec:
    """A role layer (protected layer, zone layer) and the fields read from it.

    ``key`` names the role in results (``pbf``, ``survey``, ``other1`` …). ``label_field``,
    ``code_field`` and ``deduction_field`` are the fields the overlay itself reads; ``columns``
    asks for more fields by meaning (``{COLUMN_RECORDED_AREA: "TBMJ"}``) so the input check can
    inspect them: ``fields()`` merges both into one meaning → field mapping. ``coverage`` says the
    features should tile without overlap (the survey's DLTB); the overlay never counts an overlap
    twice either way, but the input check may report one. ``layer`` is the saved layer behind
    ``source`` when ``source`` is a Processing wrapper of the whole layer (no selection, limit or
    filter): it lets the reader take the bulk GDAL path (see ``reader.bulk_table``).
    """

    key: str
    source: QgsFeatureSource
    label_field: str = ""
    code_field: str = ""
    deduction_field: str = ""
    name: str = ""
    coverage: bool = False
    columns: Dict[str, str] = field(default_factory=dict)
    layer: Optional[QgsVectorLayer] = None

    def display_name(self) -> str:
        """The name shown in messages: the given role name or the layer's."""
        return self.name or self.source.sourceName()

    def fields(self) -> Dict[str, str]:
        """Every field to read, by meaning (``COLUMN_*`` → field name); empty names left out."""
        named = {COLUMN_LABEL: self.label_field, COLUMN_CODE: self.code_field, COLUMN_DEDUCTION: self.deduction_field}
        named.update(self.columns)
        return {meaning: name for meaning, name in named.items() if name}


def is_cultivated(code: str, cultivated_codes: Sequence[str]) -> bool:
    """Whether a land-use code is cultivated land; unknown suffixed codes match on 4 characters, K codes never."""
    if code in cultivated_codes:
        return True
    return len(code) > 4 and not code.upper().endswith("K") and code[:4] in cultivated_codes
