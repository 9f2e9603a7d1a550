from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import JmscHelpdeskCommon


@tagged("post_install", "-at_install", "jmsc_helpdesk")
class TestCase(JmscHelpdeskCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.partner.id_number"].create(
            {
                "partner_id": cls.migrant_cirebon.id,
                "category_id": cls.env.ref("jmsc_base.doc_type_passport").id,
                "name": "C1234567",
            }
        )

    def _lookup(self, term):
        with Form(self.env["helpdesk.ticket"].with_user(self.user_agent)) as form:
            form.name = "Lookup"
            form.description = "x"
            form.jmsc_migrant_lookup = term
            return form.jmsc_migrant_id

    def test_migrant_lookup_by_nik_passport_phone_name(self):
        self.assertEqual(self._lookup("3212014506955001"), self.migrant_indramayu)
        self.assertEqual(self._lookup("c1234567"), self.migrant_cirebon)
        self.assertEqual(self._lookup("0812 3456 7890"), self.migrant_indramayu)
        self.assertEqual(self._lookup("Budi Test"), self.migrant_cirebon)
        self.assertFalse(self._lookup("nobody at all"))

    def test_name_search_with_context_finds_nik(self):
        partners = self.env["res.partner"].with_context(jmsc_migrant_search=True).name_search("3209011203905002")
        self.assertEqual([p[0] for p in partners], self.migrant_cirebon.ids)

    def test_country_and_local_time(self):
        case = self._case()
        self.assertEqual(case.jmsc_country_id, self.env.ref("base.tw"))
        self.assertIn("Asia/Taipei", case.jmsc_local_time)
        self.env["res.lang"]._activate_lang("id_ID")
        weekday = case.with_context(lang="id_ID").jmsc_local_time.split()[0]
        self.assertIn(weekday, ("Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"), "the weekday in Bahasa Indonesia")
        self.assertEqual(case.jmsc_regency_id, self.regency_indramayu)

    def test_category_onchange_sets_defaults(self):
        with Form(self.env["helpdesk.ticket"].with_user(self.user_case_manager)) as form:
            form.name = "Trafficking suspicion"
            form.description = "x"
            form.category_id = self.category_tppo
            self.assertEqual(form.priority, "3")
            self.assertEqual(form.team_id, self.team)
            self.assertTrue(form.jmsc_is_sensitive)

    def test_sensitive_case_cannot_close_without_referral_or_decision(self):
        case = self._case(category_id=self.category_tppo.id, user_id=self.user_agent.id)
        with self.assertRaisesRegex(UserError, case.number):
            case.with_user(self.user_agent).write({"stage_id": self.stage_done.id})
        with self.assertRaises(AccessError):
            case.with_user(self.user_agent).write({"jmsc_decision": "Close it"})
        case.with_user(self.user_case_manager).write({"jmsc_decision": "Victim returned home safely."})
        self.assertEqual(case.jmsc_decision_user_id, self.user_case_manager)
        case.with_user(self.user_agent).write({"stage_id": self.stage_done.id})
        self.assertTrue(case.closed)

    def test_sensitive_case_closes_after_referral(self):
        case = self._case(category_id=self.category_tppo.id, user_id=self.user_agent.id)
        cancelled = self.env["jmsc.helpdesk.referral"].create(
            {"ticket_id": case.id, "agency_id": self.agency_bp3mi.id, "state": "cancelled"}
        )
        with self.assertRaisesRegex(UserError, case.number, msg="a cancelled referral does not count"):
            case.with_user(self.user_agent).write({"stage_id": self.stage_done.id})
        self.assertEqual(cancelled.state, "cancelled")
        self.env["jmsc.helpdesk.referral"].with_user(self.user_agent).create(
            {"ticket_id": case.id, "agency_id": self.agency_bp3mi.id, "reference_number": "BP3MI/1"}
        )
        case.with_user(self.user_agent).write({"stage_id": self.stage_done.id})
        self.assertTrue(case.closed)

    def test_plain_case_closes_freely(self):
        case = self._case()
        case.write({"stage_id": self.stage_done.id})
        self.assertTrue(case.closed)

    def test_open_case_from_call(self):
        call = (
            self.env["jmsc.helpdesk.call"]
            .with_user(self.user_agent)
            .create(
                {
                    "caller_number": "+62 812 1111 2222",
                    "caller_name": "Ibu Karsih",
                    "caller_type": "family",
                    "category_id": self.category_wages.id,
                    "notes": "Her daughter in Taiwan <b>is not paid</b>.",
                    "duration": 7.5,
                }
            )
        )
        action = call.action_open_case()
        case = self.env["helpdesk.ticket"].browse(action["res_id"])
        self.assertEqual(call.ticket_id, case)
        self.assertEqual(case.jmsc_caller_phone, "+62 812 1111 2222")
        self.assertEqual(case.jmsc_caller_type, "family")
        self.assertEqual(case.channel_id, self.env.ref("jmsc_helpdesk.channel_hotline"))
        self.assertEqual(case.user_id, self.user_agent)
        self.assertEqual(case.jmsc_first_response_date, call.call_date)
        self.assertIn("&lt;b&gt;", case.description, "call notes are stored as text")
        with self.assertRaises(UserError):
            call.action_open_case()

    def test_call_validation(self):
        with self.assertRaises(ValidationError):
            self.env["jmsc.helpdesk.call"].create({"caller_type": "migrant"})
        anonymous = self.env["jmsc.helpdesk.call"].create({"caller_type": "anonymous"})
        self.assertFalse(anonymous.caller_number)

    def test_sla_hours_validation(self):
        with self.assertRaisesRegex(ValidationError, "Test unpaid wages"):
            self.category_wages.jmsc_response_hours = 50

    def test_migrant_profile_shows_cases(self):
        self._case()
        self._case(category_id=self.category_tppo.id, user_id=self.user_agent.id)
        self.assertEqual(self.migrant_indramayu.jmsc_case_count, 2)
        self.assertEqual(self.migrant_indramayu.with_user(self.user_agent2).jmsc_case_count, 1, "sensitive hidden")
        action = self.migrant_indramayu.action_jmsc_view_cases()
        self.assertEqual(action["domain"], [("jmsc_migrant_id", "=", self.migrant_indramayu.id)])

    def test_anonymising_the_migrant_scrubs_the_cases(self):
        case = self._case(jmsc_caller_name="Ibu Karsih", jmsc_caller_phone="0812 1", jmsc_subject_name="Siti")
        call = self.env["jmsc.helpdesk.call"].create(
            {"ticket_id": case.id, "caller_number": "0812 1", "caller_name": "Ibu Karsih", "notes": "address"}
        )
        self.migrant_indramayu._jmsc_anonymize()
        self.assertFalse(case.jmsc_caller_name or case.jmsc_caller_phone or case.jmsc_subject_name)
        self.assertNotIn("employer", case.description)
        self.assertFalse(call.caller_number or call.caller_name or call.notes)
        self.assertEqual(case.category_id, self.category_wages, "statistics survive")

    def test_lookups_of_a_persons_cases_are_indexed(self):
        """A person's cases are found by migrant, contact and caller number: none of those scans every case."""
        self.env.cr.execute(
            """SELECT a.attname FROM pg_index i
                 JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
                WHERE i.indrelid = 'helpdesk_ticket'::regclass"""
        )
        indexed = {row[0] for row in self.env.cr.fetchall()}
        self.assertLessEqual({"jmsc_migrant_id", "partner_id", "jmsc_caller_phone"}, indexed)
