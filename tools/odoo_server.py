"""Run Odoo as `python -m odoo` does, but from a file.

The prefork server (workers > 0) respawns its long-polling process by re-running `sys.argv[0]`;
under `-m odoo` that is `odoo/__main__.py`, whose relative import fails when run as a script, so the
server retried it hundreds of times a minute. Started from this file, the respawn works.
"""

from odoo.cli.command import main

if __name__ == "__main__":
    main()
