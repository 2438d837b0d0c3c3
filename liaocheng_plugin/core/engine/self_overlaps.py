"""Protected features of one role that overlap each other, as the overlay meets them: DataFindings.

The overlay finds such pairs anyway (it counts their shared area once, see ``pieces.py``); reporting
them here spares the input check a pass of its own over the whole layer. Only pairs that overlap
inside some subject are found (the ones that matter to a figure); the shared area reported is the
whole overlap of the two features. Texts and tolerance are the input check's (``datacheck``).
"""

from typing import Callable, List

import numpy as np

from liaocheng_plugin.core.datacheck.figures import format_area
from liaocheng_plugin.core.datacheck.findings import DataFinding, DataKind, DataSeverity
from liaocheng_plugin.core.engine.arrays import LayerArrays
from liaocheng_plugin.core.engine.dependency import shapely
from liaocheng_plugin.core.engine.repair import polygonal_parts
from liaocheng_plugin.core.i18n import tr


def self_overlap_findings(
    arrays: LayerArrays, pairs: np.ndarray, measure: Callable[[np.ndarray], np.ndarray], tolerance_m2: float
) -> List[DataFinding]:
    """A ``warning`` summary and one per pair (the largest MAX_LISTED) of the feature pairs (positions in
    ``arrays``, shape (n, 2)) whose shared area, measured by ``measure`` (m²), exceeds ``tolerance_m2``.
    The summary concerns every feature of those pairs, a pair's finding both features (``feature_ids``), so
    the ``data_warnings`` of a subject carry them when it meets either feature."""
    from liaocheng_plugin.core.datacheck.columns import MAX_LISTED, fid_tuple  # they build on engine.arrays

    if not len(pairs):
        return []
    geometries = arrays.geometries
    shared = measure(polygonal_parts(shapely.intersection(geometries[pairs[:, 0]], geometries[pairs[:, 1]])))
    big = np.flatnonzero(shared > tolerance_m2)
    if not len(big):
        return []
    big = big[np.argsort(-shared[big], kind="stable")]
    fids = arrays.fids
    hint = tr("The checks count shared area once; correct the layer so its features tile without overlaps.")
    summary = tr("Layer “{}”: {} pairs of features overlap each other (more than {:g} m² each), {} in all.").format(
        arrays.name, f"{len(big):,}", tolerance_m2, format_area(float(shared[big].sum()))
    )
    every = fid_tuple(np.unique(fids[pairs[big]]))
    findings = [DataFinding(arrays.name, None, DataKind.SELF_OVERLAP, DataSeverity.WARNING, summary, hint, every)]
    for row in big[:MAX_LISTED]:
        first, second = int(fids[pairs[row, 0]]), int(fids[pairs[row, 1]])
        first, second = min(first, second), max(first, second)
        text = tr("Layer “{}”: features {} and {} overlap by {}.").format(
            arrays.name, first, second, format_area(float(shared[row]))
        )
        findings.append(
            DataFinding(arrays.name, first, DataKind.SELF_OVERLAP, DataSeverity.WARNING, text, hint, (first, second))
        )
    return findings
