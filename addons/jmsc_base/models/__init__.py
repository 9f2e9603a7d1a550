from . import jmsc_regency
from . import jmsc_agency_type
from . import res_partner
from . import res_users
