from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase


class JmscBaseCommon(TransactionCase):
    """Users for every JMSC group, and two regencies to tell their data apart."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.regency_indramayu = cls.env.ref("jmsc_base.regency_3212")
        cls.regency_cirebon = cls.env.ref("jmsc_base.regency_3209")
        regencies = [(6, 0, cls.regency_indramayu.ids)]
        cls.user_jmsc = new_test_user(
            cls.env, login="jmsc_user", groups="jmsc_base.group_jmsc_user", jmsc_regency_ids=regencies
        )
        cls.user_regency = new_test_user(
            cls.env, login="jmsc_regency", groups="jmsc_base.group_jmsc_regency_officer", jmsc_regency_ids=regencies
        )
        cls.user_provincial = new_test_user(
            cls.env, login="jmsc_provincial", groups="jmsc_base.group_jmsc_provincial_officer"
        )
        cls.user_manager = new_test_user(cls.env, login="jmsc_manager", groups="jmsc_base.group_jmsc_manager")
        cls.user_admin = new_test_user(cls.env, login="jmsc_admin", groups="jmsc_base.group_jmsc_admin")
        cls.user_portal = new_test_user(cls.env, login="jmsc_portal", groups="base.group_portal")
