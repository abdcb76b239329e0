"""The rules of personal-info, one module each (in the order of the rule table)."""

from .bank_card import BankCard
from .birth_date import BirthDate
from .email import Email
from .health import Health
from .home_address import HomeAddress
from .id_card import IdCard
from .id_card_legacy import IdCardLegacy
from .landline import Landline
from .mobile import Mobile
from .org_bank_account import OrgBankAccount
from .passport import Passport
from .person_name import PersonName
from .plate import Plate
from .social_security import SocialSecurity
from .travel_permit import TravelPermit
from .weak_mask import WeakMask

RULES = (IdCard, IdCardLegacy, Mobile, Landline, BankCard, OrgBankAccount, Email, Passport, TravelPermit, Plate,
         SocialSecurity, HomeAddress, Health, BirthDate, PersonName, WeakMask)

__all__ = ["RULES", "BankCard", "BirthDate", "Email", "Health", "HomeAddress", "IdCard", "IdCardLegacy", "Landline",
           "Mobile", "OrgBankAccount", "Passport", "PersonName", "Plate", "SocialSecurity", "TravelPermit", "WeakMask"]
