"""Tests of roadmap.io: TOML, JSON and YAML plans, errors with file/line/field, atomic writes."""

from __future__ import annotations

import contextlib
import gc
import io
import re
from datetime import date
from pathlib import Path
from typing import ClassVar

import attrs
import pytest
from hypothesis import given, settings

import roadmap as rm
from roadmap import Calendar, Duration, Initiative, Milestone, Phase, PlanFileError, Roadmap
from roadmap.io import detect_format
from tests.strategies import dags, rich_plans

FULL = Roadmap(
    name="Tanjungpinang Smart City 2019-2023",
    start=date(2019, 1, 1),
    end=date(2023, 12, 31),
    currency="IDR",
    language="en",
    fiscal_year_start="04-01",
    calendar=Calendar(weekend=["sat", "sun"], holidays=["2019-06-03"]),
    ceilings={2019: 5_000_000_000, 2020: 8_000_000_000},
    group_ceilings={
        "funding": {"APBD": {2019: 4_000_000_000}},
        "dimension": {"Smart Governance": {2020: 1}},
    },
    phases=[
        Phase(
            id="F1",
            name="Infrastruktur",
            start="2019-01-01",
            end="2019-12-31",
            description="sarana & prasarana",
        )
    ],
    initiatives=[
        Initiative(
            id="SC01",
            name="Masterplan",
            phase="F1",
            dimension="Smart Governance",
            owner="Diskominfo",
            start="2019-07-01",
            duration="5 months",
            budget=150_000_000,
            funding="APBD",
            progress=0.5,
            status="berjalan",
            tags=["quick win"],
            description="Bimtek GM100SC",
            duration_range=["4 months", "5 months", "8 months"],
            cost_range=["-5%", "+12.5%"],
        ),
        Initiative(
            id="SC02",
            name="Jaringan",
            start="2019-03-01",
            finish="2019-11-30",
            depends_on=[
                "SC01",
                {"id": "SC01", "type": "SS", "lag": "-2 weeks"},
                {"id": "SC01", "type": "FF", "lag": "P1Y2M"},
            ],
            budget={2019: 1_000_000_000, 2020: 500_000_000},
            budget_total=1_500_000_000,
            funding=["APBD", "DAK"],
            deadline="2020-12-31",
            multi_year=True,
        ),
        Initiative(
            id="SC04",
            name="Dashboard",
            duration="6 months",
            budget_shares={"APBD": 300_000_000, "DAK": 200_000_000},
            notes={"keterangan": "menunggu Perwako", "kode_program": "2.16.03"},
        ),
        Initiative(
            id="SC05",
            name="Pusat data",
            duration="18 months",
            budget_shares={
                "APBD": {2019: 100_000_000, 2020: 50_000_000},
                "DAK": {2020: 400_000_000},
            },
        ),
        Initiative(
            id="SC03",
            name="Pelatihan",
            duration="10 workdays",
            duration_range=["-20%", "+50%"],
            distribution="lognormal",
        ),
    ],
    risks=[
        rm.Risk(
            id="R1",
            name="Tender gagal",
            probability="30%",
            items=["SC01", "SC02"],
            delay=["1 month", "3 months"],
            cost=[10_000_000, 20_000_000, 50_000_000],
            owner="Diskominfo",
            description="lelang ulang",
        ),
        rm.Risk(id="R2", name="Refocusing", probability=0.1, items=["SC03"], delay="5 workdays"),
    ],
    correlations=[rm.Correlation(items=["SC01", "SC03"], coefficient=-0.25)],
    milestones=[
        Milestone(
            id="M1",
            name="Masterplan ditetapkan",
            after="SC01",
            date="2019-12-15",
            deadline="2020-01-31",
            depends_on=[{"id": "SC02", "type": "SS"}],
        ),
    ],
)


