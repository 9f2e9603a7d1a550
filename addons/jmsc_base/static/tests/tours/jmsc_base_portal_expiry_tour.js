import { registry } from "@web/core/registry";

// The demo migrant (pmi.agus) sees her expiring passport on her portal home, in Bahasa Indonesia, and opens
// her profile from there.
registry.category("web_tour.tours").add("jmsc_base_portal_expiry", {
    url: "/my",
    steps: () => [
        {
            content: "The portal home lists her expiring documents",
            trigger: ".o_jmsc_portal_expiry .card-header:contains(Dokumen Akan Kedaluwarsa)",
        },
        {
            content: "Her passport, with the days left and the reminder level",
            trigger:
                ".o_jmsc_portal_expiry tr:contains(C7710001):contains(Kedaluwarsa dalam 25 hari):contains(Pengingat 30 hari)",
        },
        {
            content: "Open her profile",
            trigger: "a[href='/my/migrant-profile']",
            run: "click",
        },
        {
            content: "The profile lists the same passport",
            trigger: ".o_jmsc_migrant_profile td:contains(C7710001)",
        },
    ],
});
