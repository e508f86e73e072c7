"""Money as planning documents write it, in Indonesian and English, with integer arithmetic.

Indonesian: the symbol first without a space, ``.`` between thousands and ``,`` before
decimals (``Rp1.500.000``); large amounts in words (``Rp1,5 miliar``, ``Rp250 juta``,
``Rp1,05 triliun``: juta 10^6, miliar 10^9, triliun 10^12).  English: ``IDR 1,500,000`` and
``IDR 1.5 billion``.  Amounts are integers (rupiah); words round half up to at most two
decimals, never through floating point.

Examples
--------
>>> format_money(1_500_000)
'Rp1.500.000'
>>> format_money(1_500_000_000, words=True)
'Rp1,5 miliar'
>>> format_money(1_050_000_000_000, words=True)
'Rp1,05 triliun'
>>> format_money(1_500_000_000, words=True, language="en")
'IDR 1.5 billion'
>>> format_money(-250_000_000, words=True)
'-Rp250 juta'
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Literal

__all__ = ["MONEY_FORMS", "format_money", "parse_fraction", "parse_money"]

_SCALES: dict[str, tuple[tuple[int, str], ...]] = {
    "id": ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu")),
    "en": ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (10**3, "thousand")),
}


def _group(n: int, sep: str) -> str:
    text = str(n)
    head = len(text) % 3 or 3
    parts = [text[:head]] + [text[i : i + 3] for i in range(head, len(text), 3)]
    return sep.join(parts)


def _symbol(currency: str, language: str) -> str:
    if currency == "IDR":
        return "Rp" if language == "id" else "IDR "
    return f"{currency} "


def format_money(
    amount: int,
    *,
    words: bool = False,
    language: Literal["id", "en"] = "id",
    currency: str = "IDR",
    decimals: int = 2,
) -> str:
    """Write an amount of money for a planning document.

    Parameters
    ----------
    amount
        Whole units of the currency (rupiah).
    words
        Use the largest unit word that keeps at least 1 (``Rp1,5 miliar``); amounts below
        a million are written in full.
    language
        ``"id"`` (``Rp1.500.000``, ``Rp1,5 miliar``) or ``"en"`` (``IDR 1,500,000``,
        ``IDR 1.5 billion``).
    currency
        ISO 4217 code; IDR is written ``Rp`` in Indonesian.
    decimals
        Most decimals shown with words; trailing zeros are dropped.

    Examples
    --------
    >>> format_money(999_999_999, words=True)
    'Rp1 miliar'
    >>> format_money(1_234_567, language="en")
    'IDR 1,234,567'
    >>> format_money(750_000, words=True)
    'Rp750.000'
    """
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError(f"amount must be an integer, got {amount!r}")
    if language not in _SCALES:
        raise ValueError(f"language must be 'id' or 'en', got {language!r}")
    sign = "-" if amount < 0 else ""
    value = abs(amount)
    thousands, point = (".", ",") if language == "id" else (",", ".")
    symbol = _symbol(currency, language)
    if words and value >= 10**6:
        scales = [s for s in _SCALES[language] if s[0] >= 10**6]
        for k, (unit, word) in enumerate(scales):
            if value >= unit or k == len(scales) - 1:
                step = 10**decimals
                # Round half up in integers: value / unit to `decimals` places.
                scaled = (value * step * 2 + unit) // (unit * 2)
                if scaled >= 1000 * step and k > 0:  # 999,995 juta -> 1 miliar
                    unit, word = scales[k - 1]
                    scaled = (value * step * 2 + unit) // (unit * 2)
                whole, frac = divmod(scaled, step)
                text = _group(whole, thousands)
                if frac:
                    text += point + str(frac).rjust(decimals, "0").rstrip("0")
                return f"{sign}{symbol}{text} {word}"
    return f"{sign}{symbol}{_group(value, thousands)}"


#: The forms of an amount a plan may use, for messages.
MONEY_FORMS = (
    "2500000000, 2.500.000.000, Rp2.500.000.000,-, Rp750 juta, Rp3,5 miliar or IDR 1.5 billion"
)
_SCALE_WORDS = {
    **dict.fromkeys(("ribu", "rb"), (10**3, "id")),
    **dict.fromkeys(("juta", "jt"), (10**6, "id")),
    **dict.fromkeys(("miliar", "milyar", "mlr", "myr"), (10**9, "id")),
    **dict.fromkeys(("triliun", "trilyun", "t"), (10**12, "id")),
    **dict.fromkeys(("thousand", "k"), (10**3, "en")),
    **dict.fromkeys(("million", "mn", "mio"), (10**6, "en")),
    **dict.fromkeys(("billion", "bn", "b"), (10**9, "en")),
    **dict.fromkeys(("trillion", "tn"), (10**12, "en")),
}  # fmt: skip
_AMOUNT = re.compile(
    r"(?P<sign>[-+]?)\s*(?P<cur>rp\.?|idr)?\s*(?P<sign2>[-+]?)\s*(?P<num>\d[\d.,\s_]*?)"
    r"\s*(?P<word>[a-z]+)?\.?\s*(?:,-|\.-|,00|-)?",
    re.IGNORECASE,
)
_GROUPS = re.compile(r"\d{1,3}(?:[.,]\d{3})+")


def _decimal(text: str, language: str | None) -> Fraction | None:
    """Digits with thousands separators and a decimal mark, as either language writes them.

    Both marks: the last one is the decimal mark.  One mark several times: thousands.  One
    mark once: decimals unless exactly three digits follow (``2.500``, ``2,500``), which
    are thousands, except ``,`` in Indonesian (``Rp1,500 juta``) and ``.`` in English.
    """
    text = text.replace(" ", "").replace("_", "")
    dots, commas = text.count("."), text.count(",")
    point: str | None = None
    if dots and commas:
        point = "." if text.rfind(".") > text.rfind(",") else ","
        if text.count(point) > 1:
            return None
    elif dots + commas == 1:
        mark = "." if dots else ","
        head, tail = text.split(mark)
        thousands = len(tail) == 3 and head != "0" and (
            language is None or (mark == "." if language == "id" else mark == ",")
        )  # fmt: skip
        point = None if thousands else mark
    elif dots > 1 or commas > 1:
        point = None
    whole, _, frac = text.rpartition(point) if point else (text, "", "")
    if whole and (("." in whole) or ("," in whole)) and not _GROUPS.fullmatch(whole):
        return None
    digits = whole.replace(".", "").replace(",", "")
    if not (digits.isdigit() or (not digits and frac)) or (frac and not frac.isdigit()):
        return None
    return Fraction(int(digits or "0") * 10 ** len(frac) + int(frac or "0"), 10 ** len(frac))


def parse_money(value: object) -> int:
    """Read an amount of money (whole rupiah) as planners write it.

    Integers; text with Indonesian or English thousands (``2.500.000.000``,
    ``2,500,000,000``); ``Rp``/``IDR`` before and ``,-`` or ``,00`` after; a scale word:
    ``ribu``, ``juta`` (``jt``), ``miliar`` (``milyar``), ``triliun`` (``T``), ``thousand``,
    ``million``, ``billion`` (``bn``), ``trillion``, with a decimal comma in Indonesian
    (``Rp3,5 miliar``) and a decimal point in English (``IDR 1.5 billion``).  Exact: never
    through floating point.  ``M`` alone is refused: it means *miliar* to one reader and
    *million* to another.

    Raises
    ------
    ValueError
        Naming the value and the accepted forms; also for a fraction of a rupiah.

    Examples
    --------
    >>> parse_money("Rp750 juta"), parse_money("Rp3,5 miliar"), parse_money("IDR 1.5 billion")
    (750000000, 3500000000, 1500000000)
    >>> parse_money("Rp3.000.000.000,-"), parse_money("2,500,000"), parse_money(2_500)
    (3000000000, 2500000, 2500)
    """
    if isinstance(value, bool):
        raise ValueError(f"expected an amount of money, got {value!r}")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise ValueError(f"expected a whole amount of money, got {value!r}")
    if isinstance(value, str):
        amount = _read_money(value.strip())
        if amount is not None:
            return amount
    shown = repr(value) if len(repr(value)) <= 80 else repr(value)[:77] + "..."
    raise ValueError(f"expected an amount of money, got {shown}; write {MONEY_FORMS}")


def _read_money(text: str) -> int | None:
    if len(text) > 80:  # 10^18 with every separator is 40 characters
        return None
    m = _AMOUNT.fullmatch(text)
    if m is None or (m["sign"] and m["sign2"]):
        return None
    word = (m["word"] or "").lower()
    if word == "m":
        raise ValueError(
            f"{text!r}: 'M' is miliar to some readers and million to others; "
            "write juta, miliar or million"
        )
    if word and word not in _SCALE_WORDS:
        return None
    scale, language = _SCALE_WORDS.get(word, (1, None))
    if language is None and m["cur"]:
        language = "en" if m["cur"].lower() == "idr" else "id"
    number = _decimal(m["num"], language)
    if number is None:
        return None
    amount = number * scale
    if amount.denominator != 1:
        raise ValueError(f"{text!r} is not a whole number of rupiah")
    return -int(amount) if "-" in (m["sign"], m["sign2"]) else int(amount)


def parse_fraction(value: object) -> float:
    """Read a share from 0 to 1 as planners write it: ``0.3``, ``0,3`` or ``30%``.

    Raises
    ------
    ValueError
        For anything else (the range is the caller's to check).

    Examples
    --------
    >>> parse_fraction("0,3"), parse_fraction("30%"), parse_fraction("12,5 %"), parse_fraction(1)
    (0.3, 0.3, 0.125, 1.0)
    """
    if isinstance(value, bool):
        raise ValueError(f"expected a number such as 0.3, 0,3 or 30%, got {value!r}")
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        text = value.strip()
        percent = text.endswith("%")
        body = text[:-1].strip() if percent else text
        sign = -1 if body.startswith("-") else 1
        body = body.lstrip("+-").strip()
        if re.fullmatch(r"\d+(?:[.,]\d+)?|[.,]\d+", body):
            number = float(body.replace(",", "."))
            return sign * (number / 100 if percent else number)
    shown = repr(value) if len(repr(value)) <= 80 else repr(value)[:77] + "..."
    raise ValueError(f"expected a number such as 0.3, 0,3 or 30%, got {shown}")