class TestRoundTrip:
    @pytest.mark.parametrize("fmt", ["toml", "json", "yaml"])
    def test_every_field_survives(self, fmt: str) -> None:
        """load(save(plan)) == plan for a plan that uses every field."""
        assert rm.loads(rm.dumps(FULL, fmt), fmt) == FULL

    @pytest.mark.parametrize("suffix", [".toml", ".json", ".yaml", ".yml"])
    def test_files(self, tmp_path: Path, suffix: str) -> None:
        """Save and load through files, format from the suffix."""
        path = tmp_path / f"plan{suffix}"
        rm.save(FULL, path)
        assert rm.load(path) == FULL
        assert rm.load(str(path)) == FULL

    @given(dags(with_deadlines=True))
    def test_random_plans(self, plan: Roadmap) -> None:
        """Random plans survive TOML and JSON."""
        assert rm.loads(rm.dumps(plan, "toml"), "toml") == plan
        assert rm.loads(rm.dumps(plan, "json"), "json") == plan

    def test_toml_is_readable(self) -> None:
        """The written TOML uses the SPEC layout: [roadmap], [[initiatives]], plain dates."""
        text = rm.dumps(FULL)
        assert "[roadmap]" in text
        assert "[[initiatives]]" in text
        assert 'duration = "5 months"' in text
        assert "start = 2019-07-01" in text
        assert 'status = "in_progress"' in text

    def test_toml_layout_is_tables_in_plan_order(self) -> None:
        """A short plan still gets [[milestones]] blocks after [roadmap], never inline arrays."""
        plan = Roadmap(
            name="x",
            start=date(2019, 1, 1),
            initiatives=[Initiative(id="A", name="a", duration=5)],
            milestones=[Milestone(id="M", name="m", after="A")],
        )
        text = rm.dumps(plan)
        assert text.startswith("[roadmap]\n")
        assert text.index("[[initiatives]]") < text.index("[[milestones]]")
        assert "= [{" not in text.replace(" ", "")
        assert rm.loads(text) == plan

    def test_file_objects(self, tmp_path: Path) -> None:
        """Text and binary file objects, with the format from the name or given."""
        buf = io.StringIO()
        rm.save(FULL, buf, format="json")
        assert rm.load(io.StringIO(buf.getvalue()), format="json") == FULL
        path = tmp_path / "p.toml"
        with open(path, "w", encoding="utf-8") as fh:
            rm.save(FULL, fh)
        with open(path, "rb") as fh:
            assert rm.load(fh) == FULL

    def test_small_example_loads(self, small_plan_path: Path) -> None:
        """The shipped example plan reads and schedules."""
        plan = rm.load(small_plan_path)
        assert rm.schedule(plan).critical_path[-1] == "M1"


TOML_HEAD = """\
[roadmap]
name = "Demo"
start = 2019-01-01

"""


def error(text: str, fmt: str = "toml") -> PlanFileError:
    with pytest.raises(PlanFileError) as info:
        rm.loads(text, fmt, path=f"plan.{fmt}")
    return info.value


class TestEveryError:
    TEXT = (
        '[roadmap]\nname = "x"\nstart = 2019-01-01\n\n'
        '[[initiatives]]\nid = "A01"\nname = "a"\nduration = "9 mnths"\n'
        'budget = "banyak"\nprogress = 1.5\n\n'
        '[[initiatives]]\nid = "A02"\nname = "b"\nduration = "3 bulan"\n'
        'depends_on = ["A3", "A01"]\n\n'
        '[[initiatives]]\nid = "A03"\nname = "c"\nstart = "31/02/2019"\n'
        'duration = "3 bulan"\n'
    )

    def test_all_of_a_file_in_line_order(self) -> None:
        """Three bad values of one entry, a bad link, a bad date: five lines, in order."""
        err = error(self.TEXT)
        assert [(e.line, e.field) for e in err.errors] == [
            (8, "initiatives[0].duration"),
            (9, "initiatives[0].budget"),
            (10, "initiatives[0].progress"),
            (16, "initiatives[1].depends_on[0]"),
            (21, "initiatives[2].start"),
        ]
        assert "did you mean 'A03'?" in str(err)  # an id with errors of its own is known
        assert str(err).count("\n") == 4

    def test_many_are_cut_at_fifty(self) -> None:
        """A file with 80 bad values: 50 lines, then 'and 30 more'; all 80 in errors."""
        entries = "".join(f'[[initiatives]]\nid = "A{n}"\nname = "a"\nduration = "x"\n'
                          for n in range(80))  # fmt: skip
        err = error('[roadmap]\nname = "x"\nstart = 2019-01-01\n' + entries)
        assert len(err.errors) == 80
        lines = str(err).splitlines()
        assert len(lines) == 51
        assert lines[-1] == "and 30 more"


