"""Tests of roadmap.cli, run in-process through main(argv)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from roadmap import __version__
from roadmap.cli import main, make_parser


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


class TestSchedule:
    def test_table(self, capsys: pytest.CaptureFixture[str], small_plan_path: Path) -> None:
        """The table has a summary, a header and one marked row per item."""
        code, out, err = run(capsys, "schedule", str(small_plan_path))
        assert code == 0
        assert err == ""
        assert "critical path: SC01 -> SC03 -> M1" in out
        lines = out.splitlines()
        assert lines[2].split() == ["id", "name", "start", "finish", "slack", "free", "driving"]
        row = next(line for line in lines[3:] if " SC03 " in line)
        assert row.startswith("*")
        assert "2019-12-01  2020-09-30" in row

    def test_json_is_the_spec_shape(
        self, capsys: pytest.CaptureFixture[str], small_plan_path: Path
    ) -> None:
        """JSON output has the SPEC §6 keys and values."""
        code, out, _ = run(capsys, "schedule", str(small_plan_path), "--format", "json")
        assert code == 0
        tree = json.loads(out)
        assert tree["roadmap"] == "Smart City starter roadmap"
        assert (tree["start"], tree["finish"]) == ("2019-01-01", "2020-09-30")
        assert tree["critical_path"] == ["SC01", "SC03", "M1"]
        sc04 = next(i for i in tree["items"] if i["id"] == "SC04")
        assert sc04 == {
            "id": "SC04",
            "kind": "initiative",
            "start": "2019-09-01",
            "finish": "2020-05-31",
            "late_start": "2019-10-01",
            "late_finish": "2020-06-30",
            "total_slack_days": 30,
            "free_slack_days": 30,
            "critical": False,
            "driving": ["SC01"],
        }
        m1 = next(i for i in tree["items"] if i["id"] == "M1")
        assert m1["kind"] == "milestone"
        assert m1["start"] == m1["finish"] == "2020-09-30"

    def test_csv(self, capsys: pytest.CaptureFixture[str], small_plan_path: Path) -> None:
        """CSV output has a header and one row per item."""
        code, out, _ = run(
            capsys, "schedule", str(small_plan_path), "-f", "csv", "--csv-dialect", "plain"
        )
        rows = list(csv.DictReader(io.StringIO(out)))
        assert code == 0
        assert len(rows) == 5
        assert rows[0]["id"] == "SC01"
        assert rows[0]["critical"] == "yes"

    def test_csv_for_indonesian_excel(
        self, capsys: pytest.CaptureFixture[str], small_plan_path: Path, tmp_path: Path
    ) -> None:
        """An Indonesian plan's CSV: ';', a UTF-8 byte-order mark, Indonesian headers, ya."""
        target = tmp_path / "jadwal.csv"
        assert run(capsys, "schedule", str(small_plan_path), "-o", str(target))[0] == 0
        raw = target.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
        assert (rows[0]["Kode"], rows[0]["Jenis"], rows[0]["Kritis"]) == ("SC01", "kegiatan", "ya")
        _, out, _ = run(capsys, "schedule", str(small_plan_path), "-f", "csv", "-l", "en")
        assert out.startswith("id,kind,name,")

    def test_output_to_a_device(
        self, capsys: pytest.CaptureFixture[str], small_plan_path: Path, tmp_path: Path
    ) -> None:
        """-o /dev/null (no suffix, not a file) takes the command's default format."""
        assert run(capsys, "schedule", str(small_plan_path), "-o", "/dev/null")[0] == 0
        code, _, err = run(capsys, "schedule", str(small_plan_path), "-o",
                           str(tmp_path / "missing" / "x.txt"))  # fmt: skip
        assert code == 2
        assert err == f"roadmap: error: {tmp_path / 'missing'}: no such folder\n"

    def test_output_file(
        self, capsys: pytest.CaptureFixture[str], small_plan_path: Path, tmp_path: Path
    ) -> None:
        """-o writes the file and prints nothing."""
        out_path = tmp_path / "s.json"
        code, out, _ = run(
            capsys, "schedule", str(small_plan_path), "-f", "json", "-o", str(out_path)
        )
        assert (code, out) == (0, "")
        assert json.loads(out_path.read_text())["finish"] == "2020-09-30"


