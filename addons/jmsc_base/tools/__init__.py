from . import nik
from . import public_token
from . import public_page
from . import related
from . import portal
from . import office_day
