import { registry } from "@web/core/registry";

// The trainer's day, from their landing page (Hari Ini): attendance, Nilai in one grid, decide, print.
registry.category("web_tour.tours").add("jmsc_training_trainer_nilai", {
    steps: () => [
        {
            content: "Hari Ini lists today's session of the trainer's batch; open its attendance sheet",
            trigger: ".o_kanban_record:contains(NILAI-BATCH) .o_jmsc_take_attendance",
            run: "click",
        },
        {
            content: "Mark Ayu absent",
            trigger: ".o_jmsc_attendance_sheet .o_data_row:contains(Nilai Ayu) button[name=action_mark_absent]",
            run: "click",
        },
        {
            content: "Ayu is absent",
            trigger: ".o_jmsc_attendance_sheet .o_data_row.text-danger:contains(Nilai Ayu)",
        },
        {
            content: "Open Nilai (score entry) from the sheet",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_open_score_entry]",
            run: "click",
        },
        {
            content: "The grid lists every trainee of the batch",
            trigger: ".modal .o_jmsc_score_grid .o_data_row:contains(Nilai Citra)",
        },
        {
            content: "Score Ayu: select the cell",
            trigger: ".modal .o_jmsc_score_grid .o_data_row:contains(Nilai Ayu) td[name=score]",
            run: "click",
        },
        {
            content: "Score Ayu: 90",
            trigger: ".modal .o_jmsc_score_grid .o_data_row.o_selected_row td[name=score] input",
            run: "edit 90",
        },
        {
            content: "Leave the cell",
            trigger: ".modal .modal-title",
            run: "click",
        },
        {
            content: "Ayu's score shows 90",
            trigger: ".modal .o_jmsc_score_grid .o_data_row:not(.o_selected_row):contains(Nilai Ayu) td[name=score]:contains(90)",
        },
        {
            content: "Score Bayu: select the cell",
            trigger: ".modal .o_jmsc_score_grid .o_data_row:contains(Nilai Bayu) td[name=score]",
            run: "click",
        },
        {
            content: "Score Bayu: 85",
            trigger: ".modal .o_jmsc_score_grid .o_data_row.o_selected_row td[name=score] input",
            run: "edit 85",
        },
        {
            content: "Leave the cell",
            trigger: ".modal .modal-title",
            run: "click",
        },
        {
            content: "Bayu's score shows 85",
            trigger: ".modal .o_jmsc_score_grid .o_data_row:not(.o_selected_row):contains(Nilai Bayu) td[name=score]:contains(85)",
        },
        {
            content: "Score Citra: select the cell",
            trigger: ".modal .o_jmsc_score_grid .o_data_row:contains(Nilai Citra) td[name=score]",
            run: "click",
        },
        {
            content: "Score Citra: 40",
            trigger: ".modal .o_jmsc_score_grid .o_data_row.o_selected_row td[name=score] input",
            run: "edit 40",
        },
        {
            content: "Leave the cell",
            trigger: ".modal .modal-title",
            run: "click",
        },
        {
            content: "Citra's score shows 40",
            trigger: ".modal .o_jmsc_score_grid .o_data_row:not(.o_selected_row):contains(Nilai Citra) td[name=score]:contains(40)",
        },
        {
            content: "Save and decide",
            trigger: ".modal footer button[name=action_confirm]",
            run: "click",
        },
        {
            content: "Confirm the decision",
            trigger: ".modal:not(:has(.o_jmsc_score_grid)) footer .btn-primary",
            run: "click",
        },
        {
            content: "The batch's enrolments show Bayu completed; open Bayu",
            trigger: ".o_action_manager .o_list_view .o_data_row.text-success:contains(Nilai Bayu) td[name=partner_id]",
            run: "click",
        },
        {
            content: "Bayu's certificate number is on the form",
            trigger: ".o_form_view .o_field_widget[name=certificate_number]:contains(JMSC/TRN/)",
        },
        {
            content: "Print the certificate PDF",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_print_certificate]",
            run: "click",
        },
        {
            content: "No error dialog after printing",
            trigger: ".o_form_view:not(:has(.o_error_dialog))",
        },
    ],
});
