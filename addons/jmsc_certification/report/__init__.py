from . import jmsc_cert_xlsx_abstract
from . import jmsc_cert_registry_xlsx
from . import jmsc_cert_statistics_xlsx
