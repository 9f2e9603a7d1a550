"""Many rows in one XLSX sheet, fast: xlsxwriter writes the workbook (styles, header, widths, panes, filter),
then the data rows are streamed into its sheet XML as inline strings, as xlsxwriter's constant-memory mode
writes them, at a fifth of the cost of its cell-by-cell calls (the dry run of an import of 100,000 rows
spent a third of its time there).

    formats = {"wrap": xf_index(book_format), ...}
    rows = (row_xml(index, [(0, 12, None), (1, "Baru", formats["new"])]) for index, ... in enumerate(data, 1))
    content = with_rows(xlsx_bytes, rows, last_row, last_col)
"""

import io
import re
import zipfile
from xml.sax.saxutils import escape

from xlsxwriter.utility import xl_col_to_name

SHEET = "xl/worksheets/sheet1.xml"
MAX_TEXT = 32767  # Excel's limit for one cell
# Characters XML 1.0 cannot hold (xlsxwriter leaves them out too).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_COLUMNS = [xl_col_to_name(col) for col in range(64)]


def xf_index(book_format):
    """The style index of an xlsxwriter format, assigned now so that the workbook writes the style even when
    only streamed rows use it (what worksheet.write does for a format it is given)."""
    return book_format._get_xf_index()


def row_xml(index, cells):
    """One sheet row (0-based ``index``, as xlsxwriter's): ``cells`` are (column, value, style index or None);
    a number is written as a number, anything else as text; empty values are left out."""
    number = index + 1
    parts = [f'<row r="{number}">']
    for col, value, style in cells:
        if value is None or value is False or value == "":
            continue
        attrs = f' s="{style}"' if style else ""
        ref = f"{_COLUMNS[col]}{number}"
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            parts.append(f'<c r="{ref}"{attrs}><v>{value}</v></c>')
        else:
            text = escape(_ILLEGAL.sub("", str(value))[:MAX_TEXT])
            parts.append(f'<c r="{ref}"{attrs} t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>')
    parts.append("</row>")
    return "".join(parts)


def with_rows(content, rows, last_row, last_col, sheet=SHEET):
    """The workbook ``content`` (bytes written by xlsxwriter, its rows above the streamed ones) with ``rows``
    (an iterable of row_xml strings, in order) added at the end of ``sheet``, and its dimension widened to
    ``last_row``/``last_col`` (0-based). Written chunk by chunk: 100,000 rows need no big string."""
    source = zipfile.ZipFile(io.BytesIO(content))
    xml = source.read(sheet).decode().replace("<sheetData/>", "<sheetData></sheetData>")  # an empty sheet
    head, tail = xml.rsplit("</sheetData>", 1)
    head = re.sub(
        r'<dimension ref="[^"]*"/>', f'<dimension ref="A1:{_COLUMNS[last_col]}{last_row + 1}"/>', head, count=1
    )
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != sheet:
                target.writestr(info, source.read(info.filename))
                continue
            streamed = zipfile.ZipInfo(sheet, date_time=info.date_time)
            streamed.compress_type = zipfile.ZIP_DEFLATED
            with target.open(streamed, "w") as stream:
                stream.write(head.encode())
                batch = []
                for row in rows:
                    batch.append(row)
                    if len(batch) == 1000:
                        stream.write("".join(batch).encode())
                        batch = []
                stream.write("".join(batch).encode())
                stream.write(("</sheetData>" + tail).encode())
    return output.getvalue()
