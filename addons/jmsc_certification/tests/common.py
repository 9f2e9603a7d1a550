from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.addons.jmsc_base.tests.common import JmscBaseCommon
from odoo.addons.jmsc_base.tools.office_day import office_today
from odoo.tests import new_test_user


class CertificationCommon(JmscBaseCommon):
    """Two LSPs with a scheme each, assessors, venues, users for every group and two migrants."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # English messages whatever the database language (id_ID is loaded by the test runner).
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, lang="en_US"))
        cls.today = office_today(cls.env["jmsc.cert.event"])
        cls.doc_ktp = cls.env.ref("jmsc_base.doc_type_ktp")
        cls.doc_medical = cls.env.ref("jmsc_base.doc_type_medical")
        lsp_type = cls.env.ref("jmsc_base.agency_type_lsp")
        Partner = cls.env["res.partner"]
        cls.lsp_a = Partner.create({"name": "LSP Test Caregiving", "is_company": True, "agency_type_id": lsp_type.id})
        cls.lsp_b = Partner.create({"name": "LSP Test Welding", "is_company": True, "agency_type_id": lsp_type.id})

        cls.scheme_a = cls.env["jmsc.cert.scheme"].create(
            {
                "code": "TCG",
                "name": "Test Caregiver",
                "lsp_id": cls.lsp_a.id,
                "number_pattern": "{code}/{year}/{seq}",
                "document_category_ids": [Command.set([cls.doc_ktp.id, cls.doc_medical.id])],
                "unit_ids": [
                    Command.create({"sequence": 1, "code": "U1", "title": "Communicate with the elderly"}),
                    Command.create({"sequence": 2, "code": "U2", "title": "Assist daily activities"}),
                    Command.create({"sequence": 3, "code": "U3", "title": "Handle emergencies"}),
                ],
            }
        )
        cls.unit_1, cls.unit_2, cls.unit_3 = cls.scheme_a.unit_ids
        cls.scheme_b = cls.env["jmsc.cert.scheme"].create(
            {
                "code": "TWD",
                "name": "Test Welder",
                "lsp_id": cls.lsp_b.id,
                "unit_ids": [Command.create({"code": "W1", "title": "Weld a fillet joint"})],
            }
        )
        cls.venue_a = cls.env["jmsc.cert.venue"].create({"name": "TUK Test A", "lsp_id": cls.lsp_a.id})
        cls.venue_b = cls.env["jmsc.cert.venue"].create({"name": "TUK Test B", "lsp_id": cls.lsp_b.id})

        cls.user_assessor = new_test_user(
            cls.env, login="cert_assessor", name="Asesor Satu", groups="jmsc_certification.group_cert_assessor"
        )
        cls.user_assessor_b = new_test_user(
            cls.env, login="cert_assessor_b", name="Asesor Dua", groups="jmsc_certification.group_cert_assessor"
        )
        cls.user_staff_a = new_test_user(
            cls.env, login="cert_staff_a", groups="jmsc_certification.group_cert_lsp_staff", jmsc_agency_id=cls.lsp_a.id
        )
        cls.user_staff_b = new_test_user(
            cls.env, login="cert_staff_b", groups="jmsc_certification.group_cert_lsp_staff", jmsc_agency_id=cls.lsp_b.id
        )
        cls.user_manager = new_test_user(cls.env, login="cert_manager", groups="jmsc_certification.group_cert_manager")
        cls.user_officer = cls.user_jmsc
        cls.user_portal = new_test_user(cls.env, login="cert_portal", name="Siti Rahayu", groups="base.group_portal")

        # Two licensed assessors (one per LSP and scheme), and one without a login whose licence expired yesterday.
        expired, Users = Partner.create({"name": "Asesor Kedaluwarsa"}), cls.env["res.users"]
        in_two_years = cls.today + relativedelta(years=2)
        cls.assessor, cls.assessor_b, cls.assessor_expired = cls.env["jmsc.cert.assessor"].create(
            [
                {
                    "partner_id": (user.partner_id or expired).id,
                    "user_id": user.id,
                    "registration_number": number,
                    "licence_expiry": expiry,
                    "lsp_id": lsp.id,
                    "scheme_ids": [Command.set(scheme.ids)],
                }
                for user, number, expiry, lsp, scheme in (
                    (cls.user_assessor, "MET.000.000001.2020", in_two_years, cls.lsp_a, cls.scheme_a),
                    (cls.user_assessor_b, "MET.000.000002.2020", in_two_years, cls.lsp_b, cls.scheme_b),
                    (Users, "MET.000.000003.2015", cls.today - relativedelta(days=1), cls.lsp_a, cls.scheme_a),
                )
            ]
        )

        cls.event_a = cls.env["jmsc.cert.event"].create(
            {
                "date": cls.today + relativedelta(days=7),
                "venue_id": cls.venue_a.id,
                "scheme_id": cls.scheme_a.id,
                "assessor_ids": [Command.set(cls.assessor.ids)],
            }
        )
        cls.event_b = cls.env["jmsc.cert.event"].create(
            {
                "date": cls.today + relativedelta(days=7),
                "venue_id": cls.venue_b.id,
                "scheme_id": cls.scheme_b.id,
                "assessor_ids": [Command.set(cls.assessor_b.ids)],
            }
        )

        # The portal user is migrant 1 (a woman from Indramayu); migrant 2 is a man from Cirebon.
        cls.migrant_1 = cls.user_portal.partner_id
        cls.env["jmsc.consent"].create({"partner_id": cls.migrant_1.id, "purpose": "portal"})  # her portal account
        cls.migrant_1.write(
            {
                "is_migrant": True,
                "nik": "3212014506954001",
                "regency_id": cls.regency_indramayu.id,
                "street": "Jalan Melati 12",
                "birthdate_date": "1995-06-05",
            }
        )
        cls.migrant_2 = Partner.create(
            {
                "name": "Budi Santoso",
                "is_migrant": True,
                "nik": "3209011203904002",
                "regency_id": cls.regency_cirebon.id,
            }
        )

    @classmethod
    def _give_documents(cls, partner, medical_valid_until=None):
        cls.env["res.partner.id_number"].create(
            [
                {"partner_id": partner.id, "category_id": cls.doc_ktp.id, "name": partner.nik},
                {
                    "partner_id": partner.id,
                    "category_id": cls.doc_medical.id,
                    "name": f"MCU-{partner.id}",
                    "valid_until": medical_valid_until or cls.today + relativedelta(months=6),
                },
            ]
        )

    @classmethod
    def _scheduled_application(cls, partner, event=None):
        event = event or cls.event_a
        application = cls.env["jmsc.cert.application"].create(
            {"partner_id": partner.id, "scheme_id": event.scheme_id.id, "event_id": event.id}
        )
        application.action_submit()
        application.action_verify()
        application.action_schedule()
        return application

    @classmethod
    def _documented_application(cls, partner, event=None):
        """The migrant's KTP and a valid medical certificate, then an application scheduled in ``event``."""
        cls._give_documents(partner)
        return cls._scheduled_application(partner, event=event)

    @classmethod
    def _enter(cls, application, verdicts):
        """verdicts: {unit: 'k'|'bk'} for the current attempt."""
        for line in application._current_result_ids():
            line.verdict = verdicts[line.unit_id]

    @classmethod
    def _issue_certificate(cls, partner, scheme=None, issue_date=None):
        vals = {"partner_id": partner.id, "scheme_id": (scheme or cls.scheme_a).id}
        if issue_date:
            vals["issue_date"] = issue_date
        return cls.env["jmsc.cert.certificate"].create(vals)
