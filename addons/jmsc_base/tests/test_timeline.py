import datetime
import io
from unittest.mock import patch

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools.pdf import PdfFileReader

from .common import JmscBaseCommon, make_nik


class TimelineCommon(JmscBaseCommon):
    """A migrant of Indramayu with a registry story: stage changes, documents, a placement and consents."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sri = cls._create_migrant("Sri Wahyuni", make_nik(12, 3, 1994, serial=71, female=True))
        cls.other = cls._create_migrant("Tono Other", make_nik(1, 1, 1990, serial=72))
        History = cls.env["jmsc.stage.history"]
        cls.sri.stage_history_ids.unlink()
        History.create(
            [
                {"partner_id": cls.sri.id, "stage_to": "prospective", "date": datetime.datetime(2023, 1, 5, 2, 0)},
                {
                    "partner_id": cls.sri.id,
                    "stage_from": "prospective",
                    "stage_to": "ready",
                    "date": datetime.datetime(2024, 5, 20, 3, 30),
                },
                {
                    "partner_id": cls.sri.id,
                    "stage_from": "ready",
                    "stage_to": "abroad",
                    # 18:30 UTC is 01:30 WIB the next day: the event belongs to 2 June in Jakarta.
                    "date": datetime.datetime(2024, 6, 1, 18, 30),
                },
            ]
        )
        cls.passport = cls._add_document(
            cls.sri,
            "jmsc_base.doc_type_passport",
            "C7654321",
            valid_until=datetime.date(2029, 3, 1),
            date_issued=datetime.date(2024, 3, 1),
        )
        cls.placement = cls.env["jmsc.placement"].create(
            {
                "partner_id": cls.sri.id,
                "country_id": cls.env.ref("base.tw").id,
                "employer": "Formosa Care",
                "sector": "caregiver",
                "departure_date": datetime.date(2024, 6, 2),
                "contract_end": datetime.date(2026, 6, 1),
            }
        )
        cls.consent = cls.env["jmsc.consent"].create(
            {"partner_id": cls.sri.id, "date": datetime.date(2023, 1, 5), "purpose": "registry"}
        )
        cls.user_cirebon = new_test_user(
            cls.env,
            login="jmsc_regency_cirebon",
            groups="jmsc_base.group_jmsc_regency_officer",
            jmsc_regency_ids=[(6, 0, cls.regency_cirebon.ids)],
        )
        # A migrant's portal account needs her consent to portal access (UU PDP).
        cls.env["jmsc.consent"].create(
            {"partner_id": cls.sri.id, "purpose": "portal", "date": datetime.date(2023, 1, 5)}
        )
        cls.user_sri = new_test_user(
            cls.env, login="sri_portal", name="Sri Wahyuni", groups="base.group_portal", partner_id=cls.sri.id
        )

    EXPECTED = [
        # A whole day starts at 00:00 WIB: before the stage change at 09:00 WIB on that day.
        ("consent", datetime.date(2023, 1, 5)),
        ("consent", datetime.date(2023, 1, 5)),  # the portal consent her portal account needs
        ("stage", datetime.datetime(2023, 1, 5, 2, 0)),
        ("document_issued", datetime.date(2024, 3, 1)),
        ("stage", datetime.datetime(2024, 5, 20, 3, 30)),
        # The departure day starts at 00:00 WIB on 2 June, before the stage change at 01:30 WIB.
        ("placement_departure", datetime.date(2024, 6, 2)),
        ("stage", datetime.datetime(2024, 6, 1, 18, 30)),
        ("placement_contract_end", datetime.date(2026, 6, 1)),
        ("document_expiry", datetime.date(2029, 3, 1)),
    ]


@tagged("post_install", "-at_install")
class TestTimeline(TimelineCommon):
    def test_registry_events_in_order(self):
        """Stage changes, documents, the placement and consents, oldest first, as a regency officer."""
        events = self.sri.with_user(self.user_regency)._jmsc_timeline(newest_first=False)
        base = [(e["kind"], e["date"]) for e in events if e["module"] == "jmsc_base"]
        self.assertEqual(base, self.EXPECTED)
        newest = self.sri.with_user(self.user_regency)._jmsc_timeline()
        self.assertEqual([e["kind"] for e in newest if e["module"] == "jmsc_base"][0], "document_expiry")
        passport = next(e for e in events if e["kind"] == "document_issued")
        self.assertEqual(passport["res_model"], "res.partner.id_number")
        self.assertEqual(passport["res_id"], self.passport.id)

    def test_range_in_jakarta_time(self):
        """The departure at 18:30 UTC on 1 June is 2 June in Jakarta; the range is in Jakarta days."""
        partner = self.sri.with_user(self.user_regency)
        events = partner._jmsc_timeline(date_from="2024-06-02", date_to="2024-06-02")
        self.assertEqual(sorted(e["kind"] for e in events), ["placement_departure", "stage"])
        stage = next(e for e in events if e["kind"] == "stage")
        self.assertIn("01:30", partner._jmsc_timeline_format_when(stage))
        self.assertIn("WIB", partner._jmsc_timeline_format_when(stage))

    def test_form_page_html_links_and_labels(self):
        html = str(self.sri.with_user(self.user_regency).jmsc_timeline_html)
        self.assertIn(f'href="/odoo/jmsc.placement/{self.placement.id}"', html)
        self.assertIn("Formosa Care", html)
        self.assertIn("C7654321", html)
        self.assertNotIn("Formosa Care", str(self.other.with_user(self.user_regency).jmsc_timeline_html))
        # What the form's Timeline page asks for when it is opened: the same page.
        self.assertEqual(self.sri.with_user(self.user_regency).jmsc_timeline_form_html(), html)
        if self.env["res.lang"]._lang_get("id_ID"):
            self.env.invalidate_all()  # the computed page is cached per record, not per language
            html_id = str(self.sri.with_user(self.user_regency).with_context(lang="id_ID").jmsc_timeline_html)
            self.assertIn("Berangkat ke penempatan", html_id)
            self.assertNotIn("Departed for placement", html_id)
            fields = self.env["res.partner"].with_context(lang="id_ID").fields_get(["jmsc_timeline_html"])
            self.assertEqual(fields["jmsc_timeline_html"]["string"], "Riwayat")
            self.assertIn("<th>Sumber</th>", html_id)
            self.assertIn(" Jun 2024 01:30 WIB", html_id)

    def test_other_regency_is_refused(self):
        """An officer of Cirebon may not read the migrant of Indramayu, nor her timeline."""
        with self.assertRaises(AccessError):
            self.sri.with_user(self.user_cirebon)._jmsc_timeline()
        with self.assertRaises(AccessError):
            self.sri.with_user(self.user_cirebon).read(["jmsc_timeline_html"])
        with self.assertRaises(AccessError):
            self.sri.with_user(self.user_cirebon).jmsc_timeline_form_html()
        # Nor through the hook with someone else's records: they are read under the officer's record rules.
        events = self.env["res.partner"].with_user(self.user_cirebon)._jmsc_timeline_events(self.sri, False, False)
        self.assertEqual(events, [])

    def test_internal_user_without_reason_is_refused(self):
        plain = new_test_user(self.env, login="plain_internal", groups="base.group_user")
        with self.assertRaises(AccessError):
            self.sri.with_user(plain)._jmsc_timeline()

    def test_portal_migrant_sees_own_story_only(self):
        events = self.sri.with_user(self.user_sri)._jmsc_timeline(newest_first=False)
        self.assertEqual([(e["kind"], e["date"]) for e in events if e["module"] == "jmsc_base"], self.EXPECTED)
        documents = [e for e in events if e["kind"].startswith("document")]
        self.assertTrue(documents)
        self.assertFalse(any(e["res_model"] for e in documents), "no link to a record the portal user cannot open")
        with self.assertRaises(AccessError):
            self.other.with_user(self.user_sri)._jmsc_timeline()
        # The hook called for someone else reads nothing of theirs (the own-records exception is for self only).
        self.assertEqual(
            self.env["res.partner"].with_user(self.user_sri)._jmsc_timeline_events(self.other, False, False), []
        )

    def test_portal_never_gets_internal_events(self):
        """An event not meant for the portal (a call-centre note, say) never reaches a portal user, whichever
        code asks for the timeline: the filter is in _jmsc_timeline, not in the portal page."""
        Partner = type(self.env["res.partner"])
        original = Partner._jmsc_timeline_events

        def with_internal_event(model, partners, date_from=False, date_to=False):
            events = original(model, partners, date_from, date_to)
            event = model._jmsc_timeline_event(
                partners[:1].id, datetime.date(2024, 2, 2), "call", "jmsc_helpdesk", "Internal call", portal=False
            )
            return [*events, event]

        with patch.object(Partner, "_jmsc_timeline_events", with_internal_event):
            own = self.sri.with_user(self.user_sri)._jmsc_timeline()
            officer = self.sri.with_user(self.user_regency)._jmsc_timeline()
        self.assertNotIn("call", [e["kind"] for e in own])
        self.assertIn("call", [e["kind"] for e in officer])

    def test_query_count_constant(self):
        """jmsc_base's part reads each kind of record once, whatever the number of events."""
        partner = self.sri.with_user(self.user_regency)

        def count_queries():
            self.env.invalidate_all()
            partner._jmsc_timeline()  # warm the caches of translations and templates
            self.env.invalidate_all()
            start = self.cr.sql_log_count
            partner._jmsc_timeline()
            return self.cr.sql_log_count - start

        before = count_queries()
        countries = self.env["res.country"].search([], limit=50)
        self.env["jmsc.placement"].create(
            [
                {
                    "partner_id": self.sri.id,
                    "country_id": country.id,
                    "sector": "other",
                    "departure_date": datetime.date(2020, 1, 1) + datetime.timedelta(days=i),
                    "return_date": datetime.date(2020, 6, 1) + datetime.timedelta(days=i),
                }
                for i, country in enumerate(countries)
            ]
        )
        self.env["jmsc.consent"].create(
            [
                {"partner_id": self.sri.id, "date": datetime.date(2021, 1, 1) + datetime.timedelta(days=i)}
                for i in range(50)
            ]
        )
        History = self.env["jmsc.stage.history"]
        History.create(
            [
                {"partner_id": self.sri.id, "stage_to": "prospective", "date": datetime.datetime(2022, 1, 1, 1, 0)}
                for _i in range(100)
            ]
        )
        self.assertGreater(len(partner._jmsc_timeline()), 250)
        self.assertEqual(count_queries(), before)
        self.env.invalidate_all()
        with self.assertQueryCount(before):
            partner.with_user(self.user_regency)._jmsc_timeline()
        self.assertLessEqual(before, 15)

    def test_profile_pdf_has_timeline(self):
        Report = self.env["ir.actions.report"].with_user(self.user_regency)
        html = Report._render_qweb_html("jmsc_base.report_migrant_profile", self.sri.ids)[0].decode()
        self.assertIn("o_jmsc_profile_timeline", html)
        self.assertIn("Departed for placement", html)
        pdf, report_type = Report.with_context(force_report_rendering=True)._render_qweb_pdf(
            "jmsc_base.report_migrant_profile", self.sri.ids
        )
        self.assertEqual(report_type, "pdf")
        text = " ".join(" ".join(page.extract_text().split()) for page in PdfFileReader(io.BytesIO(pdf)).pages)
        self.assertIn("Timeline", text)
        self.assertIn("Departed for placement", text)
        self.assertIn("Formosa Care", text)


