"""One row of a migrant import file: what the dry run found, and how it was applied."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

LINE_STATUSES = [
    ("new", "New"),
    ("update", "Update"),
    ("unchanged", "Unchanged"),
    ("ambiguous", "Ambiguous"),
    ("invalid", "Invalid"),
]


class JmscMigrantImportLine(models.Model):
    _name = "jmsc.migrant.import.line"
    _description = "Migrant Import Row"
    _order = "import_id, row_number"

    import_id = fields.Many2one("jmsc.migrant.import", required=True, ondelete="cascade", index=True)
    row_number = fields.Integer(string="Row", readonly=True)
    name = fields.Char(readonly=True)
    values = fields.Json(readonly=True, help="The row as read from the file (template columns).")
    row_key = fields.Char(readonly=True, help="Fingerprint of the row: the same row imported twice is recognised.")
    status = fields.Selection(LINE_STATUSES, readonly=True, index=True)
    changes = fields.Text(readonly=True, help="For an update: the fields that change, old and new value.")
    reasons = fields.Text(readonly=True, help="Why the row cannot be imported.")
    candidate_info = fields.Text(
        string="Candidates",
        readonly=True,
        help="Registered migrants with the same name and birth date: reference, initials and regency.",
    )
    candidate_ids = fields.Many2many(
        "res.partner",
        "jmsc_migrant_import_line_candidate_rel",
        "line_id",
        "partner_id",
        string="Candidates You May Open",
        readonly=True,
    )
    resolution = fields.Selection(
        [("new", "Register as a new migrant"), ("match", "Same person as the chosen candidate")],
        help="An ambiguous row is imported only once an officer says whether it is a new person or a candidate.",
    )
    # Indexed: deleting a person (erasure) looks up the rows referring to them.
    resolved_partner_id = fields.Many2one("res.partner", string="Chosen Candidate", index="btree_not_null")
    partner_id = fields.Many2one("res.partner", string="Migrant", readonly=True, index="btree_not_null")
    applied = fields.Boolean(readonly=True, index=True)
    chunk = fields.Integer(readonly=True)
    job_uuid = fields.Char(readonly=True, copy=False)
    error = fields.Text(readonly=True)

    @api.constrains("resolution", "resolved_partner_id", "candidate_ids")
    def _check_resolution(self):
        for line in self:
            if line.resolution == "match" and line.resolved_partner_id not in line.candidate_ids:
                raise ValidationError(
                    self.env._(
                        "Row %(row)s: choose one of the candidates listed for the row, not another person.",
                        row=line.row_number,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_before_apply(self):
        """The rows of an applied import are its record of what happened: kept."""
        self.import_id._jmsc_check_editable()

    def write(self, vals):
        if {"resolution", "resolved_partner_id"} & vals.keys():
            self.import_id._jmsc_check_editable()
        return super().write(vals)
