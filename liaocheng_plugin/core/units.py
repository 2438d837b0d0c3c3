"""Area units a land bureau reports: m², 亩 and 公顷."""

SQUARE_METRES_PER_MU = 10000.0 / 15.0
SQUARE_METRES_PER_HECTARE = 10000.0
MU_DECIMALS = 2
HECTARE_DECIMALS = 4


def m2_to_mu(area_m2: float) -> float:
    """Square metres to 亩 (1 亩 = 10000/15 m²), unrounded."""
    return area_m2 / SQUARE_METRES_PER_MU


def m2_to_ha(area_m2: float) -> float:
    """Square metres to 公顷 (hectares), unrounded."""
    return area_m2 / SQUARE_METRES_PER_HECTARE


def round_mu(area_m2: float) -> float:
    """Square metres to 亩 rounded as official tables give them (2 decimals)."""
    return round(m2_to_mu(area_m2), MU_DECIMALS)


def round_ha(area_m2: float) -> float:
    """Square metres to 公顷 rounded as official tables give them (4 decimals)."""
    return round(m2_to_ha(area_m2), HECTARE_DECIMALS)


def percent(part: float, whole: float) -> float:
    """part / whole in percent, 0 when whole is 0."""
    return 100.0 * part / whole if whole > 0 else 0.0
