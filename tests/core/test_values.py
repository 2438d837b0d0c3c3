"""The one value reader: NULLs of every kind, numbers stored as text, years, dates, writable text."""

from datetime import date

import pytest
from qgis.core import NULL, QgsFeature, QgsField, QgsFields
from qgis.PyQt.QtCore import QDate

from liaocheng_plugin.core.compat import FIELD_DOUBLE, FIELD_STRING
from liaocheng_plugin.core.values import as_date, as_float, as_text, as_year, is_null, record, writable_text


def null_from_feature():
    """A NULL attribute exactly as QGIS hands it to Python (a null QVariant on PyQt5, None on PyQt6)."""
    fields = QgsFields()
    fields.append(QgsField("v", FIELD_DOUBLE))
    feature = QgsFeature(fields)
    feature.setAttributes([NULL])
    return feature["v"]


def test_record_gives_plain_python_values_by_field_name():
    """A panel reads a result row once through record(): NULL is None there, so no QVariant reaches a format."""
    fields = QgsFields()
    for name, kind in (("quality_out", FIELD_DOUBLE), ("county", FIELD_STRING)):
        fields.append(QgsField(name, kind))
    feature = QgsFeature(fields)
    feature.setAttributes([NULL, "371502"])
    assert record(feature) == {"quality_out": None, "county": "371502"}


def test_null_from_a_feature_reads_as_nothing():
    """A NULL QVariant must never reach a format string or a sum (the balance dock crashed on one)."""
    value = null_from_feature()
    assert is_null(value)
    assert as_text(value) == ""
    assert as_float(value) is None
    assert as_year(value) is None


@pytest.mark.parametrize("value", [None, "", "  ", "NULL", float("nan")])
def test_blank_values_are_null(value):
    assert is_null(value)


@pytest.mark.parametrize(
    "value, expected", [(12.5, 12.5), ("12.5", 12.5), (" 1,234.5 ", 1234.5), ("１２.５", 12.5), ("7.50亩", 7.5)]
)
def test_numbers_stored_as_text_read_as_numbers(value, expected):
    assert as_float(value) == pytest.approx(expected)


@pytest.mark.parametrize("value", [2023, 2023.0, "2023", "2023.0", "2023年", QDate(2023, 6, 1)])
def test_years_in_every_spelling(value):
    assert as_year(value) == 2023


def test_a_code_stored_as_a_number_reads_without_decimals():
    assert as_text(103.0) == "103"


@pytest.mark.parametrize("value", ["2023-05-01", "2023/5/1", "20230501", "2023年5月1日", QDate(2023, 5, 1)])
def test_dates_in_every_spelling(value):
    assert as_date(value) == date(2023, 5, 1)


def test_writable_text_drops_control_characters_and_lone_surrogates():
    broken = b"\xb2\xe2\xca\xd4".decode("utf-8", "surrogateescape") + "\x01ok"
    text = writable_text(broken)
    assert "\x01" not in text and text.endswith("ok")
    text.encode("utf-8")  # would raise on a lone surrogate


def test_text_field_value_is_stripped():
    fields = QgsFields()
    fields.append(QgsField("t", FIELD_STRING))
    feature = QgsFeature(fields)
    feature.setAttributes(["  CB-1 "])
    assert as_text(feature["t"]) == "CB-1"
