"""The whole-database check of issue 13: after anonymisation, no marker of the person anywhere.

A person with unique markers is touched from every JMSC module, exported ("data about me"), then
anonymised; every text, JSON and binary column of every table (information_schema) and every file of
the filestore is scanned for the markers. It needs every JMSC module: it runs post-install when they are
all installed (the full `make test` run, or `run_suite.py --modules` with all of them) and is skipped
otherwise.
"""

import base64
import json
import os
import random
import re
import secrets

from odoo import Command, fields
from odoo.addons.jmsc_base.tools.office_day import office_today
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase
from odoo.tools import SQL

from .common import make_agency, make_nik

ALL_MODULES = ("jmsc_training", "jmsc_certification", "jmsc_ltsa", "jmsc_helpdesk", "jmsc_cooperative")
SCANNED_TYPES = ("text", "character varying", "character", "jsonb", "json", "bytea")


@tagged("post_install", "-at_install")
class TestPrivacyWholeDatabase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        installed = cls.env["ir.module.module"].search([("name", "in", ALL_MODULES), ("state", "=", "installed")])
        if len(installed) != len(ALL_MODULES):
            cls.skipTest(cls, "the whole-database check needs every JMSC module installed")
        token = secrets.token_hex(4)
        digits = random.randint(1000000, 9999999)
        cls.markers = {
            "first name": f"Qarin{token}",
            "last name": f"Vexmoor{token[::-1]}",
            "nik": make_nik(14, 7, 1994, serial=random.randint(1000, 9999), female=True),
            "phone": f"0812{digits}",
            "passport": f"XQ{digits}",
            "email": f"qarin.{token}@example.org",
            "relative": f"Relvex{token}",
            "relative phone": f"0857{digits}",
            "issued": f"SKCK/{token}/0001",
        }

    # ------------------------------------------------------------------ scan helpers
    def _pattern(self):
        """One case-insensitive regex for every marker; phone numbers in any formatting (+62, dashes)."""
        parts = []
        for key, marker in self.markers.items():
            if "phone" in key:
                national = marker[1:]  # without the trunk 0: +62 812..., 0812...
                parts.append(r"\D{0,3}".join(national))
            else:
                parts.append(re.escape(marker))
        return "(" + "|".join(parts) + ")"

    def _scan_database(self):
        """{(table, row id or None)} of every row of every table holding a marker."""
        self.env.flush_all()
        cr = self.env.cr
        pattern = self._pattern()
        cr.execute(
            """
            SELECT c.table_name, c.column_name, c.data_type
              FROM information_schema.columns c
              JOIN information_schema.tables t
                ON t.table_schema = c.table_schema AND t.table_name = c.table_name
             WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.data_type = ANY(%s)
             ORDER BY c.table_name, c.column_name
            """,
            [list(SCANNED_TYPES)],
        )
        columns = {}
        for table, column, data_type in cr.fetchall():
            columns.setdefault(table, []).append((column, data_type))
        cr.execute(
            "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'id'"
        )
        with_id = {row[0] for row in cr.fetchall()}
        hits = set()
        for table, cols in columns.items():
            conditions = SQL(" OR ").join(
                SQL("encode(%s, 'escape') ~* %s", SQL.identifier(col), pattern)
                if data_type == "bytea"
                else SQL("%s::text ~* %s", SQL.identifier(col), pattern)
                for col, data_type in cols
            )
            key = SQL.identifier("id") if table in with_id else SQL("NULL")
            cr.execute(SQL("SELECT %s FROM %s WHERE %s", key, SQL.identifier(table), conditions))
            hits |= {(table, row[0]) for row in cr.fetchall()}
        return hits

    def _scan_filestore(self):
        """Files of the database's filestore holding a marker (the attachments' contents)."""
        regex = re.compile(self._pattern().encode(), re.IGNORECASE)
        root = self.env["ir.attachment"]._filestore()
        found = []
        for folder, _dirs, files in os.walk(root):
            for name in files:
                path = os.path.join(folder, name)
                try:
                    with open(path, "rb") as handle:
                        if regex.search(handle.read()):
                            found.append(path)
                except OSError:
                    continue
        return found

    # ------------------------------------------------------------------ the person, touched from every module
    def _touch_everywhere(self):
        env = self.env
        m = self.markers
        name = f"{m['first name']} {m['last name']}"
        regency = env.ref("jmsc_base.regency_3212")
        person = env["res.partner"].create(
            {
                "name": name,
                "is_migrant": True,
                "nik": m["nik"],
                "phone": m["phone"],
                "email": m["email"],
                "regency_id": regency.id,
                "street": f"Rumah {m['last name']}",
            }
        )
        # tracked changes: tracking values quoting the person (written when the transaction commits)
        self.env.cr.precommit.run()
        person.with_context(tracking_disable=False).write(
            {"mobile": m["phone"], "comment": f"NIK {m['nik']}", "health_notes": f"Asthma ({name})"}
        )
        person.message_post(body=f"{name} called from {m['phone']}", author_id=env.ref("base.partner_root").id)
        env["ir.attachment"].create(
            {
                "name": "ktp-scan.txt",
                "raw": f"KTP {name} NIK {m['nik']}".encode(),
                "mimetype": "text/plain",
                "res_model": "res.partner",
                "res_id": person.id,
            }
        )
        # portal user, with the consent it needs (UU PDP)
        env["jmsc.consent"].create({"partner_id": person.id, "purpose": "portal"})
        portal = (
            env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "login": m["email"],
                    "partner_id": person.id,
                    "groups_id": [Command.set(env.ref("base.group_portal").ids)],
                }
            )
        )
        # family, with the relative's own contact record
        relative = env["res.partner"].create({"name": f"{m['relative']} Ibu", "phone": m["relative phone"]})
        env["jmsc.family.member"].create({"partner_id": person.id, "member_id": relative.id, "relation": "mother"})
        # documents: passport with a scan, an archived KTP
        Document = env["res.partner.id_number"]
        Document.create(
            {
                "partner_id": person.id,
                "category_id": env.ref("jmsc_base.doc_type_passport").id,
                "name": m["passport"],
                "attachment": base64.b64encode(f"PASPOR {m['passport']} NIK {m['nik']}".encode()),
                "attachment_filename": "paspor.txt",
            }
        )
        Document.create(
            {
                "partner_id": person.id,
                "category_id": env.ref("jmsc_base.doc_type_ktp").id,
                "name": m["nik"],
                "active": False,
            }
        )
        # placement
        env["jmsc.placement"].with_context(tracking_disable=False).create(
            {
                "partner_id": person.id,
                "country_id": env.ref("base.tw").id,
                "sector": "caregiver",
                "employer": f"Keluarga {m['last name']}",
            }
        )
        self._touch_training(person)
        self._touch_certification(person)
        self._touch_ltsa(person)
        self._touch_helpdesk(person, relative)
        accounts = self._touch_cooperative(person)
        self.env.cr.precommit.run()  # the tracking values
        return person, portal, relative, accounts

    def _touch_training(self, person):
        env = self.env
        centre = make_agency(env, "BLK Privasi", "training_centre")
        programme = env["jmsc.training.programme"].create(
            {"code": "TPRIV", "name": "Privacy Test", "category": "language", "pass_mark": 60.0}
        )
        today = office_today(env["res.partner"])
        batch = env["jmsc.training.batch"].create(
            {
                "programme_id": programme.id,
                "centre_id": centre.id,
                "date_start": today,
                "date_end": fields.Date.add(today, days=10),
            }
        )
        batch.action_open()
        enrolment = (
            env["jmsc.training.enrolment"]
            .with_context(tracking_disable=False)
            .create({"partner_id": person.id, "batch_id": batch.id, "note": f"Sister of {self.markers['relative']}"})
        )
        enrolment.message_post(body=f"{person.name} asked for a certificate", author_id=env.ref("base.partner_root").id)

    def _touch_certification(self, person):
        env = self.env
        lsp = make_agency(env, "LSP Privasi", "lsp")
        scheme = env["jmsc.cert.scheme"].create(
            {
                "code": "TPRV",
                "name": "Privacy Scheme",
                "lsp_id": lsp.id,
                "unit_ids": [Command.create({"code": "P1", "title": "Unit"})],
            }
        )
        certificate = env["jmsc.cert.certificate"].create({"partner_id": person.id, "scheme_id": scheme.id})
        certificate.message_post(body=f"Printed for {person.name}", author_id=env.ref("base.partner_root").id)

    def _touch_ltsa(self, person):
        env = self.env
        calendar = env["resource.calendar"].create({"name": "Privacy LTSA hours", "tz": "Asia/Jakarta"})
        category = env["jmsc.ltsa.category"].create({"name": "Privacy police", "prefix": "PV", "sequence": 9})
        service = env["jmsc.ltsa.service"].create(
            {
                "name": "Privacy SKCK",
                "code": "PRIV_SKCK",
                "desk_type": "police",
                "category_id": category.id,
                "output_doc_type_id": env.ref("jmsc_base.doc_type_skck").id,
                "output_validity_days": 180,
                "sla_minutes": 60,
                "completion_days": 1,
            }
        )
        site = env["jmsc.ltsa.site"].create(
            {"name": "LTSA Privasi", "regency_id": person.regency_id.id, "calendar_id": calendar.id}
        )
        request = env["jmsc.ltsa.request"].create(
            {"partner_id": person.id, "site_id": site.id, "step_ids": [Command.create({"service_id": service.id})]}
        )
        request.action_confirm()
        step = request.step_ids
        step.action_start()
        step.write({"output_number": self.markers["issued"], "note": f"Passport {self.markers['passport']} seen"})
        step.action_finish()
        self.assertTrue(step.issued_document_id, "the LTSA step issued a document on the person's profile")

    def _touch_helpdesk(self, person, relative):
        env = self.env
        m = self.markers
        Ticket = env["helpdesk.ticket"]
        call = env["jmsc.helpdesk.call"].create(
            {"caller_number": m["phone"], "caller_name": person.name, "notes": f"NIK {m['nik']}"}
        )
        call.action_open_case()
        case = call.ticket_id
        case.write({"jmsc_migrant_id": person.id})
        case.message_post(
            body=f"{person.name} is safe; passport {m['passport']}", author_id=env.ref("base.partner_root").id
        )
        police = env["res.partner"].search([("agency_type_id.code", "=", "police")], limit=1) or make_agency(
            env, "Polres Privasi", "police"
        )
        # the migrant consented to share with the police (a referral needs it, UU PDP)
        env["jmsc.consent"].create(
            {"partner_id": person.id, "purpose": "sharing", "agency_type_id": police.agency_type_id.id}
        )
        env["jmsc.helpdesk.referral"].create(
            {
                "ticket_id": case.id,
                "agency_id": police.id,
                "contact_name": relative.name,
                "contact_phone": m["relative phone"],
                "outcome": f"{person.name} reached",
            }
        )
        # a call without a case
        env["jmsc.helpdesk.call"].create({"caller_number": m["phone"], "caller_name": person.name})
        # an archived case
        archived = Ticket.create(
            {
                "name": f"Old case of {person.name}",
                "description": f"<p>{m['email']}</p>",
                "jmsc_migrant_id": person.id,
            }
        )
        archived.active = False
        # a web complaint with an upload, linked by the agent to the person
        category = env["helpdesk.ticket.category"].search(
            [("show_in_portal", "=", True), ("jmsc_code", "!=", False), ("jmsc_is_sensitive", "=", False)], limit=1
        )
        code = Ticket._jmsc_create_public_complaint(
            {
                "name": relative.name,
                "contact": m["email"],
                "migrant_name": person.name,
                "category_id": category.id,
                "description": f"My daughter {person.name} (NIK {m['nik']}) is not paid",
            },
            uploads=[("kontrak.pdf", f"%PDF-1.4\n% Kontrak {person.name} {m['nik']}\n%%EOF\n".encode())],
        )
        complaint = Ticket.search([("jmsc_tracking_code", "=", code)])
        complaint.write({"jmsc_migrant_id": person.id})

    def _touch_cooperative(self, person):
        env = self.env
        coop = make_agency(env, "Koperasi Privasi", "cooperative")
        env["jmsc.coop.product"].create(
            {"name": "Simpanan Sukarela", "code": "SS", "cooperative_id": coop.id, "kind": "sukarela",
             "allow_withdrawal": True}
        )  # fmt: skip
        member = env["jmsc.coop.member"].create({"partner_id": person.id, "cooperative_id": coop.id})
        account = member.account_ids
        account._post("deposit", 250000, note=f"From {person.name}")
        account._post("withdrawal", 50000)
        return member.account_ids

    # ------------------------------------------------------------------ the test
    def test_no_trace_left_and_export_covers_everything(self):
        person, portal, relative, accounts = self._touch_everywhere()
        hits_before = self._scan_database()
        files_before = self._scan_filestore()
        self.assertTrue(files_before, "the attachments' files hold the NIK before erasure")
        tables = {table for table, _id in hits_before}
        for table in ("res_partner", "mail_message", "mail_tracking_value", "ir_attachment", "helpdesk_ticket",
                      "jmsc_helpdesk_call", "jmsc_helpdesk_referral", "res_partner_id_number", "jmsc_ltsa_step",
                      "res_users"):  # fmt: skip
            self.assertIn(table, tables, f"the scan finds the markers in {table} before erasure (else it is blind)")

        # the subject's own copy holds every record the scan found
        export = json.loads(person.with_user(portal)._jmsc_privacy_download("json")[0])
        exported = {(c["model"], r["id"]) for c in export["categories"] for r in c["records"]}
        models_by_table = {
            model._table: name for name, model in self.env.registry.items() if not model._abstract and model._auto
        }
        Tracking = self.env["mail.tracking.value"].sudo()
        for table, row_id in sorted(hits_before, key=str):
            if table == "mail_tracking_value":
                self.assertIn(("mail.message", Tracking.browse(row_id).mail_message_id.id), exported, table)
                continue
            self.assertIn(table, models_by_table, f"marker in {table}, a table of no model")
            self.assertIn((models_by_table[table], row_id), exported, f"{table} #{row_id} missing from the export")

        balances = {account: account.balance for account in accounts}
        self.env.invalidate_all()
        wizard = (
            self.env["jmsc.anonymize.wizard"]
            .with_user(new_test_user(self.env, login="privacy_mgr", groups="jmsc_base.group_jmsc_manager"))
            .create({"partner_ids": [Command.set(person.ids)], "confirm": True})
        )
        self.assertIn("Savings transactions", wizard.plan_html, "the plan lists what is kept and why")
        self.assertIn("Call centre cases", wizard.plan_html)
        wizard.action_anonymize()
        self.env.cr.postcommit.run()  # the erased files are deleted once the transaction commits
        self.env.invalidate_all()

        self.assertEqual(self._scan_database(), set(), "no marker left in any table")
        self.assertEqual(self._scan_filestore(), [], "no marker left in any file of the filestore")
        # the ledger: same amounts, still balanced, the rows kept
        for account, balance in balances.items():
            self.assertAlmostEqual(account.balance, balance)
            self.assertEqual(len(account.transaction_ids), 2, "the ledger rows stay")
            signed = sum(account.transaction_ids.mapped("amount"))  # signed: deposits +, withdrawals -
            self.assertAlmostEqual(signed, account.balance, msg="the account's transactions still add up")
            self.assertEqual(account.transaction_ids.sorted("id")[-1:].running_balance, account.balance)
        self.assertTrue(person.is_anonymized)
        self.assertFalse(portal.with_context(active_test=False).active)
        self.assertFalse(relative.exists() and relative.active, "the relative is deleted or archived")