class TestTomlErrors:
    def test_bad_duration(self) -> None:
        """Names file, line and field path, and what was received."""
        err = error(
            TOML_HEAD + '[[initiatives]]\nid = "A"\nname = "a"\nduration = 5\n\n'
            '[[initiatives]]\nid = "B"\nname = "b"\nduration = "9 mnths"\n'
        )
        assert (err.path, err.line, err.field) == ("plan.toml", 13, "initiatives[1].duration")
        assert str(err).startswith("plan.toml, line 13, initiatives[1].duration: ")
        assert "'9 mnths'" in str(err)

    def test_unknown_key(self) -> None:
        """Unknown keys are errors with their path, not ignored."""
        err = error(TOML_HEAD + '[[initiatives]]\nid = "A"\nname = "a"\nduraton = 5\n')
        assert (err.line, err.field) == (8, "initiatives[0].duraton")
        assert "unknown key 'duraton'" in str(err)
        assert "duration" in str(err)  # lists what is allowed

    def test_unknown_top_level_and_roadmap_keys(self) -> None:
        """Typos in table names and roadmap settings are caught too."""
        assert error(TOML_HEAD + "[ceiling]\n2019 = 5\n").field == "ceiling"
        err = error('[roadmap]\nname = "x"\nstart = 2019-01-01\nstrat = 2019-01-01\n')
        assert (err.line, err.field) == (4, "roadmap.strat")

    def test_unknown_dependency(self) -> None:
        """A link to an unknown id points at the entry."""
        err = error(
            TOML_HEAD + '[[initiatives]]\nid = "A"\nname = "a"\nduration = 5\ndepends_on = ["B"]\n'
        )
        assert (err.line, err.field) == (9, "initiatives[0].depends_on[0]")
        assert "unknown item 'B'" in str(err)

    def test_unknown_after(self) -> None:
        """A milestone after an unknown item."""
        err = error(TOML_HEAD + '[[milestones]]\nid = "M"\nname = "m"\nafter = "X"\n')
        assert (err.line, err.field) == (8, "milestones[0].after")

    def test_duplicate_id(self) -> None:
        """Duplicate ids name both places."""
        err = error(
            TOML_HEAD + '[[initiatives]]\nid = "A"\nname = "a"\nduration = 5\n'
            '[[initiatives]]\nid = "A"\nname = "b"\nduration = 5\n'
        )
        assert (err.line, err.field) == (10, "initiatives[1].id")
        assert "initiatives[0]" in str(err)

    def test_bad_dependency_type_in_inline_table(self) -> None:
        """An error inside an inline dependency table points at its entry."""
        err = error(
            TOML_HEAD + '[[initiatives]]\nid = "A"\nname = "a"\nduration = 5\n'
            '[[initiatives]]\nid = "B"\nname = "b"\nduration = 5\n'
            'depends_on = [{ id = "A", type = "XX" }]\n'
        )
        assert err.field == "initiatives[1].depends_on[0]"
        assert err.line == 13
        assert "FS, SS, FF, SF" in str(err)

    def test_a_bad_link_is_named_with_the_other_errors_of_its_entry(self) -> None:
        """The second link of the list is pointed at, and the wrong duration beside it."""
        with pytest.raises(PlanFileError) as caught:
            rm.loads(
                TOML_HEAD + '[[initiatives]]\nid = "A"\nname = "a"\nduration = 5\n'
                '[[initiatives]]\nid = "B"\nname = "b"\nduration = "9 mnths"\n'
                'depends_on = ["A", { id = "A", lag = "soon" }]\n'
            )
        fields = [e.field for e in caught.value.errors]
        assert fields == ["initiatives[1].duration", "initiatives[1].depends_on[1]"]

    def test_bad_date_and_type(self) -> None:
        """Wrong types are named with the received value."""
        err = error(
            TOML_HEAD + '[[initiatives]]\nid = "A"\nname = "a"\nduration = 5\nstart = "1 Maret"\n'
        )
        assert (err.line, err.field) == (9, "initiatives[0].start")
        err = error(TOML_HEAD + '[[initiatives]]\nid = "A"\nname = 3\nduration = 5\n')
        assert (err.line, err.field) == (7, "initiatives[0].name")

    def test_missing_required(self) -> None:
        """A missing name or [roadmap] table is named."""
        err = error(TOML_HEAD + '[[initiatives]]\nid = "A"\nduration = 5\n')
        assert "'name'" in str(err)
        assert err.line == 5
        assert "[roadmap]" in str(error('[[initiatives]]\nid = "A"\n'))

    def test_budget_total_and_group_ceilings_in_toml(self) -> None:
        """A budget table with total = ... and [ceilings.funding.APBD] read into the model."""
        plan = rm.loads(
            TOML_HEAD + "[ceilings]\n2019 = 10\n[ceilings.funding.APBD]\n2019 = 5\n"
            '[[initiatives]]\nid = "A"\nname = "a"\nduration = 5\n'
            "budget = { total = 3, 2019 = 3 }\n"
        )
        assert plan.ceilings == {2019: 10}
        assert plan.group_ceilings == {"funding": {"APBD": {2019: 5}}}
        assert (plan["A"].budget, plan["A"].budget_total) == ({2019: 3}, 3)

    def test_unknown_ceiling_group(self) -> None:
        """Ceilings per something unknown are refused by name."""
        err = error(TOML_HEAD + "[ceilings.agency.X]\n2019 = 5\n")
        assert err.field == "ceilings.agency"
        assert "funding, dimension, owner" in str(err)

    def test_ceiling(self) -> None:
        """A bad ceiling points at the [ceilings] table."""
        err = error(TOML_HEAD + '[ceilings]\n2019 = "banyak"\n')
        assert err.field == "ceilings"
        assert err.line == 5

    def test_calendar(self) -> None:
        """A bad calendar names its key."""
        err = error(
            '[roadmap]\nname = "x"\nstart = 2019-01-01\ncalendar = { weekend = ["funday"] }\n'
        )
        assert (err.line, err.field) == (4, "roadmap.calendar")

    def test_syntax_error(self) -> None:
        """Broken TOML names the line without the parser's own suffix."""
        err = error(TOML_HEAD + '[[initiatives]]\nid = "A\n')
        assert err.line == 6
        assert "not valid TOML" in str(err)
        assert "(at line" not in str(err)

    def test_impossible_date_shows_the_line(self) -> None:
        """TOML rejects 2021-07-32 as syntax; the message quotes the line so it can be found."""
        err = error(TOML_HEAD + '[[initiatives]]\nid = "A"\nname = "a"\nstart = 2021-07-32\n')
        assert err.line == 8
        assert str(err).endswith("(not valid TOML): start = 2021-07-32")

    def test_key_below_a_table_belongs_to_it(self) -> None:
        """In TOML a key after [roadmap] is a roadmap key, and the message says so."""
        err = error(TOML_HEAD + 'initiatives = "A"\n')
        assert (err.line, err.field) == (5, "roadmap.initiatives")

    def test_not_a_table(self) -> None:
        """Initiatives must be a list of tables."""
        err = error('{"roadmap": {"name": "x", "start": "2019-01-01"}, "initiatives": "A"}', "json")
        assert "list of tables" in str(err)
        assert err.field == "initiatives"


