from . import jmsc_cert_status_wizard
from . import jmsc_cert_report_wizard
from . import jmsc_cert_apply_wizard
