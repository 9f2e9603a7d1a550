from pathlib import Path

from odoo.addons.jmsc_base.tests.common import assert_access_matrix
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestAccessMatrix(TransactionCase):
    """tests/access_matrix.csv (contract 3) matches the effective ACL of a user holding just that group."""

    def test_access_matrix(self):
        assert_access_matrix(self, Path(__file__).parent / "access_matrix.csv")
