"""Keep text that looks like a formula inert in Excel and CSV files (formula injection).

A spreadsheet program runs a cell that starts with `=`, `+`, `-` or `@` (and
some read a leading tab or carriage return the same way), so an OPD named
`=HYPERLINK(...)` would become a live link in the Rakor report. OWASP's advice
(https://owasp.org/www-community/attacks/CSV_Injection) is followed per format:

- Excel: the cell is written as a text cell with Excel's "quote prefix" style.
  The reader sees exactly the name as typed (`=1+1`), nothing is evaluated,
  and Excel keeps it text even when the cell is edited. A literal `'` would
  show up in the value, so it is not used there.
- CSV has no cell types: a `'` goes in front of the value, which Excel and
  LibreOffice show as text.
"""
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value):
    """Say whether a value is text a spreadsheet could read as a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_START)


def csv_cell(value):
    """Return a CSV value with a leading `'` when it could be read as a formula."""
    return "'" + value if looks_like_formula(value) else value


def protect_sheet(sheet):
    """Turn every formula-like text cell of an openpyxl sheet into a quoted text cell."""
    for row in sheet.iter_rows():
        for cell in row:
            if looks_like_formula(cell.value):
                cell.data_type = "s"
                cell.quotePrefix = True
