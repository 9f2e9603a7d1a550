"""The specification the Odoo 18 web client sends to ``web_read``/``web_search_read`` for a view.

Pure Python (lxml only), so that bench/rpc.py (outside Odoo) and the query-count tests of the migrant list and
form (tests/test_rpc_performance.py) measure the very same load.
"""

from lxml import etree


def _spec_of(node, fields_info, top):
    """The web client's specification of the fields under ``node`` (lxml), as Odoo 18's RelationalModel
    builds it: a many2one reads its display_name, an x2many with an inline list its list's fields (first 40
    rows), a field without inline view its display_name; binaries come as sizes (bin_size in the context)."""
    spec = {"display_name": {}} if top else {}
    for field in node.iter("field"):
        # Only the fields of this view, not those of a nested (x2many) view.
        parent = field.getparent()
        while parent is not None and parent is not node and parent.tag != "field":
            parent = parent.getparent()
        if parent is not node:
            continue
        name = field.get("name")
        info = fields_info.get(name)
        if not info or name in spec:
            continue
        if info["type"] == "many2one":
            spec[name] = {"fields": {"display_name": {}}}
        elif info["type"] in ("one2many", "many2many"):
            sub = field.find("list")
            sub_fields = info.get("_sub_fields") or {}
            if sub is not None and sub_fields:
                spec[name] = {"fields": _spec_of(sub, sub_fields, False), "limit": 40, "order": ""}
            else:
                spec[name] = {"fields": {"display_name": {}}}
        else:
            spec[name] = {}
    return spec


def web_specification(views, model, view_type):
    """The specification the web client sends for ``view_type`` of a get_views() answer."""
    models = views["models"]
    arch = etree.fromstring(views["views"][view_type]["arch"])
    fields_info = {
        name: {**info, "_sub_fields": models.get(info.get("relation"), {}).get("fields")}
        for name, info in models[model]["fields"].items()
    }
    return _spec_of(arch, fields_info, view_type == "form")
