"""A workbook on paper: how wide a column prints, and how many lines a text takes in it, as
LibreOffice and Excel print Carlito (Calibri) at 11 points on A4. Estimates, made to err on the
side of room: a row too low for its text would cut its last line off (the print tests read every
word back). Counted with a few C-speed string operations a cell, never by wrapping the text: a
sheet may hold hundreds of thousands of cells. Not money: these are lengths on paper.
"""

from __future__ import annotations

import math

# A4 landscape, half-inch margins: 842 - 72 points of width for the columns
PAGE_WIDTH = {"landscape": 770.0, "portrait": 523.0}
PADDING = 1  # characters a column has beside its widest text


def points(width: float) -> float:  # not money: a column's width on paper
    """A column `width` characters wide, in points as LibreOffice prints it with Calibri's
    metrics (a little wider than Excel's seven pixels a character: the estimate must not fall
    short, or the last signed column moves to the next page)."""
    return (width + 0.71) * 7.5 * 0.75


def wrapped_lines(text: str, width: int) -> int:
    """How many lines `text` takes in a column `width` characters wide (and its padding), as
    LibreOffice and Excel wrap Carlito (Calibri) at 11 points: the letters' advances by class, from
    the font (a space or an `i` a quarter of an em, a digit half an em, an `m` four fifths), against
    the column's room less half a long word that wrapping by words leaves at a line's end. Counted
    with a few `bytes.translate` calls, not wrapped: a sheet may hold hundreds of thousands of cells.

    >>> wrapped_lines("kort", 20), wrapped_lines("een twee drie vier vijf zes zeven acht", 20)
    (1, 2)
    >>> figures = "144.160,00 × 0,30 × 2/3 = 28.832,00; 100.912,00 + 28.832,00 → 129.744,00"  # 360 points
    >>> wrapped_lines(figures, 60), wrapped_lines(figures, 67)  # room 61 x 5,25 + 0,75 = 321 points; 357,75
    (2, 2)
    >>> wrapped_lines(figures, 68)  # room 363 points: one line, no word wrapped
    1
    """
    room = (width + PADDING) * _POINTS_A_CHARACTER + 0.75  # Excel's 7 pixels a character and 5, less 4 of padding
    wrapping = max(_EM, room - 1.5 * _EM)
    return sum(1 if length <= room else math.ceil(length / wrapping)
               for length in (_ems(line) * _EM for line in text.split("\n")))


# letters by their advance in Carlito, in em (its `hmtx`): narrow, digits, wide; the rest about half an em
_NARROW = b" .,;:'()ijl|!"
_DIGITS = b"0123456789"
_WIDE = b"mwMW%&@"
_EM = 11.0  # points: the default font's size
_POINTS_A_CHARACTER = 5.25  # a column's width unit on paper: seven pixels at 96 a inch (LibreOffice's is wider)


def _ems(line: str) -> float:  # not money: a line's length on paper
    """Counted in the line's UTF-8 bytes (`bytes.translate` runs at C speed): a letter outside ASCII
    (é, ×, →) counts its two or three bytes as letters of half an em, never less than it is wide."""
    data = line.encode()
    length = len(data)
    narrow = length - len(data.translate(None, _NARROW))
    digits = length - len(data.translate(None, _DIGITS))
    wide = length - len(data.translate(None, _WIDE))
    return 0.26 * narrow + 0.507 * digits + 0.85 * wide + 0.5 * (length - narrow - digits - wide)
