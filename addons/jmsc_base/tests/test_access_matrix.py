"""The suite's access matrix (readme/SECURITY.md, BRIEF contract 3), checked against the installed modules.

For every group of the suite (groups whose xmlid module starts with ``jmsc_``, plus ``base.group_user`` and
``base.group_portal``), a user holding just that group is created, and its *effective* rights (implied groups
included) are compared with what the modules declare:

- ``addons/<module>/tests/access_matrix.csv``, header ``group,model,read,write,create,unlink`` (0/1): ACL
  rights on every model defined or extended by a ``jmsc_*`` module, on ``res.partner.id_number``, and on any
  model a file names. A missing row means "no access at all".
- ``addons/<module>/tests/field_access.csv``, header ``group,model,field,read`` (0/1): whether the user can
  read a sensitive field: every field that a ``jmsc_*`` module defines or extends with ``groups=``, and any
  field a file names. A missing row means "cannot read".

The expected value is the union of every installed module's rows (rows that disagree are reported); a group
is expected to have at least the rights declared for the groups it implies, so a module need not repeat the
rows of jmsc_base's groups for its own groups that imply them (it may). A new
model, group or sensitive field without its rows fails the test with the rows to add, ready to paste.

Who declares a row: the jmsc module whose ir.model.access grants it (e.g. jmsc_helpdesk when it lets a
jmsc_base group read its tickets); for access granted by Odoo/OCA ACLs, the group's module, or for
base.group_user/base.group_portal the jmsc module owning the model (jmsc_base for res.partner, res.users...).
The failure message lists the rows per module, as the rights are now.

STRICT: while some modules do not ship their files yet, a pair is checked only when every module responsible
for it has its file; the others are skipped with a warning. With STRICT = True a missing file is itself a
failure. The lead sets STRICT = True once every module ships access_matrix.csv and field_access.csv.
"""

import csv
import logging
import os
from collections import defaultdict

from odoo.modules.module import get_module_path
from odoo.tests import TransactionCase, new_test_user, tagged

_logger = logging.getLogger(__name__)

STRICT = True
MATRIX_FILE = "access_matrix.csv"
FIELD_FILE = "field_access.csv"
MODES = ("read", "write", "create", "unlink")
BASE_GROUPS = ("base.group_user", "base.group_portal")
EXTRA_MODELS = ("res.partner.id_number",)


def read_rows(module, filename, header):
    """Rows of ``addons/<module>/tests/<filename>`` as dicts, or None when the module has no such file."""
    path = os.path.join(get_module_path(module) or "", "tests", filename)
    if not os.path.isfile(path):
        return None
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != header:
            raise AssertionError(f"{module}/tests/{filename}: the header must be {','.join(header)}")
        return [dict(row, _line=number) for number, row in enumerate(reader, start=2)]


