from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import JmscBaseCommon, make_nik


@tagged("post_install", "-at_install")
class TestNikDocument(JmscBaseCommon):
    """The NIK and KK are the numbers of the KTP and KK documents: one check, one stored value."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ktp = cls.env.ref("jmsc_base.doc_type_ktp")
        cls.kk = cls.env.ref("jmsc_base.doc_type_kk")
        cls.Document = cls.env["res.partner.id_number"]

    def _new_migrant(self, name="Sari"):
        return self.env["res.partner"].create(
            {"name": name, "is_migrant": True, "regency_id": self.regency_indramayu.id}
        )

    def _ktp(self, partner, number, user=None):
        return self.Document.with_user(user or self.env.user).create(
            {"partner_id": partner.id, "category_id": self.ktp.id, "name": number}
        )

    def _error(self, callable_):
        with self.assertRaises(ValidationError) as caught:
            callable_()
        return str(caught.exception)

    def test_form_and_document_give_the_same_stored_value(self):
        nik = make_nik(5, 6, 1995, female=True)
        spaced = f"{nik[:6]} {nik[6:12]} {nik[12:]}"
        # On the form.
        Partner = self.env["res.partner"].with_user(self.user_regency).with_context(default_is_migrant=True)
        with Form(Partner, view="jmsc_base.res_partner_view_form_migrant") as form:
            form.name = "Ani Form"
            form.nik = spaced
            form.regency_id = self.regency_indramayu
        by_form = form.record
        document = self.Document.search([("partner_id", "=", by_form.id), ("category_id", "=", self.ktp.id)])
        self.assertEqual(document.name, nik)
        self.assertEqual(by_form.nik, nik)
        # As a KTP document, with the same spaces.
        by_document = self._new_migrant("Ani Dokumen")
        self._ktp(
            by_document,
            make_nik(5, 6, 1995, female=True, serial=2)[:6] + " " + make_nik(5, 6, 1995, female=True, serial=2)[6:],
            user=self.user_regency,
        )
        self.assertEqual(by_document.nik, make_nik(5, 6, 1995, female=True, serial=2))
        # The NIK's gender and birth date follow either way.
        self.assertEqual((by_document.gender, by_document.birthdate_date), (by_form.gender, by_form.birthdate_date))
        # Entering the same KTP again completes the document; it does not add a second one.
        again = self._ktp(by_form, nik)
        self.assertEqual(again, document)
        self.assertEqual(len(by_form.id_numbers.filtered(lambda d: d.category_id == self.ktp)), 1)

    def test_same_validation_whichever_way(self):
        bad_niks = ["12345", "3212014506950000", "9912014506950001", "3212019906950001"]
        for bad in bad_niks:
            partner = self._new_migrant()
            form_error = self._error(lambda partner=partner, bad=bad: partner.write({"nik": bad}))
            document_error = self._error(lambda partner=partner, bad=bad: self._ktp(partner, bad))
            self.assertEqual(form_error, document_error, bad)
            self.assertIn(bad, document_error)
        # KK: the family card check runs on a KK document too.
        partner = self._new_migrant()
        kk_error = self._error(
            lambda: self.Document.create({"partner_id": partner.id, "category_id": self.kk.id, "name": "KK00001"})
        )
        self.assertEqual(kk_error, self._error(lambda: partner.write({"kk_number": "KK00001"})))
        self.Document.create({"partner_id": partner.id, "category_id": self.kk.id, "name": "3212010101100001"})
        self.assertEqual(partner.kk_number, "3212010101100001")

    def test_uniqueness_holds_both_ways(self):
        nik = make_nik(1, 2, 1990, serial=11)
        holder = self._create_migrant("Pemilik", nik)
        other = self._new_migrant("Lain")
        self.assertRegex(self._error(lambda: self._ktp(other, nik)), "already registered")
        holder_by_doc = self._new_migrant("Dokumen")
        nik2 = make_nik(1, 2, 1990, serial=12)
        self._ktp(holder_by_doc, nik2)
        self.assertRegex(self._error(lambda: other.write({"nik": nik2})), "already registered")
        # One KTP per person: a second, different number is refused.
        self.assertRegex(self._error(lambda: self._ktp(holder, make_nik(1, 2, 1990, serial=13))), "another .*KTP")

    def test_changing_or_clearing_the_nik_updates_the_document(self):
        nik = make_nik(1, 2, 1990, serial=21)
        migrant = self._create_migrant("Ganti", nik)
        document = migrant.id_numbers.filtered(lambda d: d.category_id == self.ktp)
        new_nik = make_nik(1, 2, 1990, serial=22)
        document.name = new_nik
        self.assertEqual(migrant.nik, new_nik)
        migrant.nik = make_nik(1, 2, 1990, serial=23)
        self.assertEqual(document.name, make_nik(1, 2, 1990, serial=23))
        migrant.nik = False
        self.assertFalse(document.active)
        self.assertFalse(migrant.nik)

    def test_ktp_documents_hidden_without_identity_group(self):
        contact = self.env["res.partner"].create({"name": "Kontak Biasa"})
        ktp = self._ktp(contact, make_nik(1, 2, 1990, serial=31))
        passport = self.Document.create(
            {"partner_id": contact.id, "category_id": self.env.ref("jmsc_base.doc_type_passport").id, "name": "P31"}
        )
        internal = new_test_user(self.env, login="plain_internal", groups="base.group_user")
        Document = self.Document.with_user(internal)
        self.assertEqual(Document.search([("partner_id", "=", contact.id)]), passport)
        with self.assertRaises(AccessError):
            ktp.with_user(internal).read(["name"])
        # An officer with the Identity group reads it (record rules permitting).
        self.assertIn(ktp, self.Document.with_user(self.user_provincial).search([("partner_id", "=", contact.id)]))
