from odoo.addons.jmsc_base.tests.common import JmscBaseCommon
from odoo.tests import new_test_user


class LtsaCommon(JmscBaseCommon):
    """Two sites with their own desks, officers and supervisors, a catalogue and migrants."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        env = cls.env
        cls.calendar = env["resource.calendar"].create(
            {
                "name": "Test LTSA hours",
                "tz": "Asia/Jakarta",
                "hours_per_day": 8,
                "attendance_ids": [
                    (0, 0, {"name": f"Day {day}", "dayofweek": str(day), "hour_from": 8, "hour_to": 16})
                    for day in range(5)
                ],
            }
        )
        cls.cat_a = env["jmsc.ltsa.category"].create({"name": "Test registration", "prefix": "TA", "sequence": 1})
        cls.cat_b = env["jmsc.ltsa.category"].create({"name": "Test police", "prefix": "TB", "sequence": 2})
        cls.doc_ktp = env.ref("jmsc_base.doc_type_ktp")
        cls.doc_kk = env.ref("jmsc_base.doc_type_kk")
        cls.doc_skck = env.ref("jmsc_base.doc_type_skck")
        cls.service_ak1 = env["jmsc.ltsa.service"].create(
            {
                "name": "Test AK1",
                "code": "T_AK1",
                "desk_type": "manpower",
                "category_id": cls.cat_a.id,
                "required_doc_type_ids": [(6, 0, cls.doc_ktp.ids)],
                "sla_minutes": 60,
                "completion_days": 1,
            }
        )
        cls.service_skck = env["jmsc.ltsa.service"].create(
            {
                "name": "Test SKCK",
                "code": "T_SKCK",
                "desk_type": "police",
                "category_id": cls.cat_b.id,
                "required_doc_type_ids": [(6, 0, (cls.doc_ktp | cls.doc_kk).ids)],
                "output_doc_type_id": cls.doc_skck.id,
                "output_validity_days": 180,
                "sla_minutes": 120,
                "completion_days": 2,
            }
        )
        groups_officer = "jmsc_ltsa.group_ltsa_officer"
        cls.officer = new_test_user(
            env, login="ltsa_t_officer", groups=groups_officer, jmsc_regency_ids=[(6, 0, cls.regency_indramayu.ids)]
        )
        cls.officer_2 = new_test_user(env, login="ltsa_t_officer2", groups=groups_officer)
        cls.officer_cirebon = new_test_user(env, login="ltsa_t_officer_crb", groups=groups_officer)
        cls.supervisor = new_test_user(env, login="ltsa_t_supervisor", groups="jmsc_ltsa.group_ltsa_supervisor")
        cls.supervisor_cirebon = new_test_user(
            env, login="ltsa_t_supervisor_crb", groups="jmsc_ltsa.group_ltsa_supervisor"
        )
        cls.provincial, cls.jmsc_user = cls.user_provincial, cls.user_jmsc
        cls.site = env["jmsc.ltsa.site"].create(
            {
                "name": "Test LTSA Indramayu",
                "regency_id": cls.regency_indramayu.id,
                "calendar_id": cls.calendar.id,
                "supervisor_id": cls.supervisor.id,
                "no_show_calls": 2,
            }
        )
        cls.site_cirebon = env["jmsc.ltsa.site"].create(
            {
                "name": "Test LTSA Cirebon",
                "regency_id": cls.regency_cirebon.id,
                "calendar_id": cls.calendar.id,
                "supervisor_id": cls.supervisor_cirebon.id,
                "kiosk_mode": "public",
            }
        )
        # Indramayu: desk 1 (manpower) serves queue A, desk 2 (police) both queues; Cirebon: one desk for both.
        cls.desk_1, cls.desk_2, cls.desk_cirebon = env["jmsc.ltsa.desk"].create(
            [
                {
                    "name": name,
                    "site_id": site.id,
                    "desk_type": desk_type,
                    "category_ids": [(6, 0, categories.ids)],
                    "user_ids": [(6, 0, officer.ids)],
                }
                for name, site, desk_type, categories, officer in (
                    ("T Desk 1", cls.site, "manpower", cls.cat_a, cls.officer),
                    ("T Desk 2", cls.site, "police", cls.cat_a | cls.cat_b, cls.officer_2),
                    ("T Desk Cirebon", cls.site_cirebon, "manpower", cls.cat_a | cls.cat_b, cls.officer_cirebon),
                )
            ]
        )
        Partner = env["res.partner"]
        cls.migrant = Partner.create(
            {
                "name": "Sari Test Migrant",
                "is_migrant": True,
                "nik": "3212014506956101",
                "regency_id": cls.regency_indramayu.id,
            }
        )
        cls.migrant_cirebon = Partner.create(
            {
                "name": "Bayu Test Migrant",
                "is_migrant": True,
                "nik": "3209011203906102",
                "regency_id": cls.regency_cirebon.id,
            }
        )
        env["res.partner.id_number"].create(
            [
                {"partner_id": cls.migrant.id, "category_id": cls.doc_ktp.id, "name": "3212014506956101"},
                {"partner_id": cls.migrant_cirebon.id, "category_id": cls.doc_ktp.id, "name": "3209011203906102"},
            ]
        )

    @classmethod
    def _request(cls, partner, site, services, priority="none"):
        return cls.env["jmsc.ltsa.request"].create(
            {
                "partner_id": partner.id,
                "site_id": site.id,
                "priority": priority,
                "step_ids": [(0, 0, {"service_id": s.id, "sequence": i}) for i, s in enumerate(services)],
            }
        )
