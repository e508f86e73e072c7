"""Tests of roadmap.reporting: the self-contained HTML report, read as text and in Chromium."""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re
from collections.abc import Iterator
from datetime import date
from html import unescape
from pathlib import Path

import attrs
import pytest
from PIL import Image

import roadmap as rm
from roadmap import Initiative, Milestone, Phase, Roadmap
from roadmap.reporting import SECTIONS, report
from tests.browser import CHROMIUM, Browser

EXAMPLE = Path(__file__).parent.parent / "examples" / "tanjungpinang_2019_2023.toml"
HOSTILE = '</script><script>alert("x")</script><b>'


def big_plan(n: int = 100) -> Roadmap:
    """*n* initiatives in five phases with long names, owners, dimensions and budgets."""
    phases = [Phase(id=f"F{k}", name=f"Fase {k}", start=date(2019 + k - 1, 1, 1),
                    end=date(2019 + k - 1, 12, 31)) for k in range(1, 6)]  # fmt: skip
    items = [
        Initiative(
            id=f"SC{i:03d}", name=f"Kegiatan nomor {i} dengan nama yang cukup panjang",
            phase=f"F{i % 5 + 1}", owner=f"Dinas {i % 7}", dimension=rm.DIMENSIONS[i % 6],
            duration=f"{3 + i % 9} months", budget=100_000_000 * (1 + i % 13),
            depends_on=[f"SC{i - 3:03d}"] if i >= 3 and i % 4 else [],
        )
        for i in range(n)
    ]  # fmt: skip
    return Roadmap(name="Besar", start=date(2019, 1, 1), end=date(2023, 12, 31),
                   ceilings={2019: 9_000_000_000}, phases=phases, initiatives=items)  # fmt: skip


