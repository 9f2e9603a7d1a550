from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request
from odoo.tools import consteq


class LtsaPublic(http.Controller):
    """Lobby board and kiosk of a site, found by the site's unguessable board token."""

    def _site(self, token):
        site = request.env["jmsc.ltsa.site"].sudo().search([("board_token", "=", token)], limit=1)
        if not site or not token:
            raise NotFound()
        return site

    def _kiosk_site(self, token):
        """The site as the kiosk may use it: sudo for a public kiosk, the logged-in officer otherwise."""
        site = self._site(token)
        if site.kiosk_mode == "public":
            return site, None
        if request.env.user._is_public():
            return None, request.redirect(f"/web/login?redirect=/jmsc/ltsa/{token}/kiosk")
        return site.with_user(request.env.user).sudo(False), None

    @http.route("/jmsc/ltsa/<string:token>/board", type="http", auth="public", methods=["GET"], sitemap=False)
    def board(self, token, **kw):
        site = self._site(token)
        return request.render(
            "jmsc_ltsa.ltsa_board_page",
            {"board": site._board_data(), "refresh": site.board_refresh_seconds},
            headers={"Cache-Control": "no-store", "X-Robots-Tag": "noindex"},
        )

    @http.route("/jmsc/ltsa/<string:token>/board.json", type="http", auth="public", methods=["GET"], sitemap=False)
    def board_json(self, token, **kw):
        site = self._site(token)
        return request.make_json_response(site._board_data(), headers={"Cache-Control": "no-store"})

    @http.route("/jmsc/ltsa/<string:token>/kiosk", type="http", auth="public", methods=["GET"], sitemap=False)
    def kiosk(self, token, **kw):
        site, redirect = self._kiosk_site(token)
        if redirect:
            return redirect
        return request.render(
            "jmsc_ltsa.ltsa_kiosk_page",
            {"site_name": site.sudo().name, "categories": site.sudo().desk_ids.category_ids, "token": token},
        )

    @http.route("/jmsc/ltsa/<string:token>/kiosk/issue", type="http", auth="public", methods=["POST"], sitemap=False)
    def kiosk_issue(self, token, category_id=None, priority="none", **kw):
        site, redirect = self._kiosk_site(token)
        if redirect:
            return redirect
        if priority not in ("none", "elderly", "disabled", "pregnant") or not (category_id or "").isdigit():
            raise NotFound()
        ticket = site.issue_ticket(int(category_id), priority=priority)
        return request.render(
            "jmsc_ltsa.ltsa_kiosk_ticket_page",
            {"site_name": site.sudo().name, "ticket": ticket, "token": token},
        )

    @http.route(
        "/jmsc/ltsa/<string:token>/kiosk/receipt/<int:ticket_id>/<string:access_token>",
        type="http",
        auth="public",
        methods=["GET"],
        sitemap=False,
    )
    def kiosk_receipt(self, token, ticket_id, access_token, **kw):
        site = self._site(token)
        ticket = request.env["jmsc.ltsa.ticket"].sudo().browse(ticket_id).exists()
        if not ticket or ticket.site_id != site or not consteq(ticket.access_token, access_token):
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
