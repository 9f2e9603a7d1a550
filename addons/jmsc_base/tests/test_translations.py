"""Bahasa Indonesia everywhere an officer looks, across every installed JMSC module.

The test reads the screens the way the web client gets them, once in English and once in
id_ID, and lists every menu, view text, field label, selection value and stage name of a JMSC
screen that is still identical to its English source, grouped by the module that owns it.
"""

import re
from collections import defaultdict
from pathlib import Path

from lxml import etree

from odoo.modules.module import get_module_path
from odoo.tests import HttpCase, new_test_user, tagged

LANG = "id_ID"
# Words that are written the same in English and in Bahasa Indonesia (or are names).
ALLOWED = {
    "Administrator",
    "Bank",
    "Calon PMI",
    "Diploma (D1-D4)",
    "Email",
    "Excel",
    "Teller",
    "Transfer",
    "Unit",
    "Hindu",
    "ID",
    "Islam",
    "JMSC",
    "Purna PMI",
    "Status",
    "Total",
    "WhatsApp",
    "Website",
    "BPJS Ketenagakerjaan",
    "Video",
    "Portal",
    "Manual",
    "Normal",
    "Online",
    "Offline",
    "Login",
    # Indonesian words used as they are in the English source.
    "Kantong PMI",
    "Kantong PMI (XLSX)",
    "Kecamatan",
    "Desa/Kelurahan",
}
TEXT_ATTRIBUTES = ("string", "help", "placeholder", "confirm", "title", "aria-label")
VIEW_TYPES = ("list", "form", "kanban", "search")
STATIC_TRUE = {"1", "True", "true"}
JS_TERM = re.compile(r"""_t\(\s*(?P<q>["'`])(?P<term>(?:\\.|(?!(?P=q)).)+)(?P=q)""")


def _needs_translation(text):
    text = " ".join((text or "").split())
    if not text or text in ALLOWED or "{{" in text:
        return None
    words = re.findall(r"[A-Za-z][A-Za-z']+", text)
    # Acronyms (NIK, KK, LTSA) and numbers are written the same in both languages.
    if not any(word.lower() != word.upper() and not word.isupper() for word in words):
        return None
    return text


