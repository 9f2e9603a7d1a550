from werkzeug.exceptions import NotFound

from odoo import http
from odoo.addons.jmsc_base.tools import public_token
from odoo.http import request
from odoo.tools import consteq

from ..models.jmsc_ltsa_site import LtsaQuotaReached

PRIORITY_VALUES = ("none", "elderly", "disabled", "pregnant")
RATE_WINDOW = 60  # seconds


class LtsaPublic(http.Controller):
    """Lobby board (read-only, board token) and kiosk (issues tickets, its own kiosk token) of a site."""

    def _public_lang(self):
        """Lobby screens and kiosks speak Indonesian whatever the browser asks for."""
        if request.env["res.lang"].sudo().search_count([("code", "=", "id_ID")]):
            request.update_context(lang="id_ID")

    def _site_by(self, field, token):
        if not public_token.plausible_token(token):
            raise NotFound()
        site = request.env["jmsc.ltsa.site"].sudo().search([(field, "=", token)], limit=1)
        if not site or not consteq(site[field], token):
            raise NotFound()
        self._public_lang()
        return site

    def _kiosk_site(self, token):
        """The site as the kiosk may use it: sudo for a public kiosk, the logged-in officer otherwise."""
        site = self._site_by("kiosk_token", token)
        if site.kiosk_mode == "public":
            return site, None
        if request.env.user._is_public():
            return None, request.redirect(f"/web/login?redirect=/jmsc/ltsa/{token}/kiosk")
        return site.with_user(request.env.user).sudo(False), None

    def _refuse(self, site, token, message, retry_after=RATE_WINDOW):
        return request.render(
            "jmsc_ltsa.ltsa_kiosk_refused_page",
            {"site_name": site.sudo().name, "message": message, "token": token},
            status=429,
            headers={"Retry-After": str(retry_after), "Cache-Control": "no-store", "X-Robots-Tag": "noindex"},
        )

    @http.route("/jmsc/ltsa/<string:token>/board", type="http", auth="public", methods=["GET"], sitemap=False)
    def board(self, token, **kw):
        site = self._site_by("board_token", token)
        return request.render(
            "jmsc_ltsa.ltsa_board_page",
            {"board": site._board_data(), "refresh": site.board_refresh_seconds},
            headers={"Cache-Control": "no-store", "X-Robots-Tag": "noindex"},
        )

    @http.route("/jmsc/ltsa/<string:token>/board.json", type="http", auth="public", methods=["GET"], sitemap=False)
    def board_json(self, token, **kw):
        site = self._site_by("board_token", token)
        return request.make_json_response(site._board_data(), headers={"Cache-Control": "no-store"})

    @http.route("/jmsc/ltsa/<string:token>/kiosk", type="http", auth="public", methods=["GET"], sitemap=False)
    def kiosk(self, token, **kw):
        site, redirect = self._kiosk_site(token)
        if redirect:
            return redirect
        site = site.sudo()
        return request.render(
            "jmsc_ltsa.ltsa_kiosk_page",
            {
                "site_name": site.name,
                "categories": site.desk_ids.filtered("active").category_ids.sorted(),
                "token": token,
                "now": site._local_now().strftime("%H:%M") + " " + site._local_now().tzname(),
            },
            headers={"Cache-Control": "no-store", "X-Robots-Tag": "noindex"},
        )

    @http.route("/jmsc/ltsa/<string:token>/kiosk/issue", type="http", auth="public", methods=["POST"], sitemap=False)
    def kiosk_issue(self, token, category_id=None, priority="none", **kw):
        site, redirect = self._kiosk_site(token)
        if redirect:
            return redirect
        if priority not in PRIORITY_VALUES or not (category_id or "").isdigit():
            raise NotFound()
        env = request.env
        config = site.sudo()
        limiter = env["jmsc.rate.limit"].sudo()
        client = request.httprequest.remote_addr or "unknown"
        if not limiter._jmsc_hit(f"ltsa.kiosk.client:{config.id}:{client}", config.kiosk_client_limit, RATE_WINDOW):
            return self._refuse(
                site,
                token,
                env._(
                    "Too many tickets were taken from this kiosk in a short time. Please wait a minute and try again."
                ),
            )
        if not limiter._jmsc_hit(f"ltsa.kiosk.site:{config.id}", config.kiosk_site_limit, RATE_WINDOW):
            return self._refuse(
                site,
                token,
                env._("The kiosks of this site are very busy. Please wait a minute and try again."),
            )
        try:
            ticket = site._kiosk_issue_ticket(int(category_id), priority=priority)
        except LtsaQuotaReached:
            return self._refuse(
                site,
                token,
                env._("Today's queue for this service is full. Please ask the officer at the information desk."),
                retry_after=3600,
            )
        return request.render(
            "jmsc_ltsa.ltsa_kiosk_ticket_page",
            {"site_name": config.name, "ticket": ticket, "token": token},
            headers={"Cache-Control": "no-store", "X-Robots-Tag": "noindex"},
        )

    @http.route(
        "/jmsc/ltsa/<string:token>/kiosk/receipt/<int:ticket_id>/<string:access_token>",
        type="http",
        auth="public",
        methods=["GET"],
        sitemap=False,
    )
    def kiosk_receipt(self, token, ticket_id, access_token, **kw):
        site = self._site_by("kiosk_token", token)
        ticket = request.env["jmsc.ltsa.ticket"].sudo().browse(ticket_id).exists()
        if (
            not ticket
            or ticket.site_id != site
            or not public_token.plausible_token(access_token)
            or not consteq(ticket.access_token, access_token)
        ):
            raise NotFound()
        pdf, _type = (
            request.env["ir.actions.report"]
            .sudo()
            ._render_qweb_pdf("jmsc_ltsa.action_report_ticket_receipt", ticket.ids)
        )
        return request.make_response(
            pdf,
            headers=[
                ("Content-Type", "application/pdf"),
                ("Content-Length", len(pdf)),
                ("Content-Disposition", f'inline; filename="ticket-{ticket.name}.pdf"'),
            ],
        )
