// Steps several JMSC tours share (import from "@jmsc_base/../tests/tours/jmsc_tour_steps").

/** From the main navbar, in Bahasa Indonesia: the migrants menu, then the migrant list. */
export function openMigrantList() {
    return [
        {
            content: "Open the migrants menu",
            trigger: ".o_main_navbar .o_menu_sections button:contains(Pekerja Migran)",
            run: "click",
        },
        {
            content: "Open the migrant list",
            trigger: '.o-dropdown-item[data-menu-xmlid="jmsc_base.res_partner_menu_migrant"]',
            run: "click",
        },
    ];
}
