import threading
import time
from unittest.mock import patch

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestTourImport(HttpCase):
    """officer.indramayu watches an import's progress bar follow its jobs, from their landing page."""

    def test_import_progress_refreshes(self):
        officer = self.env.ref("jmsc_base.user_regency_officer_demo", raise_if_not_found=False)
        if not officer:
            self.skipTest("needs the jmsc_base demo data (officer.indramayu)")
        officer.lang = "id_ID"
        run = self.env["jmsc.migrant.import"].with_user(officer).create({"name": "Impor Tur"})
        lines = self.env["jmsc.migrant.import.line"].create(
            [
                {"import_id": run.id, "row_number": n, "name": f"Baris {n}", "status": "new", "values": {}}
                for n in (2, 3)
            ]
        )
        run.write({"state": "running"})  # test set-up: the run as the apply leaves it
        lines[0].write({"applied": True})
        self.env.flush_all()
        opened, done, stop = threading.Event(), threading.Event(), threading.Event()
        Import = type(self.env["jmsc.migrant.import"])
        web_read = Import.web_read

        def spy_web_read(records, *args, **kwargs):
            result = web_read(records, *args, **kwargs)
            opened.set()  # the form has read the run: 50 % is on screen
            return result

        def land_last_chunk():
            # What the job of the last chunk commits, a moment after the form opened.
            if not opened.wait(120) or stop.is_set():
                return
            time.sleep(1)
            with self.env.registry.cursor() as cr:
                cr.execute("UPDATE jmsc_migrant_import_line SET applied = TRUE WHERE id = %s", [lines[1].id])
            done.set()

        worker = threading.Thread(target=land_last_chunk)
        worker.start()
        try:
            with patch.object(Import, "web_read", spy_web_read):
                self.start_tour("/odoo", "jmsc_base_import_progress", login="officer.indramayu")
        finally:
            stop.set()
            opened.set()
            worker.join()
        self.assertTrue(done.is_set())
