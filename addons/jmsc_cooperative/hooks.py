from odoo.tools import SQL


def uninstall_hook(env):
    """Drop the ledger's database functions (created by `jmsc.coop.account.init()`)."""
    env.cr.execute(
        SQL(
            "DROP FUNCTION IF EXISTS jmsc_coop_post_one(integer, varchar, numeric, date, date, boolean, varchar,"
            " integer, varchar, varchar, varchar, varchar, integer);"
            " DROP FUNCTION IF EXISTS jmsc_coop_ledger_state(integer[], varchar, varchar, date)"
        )
    )
