import io

import openpyxl
import xlsxwriter

from odoo.tests import BaseCase, tagged

from ..tools import xlsx_rows


@tagged("post_install", "-at_install")
class TestXlsxRows(BaseCase):
    """The rows streamed into an xlsxwriter sheet (the import's dry-run result) read back as written."""

    def test_rows_read_back_with_their_styles(self):
        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer)
        sheet = book.add_worksheet("Uji Coba")
        sheet.write(0, 0, "Baris", book.add_format({"bold": True}))
        green = xlsx_rows.xf_index(book.add_format({"bg_color": "#E2EFDA"}))
        sheet.autofilter(0, 0, 2, 2)
        book.close()
        rows = [
            xlsx_rows.row_xml(1, [(0, 2, None), (1, "Baru", green), (2, "Siti & <Aminah> \x07 ", None)]),
            xlsx_rows.row_xml(2, [(0, 3, None), (1, "", green), (2, None, None)]),
        ]
        content = xlsx_rows.with_rows(buffer.getvalue(), iter(rows), 2, 2)
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        read = workbook["Uji Coba"]
        self.assertEqual(read.dimensions, "A1:C3")
        self.assertEqual(read.auto_filter.ref, "A1:C3")
        values = [[cell.value for cell in row] for row in read.iter_rows()]
        self.assertEqual(values, [["Baris", None, None], [2, "Baru", "Siti & <Aminah>  "], [3, None, None]])
        self.assertEqual(read["B2"].fill.fgColor.rgb, "FFE2EFDA")
        self.assertTrue(read["A1"].font.bold)