@tagged("post_install", "-at_install")
class TestAccessMatrix(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.modules = sorted(
            cls.env["ir.module.module"]
            .search([("state", "=", "installed"), ("name", "=like", "jmsc\\_%")])
            .mapped("name")
        )
        group_data = cls.env["ir.model.data"].search(
            [("model", "=", "res.groups"), ("module", "in", cls.modules)], order="module, name"
        )
        cls.group_xmlids = [f"{d.module}.{d.name}" for d in group_data] + list(BASE_GROUPS)
        cls.group_module = {xmlid: xmlid.split(".")[0] for xmlid in cls.group_xmlids}
        cls.users = {
            xmlid: new_test_user(cls.env, login=f"access_matrix_{index}", groups=xmlid)
            for index, xmlid in enumerate(cls.group_xmlids)
        }
        cls.group_by_id = {cls.env.ref(xmlid).id: xmlid for xmlid in cls.group_xmlids}
        # the suite groups a user of each group holds: the group itself and the ones it implies
        cls.closure = {
            xmlid: {cls.group_by_id[g] for g in user.groups_id.ids if g in cls.group_by_id}
            for xmlid, user in cls.users.items()
        }
        # jmsc modules defining or extending each model (one ir.model xmlid per module that touches it)
        cls.model_modules = defaultdict(set)
        for data in cls.env["ir.model.data"].search([("model", "=", "ir.model"), ("module", "in", cls.modules)]):
            model = cls.env["ir.model"].browse(data.res_id).model
            if model in cls.env and not cls.env[model]._abstract:
                cls.model_modules[model].add(data.module)

    # --- helpers ---------------------------------------------------------------------------------------------

    def _responsible(self, group, modules_of_target):
        """Modules that must declare a (group, model or field) pair."""
        owners = set(modules_of_target)
        if self.group_module[group].startswith("jmsc_"):
            owners.add(self.group_module[group])
        return owners

    def _load(self, filename, header):
        """{module: rows or None}, and the messages about files that are missing."""
        files = {module: read_rows(module, filename, header) for module in self.modules}
        missing = sorted(module for module, rows in files.items() if rows is None)
        if not STRICT:
            for module in missing:
                _logger.warning("%s ships no tests/%s: its access is not checked yet", module, filename)
        return files, missing

    def _known(self, module, row, problems, filename):
        group, model = row["group"].strip(), row["model"].strip()
        if group not in self.users:
            if not self.env.ref(group, raise_if_not_found=False):
                _logger.info(
                    "%s/tests/%s line %s: group %s not installed, row ignored", module, filename, row["_line"], group
                )
            else:
                problems.append(f"{module}/tests/{filename} line {row['_line']}: {group} is not a group of the suite")
            return None
        if model not in self.env:
            _logger.info(
                "%s/tests/%s line %s: model %s not installed, row ignored", module, filename, row["_line"], model
            )
            return None
        return group, model

    def _suggest_to(self, group, target_modules):
        """Where a missing field row belongs: the group's module, or for base groups the field's modules."""
        group_module = self.group_module[group]
        if group_module.startswith("jmsc_"):
            return [group_module]
        return sorted(target_modules) or ["jmsc_base"]

    def _acl_owners(self, group, model, declaring_modules):
        """(modules involved in a (group, model) pair, modules that should declare its row).

        Involved: the group's module and those of the groups it implies, the jmsc modules defining or
        extending the model, those whose ACL records grant the access, and those declaring it.
        Declares: a jmsc module granting access on its model to another module's group (e.g. jmsc_helpdesk
        letting a jmsc_base group read tickets); otherwise the group's module, or for base.group_user and
        base.group_portal the jmsc module owning the model.
        """
        user = self.users[group]
        acls = self.env["ir.model.access"].search(
            [
                ("model_id.model", "=", model),
                ("active", "=", True),
                "|",
                ("group_id", "=", False),
                ("group_id", "in", user.groups_id.ids),
            ]
        )
        xmlids = acls._get_external_ids()
        granting, foreign = set(), set()
        for acl in acls:
            modules = {xmlid.split(".")[0] for xmlid in xmlids[acl.id]} & set(self.modules)
            granting |= modules
            acl_group = self.group_by_id.get(acl.group_id.id, "")
            foreign |= {m for m in modules if acl_group.split(".")[0] not in (m, "base")}
        involved = granting | set(declaring_modules) | self.model_modules.get(model, set())
        involved |= {self.group_module[g] for g in self.closure[group] if self.group_module[g].startswith("jmsc_")}
        if foreign:
            return involved, foreign
        if self.group_module[group].startswith("jmsc_"):
            return involved, {self.group_module[group]}
        touching = self.model_modules.get(model, set())
        owner = {"jmsc_base"} if "jmsc_base" in touching else (touching or granting or {"jmsc_base"})
        return involved | owner, owner

    def _fail(self, title, problems, suggestions):
        lines = [title, *problems]
        for module, rows in sorted(suggestions.items()):
            lines.append(f"\nRows to review for {module} (the rights as they are now):")
            lines.extend(sorted(rows))
        self.fail("\n".join(lines))

    # --- ACL -------------------------------------------------------------------------------------------------

    def test_acl_matrix(self):
        header = ("group", "model", *MODES)
        files, missing = self._load(MATRIX_FILE, header)
        problems = [f"{module} ships no tests/{MATRIX_FILE} (STRICT)" for module in missing if STRICT]
        declared, declared_by = {}, defaultdict(set)
        for module, rows in files.items():
            for row in rows or ():
                key = self._known(module, row, problems, MATRIX_FILE)
                if not key:
                    continue
                try:
                    rights = tuple(int(row[mode]) for mode in MODES)
                except (TypeError, ValueError):
                    problems.append(f"{module}/tests/{MATRIX_FILE} line {row['_line']}: rights must be 0 or 1")
                    continue
                if key in declared and declared[key] != rights:
                    problems.append(
                        f"{key[0]} on {key[1]}: {sorted(declared_by[key])} declare {declared[key]}, {module} {rights}"
                    )
                declared[key] = rights
                declared_by[key].add(module)
        models = sorted(set(self.model_modules) | set(EXTRA_MODELS) | {model for _group, model in declared})
        Access = self.env["ir.model.access"]
        suggestions, skipped = defaultdict(list), 0
        for group in self.group_xmlids:
            access = Access.with_user(self.users[group])
            for model in models:
                actual = tuple(int(access.check(model, mode, raise_exception=False)) for mode in MODES)
                # a group has at least what is declared for the groups it implies
                expected = tuple(
                    max(rights)
                    for rights in zip(
                        (0, 0, 0, 0),
                        *(declared.get((g, model), (0, 0, 0, 0)) for g in self.closure[group]),
                        strict=False,
                    )
                )
                if actual == expected:
                    continue
                involved, owners = self._acl_owners(group, model, declared_by[(group, model)])
                if not STRICT and any(files.get(module) is None for module in involved):
                    skipped += 1
                    continue
                line = f"{group},{model},{','.join(map(str, actual))}"
                for module in sorted(owners):
                    suggestions[module].append(line)
                declared_here = any((g, model) in declared for g in self.closure[group])
                what = "mismatch" if declared_here else "undeclared access"
                problems.append(
                    f"{what}: {group} on {model}: expected {dict(zip(MODES, expected, strict=True))}, "
                    f"actual {dict(zip(MODES, actual, strict=True))}"
                )
        if skipped:
            _logger.warning(
                "access matrix: %s (group, model) pairs skipped, their modules ship no %s", skipped, MATRIX_FILE
            )
        if problems:
            self._fail(f"The access matrix ({MATRIX_FILE}) does not match the effective rights:", problems, suggestions)

    # --- sensitive fields ------------------------------------------------------------------------------------

    def _declared_fields(self, files, problems):
        declared, declared_by = {}, defaultdict(set)
        for module, rows in files.items():
            for row in rows or ():
                key = self._known(module, row, problems, FIELD_FILE)
                if not key:
                    continue
                fname = row["field"].strip()
                if fname not in self.env[key[1]]._fields:
                    problems.append(f"{module}/tests/{FIELD_FILE} line {row['_line']}: no field {key[1]}.{fname}")
                    continue
                value = row["read"].strip()
                if value not in ("0", "1"):
                    problems.append(f"{module}/tests/{FIELD_FILE} line {row['_line']}: read must be 0 or 1")
                    continue
                full_key = (*key, fname)
                if full_key in declared and declared[full_key] != int(value):
                    problems.append(f"{full_key}: {sorted(declared_by[full_key])} and {module} disagree")
                declared[full_key] = int(value)
                declared_by[full_key].add(module)
        return declared, declared_by

    def test_field_access(self):
        header = ("group", "model", "field", "read")
        files, missing = self._load(FIELD_FILE, header)
        problems = [f"{module} ships no tests/{FIELD_FILE} (STRICT)" for module in missing if STRICT]
        declared, declared_by = self._declared_fields(files, problems)
        fields = {(model, fname) for _group, model, fname in declared}
        for model in set(self.model_modules) | set(EXTRA_MODELS):
            for fname, field in self.env[model]._fields.items():
                if field.groups and any(m.startswith("jmsc_") for m in field._modules or ()):
                    fields.add((model, fname))
        self.assertIn(("res.partner", "nik"), fields, "the NIK must be a guarded field")
        Access = self.env["ir.model.access"]
        suggestions, skipped = defaultdict(list), 0
        for group in self.group_xmlids:
            user = self.users[group]
            for model, fname in sorted(fields):
                records = self.env[model].with_user(user)
                actual = int(
                    Access.with_user(user).check(model, "read", raise_exception=False)
                    and records._fields[fname].is_accessible(records.env)
                )
                expected = max([0] + [declared.get((g, model, fname), 0) for g in self.closure[group]])
                if actual == expected:
                    continue
                field_modules = {m for m in self.env[model]._fields[fname]._modules or () if m.startswith("jmsc_")}
                responsible = self._responsible(group, field_modules or declared_by[(group, model, fname)])
                responsible |= {m for g in self.closure[group] if (m := self.group_module[g]).startswith("jmsc_")}
                if not STRICT and any(files.get(module) is None for module in responsible):
                    skipped += 1
                    continue
                for module in self._suggest_to(group, field_modules or declared_by[(group, model, fname)]):
                    suggestions[module].append(f"{group},{model},{fname},{actual}")
                problems.append(f"{group} on {model}.{fname}: expected read={expected}, actual read={actual}")
        if skipped:
            _logger.warning(
                "field access: %s (group, field) pairs skipped, their modules ship no %s", skipped, FIELD_FILE
            )
        if problems:
            self._fail(f"Sensitive fields ({FIELD_FILE}) do not match the effective rights:", problems, suggestions)
