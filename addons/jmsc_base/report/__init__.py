from . import migrant_registry_xlsx
from . import migrant_statistics_xlsx
