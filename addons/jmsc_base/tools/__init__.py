from . import nik
