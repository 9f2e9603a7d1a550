import { registry } from "@web/core/registry";
import { openMigrantList } from "@jmsc_base/../tests/tours/jmsc_tour_steps";

// A regency officer of Indramayu opens a migrant's timeline from the page they land on, in Bahasa Indonesia.
registry.category("web_tour.tours").add("jmsc_base_timeline", {
    url: "/odoo",
    steps: () => [
        {
            content: "The officer lands on the registry dashboard",
            trigger: ".o_jmsc_dashboard .o_kanban_record:contains(Indramayu)",
        },
        ...openMigrantList(),
        {
            content: "Search the migrant",
            trigger: ".o_searchview_input",
            run: "edit Tour Timeline Sari",
        },
        {
            content: "Apply the search",
            trigger: ".o_searchview_input",
            run: "press Enter",
        },
        {
            content: "Open her record",
            trigger: ".o_data_row .o_data_cell:contains(Tour Timeline Sari)",
            run: "click",
        },
        {
            content: "Open the Timeline page",
            trigger: ".o_notebook .nav-link[name=jmsc_timeline]",
            run: "click",
        },
        {
            content: "The departure is on the timeline, in Indonesian, with a link to the placement",
            trigger: ".o_jmsc_timeline_table tr[data-kind=placement_departure]:contains(Berangkat ke penempatan):contains(Hsinchu Care) a[href^='/odoo/jmsc.placement/']",
        },
        {
            content: "The stage change of her registration is there too, in WIB",
            trigger: ".o_jmsc_timeline_table tr[data-kind=stage]:contains(WIB)",
        },
    ],
});
