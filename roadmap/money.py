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

from typing import Literal

__all__ = ["format_money"]

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
