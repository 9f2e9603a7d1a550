import { registry } from "@web/core/registry";

function fillMigrant(name, nik) {
    return [
        {
            content: `Type the name ${name}`,
            trigger: ".o_field_widget[name=name] input",
            run: `edit ${name}`,
        },
        {
            content: `Type the NIK ${nik}`,
            trigger: ".o_field_widget[name=nik] input",
            run: `edit ${nik}`,
        },
        {
            content: "Leave the NIK field",
            trigger: ".o_form_sheet",
            run: "click",
        },
        {
            content: "The regency is filled from the NIK (32.12: Indramayu)",
            trigger: ".o_field_widget[name=regency_id] input:value(Indramayu)",
        },
    ];
}

registry.category("web_tour.tours").add("jmsc_base_register_migrant", {
    url: "/odoo/action-jmsc_base.res_partner_action_migrant",
    steps: () => [
        {
            content: "Create a migrant",
            trigger: ".o_list_button_add",
            run: "click",
        },
        ...fillMigrant("Tour Ani Suryani", "3212014506950077"),
        {
            content: "The gender is read from the NIK",
            trigger: ".o_field_widget[name=gender] select:has(option:selected:not([value='false']))",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The migrant is saved",
            trigger: ".o_breadcrumb .active:contains(Tour Ani Suryani)",
        },
        {
            content: "The record is clean",
            trigger: ".o_form_saved",
        },
        {
            content: "Back to the list",
            trigger: ".o_breadcrumb .breadcrumb-item a",
            run: "click",
        },
        {
            content: "Create another migrant from the list",
            trigger: ".o_list_view:has(.o_data_row:contains(Tour Ani Suryani)) .o_list_button_add",
            run: "click",
        },
        ...fillMigrant("Tour Budi Salah", "3212013206950001"),
        {
            content: "Try to save with an invalid NIK",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The error names the NIK and the problem",
            trigger: ".modal .modal-body:contains(3212013206950001)",
        },
        {
            content: "Close the error",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Discard the invalid migrant",
            trigger: ".o_form_button_cancel",
            run: "click",
        },
        {
            content: "Back on the list, with only the valid migrant",
            trigger: ".o_list_view .o_data_row:contains(Tour Ani Suryani)",
        },
        {
            content: "Switch to the kanban board",
            trigger: ".o_switch_view.o_kanban",
            run: "click",
        },
        {
            content: "The migrant shows in the kanban, flagged without consent",
            trigger: ".o_kanban_record:contains(Tour Ani Suryani) .badge.text-bg-warning",
        },
    ],
});
