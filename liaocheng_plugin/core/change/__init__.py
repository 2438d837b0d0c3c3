"""耕地流出/流入 from two survey years (变更调查比对): outflow, inflow and occupation patches.

Modules: ``rules`` (which change is which, minimum mapping units), ``surveys`` (both surveys read and
input-checked), ``pieces`` (the changed pieces cut in bulk), ``patches`` (dissolved, measured, numbered),
``detect`` (the whole run), ``table`` (output columns and the summary by county, township and code pair).
"""

from liaocheng_plugin.core.change.detect import ChangeReport, change_working_crs, detect_changes
from liaocheng_plugin.core.change.patches import ChangePatch
from liaocheng_plugin.core.change.rules import ChangeDirection, ChangeRules
from liaocheng_plugin.core.change.surveys import BASE, CURRENT, SurveySpec

__all__ = [
    "BASE",
    "CURRENT",
    "ChangeDirection",
    "ChangePatch",
    "ChangeReport",
    "ChangeRules",
    "SurveySpec",
    "change_working_crs",
    "detect_changes",
]
