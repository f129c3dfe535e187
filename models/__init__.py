"""The Peewee models of the shared store, one module per domain."""
from models.db import BaseModel, database
from models.awards import LIVE, REHEARSAL, AwardCategory, Nominee, RevealState, Winner
from models.checkin import METHODS, Checkin, CheckinList
from models.event import Event, Room, Venue
from models.sales import PAYMENT_METHODS, Product, ProductTotal, Sale, Stall, StallHour, StallTotal
from models.program import CANCELLED, SCHEDULED, SESSION_KINDS, Assignment, Session, Travel
from models.people import ATTENDEE_CATEGORIES, INSTITUTION_KINDS, LANGUAGES, Attendee, Institution
from models.staff import ROLES, AuditEntry, LoginAttempt, StaffUser

ALL_MODELS = (Event, Venue, Room, Institution, Attendee, StaffUser, AuditEntry, LoginAttempt, CheckinList,
              Checkin, Session, Assignment, Travel, Stall, Product, Sale, StallTotal, StallHour, ProductTotal,
              AwardCategory, Nominee, Winner, RevealState)

__all__ = [
    "LIVE", "REHEARSAL", "AwardCategory", "Nominee", "RevealState", "Winner",
    "ALL_MODELS", "ATTENDEE_CATEGORIES", "CANCELLED", "INSTITUTION_KINDS", "LANGUAGES", "METHODS",
    "PAYMENT_METHODS", "ROLES", "Product", "ProductTotal", "Sale", "Stall", "StallHour", "StallTotal",
    "SCHEDULED", "SESSION_KINDS", "Assignment", "Attendee", "AuditEntry", "BaseModel", "Checkin", "CheckinList",
    "Event", "Institution", "LoginAttempt", "Room", "Session", "StaffUser", "Travel", "Venue", "database",
]
