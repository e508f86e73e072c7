"""The result of :func:`roadmap.check`: a :class:`Report` of :class:`Finding` values."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, Literal, TypeAlias

import attrs

from roadmap import _html
from roadmap._i18n import Language

__all__ = ["SCHEMA", "SEVERITIES", "Finding", "Report", "Severity"]

Severity: TypeAlias = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
#: Version of the JSON shape of a report.
SCHEMA = "roadmap.check/1"

_SEVERITY_WORDS = {
    "en": {"error": "Errors", "warning": "Warnings", "info": "Notes"},
    "id": {"error": "Kesalahan", "warning": "Peringatan", "info": "Catatan"},
}


@attrs.frozen(kw_only=True)
class Finding:
    """One problem of a plan.

    Attributes
    ----------
    code
        Stable identifier of the rule, e.g. ``"over-ceiling"``.
    severity
        ``"error"`` (the plan is infeasible or inconsistent), ``"warning"`` (probably
        wrong) or ``"info"`` (worth a look).
    subjects
        Ids of the items, phases or years concerned.
    message
        What is wrong, with the figures.
    hint
        The concrete fix.
    """

    code: str
    severity: Severity
    subjects: tuple[str, ...]
    message: str
    hint: str

    def to_dict(self) -> dict[str, Any]:
        """The finding as the JSON object of ``roadmap check --format json``."""
        return {
            "code": self.code, "severity": self.severity, "subjects": list(self.subjects),
            "message": self.message, "hint": self.hint,
        }  # fmt: skip


@attrs.frozen(kw_only=True)
class Report:
    """The findings of :func:`check`, most severe first.

    Iterate it, filter it, or render it as text (``str(report)``), JSON, Markdown or HTML.
    """

    roadmap: str
    language: Language
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings and notes may remain)."""
        return not any(f.severity == "error" for f in self.findings)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """Findings of severity error."""
        return tuple(f for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """Findings of severity warning."""
        return tuple(f for f in self.findings if f.severity == "warning")

    @property
    def infos(self) -> tuple[Finding, ...]:
        """Findings of severity info."""
        return tuple(f for f in self.findings if f.severity == "info")

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def filter(
        self,
        *,
        code: str | Iterable[str] | None = None,
        severity: Severity | Iterable[Severity] | None = None,
        subject: str | None = None,
    ) -> Report:
        """The findings with one of the codes, severities and naming the subject.

        Examples
        --------
        >>> r = Report(roadmap="x", language="en", findings=(
        ...     Finding(code="a", severity="info", subjects=("X",), message="", hint=""),))
        >>> len(r.filter(severity="error")), len(r.filter(subject="X"))
        (0, 1)
        """
        codes = {code} if isinstance(code, str) else None if code is None else set(code)
        sevs = (
            {severity} if isinstance(severity, str) else None if severity is None else set(severity)
        )
        kept = tuple(
            f for f in self.findings
            if (codes is None or f.code in codes)
            and (sevs is None or f.severity in sevs)
            and (subject is None or subject in f.subjects)
        )  # fmt: skip
        return attrs.evolve(self, findings=kept)

    def to_dict(self) -> dict[str, Any]:
        """The JSON tree: ``{"schema", "roadmap", "ok", "findings": [...]}``."""
        return {
            "schema": SCHEMA,
            "roadmap": self.roadmap,
            "ok": self.ok,
            "findings": [f.to_dict() for f in self.findings],
        }

    def to_json(self, indent: int | None = 2) -> str:
        """The report as JSON text (SPEC §6, with a schema version)."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False) + "\n"

    def _summary(self) -> str:
        n = {s: sum(f.severity == s for f in self.findings) for s in SEVERITIES}
        if self.language == "id":
            return (f"{n['error']} kesalahan, {n['warning']} peringatan, {n['info']} catatan"
                    if self.findings else "Tidak ada temuan.")  # fmt: skip
        if not self.findings:
            return "No findings."
        words = (("error", "errors"), ("warning", "warnings"), ("note", "notes"))
        return ", ".join(f"{n[s]} {words[k][n[s] != 1]}" for k, s in enumerate(SEVERITIES))

    def to_text(self) -> str:
        """A terminal rendering, grouped by severity."""
        lines = [f"{self.roadmap}: {self._summary()}"]
        words = _SEVERITY_WORDS[self.language]
        hint_word = "saran" if self.language == "id" else "fix"
        for sev in SEVERITIES:
            group = [f for f in self.findings if f.severity == sev]
            if not group:
                continue
            lines += ["", f"{words[sev]} ({len(group)})"]
            for f in group:
                lines.append(f"  [{f.code}] {f.message}")
                lines.append(f"      {hint_word}: {f.hint}")
        return "\n".join(lines) + "\n"

    __str__ = to_text

    def to_markdown(self) -> str:
        """A Markdown table per severity, for a planning document."""
        words = _SEVERITY_WORDS[self.language]
        head = (
            ("Kode", "Subjek", "Temuan", "Saran")
            if self.language == "id"
            else ("Code", "Subjects", "Finding", "Fix")
        )
        out = [f"# {_md(self.roadmap)}", "", self._summary()]
        for sev in SEVERITIES:
            group = [f for f in self.findings if f.severity == sev]
            if not group:
                continue
            out += ["", f"## {words[sev]}", "", "| " + " | ".join(head) + " |", "|---|---|---|---|"]
            for f in group:
                out.append(
                    f"| `{f.code}` | {_md(', '.join(f.subjects))} | {_md(f.message)} | "
                    f"{_md(f.hint)} |"
                )
        return "\n".join(out) + "\n"

    def _repr_html_(self) -> str:
        words = _SEVERITY_WORDS[self.language]
        head = (
            ("Tingkat", "Kode", "Subjek", "Temuan", "Saran") if self.language == "id"
            else ("Severity", "Code", "Subjects", "Finding", "Fix")
        )  # fmt: skip
        return _html.table(
            head,
            ((words[f.severity], f.code, ", ".join(f.subjects), f.message, f.hint)
             for f in self.findings),
            title=self.roadmap,
            note=f": {self._summary()}",
            bold=(f.severity == "error" for f in self.findings),
        )  # fmt: skip


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
