"""What a simulation found: percentiles, probabilities, drivers and yearly spend."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from roadmap._i18n import RISK_LEVELS

__all__ = [
    "LEVELS", "PERCENTILES", "ItemRisk", "RiskImpact", "RiskResult", "YearRisk", "level",
    "percentile_dates",
]  # fmt: skip

#: The percentiles reported for every date.
PERCENTILES = (10, 50, 80, 90)
#: The five levels of the 5x5 likelihood x impact matrix, per language, lowest first.
LEVELS = RISK_LEVELS


def level(score: int, language: str = "id") -> str:
    """The word for a level from 1 to 5 (``level(5)`` is ``"Sangat Tinggi"``)."""
    return LEVELS["id" if language == "id" else "en"][score - 1]


def _quantile(values: npt.NDArray[Any], q: float) -> int:
    """The smallest sample with at least a share *q* of samples at or below it."""
    return int(np.quantile(values, q, method="inverted_cdf"))


def percentile_dates(finish_days: npt.NDArray[np.int64]) -> dict[str, date]:
    """P10, P50, P80, P90 and mean as inclusive last days, from exclusive day numbers."""
    out = {f"p{p}": date.fromordinal(_quantile(finish_days, p / 100) - 1) for p in PERCENTILES}
    out["mean"] = date.fromordinal(round(float(finish_days.mean())) - 1)
    return out


def standard_errors(values: npt.NDArray[np.int64]) -> dict[str, float]:
    """Standard error in days of each reported percentile, distribution-free.

    The rank of the sample *p*-quantile among *n* samples is binomial, with standard
    deviation ``sqrt(n p (1 - p))``; half the distance between the order statistics that
    far either side of ``n p`` is one standard error.
    """
    ordered = np.sort(values)
    n = len(ordered)
    out = {}
    for p in PERCENTILES:
        q = p / 100
        half = (n * q * (1 - q)) ** 0.5
        lo = int(max(0, np.floor(n * q - half)))
        hi = int(min(n - 1, np.ceil(n * q + half)))
        out[f"p{p}"] = float(ordered[hi] - ordered[lo]) / 2
    out["mean"] = float(values.std(ddof=1) / n**0.5) if n > 1 else 0.0
    return out


@attrs.frozen(kw_only=True)
class ItemRisk:
    """How much one initiative drives the finish.

    Attributes
    ----------
    criticality
        Share of samples in which it is critical (total slack <= 0).
    cruciality
        Spearman rank correlation of its length with the roadmap's finish; ``None`` for an
        item whose length does not vary.
    ssi
        Schedule sensitivity index: criticality x (standard deviation of its length /
        standard deviation of the finish); ``None`` where cruciality is.
    """

    id: str
    name: str
    criticality: float
    cruciality: float | None
    ssi: float | None


@attrs.frozen(kw_only=True)
class YearRisk:
    """Spend in one fiscal year over the samples, against the year's ceiling."""

    year: int
    planned: float
    mean: float
    p50: float
    p80: float
    ceiling: int | None
    p_over: float | None


@attrs.frozen(kw_only=True)
class RiskImpact:
    """A risk of the register with what the simulation saw of it.

    ``finish_days`` is the mean finish of the samples in which it happened minus that of
    the others (``None`` when it happened in all or none); ``likelihood`` and ``impact`` are
    levels 1 to 5 (see :func:`roadmap.risk.simulate`).
    """

    id: str
    name: str
    probability: float
    happened: float
    finish_days: float | None
    likelihood: int
    impact: int | None

    @property
    def score(self) -> int | None:
        """Likelihood x impact, 1 to 25."""
        return None if self.impact is None else self.likelihood * self.impact

    @property
    def level(self) -> int | None:
        """The score's level on the 5x5 matrix, 1 to 5: scores 1-2, 3-4, 5-9, 10-16, 20-25."""
        score = self.score
        if score is None:
            return None
        return (
            1 if score <= 2 else 2 if score <= 4 else 3 if score <= 9 else 4 if score <= 16 else 5
        )


