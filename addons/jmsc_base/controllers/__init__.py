from . import portal
from . import data_export
from . import report_access_log
from . import portal_timeline
from . import portal_expiry
