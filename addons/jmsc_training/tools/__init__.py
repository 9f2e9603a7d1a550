"""Small helpers shared by the training and certification modules."""

# Contract 7: system notes never need the acting user's email address.


def log_system_note(records, body):
    """Log a chatter note on each record as OdooBot (no email needed, no notification sent).

    `body` is one body for every record, or a dict {record id: body}.
    """
    if not records:
        return records.env["mail.message"]
    env = records.env
    odoobot = env.ref("base.partner_root")
    bodies = body if isinstance(body, dict) else dict.fromkeys(records.ids, body)
    return records._message_log_batch(
        bodies,
        author_id=odoobot.id,
        email_from=odoobot.email_formatted or env.company.email_formatted or False,
        message_type="comment",
    )
