{
    "name": "JMSC Base",
    "summary": "Jabar Migrant Service Center: migrant registry, agencies and roles",
    "version": "18.0.1.0.0",
    "category": "JMSC",
    "license": "LGPL-3",
    "author": "Disnakertrans Jabar",
    "website": "https://disnakertrans.jabarprov.go.id",
    "depends": ["base", "mail", "contacts", "phone_validation", "partner_identification", "report_xlsx"],
    "data": [
        "security/jmsc_base_security.xml",
        "security/ir.model.access.csv",
        "data/jmsc_regency_data.xml",
        "data/jmsc_agency_type_data.xml",
        "data/res_partner_id_category_data.xml",
        "views/jmsc_regency_views.xml",
        "views/jmsc_agency_type_views.xml",
        "views/res_partner_views.xml",
        "views/res_users_views.xml",
        "views/jmsc_base_menus.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "jmsc_base/static/tests/tours/*.js",
        ],
    },
    "application": True,
    "installable": True,
}
