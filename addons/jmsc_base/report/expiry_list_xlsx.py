from odoo import models


class ExpiryListXlsx(models.AbstractModel):
    """The selected rows of the Expiring list, soonest first."""

    _name = "report.jmsc_base.expiry_list_xlsx"
    _inherit = "report.jmsc_base.xlsx_abstract"
    _description = "Expiring Items Export"
    _jmsc_xlsx_freeze_columns = 2

    def _jmsc_xlsx_sheet(self, items):
        kinds = dict(items._fields["kind"]._description_selection(self.env))
        states = dict(items._fields["expiry_state"]._description_selection(self.env))
        columns = [
            (self.env._("Kind"), 24, lambda item: kinds.get(item.kind, item.kind or ""), None),
            (self.env._("Item"), 40, lambda item: item.name or "", None),
            # sudo: the row is readable, and so is the name of its person or agency
            (self.env._("Person or Agency"), 30, lambda item: item.partner_id.sudo().name or "", None),
            (self.env._("Regency/City"), 22, lambda item: item.regency_id.name or "", None),
            (self.env._("Expiry Date"), 14, lambda item: item.expiry_date, "date"),
            (self.env._("Days Left"), 10, lambda item: item.days_left, None),
            (self.env._("Expiry"), 14, lambda item: states.get(item.expiry_state, ""), None),
            (self.env._("Responsible"), 24, lambda item: item.user_id.sudo().name or "", None),  # a user's name only
        ]
        return self.env._("Expiring"), columns, items.sorted(lambda i: (i.expiry_date, i.id))
