"""roadmap risk end to end: the command, its tables (read back with openpyxl) and charts.

The outputs of :mod:`roadmap.export.risk` and :mod:`roadmap.plot.risk`, tested through the
command line that users run, and the charts by what they draw.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import openpyxl
import pytest
from matplotlib.dates import date2num

import roadmap as rm
from roadmap.cli import main
from roadmap.export import risk_markdown, risk_text
from roadmap.plot import plot_risk

PLAN = """
[roadmap]
name = "Risiko"
start = 2019-01-01
end = 2020-06-30

[ceilings]
2019 = 900_000_000

[[initiatives]]
id = "A"
name = "Jaringan"
duration = "9 months"
duration_range = ["6 months", "9 months", "14 months"]
budget = 1_000_000_000
cost_range = ["-10%", "+30%"]

[[initiatives]]
id = "B"
name = "Aplikasi"
duration = "6 months"
optimistic = "5 months"
pessimistic = "10 months"
distribution = "triangular"
depends_on = ["A"]
deadline = 2020-03-31

[[milestones]]
id = "M"
name = "Selesai"
after = "B"

[[risks]]
id = "R1"
name = "Tender gagal"
probability = "30%"
items = ["A"]
delay = ["1 month", "3 months"]
"""


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    path = tmp_path / "risk.toml"
    path.write_text(PLAN, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def result() -> rm.RiskResult:
    return rm.simulate(rm.loads(PLAN), 4000, seed=7)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_text_names_the_p_dates_and_the_chance_to_meet_the_end(
    capsys: pytest.CaptureFixture[str], plan_path: Path, result: rm.RiskResult
) -> None:
    code, out, err = run(capsys, "risk", str(plan_path), "--samples", "4000", "--seed", "7")
    assert (code, err) == (0, "")
    assert out.startswith("Risiko: risiko jadwal dan anggaran (4.000 sampel, seed 7)")
    assert f"adalah P{result.deterministic_percentile:.0f}" in out
    assert f"(akhir periode): {result.p_end:.0%}" in out
    assert result.finish["p80"].isoformat() in out
    assert "Tender gagal" in out and "Pagu" not in out  # noqa: PT018
    assert "Sangat" in out or "Rendah" in out or "Tinggi" in out


def test_json_is_the_documented_tree(
    capsys: pytest.CaptureFixture[str], plan_path: Path, result: rm.RiskResult
) -> None:
    code, out, _ = run(capsys, "risk", str(plan_path), "-n", "4000", "--seed", "7", "-f", "json")
    tree = json.loads(out)
    assert code == 0
    assert tree == json.loads(json.dumps(result.to_dict()))
    assert tree["milestones"]["M"]["p50"] == result.milestones["M"]["p50"].isoformat()
    assert set(tree["deadlines"]) == {"B"}
    assert tree["years"][0]["ceiling"] == 900_000_000


def test_xlsx_reads_back_with_dates_as_dates(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path, result: rm.RiskResult
) -> None:
    target = tmp_path / "risiko.xlsx"
    assert (
        run(capsys, "risk", str(plan_path), "-n", "4000", "--seed", "7", "-o", str(target))[0] == 0
    )
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Ringkasan", "Tanggal", "Kegiatan", "Tahun", "Risiko"]
    rows = list(book["Tanggal"].iter_rows(values_only=True))
    assert rows[0] == ("butir", "P10", "P50", "P80", "P90", "rata-rata")
    assert rows[1][3].date() == result.finish["p80"]
    years = list(book["Tahun"].iter_rows(values_only=True))
    assert years[1][0] == 2019 and years[1][5] == 900_000_000  # noqa: PT018


def test_markdown_and_english(result: rm.RiskResult) -> None:
    md = risk_markdown(result, "en")
    assert md.startswith("**Risiko: schedule and budget risk (4,000 samples, seed 7)**")
    assert "| id | risk | probability |" in md
    assert "standard error (days)" in risk_text(result, "en")


@pytest.mark.parametrize("chart", ["finish", "drivers", "spend"])
def test_charts_are_written_as_png(
    capsys: pytest.CaptureFixture[str], plan_path: Path, tmp_path: Path, chart: str
) -> None:
    target = tmp_path / f"{chart}.png"
    code, _, err = run(capsys, "risk", str(plan_path), "-n", "500", "--chart", chart,
                       "-o", str(target))  # fmt: skip
    assert (code, err) == (0, "")
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_finish_chart_marks_the_p_dates_and_the_end(result: rm.RiskResult) -> None:
    ax = plot_risk(result, "finish", ax=plt.figure().gca(), language="en")
    lines = {line.get_gid(): line for line in ax.lines}
    for key in ("p10", "p50", "p80", "p90"):
        assert lines[key].get_xdata()[0] == pytest.approx(date2num(result.finish[key]))
    assert lines["end"].get_xdata()[0] == pytest.approx(date2num(date(2020, 6, 30)))
    assert lines["deterministic"].get_xdata()[0] == pytest.approx(date2num(result.deterministic))
    heights = sum(p.get_height() for p in ax.patches)
    assert heights == result.samples  # the histogram counts every sample
    plt.close("all")


def test_the_tornado_lists_the_drivers_strongest_on_top(result: rm.RiskResult) -> None:
    ax = plot_risk(result, "drivers", ax=plt.figure().gca())
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[-1].startswith(result.drivers()[0].id)
    widths = [p.get_width() for p in ax.patches]
    assert widths[::-1] == pytest.approx([d.cruciality for d in result.drivers()])
    plt.close("all")


def test_the_spend_chart_draws_the_ceiling_and_the_band(result: rm.RiskResult) -> None:
    ax = plot_risk(result, "spend", ax=plt.figure().gca())
    lines = {line.get_gid(): line for line in ax.lines}
    assert list(lines["ceilings"].get_ydata()) == [0.9]  # Rp 0,9 miliar
    assert ax.get_ylabel() == "Anggaran (Rp miliar)"
    y2019 = next(y for y in result.years if y.year == 2019)
    assert lines["p50"].get_ydata()[0] == pytest.approx(y2019.p50 / 1e9)
    plt.close("all")


def test_an_unknown_chart_is_refused(result: rm.RiskResult) -> None:
    with pytest.raises(ValueError, match="unknown chart"):
        plot_risk(result, "pie")  # type: ignore[arg-type]
    plt.close("all")


def test_plan_errors_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(PLAN.replace('"+30%"', '"-30%"').replace('"-10%"', '"+10%"'), "utf-8")
    code, _out, err = run(capsys, "risk", str(path))
    assert code == 2
    assert err.count("\n") == 1
    assert "cost_range" in err
    bad = tmp_path / "bad2.toml"
    bad.write_text(PLAN.replace('delay = ["1 month", "3 months"]',
                                'delay = ["3 months", "1 month"]'), "utf-8")  # fmt: skip
    code, _, err = run(capsys, "risk", str(bad))
    assert code == 2
    assert "delay" in err and err.count("\n") == 1  # noqa: PT018


def test_the_same_seed_writes_the_same_bytes(
    capsys: pytest.CaptureFixture[str], plan_path: Path
) -> None:
    one = run(capsys, "risk", str(plan_path), "-n", "300", "--seed", "3", "-f", "json")[1]
    two = run(capsys, "risk", str(plan_path), "-n", "300", "--seed", "3", "-f", "json")[1]
    assert one == two


def test_the_report_has_a_risk_section_only_for_a_plan_with_uncertainty() -> None:
    from roadmap.reporting import report

    plan = rm.loads(PLAN)
    html = report(plan, sections=["risk"]).html
    assert 'id="risk"' in html
    assert "Risiko jadwal dan anggaran" in html
    assert "Tender gagal" in html
    assert html.count("<svg") == 3  # finish, drivers, spend
    assert report(plan, sections=["risk"]).html == html  # a fixed seed: the same report
    plain = rm.loads(PLAN.split("[[risks]]")[0].replace('duration_range = ["6 months", '
                                                         '"9 months", "14 months"]', "")
                     .replace('optimistic = "5 months"', "").replace(
                         'pessimistic = "10 months"', "").replace('cost_range = ["-10%", "+30%"]',
                                                                  ""))  # fmt: skip
    assert 'id="risk"' not in report(plain).html
