"""Text encodings of shapefiles: a .dbf without .cpg is read in the encoding its bytes decode in (UTF-8, else
GB18030, a superset of GBK), in a fresh layer; values that decode in none are named."""

import codecs
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import numpy as np
from qgis.core import QgsProviderRegistry, QgsVectorLayer

from liaocheng_plugin.core.datacheck.columns import id_list
from liaocheng_plugin.core.datacheck.findings import DataFinding, DataKind, DataSeverity
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.settings import FALLBACK_ENCODING

UTF8 = "UTF-8"
SAMPLE_ROWS = 5000  # values per field that decide between UTF-8 and the fallback encoding
CHUNK_ROWS = 4096  # rows decoded at once when looking for values that decode in no encoding
HEADER_END = 0x0D


@dataclass
class DbfText:
    """The raw text of a .dbf: field names and the bytes of each character field, row by row (fid order)."""

    names: List[bytes]
    columns: Dict[bytes, np.ndarray] = field(default_factory=dict)  # field name → (rows, width) uint8


def used_part(column: np.ndarray) -> np.ndarray:
    """A character column without the blank bytes every row pads it with (a copy of what is used)."""
    filled = np.flatnonzero(((column != 0x20) & (column != 0)).any(axis=0))
    return np.ascontiguousarray(column[:, : filled[-1] + 1 if len(filled) else 0])


