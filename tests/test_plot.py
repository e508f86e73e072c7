"""Tests of roadmap.plot: what was drawn, and the files written."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import pairwise
from pathlib import Path

import attrs
import matplotlib
import numpy as np
from PIL import Image

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import Collection, LineCollection, PolyCollection
from matplotlib.dates import date2num
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.text import Text

import roadmap as rm
from roadmap import Initiative, Milestone, Phase, Roadmap
from roadmap.cli import main
from roadmap.plot import plot_budget, plot_gantt, plot_s_curve, save_gantt
from roadmap.plot._style import CRITICAL
from roadmap.plot.budget import budget_figure
from roadmap.plot.gantt import gantt_pages

D = date


def x(day: date) -> float:
    """Where *day* begins on a chart's x axis: matplotlib's date units."""
    return float(date2num(day))


EXAMPLE = Path(__file__).parent.parent / "examples" / "tanjungpinang_2019_2023.toml"


@pytest.fixture
def ax() -> Iterator[Axes]:
    fig, axes = plt.subplots(figsize=(10, 4))
    yield axes
    plt.close(fig)


def plan() -> Roadmap:
    return Roadmap(
        name="Demo", start=D(2019, 1, 1), language="en",
        phases=[Phase(id="F1", name="Infra", start=D(2019, 1, 1), end=D(2019, 12, 31)),
                Phase(id="F2", name="Services", start=D(2020, 1, 1), end=D(2020, 12, 31))],
        initiatives=[
            Initiative(id="A", name="Masterplan", phase="F1", duration="3 months", progress=0.5,
                       budget=1_500_000_000),
            Initiative(id="B", name="Regulation", phase="F1", duration=30, depends_on=["A"],
                       deadline=D(2019, 4, 15)),
            Initiative(id="C", name="Training", phase="F2", start=D(2020, 1, 1), duration=10,
                       depends_on=[{"id": "B", "type": "SS", "lag": 5}]),
            Initiative(id="D", name="Side work", phase="F1", duration=10),
        ],
        milestones=[Milestone(id="M", name="Adopted", after="B", phase="F1")],
    )  # fmt: skip


def row_labels(ax: Axes) -> list[str]:
    """The row labels, top to bottom (texts left of the axes)."""
    texts = [t for t in ax.texts if t.get_gid() in ("row-label", "lane-label")]
    return [t.get_text() for t in sorted(texts, key=lambda t: t.get_position()[1])]


def collection(ax: Axes, gid: str) -> Collection:
    found = [c for c in ax.collections if c.get_gid() == gid]
    assert len(found) == 1, [c.get_gid() for c in ax.collections]
    return found[0]


def boxes(ax: Axes, gid: str) -> list[tuple[float, float, float]]:
    """(x0, width, y centre) of each rectangle in a PolyCollection."""
    c = collection(ax, gid)
    assert isinstance(c, PolyCollection)
    out = []
    for path in c.get_paths():
        xs, ys = path.vertices[:, 0], path.vertices[:, 1]
        out.append((float(xs.min()), float(xs.max() - xs.min()), float((ys.min() + ys.max()) / 2)))
    return out


class TestGantt:
    def test_bars_cover_the_scheduled_days(self, ax: Axes) -> None:
        """Each initiative is a bar from its first day to the end of its last day."""
        plot_gantt(plan(), ax=ax)
        rows = {label.split()[0]: k for k, label in enumerate(row_labels(ax))}
        bars = {round(y): (x0, w) for x0, w, y in boxes(ax, "bars")}
        sched = rm.schedule(plan())
        for id in "ABCD":
            s = sched[id]
            assert bars[rows[id]] == (x(s.start), s.days)

    def test_x_axis_is_in_date_units(self, ax: Axes) -> None:
        """A date the user draws lands on that day of the chart, inside the x range."""
        plot_gantt(plan(), ax=ax)
        start = rm.schedule(plan())["B"].start
        line = ax.axvline(start)
        rows = {label.split()[0]: k for k, label in enumerate(row_labels(ax))}
        bars = {round(y): x0 for x0, _, y in boxes(ax, "bars")}
        assert line.get_xdata(orig=False)[0] == bars[rows["B"]]
        lo, hi = ax.get_xlim()
        assert lo <= bars[rows["B"]] <= hi

    def test_lanes_labels_and_order(self, ax: Axes) -> None:
        """Lanes in phase order with bold headers; items by date; ids and names as labels."""
        plot_gantt(plan(), ax=ax)
        assert row_labels(ax) == [
            "F1  Infra",
            "D  Side work",
            "A  Masterplan",
            "B  Regulation",
            "M  Adopted",
            "F2  Services",
            "C  Training",
        ]
        bold = {t.get_text(): t.get_fontweight() for t in ax.texts if t.get_gid()}
        assert bold["F1  Infra"] == "bold"
        assert bold["A  Masterplan"] == "normal"
        assert len(boxes(ax, "lane-spans")) == 2

    def test_milestone_diamond(self, ax: Axes) -> None:
        """A milestone is a diamond at the end of its day."""
        plot_gantt(plan(), ax=ax)
        offsets = collection(ax, "milestones").get_offsets()
        assert offsets.tolist() == [[x(rm.schedule(plan())["M"].finish) + 1, 4]]

    def test_critical_outline(self, ax: Axes) -> None:
        """Critical bars are outlined in the critical colour, others are not."""
        plot_gantt(plan(), ax=ax)
        edges = collection(ax, "bars").get_edgecolors()
        critical = [tuple(e) == matplotlib.colors.to_rgba(CRITICAL) for e in edges]
        assert critical == [False, True, True, True]  # D, A, B, C by row

    def test_arrows(self, ax: Axes) -> None:
        """One elbow connector per driving link (or per link, or none)."""
        plot_gantt(plan(), ax=ax)
        links = collection(ax, "links")
        assert isinstance(links, LineCollection)
        # A->B and B->M drive; C's own planned start, not its SS link to B, fixes its date.
        assert len(links.get_segments()) == 2
        fig, (all_links, no_links) = plt.subplots(1, 2)
        plot_gantt(plan(), ax=all_links, arrows="all")
        assert len(collection(all_links, "links").get_segments()) == 3
        plot_gantt(plan(), ax=no_links, arrows="none")
        assert not [c for c in no_links.collections if c.get_gid() == "links"]
        plt.close(fig)

    def test_finish_links_enter_from_the_right(self, ax: Axes) -> None:
        """FF and SF connectors end at the successor's finish with a left-pointing head."""
        p = Roadmap(name="links", start=D(2019, 1, 1), initiatives=[
            Initiative(id="A", name="a", duration=30, start=D(2019, 3, 1)),
            Initiative(id="B", name="b", duration=10, depends_on=[{"id": "A", "type": "FF"}]),
            Initiative(id="C", name="c", duration=10, depends_on=[{"id": "A", "type": "SF"}]),
        ])  # fmt: skip
        plot_gantt(p, ax=ax, group_by=None, arrows="all")
        heads = collection(ax, "link-heads-finish").get_offsets().tolist()
        s = rm.schedule(p)
        rows = {label.split()[0]: k for k, label in enumerate(row_labels(ax))}
        assert sorted(heads) == sorted(
            [[x(s["B"].finish) + 1, rows["B"]], [x(s["C"].finish) + 1, rows["C"]]]
        )
        assert not [c for c in ax.collections if c.get_gid() == "link-heads"]

    def test_progress_deadline_status_budget(self, ax: Axes) -> None:
        """Progress fill, deadline marker, status-date line and budget in words."""
        plot_gantt(plan(), ax=ax, status_date=D(2019, 6, 30), budgets=True)
        ((x0, w, _),) = boxes(ax, "progress")
        a = rm.schedule(plan())["A"]
        assert (x0, w) == (x(a.start), a.days * 0.5)
        # B must finish by 15 April but runs to 30 April: a missed deadline.
        assert collection(ax, "deadlines-missed").get_offsets().tolist()[0][0] == x(D(2019, 4, 16))
        assert [line.get_gid() for line in ax.get_lines()].count("status-date") == 1
        texts = [t.get_text() for t in ax.texts]
        assert "IDR 1.5 billion" in texts
        assert "Status date: 30 June 2019" in texts
        assert all(t.get_clip_on() is False for t in ax.texts if t.get_gid() == "budget-label")

    def test_missed_deadline_is_drawn_as_a_miss(self, ax: Axes) -> None:
        """A red marker, the days after the deadline hatched on the bar, and 'N days late'."""
        late = attrs.evolve(plan(), initiatives=[
            attrs.evolve(i, deadline=D(2019, 3, 15)) if i.id == "A" else i
            for i in plan().initiatives
        ])  # fmt: skip
        plot_gantt(late, ax=ax, language="id")
        a = rm.schedule(late)["A"]
        assert (a.finish - D(2019, 3, 15)).days == 16
        missed = collection(ax, "deadlines-missed").get_offsets().tolist()
        assert x(D(2019, 3, 16)) in [m[0] for m in missed]  # B's deadline is missed too
        parts = sorted(boxes(ax, "late-part"))
        assert (parts[0][0], parts[0][1]) == (x(D(2019, 3, 16)), 16)
        labels = [t.get_text() for t in ax.texts if t.get_gid() == "late-label"]
        assert sorted(labels) == ["terlambat 15 hari", "terlambat 16 hari"]
        legend = [t.get_text() for t in ax.get_legend().get_texts()]
        assert "Tenggat terlewat" in legend

    def test_indonesian_calendar(self, ax: Axes) -> None:
        """Indonesian quarter labels on top, years below."""
        plot_gantt(plan(), ax=ax, language="id")
        top = [t.get_text() for t in ax.texts if t.get_gid() == "calendar-top"]
        assert top[:4] == ["Jan", "Feb", "Mar", "Apr"]
        assert top[7] == "Agu"
        years = [t.get_text() for t in ax.texts if t.get_gid() == "calendar-year"]
        assert years == ["2019", "2020"]

    def test_baseline_and_groups(self, ax: Axes) -> None:
        """Baseline ghost bars; lanes by another field; no lanes at all."""
        plot_gantt(plan(), ax=ax, baseline=plan(), group_by="owner")
        assert len(boxes(ax, "baseline")) == 4
        lanes = [t.get_text() for t in ax.texts if t.get_gid() == "lane-label"]
        ordered = sorted(
            (t for t in ax.texts if t.get_gid() == "lane-label"), key=lambda t: t.get_position()[1]
        )
        assert ordered[-1].get_text() == "(none)"  # items without an owner: the last lane
        assert lanes.count("(none)") == 1

    def test_accepts_a_schedule_and_never_shows(
        self, ax: Axes, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A Schedule works as input; plt.show is never called."""
        monkeypatch.setattr(plt, "show", lambda *a, **k: pytest.fail("plt.show called"))
        assert plot_gantt(rm.schedule(plan()), ax=ax, group_by=None) is ax

    def test_a_page_repeats_the_lane_it_continues(self, ax: Axes) -> None:
        """Rows starting mid-lane get the lane's header again, marked as a continuation."""
        plot_gantt(plan(), ax=ax, rows=slice(2, 5))
        assert row_labels(ax) == [
            "F1  Infra (cont.)",
            "A  Masterplan",
            "B  Regulation",
            "M  Adopted",
        ]

    def test_long_labels_wrap_before_they_are_cut(self, ax: Axes) -> None:
        """A label longer than label_chars wraps to a second line; only a third is cut."""
        plot_gantt(plan(), ax=ax, label_chars=10)
        labels = row_labels(ax)
        assert "A\nMasterplan" in labels
        plot_gantt(plan(), ax=ax, label_chars=5)
        assert "A\nMast…" in row_labels(ax)


class TestFiles:
    @pytest.mark.parametrize(
        ("suffix", "magic"), [("png", b"\x89PNG"), ("svg", b"<?xml"), ("pdf", b"%PDF")]
    )
    def test_formats_are_valid_and_deterministic(
        self, tmp_path: Path, suffix: str, magic: bytes
    ) -> None:
        """Each format is written, starts with its signature, and repeats byte for byte."""
        a, b = tmp_path / f"a.{suffix}", tmp_path / f"b.{suffix}"
        save_gantt(plan(), a, subtitle="Bappelitbang", source="illustrative")
        save_gantt(plan(), b, subtitle="Bappelitbang", source="illustrative")
        data = a.read_bytes()
        assert data.startswith(magic)
        assert data == b.read_bytes()
        if suffix == "pdf":
            assert data.rstrip().endswith(b"%%EOF")

    def test_pdf_fonts(self, tmp_path: Path) -> None:
        """Latin text uses the standard Helvetica; other text, or asking, embeds DejaVu Sans."""
        save_gantt(plan(), tmp_path / "core.pdf", subtitle="Dinas Kominfo \u2013 Triwulan I")
        core = (tmp_path / "core.pdf").read_bytes()
        assert b"/BaseFont /Helvetica" in core
        assert b"FontFile" not in core
        assert b"DejaVu" not in core
        save_gantt(plan(), tmp_path / "embedded.pdf", embed_fonts=True)
        assert b"/FontFile2" in (tmp_path / "embedded.pdf").read_bytes()
        # A character Helvetica cannot show must not become "?": that page embeds.
        save_gantt(plan(), tmp_path / "greek.pdf", source="Ω-survey")
        greek = (tmp_path / "greek.pdf").read_bytes()
        assert b"DejaVuSans" in greek
        assert b"/BaseFont /Helvetica" not in greek

    def test_long_roadmap_continues_on_pages(self, tmp_path: Path) -> None:
        """A roadmap longer than a page gives a PDF of several pages."""
        big = Roadmap(
            name="Big",
            start=D(2019, 1, 1),
            initiatives=[
                Initiative(id=f"T{i}", name=f"Task {i}", duration=10 + i % 30) for i in range(80)
            ],
        )
        pages = save_gantt(big, tmp_path / "big.pdf")
        assert pages == 3
        assert (tmp_path / "big.pdf").read_bytes().count(b"/Type /Page\n") + (
            tmp_path / "big.pdf"
        ).read_bytes().count(b"/Type /Page ") >= 3

    def test_unknown_suffix(self, tmp_path: Path) -> None:
        """Only PNG, SVG and PDF."""
        with pytest.raises(ValueError, match="png, .svg or .pdf"):
            save_gantt(plan(), tmp_path / "x.jpg")

    def test_cli(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Roadmap gantt writes the file and says how many pages."""
        out = tmp_path / "g.pdf"
        code = main(
            [
                "gantt",
                str(EXAMPLE),
                "-o",
                str(out),
                "--status-date",
                "2021-06-30",
                "--paper",
                "A3",
                "--budgets",
            ]
        )
        assert code == 0
        assert capsys.readouterr().out == f"{out}: 1 page\n"
        assert out.read_bytes().startswith(b"%PDF")
        assert main(["gantt", str(EXAMPLE), "-o", str(tmp_path / "g.gif")]) == 2


def outside_texts(fig: Figure) -> list[str]:
    """The texts of *fig* that do not lie whole inside it, drawn by Agg."""
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    page = fig.bbox
    out = []
    for t in fig.findobj(Text):
        if not t.get_visible() or not t.get_text().strip():
            continue
        box = t.get_window_extent(renderer)
        if (
            box.x0 < page.x0 - 1
            or box.x1 > page.x1 + 1
            or box.y0 < page.y0 - 1
            or box.y1 > page.y1 + 1
        ):
            out.append(t.get_text())
    return out


class TestPages:
    @pytest.mark.parametrize("paper", ["A4", "A3"])
    @pytest.mark.parametrize("orientation", ["landscape", "portrait"])
    def test_no_text_is_clipped(self, paper: str, orientation: str) -> None:
        """Labels, budgets in words, lateness, legend and footnote all lie inside the page."""
        p = rm.load(EXAMPLE)
        figures = gantt_pages(
            p, paper=paper, orientation=orientation, budgets=True, status_date=D(2021, 6, 30),
            source="ilustrasi " * 40, subtitle="Bappelitbang",
        )  # type: ignore[arg-type]  # fmt: skip
        for fig in figures:
            assert outside_texts(fig) == []
            canvas = FigureCanvasAgg(fig)
            renderer = canvas.get_renderer()
            top = sorted(
                (t.get_window_extent(renderer) for t in fig.findobj(Text)
                 if t.get_gid() == "calendar-top"), key=lambda b: b.x0,
            )  # fmt: skip
            assert all(a.x1 <= b.x0 for a, b in pairwise(top)), "triwulan labels overlap"

    def test_example_labels_are_whole_on_a3(self) -> None:
        """On A3 landscape, as the example prints it, no row label of the example is cut."""
        p = rm.load(EXAMPLE)
        (fig,) = gantt_pages(p, paper="A3")
        labels = [t.get_text() for t in fig.findobj(Text) if t.get_gid() == "row-label"]
        assert len(labels) == len(p.items)
        assert not [t for t in labels if "…" in t]

    def test_a4_portrait_wraps_long_labels(self) -> None:
        """On A4 portrait long labels wrap to two lines instead of losing their end."""
        p = rm.load(EXAMPLE)
        labels = [
            t.get_text() for fig in gantt_pages(p, paper="A4", orientation="portrait")
            for t in fig.findobj(Text) if t.get_gid() == "row-label"
        ]  # fmt: skip
        assert any("\n" in t for t in labels)
        full = {f"{i.id}  {i.name}" for i in p.items}
        whole = [t for t in labels if t.replace("\n", " ").removeprefix("\u2605 ") in full]
        assert len(whole) >= len(labels) - 2  # at most a name or two longer than two lines


class TestTooLong:
    """A chart of more rows than a document holds says so before drawing (issue 17)."""

    @staticmethod
    def chain(n: int) -> rm.Roadmap:
        return rm.Roadmap(name="chain", start=D(2019, 1, 1), initiatives=[
            rm.Initiative(id=f"T{i}", name=f"Kegiatan {i}", duration=1,
                          depends_on=[f"T{i - 1}"] if i else []) for i in range(n)])  # fmt: skip

    def test_refused_at_once_with_what_to_draw(self) -> None:
        import time

        plan = self.chain(6_500)  # 217 A4 pages of 30 rows
        sched = rm.schedule(plan)
        started = time.perf_counter()
        with pytest.raises(rm.ChartError, match=r"6,501 rows would make 217 pages, more than a "
                           r"document holds \(200 pages of 30 rows\); draw a part"):  # fmt: skip
            gantt_pages(sched)
        with pytest.raises(rm.ChartError, match="one image 1,302 inches tall"):
            gantt_pages(sched, pages=False)
        assert time.perf_counter() - started < 5  # said before anything is drawn

    def test_a_range_of_rows(self) -> None:
        """rows=(first, last): only those rows, on as many pages as they need."""
        sched = rm.schedule(self.chain(6_500))
        figures = gantt_pages(sched, rows=(31, 90))
        assert len(figures) == 2
        labels = [t.get_text() for fig in figures for t in fig.findobj(Text)
                  if t.get_gid() == "row-label"]  # fmt: skip
        assert labels[0].startswith("T29 ")
        assert labels[-1].startswith("T88 ")
        assert len(labels) == 60
        with pytest.raises(rm.ChartError, match="the chart has rows 1-6501"):
            gantt_pages(sched, rows=(7_000, 7_100))

    def test_the_command_line_says_so(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                      ) -> None:  # fmt: skip
        from roadmap.cli import main

        path = tmp_path / "chain.toml"
        rm.save(self.chain(6_500), path)
        assert main(["gantt", str(path), "-o", str(tmp_path / "g.pdf")]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"roadmap: error: {path}: 6,501 rows would make 217 pages")
        assert "--rows 1-600" in err
        assert main(["gantt", str(path), "-o", str(tmp_path / "g.pdf"), "--rows", "1-45"]) == 0
        assert capsys.readouterr().out == f"{tmp_path / 'g.pdf'}: 2 pages\n"


def texture(grey: np.ndarray) -> np.ndarray:
    """What tells two fills apart on a greyscale copy.

    Mean, contrast, and how much the grey changes along x, y and both diagonals (hatches of
    different angles differ).
    """
    g = grey.astype(float)
    return np.array([
        g.mean(), g.std(),
        np.abs(np.diff(g, axis=1)).mean(), np.abs(np.diff(g, axis=0)).mean(),
        np.abs(g[1:, 1:] - g[:-1, :-1]).mean(), np.abs(g[1:, :-1] - g[:-1, 1:]).mean(),
    ])  # fmt: skip


class TestTrackedSCurve:
    def test_planned_physical_financial_and_deviation(self) -> None:
        """A tracked plan: three curves to the status date, deviation bars, nothing clipped."""
        from roadmap.plot import s_curve_figure
        from roadmap.tracking import progress_curve

        plan = rm.load(EXAMPLE.with_name("tanjungpinang_status_2021.toml"))
        fig = s_curve_figure(plan)
        ax = fig.axes[0]
        lines = {line.get_gid(): line for line in ax.get_lines()}
        assert {"planned", "physical", "financial", "status-date"} <= set(lines)
        curve = progress_curve(plan)
        assert list(lines["physical"].get_ydata()) == [100 * v for v in curve.physical]
        assert lines["physical"].get_xdata()[-1] == x(D(2021, 7, 1))  # the status date's end
        bars = [p for p in fig.axes[1].patches if p.get_gid() == "deviation"]
        assert len(bars) == len(curve.actual_dates)
        assert sum(b.get_height() < 0 for b in bars) > len(bars) / 2  # mostly behind plan
        assert outside_texts(fig) == []


class TestTextIsText:
    @pytest.mark.parametrize("chart", ["gantt", "budget", "scurve", "slip"])
    def test_dollar_signs_are_not_tex(self, chart: str) -> None:
        """A "$...$" in a name is drawn as written, never parsed (nor failing) as mathtext."""
        from roadmap.plot import budget_figure, s_curve_figure, slip_figure

        odd = "$\\notacommand$"
        p = attrs.evolve(
            plan(),
            name=f"Plan {odd}",
            status_date=D(2019, 3, 31),
            initiatives=[
                attrs.evolve(i, name=f"{i.name} {odd}", owner=odd) for i in plan().initiatives
            ],
        )
        figures = {
            "gantt": lambda: gantt_pages(p, pages=False)[0],
            "budget": lambda: budget_figure(p, by="owner"),
            "scurve": lambda: s_curve_figure(p),
            "slip": lambda: slip_figure(rm.milestone_slip(p)),
        }  # fmt: skip
        fig = figures[chart]()
        FigureCanvasAgg(fig).draw()  # raised ValueError from the mathtext parser
        texts = [t.get_text() for t in fig.findobj(Text) if odd in t.get_text()]
        assert texts


class TestMilestoneSlip:
    def slip(self) -> rm.MilestoneSlip:
        from roadmap.tracking import SlipLine

        return rm.MilestoneSlip(
            roadmap="Demo",
            status_dates=(D(2021, 3, 31), D(2021, 6, 30), D(2021, 9, 30)),
            lines=(
                SlipLine(id="M1", name="Perwako", baseline=D(2021, 5, 31), deadline=None,
                         forecasts=(D(2021, 6, 15), D(2021, 8, 10), D(2021, 8, 10))),
                SlipLine(id="M2", name="Launch", baseline=D(2022, 1, 31),
                         deadline=D(2022, 3, 31),
                         forecasts=(D(2022, 1, 31), D(2022, 2, 28), D(2022, 4, 30))),
                SlipLine(id="M3", name="New", baseline=None, deadline=None,
                         forecasts=(None, None, D(2022, 6, 30))),
            ),
        )  # fmt: skip

    def test_lines_end_on_the_diagonal_when_reached(self, ax: Axes) -> None:
        """One line a milestone at its forecasts; a reached one ends on its day (y = x)."""
        from roadmap.plot import plot_milestone_slip

        plot_milestone_slip(self.slip(), ax=ax, language="en")
        lines = {line.get_gid(): line for line in ax.get_lines()}
        m1 = lines["slip-M1"]
        assert list(m1.get_xdata()) == [x(D(2021, 3, 31)), x(D(2021, 6, 30)), x(D(2021, 8, 10))]
        assert list(m1.get_ydata()) == [x(D(2021, 6, 15)), x(D(2021, 8, 10)), x(D(2021, 8, 10))]
        m2 = lines["slip-M2"]
        assert list(m2.get_ydata()) == [x(D(2022, 1, 31)), x(D(2022, 2, 28)), x(D(2022, 4, 30))]
        assert list(lines["slip-M3"].get_xdata()) == [x(D(2021, 9, 30))]  # only where it is
        assert list(lines["baseline-M1"].get_ydata()) == [x(D(2021, 5, 31))]
        assert list(lines["deadline-M2"].get_ydata()) == [x(D(2022, 3, 31))]
        assert "baseline-M3" not in lines
        labels = [t.get_text() for t in ax.texts]
        assert labels == ["M1 +71 days", "M2 +89 days", "M3"]
        assert [t.get_text() for t in ax.get_xticklabels()] == ["Mar\n2021", "Jun\n2021",
                                                                 "Sep\n2021"]  # fmt: skip

    def test_figure_of_the_example(self) -> None:
        """The example's slip chart: a line per milestone, nothing outside the figure."""
        from roadmap.plot import slip_figure

        tracked = rm.load(EXAMPLE.with_name("tanjungpinang_status_2021.toml"))
        fig = slip_figure(rm.milestone_slip(tracked), language="id")
        ax = fig.axes[0]
        gids = {line.get_gid() for line in ax.get_lines()}
        assert {"slip-M1", "slip-M2", "slip-M3", "diagonal"} <= gids
        assert "M3 +28 hari" in [t.get_text() for t in ax.texts]
        assert outside_texts(fig) == []

    def test_nothing_to_draw(self, ax: Axes) -> None:
        """No milestones: a sentence instead of empty axes."""
        from roadmap.plot import plot_milestone_slip

        empty = rm.MilestoneSlip(roadmap="x", status_dates=(D(2021, 3, 31),), lines=())
        plot_milestone_slip(empty, ax=ax, language="en")
        assert [t.get_text() for t in ax.texts] == ["No milestones"]


class TestBudgetAndSCurve:
    @pytest.mark.parametrize("by", ["dimension", "owner", "funding"])
    def test_stacks_stay_apart_in_greyscale(self, by: str) -> None:
        """Rendered in greyscale, every two stacked segments of a year look different."""
        p = rm.load(EXAMPLE)
        fig = budget_figure(p, by=by)  # type: ignore[arg-type]
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        grey = np.asarray(Image.frombuffer("RGBA", canvas.get_width_height(),
                                           canvas.buffer_rgba()).convert("L"))  # fmt: skip
        height = grey.shape[0]
        segments: dict[float, list[tuple[float, np.ndarray]]] = {}
        for patch in fig.axes[0].patches:
            if not str(patch.get_gid() or "").startswith("budget-"):
                continue
            box = patch.get_window_extent()
            if box.height < 8:
                continue  # too thin to read in any colour
            x0, x1 = int(box.x0) + 2, int(box.x1) - 2
            y0, y1 = int(height - box.y1) + 2, int(height - box.y0) - 2
            segments.setdefault(round(box.x0), []).append((box.y0, texture(grey[y0:y1, x0:x1])))
        pairs = 0
        for stack in segments.values():
            stack.sort(key=lambda s: s[0])
            for (_, a), (_, b) in pairwise(stack):
                assert np.abs(a - b).max() > 4, (a, b)
                pairs += 1
        assert pairs >= 4

    def test_one_colour_per_dimension_in_every_chart(self, ax: Axes) -> None:
        """A dimension has the same colour in the Gantt chart and in the budget chart."""
        p = rm.load(EXAMPLE)
        plot_gantt(p, ax=ax, group_by="dimension")
        legend = {t.get_text(): h.get_facecolor()
                  for t, h in zip(ax.get_legend().get_texts(), ax.get_legend().legend_handles,
                                  strict=True) if isinstance(h, Patch)}  # fmt: skip
        fig = budget_figure(p, by="dimension")
        compared = set()
        for patch in fig.axes[0].patches:
            name = str(patch.get_gid() or "").removeprefix("budget-")
            if name in legend:
                assert patch.get_facecolor() == legend[name], name
                compared.add(name)
        assert len(compared) == 6

    def test_budget_chart(self, ax: Axes) -> None:
        """Stacked bars per group and year, the ceiling, and the year over it outlined."""
        p = rm.load(EXAMPLE)
        plot_budget(p, ax=ax, by="dimension")
        groups = [c for c in ax.containers if str(c.get_label()).startswith("Smart")]
        assert len(groups) == 6
        assert all(len(c.patches) == 5 for c in groups)
        over = [p for p in ax.patches if p.get_gid() == "over-ceiling"]
        assert len(over) == 1
        assert over[0].get_x() + over[0].get_width() / 2 == 2020
        assert [line.get_gid() for line in ax.get_lines()] == ["ceiling"]

    def test_s_curve_plot_with_actual(self, ax: Axes) -> None:
        """The actual point is drawn at the status date when progress is recorded."""
        plot_s_curve(plan(), ax=ax, status_date=D(2019, 3, 1))
        assert [line.get_gid() for line in ax.get_lines()][:2] == ["planned", "actual"]


def test_lazy_exports() -> None:
    """rm.plot_gantt and friends come from roadmap.plot on first use."""
    assert rm.plot_gantt is plot_gantt
    assert rm.save_gantt is save_gantt
    with pytest.raises(AttributeError, match="nope"):
        rm.nope  # type: ignore[attr-defined]  # noqa: B018


def test_lanes_by_programme_and_quick_wins_marked() -> None:
    """Issue 16: --group-by programme draws a lane per program, quick wins carry a star."""
    p = rm.load(EXAMPLE)
    (fig,) = gantt_pages(p, paper="A3", group_by="programme")
    lanes = [t.get_text() for t in fig.findobj(Text) if t.get_gid() == "lane-label"]
    assert lanes[:3] == ["2.16.03  Program Pengelolaan Aplikasi Informatika",
                         "2.16.02  Program Informasi dan Komunikasi Publik",
                         "2.21.02  Program Penyelenggaraan Persandian untuk Pengamanan "
                         "Informasi"]  # fmt: skip
    labels = [t.get_text() for t in fig.findobj(Text) if t.get_gid() == "row-label"]
    starred = sorted(t.split()[1] for t in labels if t.startswith("\u2605"))
    assert starred == ["SC11", "SC13", "SC15", "SC16"]