@attrs.frozen(kw_only=True, eq=False)
class RiskResult:
    """The result of :func:`roadmap.simulate`.

    Dates are inclusive last days.  ``finish``, each milestone's and each phase's entry map
    ``p10``, ``p50``, ``p80``, ``p90`` and ``mean`` to dates; ``finish_se`` gives the
    standard error of each in days.  ``deadlines`` maps each item with a deadline (its
    date in ``deadline_dates``) to the share of samples that meet it.  ``finish_days``
    holds every sample's finish (exclusive day numbers) for charts and further analysis.
    """

    name: str
    language: str
    samples: int
    seed: int | None
    converged: bool | None
    start: date
    deterministic: date
    deterministic_percentile: float
    finish: Mapping[str, date]
    finish_se: Mapping[str, float]
    end: date | None
    p_end: float | None
    milestones: Mapping[str, Mapping[str, date]]
    phases: Mapping[str, Mapping[str, date]]
    deadlines: Mapping[str, float]
    deadline_dates: Mapping[str, date]
    items: tuple[ItemRisk, ...]
    years: tuple[YearRisk, ...]
    risks: tuple[RiskImpact, ...]
    finish_days: npt.NDArray[np.int64] = attrs.field(repr=False)
    spend: Mapping[int, npt.NDArray[np.float64]] = attrs.field(repr=False)
    currency: str = "IDR"

    def probability_by(self, day: date) -> float:
        """The share of samples that finish on or before *day*."""
        return float(np.mean(self.finish_days <= day.toordinal() + 1))

    def drivers(self, count: int = 10) -> list[ItemRisk]:
        """The items that move the finish most, by cruciality (absolute), then criticality."""
        varied = [i for i in self.items if i.cruciality is not None]
        varied.sort(key=lambda i: (-abs(i.cruciality or 0.0), -i.criticality, i.id))
        return varied[:count]

    def to_dict(self) -> dict[str, Any]:
        """The JSON tree of ``roadmap risk --format json`` (dates as ISO text)."""

        def dates(d: Mapping[str, date]) -> dict[str, str]:
            return {k: v.isoformat() for k, v in d.items()}

        return {
            "roadmap": self.name,
            "samples": self.samples,
            "seed": self.seed,
            "converged": self.converged,
            "deterministic_finish": self.deterministic.isoformat(),
            "deterministic_percentile": round(self.deterministic_percentile, 1),
            "finish": dates(self.finish),
            "finish_se_days": {k: round(v, 2) for k, v in self.finish_se.items()},
            "end": None if self.end is None else self.end.isoformat(),
            "p_end": self.p_end,
            "milestones": {k: dates(v) for k, v in self.milestones.items()},
            "phases": {k: dates(v) for k, v in self.phases.items()},
            "deadlines": dict(self.deadlines),
            "deadline_dates": {k: v.isoformat() for k, v in self.deadline_dates.items()},
            "items": [
                {"id": i.id, "criticality": round(i.criticality, 4),
                 "cruciality": None if i.cruciality is None else round(i.cruciality, 4),
                 "ssi": None if i.ssi is None else round(i.ssi, 4)}
                for i in self.items
            ],
            "years": [
                {"year": y.year, "planned": round(y.planned), "mean": round(y.mean),
                 "p50": round(y.p50), "p80": round(y.p80), "ceiling": y.ceiling,
                 "p_over": y.p_over}
                for y in self.years
            ],
            "risks": [
                {"id": r.id, "probability": r.probability, "happened": round(r.happened, 4),
                 "finish_days": None if r.finish_days is None else round(r.finish_days, 1),
                 "likelihood": r.likelihood, "impact": r.impact, "score": r.score}
                for r in self.risks
            ],
        }  # fmt: skip

    def __repr__(self) -> str:
        f = self.finish
        return (
            f"<RiskResult {self.name!r}: {self.samples} samples, finish P50 {f['p50']}, "
            f"P80 {f['p80']}; deterministic {self.deterministic} is "
            f"P{self.deterministic_percentile:.0f}>"
        )
