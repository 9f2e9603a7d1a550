"""The shared bases of issue #14: one token helper, one XLSX style, one test base.

The source checks read the JMSC addons next to jmsc_base (the repository's addons/ folder)."""

import re
from pathlib import Path

from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from ..tools import public_token

ADDONS = Path(__file__).resolve().parents[2]
STYLE_FILE = Path("jmsc_base/report/xlsx_style.py")
TOKEN_FILE = Path("jmsc_base/tools/public_token.py")


def jmsc_sources(subfolder=None, exclude_tests=False):
    for module in sorted(ADDONS.glob("jmsc_*")):
        for path in sorted(module.rglob("*.py")):
            relative = path.relative_to(ADDONS)
            if exclude_tests and "tests" in relative.parts:
                continue
            if subfolder and subfolder not in relative.parts:
                continue
            yield relative, path.read_text(encoding="utf-8")


@tagged("post_install", "-at_install")
class TestSharedBases(TransactionCase):
    def test_public_token_shape(self):
        tokens = {public_token.new_token() for _i in range(50)}
        self.assertEqual(len(tokens), 50, "tokens never repeat")
        for token in tokens:
            self.assertEqual(len(token), 32)
            self.assertTrue(public_token.plausible_token(token))
        self.assertTrue(public_token.plausible_token("A" * 22), "older 16-byte tokens stay valid")
        for wrong in ("", "short", "x" * 65, "has space in it 1234", "semi;colon-0123456789", None, 42):
            self.assertFalse(public_token.plausible_token(wrong), wrong)

    def test_spoken_code_round_trip(self):
        code = public_token.new_spoken_code("JMSC")
        self.assertRegex(code, r"^JMSC(-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}){3}$")
        self.assertEqual(public_token.normalise_spoken_code(f" {code.lower().replace('-', ' ')} ", "JMSC"), code)
        self.assertIsNone(public_token.normalise_spoken_code("JMSC-0000-1111-IIII", "JMSC"), "ambiguous letters")
        self.assertIsNone(public_token.normalise_spoken_code("JMSC-ABCD", "JMSC"), "too short")

    def test_public_tokens_come_from_the_helper(self):
        """No module makes its own secrets for public links: they all call jmsc_base/tools/public_token."""
        pattern = re.compile(r"secrets\.(token_\w+|choice)\b")
        offenders = [
            str(path) for path, text in jmsc_sources(exclude_tests=True) if path != TOKEN_FILE and pattern.search(text)
        ]
        self.assertEqual(offenders, [], "use odoo.addons.jmsc_base.tools.public_token instead")

    def test_xlsx_reports_use_the_shared_style(self):
        """Every XLSX report takes its formats from report.jmsc_base.xlsx_abstract."""
        offenders = [
            str(path) for path, text in jmsc_sources(exclude_tests=True) if path != STYLE_FILE and "add_format(" in text
        ]
        self.assertEqual(offenders, [], "use self._jmsc_xlsx_formats(workbook) instead of workbook.add_format")
        reports = []
        for name in self.env.registry:
            model = self.env[name]
            bases = {getattr(cls, "_name", None) for cls in type(model).mro()}
            if "report.report_xlsx.abstract" in bases and model._original_module.startswith("jmsc_"):
                reports.append(name)
                self.assertIn("report.jmsc_base.xlsx_abstract", bases, f"{name} does not use the shared style")
        self.assertGreaterEqual(len(reports), 3, "the jmsc_base workbooks at least")

    def test_xlsx_formats(self):
        report = self.env["report.jmsc_base.xlsx_abstract"]
        self.assertTrue(report._jmsc_xlsx_money_format().startswith("Rp"), "money in rupiah")

        class Workbook:
            def __init__(self):
                self.added = []

            def add_format(self, spec):
                self.added.append(spec)
                return spec

        workbook = Workbook()
        formats = report._jmsc_xlsx_formats(workbook)
        self.assertIs(report._jmsc_xlsx_formats(workbook), formats, "added once per workbook")
        self.assertEqual(len(workbook.added), len(formats))
        for key in ("title", "header", "date", "datetime", "integer", "percent", "money", "total_money"):
            self.assertIn(key, formats)
        self.assertEqual(formats["percent"]["num_format"], "0.0%")
        self.assertEqual(formats["date"]["num_format"], "dd/mm/yyyy")

    def test_module_tests_extend_the_one_test_base(self):
        """Every module's tests/common.py builds on jmsc_base's JmscBaseCommon, with one assert helper."""
        for common in sorted(ADDONS.glob("jmsc_*/tests/common.py")):
            if common.parts[-3] == "jmsc_base":
                continue
            text = common.read_text(encoding="utf-8")
            self.assertIn("JmscBaseCommon", text, f"{common.parts[-3]}: extend JmscBaseCommon")
            self.assertNotIn("(TransactionCase)", text, f"{common.parts[-3]}: extend JmscBaseCommon")
        old_names = re.compile(r"\b(assertRaisesMsg|assertRefused)\b|def _nik\(")
        offenders = [
            str(path)
            for path, text in jmsc_sources(subfolder="tests")
            if path.name != "test_shared_bases.py" and old_names.search(text)
        ]
        self.assertEqual(offenders, [], "use assertRaisesText and make_nik from jmsc_base.tests.common")
