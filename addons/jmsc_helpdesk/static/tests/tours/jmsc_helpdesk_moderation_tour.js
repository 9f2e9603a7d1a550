import { registry } from "@web/core/registry";

// agent.dewi, from her landing page (Antrian Saya): accepts a web complaint waiting for moderation,
// writes the update the complainant will read, and moves the case on.
registry.category("web_tour.tours").add("jmsc_helpdesk_moderation_tour", {
    steps: () => [
        {
            trigger: ".o_breadcrumb:contains('Antrian Saya')",
        },
        {
            trigger: ".o_data_row:contains('Tour Test Nengsih') td:contains('Menunggu Moderasi')",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current:contains('Menunggu Moderasi')",
        },
        {
            trigger: "button[name='action_jmsc_accept_complaint']:contains('Terima Pengaduan')",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Baru')",
        },
        {
            trigger: ".o_field_widget[name='user_id'] input:value(Dewi Lestari)",
        },
        {
            trigger: ".o_notebook_headers a[name='jmsc_decision']",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='jmsc_public_update'] textarea",
            run: "edit Kami sudah menghubungi majikan di Taiwan.",
        },
        {
            trigger: ".o_statusbar_status button:contains('Sedang Diproses')",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Sedang Diproses')",
        },
        {
            // Saved: the chatter logs the stage change.
            trigger: ".o-mail-Message:contains('Sedang Diproses')",
        },
    ],
});
