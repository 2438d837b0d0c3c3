"""Land-use codes (DLBM): the code list, codes that lost their leading zero, unknown codes, and which codes
are cultivated land (DOMAIN.md: exact code, else an unknown suffixed code on its first 4 characters, K never)."""

import csv
import unicodedata
from functools import lru_cache
from typing import FrozenSet, List, Optional, Sequence

import numpy as np

from liaocheng_plugin.core.datacheck.columns import distinct_map, id_list, rows_finding
from liaocheng_plugin.core.datacheck.findings import DataFinding, DataKind, DataSeverity
from liaocheng_plugin.core.engine.arrays import COLUMN_CODE, LayerArrays
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.paths import resource_path
from liaocheng_plugin.core.values import as_text, is_null

CODE_LENGTH = 4
PREFIX_LENGTH = 4
RESTORABLE_SUFFIX = "K"  # 可调整: converted from cultivated land, not cultivated now


@lru_cache(maxsize=1)
def known_codes() -> FrozenSet[str]:
    """Every code of the 三调 working classification and GB/T 21010-2017 (resources/data/landuse_codes.csv)."""
    with open(resource_path("data", "landuse_codes.csv"), encoding="utf-8", newline="") as handle:
        return frozenset(row["code"].strip() for row in csv.DictReader(handle))


def is_known(code: str, codes: FrozenSet[str], match_prefix: bool = True) -> bool:
    """A code of the list, or (``match_prefix``) an unknown suffixed code whose first 4 characters are one."""
    return code in codes or (match_prefix and len(code) > PREFIX_LENGTH and code[:PREFIX_LENGTH] in codes)


def normalised_code(value, codes: FrozenSet[str], pad: bool = True) -> Optional[str]:
    """The code as text: stripped, full-width digits made plain, a number's ".0" dropped; with ``pad`` a code that
    lost its leading zero (103, "103", 9) gets it back when the padded code is in the list. None for NULL."""
    if is_null(value):
        return None
    text = unicodedata.normalize("NFKC", as_text(value)).strip().upper()
    if text.endswith(".0") and text[:-2].isdigit():
        text = text[:-2]
    if pad and text[:1].isdigit() and not is_known(text, codes):
        for zeros in ("0", "00", "000"):
            padded = zeros + text
            suffixed = len(padded) > PREFIX_LENGTH and not padded[PREFIX_LENGTH].isdigit()
            if padded in codes or suffixed and padded[:PREFIX_LENGTH] in codes:
                return padded
    return text


def normalise_codes(
    arrays: LayerArrays, codes: FrozenSet[str], pad: bool = True, field_name: str = "DLBM"
) -> List[DataFinding]:
    """Read the code column once, in place: text, and zero-padded where it lost its leading zero (``fixed``).

    ``arrays.columns[COLUMN_CODE]`` becomes an object array of str (None for NULL). One ``fixed`` finding per
    layer names the field, how many codes were padded, an example and the features.
    """
    values = arrays.columns.get(COLUMN_CODE)
    if values is None:
        return []
    read = distinct_map(
        values, lambda value: (normalised_code(value, codes, pad), normalised_code(value, codes, False))
    )
    normalised = np.empty(len(read), dtype=object)
    normalised[:] = [pair[0] for pair in read]
    arrays.columns[COLUMN_CODE] = normalised
    padded = np.flatnonzero([pair[0] != pair[1] for pair in read])
    if not len(padded):
        return []
    plain = [pair[1] for pair in read]
    first = padded[0]
    message = tr(
        "Layer “{}”, field {}: {} codes had lost their leading zero (such as {} → {}) and were read zero-padded; "
        "features {}."
    ).format(arrays.name, field_name, f"{len(padded):,}", plain[first], normalised[first], id_list(arrays.fids[padded]))
    hint = tr("Store land-use codes as text with their leading zeros (0103), e.g. when a table passed through Excel.")
    return [rows_finding(arrays, padded, DataKind.CODE_PADDED, DataSeverity.FIXED, message, hint)]


def unknown_code_findings(
    arrays: LayerArrays, codes: FrozenSet[str], match_prefix: bool = True, field_name: str = "DLBM"
) -> List[DataFinding]:
    """A ``warning`` per code that is not in the land-use code list (nor matches it on 4 characters), and one
    for features without a code; each names the features. An ``error`` when no feature read has a code (NULL or
    empty on all): the survey cannot serve its role, every figure on cultivated land would be 0. Run after
    ``normalise_codes``."""
    values = arrays.columns.get(COLUMN_CODE)
    if values is None:
        return []
    keys = np.where(np.equal(values, None), "", values).astype(str)
    unknown = distinct_map(keys, lambda code: bool(code) and not is_known(code, codes, match_prefix)).astype(bool)
    findings = []
    for code in sorted(set(keys[unknown])):
        rows = np.flatnonzero(keys == code)
        message = tr("Layer “{}”, field {}: code “{}” is not in the land-use code list; features {}.").format(
            arrays.name, field_name, code, id_list(arrays.fids[rows])
        )
        hint = tr("It counts as no known land class (not cultivated); correct the code if it is a typing error.")
        findings.append(rows_finding(arrays, rows, DataKind.CODE_UNKNOWN, DataSeverity.WARNING, message, hint))
    empty = np.flatnonzero(keys == "")
    if len(empty) and len(empty) == len(keys):
        message = tr(
            "Layer “{}”, field {}: none of the {} features read has a land-use code; the layer cannot tell "
            "cultivated land from any other class."
        ).format(arrays.name, field_name, f"{len(keys):,}")
        hint = tr("Choose the field that holds the land-use codes (DLBM), or a survey layer whose codes are filled.")
        findings.append(rows_finding(arrays, empty, DataKind.CODE_UNKNOWN, DataSeverity.ERROR, message, hint))
    elif len(empty):
        message = tr("Layer “{}”, field {}: features {} have no land-use code.").format(
            arrays.name, field_name, id_list(arrays.fids[empty])
        )
        hint = tr("They count as no known land class (not cultivated).")
        findings.append(rows_finding(arrays, empty, DataKind.CODE_UNKNOWN, DataSeverity.WARNING, message, hint))
    return findings


def is_cultivated_code(code: Optional[str], cultivated: Sequence[str], match_prefix: bool = True) -> bool:
    """Cultivated land: the code is one of ``cultivated`` (0101/0102/0103), or an unknown suffixed code whose
    first 4 characters are (0103X); a K code (converted, restorable) never is."""
    if not code:
        return False
    if code in cultivated:
        return True
    return (
        match_prefix
        and len(code) > PREFIX_LENGTH
        and not code.upper().endswith(RESTORABLE_SUFFIX)
        and code[:PREFIX_LENGTH] in cultivated
    )


def cultivated_mask(codes: np.ndarray, cultivated: Sequence[str], match_prefix: bool = True) -> np.ndarray:
    """Boolean array: which codes (normalised, object array of str/None) are cultivated land."""
    chosen = tuple(cultivated)
    return distinct_map(codes, lambda code: is_cultivated_code(code, chosen, match_prefix)).astype(bool)
