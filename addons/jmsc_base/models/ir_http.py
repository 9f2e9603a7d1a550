from odoo import SUPERUSER_ID, models
from odoo.http import request

VISITOR_LANG = "id_ID"


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _pre_dispatch(cls, rule, args):
        """Anonymous visitors (login page, public forms) read Bahasa Indonesia.

        Odoo picks an anonymous visitor's language from the browser (Accept-Language), so most
        visitors get English. JMSC serves Indonesian migrants: a visitor gets Indonesian when it
        is installed, unless they chose a language themselves (``frontend_lang`` cookie).
        """
        super()._pre_dispatch(rule, args)
        if request.session.uid or request.cookies.get("frontend_lang"):
            return
        # Same environment as base's _pre_dispatch: the list of installed languages is public.
        env = request.env if request.env.uid else request.env["base"].with_user(SUPERUSER_ID).env
        if VISITOR_LANG in dict(env["res.lang"].get_installed()):
            request.update_context(lang=VISITOR_LANG)
