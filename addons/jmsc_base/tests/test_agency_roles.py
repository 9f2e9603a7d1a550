from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import JmscBaseCommon


@tagged("post_install", "-at_install")
class TestAgencyRoles(JmscBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bp3mi_type = cls.env["jmsc.agency.type"].create({"name": "Test BP3MI", "code": "test_bp3mi"})
        cls.p3mi_type = cls.env.ref("jmsc_base.agency_type_p3mi")
        cls.bp3mi = cls.env["res.partner"].create(
            {"name": "BP3MI Jawa Barat", "is_company": True, "agency_type_id": cls.bp3mi_type.id}
        )
        cls.p3mi = cls.env["res.partner"].create(
            {"name": "PT Sumber Rejeki", "is_company": True, "agency_type_id": cls.p3mi_type.id}
        )
        cls.staff = new_test_user(cls.env, login="bp3mi_staff", groups="base.group_user", jmsc_agency_id=cls.bp3mi.id)
        cls.p3mi_staff = new_test_user(
            cls.env, login="p3mi_staff", groups="base.group_user", jmsc_agency_id=cls.p3mi.id
        )
        cls.group_user = cls.env.ref("jmsc_base.group_jmsc_user")
        cls.group_provincial = cls.env.ref("jmsc_base.group_jmsc_provincial_officer")

    def test_apply_grants_and_revokes(self):
        self.assertEqual(self.bp3mi_type.user_count, 1)
        self.assertEqual(self.bp3mi_type.agency_count, 1)
        self.bp3mi_type.group_ids = self.group_provincial
        self.assertTrue(self.bp3mi_type.needs_apply)
        self.bp3mi_type.with_user(self.user_admin).action_apply_to_users()
        self.assertTrue(self.staff.has_group("jmsc_base.group_jmsc_provincial_officer"))
        self.assertFalse(self.p3mi_staff.has_group("jmsc_base.group_jmsc_user"))
        self.assertFalse(self.bp3mi_type.needs_apply)
        # The type now grants only read access: the officer roles are taken back.
        self.bp3mi_type.group_ids = self.group_user
        self.bp3mi_type.with_user(self.user_admin).action_apply_to_users()
        self.staff.invalidate_recordset(["groups_id"])
        self.assertTrue(self.staff.has_group("jmsc_base.group_jmsc_user"))
        self.assertFalse(self.staff.has_group("jmsc_base.group_jmsc_provincial_officer"))
        self.assertFalse(self.staff.has_group("jmsc_base.group_jmsc_regency_officer"))
        self.assertTrue(self.staff.has_group("base.group_user"))
        self.assertEqual(self.bp3mi_type.applied_group_ids, self.group_user)

    def test_only_admins_apply(self):
        self.bp3mi_type.group_ids = self.group_provincial
        for user in (self.user_jmsc, self.user_regency, self.user_provincial, self.user_manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.bp3mi_type.with_user(user).action_apply_to_users()
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.bp3mi_type.with_user(user).write({"group_ids": [(5, 0, 0)]})
        self.assertFalse(self.staff.has_group("jmsc_base.group_jmsc_user"))

    def test_technical_groups_cannot_be_granted(self):
        with self.assertRaisesText(ValidationError, "Test BP3MI"):
            self.bp3mi_type.group_ids = self.env.ref("base.group_system")

    def test_admin_form(self):
        form = Form(self.bp3mi_type.with_user(self.user_admin))
        form.group_ids.add(self.group_provincial)
        agency_type = form.save()
        self.assertTrue(agency_type.needs_apply)
        action = agency_type.action_apply_to_users()
        self.assertEqual(action["params"]["type"], "success")
        self.assertTrue(self.staff.has_group("jmsc_base.group_jmsc_provincial_officer"))
