import { Component, markup, onWillStart, onWillUpdateProps, useState } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { standardWidgetProps } from "@web/views/widgets/standard_widget_props";

// The migrant's timeline on the form, fetched only when its page is opened: the notebook mounts a page's
// content when it is shown, so opening a migrant does not build the timeline of every module.
export class JmscTimelineWidget extends Component {
    static template = "jmsc_base.JmscTimelineWidget";
    static props = { ...standardWidgetProps };

    setup() {
        this.orm = useService("orm");
        this.state = useState({ html: null });
        onWillStart(() => this.load(this.props.record.resId));
        onWillUpdateProps((next) => {
            if (next.record.resId !== this.props.record.resId) {
                return this.load(next.record.resId);
            }
        });
    }

    async load(resId) {
        if (!resId) {
            this.state.html = null;
            return;
        }
        const html = await this.orm.call("res.partner", "jmsc_timeline_form_html", [[resId]]);
        this.state.html = markup(html || "");
    }
}

registry.category("view_widgets").add("jmsc_timeline", { component: JmscTimelineWidget });
