import { registry } from "@web/core/registry";
import { openMigrantList } from "@jmsc_base/../tests/tours/jmsc_tour_steps";

// A regency officer of Indramayu, from the page they land on after login, in Bahasa Indonesia.
registry.category("web_tour.tours").add("jmsc_base_officer_journey", {
    url: "/odoo",
    steps: () => [
        {
            content: "The officer lands on the registry dashboard of Indramayu",
            trigger: ".o_jmsc_dashboard .o_kanban_record:contains(Indramayu)",
        },
        {
            content: "The dashboard speaks Indonesian",
            trigger: ".o_jmsc_dashboard .o_kanban_record:contains(Bekerja di Luar Negeri):contains(keberangkatan bulan ini)",
        },
        {
            content: "Open the migrants working abroad from their count",
            trigger: ".o_jmsc_dashboard .o_jmsc_dashboard_abroad",
            run: "click",
        },
        {
            content: "The list of Indramayu's migrants working abroad opens",
            trigger: ".o_list_view .o_data_row",
        },
        {
            content: "Back to the dashboard",
            trigger: ".o_breadcrumb .breadcrumb-item a",
            run: "click",
        },
        ...openMigrantList(),
        {
            content: "Register a new migrant",
            trigger: ".o_list_view .o_list_button_add",
            run: "click",
        },
        {
            content: "Type the name",
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run: "edit Tour Warsini Binti Darma",
        },
        {
            content: "Type the NIK (an Indramayu NIK, born 12 June 1996)",
            trigger: ".o_field_widget[name=nik] input",
            run: "edit 3212015206960088",
        },
        {
            content: "Choose the regency (filled from the NIK once that is merged; typing it is harmless)",
            trigger: ".o_field_widget[name=regency_id] input",
            run: "edit Indramayu",
        },
        {
            content: "Pick Indramayu",
            trigger: ".o-autocomplete--dropdown-menu li a:contains(Indramayu)",
            run: "click",
        },
        {
            content: "The gender is read from the NIK",
            trigger: ".o_field_widget[name=gender] select:has(option:selected:not([value='false']))",
        },
        {
            content: "Save the migrant",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved under the migrant's name",
            trigger: ".o_breadcrumb .active:contains(Tour Warsini)",
        },
        {
            content: "The record is clean",
            trigger: ".o_form_saved",
        },
        {
            content: "The hub shows the documents count",
            trigger: ".o-form-buttonbox button[name=action_view_documents]:contains(Dokumen)",
        },
        {
            content: "Open the Documents tab",
            trigger: ".o_notebook .nav-link:contains(Dokumen)",
            run: "click",
        },
        {
            content: "Add a document",
            trigger: ".o_field_widget[name=id_numbers] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "The document dialog is in Indonesian",
            trigger: ".modal .o_form_view:contains(Diterbitkan oleh):contains(Berlaku sampai)",
        },
        {
            content: "Choose the document type",
            trigger: ".modal .o_field_widget[name=category_id] input",
            run: "edit Paspor",
        },
        {
            content: "Pick Paspor",
            trigger: ".o-autocomplete--dropdown-menu li a:contains(Paspor)",
            run: "click",
        },
        {
            content: "Type the passport number",
            trigger: ".modal .o_field_widget[name=name] input",
            run: "edit C4455667",
        },
        {
            content: "Save the document",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The document is listed",
            trigger: ".o_field_widget[name=id_numbers] .o_data_row:contains(C4455667)",
        },
        {
            content: "Save the migrant with the document",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The documents count is 1",
            trigger: "button[name=action_view_documents] .o_stat_value:contains(1)",
        },
        {
            content: "The migrant is saved with the document",
            trigger: ".o_form_saved",
        },
        {
            content: "Open the actions menu",
            trigger: ".o_control_panel .o_cp_action_menus button",
            run: "click",
        },
        {
            content: "Open the Print submenu",
            trigger: ".o-dropdown--menu .o-dropdown-item:contains(Cetak)",
            run: "click",
        },
        {
            content: "Print the profile sheet",
            trigger: ".o-dropdown--menu .o-dropdown-item:contains(Lembar Profil Pekerja Migran)",
            run: "click",
        },
        {
            content: "No error while printing",
            trigger: "body:not(:has(.o_error_dialog))",
        },
        {
            content: "Open the actions menu again",
            trigger: ".o_control_panel .o_cp_action_menus button",
            run: "click",
        },
        {
            content: "Open the Print submenu again",
            trigger: ".o-dropdown--menu .o-dropdown-item:contains(Cetak)",
            run: "click",
        },
        {
            content: "Export the registry sheet of this migrant to Excel",
            trigger: ".o-dropdown--menu .o-dropdown-item:contains(Registri Pekerja Migran (XLSX))",
            run: "click",
        },
        {
            content: "No error while exporting, still on the migrant",
            trigger: "body:not(:has(.o_error_dialog)) .o_breadcrumb .active:contains(Tour Warsini)",
        },
    ],
});
