"""Load errors in the plan's language: the Indonesian wording of what a reader refuses.

Readers raise :class:`~roadmap.errors.PlanFileError` in English (the library's language,
and what tests and logs quote).  :func:`lines` words them for a person: the place (``sheet
Items, row 5, column durasi (H)`` becomes ``lembar Items, baris 5, kolom durasi (H)``) and
the reason, for every refusal a planner meets in practice (values, ids, links, columns,
keys, the file's syntax).  A reason without an Indonesian wording here stays in English,
with its place in Indonesian.

Examples
--------
>>> from roadmap.errors import PlanFileError
>>> err = PlanFileError("progress must be from 0 to 1, got 1.5", path="p.xlsx",
...                     sheet="Kegiatan", row=4, column="progres (P)")
>>> lines(err, "id")
['p.xlsx, lembar Kegiatan, baris 4, kolom progres (P): progres harus dari 0 sampai 1, tertulis 1.5']
"""

from __future__ import annotations

import re
from collections.abc import Callable

from roadmap.errors import PlanFileError

__all__ = ["lines", "reason"]

_UNITS = {
    "years": "tahun", "quarters": "triwulan", "months": "bulan", "weeks": "minggu",
    "days": "hari", "workdays": "hari kerja",
}  # fmt: skip
_DATE_REASONS = {
    "day is out of range for month": "hari itu tidak ada pada bulan itu",
    "month must be in 1..12": "bulan harus 1 sampai 12",
    "year 0 is out of range": "tahun 0 tidak ada",
}
_DURATION_FORMS = (
    "tulis jumlah hari atau satuan hari, minggu, bulan, triwulan, semester, tahun atau hari "
    "kerja (hr, mgg, bln, thn, HK): '9 bulan', '9 bln', '1 tahun 6 bulan', '1,5 tahun', "
    "'10 HK' atau 'P1Y6M'"
)
_DATE_FORMS = "tulis 2019-03-01, 01/03/2019 (hari dahulu), 1 Maret 2019, 1 Mar 2019 atau Maret 2019"
_MONEY_FORMS = (
    "tulis 2500000000, 2.500.000.000, Rp2.500.000.000,-, Rp750 juta, Rp3,5 miliar atau "
    "IDR 1.5 billion"
)


def _guess(m: re.Match[str]) -> str:
    return f"; maksudnya {m['guess']}?" if m["guess"] else ""


