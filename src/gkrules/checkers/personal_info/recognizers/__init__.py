"""One small recognizer per kind of personal data. Each has ``find(scene)`` yielding
Detections; the checker resolves overlaps and turns them into findings."""

from __future__ import annotations

from .address import HomeAddressRecognizer
from .bank_card import BankCardRecognizer
from .birth_date import BirthDateRecognizer
from .email import EmailRecognizer
from .health import HealthRecognizer
from .id_card import IdCardRecognizer
from .landline import LandlineRecognizer
from .masked import MaskedValueRecognizer
from .mobile import MobileRecognizer
from .names import NameFinder
from .passport import PassportRecognizer
from .plate import PlateRecognizer
from .social_security import SocialSecurityRecognizer
from .wrapped import WrappedNumberRecognizer


def build(kit) -> tuple[list, NameFinder]:
    names = NameFinder(kit)
    recognizers = [
        IdCardRecognizer(kit), BankCardRecognizer(kit), MobileRecognizer(kit), LandlineRecognizer(kit),
        EmailRecognizer(kit, names), PassportRecognizer(kit), SocialSecurityRecognizer(kit), PlateRecognizer(kit),
        HomeAddressRecognizer(kit), HealthRecognizer(kit, names), BirthDateRecognizer(kit),
        MaskedValueRecognizer(kit), WrappedNumberRecognizer(kit),
    ]
    return recognizers, names


__all__ = ["NameFinder", "build"]