class TestJsonErrors:
    def test_bad_duration_line(self) -> None:
        """JSON errors name the line of the offending key."""
        text = (
            '{\n  "roadmap": {"name": "x", "start": "2019-01-01"},\n  "initiatives": [\n'
            '    {"id": "A", "name": "a", "duration": 5},\n'
            '    {"id": "B", "name": "b",\n     "duration": "9 mnths"}\n  ]\n}\n'
        )
        err = error(text, "json")
        assert (err.line, err.field) == (6, "initiatives[1].duration")

    def test_date_as_text(self) -> None:
        """Dates in JSON are ISO text, and bad ones are named."""
        err = error('{"roadmap": {"name": "x", "start": "1/13/2019"}}', "json")
        assert (err.line, err.field) == (1, "roadmap.start")

    def test_syntax_error(self) -> None:
        """Broken JSON names its line."""
        err = error('{\n  "roadmap": {\n    "name": "x",,\n  }\n}', "json")
        assert err.line == 3
        assert "not valid JSON" in str(err)


class TestYamlErrors:
    def test_bad_duration_line(self) -> None:
        """YAML errors name the line of the offending key."""
        pytest.importorskip("yaml")
        text = (
            "roadmap:\n  name: x\n  start: 2019-01-01\ninitiatives:\n"
            "  - id: A\n    name: a\n    duration: 5\n"
            "  - id: B\n    name: b\n    duration: 9 mnths\n"
        )
        err = error(text, "yaml")
        assert (err.line, err.field) == (10, "initiatives[1].duration")

    def test_safe_loader(self) -> None:
        """Python object tags are refused, never executed."""
        pytest.importorskip("yaml")
        err = error("roadmap: !!python/object/apply:os.system ['echo hi']\n", "yaml")
        assert "not valid YAML" in str(err)

    def test_syntax_error(self) -> None:
        """Broken YAML names its line."""
        pytest.importorskip("yaml")
        assert error("roadmap:\n  name: [x\n  start: 1\n", "yaml").line is not None


