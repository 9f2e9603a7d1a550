"""Reading the registry import template (XLSX or CSV) into plain rows. Pure Python, no ORM.

The template has one header row in Indonesian (COLUMNS) and one migrant per row. Headers are matched
case- and space-insensitively, so an officer may reorder columns or leave optional ones out.
"""

import csv
import datetime
import hashlib
import io

import openpyxl
import xlsxwriter

from ..report.xlsx_style import add_formats

# (key, Indonesian header, help written under the header of the template)
COLUMNS = [
    ("name", "Nama Lengkap", "wajib"),
    ("nik", "NIK", "16 angka"),
    ("kk_number", "No. KK", "16 angka"),
    ("gender", "Jenis Kelamin", "L / P"),
    ("place_of_birth", "Tempat Lahir", ""),
    ("birthdate", "Tanggal Lahir", "YYYY-MM-DD atau DD/MM/YYYY"),
    ("regency", "Kabupaten/Kota", "kode (32.12) atau nama; kosong = dari NIK"),
    ("district", "Kecamatan", ""),
    ("village", "Desa/Kelurahan", ""),
    ("street", "Alamat", ""),
    ("mobile", "No. HP", "08xx atau +62xx"),
    ("email", "Email", ""),
    ("education", "Pendidikan", "SD, SMP, SMA, D1-D4, S1, S2"),
    ("marital", "Status Perkawinan", "Belum Kawin, Kawin, Cerai Hidup, Cerai Mati"),
    ("passport", "No. Paspor", ""),
    ("passport_valid_until", "Paspor Berlaku Sampai", "YYYY-MM-DD atau DD/MM/YYYY"),
]
KEYS = [key for key, _header, _help in COLUMNS]
HEADER_TO_KEY = {" ".join(header.lower().split()): key for key, header, _help in COLUMNS}

EDUCATION = {
    "tidak sekolah": "none",
    "none": "none",
    "sd": "sd",
    "smp": "smp",
    "sma": "sma",
    "smk": "sma",
    "sma/smk": "sma",
    "d1": "diploma",
    "d2": "diploma",
    "d3": "diploma",
    "d4": "diploma",
    "d1-d4": "diploma",
    "diploma": "diploma",
    "s1": "bachelor",
    "s2": "master",
    "s3": "master",
}
MARITAL = {
    "belum kawin": "single",
    "lajang": "single",
    "kawin": "married",
    "menikah": "married",
    "cerai hidup": "divorced",
    "cerai": "divorced",
    "cerai mati": "widowed",
}
GENDER = {"l": "male", "laki-laki": "male", "p": "female", "perempuan": "female"}


class ImportFileError(ValueError):
    """The file cannot be read as the template; ``code`` says why (format, header, empty)."""

    def __init__(self, code, **params):
        super().__init__(code)
        self.code = code
        self.params = params


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _read_xlsx(content):
    try:
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises many kinds for a file that is not XLSX
        raise ImportFileError("format") from err
    sheet = book.worksheets[0]
    for values in sheet.iter_rows(values_only=True):
        yield [_cell(value) for value in values]
    book.close()


def _read_csv(content):
    text = content.decode("utf-8-sig", errors="replace")
    sample = text[:4096].splitlines()[0] if text else ""
    # The header row tells the delimiter: comma (default), semicolon (Excel in Indonesian) or tab.
    delimiter = max(",;\t", key=sample.count) if sample else ","
    dialect = csv.excel
    for values in csv.reader(io.StringIO(text), dialect, delimiter=delimiter):
        yield [_cell(value) for value in values]


def read_rows(content, filename):
    """[(row number as the officer sees it, {key: text})] of the data rows of an XLSX or CSV file."""
    if not content:
        raise ImportFileError("empty")
    is_xlsx = (filename or "").lower().endswith(".xlsx") or content[:2] == b"PK"
    reader = _read_xlsx(content) if is_xlsx else _read_csv(content)
    header = None
    rows = []
    for number, values in enumerate(reader, start=1):
        if header is None:
            keys = [HEADER_TO_KEY.get(" ".join(value.lower().split())) for value in values]
            if "name" not in keys:
                raise ImportFileError("header", first=", ".join(v for v in values if v)[:200])
            header = keys
            continue
        if not any(values):
            continue
        row = dict.fromkeys(KEYS, "")
        for key, value in zip(header, values, strict=False):
            if key:
                row[key] = value
        if header and all(not row[key] for key in KEYS):
            continue
        # The template's second row explains the columns: skip it.
        if row["name"] == "wajib":
            continue
        rows.append((number, row))
    if header is None:
        raise ImportFileError("empty")
    return rows


def parse_date(text):
    """A date from YYYY-MM-DD, DD/MM/YYYY or DD-MM-YYYY, or None."""
    text = (text or "").strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def row_key(row):
    """A fingerprint of a row's content: the same row imported twice is recognised (idempotence)."""
    text = "\x1f".join(" ".join((row.get(key) or "").lower().split()) for key in KEYS)
    return hashlib.sha256(text.encode()).hexdigest()


def template_xlsx():
    """The empty template as XLSX bytes: headers in Indonesian, a help row, column widths."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet("Data PMI")
    formats = add_formats(book)
    bold, hint, text = formats["header"], formats["note"], formats["string_column"]
    for col, (_key, header, helptext) in enumerate(COLUMNS):
        sheet.write(0, col, header, bold)
        sheet.write(1, col, helptext, hint)
        sheet.set_column(col, col, max(14, len(header) + 4), text)
    sheet.freeze_panes(1, 0)
    book.close()
    return buffer.getvalue()
