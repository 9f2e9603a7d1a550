import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("jmsc_base_open_menu", {
    url: "/odoo",
    steps: () => [
        {
            content: "Open the application menu",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "Open the JMSC application",
            trigger: '.dropdown-item.o_app[data-menu-xmlid="jmsc_base.menu_jmsc_root"]',
            run: "click",
        },
        {
            content: "The migrant registry opens (any language)",
            trigger: ".o_breadcrumb .active",
        },
        {
            content: "The list of migrants is shown",
            trigger: ".o_list_view",
        },
    ],
});
