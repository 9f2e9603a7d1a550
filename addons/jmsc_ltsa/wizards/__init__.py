from . import jmsc_ltsa_report_wizard
from . import jmsc_ltsa_identify_wizard
from . import jmsc_ltsa_start_request_wizard
from . import jmsc_ltsa_needs_documents_wizard
