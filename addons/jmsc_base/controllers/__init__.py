from . import portal
from . import data_export
