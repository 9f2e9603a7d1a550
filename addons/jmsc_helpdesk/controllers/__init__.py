from . import complaint
from . import portal
