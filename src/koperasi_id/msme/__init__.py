"""MSME (UMKM) size classification under the law in force on a date.

>>> BusinessSize.MICRO.label
'Usaha Mikro'
"""

from koperasi_id.msme._business import Business
from koperasi_id.msme._size import BusinessSize

__all__ = ["Business", "BusinessSize"]
