"""Land-use codes: lost leading zeros are read zero-padded, unknown codes listed, cultivated codes as DOMAIN.md says."""

import numpy as np
import pytest

from liaocheng_plugin.core.datacheck.codes import (
    cultivated_mask,
    is_cultivated_code,
    known_codes,
    normalise_codes,
    normalised_code,
    unknown_code_findings,
)
from liaocheng_plugin.core.datacheck.findings import DataKind, DataSeverity
from liaocheng_plugin.core.definitions import DEFAULT_CULTIVATED_CODES
from liaocheng_plugin.core.engine.arrays import COLUMN_CODE
from tests.core.datacheck.helpers import arrays_of, box

CODES = known_codes()


def test_code_list_is_the_shipped_one():
    assert len(CODES) == 90 and {"0101", "0102", "0103", "0201K", "1104A", "09", "05H1"} <= CODES


@pytest.mark.parametrize(
    "value, expected",
    [
        (103, "0103"),  # an integer field
        (103.0, "0103"),  # a double field
        ("103", "0103"),  # text that went through Excel
        ("103.0", "0103"),
        (" 0103 ", "0103"),
        ("０１０３", "0103"),  # full-width digits
        (9, "09"),  # 特殊用地 has two digits
        ("5H1", "05H1"),
        ("201K", "0201K"),
        ("0201k", "0201K"),
        (1104, "1104"),
        ("9999", "9999"),  # unknown, left as it is
        (None, None),
        ("NULL", None),
    ],
)
def test_codes_are_read_as_text_with_their_leading_zero(value, expected):
    assert normalised_code(value, CODES) == expected


def test_padding_can_be_switched_off():
    """Setting datacheck/pad_land_codes off: 103 stays 103 (and is then an unknown code)."""
    assert normalised_code(103, CODES, pad=False) == "103"


def test_numeric_dltb_codes_become_cultivated_with_one_fixed_finding():
    """The issue's case: DLBM stored as the integer 103 counted as no cultivated land."""
    arrays = arrays_of("DLTB", "survey", [box(0, 0, 10)] * 4, fids=[5, 6, 7, 8], code=[103, "0103", 201, "1001"])
    findings = normalise_codes(arrays, CODES)
    assert list(arrays.columns[COLUMN_CODE]) == ["0103", "0103", "0201", "1001"]
    assert list(cultivated_mask(arrays.columns[COLUMN_CODE], DEFAULT_CULTIVATED_CODES)) == [True, True, False, False]
    assert len(findings) == 1
    finding = findings[0]
    assert (finding.kind, finding.severity, finding.feature_id) == (DataKind.CODE_PADDED, DataSeverity.FIXED, None)
    assert "DLTB" in finding.message and "DLBM" in finding.message and "103 → 0103" in finding.message
    assert "5, 7" in finding.message  # the features that were padded


def test_a_clean_code_column_gives_no_finding():
    arrays = arrays_of("DLTB", "survey", [box(0, 0, 10)] * 2, code=["0101", "1104A"])
    assert normalise_codes(arrays, CODES) == [] and unknown_code_findings(arrays, CODES) == []


def test_unknown_and_missing_codes_are_warnings_naming_the_features():
    arrays = arrays_of(
        "DLTB", "survey", [box(0, 0, 10)] * 5, fids=[1, 2, 3, 4, 5], code=["9999", "9999", "0103X", None, "ABC"]
    )
    normalise_codes(arrays, CODES)
    findings = unknown_code_findings(arrays, CODES, field_name="DLBM")
    texts = {finding.message for finding in findings}
    assert all(finding.severity == DataSeverity.WARNING for finding in findings)
    assert any("“9999”" in text and "1, 2" in text for text in texts)
    assert any("“ABC”" in text and text.endswith("5.") for text in texts)
    assert any("no land-use code" in text and "4" in text for text in texts)
    assert not any("0103X" in text for text in texts)  # a suffixed code known on its first 4 characters
    single = next(finding for finding in findings if "ABC" in finding.message)
    assert single.feature_id == 5


@pytest.mark.parametrize(
    "code, cultivated",
    [
        ("0101", True),
        ("0103", True),
        ("0103A", True),
        ("0201K", False),
        ("0103K", False),
        ("1104", False),
        (None, False),
    ],
)
def test_cultivated_codes_match_as_domain_md_says(code, cultivated):
    assert is_cultivated_code(code, DEFAULT_CULTIVATED_CODES) is cultivated


def test_cultivated_mask_is_vectorised_over_a_column():
    codes = np.array(["0101", None, "0102", "0301", "0103A"], dtype=object)
    assert cultivated_mask(codes, DEFAULT_CULTIVATED_CODES).tolist() == [True, False, True, False, True]
    assert cultivated_mask(codes, DEFAULT_CULTIVATED_CODES, match_prefix=False).tolist()[4] is False