class TestHostileText:
    """Files no plan would be: refused with a message, never a Python error."""

    DEEP: ClassVar[dict[str, str]] = {
        "toml": '[roadmap]\nname = "x"\nstart = 2021-01-01\nx = ' + "[" * 50_000 + "]" * 50_000,
        "json": '{"roadmap": {"name": "x", "start": "2021-01-01"}, "initiatives": '
        + "[" * 50_000 + "]" * 50_000 + "}",
        "yaml": "roadmap: {name: x, start: 2021-01-01}\ninitiatives: " + "[" * 50_000
        + "]" * 50_000,
        # block sequences nested on one line: with PyYAML 6.0 this crashed the interpreter
        "yaml-block": "roadmap: {name: x, start: 2021-01-01}\ninitiatives:\n  " + "- " * 50_000
        + "x\n",
    }  # fmt: skip

    @pytest.mark.parametrize("case", ["toml", "json", "yaml", "yaml-block"])
    def test_nesting_too_deep(self, case: str) -> None:
        fmt = case.split("-")[0]
        if fmt == "yaml":
            pytest.importorskip("yaml")
        err = error(self.DEEP[case], fmt)
        assert "nest" in str(err)

    @pytest.mark.parametrize(("fmt", "text"), [
        ("toml", '[roadmap]\nname = "x"\nstart = 2021-01-01\n[[initiatives]]\nid = "A"\n'
                 'name = "a"\nduration = ' + "9" * 5000 + "\n"),
        ("json", '{"roadmap": {"name": "x", "start": "2021-01-01"}, "initiatives": '
                 '[{"id": "A", "name": "a", "duration": ' + "9" * 5000 + "}]}"),
        ("yaml", "roadmap: {name: x, start: 2021-01-01}\ninitiatives: "
                 "[{id: A, name: a, duration: " + "9" * 5000 + "}]\n"),
    ])  # fmt: skip
    def test_numbers_too_long_to_read(self, fmt: str, text: str) -> None:
        if fmt == "yaml":
            pytest.importorskip("yaml")
        assert "more than 4,300 digits" in str(error(text, fmt))

    def test_an_alias_bomb_is_quoted_short(self) -> None:
        """Eight nested YAML aliases (43 million strings): the message quotes a line of it."""
        pytest.importorskip("yaml")
        nest = "[lol,lol,lol,lol,lol,lol,lol,lol,lol]"
        for name in "abcdefg":
            nest = f"[&{name} {nest}" + f",*{name}" * 8 + "]"
        text = ("roadmap: {name: x, start: 2021-01-01}\ninitiatives:\n"
                f"  - {{id: A, name: a, duration: 1, tags: [{nest}]}}\n")  # fmt: skip
        err = error(text, "yaml")
        assert "initiatives[0].tags: expected text" in str(err)
        assert len(str(err)) < 500

    def test_an_impossible_yaml_date(self) -> None:
        pytest.importorskip("yaml")
        err = error("roadmap: {name: x, start: 2021-13-45}\n", "yaml")
        assert "month must be in 1..12 (not valid YAML)" in str(err)

    def test_json_error_line_in_a_large_file(self) -> None:
        """Locating the line of a bad value is linear: 20,000 items, the last one bad."""
        values = ["5"] * 19_999 + ['"lama"']
        items = ",\n".join(
            f'{{"id": "A{i}", "name": "a", "duration": {v}}}' for i, v in enumerate(values)
        )
        text = (
            '{"roadmap": {"name": "x", "start": "2021-01-01"},\n"initiatives": [\n' + items + "]}"
        )
        err = error(text, "json")
        assert (err.line, err.field) == (20_002, "initiatives[19999].duration")


