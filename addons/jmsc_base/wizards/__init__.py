from . import jmsc_anonymize_wizard
from . import base_partner_merge_automatic_wizard
from . import jmsc_agency_type_apply_wizard
from . import jmsc_consent_withdraw_wizard
