"""The full journey: one migrant through registry, training, certification, LTSA, call centre and cooperative.

This test runs only when every JMSC module is installed (post_install, e.g. `tests/run_suite.py` over all
modules); jmsc_base's code knows none of them, only this test builds their records. The records are made as
the superuser (the modules' write guards let it pass, as for data files) with fixed business dates, so that the
order is known.
"""

import datetime
from unittest import SkipTest

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import JmscBaseCommon, make_nik

MODELS_NEEDED = (
    "jmsc.training.enrolment",
    "jmsc.cert.certificate",
    "jmsc.ltsa.ticket",
    "helpdesk.ticket",
    "jmsc.coop.member",
)
D = datetime.date
DT = datetime.datetime


@tagged("post_install", "-at_install")
class TestTimelineJourney(JmscBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        missing = [name for name in MODELS_NEEDED if name not in cls.env]
        if missing:
            raise SkipTest(f"the full-journey timeline needs every JMSC module; missing {', '.join(missing)}")
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        env = cls.env(su=True)
        ref = env.ref
        Partner = env["res.partner"]
        cls.rina = cls._create_migrant("Rina Journey", make_nik(7, 7, 1995, serial=91, female=True))
        cls.rina.stage_history_ids.unlink()
        env["jmsc.stage.history"].create(
            [
                {"partner_id": cls.rina.id, "stage_to": "prospective", "date": DT(2023, 1, 10, 2, 0)},
                {"partner_id": cls.rina.id, "stage_from": "prospective", "stage_to": "ready",
                 "date": DT(2023, 9, 1, 2, 0)},
                {"partner_id": cls.rina.id, "stage_from": "ready", "stage_to": "abroad",
                 "date": DT(2023, 10, 2, 1, 0)},
            ]
        )  # fmt: skip
        cls._add_document(cls.rina, "jmsc_base.doc_type_passport", "X1112223", date_issued=D(2023, 8, 1))
        # Training (Feb-Mar 2023), completed.
        centre = Partner.create(
            {
                "name": "BLK Journey",
                "is_company": True,
                "agency_type_id": ref("jmsc_base.agency_type_training_centre").id,
            }
        )
        programme = env["jmsc.training.programme"].create(
            {"code": "TJRN", "name": "Journey Caregiving", "category": "caregiving", "pass_mark": 60.0}
        )
        batch = env["jmsc.training.batch"].create(
            {"programme_id": programme.id, "centre_id": centre.id, "date_start": D(2023, 2, 1),
             "date_end": D(2023, 3, 31), "state": "open"}
        )  # fmt: skip
        cls.enrolment = env["jmsc.training.enrolment"].create(
            {"partner_id": cls.rina.id, "batch_id": batch.id, "date_applied": DT(2023, 1, 20, 3, 0),
             "state": "completed", "date_completed": D(2023, 3, 31)}
        )  # fmt: skip
        # Certification: certificate issued 15 May 2023 (expires 14 May 2026).
        lsp = Partner.create(
            {"name": "LSP Journey", "is_company": True, "agency_type_id": ref("jmsc_base.agency_type_lsp").id}
        )
        scheme = env["jmsc.cert.scheme"].create(
            {"code": "TJC", "name": "Journey Caregiver", "lsp_id": lsp.id,
             "unit_ids": [Command.create({"code": "J1", "title": "Care for the elderly"})]}
        )  # fmt: skip
        cls.certificate = env["jmsc.cert.certificate"].create(
            {"partner_id": cls.rina.id, "scheme_id": scheme.id, "issue_date": D(2023, 5, 15)}
        )
        # LTSA visit on 20 August 2023, request done the same day.
        calendar = (
            env["resource.calendar"].search([("tz", "=", "Asia/Jakarta")], limit=1) or env.company.resource_calendar_id
        )
        cls.site = env["jmsc.ltsa.site"].create(
            {"name": "LTSA Journey", "regency_id": cls.regency_indramayu.id, "calendar_id": calendar.id}
        )
        cls.ltsa_category = env["jmsc.ltsa.category"].create({"name": "Journey registration", "prefix": "JR"})
        cls.ltsa_ticket = env["jmsc.ltsa.ticket"].create(
            {"site_id": cls.site.id, "category_id": cls.ltsa_category.id, "partner_id": cls.rina.id,
             "day": D(2023, 8, 20), "issued_date": DT(2023, 8, 20, 1, 30), "state": "done"}
        )  # fmt: skip
        cls.ltsa_request = env["jmsc.ltsa.request"].create(
            {"partner_id": cls.rina.id, "site_id": cls.site.id, "state": "done",
             "confirmed_date": DT(2023, 8, 20, 1, 35), "done_date": DT(2023, 8, 20, 4, 0)}
        )  # fmt: skip
        # Placement in Taiwan, departure 2 October 2023.
        env["jmsc.placement"].create(
            {"partner_id": cls.rina.id, "country_id": ref("base.tw").id, "employer": "Journey Care Home",
             "sector": "caregiver", "departure_date": D(2023, 10, 2), "contract_end": D(2025, 10, 1)}
        )  # fmt: skip
        # Call centre: an ordinary case (Feb 2024) with a call, and a trafficking case (Mar 2024), sensitive.
        team = env["helpdesk.ticket.team"].create({"name": "Journey hotline"})
        wages = env["helpdesk.ticket.category"].create({"name": "Journey wages", "jmsc_default_team_id": team.id})
        tppo = env["helpdesk.ticket.category"].create(
            {"name": "Journey trafficking", "jmsc_default_team_id": team.id, "jmsc_is_sensitive": True}
        )
        cls.user_agent = new_test_user(env, login="tl_agent", groups="jmsc_helpdesk.group_jmsc_helpdesk_agent")
        cls.user_agent_tppo = new_test_user(
            env, login="tl_agent_tppo", groups="jmsc_helpdesk.group_jmsc_helpdesk_agent"
        )
        Ticket = env["helpdesk.ticket"]
        cls.case = Ticket.create(
            {"name": "Wages unpaid", "description": "<p>Internal: employer phone 0812</p>", "category_id": wages.id,
             "jmsc_migrant_id": cls.rina.id, "jmsc_sla_start": DT(2024, 2, 1, 2, 0), "user_id": cls.user_agent.id}
        )  # fmt: skip
        cls.tppo_case = Ticket.create(
            {"name": "Passport held by the agent", "description": "<p>Victim statement</p>", "category_id": tppo.id,
             "jmsc_migrant_id": cls.rina.id, "jmsc_sla_start": DT(2024, 3, 1, 2, 0),
             "user_id": cls.user_agent_tppo.id}
        )  # fmt: skip
        cls.call = env["jmsc.helpdesk.call"].create(
            {"ticket_id": cls.case.id, "call_date": DT(2024, 2, 2, 3, 0), "duration": 7.0, "caller_number": "0812"}
        )
        # Cooperative: joined 1 November 2025, deposits in November and December.
        coop = Partner.create(
            {
                "name": "Koperasi Journey",
                "is_company": True,
                "agency_type_id": ref("jmsc_base.agency_type_cooperative").id,
            }
        )
        cls.savings = env["jmsc.coop.product"].create(
            {"name": "Simpanan Sukarela", "code": "SS", "cooperative_id": coop.id, "kind": "sukarela",
             "allow_withdrawal": True}
        )  # fmt: skip
        cls.member = env["jmsc.coop.member"].create(
            {"partner_id": cls.rina.id, "cooperative_id": coop.id, "join_date": D(2025, 11, 1)}
        )
        cls.account = cls.member.account_ids.filtered(lambda a: a.product_id == cls.savings)
        cls.account._post("deposit", 1000000, value_date=D(2025, 11, 5))
        cls.account._post("deposit", 500000, value_date=D(2025, 11, 20))
        cls.account._post("withdrawal", 200000, value_date=D(2025, 12, 3))
        # Someone who may see every module's records of Indramayu's migrants, without being a superuser.
        cls.user_all = new_test_user(
            env,
            login="tl_all_modules",
            groups=",".join(
                [
                    "jmsc_base.group_jmsc_manager",
                    "jmsc_training.group_training_manager",
                    "jmsc_certification.group_cert_manager",
                    "jmsc_ltsa.group_ltsa_supervisor",
                    "jmsc_helpdesk.group_jmsc_helpdesk_case_manager",
                    "jmsc_cooperative.group_coop_manager",
                ]
            ),
            jmsc_agency_id=coop.id,
            jmsc_regency_ids=[Command.set(cls.regency_indramayu.ids)],
        )
        cls.site.sudo().write({"supervisor_id": cls.user_all.id})

    EXPECTED = [
        ("stage", "jmsc_base", DT(2023, 1, 10, 2, 0)),
        ("training_application", "jmsc_training", DT(2023, 1, 20, 3, 0)),
        ("training_result", "jmsc_training", D(2023, 3, 31)),
        ("certificate_issued", "jmsc_certification", D(2023, 5, 15)),
        ("document_issued", "jmsc_base", D(2023, 8, 1)),
        ("ltsa_visit", "jmsc_ltsa", DT(2023, 8, 20, 1, 30)),
        ("ltsa_request", "jmsc_ltsa", DT(2023, 8, 20, 1, 35)),
        ("ltsa_request_done", "jmsc_ltsa", DT(2023, 8, 20, 4, 0)),
        ("stage", "jmsc_base", DT(2023, 9, 1, 2, 0)),
        ("placement_departure", "jmsc_base", D(2023, 10, 2)),
        ("stage", "jmsc_base", DT(2023, 10, 2, 1, 0)),
        ("case_opened", "jmsc_helpdesk", DT(2024, 2, 1, 2, 0)),
        ("call", "jmsc_helpdesk", DT(2024, 2, 2, 3, 0)),
        ("case_opened", "jmsc_helpdesk", DT(2024, 3, 1, 2, 0)),
        ("placement_contract_end", "jmsc_base", D(2025, 10, 1)),
        ("coop_join", "jmsc_cooperative", D(2025, 11, 1)),
        ("coop_balance", "jmsc_cooperative", D(2025, 11, 30)),
        ("coop_balance", "jmsc_cooperative", D(2025, 12, 31)),
        ("certificate_expiry", "jmsc_certification", D(2026, 5, 14)),
    ]

    def _story(self, user, **kw):
        events = self.rina.with_user(user)._jmsc_timeline(date_to=D(2026, 5, 31), newest_first=False, **kw)
        return [(e["kind"], e["module"], e["date"]) for e in events]

    def test_full_journey_in_order(self):
        """Events of every module, oldest first, for a user who may see all of them."""
        story = self._story(self.user_all)
        self.assertEqual(story, self.EXPECTED)
        modules = {module for _kind, module, _date in story}
        self.assertEqual(
            modules,
            {"jmsc_base", "jmsc_training", "jmsc_certification", "jmsc_ltsa", "jmsc_helpdesk", "jmsc_cooperative"},
        )
        events = self.rina.with_user(self.user_all)._jmsc_timeline(newest_first=False)
        balances = [e["detail"] for e in events if e["kind"] == "coop_balance"]
        self.assertIn("Rp 1.500.000", balances[0])
        self.assertIn("Rp 1.300.000", balances[1])
        html = str(self.rina.with_user(self.user_all).jmsc_timeline_html)
        self.assertIn(f'href="/odoo/helpdesk.ticket/{self.case.id}"', html)
        self.assertIn(f'href="/odoo/jmsc.cert.certificate/{self.certificate.id}"', html)
        self.assertNotIn("employer phone", html, "the case description (internal notes) never reaches the timeline")
        self.assertNotIn("Victim statement", html)

    def test_other_regency_officer_is_refused(self):
        officer = new_test_user(
            self.env,
            login="tl_cirebon",
            groups="jmsc_base.group_jmsc_regency_officer",
            jmsc_regency_ids=[Command.set(self.regency_cirebon.ids)],
        )
        with self.assertRaises(AccessError):
            self.rina.with_user(officer)._jmsc_timeline()
        self.assertEqual(self.env["res.partner"].with_user(officer)._jmsc_timeline_events(self.rina), [])

    def test_sensitive_case_only_for_who_may_see_it(self):
        """The agent of the ordinary case sees it and its call, not the trafficking case of another agent;
        the agent of the trafficking case and a case manager see it."""
        agent_story = self._story(self.user_agent)
        self.assertIn(("case_opened", "jmsc_helpdesk", DT(2024, 2, 1, 2, 0)), agent_story)
        self.assertIn(("call", "jmsc_helpdesk", DT(2024, 2, 2, 3, 0)), agent_story)
        self.assertNotIn(("case_opened", "jmsc_helpdesk", DT(2024, 3, 1, 2, 0)), agent_story)
        events = self.rina.with_user(self.user_agent)._jmsc_timeline()
        self.assertNotIn(self.tppo_case.id, [e["res_id"] for e in events if e["res_model"] == "helpdesk.ticket"])
        tppo_story = self._story(self.user_agent_tppo)
        self.assertIn(("case_opened", "jmsc_helpdesk", DT(2024, 3, 1, 2, 0)), tppo_story)
        self.assertIn(("case_opened", "jmsc_helpdesk", DT(2024, 3, 1, 2, 0)), self._story(self.user_all))
        # A provincial officer sees every ordinary case, never a sensitive one.
        self.assertNotIn(("case_opened", "jmsc_helpdesk", DT(2024, 3, 1, 2, 0)), self._story(self.user_provincial))

    def test_portal_migrant_sees_own_without_sensitive_or_calls(self):
        self.env["jmsc.consent"].create({"partner_id": self.rina.id, "purpose": "portal"})
        portal = new_test_user(
            self.env, login="tl_rina", name="Rina Journey", groups="base.group_portal", partner_id=self.rina.id
        )
        events = self.rina.with_user(portal)._jmsc_timeline()
        kinds = {e["kind"] for e in events}
        self.assertIn("stage", kinds)
        self.assertIn("placement_departure", kinds)
        self.assertNotIn("call", kinds)
        self.assertNotIn(self.tppo_case.id, [e["res_id"] for e in events if e["res_model"] == "helpdesk.ticket"])
        other = self._create_migrant("Other Journey", make_nik(8, 8, 1995, serial=92))
        with self.assertRaises(AccessError):
            other.with_user(portal)._jmsc_timeline()

    def test_query_count_constant_with_a_thousand_events(self):
        """Each module reads its records in a constant number of queries: the count does not grow with events."""
        partner = self.rina.with_user(self.user_all)

        def count_queries():
            self.env.invalidate_all()
            partner._jmsc_timeline()  # warm translations and caches
            self.env.invalidate_all()
            start = self.cr.sql_log_count
            events = partner._jmsc_timeline()
            return self.cr.sql_log_count - start, len(events)

        small, small_events = count_queries()
        env = self.env(su=True)
        env["jmsc.ltsa.ticket"].create(
            [
                {"site_id": self.site.id, "category_id": self.ltsa_category.id, "partner_id": self.rina.id,
                 "day": D(2022, 1, 1) + datetime.timedelta(days=i), "number": 1000 + i,
                 "issued_date": DT(2022, 1, 1, 2, 0) + datetime.timedelta(days=i), "state": "done"}
                for i in range(300)
            ]
        )  # fmt: skip
        env["jmsc.helpdesk.call"].create(
            [
                {"ticket_id": self.case.id, "call_date": DT(2024, 2, 3, 2, 0) + datetime.timedelta(hours=i),
                 "duration": 3.0, "caller_number": "0812"}
                for i in range(300)
            ]
        )  # fmt: skip
        env["jmsc.stage.history"].create(
            [{"partner_id": self.rina.id, "stage_to": "abroad", "date": DT(2023, 11, 1, 2, 0)} for _i in range(200)]
        )
        env["jmsc.cert.certificate"].create(
            [
                {"partner_id": self.rina.id, "scheme_id": self.certificate.scheme_id.id,
                 "issue_date": D(2020, 1, 1) + datetime.timedelta(days=i)}
                for i in range(40)
            ]
        )  # fmt: skip
        env["jmsc.placement"].create(
            [
                {"partner_id": self.rina.id, "country_id": self.env.ref("base.my").id, "sector": "other",
                 "departure_date": D(2019, 1, 1) + datetime.timedelta(days=i), "contract_end": D(2021, 1, 1)}
                for i in range(40)
            ]
        )  # fmt: skip
        for month in range(1, 12):
            self.account._post("deposit", 10000, value_date=D(2026, month, 1))
        env["jmsc.consent"].create(
            [{"partner_id": self.rina.id, "date": D(2023, 1, 10) + datetime.timedelta(days=i)} for i in range(200)]
        )
        big, big_events = count_queries()
        self.assertGreaterEqual(big_events, 1000)
        self.assertEqual(big, small, f"{small_events} events took {small} queries, {big_events} took {big}")
        self.env.invalidate_all()
        with self.assertQueryCount(27):
            self.rina.with_user(self.user_all)._jmsc_timeline()