def read_dbf_text(path: Path) -> DbfText:
    """Field names and character columns (their used part) of a dBase file, without decoding."""
    with open(path, "rb") as handle:
        header = handle.read(32)
        rows, header_length, record_length = struct.unpack("<IHH", header[4:12])
        data = header + handle.read(header_length - 32)
    names: List[bytes] = []
    character: List[Tuple[bytes, int, int]] = []
    offset, position = 1, 32  # byte 0 of a record is its deletion flag
    while position + 32 <= header_length and data[position] != HEADER_END:
        descriptor = data[position : position + 32]
        name = descriptor[:11].split(b"\x00", 1)[0]
        width = descriptor[16]
        names.append(name)
        if descriptor[11:12] in (b"C", b"c"):
            character.append((name, offset, width))
        offset += width
        position += 32
    size = path.stat().st_size
    available = max(0, min(rows, (size - header_length) // max(record_length, 1)))
    if not available or not character:
        return DbfText(names)
    records = np.memmap(path, np.uint8, "r", header_length, (available, record_length))
    return DbfText(names, {name: used_part(records[:, start : start + width]) for name, start, width in character})


def decoded(raw: bytes, encoding: str) -> Optional[str]:
    """``raw`` (trailing blanks removed) decoded; a character cut in half at the end of a dBase field (names keep
    10 bytes, values their width) is dropped. None when the bytes are not ``encoding``."""
    raw = raw.rstrip(b" \x00")
    for cut in range(4):
        try:
            return raw[: len(raw) - cut].decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _decodes(raw: bytes, encoding: str) -> bool:
    return decoded(raw, encoding) is not None


def undecodable_rows(column: np.ndarray, encoding: str) -> np.ndarray:
    """Row numbers (= shapefile feature ids) whose value does not decode in ``encoding``: blocks of rows are
    decoded at once, the rows of a block that fails one by one (a character cut at the end of the field is not
    an error)."""
    failed: List[int] = []
    for start in range(0, len(column), CHUNK_ROWS):
        block = column[start : start + CHUNK_ROWS]
        try:
            block.tobytes().decode(encoding)
            continue
        except UnicodeDecodeError:
            candidates = start + np.flatnonzero((block >= 0x80).any(axis=1))
        failed += [row for row in candidates if not _decodes(bytes(column[row]), encoding)]
    return np.array(failed, np.int64)


def sample_failures(text: DbfText, encoding: str) -> int:
    """How many field names, and values among the first SAMPLE_ROWS with non-ASCII bytes per field, do not
    decode in ``encoding`` (a codec Python does not know fails them all)."""
    try:
        codecs.lookup(encoding)
    except LookupError:
        return len(text.names) + SAMPLE_ROWS * len(text.columns)
    failures = sum(not _decodes(name, encoding) for name in text.names)
    for column in text.columns.values():
        rows = np.flatnonzero((column >= 0x80).any(axis=1))[:SAMPLE_ROWS]
        failures += sum(not _decodes(bytes(column[row]), encoding) for row in rows)
    return failures


@dataclass
class EncodingReading:
    """Which encoding the bytes of a .dbf decode in, and what decodes in none."""

    encoding: str  # the best encoding: UTF-8 when everything (or only ASCII) decodes in it
    undecodable: Dict[str, np.ndarray]  # field name (decoded) → feature ids whose value decodes in no candidate
    ascii_only: bool


def detect_encoding(text: DbfText, fallback: str) -> EncodingReading:
    """UTF-8 unless ``fallback`` decodes more of a sample of the names and values; then every value is decoded
    in the chosen encoding and those that fail are named."""
    ascii_only = all(not any(byte >= 0x80 for byte in name) for name in text.names) and all(
        not (column >= 0x80).any() for column in text.columns.values()
    )
    if ascii_only:
        return EncodingReading(UTF8, {}, True)
    best = UTF8 if sample_failures(text, UTF8) <= sample_failures(text, fallback) else fallback
    undecodable = {}
    for name, column in text.columns.items():
        rows = undecodable_rows(column, best)
        if len(rows):
            undecodable[decoded(name, best) or name.decode(best, errors="replace")] = rows
    return EncodingReading(best, undecodable, False)


def shapefile_path(layer: QgsVectorLayer) -> Optional[Path]:
    """The .dbf of a shapefile layer (OGR), None for any other layer."""
    if layer.providerType() != "ogr":
        return None
    path = Path(QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("path") or "")
    if path.suffix.lower() not in (".shp", ".dbf"):
        return None
    for suffix in (".dbf", ".DBF"):
        dbf = path.with_suffix(suffix)
        if dbf.is_file():
            return dbf
    return None


def declared_encoding(dbf: Path) -> Optional[str]:
    """The encoding the .cpg next to a .dbf declares, None without one."""
    for suffix in (".cpg", ".CPG"):
        cpg = dbf.with_suffix(suffix)
        if cpg.is_file():
            return cpg.read_text(encoding="ascii", errors="replace").strip() or None
    return None


def same_encoding(first: str, second: str) -> bool:
    """Whether two encoding names mean the same codec (utf8 = UTF-8; GBK is read by GB18030 too)."""
    try:
        first_name, second_name = codecs.lookup(first).name, codecs.lookup(second).name
    except LookupError:
        return first.upper() == second.upper()
    return first_name == second_name


def open_with_encoding(layer: QgsVectorLayer, encoding: str) -> QgsVectorLayer:
    """A fresh layer on the same file read in ``encoding``: same name, CRS and filter; the user's layer is untouched."""
    fresh = QgsVectorLayer(layer.source(), layer.name(), "ogr")
    fresh.setProviderEncoding(encoding)
    fresh.setCrs(layer.crs())
    if layer.subsetString():
        fresh.setSubsetString(layer.subsetString())
    return fresh


def encoding_findings(layer: QgsVectorLayer, name: str) -> Tuple[List[DataFinding], Optional[QgsVectorLayer]]:
    """Findings on a shapefile's text encoding and, when it must be read differently, the fresh layer to read.

    Without a .cpg the bytes decide (UTF-8, else ``datacheck/fallback_encoding``, GB18030): ``fixed`` when that
    differs from what QGIS reads. With a .cpg whose codec does not decode the text: a ``warning``. Values that
    decode in no candidate: a ``warning`` per field naming the features.
    """
    dbf = shapefile_path(layer)
    if dbf is None:
        return [], None
    try:
        text = read_dbf_text(dbf)
    except (OSError, struct.error, ValueError):
        return [], None
    declared = declared_encoding(dbf)
    reading = detect_encoding(text, FALLBACK_ENCODING.value())
    findings: List[DataFinding] = []
    replacement = None
    provider_encoding = layer.dataProvider().encoding() if layer.dataProvider() else UTF8
    if reading.ascii_only:
        return [], None
    if declared is None and not same_encoding(reading.encoding, provider_encoding):
        replacement = open_with_encoding(layer, reading.encoding)
        message = tr("Layer “{}” is a shapefile without .cpg whose text is not {}: it was read as {}.").format(
            name, provider_encoding, reading.encoding
        )
        hint = tr("Add a file “{}” holding {} next to the shapefile so every program reads it right.").format(
            dbf.with_suffix(".cpg").name, "GBK" if reading.encoding != UTF8 else UTF8
        )
        findings.append(DataFinding(name, None, DataKind.ENCODING, DataSeverity.FIXED, message, hint))
    elif declared is not None and sample_failures(text, declared) > sample_failures(text, reading.encoding):
        message = tr("Layer “{}”: its .cpg declares {}, but its text is {}; names may read garbled.").format(
            name, declared, reading.encoding
        )
        hint = tr("Correct the .cpg file to {}.").format(reading.encoding)
        findings.append(DataFinding(name, None, DataKind.ENCODING, DataSeverity.WARNING, message, hint))
    for field_name, rows in reading.undecodable.items():
        message = tr("Layer “{}”, field {}: text of features {} decodes in no known encoding.").format(
            name, field_name, id_list(rows)
        )
        hint = tr("Those values show as garbled characters; correct them in the source data.")
        feature = int(rows[0]) if len(rows) == 1 else None
        findings.append(DataFinding(name, feature, DataKind.UNDECODABLE, DataSeverity.WARNING, message, hint))
    return findings, replacement