class TestDocument:
    def test_sections_in_order(self) -> None:
        """Cover, summary, Gantt, findings, budget, S-curve and schedule, in that order."""
        doc = report(rm.load(EXAMPLE))
        # No status date, and not leveled: neither a tracking nor a leveling section.
        expected = [b.id for b in SECTIONS if b.id not in ("tracking", "leveling")]
        assert [s.id for s in doc.sections] == expected
        ids = re.findall(r'<section id="([^"]+)"', doc.html)
        assert ids == expected

    def test_the_plan_reads_back(self, tmp_path: Path) -> None:
        """The plan is embedded as JSON: rm.load of the report gives the same plan."""
        plan = rm.load(EXAMPLE)
        report(plan).save(tmp_path / "laporan.html")
        assert rm.load(tmp_path / "laporan.html") == plan

    def test_cover_names_version_and_plan_hash(self) -> None:
        """The cover gives the roadmap version and a hash of the plan data (it follows it)."""
        plan = rm.load(EXAMPLE)
        doc = report(plan, status_date=date(2021, 6, 30))
        digest = hashlib.sha256(rm.dumps(plan, "json").encode()).hexdigest()[:16]
        assert f"<code>{digest}</code>" in doc.html
        assert rm.__version__ in doc.html
        assert "30 Juni 2021" in doc.html
        other = Roadmap(name=plan.name, start=plan.start, initiatives=plan.initiatives[:-1])
        assert digest not in report(other).html

    def test_content_security_policy_allows_the_one_script(self) -> None:
        """A CSP forbids every load; the inline script is allowed by its hash, nothing else."""
        html = report(rm.load(EXAMPLE)).html
        found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
        assert found is not None
        policy = unescape(found[1])
        assert "default-src 'none'" in policy
        scripts = re.findall(r"<script>(.*?)</script>", html, re.DOTALL)
        assert len(scripts) == 1
        digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
        assert f"script-src 'sha256-{digest}'" in policy
        assert not re.search(r"""(src|href)=["']?(https?:|//)""", html)

    def test_hostile_names_are_text(self) -> None:
        """A name that closes the script or opens markup stays text in tables and JSON."""
        plan = Roadmap(name=HOSTILE, start=date(2019, 1, 1), initiatives=[
            Initiative(id="A", name=HOSTILE, owner=HOSTILE, duration=30, budget=5)],
            milestones=[Milestone(id="M", name=HOSTILE, after="A")])  # fmt: skip
        html = report(plan).html
        assert "<script>alert" not in html
        assert html.count("<script") == 2  # the plan's JSON and the one script
        assert rm.loads(html, "html") == plan

    def test_one_hundred_items_under_a_megabyte(self) -> None:
        """The report of a 100-item plan stays under 1 MB."""
        assert report(big_plan(100)).size < 1_000_000

    def test_english_and_a3(self) -> None:
        """Headings in the chosen language; the printed page follows the paper."""
        html = report(rm.load(EXAMPLE), language="en", paper="A3").html
        assert "<h2>Budget per year</h2>" in html
        assert "@page { size: A3 landscape;" in html

    def test_sections_and_errors(self) -> None:
        """A chosen subset of sections; an unknown one is refused by name."""
        doc = report(rm.load(EXAMPLE), sections=["findings"])
        assert [s.id for s in doc.sections] == ["findings"]
        with pytest.raises(ValueError, match="'charts'"):
            report(rm.load(EXAMPLE), sections=["charts"])

    def test_tracking_section_for_a_tracked_plan(self) -> None:
        """A plan with a status date gets a tracking section after the summary."""
        tracked = rm.load(EXAMPLE.with_name("tanjungpinang_status_2021.toml"))
        doc = report(tracked)
        ids = [s.id for s in doc.sections]
        assert ids[:4] == ["cover", "summary", "tracking", "gantt"]
        html = doc.html
        assert "28 Januari 2024 (28 hari terlambat)" in html
        section = html.split('<section id="tracking"')[1].split("</section>")[0]
        assert section.count("<svg") == 1  # the milestone slip chart
        assert "Pergeseran tonggak per triwulan" in section
        assert "M3 +28 hari" in section  # its text stays text
        assert "30 Juni 2021" in html.split('<section id="summary"')[0]  # on the cover
        assert "tracking" not in [s.id for s in report(rm.load(EXAMPLE)).sections]
        assert rm.loads(html, "html") == tracked

    def test_an_html_file_without_a_plan(self, tmp_path: Path) -> None:
        """Reading an HTML file that is not a report says so."""
        path = tmp_path / "page.html"
        path.write_text("<html><body><p>hello</p></body></html>")
        with pytest.raises(rm.PlanFileError, match="holds no plan"):
            rm.load(path)
        with pytest.raises(rm.RoadmapError, match=r"roadmap.report\(plan\).save"):
            rm.save(rm.load(EXAMPLE), tmp_path / "x.html")

    def test_notebook_view_is_framed(self) -> None:
        """In a notebook the report shows in a frame, its page escaped into srcdoc."""
        view = report(rm.load(EXAMPLE), sections=["cover"])._repr_html_()
        assert view.startswith("<iframe srcdoc=")
        assert "<script" not in view


needs_chromium = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"),
    reason="Chromium is not installed (CI installs it: apt-get install chromium)",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM is not None, "CI installs Chromium (apt-get install chromium): it is missing"
    with Browser() as b:
        yield b


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example's report, written once for the browser tests."""
    path = tmp_path_factory.mktemp("report") / "laporan.html"
    report(rm.load(EXAMPLE), status_date=date(2021, 6, 30)).save(path)
    return path


