"""Smart buttons: how many records point at a record, and the window action that lists them."""


def related_action(record, xmlid, field, context=None):
    """The window action ``xmlid`` restricted to the records whose ``field`` is ``record``.

    :param context: the action's context; by default a record created from the list gets ``field`` set to
        ``record`` (``{"default_<field>": record.id}``); ``False`` keeps the context the action defines.
    """
    record.ensure_one()
    action = record.env["ir.actions.act_window"]._for_xml_id(xmlid)
    action["domain"] = [(field, "=", record.id)]
    if context is None:
        context = {f"default_{field}": record.id}
    if context is not False:
        action["context"] = context
    return action


def compute_related_count(records, count_field, model, field):
    """A compute: sets ``count_field`` of each of ``records`` to how many ``model`` records have ``field`` pointing
    at it, as the current user may read them (record rules apply), in one grouped query.

    A record being edited in a form counts as the stored record it edits (``_origin``).
    """
    counts = {}
    if records.ids:
        counts = dict(records.env[model]._read_group([(field, "in", records.ids)], [field], ["__count"]))
    for record in records:
        record[count_field] = counts.get(record._origin, 0)
