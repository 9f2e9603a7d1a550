import { registry } from "@web/core/registry";

// An anonymous visitor sends a complaint from the public form, then checks it on the status page,
// typing the tracking code in lower case with spaces (as read out on the phone).
registry.category("web_tour.tours").add("jmsc_helpdesk_complaint_tour", {
    steps: () => [
        {
            trigger: "h2:contains('Laporkan masalah pekerja migran')",
        },
        {
            trigger: "input#name",
            run: "edit Ibu Tour Warsih",
        },
        {
            trigger: "input#contact",
            run: "edit 0812 5555 7777",
        },
        {
            trigger: "input#migrant_name",
            run: "edit Tour Test Nengsih",
        },
        {
            trigger: "select#country_id",
            run: "selectByLabel Taiwan",
        },
        {
            trigger: "select#category_id",
            run: "selectByLabel Gaji Tidak Dibayar",
        },
        {
            trigger: "label[for='description']:contains('Apa yang terjadi?')",
        },
        {
            trigger: "textarea#description",
            run: "edit Anak saya belum menerima gaji selama empat bulan.",
        },
        {
            trigger: "button[type='submit']:contains('Kirim')",
            run: "click",
        },
        {
            trigger: ".o_jmsc_tracking_code",
            run() {
                const code = this.anchor.textContent.trim();
                window.sessionStorage.setItem("jmsc_tour_code", code.toLowerCase().replaceAll("-", " "));
                window.location.href = "/jmsc/complaint/status";
            },
        },
        {
            trigger: "input#code",
            async run(helpers) {
                await helpers.edit(window.sessionStorage.getItem("jmsc_tour_code"));
            },
        },
        {
            trigger: "button[type='submit']",
            run: "click",
        },
        {
            trigger: ".o_jmsc_stage:contains('Diterima, menunggu diperiksa petugas')",
        },
    ],
});
