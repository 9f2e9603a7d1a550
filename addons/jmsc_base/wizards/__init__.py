from . import jmsc_anonymize_wizard
from . import base_partner_merge_automatic_wizard
from . import jmsc_agency_type_apply_wizard
from . import jmsc_consent_withdraw_wizard
from . import jmsc_migrant_import
from . import jmsc_migrant_import_line
from . import jmsc_migrant_import_check
from . import jmsc_migrant_import_report
