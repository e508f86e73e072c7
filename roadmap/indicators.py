"""Achievement of performance indicators (*capaian kinerja*) and its bands.

Four formulas are in use in Indonesian evaluations, chosen by how an indicator's
realisations combine (:attr:`~roadmap.model.Indicator.combine`) and its polarity:

- ``sum`` (a count of things done): the sum of the year's realisations / target x 100;
- ``last``, ``percent``, ``final``: the year's latest realisation / target x 100;
- *lower is better* (stunting, poverty): target / realisation x 100 instead.

A target range (``69,1-69,5``) is met by any value inside it: inside is 100 %, outside
the nearer bound is the target.  To date (*s.d.*), the realisations so far are measured
against the end-of-period target (*kondisi akhir*).  Bands follow the evaluation practice
(thresholds configurable): *Sangat Tinggi* from 91 %, *Tinggi* 76-90, *Sedang* 66-75,
*Rendah* 51-65, *Sangat Rendah* 50 and below.

Examples
--------
>>> from roadmap.model import Indicator
>>> ind = Indicator(id="I1", name="Aplikasi terintegrasi", targets={2021: 10},
...                 realisations={"2021-TW1": 2, "2021-TW2": 3, "2021-TW3": 4})
>>> achievement(ind, 2021)
90.0
>>> band(90.0)
'Tinggi'
>>> stunting = Indicator(id="I2", name="Prevalensi stunting", polarity="lower",
...                      combine="last", targets={2022: 20}, realisations={"2022": 25})
>>> achievement(stunting, 2022)
80.0
"""

from __future__ import annotations

from collections.abc import Sequence

from roadmap.model import Indicator, Target, period_key

__all__ = ["BANDS", "achievement", "achievement_to_date", "band", "realised"]

#: Achievement bands from the top, with the lowest percentage of each (configurable).
BANDS: tuple[tuple[str, float], ...] = (
    ("Sangat Tinggi", 91.0), ("Tinggi", 76.0), ("Sedang", 66.0), ("Rendah", 51.0),
    ("Sangat Rendah", float("-inf")),
)  # fmt: skip


def realised(indicator: Indicator, year: int, *, cumulative: bool = False) -> float | None:
    """The realisation of *year* as the indicator combines it, or ``None`` without any.

    ``sum``: the year's periods added up (with *cumulative*, every year up to *year*);
    otherwise the latest period's value up to the end of *year*.
    """
    values = sorted((period_key(p), v) for p, v in indicator.realisations.items())
    chosen = [v for (y, _), v in values if (y <= year if cumulative else y == year)]
    if not chosen:
        return None
    return sum(chosen) if indicator.combine == "sum" else chosen[-1]


def _percent(value: float, target: Target, lower: bool) -> float | None:
    if isinstance(target, tuple):
        low, high = target
        if low <= value <= high:
            return 100.0
        target = low if value < low else high
    if lower:
        return None if value == 0 else round(target / value * 100, 2)
    return None if target == 0 else round(value / target * 100, 2)


def achievement(indicator: Indicator, year: int) -> float | None:
    """The achievement of *year* in per cent, or ``None`` (no target or no realisation).

    Examples
    --------
    >>> from roadmap.model import Indicator
    >>> ind = Indicator(id="I", name="Indeks", combine="last", targets={2021: "2,1-2,3"},
    ...                 realisations={"2021": 2.2})
    >>> achievement(ind, 2021)
    100.0
    """
    target = indicator.targets.get(year)
    value = realised(indicator, year)
    if target is None or value is None:
        return None
    return _percent(value, target, indicator.polarity == "lower")


def achievement_to_date(indicator: Indicator, year: int) -> float | None:
    """The realisations up to *year* against the end-of-period target (*kondisi akhir*)."""
    value = realised(indicator, year, cumulative=True)
    if indicator.final is None or value is None:
        return None
    return _percent(value, indicator.final, indicator.polarity == "lower")


def band(percent: float, bands: Sequence[tuple[str, float]] = BANDS) -> str:
    """The band (*kategori capaian*) of an achievement in per cent.

    Examples
    --------
    >>> band(95), band(76), band(75.9), band(50)
    ('Sangat Tinggi', 'Tinggi', 'Sedang', 'Sangat Rendah')
    """
    for name, lowest in bands:
        if percent >= lowest:
            return name
    return bands[-1][0]