@tagged("post_install", "-at_install")
class TestTimelinePortal(HttpCase):
    def test_my_timeline_page(self):
        env = self.env(context=dict(self.env.context, tracking_disable=True))
        regency = env.ref("jmsc_base.regency_3212")
        Partner = env["res.partner"]
        sri = Partner.create(
            {
                "name": "Sri Portal",
                "is_migrant": True,
                "nik": make_nik(3, 4, 1996, serial=81, female=True),
                "regency_id": regency.id,
            }
        )
        other = Partner.create(
            {
                "name": "Other Portal",
                "is_migrant": True,
                "nik": make_nik(4, 4, 1996, serial=82),
                "regency_id": regency.id,
            }
        )
        for partner, employer in ((sri, "Own Employer Ltd"), (other, "Someone Else Ltd")):
            env["jmsc.placement"].create(
                {
                    "partner_id": partner.id,
                    "country_id": env.ref("base.tw").id,
                    "employer": employer,
                    "sector": "other",
                    "departure_date": datetime.date(2024, 1, 2),
                }
            )
        env["jmsc.consent"].create({"partner_id": sri.id, "purpose": "portal"})
        new_test_user(
            env,
            login="sri_my_timeline",
            password="sri_my_timeline",
            name="Sri Portal",
            groups="base.group_portal",
            partner_id=sri.id,
        )
        self.authenticate("sri_my_timeline", "sri_my_timeline")
        response = self.url_open("/my/timeline")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Own Employer Ltd", response.text)
        self.assertNotIn("Someone Else Ltd", response.text)
        self.assertNotIn("/odoo/", response.text.split("o_jmsc_portal_timeline", 1)[1])
        home = self.url_open("/my")
        self.assertIn("/my/timeline", home.text)
