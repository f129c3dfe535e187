"""Message keys that the screens build from a value at run time (`t(f"kind.{kind}")`), listed once
so that `pybabel extract` finds them (kiosk.i18n.N_). tests/test_catalogues.py checks that each
family has a key for every value the store can hold."""
from kiosk.i18n import N_

INSTITUTION_KINDS = (N_("kind.provincial"), N_("kind.regency-city"), N_("kind.village-tbm"), N_("kind.guest"))
ATTENDEE_CATEGORIES = (N_("category.participant"), N_("category.vip"), N_("category.press"), N_("category.staff"),
                       N_("category.speaker"))
ROLES = (N_("role.desk"), N_("role.seller"), N_("role.awards"), N_("role.admin"))
LANGUAGES = (N_("language.id"), N_("language.en"))
PAYMENT_METHODS = (N_("sell.method.cash"), N_("sell.method.qris"), N_("sell.method.transfer"))
SALE_FLAGS = (N_("sell.flag.past_stock"),)
CHECKIN_METHODS = (N_("desk.method.scan"), N_("desk.method.manual"))
POSTURES = (N_("posture.public"), N_("posture.display"), N_("posture.staff"))
REVEAL_STEPS = (N_("console.step.holding"), N_("console.step.title"), N_("console.step.nominee"),
                N_("console.step.drumroll"), N_("console.step.winners"), N_("console.step.closing"))
SCAN_REFUSALS = (N_("checkin.reason.unreadable"), N_("checkin.reason.forged"), N_("checkin.reason.revoked"),
                 N_("checkin.reason.unknown"), N_("checkin.reason.not_admitted"), N_("checkin.reason.closed"))
NEXT_STEPS = (N_("checkin.next.session"), N_("checkin.next.session_now"), N_("checkin.next.session_tomorrow"),
              N_("checkin.next.session_day"), N_("checkin.next.hotel"), N_("checkin.next.hotel_room"))

# (the family's prefix, its keys, the values the store or the program can give it)
FAMILIES = (
    ("kind.", INSTITUTION_KINDS, "models.INSTITUTION_KINDS"),
    ("category.", ATTENDEE_CATEGORIES, "models.ATTENDEE_CATEGORIES"),
    ("role.", ROLES, "models.ROLES"),
    ("language.", LANGUAGES, "models.LANGUAGES"),
    ("sell.method.", PAYMENT_METHODS, "models.PAYMENT_METHODS"),
    ("desk.method.", CHECKIN_METHODS, "models.METHODS"),
)
