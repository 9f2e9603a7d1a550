from . import nik
from . import public_token
