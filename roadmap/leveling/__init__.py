"""Leveling: fit the roadmap to its yearly ceilings and the agency's capacity.

:func:`level` moves items later, with the least delay, so that every fiscal year's budget
stays within its ceiling (total, and per funding source, dimension or owner) and every
resource and owner within its capacity, keeping dependencies, planned starts, deadlines
and the end of the period.  The modules: ``rcpsp`` (the engine: serial schedule
generation, double justification, a genetic algorithm), ``problem`` (a roadmap as such a
project), ``exact`` (the same as a constraint program for OR-Tools CP-SAT, optional),
``result`` (:class:`LevelResult`) and ``level`` (:func:`level`).
"""

from roadmap.leveling.level import level, verify
from roadmap.leveling.result import LevelResult, Move

__all__ = ["LevelResult", "Move", "level", "verify"]