class TestEveryError:
    def test_one_line_each(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """Every problem of the file is a line of its own on stderr; exit 2."""
        plan = tmp_path / "p.toml"
        plan.write_text(
            '[roadmap]\nname = "x"\nstart = 2019-01-01\n[[initiatives]]\n'
            'id = "A"\nname = "a"\nduration = "lama"\nbudget = "banyak"\n'
        )
        code, out, err = run(capsys, "check", str(plan), "--language", "en")
        assert (code, out) == (2, "")
        lines = err.splitlines()
        assert [line.split(": ")[2] for line in lines] == [
            f"{plan}, line 7, initiatives[0].duration",
            f"{plan}, line 8, initiatives[0].budget",
        ]
        assert all(line.startswith("roadmap: error: ") for line in lines)

    def test_in_the_plans_language(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A plan without a language is Indonesian (as check() speaks): so are its errors."""
        plan = tmp_path / "p.toml"
        plan.write_text(
            '[roadmap]\nname = "x"\nstart = 2019-01-01\n[[initiatives]]\n'
            'id = "A"\nname = "a"\nduration = "lama"\nbudget = "banyak"\n'
        )
        _, _, err = run(capsys, "check", str(plan))
        assert err.splitlines() == [
            f"roadmap: error: {plan}, baris 7, initiatives[0].duration: durasi 'lama' tidak "
            "terbaca; tulis jumlah hari atau satuan hari, minggu, bulan, triwulan, semester, "
            "tahun atau hari kerja (hr, mgg, bln, thn, HK): '9 bulan', '9 bln', '1 tahun 6 "
            "bulan', '1,5 tahun', '10 HK' atau 'P1Y6M'",
            f"roadmap: error: {plan}, baris 8, initiatives[0].budget: jumlah uang tidak "
            "terbaca: 'banyak'; tulis 2500000000, 2.500.000.000, Rp2.500.000.000,-, Rp750 "
            "juta, Rp3,5 miliar atau IDR 1.5 billion",
        ]
        plan.write_text(plan.read_text().replace('start = 2019-01-01', 'start = 2019-01-01\n'
                                                 'language = "en"'))  # fmt: skip
        _, _, err = run(capsys, "check", str(plan))
        assert "line 8, initiatives[0].duration: cannot read duration 'lama'" in err


class TestErrors:
    def test_bad_plan(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A bad field: one line on stderr naming file, line and field; exit 2."""
        plan = tmp_path / "p.toml"
        plan.write_text(
            '[roadmap]\nname = "x"\nstart = 2019-01-01\nlanguage = "en"\n[[initiatives]]\n'
            'id = "A"\nname = "a"\nduration = "lama"\n'
        )
        code, out, err = run(capsys, "schedule", str(plan))
        assert code == 2
        assert out == ""
        assert err == (
            f"roadmap: error: {plan}, line 8, initiatives[0].duration: cannot read "
            "duration 'lama'; write a number of days or units of day, week, month, quarter, "
            "semester, year or workday (hari, minggu, bulan, triwulan, semester, tahun, hari "
            "kerja; hr, mgg, bln, thn, HK): '9 months', '9 bln', '1 tahun 6 bulan', "
            "'1,5 tahun', '10 HK' or 'P1Y2M'\n"
        )

    def test_messages_never_carry_controls(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A message quoting what a file holds escapes ESC and line breaks: one line."""
        plan = tmp_path / "p.toml"
        plan.write_text('[roadmap]\nname = "x"\nstart = 2019-01-01\n[[initiatives]]\n'
                        'id = "A"\nname = "a"\nduration = "9 mnths\\u001b[2J\\n"\n')  # fmt: skip
        code, _, err = run(capsys, "schedule", str(plan))
        assert code == 2
        assert err.count("\n") == 1
        assert "\x1b" not in err
        assert "9 mnths\\x1b[2J\\n" in err

    @pytest.mark.parametrize(("field", "message"), [
        ('start = 9999-12-01\nduration = 10', "the date 9999-12-01 is outside the years"),
        ("duration = 3650000", "longer than the 300 years"),
        ('duration = "250 years"\n[[initiatives]]\nid = "B"\nname = "b"\n'
         'duration = "250 years"\ndepends_on = ["A"]', "'B' would finish in about the year 2520"),
    ])  # fmt: skip
    def test_far_dates_are_plan_errors(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, field: str, message: str
    ) -> None:
        """Far dates and huge durations: exit 2 with one line, in every command."""
        plan = tmp_path / "p.toml"
        plan.write_text('[roadmap]\nname = "x"\nstart = 2021-01-01\nlanguage = "en"\n'
                        f'[[initiatives]]\nid = "A"\nname = "a"\n{field}\n')  # fmt: skip
        for command in (["schedule"], ["budget"], ["export", "--to", "ics"],
                        ["gantt", "-o", str(tmp_path / "g.png")]):  # fmt: skip
            code, _, err = run(capsys, *command, str(plan))
            assert code == 2, command
            assert message in err
            assert err.count("\n") == 1

    def test_cycle(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A cycle names the whole cycle; exit 2."""
        plan = tmp_path / "p.json"
        plan.write_text(
            json.dumps(
                {
                    "roadmap": {"name": "x", "start": "2019-01-01"},
                    "initiatives": [
                        {"id": "a", "name": "a", "duration": 1, "depends_on": ["b"]},
                        {"id": "b", "name": "b", "duration": 1, "depends_on": ["a"]},
                    ],
                }
            )
        )
        code, _, err = run(capsys, "schedule", str(plan))
        assert code == 2
        assert err.startswith(f"roadmap: error: {plan}: dependency cycle: a -> b -> a")
        assert err.count("\n") == 1
        assert run(capsys, "budget", str(plan))[0] == 2
        code, out, _ = run(capsys, "check", str(plan), "-l", "en")
        assert code == 1
        assert "[dependency-cycle] The dependencies form a cycle: a -> b -> a." in out

    def test_missing_file(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A missing file is exit 2 with its name."""
        code, _, err = run(capsys, "schedule", "nope.toml")
        assert code == 2
        assert "nope.toml" in err
        assert "Traceback" not in err

    def test_unwritable_output(
        self, capsys: pytest.CaptureFixture[str], small_plan_path: Path, tmp_path: Path
    ) -> None:
        """An output folder that does not exist is exit 2, not a traceback."""
        code, _, err = run(
            capsys,
            "schedule",
            str(small_plan_path),
            "-o",
            str(tmp_path / "no" / "such" / "dir.csv"),
        )
        assert code == 2
        assert err.startswith("roadmap: error:")

    WORKDAYS = (
        '[roadmap]\nname = "x"\nstart = 2019-01-01\n[[initiatives]]\nid = "A"\n'
        'name = "a"\nduration = "10 hari kerja"\n'
    )

    @pytest.mark.parametrize(
        "argv",
        [
            ["schedule"], ["schedule", "-f", "json"], ["budget"], ["budget", "--by", "owner"],
            ["gantt", "-o", "{tmp}/g.png"], ["export", "--to", "mermaid"],
            ["export", "--to", "ics"], ["export", "--to", "mspdi"],
        ],
        ids=" ".join,
    )  # fmt: skip
    def test_workdays_without_calendar(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str]
    ) -> None:
        """Workdays without a calendar: one line naming file, item and field; exit 2."""
        plan = tmp_path / "p.toml"
        plan.write_text(self.WORKDAYS)
        args = [a.replace("{tmp}", str(tmp_path)) for a in argv]
        code, out, err = run(capsys, args[0], str(plan), *args[1:])
        assert (code, out) == (2, "")
        assert err.startswith(f"roadmap: error: {plan}: ")
        assert "item 'A', field 'duration': 10 workdays needs a working-day calendar" in err
        assert err.count("\n") == 1
        assert not (tmp_path / "g.png").exists()

    def test_workdays_without_calendar_is_a_finding(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """Roadmap check reports it as an error finding (exit 1), with the fix."""
        plan = tmp_path / "p.toml"
        plan.write_text(self.WORKDAYS)
        code, out, _ = run(capsys, "check", str(plan), "-l", "en", "-f", "json")
        assert code == 1
        codes = [f["code"] for f in json.loads(out)["findings"]]
        assert codes[0] == "workdays-without-calendar"
        assert "not-scheduled" in codes

    def test_missing_extra(
        self,
        capsys: pytest.CaptureFixture[str],
        small_plan_path: Path,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """YAML without PyYAML: one line saying what to install; exit 2."""
        monkeypatch.setitem(sys.modules, "yaml", None)
        code, out, err = run(capsys, "export", str(small_plan_path), "--to", "yaml")
        assert (code, out) == (2, "")
        assert err == (
            f"roadmap: error: {small_plan_path}: reading and writing YAML plans needs PyYAML: "
            "pip install 'roadmap[yaml]'\n"
        )

    def test_internal_error(
        self,
        capsys: pytest.CaptureFixture[str],
        small_plan_path: Path,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """A bug is one line and exit 3; --debug shows the traceback."""
        import roadmap.export

        def broken(*args: object) -> str:
            raise KeyError("boom")

        monkeypatch.setattr(roadmap.export, "schedule_text", broken)
        code, out, err = run(capsys, "schedule", str(small_plan_path))
        assert (code, out) == (3, "")
        assert err == (
            "roadmap: internal error: KeyError: 'boom' (a bug in roadmap; run again with "
            "--debug for the traceback and please report it)\n"
        )
        code, _, err = run(capsys, "--debug", "schedule", str(small_plan_path))
        assert code == 3
        assert "Traceback (most recent call last)" in err
        assert err.endswith("please report it)\n")

    def test_usage_errors(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Unknown formats and missing commands are usage errors with exit 2."""
        assert run(capsys, "schedule", "x.toml", "--format", "xml")[0] == 2
        assert run(capsys)[0] == 2


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints the package version."""
    code, out, _ = run(capsys, "--version")
    assert (code, out.strip()) == (0, f"roadmap {__version__}")


def test_parser_lists_commands() -> None:
    """The parser knows the schedule command (the CLI docs are generated from it)."""
    assert "schedule" in make_parser().format_help()


def test_python_dash_m(small_plan_path: Path) -> None:
    """Python -m roadmap runs the same CLI, in a real process."""
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "roadmap",
            "schedule",
            str(small_plan_path),
            "-f",
            "csv",
            "--csv-dialect",
            "plain",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.startswith("id,kind,name,")


def test_tanjungpinang_plan(capsys: pytest.CaptureFixture[str]) -> None:
    """The illustrative Tanjungpinang plan schedules inside its 2019-2023 horizon."""
    plan = Path(__file__).parent.parent / "examples" / "tanjungpinang_2019_2023.toml"
    code, out, _ = run(capsys, "schedule", str(plan), "-f", "json")
    tree = json.loads(out)
    assert code == 0
    assert len(tree["items"]) == 41
    assert tree["finish"] == "2023-12-31"
    assert tree["critical_path"][-1] == "M3"


class TestCheck:
    TP = Path(__file__).parent.parent / "examples" / "tanjungpinang_2019_2023.toml"

    def test_errors_exit_1(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A plan with errors exits 1; text is in the plan's language (Indonesian)."""
        code, out, err = run(capsys, "check", str(self.TP))
        assert code == 1
        assert err == ""
        assert "Kesalahan (1)" in out
        assert "[over-ceiling] Tahun anggaran 2020" in out

    def test_json_english(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--format json --language en gives the SPEC shape."""
        code, out, _ = run(capsys, "check", str(self.TP), "-f", "json", "-l", "en")
        tree = json.loads(out)
        assert code == 1
        assert tree["ok"] is False
        assert tree["findings"][0]["code"] == "over-ceiling"
        assert tree["findings"][0]["message"].startswith("Fiscal year 2020:")

    def test_warnings_and_strict(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """Warnings alone exit 0, or 1 with --strict."""
        plan = tmp_path / "p.toml"
        plan.write_text(
            '[roadmap]\nname = "x"\nstart = 2019-01-01\n[[initiatives]]\nid = "A"\n'
            'name = "a"\nduration = 5\nowner = "o"\ndimension = "d"\nbudget = 0\n'
        )
        code, out, _ = run(capsys, "check", str(plan), "-l", "en")
        assert code == 0, out
        assert "[zero-budget]" in out
        assert run(capsys, "check", str(plan), "--strict")[0] == 1

    def test_markdown_to_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """Markdown written atomically to a file."""
        out_path = tmp_path / "findings.md"
        code, out, _ = run(capsys, "check", str(self.TP), "-f", "markdown", "-o", str(out_path))
        assert (code, out) == (1, "")
        assert out_path.read_text().startswith("# Peta Jalan")

    def test_unreadable_plan_exit_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Unreadable input is 2, not 1."""
        assert run(capsys, "check", "nope.toml")[0] == 2


class TestBudget:
    TP = TestCheck.TP

    def test_by_year_table(self, capsys: pytest.CaptureFixture[str]) -> None:
        """By year: amounts against ceilings, the excess, and a total row."""
        code, out, _ = run(capsys, "budget", str(self.TP))
        assert code == 0
        assert out.splitlines()[0].split() == ["tahun", "anggaran", "pagu", "lebih"]
        assert "2020     Rp9.625.000.000  Rp8.000.000.000  Rp1.625.000.000" in out
        assert out.splitlines()[-1].split() == ["jumlah", "Rp27.145.000.000"]

    def test_by_dimension_csv(self, capsys: pytest.CaptureFixture[str]) -> None:
        """CSV by dimension has one column per fiscal year."""
        code, out, _ = run(
            capsys, "budget", str(self.TP), "--by", "dimension", "-f", "csv", "-l", "en"
        )
        rows = list(csv.DictReader(io.StringIO(out)))
        assert code == 0
        assert list(rows[0]) == ["dimension", "2019", "2020", "2021", "2022", "2023", "total"]
        assert sum(int(r["total"]) for r in rows) == 27_145_000_000

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """JSON carries the rows and the grouping."""
        code, out, _ = run(capsys, "budget", str(self.TP), "--by", "owner", "-f", "json")
        tree = json.loads(out)
        assert (code, tree["by"], tree["currency"]) == (0, "owner", "IDR")
        assert tree["rows"][0]["owner"]


def test_defects_demo(capsys: pytest.CaptureFixture[str]) -> None:
    """The shipped defects demo reports its planted defects and exits 1."""
    plan = Path(__file__).parent.parent / "examples" / "defects_demo.toml"
    code, out, _ = run(capsys, "check", str(plan), "-l", "en", "-f", "json")
    codes = [f["code"] for f in json.loads(out)["findings"]]
    assert code == 1
    assert codes[:5] == [
        "start-violates-dependency",
        "deadline-missed",
        "outside-horizon",
        "allocation-mismatch",
        "over-ceiling",
    ]


class TestSpreadsheets:
    TP = TestCheck.TP

    def test_template(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """Writes a blank workbook once; never over an existing file."""
        out = tmp_path / "rencana.xlsx"
        code, stdout, _ = run(capsys, "template", str(out), "-l", "en")
        assert (code, stdout) == (0, f"{out}: blank plan written; fill in the Items sheet\n")
        assert out.read_bytes().startswith(b"PK")
        code, _, err = run(capsys, "template", str(out))
        assert (code, err) == (2, f"roadmap: error: {out}: exists; choose another name\n")
        code, _, err = run(capsys, "template", str(tmp_path / "plan.toml"))
        assert code == 2
        assert "name it .xlsx" in err

    @pytest.mark.parametrize("fmt", ["csv", "xlsx", "mspdi"])
    def test_commands_read_every_plan_format(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
    ) -> None:
        """Check, schedule, budget and gantt take CSV, XLSX and MS Project plans."""
        plan = tmp_path / f"plan.{'xml' if fmt == 'mspdi' else fmt}"
        assert run(capsys, "export", str(self.TP), "--to", fmt, "-o", str(plan))[0] == 0
        code, out, _ = run(capsys, "schedule", str(plan), "-f", "json")
        assert code == 0
        assert json.loads(out)["critical_path"] == ["SC21", "SC22", "SC36", "M3"]
        # The ceilings too: MS Project XML carries them in the roadmap fields (Text8).
        assert run(capsys, "check", str(plan))[0] == 1  # the planted over-ceiling year
        assert "Rp1.625.000.000" in run(capsys, "budget", str(plan))[1]
        assert run(capsys, "gantt", str(plan), "-o", str(tmp_path / "g.svg"))[0] == 0

    def test_schedule_and_budget_workbooks(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """--format xlsx writes a workbook, and needs -o."""
        for command in ("schedule", "budget"):
            out = tmp_path / f"{command}.xlsx"
            assert run(capsys, command, str(self.TP), "-f", "xlsx", "-o", str(out))[0] == 0
            assert out.read_bytes().startswith(b"PK")
            code, _, err = run(capsys, command, str(self.TP), "-f", "xlsx")
            assert code == 2
            assert "give the output file with -o" in err


class TestOutputsWhereTheirNamesSay:
    TP = Path(__file__).parent.parent / "examples" / "tanjungpinang_2019_2023.toml"

    @staticmethod
    def is_format(path: Path, fmt: str) -> bool:
        """Whether the file is what *fmt* says, read by an independent reader."""
        data = path.read_bytes()
        if fmt == "xlsx":
            import openpyxl

            return openpyxl.load_workbook(path).active.max_row > 1
        if fmt == "png":
            return data.startswith(b"\x89PNG\r\n\x1a\n")
        if fmt == "pdf":
            return data.startswith(b"%PDF-")
        if fmt == "svg":
            return b"<svg" in data[:400]
        text = data.decode("utf-8-sig")
        if fmt == "json":
            return bool(json.loads(text))
        if fmt == "csv":
            return len(next(iter(csv.reader(io.StringIO(text), delimiter=";")))) > 2
        if fmt == "md":
            return text.splitlines()[0].startswith("|") or "\n| " in text
        if fmt == "html":
            return text.startswith("<!DOCTYPE html>") and "<table" in text
        return fmt == "txt" and text.strip() != "" and not text.startswith(("{", "<", "|"))

    @pytest.mark.parametrize(
        ("command", "suffixes"),
        [
            ("schedule", ["txt", "csv", "json", "md", "xlsx", "html"]),
            ("budget", ["txt", "csv", "json", "md", "xlsx", "html", "png", "svg", "pdf"]),
            ("check", ["txt", "json", "md", "html"]),
            ("gantt", ["png", "svg", "pdf"]),
            ("scurve", ["png", "svg", "pdf"]),
            ("report", ["html"]),
        ],
    )
    def test_every_suffix(
        self,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        command: str,
        suffixes: list[str],
    ) -> None:
        """-o writes the format its suffix names."""
        for suffix in suffixes:
            target = tmp_path / f"out.{suffix}"
            code, _, err = run(capsys, command, str(self.TP), "-o", str(target))
            assert code in (0, 1), (suffix, err)  # check exits 1: the example has an error
            assert self.is_format(target, suffix), suffix

    @pytest.mark.parametrize(
        ("command", "suffix"),
        [("schedule", "png"), ("budget", "docx"), ("check", "xlsx"), ("gantt", "jpg"),
         ("scurve", "html"), ("report", "pdf"), ("schedule", "")],
    )  # fmt: skip
    def test_a_suffix_it_cannot_write(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str, suffix: str
    ) -> None:
        """Exit 2 with one line naming the file and what it can write; nothing written."""
        target = tmp_path / (f"out.{suffix}" if suffix else "out")
        code, _out, err = run(capsys, command, str(self.TP), "-o", str(target))
        assert code == 2
        assert err.startswith(f"roadmap: error: {target}: cannot write ")
        assert "choose with --format" in err
        assert err.count("\n") == 1
        assert not target.exists()

    def test_format_overrides_the_suffix(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """--format wins over the suffix (a CSV named .dat)."""
        target = tmp_path / "out.dat"
        assert run(capsys, "schedule", str(self.TP), "-o", str(target), "-f", "csv")[0] == 0
        assert target.read_text(encoding="utf-8-sig").startswith("Kode;")

    def test_report_reads_back(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """Roadmap report says what it wrote; every command reads the report as the plan."""
        target = tmp_path / "laporan.html"
        code, out, _ = run(capsys, "report", str(self.TP), "-o", str(target))
        assert code == 0
        assert out.startswith(f"{target}: 9 sections, ")
        code, out, _ = run(capsys, "schedule", str(target), "-f", "json")
        assert json.loads(out)["critical_path"] == ["SC21", "SC22", "SC36", "M3"]