_V = r"(?P<v>'.*'|\S+)"  # a value as a message shows it
_GUESS = r"(?:; did you mean (?P<guess>'[^']*'|\S+)\?)?"
#: (pattern of the English reason, its Indonesian wording).
_RULES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(rf"cannot read duration {_V}; write .*"),
     lambda m: f"durasi {m['v']} tidak terbaca; {_DURATION_FORMS}"),
    (re.compile(rf"cannot read duration {_V}: (?P<n>\S+) (?P<u>\w+) is not a whole number of "
                r"(?P<w>\w+); .*"),
     lambda m: f"durasi {m['v']} tidak terbaca: {m['n']} {_UNITS.get(m['u'], m['u'])} bukan "
               f"bilangan bulat {_UNITS.get(m['w'], m['w'])}; tulis sebagai bulan dan hari, "
               "mis. '1 bulan 15 hari'"),
    (re.compile(rf"cannot read duration {_V}: a duration in workdays cannot be mixed with "
                "other units"),
     lambda m: f"durasi {m['v']} tidak terbaca: hari kerja tidak dapat dicampur dengan satuan "
               "lain"),
    (re.compile(r"a bare number (?P<n>\S+) in a duration column: .*"),
     lambda m: f"angka saja {m['n']} pada kolom durasi: tulis '{m['n']} bulan' atau "
               f"'{m['n']} hari', atau sebut satuannya di judul kolom, mis. 'durasi (bulan)'"),
    (re.compile(rf"expected a date, got {_V}; write .*"),
     lambda m: f"tanggal tidak terbaca: {m['v']}; {_DATE_FORMS}"),
    (re.compile(rf"invalid date {_V}: (?P<why>.*?)(?: \(dates are day first: dd/mm/yyyy\))?"),
     lambda m: f"tanggal {m['v']} tidak sah: {_DATE_REASONS.get(m['why'], m['why'])} "
               "(tanggal ditulis hari dahulu: hh/bb/tttt)"),
    (re.compile(r"expected a date without a time, got (?P<v>.*)"),
     lambda m: f"isi tanggal tanpa jam, tertulis {m['v']}"),
    (re.compile(r"the date (?P<d>\S+) is outside the years (?P<a>\d+) to (?P<b>\d+) a plan may "
                "use"),
     lambda m: f"tanggal {m['d']} di luar tahun {m['a']} sampai {m['b']} yang boleh dipakai"),
    (re.compile(rf"expected an amount of money, got {_V}; write .*"),
     lambda m: f"jumlah uang tidak terbaca: {m['v']}; {_MONEY_FORMS}"),
    (re.compile(rf"{_V}: 'M' is miliar to some readers and million to others; .*"),
     lambda m: f"{m['v']}: 'M' dibaca miliar oleh sebagian orang dan million (juta) oleh yang "
               "lain; tulis juta atau miliar"),
    (re.compile(rf"{_V} is not a whole number of rupiah"),
     lambda m: f"{m['v']} bukan jumlah rupiah yang bulat"),
    (re.compile(r"(?P<what>.*?) must be a whole amount of money, got (?P<v>.*)"),
     lambda m: f"anggaran harus jumlah rupiah yang bulat, tertulis {m['v']}"),
    (re.compile(r"progress must be (?:a number )?from 0 to 1, got (?P<v>.*)"),
     lambda m: f"progres harus dari 0 sampai 1, tertulis {m['v']}"),
    (re.compile(r"expected a (?:number|probability) such as 0\.3, 0,3 or 30%, got (?P<v>.*)"),
     lambda m: f"angka tidak terbaca: {m['v']}; tulis mis. 0.3, 0,3 atau 30%"),
    (re.compile(r"expected true or false \(yes/no, ya/tidak\), got (?P<v>.*)"),
     lambda m: f"isi ya atau tidak (true/false), tertulis {m['v']}"),
    (re.compile(r"expected yes or no \(true/false, ya/tidak\), got (?P<v>.*)"),
     lambda m: f"isi ya atau tidak (true/false), tertulis {m['v']}"),
    (re.compile(rf"unknown status {_V}; allowed: (?P<list>.*?) \(or the Indonesian words\)"),
     lambda m: f"status {m['v']} tidak dikenal; yang boleh: belum dilaksanakan, dalam "
               f"pembahasan, berjalan, selesai, ditunda, dibatalkan (atau {m['list']})"),
    (re.compile(rf"item (?P<a>'[^']*') depends on unknown item (?P<b>'[^']*'){_GUESS}"),
     lambda m: f"kegiatan {m['a']} bergantung pada {m['b']}, yang tidak ada{_guess(m)}"),
    (re.compile(rf"'after' names unknown item (?P<b>'[^']*'){_GUESS}"),
     lambda m: f"'after' menyebut {m['b']}, yang tidak ada{_guess(m)}"),
    (re.compile(r"duplicate id (?P<a>'[^']*') \(first used at (?P<p>.*)\)"),
     lambda m: f"kode {m['a']} dipakai dua kali (pertama di {m['p']})"),
    (re.compile(rf"an id cannot hold spaces \(.*\), got {_V}; write (?P<w>.*)"),
     lambda m: f"kode tidak boleh berisi spasi (spasi memisahkan kode dari jenis dan jeda "
               f"tautan, 'A01 SS+2 bulan'), tertulis {m['v']}; tulis {m['w']}"),
    (re.compile(r"an id must be non-empty text, got (?P<v>.*)"),
     lambda m: f"kode harus berupa teks yang tidak kosong, tertulis {m['v']}"),
    (re.compile(rf"unknown key (?P<k>'[^']*'){_GUESS}; allowed here: (?P<list>.*)"),
     lambda m: f"kunci {m['k']} tidak dikenal{_guess(m)}; yang boleh di sini: {m['list']}"),
    (re.compile(rf"unknown column (?P<c>'[^']*'){_GUESS}; allowed: (?P<list>.*)"),
     lambda m: f"kolom {m['c']} tidak dikenal{_guess(m)}; yang boleh: {m['list']}"),
    (re.compile(r"the column (?P<c>'[^']*') appears twice"),
     lambda m: f"kolom {m['c']} muncul dua kali"),
    (re.compile(r"a value outside the table \(no header above it\): (?P<v>.*)"),
     lambda m: f"nilai di luar tabel (tanpa judul kolom di atasnya): {m['v']}"),
    (re.compile(r"missing required key (?P<k>.*)"),
     lambda m: f"kunci wajib {m['k']} tidak ada"),
    (re.compile(r"give a duration, or a start and a finish"),
     lambda m: "isi durasi, atau tanggal mulai dan selesai"),
    (re.compile(r"give either a duration or a finish, not both"),
     lambda m: "isi durasi atau tanggal selesai, jangan keduanya"),
    (re.compile(r"expected text, got (?P<v>.*)"),
     lambda m: f"isi teks, tertulis {m['v']}"),
    (re.compile(r"the roadmap has no start: .*"),
     lambda m: "peta jalan tidak memiliki tanggal mulai: isi pada lembar Peta Jalan (kunci "
               "start) atau isi tanggal mulai kegiatan"),
    (re.compile(r"the file holds no plan; it needs (?P<x>.*) with name and start"),
     lambda m: f"berkas tidak berisi rencana; perlu {m['x']} dengan name dan start"),
    (re.compile(r"no Items sheet: the items are the plan"),
     lambda m: "tidak ada lembar Kegiatan (Items): kegiatan adalah isi rencana"),
    (re.compile(r"the header has no 'id' column"),
     lambda m: "judul tabel tidak memiliki kolom 'kode' (id)"),
    (re.compile(r"(?P<m>.*) \(not valid (?P<f>TOML|JSON|YAML)\)(?P<rest>.*)"),
     lambda m: f"{m['m']} (bukan {m['f']} yang sah){m['rest']}"),
    (re.compile(r"the file is not UTF-8 text \(save it as UTF-8\)"),
     lambda m: "berkas bukan teks UTF-8 (simpan sebagai UTF-8)"),
    (re.compile(r"cannot read the file: (?P<why>.*)"),
     lambda m: f"berkas tidak dapat dibaca: {m['why']}"),
    (re.compile(r"this is a folder, not a plan file"),
     lambda m: "ini folder, bukan berkas rencana"),
    (re.compile(rf"no initiative (?P<v>'[^']*'){_GUESS}"),
     lambda m: f"tidak ada kegiatan {m['v']}{_guess(m)}"),
    (re.compile(r"the budget (?P<a>\S+) is not the (?P<b>\S+) the (?P<s>\S+) rows of (?P<i>\S+) "
                "add up to; .*"),
     lambda m: f"anggaran {m['a']} tidak sama dengan jumlah baris {m['s']} untuk {m['i']} "
               f"({m['b']}); kosongkan atau samakan"),
]  # fmt: skip


