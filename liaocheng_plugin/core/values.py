"""One reader for values taken from features and result layers: NULLs, numbers stored as text, years, dates.

Every value a check or a panel reads from a feature goes through these functions once, so a NULL
``QVariant`` (PyQt5) or ``None`` (PyQt6), ``"2023年"``, ``"2023.0"`` and ``" 12.5 "`` all read the same
way; ``writable_text`` makes any text safe for XLSX and GeoPackage.
"""

import re
import unicodedata
from datetime import date, datetime
from typing import Dict, Optional

from qgis.PyQt.QtCore import QDate, QDateTime, QVariant

NULL_TEXTS = ("", "null", "none", "nan")
# Control characters XML (and so XLSX) cannot hold; tab, newline and carriage return are allowed.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SURROGATES = re.compile("[\ud800-\udfff]")
_YEAR = re.compile(r"^\s*(\d{4})(?:\.0+)?\s*年?\s*$")


def plain(value):
    """The Python value of an attribute: None for NULL (a null QVariant on PyQt5), else the value itself."""
    if isinstance(value, QVariant):
        return None if value.isNull() else value.value()
    return value


def record(feature) -> Dict[str, object]:
    """A feature's attributes by field name, each through ``plain``: None for NULL, never a QVariant."""
    return {field.name(): plain(value) for field, value in zip(feature.fields(), feature.attributes())}


def is_null(value) -> bool:
    """NULL, None, empty or whitespace text, or the text "NULL"."""
    value = plain(value)
    if value is None:
        return True
    if isinstance(value, float):
        return value != value  # NaN
    if isinstance(value, str):
        return value.strip().lower() in NULL_TEXTS
    if isinstance(value, (QDate, QDateTime)):
        return not value.isValid()
    return False


def as_text(value) -> str:
    """Readable text: "" for NULL; whole floats without ".0" (a code or year stored as a number)."""
    value = plain(value)
    if is_null(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, QDateTime):
        value = value.date()
    if isinstance(value, QDate):
        return value.toString("yyyy-MM-dd")
    return str(value).strip()


def as_float(value) -> Optional[float]:
    """A number from a number or text ("1,234.5", full-width digits, trailing 亩/m²/%); None when blank or not one."""
    value = plain(value)
    if is_null(value) or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    text = unicodedata.normalize("NFKC", str(value)).strip().replace(",", "")
    text = re.sub(r"\s*(亩|公顷|m2|m²|平方米|%)$", "", text)
    try:
        return float(text)
    except ValueError:
        return None


def as_year(value) -> Optional[int]:
    """A year from 2023, 2023.0, "2023", "2023.0", "2023年" or a date; None otherwise."""
    value = plain(value)
    if is_null(value):
        return None
    if isinstance(value, (QDate, QDateTime, date)):
        parsed = as_date(value)
        return parsed.year if parsed else None
    match = _YEAR.match(unicodedata.normalize("NFKC", as_text(value)))
    return int(match.group(1)) if match else None


def as_date(value) -> Optional[date]:
    """A date from a QDate, QDateTime, Python date or text like 2023-05-01 / 2023/5/1 / 20230501 / 2023年5月1日."""
    value = plain(value)
    if is_null(value):
        return None
    if isinstance(value, QDateTime):
        value = value.date()
    if isinstance(value, QDate):
        return date(value.year(), value.month(), value.day()) if value.isValid() else None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = unicodedata.normalize("NFKC", str(value)).strip()
    text = text.replace("年", "-").replace("月", "-").replace("日", "").replace("/", "-").replace(".", "-")
    for pattern in ("%Y-%m-%d", "%Y%m%d", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def writable_text(value) -> str:
    """Text any XLSX or GeoPackage writer accepts: no XML control characters, no lone surrogates."""
    text = as_text(value)
    text = _SURROGATES.sub("\ufffd", text)
    return _ILLEGAL_XML.sub("", text)
