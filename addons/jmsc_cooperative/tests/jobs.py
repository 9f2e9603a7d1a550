"""Run the queue_job jobs a test enqueued, as the job runner would (queue_job's own test helpers
import a name this Odoo lacks)."""

from odoo.addons.queue_job.job import Job


def enqueued(env, method_name):
    return env["queue.job"].sudo().search([("method_name", "=", method_name), ("state", "=", "pending")], order="id")


def perform(env, method_name):
    """Perform the pending jobs of `method_name`, each as the user who enqueued it; return them."""
    records = enqueued(env, method_name)
    for record in records:
        job = Job.load(env, record.uuid)
        job.set_started()
        job.perform()
        job.set_done()
        job.store()
    return records
