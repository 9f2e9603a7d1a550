from odoo import http
from odoo.http import request


class JmscDataExport(http.Controller):
    """The "data about me" export (UU PDP 27/2022: the data subject's right to a copy)."""

    def _send(self, partner, fmt):
        # the model checks who may download (the person or a JMSC Manager) and logs the download
        content, mimetype, filename = partner._jmsc_privacy_download(fmt)
        return request.make_response(
            content,
            headers=[
                ("Content-Type", mimetype),
                ("Content-Disposition", http.content_disposition(filename)),
                ("Cache-Control", "no-store"),
            ],
        )

    @http.route("/my/data-about-me/<string:fmt>", type="http", auth="user", methods=["GET"])
    def my_data_about_me(self, fmt):
        """The logged-in person's own data, and only theirs."""
        partner = request.env.user.partner_id
        if fmt not in ("pdf", "json") or not partner.is_migrant:
            raise request.not_found()
        return self._send(partner, fmt)

    @http.route("/jmsc/data-about-me/<int:partner_id>/<string:fmt>", type="http", auth="user", methods=["GET"])
    def data_about_migrant(self, partner_id, fmt):
        """A JMSC Manager's download for a migrant, on their request."""
        if fmt not in ("pdf", "json"):
            raise request.not_found()
        partner = request.env["res.partner"].browse(partner_id).exists()
        if not partner:
            raise request.not_found()
        return self._send(partner, fmt)
