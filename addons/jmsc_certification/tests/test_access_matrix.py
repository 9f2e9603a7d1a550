import csv
from pathlib import Path

from odoo.tests import TransactionCase, new_test_user, tagged

OPERATIONS = ("read", "write", "create", "unlink")


@tagged("post_install", "-at_install")
class TestAccessMatrix(TransactionCase):
    """tests/access_matrix.csv (contract 3) matches the effective ACL of a user holding just that group."""

    def test_access_matrix(self):
        path = Path(__file__).parent / "access_matrix.csv"
        with path.open() as handle:
            rows = list(csv.DictReader(handle))
        self.assertTrue(rows)
        users = {}
        mismatches = []
        for row in rows:
            group = row["group"]
            if group not in users:
                users[group] = new_test_user(
                    self.env, login=f"matrix_{len(users)}_{self._testMethodName}", groups=group
                )
            records = self.env[row["model"]].with_user(users[group])
            for operation in OPERATIONS:
                expected = row[operation] == "1"
                if records.has_access(operation) != expected:
                    mismatches.append(f"{group} {row['model']} {operation}: expected {int(expected)}")
        self.assertFalse(mismatches, "\n".join(mismatches))