@needs_chromium
@pytest.mark.slow
class TestInChromium:
    def test_opens_offline_without_errors(self, browser: Browser, page: Path) -> None:
        """No console error or warning, no CSP violation, no request but the file itself."""
        browser.open(page)
        assert browser.problems() == []
        assert browser.requests() == [page.resolve().as_uri()]

    def test_is_not_blank(self, browser: Browser, page: Path) -> None:
        """The first screen shows the cover, the summary and ink of several colours."""
        browser.open(page)
        shot = Image.open(io.BytesIO(browser.screenshot())).convert("RGB")
        colours = shot.resize((140, 180)).getcolors(maxcolors=1 << 16) or []
        assert len(colours) > 50
        assert browser.eval("document.querySelector('h1').textContent").startswith("Peta Jalan")
        assert browser.eval("document.querySelectorAll('svg').length") == 6

    def test_prints_a_section_a_page(self, browser: Browser, page: Path) -> None:
        """Printing gives A4 landscape pages, at least one per section."""
        browser.open(page)
        pdf = browser.pdf()
        assert pdf.startswith(b"%PDF-")
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert 7 <= pages <= 20
        box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", pdf)
        assert box is not None
        assert (round(float(box[1])), round(float(box[2]))) == (842, 595)

    def test_sort_the_schedule(self, browser: Browser, page: Path) -> None:
        """A click on a heading sorts by it; a second click reverses."""
        browser.open(page)
        cells = (
            "Array.from(document.querySelectorAll('#schedule-table tbody tr'))"
            ".map(r => r.cells[{col}].getAttribute('data-value') || r.cells[{col}].textContent)"
        )
        browser.eval("document.querySelectorAll('#schedule-table thead th')[7].click()")
        slack = [int(x) for x in browser.eval(cells.format(col=7))]
        assert slack == sorted(slack)
        assert slack[0] < slack[-1]
        browser.eval("document.querySelectorAll('#schedule-table thead th')[7].click()")
        assert [int(x) for x in browser.eval(cells.format(col=7))] == sorted(slack, reverse=True)
        browser.eval("document.querySelectorAll('#schedule-table thead th')[6].click()")
        finish = browser.eval(cells.format(col=6))
        assert finish == sorted(finish)

    def test_filter_the_schedule(self, browser: Browser, page: Path) -> None:
        """Choosing a phase shows its rows only, and says how many."""
        browser.open(page)
        browser.eval("""(() => { const s = document.querySelector('select[data-filter=phase]');
            s.value = 'F3'; s.dispatchEvent(new Event('change')); })()""")
        visible = browser.eval(
            "Array.from(document.querySelectorAll('#schedule-table tbody tr'))"
            ".filter(r => !r.hidden).map(r => r.cells[2].textContent)"
        )
        plan = rm.load(EXAMPLE)
        assert visible == ["F3"] * sum(i.phase == "F3" for i in plan.items)
        shown = browser.eval("document.querySelector('.filters .shown b').textContent")
        assert shown == str(len(visible))

    def test_indicator_names_keep_their_width(self, browser: Browser, page: Path) -> None:
        """Beside fifteen columns of numbers a name still reads as a phrase, not a word a line."""
        browser.open(page)
        width, em = browser.eval("""(() => {
            const td = document.querySelector('table.indicators tbody td:nth-child(2)');
            return [td.getBoundingClientRect().width, parseFloat(getComputedStyle(td).fontSize)];
        })()""")
        assert width >= 14 * em - 1

    def test_a_remote_load_would_be_caught(self, browser: Browser, tmp_path: Path) -> None:
        """The check itself works: a page that tries to load from the network is reported."""
        html = report(rm.load(EXAMPLE), sections=["cover"]).html
        bad = tmp_path / "bad.html"
        bad.write_text(html.replace("</main>", '<img src="http://127.0.0.1:9/x.png"></main>'))
        browser.open(bad)
        assert any("Content Security Policy" in p for p in browser.problems())
        assert all(not u.startswith("http") for u in browser.requests())


def test_the_indicators_section() -> None:
    """Issue 16: targets, realisations and achievement per year, the band, the quick wins."""
    plan = rm.load(EXAMPLE)
    doc = rm.report(plan, sections=["indicators"])
    html = doc.html
    assert "<h2>Indikator kinerja</h2>" in html
    # IK2: 9 of 10 OPD in 2019 (90 %), 2 + 3 + 4 + 2 = 11 of 12 in 2020 (91.67 %).
    row = re.search(r"<tr><td>IK2</td>.*?</tr>", html)
    assert row is not None
    cells = re.findall(r'<td class="num">([^<]*)</td>', row.group(0))
    assert cells[:7] == ["5", "10", "9", "90", "12", "11", "91.67"]
    assert "Quick win masterplan" in html
    assert "<strong>SC11</strong>" in html
    english = rm.report(attrs.evolve(plan, language="en"), sections=["indicators"]).html
    assert "<h2>Performance indicators</h2>" in english
