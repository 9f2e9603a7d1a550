import { registry } from "@web/core/registry";

// officer.indramayu, from the landing page: the import list, then a running import whose progress bar
// follows the background jobs (the test applies a chunk while the form is open).
registry.category("web_tour.tours").add("jmsc_base_import_progress", {
    url: "/odoo",
    steps: () => [
        {
            content: "The landing page (registry dashboard) is shown",
            trigger: ".o_jmsc_dashboard .o_kanban_record",
        },
        {
            content: "Open the Migrants menu",
            trigger: ".o_main_navbar .o_menu_sections button:contains(Pekerja Migran)",
            run: "click",
        },
        {
            content: "Open Import Migrants",
            trigger: '.o-dropdown-item[data-menu-xmlid="jmsc_base.jmsc_migrant_import_menu"]',
            run: "click",
        },
        {
            content: "Open the running import",
            trigger: ".o_list_view .o_data_row:contains(Impor Tur)",
            run: "click",
        },
        {
            content: "Half of the rows are imported",
            trigger: ".o_field_jmsc_import_progress:contains(50)",
        },
        {
            content: "The bar refreshes by itself once the last chunk lands",
            trigger: ".o_field_jmsc_import_progress:contains(100)",
            timeout: 20000,
        },
    ],
});
