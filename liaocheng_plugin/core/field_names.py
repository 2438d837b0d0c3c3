"""Readable names of the field codes deliveries carry (ZL → 坐落, DLBM → 地类编码 …), for ledger headers.

A ledger column of the subject's own data is headed by the name and its source field: 坐落（ZL）. Codes
not listed keep the field's alias or name.
"""

from typing import Dict

from qgis.core import QgsField

from liaocheng_plugin.core.i18n import tr


def field_code_names() -> Dict[str, str]:
    """Names of common field codes (upper case) of reserve ledgers, change patches, sites and the 三调 survey."""
    return {
        # Reserve parcels (储备土地台账).
        "DKBH": tr("Parcel code"),
        "CBDKBH": tr("Parcel code"),
        "DKMC": tr("Parcel name"),
        "CBDKMC": tr("Parcel name"),
        "ZL": tr("Location"),
        "LY": tr("Source"),
        "JLMJ": tr("Recorded area (mu)"),
        "TZMJ": tr("Recorded area (mu)"),
        "CBMJ": tr("Reserve area (mu)"),
        "CBRQ": tr("Reserve date"),
        "RKRQ": tr("Reserve date"),
        "DJZT": tr("Registration"),
        "BDCQZH": tr("Certificate number"),
        "WD": tr("Fence"),
        "FCW": tr("Dust net"),
        "ZJXCRQ": tr("Last inspection"),
        "XCRQ": tr("Inspection date"),
        "LSYT": tr("Temporary use"),
        "LSQSRQ": tr("Temporary use from"),
        "LSJZRQ": tr("Temporary use until"),
        "GHYT": tr("Planned use"),
        "GYZT": tr("Supply state"),
        "WGMC": tr("Grid"),
        "WGY": tr("Grid keeper"),
        # Outflow and inflow patches (耕地流出/流入图斑).
        "XZQDM": tr("County code"),
        "XZQMC": tr("County name"),
        "XZDM": tr("Township code"),
        "XZMC": tr("Township"),
        "NF": tr("Year"),
        "JCBH": tr("Monitoring number"),
        "QDLBM": tr("Land-use code before"),
        "QDLMC": tr("Land use before"),
        "HDLBM": tr("Land-use code after"),
        "HDLMC": tr("Land use after"),
        "ZGFS": tr("Rectification"),
        "MCYY": tr("Exemption reason"),
        "PDLCTBBH": tr("Paired outflow"),
        "FX": tr("Direction"),
        "LX": tr("Direction"),
        # Change patches from two survey years (liaocheng:change_detection).
        "BASE_CODE": tr("Base land-use code"),
        "BASE_NAME": tr("Base land use"),
        "CURRENT_CODE": tr("Current land-use code"),
        "CURRENT_NAME": tr("Current land use"),
        "COUNTY_NAME": tr("County name"),
        "TOWNSHIP_NAME": tr("Township name"),
        "AREA_M2": tr("Area (m²)"),
        "NET_MU": tr("Net area (mu)"),
        "BASE_BSM": tr("Base survey patches (BSM)"),
        "CURRENT_BSM": tr("Current survey patches (BSM)"),
        # Sites and routes (项目选址).
        "FAMC": tr("Alternative"),
        "XMMC": tr("Project name"),
        "XMLX": tr("Project class"),
        # Land-use survey (三调 DLTB).
        "BSM": tr("Identifier"),
        "YSDM": tr("Feature code"),
        "TBYBH": tr("Provisional patch number"),
        "TBBH": tr("Patch number"),
        "DLBM": tr("Land-use code"),
        "DLMC": tr("Land-use name"),
        "QSXZ": tr("Ownership type"),
        "QSDWDM": tr("Owner code"),
        "QSDWMC": tr("Owner"),
        "ZLDWDM": tr("Location unit code"),
        "ZLDWMC": tr("Location unit"),
        "TBMJ": tr("Patch area (m²)"),
        "KCDLBM": tr("Deducted land-use code"),
        "KCXS": tr("Deduction coefficient"),
        "KCMJ": tr("Deducted area (m²)"),
        "TBDLMJ": tr("Net land-use area (m²)"),
        "GDLX": tr("Cultivated land type"),
        "GDPDJB": tr("Slope grade"),
        "XZDWKD": tr("Linear feature width (m)"),
        "TBXHDM": tr("Refinement code"),
        "TBXHMC": tr("Refinement"),
        "ZZSXDM": tr("Planting code"),
        "ZZSXMC": tr("Planting"),
        "GDDB": tr("Quality grade"),
        "FRDBS": tr("Enclave"),
        "CZCSXM": tr("Settlement code"),
        "SJNF": tr("Data year"),
        "MSSM": tr("Description"),
        "BZ": tr("Remarks"),
    }


def source_field_header(field: QgsField, names: Dict[str, str]) -> str:
    """The header of a column of the subject's own data: "坐落（ZL）" for a known code, else its alias or name."""
    name = names.get(field.name().upper())
    if name:
        return tr("{} ({})").format(name, field.name())
    return field.displayName()
