import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("jmsc_base_village_office", {
    url: "/odoo/action-jmsc_base.res_partner_action_village_office",
    steps: () => [
        {
            content: "The village office shows the migrants of my villages by stage",
            trigger: ".o_kanban_renderer .o_kanban_group .o_kanban_record:contains('Dadap')",
        },
        {
            content: "Open the Villages menu",
            trigger: '.o_main_navbar [data-menu-xmlid="jmsc_base.menu_jmsc_villages"]',
            run: "click",
        },
        {
            content: "Open the Kantong PMI report",
            trigger: '.dropdown-item[data-menu-xmlid="jmsc_base.res_partner_menu_kantong_pmi"]',
            run: "click",
        },
        {
            content: "The villages are ranked in a graph",
            trigger: ".o_graph_renderer canvas",
        },
        {
            content: "Switch to the pivot: villages by destination",
            trigger: ".o_switch_view.o_pivot",
            run: "click",
        },
        {
            content: "Dadap is listed",
            trigger: ".o_pivot .o_pivot_header_cell_closed, .o_pivot th:contains('Juntinyuat')",
        },
    ],
});
