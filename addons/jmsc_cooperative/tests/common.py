from odoo.addons.jmsc_base.tests.common import JmscBaseCommon
from odoo.tests import new_test_user


class CoopCommon(JmscBaseCommon):
    """Two cooperatives with their products, members and users of every group."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, lang="en_US"))
        coop_type = cls.env.ref("jmsc_base.agency_type_cooperative")
        Partner = cls.env["res.partner"]
        cls.coop_a = Partner.create(
            {"name": "Koperasi Test Indramayu", "is_company": True, "agency_type_id": coop_type.id}
        )
        cls.coop_b = Partner.create(
            {"name": "Koperasi Test Cirebon", "is_company": True, "agency_type_id": coop_type.id}
        )
        cls.today = cls.coop_a._coop_today()  # the ledger's day (the cooperative's time zone)
        Product = cls.env["jmsc.coop.product"]
        cls.pokok_a = Product.create(
            {
                "name": "Simpanan Pokok",
                "code": "SP",
                "cooperative_id": cls.coop_a.id,
                "kind": "pokok",
                "principal_amount": 100000,
            }
        )
        cls.wajib_a = Product.create(
            {
                "name": "Simpanan Wajib",
                "code": "SW",
                "cooperative_id": cls.coop_a.id,
                "kind": "wajib",
                "monthly_due": 50000,
            }
        )
        cls.sukarela_a = Product.create(
            {
                "name": "Simpanan Sukarela",
                "code": "SS",
                "cooperative_id": cls.coop_a.id,
                "kind": "sukarela",
                "allow_withdrawal": True,
                "allow_transfer": True,
                "allow_fee": True,
                "allow_shu": True,
            }
        )
        cls.sukarela_b = Product.create(
            {
                "name": "Simpanan Sukarela",
                "code": "SS",
                "cooperative_id": cls.coop_b.id,
                "kind": "sukarela",
                "allow_withdrawal": True,
                "allow_transfer": True,
                "allow_shu": True,
            }
        )
        regency = cls.regency_indramayu
        cls.person_1 = Partner.create(
            {"name": "Siti Test Aminah", "is_migrant": True, "nik": "3212014506958001", "regency_id": regency.id}
        )
        cls.person_2 = Partner.create(
            {"name": "Budi Test Santoso", "is_migrant": True, "nik": "3212011203908002", "regency_id": regency.id}
        )
        cls.person_3 = Partner.create(
            {"name": "Dewi Test Lestari", "is_migrant": True, "nik": "3212015708928003", "regency_id": regency.id}
        )
        Member = cls.env["jmsc.coop.member"]
        cls.member_1 = Member.create({"partner_id": cls.person_1.id, "cooperative_id": cls.coop_a.id})
        cls.member_2 = Member.create({"partner_id": cls.person_2.id, "cooperative_id": cls.coop_a.id})
        cls.member_3 = Member.create({"partner_id": cls.person_3.id, "cooperative_id": cls.coop_b.id})
        cls.member_portal = Member.create(
            {"partner_id": cls.user_portal.partner_id.id, "cooperative_id": cls.coop_a.id}
        )
        cls.staff_a = cls._coop_user("coop_staff_a")
        cls.manager_a = cls._coop_user("coop_manager_a", group="jmsc_cooperative.group_coop_manager")
        cls.staff_b = cls._coop_user("coop_staff_b", cooperative=cls.coop_b)
        cls.provincial, cls.jmsc_admin = cls.user_provincial, cls.user_admin

    @classmethod
    def _coop_user(cls, login, cooperative=None, group="jmsc_cooperative.group_coop_staff", **values):
        """A user of ``cooperative`` (A by default): a teller (staff), or another group of the cooperative;
        the password is the login."""
        return new_test_user(
            cls.env,
            login=login,
            password=login,
            groups=group,
            jmsc_agency_id=(cooperative or cls.coop_a).id,
            **values,
        )

    @classmethod
    def account(cls, member, code="SS"):
        return member.account_ids.filtered(lambda a: a.product_id.code == code)

    def post(self, account, transaction_type, amount, **kwargs):
        return account._post(transaction_type, amount, **kwargs)