@tagged("post_install", "-at_install")
class TestTranslations(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.jmsc_modules = (
            cls.env["ir.module.module"]
            .search([("name", "=like", "jmsc\\_%"), ("state", "=", "installed")])
            .mapped("name")
        )
        cls.offenders = defaultdict(set)

    # ------------------------------------------------------------------ helpers
    def _module_of(self, record):
        xmlid = record.get_external_id().get(record.id) or ""
        return xmlid.split(".")[0] if xmlid else "?"

    def _is_jmsc(self, record):
        return self._module_of(record).startswith("jmsc_")

    def _report(self, module, kind, text, where):
        self.offenders[module].add(f"{kind}: {text!r} ({where})")

    def _view_module_for_text(self, model, text, default):
        """The module of the view (or inheriting view) whose English arch carries the text."""
        views = self.env["ir.ui.view"].with_context(lang="en_US").search([("model", "=", model)])
        for view in views:
            arch = " ".join((view.arch_db or "").split())
            if f'"{text}"' in arch or f">{text}<" in arch or f"> {text} <" in arch:
                return self._module_of(view)
        return default

    def _jmsc_menus(self):
        Menu = self.env["ir.ui.menu"].with_context(active_test=False)
        data = self.env["ir.model.data"].search([("model", "=", "ir.ui.menu"), ("module", "=like", "jmsc\\_%")])
        menus = Menu.browse(data.mapped("res_id"))
        roots = menus.filtered(lambda m: not m.parent_id)
        if roots:
            menus |= Menu.search([("id", "child_of", roots.ids)])
        return menus

    def _jmsc_actions(self):
        actions = self.env["ir.actions.act_window"]
        for menu in self._jmsc_menus():
            if menu.action and menu.action._name == "ir.actions.act_window":
                actions |= menu.action
        data = self.env["ir.model.data"].search(
            [("model", "=", "ir.actions.act_window"), ("module", "=like", "jmsc\\_%")]
        )
        return actions | self.env["ir.actions.act_window"].browse(data.mapped("res_id"))

    def _views_to_check(self):
        """(model, view id or False, view type): the screens of the JMSC actions and the JMSC primary views."""
        targets = set()
        for action in self._jmsc_actions():
            if action.res_model not in self.env:
                continue
            by_type = {view_type: view_id for view_id, view_type in action.views}
            for view_type in action.view_mode.split(","):
                if view_type in VIEW_TYPES:
                    targets.add((action.res_model, by_type.get(view_type) or False, view_type))
            targets.add((action.res_model, action.search_view_id.id or False, "search"))
        data = self.env["ir.model.data"].search([("model", "=", "ir.ui.view"), ("module", "=like", "jmsc\\_%")])
        for view in self.env["ir.ui.view"].browse(data.mapped("res_id")):
            if view.mode == "primary" and view.type in VIEW_TYPES and view.model in self.env:
                targets.add((view.model, view.id, view.type))
        return targets

    # ------------------------------------------------------------------ checks
    def _check_menus(self):
        for menu in self._jmsc_menus():
            english = menu.with_context(lang="en_US").name
            if _needs_translation(english) and menu.with_context(lang=LANG).name == english:
                self._report(self._module_of(menu), "menu", english, menu.complete_name)

    @staticmethod
    def _fields_of(result, model):
        description = result["models"].get(model, {})
        return description.get("fields", description)

    def _check_view(self, model, view_id, view_type):
        en = self.env[model].with_context(lang="en_US").get_views([(view_id, view_type)])
        loc = self.env[model].with_context(lang=LANG).get_views([(view_id, view_type)])
        arch_en = etree.fromstring(en["views"][view_type]["arch"])
        arch_loc = etree.fromstring(loc["views"][view_type]["arch"])
        xml_id = self.env["ir.ui.view"].browse(en["views"][view_type]["id"]).xml_id
        where = f"{xml_id or 'default view of ' + model} [{view_type}]"
        default_module = xml_id.split(".")[0] if xml_id else self.env[model]._original_module
        self._walk(en, loc, model, arch_en, arch_loc, where, default_module)

    def _walk(self, en, loc, model, node_en, node_loc, where, default_module):
        if node_en.get("groups") and "base.group_no_one" in node_en.get("groups"):
            return
        hidden = node_en.get("invisible") in STATIC_TRUE or node_en.get("column_invisible") in STATIC_TRUE
        if not hidden:
            self._check_node_texts(model, node_en, node_loc, where, default_module)
        sub_model = model
        if node_en.tag == "field" and node_en.get("name"):
            sub_model = self._check_field(en, loc, model, node_en, hidden, where, default_module)
        for child_en, child_loc in zip(node_en, node_loc, strict=False):
            if isinstance(child_en.tag, str):
                # The fields of an inline sub-view (list, form, kanban) belong to the related model.
                child_model = sub_model if child_en.tag in VIEW_TYPES and node_en.tag == "field" else model
                self._walk(en, loc, child_model, child_en, child_loc, where, default_module)

    def _check_node_texts(self, model, node_en, node_loc, where, default_module):
        # The string of a root view node is not shown by the Odoo 18 web client.
        for attribute in TEXT_ATTRIBUTES if node_en.getparent() is not None else ():
            text = _needs_translation(node_en.get(attribute))
            if text and " ".join((node_loc.get(attribute) or "").split()) == text:
                module = self._view_module_for_text(model, text, default_module)
                self._report(module, f"view {attribute}", text, where)
        for text_en, text_loc in ((node_en.text, node_loc.text), (node_en.tail, node_loc.tail)):
            text = _needs_translation(text_en)
            if text and " ".join((text_loc or "").split()) == text:
                module = self._view_module_for_text(model, text, default_module)
                self._report(module, "view text", text, where)

    def _check_field(self, en, loc, model, node, hidden, where, default_module):
        """Label and selection values of a field shown in a view; returns the related model."""
        fname = node.get("name")
        desc_en = self._fields_of(en, model).get(fname, {})
        desc_loc = self._fields_of(loc, model).get(fname, {})
        field = self.env[model]._fields.get(fname)
        module = (field._module if field is not None else None) or default_module
        if not hidden and not node.get("string") and desc_en.get("string"):
            text = _needs_translation(desc_en["string"])
            if text and desc_loc.get("string") == text:
                self._report(module, "field label", f"{model}.{fname}: {text}", where)
        if not hidden and desc_en.get("type") == "selection":
            labels_loc = dict(desc_loc.get("selection") or [])
            for value, label in desc_en.get("selection") or []:
                # A label equal to its key is a code (time zones, ISO codes), not a word.
                text = _needs_translation(label) if label != value else None
                if text and labels_loc.get(value) == text:
                    self._report(module, "selection", f"{model}.{fname}={value}: {text}", where)
        if fname == "stage_id" and desc_en.get("relation"):
            self._check_stages(desc_en["relation"])
        return desc_en.get("relation") or model

    def _check_stages(self, stage_model):
        if stage_model in self._checked_stage_models or "name" not in self.env[stage_model]._fields:
            return
        self._checked_stage_models.add(stage_model)
        for stage in self.env[stage_model].with_context(active_test=False).search([]):
            english = stage.with_context(lang="en_US").name
            text = _needs_translation(english)
            if text and stage.with_context(lang=LANG).name == text:
                self._report(self._module_of(stage), "stage", text, stage_model)

    def _check_web_client_terms(self):
        """The JS terms of the JMSC modules, as /web/webclient/translations serves them for id_ID."""
        user = new_test_user(self.env, login="jmsc_translation_reader", lang=LANG)
        self.authenticate(user.login, user.login)
        response = self.url_open(f"/web/webclient/translations/jmsc?lang={LANG}&mods={','.join(self.jmsc_modules)}")
        self.assertEqual(response.status_code, 200)
        payload = response.json()
        self.assertEqual(payload["lang"], LANG)
        for module in self.jmsc_modules:
            messages = {m["id"]: m["string"] for m in payload["modules"].get(module, {}).get("messages", [])}
            static = Path(get_module_path(module)) / "static" / "src"
            if not static.is_dir():
                continue
            for path in sorted(static.rglob("*.js")):
                for match in JS_TERM.finditer(path.read_text(encoding="utf-8")):
                    text = _needs_translation(match.group("term"))
                    if text and messages.get(match.group("term"), text) == text:
                        self._report(module, "web client term", text, str(path.relative_to(static.parent.parent)))

    def test_jmsc_screens_are_in_indonesian(self):
        self.assertIn(LANG, dict(self.env["res.lang"].get_installed()), "id_ID must be installed for this test")
        self._checked_stage_models = set()
        self._check_menus()
        for model, view_id, view_type in sorted(self._views_to_check(), key=str):
            self._check_view(model, view_id, view_type)
        self._check_web_client_terms()
        report = "\n".join(
            f"{module}: {len(items)} untranslated\n  " + "\n  ".join(sorted(items))
            for module, items in sorted(self.offenders.items())
        )
        self.assertFalse(self.offenders, f"English left on JMSC screens in {LANG}:\n{report}")

    def test_upstream_terms_are_overridden(self):
        """jmsc_base's id.po corrects upstream translations, and they load over base's own."""
        country = self.env.ref("base.sr").with_context(lang=LANG)
        self.assertEqual(country.name, "Suriname")
        names = {
            xmlid: self.env.ref(xmlid).with_context(lang=LANG).name
            for xmlid in ("base.jp", "base.sa", "base.kr", "base.sg", "base.ae", "base.tr", "base.pl", "base.bn")
        }
        self.assertEqual(
            names,
            {
                "base.jp": "Jepang",
                "base.sa": "Arab Saudi",
                "base.kr": "Korea Selatan",
                "base.sg": "Singapura",
                "base.ae": "Uni Emirat Arab",
                "base.tr": "Turki",
                "base.pl": "Polandia",
                "base.bn": "Brunei",
            },
        )
        fields = (
            self.env["res.partner.id_number"].with_context(lang=LANG).fields_get(["partner_issued_id", "valid_from"])
        )
        self.assertEqual(fields["partner_issued_id"]["string"], "Diterbitkan oleh")
        self.assertEqual(fields["valid_from"]["string"], "Berlaku dari")
        self.assertEqual(
            self.env["res.partner"].with_context(lang=LANG).fields_get(["id_numbers"])["id_numbers"]["string"],
            "Nomor Identitas",
        )

    def test_anonymous_login_page_is_indonesian(self):
        self.authenticate(None, None)
        response = self.url_open("/web/login", headers={"Accept-Language": "en-US,en;q=0.9"})
        self.assertEqual(response.status_code, 200)
        button = re.search(r'<button type="submit"[^>]*>([^<]*)<', response.text)
        self.assertTrue(button, f"the login page has a submit button: {response.url} {response.text[:3000]}")
        self.assertIn("masuk", button.group(1).lower(), f"the login button reads {button.group(1)!r}")
        self.assertNotIn(">Log in<", response.text)
        self.assertNotIn("YourCompany", response.text)

    def test_anonymous_visitor_reads_masuk_not_sign_in(self):
        """The header of the public pages: upstream's Indonesian leaves "Sign in" in English."""
        self.authenticate(None, None)
        response = self.url_open("/my/no-such-page", headers={"Accept-Language": "en-US,en;q=0.9"})
        self.assertEqual(response.status_code, 404)
        link = re.search(r'<a href="/web/login"[^>]*>([^<]*)<', response.text)
        self.assertTrue(link, f"the page has a sign-in link: {response.text[:3000]}")
        self.assertEqual(link.group(1).strip(), "Masuk")
        self.assertNotIn("Sign in", response.text)
