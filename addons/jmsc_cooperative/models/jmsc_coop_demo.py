import random

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.addons.jmsc_base.tools.office_day import office_today

FIRST_NAMES_F = ["Siti", "Dewi", "Ani", "Yuli", "Rina", "Eka", "Nur", "Wati", "Lina", "Sri", "Tuti", "Ida", "Euis"]
FIRST_NAMES_M = ["Budi", "Agus", "Dedi", "Asep", "Ujang", "Rudi", "Joko", "Iwan", "Dadang", "Cecep", "Yayan"]
LAST_NAMES = ["Rahayu", "Lestari", "Santoso", "Hidayat", "Kurniawan", "Setiawan", "Suryani", "Permana", "Saputra"]
REGENCIES = [("3212", "jmsc_base.regency_3212"), ("3209", "jmsc_base.regency_3209")]
SOURCE_COUNTRIES = ["base.tw", "base.hk", "base.sa", "base.my", "base.sg", "base.kr", "base.jp"]


class JmscCoopMember(models.Model):
    _inherit = "jmsc.coop.member"

    @api.model
    def _demo_populate(self, cooperative_ids):
        """Demo only: 25 members per cooperative and a year of postings through the posting service."""
        rng = random.Random(8)
        today = office_today(self)
        start = (today - relativedelta(months=12)).replace(day=1)
        Partner, Account = self.env["res.partner"], self.env["jmsc.coop.account"]
        serial = 8000
        for coop_index, cooperative in enumerate(self.env["res.partner"].browse(cooperative_ids)):
            code, regency_xmlid = REGENCIES[coop_index % 2]
            partner_vals = []
            for _i in range(25):
                serial += 1
                female = rng.random() < 0.6
                birth = fields.Date.to_date(
                    f"{rng.randint(1975, 2002)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                )
                day = birth.day + (40 if female else 0)
                first = rng.choice(FIRST_NAMES_F if female else FIRST_NAMES_M)
                stage = rng.choice(["abroad", "abroad", "returned"])
                # a separate generator, so the postings below stay as they were
                country = self.env.ref(random.Random(serial).choice(SOURCE_COUNTRIES))
                partner_vals.append(
                    {
                        "name": f"{first} {rng.choice(LAST_NAMES)}",
                        "is_migrant": True,
                        "nik": f"{code}01{day:02d}{birth:%m%y}{serial:04d}",
                        "regency_id": self.env.ref(regency_xmlid).id,
                        "migration_stage": stage,
                        "current_country_id": country.id if stage == "abroad" else False,
                    }
                )
            partners = Partner.create(partner_vals)
            members = self.create(
                [
                    {
                        "partner_id": partner.id,
                        "cooperative_id": cooperative.id,
                        "join_date": start + relativedelta(days=rng.randint(0, 60)),
                    }
                    for partner in partners
                ]
            )
            self._demo_post_year(members, start, today, rng)
            # close every month but the last two
            month = start
            while month < (today - relativedelta(months=2)).replace(day=1):
                self.env["jmsc.coop.period"].create({"cooperative_id": cooperative.id, "month": month})
                month += relativedelta(months=1)
            self.env["jmsc.coop.due"]._generate_dues()
            sukarela = Account.search([("cooperative_id", "=", cooperative.id), ("kind", "=", "sukarela")])
            self.env["jmsc.coop.shu.run"]._distribute(
                cooperative, start.year, 5000000 * (coop_index + 1), "average_balance", sukarela.product_id[:1]
            )

    @api.model
    def _demo_post_year(self, members, start, today, rng):
        countries = [self.env.ref(xmlid).id for xmlid in SOURCE_COUNTRIES]
        by_code = {member: {a.product_id.code: a for a in member.account_ids} for member in members}
        to_reverse = []
        for member in members:
            pokok = by_code[member]["SP"]
            pokok._post("deposit", pokok.product_id.principal_amount, value_date=member.join_date, reference="Pokok")
        month = start
        while month <= today:
            for member in members.filtered(lambda m, month=month: m.join_date <= month + relativedelta(months=1)):
                value_date = min(max(month + relativedelta(days=rng.randint(0, 27)), member.join_date), today)
                accounts = by_code[member]
                if rng.random() < 0.8:
                    wajib = accounts["SW"]
                    wajib._post("deposit", wajib.product_id.monthly_due, value_date=value_date, reference="Wajib")
                sukarela = accounts["SS"]
                if rng.random() < 0.7:
                    transaction = sukarela._post(
                        "deposit",
                        rng.randint(5, 60) * 50000,
                        value_date=value_date,
                        channel="remittance",
                        source_country_id=rng.choice(countries),
                        reference="Remitansi",
                    )
                    if rng.random() < 0.05:
                        to_reverse.append(transaction)
                if rng.random() < 0.3 and sukarela.available_balance > 200000:
                    sukarela._post("withdrawal", rng.randint(1, 4) * 50000, value_date=value_date, channel="cash")
            month += relativedelta(months=1)
        for transaction in to_reverse:
            if transaction.account_id.available_balance >= transaction.amount:
                transaction.account_id._post_reversal(transaction)
        first, second = members[0], members[1]
        if by_code[first]["SS"].available_balance > 100000:
            by_code[first]["SS"]._post("transfer", 100000, counterpart=by_code[second]["SS"], reference="Transfer")