class TestFiles:
    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file is a PlanFileError naming it."""
        with pytest.raises(PlanFileError, match="nope.toml.*cannot read"):
            rm.load(tmp_path / "nope.toml")

    def test_folder(self, tmp_path: Path) -> None:
        """A folder is named as such, not as a bad suffix."""
        with pytest.raises(PlanFileError, match="folder"):
            rm.load(tmp_path)

    def test_missing_file_with_odd_suffix(self, tmp_path: Path) -> None:
        """A missing file is reported as missing whatever its suffix."""
        with pytest.raises(PlanFileError, match="No such file"):
            rm.load(tmp_path / "plan.txt")

    def test_unknown_suffix(self) -> None:
        """The suffix decides the format unless one is given."""
        with pytest.raises(PlanFileError, match="suffix '.txt'"):
            detect_format("plan.txt")
        assert detect_format("plan.txt", "JSON") == "json"
        with pytest.raises(PlanFileError, match="unknown plan format"):
            detect_format("plan.toml", "xml")

    def test_not_utf8(self, tmp_path: Path) -> None:
        """Latin-1 files are refused with the line of the first bad byte."""
        path = tmp_path / "p.toml"
        path.write_bytes(b'[roadmap]\nname = "Kota \xe9"\n')
        with pytest.raises(PlanFileError, match="line 2.*UTF-8"):
            rm.load(path)

    def test_utf8_bom(self, tmp_path: Path) -> None:
        """A byte-order mark from Windows editors is accepted."""
        path = tmp_path / "p.toml"
        path.write_bytes(b"\xef\xbb\xbf" + TOML_HEAD.encode())
        assert rm.load(path).name == "Demo"


@pytest.mark.parametrize(
    ("fmt", "text", "words"),
    [("toml", "", "the [roadmap] table"), ("json", "{}", 'the "roadmap" object'),
     ("yaml", "", "the roadmap: section")],
)  # fmt: skip
def test_an_empty_file_says_so_in_its_own_format(fmt: str, text: str, words: str) -> None:
    with pytest.raises(PlanFileError, match=re.escape(f"holds no plan; it needs {words} with")):
        rm.loads(text, fmt)


def test_a_json_plan_without_roadmap_is_told_in_json_words() -> None:
    with pytest.raises(PlanFileError, match='missing the "roadmap" object'):
        rm.loads('{"initiatives": []}', "json")


class TestPlanLanguage:
    def test_an_indonesian_plan_is_written_in_indonesian(self, tmp_path: Path) -> None:
        """Durations, lags, statuses and weekdays in the plan's words; read back equal."""
        plan = Roadmap(
            name="x", start=date(2019, 1, 1), language="id",
            calendar=Calendar(weekend=["sat", "sun"]),
            initiatives=[
                Initiative(id="A", name="a", duration="6 months", status="in_progress"),
                Initiative(id="B", name="b", duration="P1Y6M", depends_on=[
                    {"id": "A", "type": "SS", "lag": "2 weeks"}]),
            ],
        )  # fmt: skip
        text = rm.dumps(plan)
        for words in ('duration = "6 bulan"', 'status = "berjalan"', 'lag = "2 minggu"',
                      'duration = "1 tahun 6 bulan"', '"sabtu",\n    "minggu",'):  # fmt: skip
            assert words in text
        assert "months" not in text
        english = rm.dumps(attrs.evolve(plan, language="en"))
        assert 'duration = "6 months"' in english
        assert 'status = "in_progress"' in english
        for fmt in ("toml", "json", "yaml", "csv", "xlsx"):
            path = tmp_path / f"p.{fmt}"
            rm.save(plan, path)
            assert rm.load(path) == plan
        assert "A SS+2 minggu" in (tmp_path / "p.csv").read_text()


