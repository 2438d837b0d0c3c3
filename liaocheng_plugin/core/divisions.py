"""Names of Liaocheng's counties and townships (乡镇/街道) by their NBS code (统计用区划代码 2022), as ZLDWDM's
first 6 and 9 digits give them; bundled in resources/data (provenance: tests/data/liaocheng/PROVENANCE.md)."""

import csv
from functools import lru_cache
from typing import Dict

from liaocheng_plugin.core.paths import resource_path

COUNTIES_FILE = "liaocheng_counties_nbs2022.csv"
TOWNSHIPS_FILE = "liaocheng_townships_nbs2022.csv"


@lru_cache(maxsize=1)
def division_names() -> Dict[str, str]:
    """Code (6 digits for a county, 9 for a township) → name, e.g. 371502 → 东昌府区, 371502001 → 古楼街道."""
    names: Dict[str, str] = {}
    for file_name in (COUNTIES_FILE, TOWNSHIPS_FILE):
        with open(resource_path("data", file_name), encoding="utf-8", newline="") as handle:
            names.update({row["code"].strip(): row["name"].strip() for row in csv.DictReader(handle)})
    return names


def division_name(code: str) -> str:
    """The name of a county or township code; "" when the code is not Liaocheng's."""
    return division_names().get(code, "")