def reason(text: str, language: str) -> str:
    """*text*, a reader's English reason, in *language* (``"id"`` or ``"en"``).

    Examples
    --------
    >>> reason("cannot read duration '9 bulam'; write ...", "id")[:34]
    "durasi '9 bulam' tidak terbaca; tu"
    >>> reason("something new", "id")
    'something new'
    """
    if language != "id":
        return text
    for pattern, words in _RULES:
        m = pattern.fullmatch(text)
        if m:
            return words(m)
    return text


def _place(err: PlanFileError) -> str:
    where = [err.path]
    if err.sheet is not None:
        where.append(f"lembar {err.sheet}")
    if err.row is not None:
        where.append(f"baris {err.row}")
    if err.column is not None:
        where.append(f"kolom {err.column}")
    if err.line is not None:
        where.append(f"baris {err.line}")
    if err.field:
        where.append(err.field)
    return ", ".join(where)


def lines(err: PlanFileError, language: str, shown: int = PlanFileError.SHOWN) -> list[str]:
    """One line per problem of *err* in *language*, up to *shown*, then ``and N more``."""
    if language != "id":
        out = [str(e) for e in err.errors[:shown]]
    else:
        out = [f"{_place(e)}: {reason(e.reason, 'id')}" for e in err.errors[:shown]]
    more = len(err.errors) - shown
    if more > 0:
        out.append(f"dan {more} lainnya" if language == "id" else f"and {more} more")
    return out
