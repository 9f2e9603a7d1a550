"""Record rules: the same domain once.

Several JMSC groups carry rules with the very same domain (a Regency Officer holds both the JMSC User's read
rule and the officer's own, word for word). Odoo ORs the group rules of a user together, so the migrant
domain was evaluated twice on every read: in SQL, and in Python where a read re-checks the records it fetched
(``_check_access`` evaluates the domain per record). The OR of a domain with itself is that domain: keeping one
rule of each (kind, domain) changes no access, only the work."""

from odoo import models


class IrRule(models.Model):
    _inherit = "ir.rule"

    def _get_rules(self, model_name, mode="read"):
        # The rules returned apply to the current user (global ones, or of one of the user's groups): among
        # those, two group rules with the same domain grant the same records (OR), and two global rules with
        # the same domain restrict to the same records (AND). Cached by _compute_domain's ormcache.
        rules = super()._get_rules(model_name, mode=mode)
        seen, kept = set(), []
        for rule in rules.sudo():
            key = (rule["global"], (rule.domain_force or "").strip())
            if key not in seen:
                seen.add(key)
                kept.append(rule.id)
        return rules if len(kept) == len(rules) else self.browse(kept)