@pytest.mark.parametrize("fmt", ["toml", "json", "yaml", "csv", "xlsx", "xml"])
@settings(max_examples=40, deadline=None)
@given(plan=rich_plans())
def test_every_format_gives_the_same_plan(plan: Roadmap, fmt: str) -> None:
    """Lossless round trips in every format, MS Project XML too (issue 17).

    Phases, ceilings, budgets per year and per source, funding, fractional progress,
    statuses, tags, notes, unicode and ';' in text, links of every type with month lags,
    milestones after an item.
    """
    import tempfile

    if fmt == "xlsx":
        pytest.importorskip("openpyxl")
    if fmt in ("yaml",):
        pytest.importorskip("yaml")
    if fmt == "xml":
        pytest.importorskip("defusedxml")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"plan.{fmt}"
        rm.save(plan, path)
        back = rm.load(path)
    assert back == plan
    assert rm.schedule(back).records() == rm.schedule(plan).records()


class TestCollector:
    """Loading pauses the garbage collector, and leaves it as it found it."""

    TEXT = TOML_HEAD + "".join(
        f'[[initiatives]]\nid = "I{k}"\nname = "i"\nduration = 5\n' for k in range(300)
    )

    def test_reading_many_plans_leaves_no_garbage_behind(self) -> None:
        """Cycles made while the collector was paused are collected as usual afterwards.

        (Filing what a load made in the oldest generation without counting it stopped full
        collections: the fuzz sweep grew to 24 GB.)
        """
        gc.collect()
        before = len(gc.get_objects())
        for _ in range(300):
            with contextlib.suppress(PlanFileError):
                rm.loads(self.TEXT + "[[initiatives]]\nid = 5\n")  # an error: tracebacks
        gc.collect(1)  # the young generations, as the collector runs them by itself
        assert len(gc.get_objects()) < before + 5_000

    def test_a_programs_frozen_objects_stay_frozen(self) -> None:
        """A server that froze its objects before forking keeps them frozen."""
        gc.freeze()
        try:
            frozen = gc.get_freeze_count()
            rm.loads(self.TEXT)
            assert gc.get_freeze_count() == frozen
        finally:
            gc.unfreeze()

    def test_a_paused_collector_stays_paused(self) -> None:
        """A program that disabled the collector finds it disabled."""
        gc.disable()
        try:
            rm.loads(self.TEXT)
            assert not gc.isenabled()
        finally:
            gc.enable()


class TestManyErrors:
    """Every wrong value of a file is located on its own line, in one pass over the text."""

    @pytest.mark.parametrize("fmt", ["toml", "json", "yaml"])
    def test_thirty_wrong_durations_each_on_its_line(self, fmt: str) -> None:
        """Each error's line holds the wrong value (read back from the text itself)."""
        if fmt == "yaml":
            pytest.importorskip("yaml")
        items = [Initiative(id=f"I{k}", name="i", duration=Duration(weeks=13 if k % 3 else 2))
                 for k in range(90)]  # fmt: skip
        plan = Roadmap(name="x", start="2019-01-01", language="en", initiatives=items)
        text = rm.dumps(plan, format=fmt).replace("13 weeks", "9 mnths")
        with pytest.raises(PlanFileError) as caught:
            rm.loads(text, fmt)
        errors = caught.value.errors
        assert len(errors) == 60
        lines = text.splitlines()
        assert all(e.line is not None and "9 mnths" in lines[e.line - 1] for e in errors)
        assert [e.line for e in errors] == sorted({e.line for e in errors})
