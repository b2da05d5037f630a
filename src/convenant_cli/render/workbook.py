"""Writing workbooks, shared by the xlsx renderers: number formats, safe cells, formulas
saved with their computed value, SUM totals, sheet layout (sized columns, wrapped text,
frozen header and name column, print setup), the same bytes for the same inputs and date.

The Office Open XML is written here, a row at a time, because the evidence of a sector's
whole eindrapport runs to hundreds of thousands of cells and the libraries that build a
cell object for each (openpyxl, XlsxWriter) spend several times the settlement itself on
it. What is written is the small part of the format these workbooks use: inline strings,
numbers, dates, formulas with their value (so that pandas, a file preview or openpyxl's
`data_only` see every total), a style per number format, frozen panes, column widths,
print setup. Numbers go in as `Decimal` or `int` and are written as their own decimal
text: no binary float on the way. Rows and columns are counted from 1, as a spreadsheet
shows them. Tests read every workbook back with openpyxl and recompute it with a formula
engine.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from convenant_cli.domain.money import quantize, round_half_up
from convenant_cli.render.safe_text import visible

EURO = '#,##0.00 "€"'
FTE = "0.00"
FTE_DAYS = "#,##0.00"
COUNT = "#,##0"
RATIO = "# ?/???"
EXACT = "#,##0.000000"
DATE = "yyyy-mm-dd"
MAX_WIDTH = 60  # characters; longer text wraps
SIGNIFICANT = 17  # digits of an exact figure's saved value: more than a spreadsheet's double holds
_EPOCH = date(1899, 12, 30)  # a spreadsheet's day 0 (it counts 1900 as a leap year)
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # every part of the archive: the same bytes for the same workbook
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

Number = Decimal | int | Fraction


class Formula(str):
    """A formula a renderer writes (`=ROUND(...)`): text from a file is a plain `str` and
    never becomes one, whatever it starts with."""


def letter(column: int) -> str:
    """
    >>> letter(1), letter(26), letter(27)
    ('A', 'Z', 'AA')
    """
    if column < len(_LETTERS):
        return _LETTERS[column]
    name = ""
    while column:
        column, rest = divmod(column - 1, 26)
        name = chr(65 + rest) + name
    return name


def _letters(count: int) -> tuple[str, ...]:
    found = [""]
    for column in range(1, count):
        name, rest = "", column
        while rest:
            rest, digit = divmod(rest - 1, 26)
            name = chr(65 + digit) + name
        found.append(name)
    return tuple(found)


_LETTERS = _letters(120)


def exact_decimal(value: Number) -> Decimal:
    """A figure as the decimal saved for it: exact when it has few decimals, else to more
    significant digits than a spreadsheet keeps.

    >>> exact_decimal(Decimal("71279.56")), exact_decimal(Fraction(2, 3)), exact_decimal(7)
    (Decimal('71279.56'), Decimal('0.6666666666666667'), Decimal('7'))
    """
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return Decimal(value.numerator)
        places = max(0, SIGNIFICANT - len(str(abs(value.numerator) // value.denominator)))
        return round_half_up(value, places).normalize()
    return Decimal(value)


def _xml_text(text: str) -> str:
    """Text a worksheet can hold: XML 1.0 has no place for a lone surrogate or U+FFFE/F."""
    if not text.isprintable():
        text = "".join(c for c in text if not ("\ud800" <= c <= "\udfff" or c in "\ufffe\uffff"))
    if "&" in text or "<" in text or ">" in text:
        return escape(text)
    return text


class Book:
    """One workbook, written to `path` when closed."""

    def __init__(self, path: Path, *, title: str, created: datetime) -> None:
        self.path = path
        self.title = visible(title)
        self.created = created
        self.sheets: list[Sheet] = []
        self._styles: dict[tuple[str | None, bool, bool, int | None], int] = {(None, False, False, None): 0}

    def style(self, number_format: str | None = None, *, bold: bool = False, wrap: bool = False,
              size: int | None = None) -> int:
        """The index of a cell style (number format, bold, wrapped, font size), made once."""
        key = (number_format, bold, wrap, size)
        found = self._styles.get(key)
        if found is None:
            found = self._styles[key] = len(self._styles)
        return found

    def sheet(self, name: str) -> Sheet:
        sheet = Sheet(self, name)
        self.sheets.append(sheet)
        return sheet

    def close(self) -> None:
        with zipfile.ZipFile(self.path, "w", zipfile.ZIP_DEFLATED) as archive:
            def part(name: str, text: str) -> None:
                info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, text.encode("utf-8"))

            part("[Content_Types].xml", self._content_types())
            part("_rels/.rels", _XML + f'<Relationships xmlns="{_PACKAGE_RELATIONSHIPS}">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                 'officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats'
                 '.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                 '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                 'extended-properties" Target="docProps/app.xml"/></Relationships>')
            part("docProps/core.xml", self._core())
            part("docProps/app.xml", _XML + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
                 'extended-properties"><Application>convenant</Application></Properties>')
            part("xl/workbook.xml", self._workbook())
            part("xl/_rels/workbook.xml.rels", self._workbook_relationships())
            part("xl/styles.xml", self._styles_xml())
            for number, sheet in enumerate(self.sheets, 1):
                part(f"xl/worksheets/sheet{number}.xml", sheet.xml())

    def _content_types(self) -> str:
        kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
        sheets = "".join(f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{kind}"/>'
                         for n in range(1, len(self.sheets) + 1))
        return (_XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                '<Default Extension="xml" ContentType="application/xml"/>'
                '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                'spreadsheetml.sheet.main+xml"/>'
                '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                'spreadsheetml.styles+xml"/>'
                '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-'
                'properties+xml"/>'
                '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                'extended-properties+xml"/>' + sheets + "</Types>")

    def _core(self) -> str:
        stamp = self.created.strftime("%Y-%m-%dT%H:%M:%SZ")
        return (_XML + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-'
                'properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                f"<dc:title>{_xml_text(self.title)}</dc:title><dc:creator>convenant</dc:creator>"
                f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
                f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>')

    def _workbook(self) -> str:
        sheets = "".join(f'<sheet name={quoteattr(sheet.name)} sheetId="{n}" r:id="rId{n}"/>'
                         for n, sheet in enumerate(self.sheets, 1))
        titles = "".join(f'<definedName name="_xlnm.Print_Titles" localSheetId="{n}">'
                         f"{_xml_text(_quoted_sheet(sheet.name))}!$1:${sheet.header_row}</definedName>"
                         for n, sheet in enumerate(self.sheets) if sheet.header_row)
        return (_XML + f'<workbook xmlns="{_MAIN}" xmlns:r="{_RELATIONSHIPS}"><bookViews><workbookView/></bookViews>'
                f"<sheets>{sheets}</sheets>" + (f"<definedNames>{titles}</definedNames>" if titles else "") +
                '<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>')

    def _workbook_relationships(self) -> str:
        items = "".join(f'<Relationship Id="rId{n}" Type="{_RELATIONSHIPS}/worksheet" '
                        f'Target="worksheets/sheet{n}.xml"/>' for n in range(1, len(self.sheets) + 1))
        styles = (f'<Relationship Id="rId{len(self.sheets) + 1}" Type="{_RELATIONSHIPS}/styles" '
                  'Target="styles.xml"/>')
        return _XML + f'<Relationships xmlns="{_PACKAGE_RELATIONSHIPS}">' + items + styles + "</Relationships>"

    def _styles_xml(self) -> str:
        formats = sorted({key[0] for key in self._styles if key[0]})
        format_ids = {text: 164 + n for n, text in enumerate(formats)}
        fonts = [(False, None), (True, None), (True, 12)]
        xfs = []
        for (number_format, bold, wrap, size), _ in sorted(self._styles.items(), key=lambda item: item[1]):
            font = fonts.index((True, size)) if bold and size else 1 if bold else 0
            number = format_ids.get(number_format or "", 0)
            alignment = '<alignment vertical="top"' + (' wrapText="1"' if wrap else "") + "/>"
            xfs.append(f'<xf numFmtId="{number}" fontId="{font}" fillId="0" borderId="0" xfId="0"'
                       + (' applyNumberFormat="1"' if number else "") + (' applyFont="1"' if font else "")
                       + f' applyAlignment="1">{alignment}</xf>')
        number_formats = "".join(f'<numFmt numFmtId="{format_ids[text]}" formatCode={quoteattr(text)}/>'
                                 for text in formats)
        font_xml = "".join(f'<font>{"<b/>" if bold else ""}<sz val="{size or 11}"/><name val="Calibri"/></font>'
                           for bold, size in fonts)
        return (_XML + f'<styleSheet xmlns="{_MAIN}"><numFmts count="{len(formats)}">{number_formats}</numFmts>'
                f'<fonts count="{len(fonts)}">{font_xml}</fonts>'
                '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill '
                'patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/>'
                '<diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" '
                f'borderId="0"/></cellStyleXfs><cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
                '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


def _quoted_sheet(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


class Sheet:
    """A worksheet written cell by cell; it keeps each column's width as it goes."""

    def __init__(self, book: Book, name: str) -> None:
        self.book = book
        self.name = name[:31]
        self.widths: dict[int, int] = {}
        self.rows: dict[int, list[tuple[int, str]]] = {}
        self.header_row = 0
        self.frozen: tuple[int, int] | None = None
        self.validations: list[str] = []

    def _cell(self, row: int, column: int, xml: str) -> None:
        self.rows.setdefault(row, []).append((column, xml))

    def _width(self, column: int, shown: int) -> None:
        if shown > self.widths.get(column, 0):
            self.widths[column] = min(shown, MAX_WIDTH)

    def at_least(self, widths: Sequence[int]) -> None:
        """Columns 1, 2, ... at least this wide (in characters), for what will be typed in them."""
        for column, width in enumerate(widths, 1):
            self._width(column, width)

    def put(self, row: int, column: int, value: object, number_format: str | None = None, *,
            bold: bool = False) -> None:
        """One cell. A string is always text, never a formula, whatever it starts with, and its
        control characters are shown as placeholders (a workbook cannot hold them); an amount
        in euro is rounded to the cent; a date is a date."""
        if value is None:
            return
        ref = f"{_LETTERS[column] if column < len(_LETTERS) else letter(column)}{row}"
        if isinstance(value, bool):
            raise TypeError("a yes/no is written as a word (labels.yes_no)")
        if isinstance(value, (Decimal, int)):  # the common case first
            number = quantize(value) if number_format == EURO else value
            style = self.book.style(number_format, bold=bold)
            self._cell(row, column, f'<c r="{ref}" s="{style}"><v>{number}</v></c>')
            digits = len(str(int(number)))
            self._width(column, digits + digits // 3 + 5)  # thousands separators, decimals, the euro sign
        elif isinstance(value, str):
            text = value if value.isprintable() else visible(value, newlines=True)  # the common case, at C speed
            wrap = len(text) > MAX_WIDTH or "\n" in text
            style = self.book.style(number_format, bold=bold, wrap=wrap)
            self._cell(row, column, f'<c r="{ref}" s="{style}" t="inlineStr"><is><t xml:space="preserve">'
                                    f"{_xml_text(text)}</t></is></c>")
            self._width(column, max((len(line) for line in text.splitlines()), default=0) if wrap else len(text))
        elif isinstance(value, (date, datetime)):
            day = value.date() if isinstance(value, datetime) else value
            style = self.book.style(number_format or DATE, bold=bold)
            self._cell(row, column, f'<c r="{ref}" s="{style}"><v>{(day - _EPOCH).days}</v></c>')
            self._width(column, 10)
        elif isinstance(value, Fraction):
            self.formula(row, column, Formula(f"={value.numerator}/{value.denominator}"), value, number_format,
                         bold=bold)
        else:
            raise TypeError(f"no cell for a {type(value).__name__}")

    def formula(self, row: int, column: int, formula: str, value: Number | None, number_format: str | None, *,
                bold: bool = False) -> None:
        """A formula saved with its value (what a reader that does not recalculate shows)."""
        style = self.book.style(number_format, bold=bold)
        saved = "" if value is None else f"<v>{exact_decimal(quantize(value) if number_format == EURO else value)}</v>"
        self._cell(row, column, f'<c r="{letter(column)}{row}" s="{style}"><f>{escape(formula.removeprefix("="))}'
                                f"</f>{saved}</c>")
        self._width(column, 14)

    def put_row(self, row: int, values: Sequence[object], formats: Sequence[str | None] = ()) -> None:
        for column, value in enumerate(values, 1):
            self.put(row, column, value, formats[column - 1] if column <= len(formats) else None)

    def header(self, headers: Sequence[str], row: int = 1) -> None:
        style = self.book.style(bold=True, wrap=True)
        for column, title in enumerate(headers, 1):
            self._cell(row, column, f'<c r="{letter(column)}{row}" s="{style}" t="inlineStr"><is><t>'
                                    f"{_xml_text(visible(title))}</t></is></c>")
            self._width(column, min(len(title), 24))

    def title_row(self, text: str) -> None:
        style = self.book.style(bold=True, size=12)
        self._cell(1, 1, f'<c r="A1" s="{style}" t="inlineStr"><is><t xml:space="preserve">'
                         f"{_xml_text(visible(text))}</t></is></c>")

    def sum_formula(self, row: int, column: int, first: int, last: int, number_format: str,
                    value: Number) -> None:
        """`=SUM(...)` over the column's rows `first` to `last`, saved with `value`, the total
        the renderer computed (Excel and LibreOffice recompute it to the same cent)."""
        column_letter = letter(column)
        self.formula(row, column, f"=SUM({column_letter}{first}:{column_letter}{last})", value, number_format,
                     bold=True)

    def validate(self, column: int, first: int, last: int, kind: str, formula: str, *, message: str) -> None:
        """Data validation on the column's rows `first` to `last`: `list` (a quoted list
        `"ja,nee"` or a range), `date` (any date), `decimal` (a number of at least `formula`)."""
        ref = f"{letter(column)}{first}:{letter(column)}{last}"
        operator = {"list": "", "date": ' operator="greaterThan"', "decimal": ' operator="greaterThanOrEqual"'}[kind]
        self.validations.append(f'<dataValidation type="{kind}"{operator} allowBlank="1" showErrorMessage="1" '
                                f'error={quoteattr(message)} sqref="{ref}"><formula1>{escape(formula)}</formula1>'
                                "</dataValidation>")

    def finish(self, header_row: int = 1, frozen_columns: int = 1) -> None:
        """Freeze the header row and the name column; size each column to its content (long
        text wraps at `MAX_WIDTH`); print landscape, one page wide, the header rows on every
        page."""
        self.header_row = header_row
        self.frozen = (header_row, frozen_columns)

    def xml(self) -> str:
        rows = sorted(self.rows)
        last_column = max((column for cells in self.rows.values() for column, _ in cells), default=1)
        dimension = f"A1:{letter(last_column)}{rows[-1] if rows else 1}"
        parts = [_XML, f'<worksheet xmlns="{_MAIN}" xmlns:r="{_RELATIONSHIPS}">',
                 '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>', f'<dimension ref="{dimension}"/>']
        if self.frozen is not None:
            frozen_rows, frozen_columns = self.frozen
            corner = f"{letter(frozen_columns + 1)}{frozen_rows + 1}"
            parts.append(f'<sheetViews><sheetView workbookViewId="0"><pane xSplit="{frozen_columns}" '
                         f'ySplit="{frozen_rows}" topLeftCell="{corner}" activePane="bottomRight" state="frozen"/>'
                         f'<selection pane="bottomRight" activeCell="{corner}" sqref="{corner}"/></sheetView>'
                         "</sheetViews>")
        parts.append('<sheetFormatPr defaultRowHeight="15"/>')
        if self.widths:
            parts.append("<cols>" + "".join(f'<col min="{c}" max="{c}" width="{max(8, w + 2)}" customWidth="1"/>'
                                            for c, w in sorted(self.widths.items())) + "</cols>")
        parts.append("<sheetData>")
        for row in rows:
            cells = self.rows[row]
            if any(cells[n][0] > cells[n + 1][0] for n in range(len(cells) - 1)):
                cells = sorted(cells)
            parts.append(f'<row r="{row}">' + "".join(xml for _, xml in cells) + "</row>")
        parts.append("</sheetData>")
        if self.validations:
            parts.append(f'<dataValidations count="{len(self.validations)}">{"".join(self.validations)}'
                         "</dataValidations>")
        parts.append('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
                     '<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>')
        return "".join(parts)
