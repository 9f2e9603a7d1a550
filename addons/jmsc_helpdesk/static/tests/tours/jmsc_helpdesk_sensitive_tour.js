import { registry } from "@web/core/registry";

// casemanager.rina, from her landing page (Kasus Saya): opens a trafficking case assigned to her.
registry.category("web_tour.tours").add("jmsc_helpdesk_sensitive_tour", {
    steps: () => [
        {
            trigger: ".o_breadcrumb:contains('Kasus Saya')",
        },
        {
            trigger: ".o_data_row td[name='name']:contains('Tour trafficking case')",
            run: "click",
        },
        {
            trigger: ".o_form_view .ribbon:contains('Sensitif')",
        },
        {
            trigger: ".o_field_widget[name='jmsc_is_sensitive'] input:checked",
        },
        {
            trigger: "button[name='action_jmsc_open_sensitivity_wizard']:contains('Ubah Jenis Kasus atau Sensitivitas')",
        },
        {
            trigger: ".o_field_widget[name='jmsc_migrant_id'] input:value(Tour Sensitive Migrant)",
        },
    ],
});
