import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("jmsc_training_attendance_sheet", {
    url: "/odoo/action-jmsc_training.jmsc_training_session_action_today",
    steps: () => [
        {
            content: "Today's session is listed; open its attendance sheet",
            trigger: ".o_kanban_record:contains(TOUR-BATCH) .o_jmsc_take_attendance",
            run: "click",
        },
        {
            content: "Everyone is present by default",
            trigger: ".o_jmsc_attendance_sheet .o_data_row:contains(Tour Ayu):not(:has(button[name=action_mark_present]))",
        },
        {
            content: "Mark Ayu absent",
            trigger: ".o_jmsc_attendance_sheet .o_data_row:contains(Tour Ayu) button[name=action_mark_absent]",
            run: "click",
        },
        {
            content: "Ayu is absent",
            trigger: ".o_jmsc_attendance_sheet .o_data_row.text-danger:contains(Tour Ayu)",
        },
        {
            content: "Mark Bayu absent",
            trigger: ".o_jmsc_attendance_sheet .o_data_row:contains(Tour Bayu) button[name=action_mark_absent]",
            run: "click",
        },
        {
            content: "Bayu is absent",
            trigger: ".o_jmsc_attendance_sheet .o_data_row.text-danger:contains(Tour Bayu)",
        },
        {
            content: "Note the topic of the day",
            trigger: ".o_field_widget[name=topic] input",
            run: "edit Greetings and introductions",
        },
        {
            content: "Save the sheet",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The sheet is saved",
            trigger: ".o_form_saved",
        },
        {
            content: "Ayu's attendance rate went down to 50%",
            trigger: ".o_jmsc_attendance_sheet .o_data_row:contains(Tour Ayu) td[name=attendance_rate]:contains(50)",
        },
        {
            content: "Bayu's attendance rate went down to 50%",
            trigger: ".o_jmsc_attendance_sheet .o_data_row:contains(Tour Bayu) td[name=attendance_rate]:contains(50)",
        },
        {
            content: "Citra, present, keeps 100%",
            trigger: ".o_jmsc_attendance_sheet .o_data_row:contains(Tour Citra) td[name=attendance_rate]:contains(100)",
        },
        {
            content: "Two trainees are counted absent",
            trigger: ".o_field_widget[name=absent_count]:contains(2)",
        },
    ],
});
