from . import jmsc_anonymize_wizard
from . import base_partner_merge_automatic_wizard
