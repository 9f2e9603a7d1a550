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
            content: "The registry dashboard opens first (any language)",
            trigger: ".o_breadcrumb .active",
        },
        {
            content: "The dashboard of the officer's regency is shown",
            trigger: ".o_jmsc_dashboard .o_kanban_record",
        },
    ],
});
