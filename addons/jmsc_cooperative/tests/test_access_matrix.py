import csv

from odoo.tests import TransactionCase, tagged
from odoo.tools.misc import file_path

PERMS = ("read", "write", "create", "unlink")


@tagged("post_install", "-at_install")
class TestAccessMatrix(TransactionCase):
    """tests/access_matrix.csv (contract 3) states the effective ACL of each of the module's groups."""

    def _effective(self, group, model):
        groups = group | group.trans_implied_ids
        acls = self.env["ir.model.access"].search(
            [("model_id.model", "=", model), "|", ("group_id", "in", groups.ids), ("group_id", "=", False)]
        )
        return {perm: int(any(acls.mapped(f"perm_{perm}"))) for perm in PERMS}

    def test_matrix_matches_the_acl(self):
        path = file_path("jmsc_cooperative/tests/access_matrix.csv")
        with open(path, newline="") as handle:
            rows = list(csv.DictReader(handle))
        declared = set()
        for row in rows:
            group = self.env.ref(row["group"], raise_if_not_found=False)
            if not group:  # a group of a module not installed here (the ir.actions.report rows of other apps)
                continue
            declared.add((row["group"], row["model"]))
            expected = {perm: int(row[perm]) for perm in PERMS}
            self.assertEqual(self._effective(group, row["model"]), expected, f"{row['group']} on {row['model']}")
        own_models = self.env["ir.model"].search([("model", "=like", "jmsc.coop.%")]).mapped("model")
        for xmlid in ("jmsc_cooperative.group_coop_staff", "jmsc_cooperative.group_coop_manager"):
            group = self.env.ref(xmlid)
            for model in own_models + ["res.partner", "res.partner.id_number"]:
                if any(self._effective(group, model).values()):
                    self.assertIn((xmlid, model), declared, f"{xmlid} reaches {model}: declare it")
        for xmlid in ("base.group_user", "base.group_portal"):
            for model in own_models:
                self.assertIn((xmlid, model), declared, f"no row for {xmlid} on {model}")
