from . import portal
from . import report_access_log
