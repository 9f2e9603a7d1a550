from odoo import Command
from odoo.addons.jmsc_base.tests.common import JmscBaseCommon
from odoo.tests import new_test_user


class JmscHelpdeskCommon(JmscBaseCommon):
    """Users for every call-centre and JMSC role, a working calendar with a holiday, case types and migrants."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Messages are checked in English, whatever languages the database has.
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, lang="en_US"))
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "Test call centre hours",
                "tz": "Asia/Jakarta",
                "attendance_ids": [Command.clear()]
                + [
                    Command.create(
                        {
                            "name": f"Day {day}",
                            "dayofweek": str(day),
                            "hour_from": start,
                            "hour_to": end,
                            "day_period": period,
                        }
                    )
                    for day in range(5)
                    for start, end, period in ((8.0, 12.0, "morning"), (13.0, 17.0, "afternoon"))
                ],
            }
        )
        # Independence Day, Monday 17 August 2026 (WIB = UTC+7).
        cls.env["resource.calendar.leaves"].create(
            {
                "name": "Independence Day",
                "calendar_id": cls.calendar.id,
                "date_from": "2026-08-16 17:00:00",
                "date_to": "2026-08-17 16:59:59",
            }
        )
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {"name": "Test hotline team", "jmsc_calendar_id": cls.calendar.id}
        )
        cls.category_wages = cls.env["helpdesk.ticket.category"].create(
            {
                "name": "Test unpaid wages",
                "jmsc_default_priority": "1",
                "jmsc_default_team_id": cls.team.id,
                "jmsc_response_hours": 4.0,
                "jmsc_resolution_hours": 16.0,
                "jmsc_sla_ids": [Command.create({"priority": "3", "response_hours": 1.0, "resolution_hours": 8.0})],
            }
        )
        cls.category_tppo = cls.env["helpdesk.ticket.category"].create(
            {
                "name": "Test trafficking",
                "jmsc_default_priority": "3",
                "jmsc_default_team_id": cls.team.id,
                "jmsc_is_sensitive": True,
                "jmsc_response_hours": 1.0,
                "jmsc_resolution_hours": 16.0,
            }
        )
        cls.stage_new = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
        cls.stage_progress = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress")
        cls.stage_waiting = cls.env.ref("jmsc_helpdesk.stage_waiting_caller")
        cls.stage_done = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        cls.user_agent = new_test_user(cls.env, login="hd_agent", groups="jmsc_helpdesk.group_jmsc_helpdesk_agent")
        cls.user_agent2 = new_test_user(cls.env, login="hd_agent2", groups="jmsc_helpdesk.group_jmsc_helpdesk_agent")
        cls.user_case_manager = new_test_user(
            cls.env, login="hd_case_manager", groups="jmsc_helpdesk.group_jmsc_helpdesk_case_manager"
        )
        cls.user_supervisor = new_test_user(
            cls.env, login="hd_supervisor", groups="jmsc_helpdesk.group_jmsc_helpdesk_supervisor"
        )
        cls.team.write({"user_ids": [Command.set((cls.user_agent | cls.user_agent2 | cls.user_case_manager).ids)]})
        cls.team.user_id = cls.user_supervisor
        cls.migrant_indramayu = cls._create_migrant(
            "Siti Test Aminah",
            "3212014506955001",
            mobile="+62 812-3456-7890",
            current_country_id=cls.env.ref("base.tw").id,
        )
        cls.migrant_cirebon = cls._create_migrant(
            "Budi Test Santoso", "3209011203905002", cls.regency_cirebon, current_country_id=cls.env.ref("base.my").id
        )
        agency_type_bp3mi = cls.bp3mi_type = cls.env.ref("jmsc_base.agency_type_bp3mi")
        cls.agency_bp3mi = cls.env["res.partner"].create(
            {"name": "BP3MI Jawa Barat (test)", "is_company": True, "agency_type_id": agency_type_bp3mi.id}
        )

    @classmethod
    def _case(cls, **vals):
        values = {
            "name": "Wages unpaid for three months",
            "description": "<p>The employer has not paid.</p>",
            "category_id": cls.category_wages.id,
            "jmsc_migrant_id": cls.migrant_indramayu.id,
        }
        values.update(vals)
        return cls.env["helpdesk.ticket"].create(values)
