import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("jmsc_helpdesk_hotline_tour", {
    steps: () => [
        {
            trigger: ".o_form_view .o_field_widget[name='caller_number'] input",
            run: "edit 0812 7777 1234",
        },
        {
            trigger: ".o_field_widget[name='caller_name'] input",
            run: "edit Ibu Tour Karsih",
        },
        {
            trigger: ".o_field_widget[name='notes'] textarea",
            run: "edit Her daughter in Taiwan has not been paid.",
        },
        {
            trigger: "button[name='action_open_case']",
            run: "click",
        },
        {
            trigger: ".o_breadcrumb:contains('Ibu Tour Karsih')",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='jmsc_migrant_lookup'] input",
            run: "edit 3212014506955031 && click body",
        },
        {
            trigger: ".o_field_widget[name='jmsc_regency_id']:contains('Indramayu')",
        },
        {
            trigger: ".o_notebook_headers a[name='jmsc_referrals']",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='jmsc_referral_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='agency_id'] input",
            run: "edit BP3MI Tour",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('BP3MI Tour Bandung')",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='reference_number'] input",
            run: "edit B/2026/77",
        },
        {
            trigger: ".modal .o_field_widget[name='follow_up_date'] input",
            run: "edit 31/12/2026",
        },
        {
            trigger: ".modal .o_field_widget[name='contact_name'] input",
            run: "edit Pak Desk Officer",
        },
        {
            trigger: ".modal .o_field_widget[name='follow_up_date'] input:value(31/12/2026)",
        },
        {
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: "button[name='action_jmsc_view_referrals'] .o_stat_value:contains('1')",
        },
    ],
});
