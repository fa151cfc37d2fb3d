"""Decide, before any retrieval, whether a message signals danger, and how much.

Three levels, after the warning signs the 988 Suicide & Crisis Lifeline lists and the Columbia
Suicide Severity Rating Scale (C-SSRS) asks about (wish to be dead, ideation, intent, plan,
preparatory behaviour, self-injury):

- ``emergency``: an overdose or medical emergency happening now, to the visitor or someone with
  them (took too much, unresponsive, turning blue, breathing slowly). The reply leads with 911
  and Poison Help.
- ``crisis``: a current wish to be dead, suicidal ideation with intent, a plan or a date, means at
  hand, self-harm now or ongoing, overdose intent, goodbye behaviour, searching for ways to die.
  The reply is the crisis resources only, never a quote.
- ``concern``: distress without stated intent, suicide or self-harm as a topic, a hypothetical,
  resolved history. The normal reply, with the crisis lines shown beside it.

Rules read *signals* (first person, a death wish, means, intent, exhaustion, self-harm, goodbye,
emergency symptoms) spread over a sentence, on canonical words: lower case, accents and
apostrophes dropped, slang expanded ("kms" → "kill myself"), misspellings of key words repaired.
Every sentence of the message is checked, whatever its length. Two small classifiers trained
offline (`assistant/classifier.py`) add recall on wording no rule names: one for a crisis, one
for an emergency happening now; when a classifier or a rule is unsure, the answer is
``concern``, never silence. Measured by tests/test_crisis_safety.py on
tests/data/crisis_safety.jsonl (development) and tests/data/crisis_heldout.jsonl (held out).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from anyascii import anyascii

from .classifier import features as ngram_features
from .classifier import hashed, load_model
from .lexicon import with_final_g
from .smalltalk import FAREWELL
from .spelling import edit_distance
from .text import normalize

LEVELS = ("none", "concern", "crisis", "emergency")

# Misspellings repaired before matching: (word, edits allowed). Two edits only for long words of
# the suicide family; one elsewhere, and only for words of 6+ letters so "overdue" never becomes
# "overdose" (the repaired word must also share its first two letters).
KEYWORDS = {
    "suicide": 2,
    "suicidal": 2,
    "suicidio": 2,  # Spanish, as typed ("suisidio")
    "myself": 1,
    "overdose": 1,
    "overdosing": 1,
    "overdosed": 1,
    "breathing": 1,
    "unresponsive": 2,
    "disappear": 1,
    "existing": 1,
}
# Real words within the edits of a key word, never repaired into it ("the nausea will subside" is
# no "suicide", "exiting" no "existing"): those with a wordfreq Zipf frequency of 2 or more in
# English or Spanish, outside the suicide family itself, which tests/test_crisis_safety.py recomputes.
NEAR_WORDS = frozenset(
    {"breaching", "exiting", "overdoing", "overdone", "subside", "subsidio", "sucede", "sucedio", "sulfide"}
)
# Slang, abbreviations and euphemisms people type, from crisis-line and moderation glossaries.
ALIASES = {
    "kms": "kill myself",
    "pukin": "puking",  # too rare for wordfreq's small list to know either form
    "kmsl": "kill myself",
    "kys": "kill yourself",
    "kil": "kill",
    "mysefl": "myself",
    "myslef": "myself",
    "mself": "myself",
    "sewerslide": "suicide",
    "suicidial": "suicidal",
    "od": "overdose",
    "oding": "overdosing",
    "oded": "overdosed",
    "odin": "overdosing",
    "im": "i am",
    "ima": "i am going to",
    "imma": "i am going to",
    "ive": "i have",
    "ill": "i will",
    "id": "i would",
    "wanna": "want to",
    "gonna": "going to",
    "gunna": "going to",
    "tryna": "trying to",
    "gotta": "got to",
    "cant": "can not",
    "cannot": "can not",
    "dont": "do not",
    "doesnt": "does not",
    "didnt": "did not",
    "wont": "will not",
    "isnt": "is not",
    "aint": "is not",  # "i aint sticking around": the rules read "is not" and "am not" alike
    "thatd": "that would",
    "wud": "would",  # phonetic spellings of the modal verbs
    "shud": "should",
    "cud": "could",
    "shuda": "should have",
    "shoulda": "should have",
    "thatll": "that will",
    "arent": "are not",
    "hes": "he is",
    "shes": "she is",
    "theyre": "they are",
    "u": "you",
    "ur": "your",
    "r": "are",
    "rn": "right now",
    "tn": "tonight",
    "2nite": "tonight",
    "tonite": "tonight",
    "2day": "today",
    "2morrow": "tomorrow",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "bc": "because",
    "cuz": "because",
    "pls": "please",
    "plz": "please",
    "idk": "i do not know",
    "abt": "about",
    "itd": "it would",
    "itll": "it will",
    "idc": "i do not care",
    "nvm": "never mind",
    "sh": "selfharm",
    "shing": "selfharming",
    "selfharming": "selfharming",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "pt": "patient",
    "pts": "patients",
    "ld50": "lethal dose",
    "msg": "message",
    "kiero": "quiero",  # Spanish texting writes "qu" as "k"
    "kisiera": "quisiera",
    # Scots, as written in Scotland: "ah'm gonnae", "masel", "cannae", "whit", "aboot", "oot".
    "masel": "myself",
    "masell": "myself",
    "ahm": "i am",
    "ahll": "i will",
    "gonnae": "going to",
    "cannae": "can not",
    "dinnae": "do not",
    "disnae": "does not",
    "willnae": "will not",
    "wullnae": "will not",
    "wid": "would",
    "whit": "what",
    "aboot": "about",
    "oot": "out",
    "aff": "off",
    "intae": "into",
    "tae": "to",
    "ae": "of",
    "dae": "do",
    "yer": "your",
    "ain": "own",
    "sumhin": "something",
    "stupit": "stupid",
    "msgs": "messages",
    # Jamaican Patois and US slang: "cyaan tek it", "im bouta log off", "i jus want". Not "finna":
    # "this traffic finna kill me" is an idiom, so it is read as a wish only after "i" (_WANT).
    "cyaan": "can not",
    "bouta": "about to",
    "boutta": "about to",
    "jus": "just",
    "wnt": "want",  # typed in a hurry
    "wna": "wanna",
    "dnt": "do not",
    "nemore": "anymore",
    "mny": "many",
    "thisll": "this will",
    "deadass": "seriously",  # AAVE and New York slang: "deadass my mama won't wake up"
    "tiyad": "tired",
    "tyad": "tired",
    # Gullah Geechee and Caribbean English as written: "gwine drown mehself", "befo i go", "ent".
    "gwine": "going to",
    "mehself": "myself",
    "mehsef": "myself",
    "meself": "myself",
    "ehself": "himself",
    "hisself": "himself",
    "ent": "is not",
    "yent": "is not",
    "befo": "before",
    "roun": "around",
    "ebryting": "everything",
    "ebrybody": "everybody",
    "ebrybady": "everybody",
    "bettuh": "better",
    "oonuh": "you",
    "wuh": "what",
    "tink": "think",
    "tinkin": "thinking",
    "een": "in",
    # Cockney th-fronting as written: "finkin about endin it", "everyfink", "wivout", "me bruvver"
    "fink": "think",
    "finks": "thinks",
    "finkin": "thinking",
    "everyfink": "everything",
    "sumfink": "something",
    "somefink": "something",
    "nuffink": "nothing",
    "nuffin": "nothing",
    "anyfink": "anything",
    "wivout": "without",
    "wiv": "with",
    "bruvver": "brother",
    "muvver": "mother",
    "farver": "father",
    "breaf": "breath",
    "enuf": "enough",
    "ef": "if",
    "ob": "of",
    "dem": "them",
    "bout": "about",
    # French as texted: "je" fused to its verb ("jveux", "jvais", "chui"), verlan ("oim" moi,
    # "reuf" frère). None of these is an English word.
    "jveux": "je veux",
    "jveu": "je veux",
    "jvais": "je vais",
    "jvai": "je vais",
    "jsuis": "je suis",
    "jsui": "je suis",
    "chui": "je suis",
    "chuis": "je suis",
    "jme": "je me",
    "jpeux": "je peux",
    "jpeu": "je peux",
    "jpense": "je pense",
    "jsais": "je sais",
    "jcrois": "je crois",
    "jfais": "je fais",
    "jdemande": "je demande",
    "jlui": "je lui",
    "jderangerai": "je derangerai",
    "jpp": "je peux plus",
    "oim": "moi",
    "reuf": "frere",
    "reum": "mere",
    "daronne": "mere",
    "medocs": "medicaments",
    "plu": "plus",
    # Geordie as written: "am ganna jump", "unalive yersel", "what dee ye", "wor kid" (our brother).
    "ganna": "going to",
    "gannin": "going",
    "yersel": "yourself",
    "mesel": "myself",
    "hissel": "himself",
    "hersel": "herself",
    "wor": "our",
    "cannit": "can not",
    "divvent": "do not",
    "dinnit": "do not",
    "aal": "all",
}
# Words that stand for another only beside certain neighbours: "ion wanna" is "i do not want
# to" while the ion of chemistry is not; "want to dye" is "want to die", "dye my hair" is not.
ION_BEFORE = frozenset("wanna want wan see know care think feel even got have need like be".split())  # noqa: SIM905
# French "g" ("j'ai") before the words it is texted with: "g fixé la date", "g les cachets".
G_BEFORE = frozenset(
    "les des plus pas un une mis pris avale trouve fixe ecrit donne vendu dit fait achete commande".split()  # noqa: SIM905
    + "touche deja tout rien envie besoin peur mal eu ete melange essaye decide choisi perdu compte garde cache".split()  # noqa: SIM905
)
# Gullah "fuh" is "to" before a verb ("wan fuh dead", "how many pill fuh dead"), else "for"; "uh" is
# "i" before a verb ("uh wan fuh dead"), else the filler; "cyan" is "can not" before a verb, else the colour.
FUH_TO = frozenset("die dead kill go get do be end sleep live stop take make see wake leave try".split())  # noqa: SIM905
UH_I = frozenset("dead wan want wanna gwine going ent yent is done tired kin cyan gone take tek think tink".split())  # noqa: SIM905
CYAN_BEFORE = frozenset("see breathe breath move wake stand feel talk stop walk go take tek do".split())  # noqa: SIM905
# "me" is "my" in British and Irish speech ("the belt round me neck", "gonna kill me bruvver"), but
# mostly "me" ("better off without me, kids have their dad"): read as "my" only before a body part
# after a word of place or harm, or before a relative after a word of harm.
ME_BODY = frozenset(
    "neck head wrist wrists arm arms leg legs throat chest stomach belly face thigh thighs skin".split()  # noqa: SIM905
)
ME_KIN = frozenset(
    "brother bruvver sister mum mam ma mom mother dad da father missus wife husband mate son daughter kids boss".split()  # noqa: SIM905
)
ME_PLACE = frozenset("round around on in across down into through at up over under".split())  # noqa: SIM905
ME_HARM = frozenset(
    "cut cuts cutting slit slash slashed hurt hurting burn burned burnt burning scratch scratched stab stabbed"  # noqa: SIM905
    " kill killing murder strangle throttle hit smack slap punch punched".split()
)
GONE_AFTER = frozenset("for soon now forever already by again too".split())  # noqa: SIM905
DYE_AFTER = frozenset("to wanna gonna will should just might rather let".split())  # noqa: SIM905
DYED = frozenset("my your ur her his their the it them hair a an some this that these".split())  # noqa: SIM905
# "she'll" loses its apostrophe and reads "shell": she will, before a verb ("saying shell jump").
SHELL_BEFORE = frozenset(
    "jump do kill die be never not go hurt take end try cut overdose hang shoot leave wake".split()  # noqa: SIM905
)
# "k" is ketamine next to a dose or use word ("a lot of k", "k hole", "did too much k").
K_BEFORE = {"of", "much", "some", "more", "on", "took", "did", "doing", "snorted", "bumped", "the", "any"}
K_AFTER = {"hole", "holed", "holing", "bump", "bumps"}


# Scripts whose words the rules cannot read in Latin letters (Lao and Thai are written without
# spaces, so a transliteration glues words together; Korean and Arabic lose their sense): the
# commonest ways to say the warning signs and emergencies, and a few words that frame them (a topic,
# the past, being well now), read as the English the rules know where they stand in the sentence.
SCRIPT_PHRASES = {
    "i want to die": (
        "죽을거",
        "죽을 거",
        "죽을려고",
        "죽으려고",
        "그만 살고 싶",
        "그만 살고싶",
        "살고 싶지 않",
        "จบชีวิต",
        "อยากตาย",
        "ຢາກຕາຍ",
        "ចង់ស្លាប់",
        "သေချင်",
        "சாகணும்",
        "சாகப்போறேன்",
        "சாக போறேன்",
        "செத்துடலாம்",
        "செத்து போகணும்",
        "मरना चाहता",
        "मरना चाहती",
        "मर जाना चाहता",
        "मर जाना चाहती",
        "मरना है",
        "ਮਰਨਾ ਚਾਹੁੰਦਾ",
        "ਮਰਨਾ ਚਾਹੁੰਦੀ",
        "মরে যেতে চাই",
        "মরতে চাই",
        "చనిపోవాలని",
        "أريد أن أموت",
        "عايز أموت",
        "عاوز أموت",
        "عايزة أموت",
        "عاوزة أموت",
        "اريد ان اموت",
        "أريد الموت",
        "بدي موت",
        "ابغى اموت",
        "میخوام بمیرم",
        "می‌خواهم بمیرم",
        "میخواهم بمیرم",
        "مرنا چاہتا",
        "مرنا چاہتی",
        "רוצה למות",
        "መሞት እፈልጋለሁ",
        "죽고 싶",
        "죽고싶",
        "죽을래",
        "死にたい",
        "想死",
        "諗好點死",
        "消えたい",
        "θέλω να πεθάνω",
        "ուզում եմ մեռնել",
        "მინდა მოვკვდე",
    ),
    "i do not want to live": (
        "ไม่อยากมีชีวิตอยู่",
        "ไม่อยากอยู่แล้ว",
        "ບໍ່ຢາກມີຊີວິດຢູ່",
        "ບໍ່ຢາກຢູ່ແລ້ວ",
        "வாழ பிடிக்கல",
        "வாழ விருப்பமில்லை",
        "जीना नहीं चाहता",
        "जीना नहीं चाहती",
        "বাঁচতে চাই না",
        "살기 싫",
        "生きたくない",
        "不想活",
        "唔想活",
    ),
    "i want to kill myself": (
        "อยากฆ่าตัวตาย",
        "จะฆ่าตัวตาย",
        "ຢາກຂ້າໂຕຕາຍ",
        "ຈະຂ້າໂຕຕາຍ",
        "자살하고 싶",
        "자살할 거",
        "自殺したい",
        "தற்கொலை பண்ண",
        "தற்கொலை செய்ய",
        "आत्महत्या करना चाहता",
        "आत्महत्या करना चाहती",
        "आत्महत्या कर लूं",
        "أريد أن أنتحر",
        "بدي انتحر",
        "عايز أنتحر",
        "میخوام خودکشی کنم",
    ),
    "kill myself": (
        "សម្លាប់ខ្លួន",
        "ကိုယ့်ကိုယ်ကိုသတ်",
        "खुद को मार",
        "अपने आप को मार",
        "أقتل نفسي",
        "هموت نفسي",
        "هقتل نفسي",
        "هرمي نفسي",
        "هنتحر",
        "اقتل نفسي",
        "خودمو بکشم",
        "خودم را بکشم",
        "ራሴን ላጠፋ",
        "ራሴን ማጥፋት",
        "να αυτοκτονήσω",
        "להתאבד",
    ),
    "he will kill himself": ("자살하겠", "자살할거", "자살한대"),
    "suicidal thoughts": ("자살 생각", "자살생각", "ความคิดฆ่าตัวตาย"),
    "how to kill myself": (
        "자살하는 방법",
        "자살 방법",
        "자살방법",
        "วิธีฆ่าตัวตาย",
        "ວິທີຂ້າໂຕຕາຍ",
        "怎么自杀",
        "自殺する方法",
        "طريقة الانتحار",
    ),
    "how many pills to die": ("몇개 먹으면 죽", "몇 개 먹으면 죽", "กี่เม็ดถึงจะตาย", "กี่เม็ดถึงตาย"),
    "how to die without pain": ("죽는 방법", "안 아프게 죽", "ตายแบบไม่เจ็บ"),
    "suicide plan": ("자살계획", "자살 계획"),
    "suicide note": ("遺書", "遗书", "遺言", "유서"),
    "i will end it": ("다 끝낼거", "끝낼거야", "스스로 끝낼", "끝내고 싶", "다 끝내고"),
    "i will be gone soon": ("조용히 가고", "조용히 가려", "세상 떠나", "ไม่อยู่แล้ว"),
    "i do not want to wake up": ("ไม่อยากตื่น", "눈 안뜨게", "안깼으면", "안 깼으면"),
    "i want to disappear forever": ("อยากหายไปจากโลก", "ไม่อยากอยู่โลกนี้"),
    "i will hang myself": ("목 맬", "목매", "목을 매", "ผูกคอ"),
    "jump off the building": ("뛰어내릴", "뛰어내리고 싶", "뛰어내린대", "กระโดดตึก", "กระโดดจาก", "โดดตึก"),
    "i cut my wrist": ("손목 그", "손목을 그", "กรีดแขน", "กรีดข้อมือ", "กรีดมือ"),
    "cutting myself": ("界手", "割腕"),
    "i am hurting myself": ("자해했", "자해를 다시", "자해하고", "ทำร้ายตัวเอง"),
    "rat poison": ("老鼠藥", "老鼠药", "殺蟲水", "农药", "農藥"),
    # emergencies now
    "took too many pills": (
        "กินยาเกินขนาด",
        "ກິນຢາຫຼາຍ",
        "बहुत सारी गोलियां खा",
        "ज़्यादा गोलियां खा",
        "جرعة زائدة",
        "약을 너무 많이 먹",
        "吃了很多药",
        "食咗好多",
        "吃了太多药",
        "薬を飲みすぎ",
        "передозировка",
    ),
    "took the whole bottle": (
        "한통 다 먹",
        "한병을 다 먹",
        "한 병을 다 먹",
        "한주먹 먹",
        "กินยาไปหมด",
        "กินยาไปเยอะ",
        "กินยาไปเกือบหมด",
    ),
    "not breathing": (
        "숨을 잘 못쉬",
        "숨을 못 쉬",
        "หายใจไม่ออก",
        "ไม่หายใจ",
        "ບໍ່ຫາຍໃຈ",
        "साँस नहीं ले",
        "सांस नहीं ले",
        "மூச்சு விடல",
        "لا يتنفس",
        "لا تتنفس",
        "نفس نمیکشه",
        "숨을 안 쉬",
        "숨을 안쉬",
        "숨을 쉬지 않",
        "不呼吸",
        "息をしていない",
        "не дышит",
    ),
    "breathing very slowly": ("숨을 아주 천천히", "숨이 얕", "숨소리가 이상", "숨을 헐떡", "หายใจช้า", "หายใจเบา"),
    "will not wake up": (
        "깨워도 안 일어나",
        "흔들어도 반응이 없",
        "불러도 반응이 없",
        "ไม่ตื่น",
        "ปลุกไม่ตื่น",
        "ບໍ່ຕື່ນ",
        "होश में नहीं",
        "उठ नहीं रहा",
        "ما يصحى",
        "لا يستيقظ",
        "بیدار نمیشه",
        "안 깨어나",
        "깨어나지 않",
        "叫不醒",
        "叫唔醒",
        "叫佢唔醒",
        "起きない",
        "не просыпается",
        "எழுந்திருக்கல",
    ),
    "unconscious": ("의식이 없", "หมดสติ"),
    "lips are blue": ("입술이 파래", "입술 보라", "입술이 보라", "ปากม่วง", "ปากเขียว", "ตัวเขียว"),
    "having a seizure": ("발작해", "경련해", "경련을"),
    "it will not stop bleeding": ("피가 안멈춰", "피가 안 멈춰", "피가 계속 나", "เลือดไม่หยุด"),
    # The word alone names a topic ("why do people commit suicide?"), read as the rules' topic word.
    "suicidetopic": (
        "ฆ่าตัวตาย",
        "ຂ້າໂຕຕາຍ",
        "தற்கொலை",
        "आत्महत्या",
        "ਖੁਦਕੁਸ਼ੀ",
        "ਆਤਮ ਹੱਤਿਆ",
        "আত্মহত্যা",
        "ఆత్మహత్య",
        "انتحار",
        "خودکشی",
        "התאבדות",
        "자살",
        "αυτοκτονία",
    ),
    # frames
    "why do people": ("ทำไมคนเรา",),
    "years ago": ("예전에", "นานมากแล้ว", "นานแล้ว", "ปีก่อน", "เมื่อก่อน"),
    "used to": ("적 있었", "적이 있었", "เคย"),
    "i am fine now": ("지금은 괜찮", "ตอนนี้สบายดี", "ตอนนี้ไม่มีแล้ว", "ตอนนี้ดีขึ้น"),
    "every day": ("매일", "ทุกวัน", "ทุกคืน"),
}
# Matched after normalize(), whose NFKC splits some letters (Thai "ำ")
_SCRIPT_MEANING = {normalize(phrase): meaning for meaning, phrases in SCRIPT_PHRASES.items() for phrase in phrases}
_SCRIPT_PHRASES = re.compile("|".join(re.escape(p) for p in sorted(_SCRIPT_MEANING, key=len, reverse=True)))

# Euphemisms typed as two words, joined before tokenizing.
PHRASE_ALIASES = {
    "sewer slide": "suicide",
    "sewer side": "suicide",
    "self delete": "selfdelete",
    "un alive": "unalive",
    "kill my self": "kill myself",
    "self harm": "selfharm",
    "self-harm": "selfharm",
    "catch the bus": "ctb",
    "sui thoughts": "suicidal thoughts",
    "sui ideation": "suicidal ideation",
    "sui plan": "suicide plan",
    "kill my shelf": "kill myself",
    "hurt my shelf": "hurt myself",
}


# Leetspeak digits inside words ("d3ad", "su1cide").
_LEET = str.maketrans("013457@$", "oieastas")


# Words people censor with an asterisk ("suic*dal", "k*ll myself", "s*icide"), as on platforms that
# filter them: a masked word that only one of these fits is read as it.
CENSORED_KEYS = (
    "suicide",
    "suicidal",
    "kill",
    "killing",
    "die",
    "dying",
    "dead",
    "death",
    "myself",
    "overdose",
    "harm",
)


def _uncensor(match: re.Match[str]) -> str:
    word = match.group()
    pattern = re.compile(re.escape(word).replace(r"\*", "[a-z]{1,2}"))
    fits = [key for key in CENSORED_KEYS if pattern.fullmatch(key)]
    return fits[0] if len(fits) == 1 else word


_KILL_FORMS = {"": "kill ", "s": "kills ", "ped": "killed ", "ping": "killing "}  # "top", "tops", "topped", "topping"


def _topped(match: re.Match[str]) -> str:
    return _KILL_FORMS[match.group(1) or ""]


def _fold(text: str) -> str:
    """Normalised, accents dropped (Spanish typed with or without them), apostrophes removed."""
    # Clinical "SI" (suicidal ideation) only in capitals: lower-case "si" is Spanish "if".
    text = re.sub(r"\bSI\b", "suicidal ideation", text)
    text = re.sub(r"\b[a-z]+[013457@$][a-z0-9@$]*\b", lambda m: m.group().translate(_LEET), normalize(text))
    text = re.sub(r"\bod[’']?d\b(?<!\bodd)", "overdosed", text)  # "od'd"; "odd" itself is a word
    text = re.sub(r"\bs/h\b", "sh", text)  # self-harm, as forums abbreviate it
    text = re.sub(r"[a-z]+\*+[a-z*]*|\*+[a-z]+[a-z*]*", _uncensor, text)
    text = _SCRIPT_PHRASES.sub(lambda m: f" {_SCRIPT_MEANING[m.group()]} ", text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    # Other scripts in Latin letters ("не хочу жить" is "ne khochu zhit"): the rules and the
    # classifier's n-grams read only a-z, and a message in Cyrillic or Greek was otherwise empty.
    # Chinese characters a syllable each ("我想死" is "wo xiang si"), so the rules read them as words.
    text = re.sub(r"[\u3400-\u9fff]+", lambda m: " " + " ".join(anyascii(c) for c in m.group()) + " ", text)
    text = anyascii(text).lower().replace("'", "").replace("w/o", "without")
    for phrase, alias in PHRASE_ALIASES.items():
        text = text.replace(phrase, alias)
    # British "top myself" is killing oneself; "top myself up" (a phone plan, a drink) is not.
    return re.sub(r"\btop(ped|ping|s)? (?=(?:my|him|her|them|your) ?sel(?:f|ves)\b(?! up))", _topped, text)


# Key words of the signals typed with two neighbouring letters swapped ("wnat", "anymroe"),
# repaired unless the swapped form is a word of its own in English or Spanish: SWAPPED_WORDS are
# those with a wordfreq Zipf frequency of 2 or more, which tests/test_crisis_safety.py recomputes
# (listed here so that no message waits for wordfreq to load).
SWAP_KEYS = frozenset(
    {"want", "wants", "wanna", "kill", "dead", "life", "alive", "anymore", "myself", "pills", "living"}
)
SWAPPED_WORDS = frozenset({"edad", "lief"})  # Spanish "age"; English "gladly"


def swapped_forms(key: str) -> set[str]:
    """The key with each pair of neighbouring letters swapped."""
    return {key[:i] + key[i + 1] + key[i] + key[i + 2 :] for i in range(len(key) - 1)} - {key}


_SWAPS = {form: key for key in SWAP_KEYS for form in swapped_forms(key) - SWAPPED_WORDS}


def _repair(token: str) -> str:
    if token in _SWAPS:
        return _SWAPS[token]
    if full := with_final_g(token):  # "killin myself", "practicin with a belt": speech as written
        return full
    if len(token) < 6 or token in KEYWORDS or token[:-1] in KEYWORDS or token in NEAR_WORDS:  # "suicides" is a word
        return token
    for key, limit in KEYWORDS.items():
        if token[:2] == key[:2] and edit_distance(token, key, limit) <= limit:
            return key
    return token


def canonical_sentences(text: str) -> list[str]:
    """The message's sentences as canonical words: slang expanded, key misspellings repaired."""
    sentences: list[str] = []
    # A point before a digit is no sentence end: "my .45", "0.5 mg".
    for chunk in re.split(r"(?:[?!;\n]|\.(?!\d))+|\s[-:]\s|,\s*(?=(?:but|and|so|because)\b)", _fold(text)):
        raw = re.findall(r"[a-z0-9]+", chunk)
        out: list[str] = []
        for i, token in enumerate(raw):
            if token == "k" and ((i and raw[i - 1] in K_BEFORE) or (i + 1 < len(raw) and raw[i + 1] in K_AFTER)):
                token = "ketamine"
            elif token == "shell" and i + 1 < len(raw) and raw[i + 1] in SHELL_BEFORE:
                token = "she will"
            elif token == "g" and i + 1 < len(raw) and raw[i + 1] in G_BEFORE:  # French "j'ai" texted
                token = "jai"
            elif token == "gon":  # "nobody gon miss me" (going to); "he gon" at the end is "gone"
                token = "going to" if i + 1 < len(raw) and raw[i + 1] not in GONE_AFTER else "gone"
            elif token == "fuh":
                token = "to" if i + 1 < len(raw) and raw[i + 1] in FUH_TO else "for"
            elif (
                token == "me"
                and 0 < i < len(raw) - 1
                and (
                    (raw[i + 1] in ME_BODY and raw[i - 1] in ME_PLACE | ME_HARM)
                    or (raw[i + 1] in ME_KIN and raw[i - 1] in ME_HARM)
                )
            ):
                token = "my"
            elif token == "wan" and i + 1 < len(raw) and raw[i + 1] in ("to", "fuh"):  # "i wan fuh dead"
                token = "want"
            elif token == "dead" and i and raw[i - 1] == "fuh":  # "wan fuh dead": want to die
                token = "die"
            elif token == "uh" and i + 1 < len(raw) and raw[i + 1] in UH_I:
                token = "i"
            elif token == "cyan" and i + 1 < len(raw) and raw[i + 1] in CYAN_BEFORE:
                token = "can not"
            elif token == "ion" and i + 1 < len(raw) and raw[i + 1] in ION_BEFORE:
                token = "i do not"
            elif token == "dye" and i and raw[i - 1] in DYE_AFTER and (i + 1 == len(raw) or raw[i + 1] not in DYED):
                token = "die"
            out.append(ALIASES.get(token) or _repair(token))
        if out:
            sentences.append(" ".join(out))
    return sentences


# Signal vocabularies. Each is a regex over canonical words; comments say what they stand for.
_KIN = (
    r"(?:brother|sister|son|daughter|friend|mom|mum|mother|dad|father|husband|wife|partner|boyfriend|girlfriend"
    r"|roommate|kid|child|baby|grandma|grandpa|grandmother|grandfather|cousin|uncle|aunt|patient|client|coworker"
    r"|colleague|buddy|mate|fiance|fiancee|teen|teenager|nephew|niece|spouse|parent|neighbor|neighbour)"
)
_OTHER = (
    rf"(?:he|she|they|him|her|them|someone|somebody|my (?:\w+ )?{_KIN}|(?:the |a |our )?(?:patient|client|pt|resident|buddy|friend|coworker)"
    r"|mi (?:hijo|hija|hermano|hermana|esposo|esposa|mama|papa|amigo|amiga|novio|novia|madre|padre|abuela|abuelo"
    r"|cliente|paciente))"
)
_SELVES = r"(?:my ?self|your ?self|him ?self|her ?self|them ?selves|them ?self|our ?selves)"
# Wanting, intending, being about to, or dwelling on (C-SSRS: wish, ideation, intent).
_WANT = (
    # "finna" ("fixing to") only after "i": "this traffic finna kill me" is a complaint
    r"(?:(?:(?<=\bi am )|(?<=\bi ))finna|want|wants|wanted|wanting|going|plan|plans|planning|planned|ready|decided|trying|tried|try|intend|intends"
    r"|about to|fixing to|would like|prefer|wish|wishing|hope|hoping|need|needs|will|would rather|should just|might|might just|thinking about"
    r"|thinking of|thought about|thought of|think about|think of|considering|ready to|time i|gonna|going to|hope|hoping|welcome|urge|urges|fantasi[sz]e|fantasi[sz]ing|dream about|deserve|a good way to|only (?:other )?way out is|long for|longing for|yearn for|waiting to|afraid i will|afraid i might|scared i will|scared i might|feart i will)"
)
# Medicines and drugs as French texts name them, for the French emergency rule.
_FR_DRUGS = (
    r"(?:cachets|medicaments|comprimes|pilules|somniferes|plaquette|boite|flacon|sirop|javel|doliprane|xanax"
    r"|lithium|tramadol|benzos|antidep\w*|lamotrigine|ket|ketamine|coke|alcool|vodka|traits)"
)
# Dying or being dead, named or implied; euphemisms from crisis-line glossaries.
_DEATH = (
    r"(?:die|dying|died|be dead|dead|death|ctb|catching the bus|kill (?:my ?self|me)|killing (?:my ?self|me)|(?:end|ending) (?:it|it all|all(?! (?:be|of|the|my|day|night|week)\b)"
    r"|my life|this life|things|everything|my own life)|(?:take|taking) my (?:own )?life"
    r"|not (?:be |being )?(?:alive|here|around|exist|existing)(?: any ?more)?|stop (?:existing|living|breathing)"
    r"|disappear (?:forever|for good|permanently)|(?:a)?sleep forever|(?:never|not) (?:to )?wake up(?! (?:early|too early|so early|at \d))|(?:fall asleep|go to sleep) and (?:never|not)"
    r"|unalive|ctb|selfdelete|suicide|jump off|hang (?:my ?self|me)|be with (?:my )?\w+ (?:again|in heaven)"
    r"|go to heaven|leave this world|check(?:ing|ed)? out (?:for good|for real|permanently|forever|of life|early)|finish (?:my ?self|me) off|(?:not|never) (?:come|coming) back|make it official"
    r"|(?:jump|jumping|drive|driving|drove) (?:off|into|in front of) (?:a|the|my|this)"
    r"|(?:step|walk|stand|lie|lay|throw myself)\w* (?:out )?in front of (?:a |the |an |oncoming )?(?:train|bus|truck|car|traffic|lorry|semi|it)\b|finish (?:it|my life)"
    r"|look like an accident|be gone|for good"
    r"|go out(?:$| like (?:that|this)| in a blaze| quietly| on my own terms)|go that way|join (?:him|her|them)|joining (?:him|her|them)"
    r"|let it happen|fade away|not (?:be )?around|alive (?:in|next|by) (?:a|next|the)|hit by a (?:car|bus|truck|train)"
    r"|walk into the (?:ocean|sea|lake|river|water)|(?:uninstall(?:ing)?|alt f[4a]|permadeath|log off|delete) (?:myself|irl|my ?self)"
    r"|(?:alt f[4a]|permadeath|respawn) irl|my heart (?:\w+ ){0,2}(?:stops|stop|gives out)|six (?:feet|foot) under|slip away|fade out|punch(?:ed|ing)? my (?:own )?ticket|cash(?:ed|ing)? in (?:my )?chips"
    r"|go be with (?:her|him|them)(?: again| now| forever| in heaven)?$|eat(?:ing|in)? (?:a|my|the) (?:bullet|gun|shotgun|pistol)|do (?:something stupid|it) to myself|take myself out|stop my heart|out of here for good)"
)
# Means or method of ending a life or of self-injury.
_MEANS = (
    r"(?:pills?|tablets?|tabs|meds|medications?|medicines?|bottle|bottles|sleeping pills|painkillers|tylenol|benadryl"
    r"|xanax|opioids?|oxy|oxycodone|fentanyl|insulin|morphine|heroin|zolpidem|ambien|zopiclone|trazodone|sertraline"
    r"|prozac|fluoxetine|lithium|alprazolam|klonopin|clonazepam|valium|diazepam|ativan|lorazepam|benzos|seroquel"
    r"|quetiapine|tramadol|codeine|percocet|vicodin|hydrocodone|acetaminophen|paracetamol|apap|ibuprofen|advil"
    r"|aspirin|diphenhydramine|amitriptyline|methadone|gabapentin|antidepressants|litio|adderall|addys?|addies|xans|xannies|percs?|rivotril|rope|noose|gun|shotgun|handgun|firearm|revolver|glock|9mm|ammo|pistol|rifle|bullets?|blade|blades|razor|razors|knife|knives"
    r"|poison|bridge|ledge|roof|rooftop|tracks|train|overpass|cliff|balcony|belt|cord|pastillas|cuerda|pistola|puente|navaja)"
)
_BODY = r"(?:(?:fore)?arms?|legs?|wrists?|thighs?|skin|stomach|hips?|body|face|hands?|knuckles|head|throat)"
_PRESENT = (
    r"(?:again|still|right now|tonight|this morning|this week|lately|every (?:day|night|time)|keep|keeps"
    r"|can not stop|started|relapsed|relapsing|currently|these days|ahora|otra vez|most (?:days|nights)"
    r"|(?:have|has) been (?:having|thinking|feeling|wanting)|stop (?:wanting|wishing)|i have decided|i decided"
    r"|made (?:up )?my mind(?: up)?)"
)
_PAST = (
    r"(?:(?:\d+|a few|a couple|couple|many|some) (?:years?|yrs?|months?|decades?) (?:ago|back)|in (?:19|20)\d\d|back in"
    r"|last (?:year|spring|summer|fall|autumn|winter)|since then|stable|well for|in remission|do not have them now|back on track|(?:clean|sober) (?:for|since)|(?:been|now|stayed|stay|am|im) (?:clean|sober)|years? ago|a while (?:ago|back)|when i was|in high school|in college|(?:in|at) (?:university|uni)|last yr"
    r"|in (?:\d+(?:th|st|nd|rd)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth) grade"
    r"|in the (?:\d0s|\d\d\d0s|seventies|eighties|nineties)|in my (?:\d0s|teens|twenties|thirties|forties|fifties|sixties)"
    r"|as a (?:kid|teen|teenager)|used to|in (?:the )?past"
    r"|history of|back (?:then|in)|no longer|since then|have not (?:in|for|since)|clean for|free for"
    r"|doing (?:fine|better|well|great|ok|okay) now|recovered|survivor|a long time ago"
    r"|hace (?:anos|mucho|muchos anos|\d+ anos|unos anos|varios anos|dos anos|tres anos)"
    r"|(?:faz|ha) (?:\d+|muitos|alguns|uns) anos|quando (?:eu )?(?:tinha|era))"
)
# Taking too much of something, on purpose or not: the first half of an overdose happening now.
_EXCESS = (
    r"(?:took|(?<!not )(?<!never )taken|pushed|drank|swallowed|swallow|ate|chewed|chugged|knocked back|threw back|ingested|snorted|injected|mixed|od|overdosed"
    r"|overdid|did|done|used|put on|got into|gave myself|double dos\w*|tome|tomo|vypila|take|taking)\b(?! not\b).{0,50}\b(?:(?:too|to) (?:much|many)|way (?:too|to|more)|more than|all|every"
    r"|everything|whole|entire|handful|bunch|a lot|ton|bottle|card|packs?|extra|double|twice|\d+|plus|on purpose|by mistake"
    r"|accident\w*|todas|tabletki|both|on top of|mixed|pills?|tablets?|meds|patch(?:es)?|alcohol|vodka|beer|wine|liquor|fifth"
    r"|lines|edibles|many|lot|prescription|charcoal|antifreeze|bleach|daily instead|for days|in a row)"
)
# Ten or more of a medicine, counted beside its name.
_COUNTED = (
    rf"(?:\b(?:after|had|took|taken|swallowed|ate|downed|popped|drank|drink)\b(?: \w+){{0,2}} (?:[1-9]\d|\d{{3}}) (?:\w+ )?{_MEANS}"
    rf"|\b{_MEANS}\b.{{0,30}}\b(?:had|took|taken|swallowed|ate|downed) (?:about |around |like |maybe |over |nearly |almost"
    r" |at least )?(?:[1-9]\d|\d{3}))"
)
# Signs of a body in trouble, as people describe them (Poison Control's "call 911 if" list in lay words).
_SYMPTOM = (
    r"(?:not breathing|breath\w* (?:is |feels? |real |rly |really |very |so )?(?:shallow|slow|weird|funny|wrong|hard|barely)"
    r"|hard to breathe?|can not breathe?|cant breathe?|gasping|snoring|heart (?:is |feels? |\S+ )?(?:racing|pounding|jumping"
    r"|weird|slow|going|doing|like|thumping|skipping|\d+)|pulse|chest (?:is |feels? )?(?:tight|hurts|pain|crushing|weird)"
    r"|vision|going dark|seeing (?:spots|double)|see double|fuzzy|blurry|numb|can not feel|cant feel|no siento|shaking|shakin"
    r"|seizure|fit|convuls\w*|twitch\w*|jerk\w*|foam\w*|throwing up|throwin up|vomit\w*|puking|sick|nause\w*|dizzy|mareada?"
    r"|spinning|spinnin|faint\w*|pass out|passing out|passed out|blacking out|black out|sleepy|eyes (?:will not|wont) stay"
    r"|keep my eyes|heavy|getting heavy|cold hands|sweat\w*|pale|grey|gray|white|yellow|blue|confused|slurr\w*|acting drunk"
    r"|acts drunk|not (?:talking|making sense)|weak|can not stand|cant stand|can not move|bleeding|blood|stomach (?:hurts|pain)"
    r"|gut|strange|temblando|vomitando|late raro|respira lento|going under|everything (?:is )?slow|everythin slow|fever"
    r"|temp(?:erature)? (?:of )?1\d\d|stiff|pupil|drowsy|nodding off|in and out|not (?:answering|responding|moving|move)"
    r"|no respond|dropped|jerking|head hurts?|arm (?:is )?(?:going )?numb|sores|breathing (?:feels? )?hard|can not feel my body"
    r"|heart (?:rate )?(?:is )?1\d\d|regret|going sideways)"
)
# A story of an overdose that is over: "od'd 2 yrs ago", "overdosed and died in march".
_LONG_AGO = r"(?:(?: \w+){0,4} (?:ago|died|years?|yrs?|months?|last (?:week|month|year)|back then|in (?:19|20)\d\d)\b)"
_NOT_CUT = (
    r"(?!\w*(?: (?:out|back|down|off|edge|in|corners|ties|class|costs?|carbs|sugar|hair|grass|hay|wood|firewood"
    r"|lawn|weeds|trees|it out|the)\b))"
)

# The start of a sentence, where an alternative is anchored ("^friday is the day$"). Canonical
# sentences hold only words and spaces, so this is "^" for a following word; written as a
# word boundary first because an alternative opening with "^" or a lookbehind stops re from
# skipping ahead to where a rule's first words can begin, and made whole rules 5-7 times slower.
_START = r"\b(?<![\w ])"
# After "set the date for": a day or time ("for Friday", "for the first of the month"), or the act.
_WHEN = (
    r"(?:next|first of|end|\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow|tonight|weekend|week|month|january"
    r"|february|march|april|may|june|july|august|september|october|november|december"
    # or the act itself ("for my death", "for my exit")
    r"|death|dying|suicide|exit|last|final|funeral|goodbye|overdose|attempt)\b"
)

# Each rule: (name, level, regex over one canonical sentence). Names appear in --explain.
_RULES: list[tuple[str, str, str]] = [
    # --- emergency now: an overdose or a body in danger, happening now ------------------------------
    (
        "emergency symptoms",
        "emergency",
        # Hinglish: lips going blue, fainted, breath slow, can't wake them, after pills or drink
        r"\b(?:neele|behosh|saans (?:bahut )?(?:slow|dheere)|utha nahi (?:pa )?rahe)\b.{0,80}\b(?:goli\w*|pills?|overdose"
        r"|liya|li|piya|pi rahe|strip)\b|\b(?:goli\w*|pills?|overdose|liya|piya|pi rahe|strip)\b.{0,80}\b(?:neele|behosh"
        r"|saans (?:bahut )?(?:slow|dheere)|utha nahi (?:pa )?rahe)\b|"
        r"\b(?:not breathing|stopped breathing|barely breathing|breathing (?:is )?(?:really |very |so |super )?"
        r"(?:slow|slowly|shallow|weird|funny|strange|wrong)|turning blue|turned blue|gone blue|lips (?:are |r )?(?:going |turning )?"
        r"(?:blue|purple|grey|gray|dusky)|blue lips|unresponsive(?! to (?:\w+ )?(?:emails?|calls?|texts?|messages?|treatments?|meds|medications?|therapy|ssris?"
        r"|antidepressants?))|not responding|(?<!\bi be )(?<!\byou be )(?<!\bu be )(?<!\bwe be )(?<!\bmake you )(?<!\bmakes you )(?<!\bmake me )unconscious|(?<!\bit )(?<!\bthat )(?<!\bwhich )(?<!\blife )(?<!\bmarriage )(?<!\bbusiness )(?<!\bmarket )(?<!\bwall )(?<!\broof )(?<!\bbuilding )(?<!\bhouse )(?<!\bdeal )(?<!\bworld )collapsed|seizing|having a seizure"
        r"|convulsing|convulsions|(?<!almost )(?<!nearly )(?:he|she|they|friend|son|daughter|buddy) (?:\w+ )?passed out"
        r"|(?:he|she|they|him|her|them|baby|son|daughter|brother|sister|friend|buddy|mom|dad|husband|wife|partner|boyfriend"
        r"|girlfriend|my \w+) (?:(?!i )\w+ ){0,5}(?:is |s |are )?(?:not waking|will not wake|wont wake)|can not wake (?:him|her|them|up)"
        r"|(?<!\bi )(?<!\bi just )(?<!\bi hope i )(?:will not|wont|is not|isnt|not) (?:wake|waking|respond\w*|answer\w*) (?:up"
        r"|to (?:his|her|their) name|me)\b.{0,60}\b(?:pills?|bottle|took|snor\w*|breath\w*|floor)\b|\bsnor\w* weird\b"
        r"|not rousable|unrousable|everything (?:is )?going (?:grey|gray|dark|black)|not moving(?! (?:anywhere|away|on|forward|out|in|house|home|to))|(?<!\bhair )(?<!\bteeth )fell out(?! (?:of|over|with))|head slumped|gurgl\w*"
        r"|needle (?:is )?still in|(?:with|has|had) (?:a |the )?needle in (?:his|her|their) arm|eyes rolled|went stiff|(?:hardly|barely|can not) keep (?:my |me |his |her |the )?eyes open"
        r"|(?:went|gone|going) limp|breathing (?:only )?every so often|(?:he|she|they|friend|son|daughter) (?:has|have|s) been"
        r" (?:shaking|seizing|convulsing|jerking)|(?:gave|given|giving|used) (?:(?:him|her|them) )?(?:\d+ |a |the |one |two )?(?:narcan"
        r"|naloxone)|tourniquet|heard (?:it|the gun|a shot|the shot|a gunshot) go off|face (?:\w+ ){0,2}droop\w*"
        r"|droop\w* on one side|(?:can not|cant) (?:talk|speak) right|words (?:are )?coming out wrong|hr (?:is )?(?:[1-3]\d|4[0-5])"
        r"|breathing but only just|breath\w* (?:like )?once every|keeps passing out|rr (?:maybe |of |is )?[1-8]\b"
        r"|no responde|choking on (?:his|her|their|my )?(?:vomit|puke)|(?:will not|can not|does not|wont) stop bleeding"
        r"|no respira|no despierta|inconsciente|labios (?:morados|azules)|se (?:puso|esta poniendo) (?:morad[oa]|azul)|convulsion|no (?:para|deja) de sangrar"
        r"|(?:od|overdose) (?:in progress|happening)|bleu autour des levres|respire (?:presque |quasiment )?(?:pas|plus)(?! (?:que|de|calmement|facilement|librement|mieux|fort|vite|profondement|doucement)\b)"
        rf"|{_START}(?:an? )?(?:od|overdose) (?:right )?now$|no hay (?:manera|forma) de despertarl[oa]|espuma (?:en|por) la boca|no (?:me )?(?:contesta|responde) cuando (?:la|lo) (?:sacudo|muevo|llamo)|no para de (?:salir )?sangr\w*|empape (?:dos|tres|\d+) toallas"
        r"|no (?:puedo|podemos|logro) despertar(?:la|lo)?|no (?:la|lo|le) (?:puedo|podemos|logro) despertar|no reacciona(?! (?:al?|con|bien|mal)\b)|esta convulsionando|asem (?:hy|sy|hulle) (?:baie )?stadig|(?:he|she|they|is|are|not) (?:hardly|barely) (?:moving|responding|responsive))\b",
    ),
    (
        "body in danger now",
        "emergency",
        r"\b(?:chest|heart)\b.{0,30}\b(?:crushing|pain|hurts|tight)\b.{0,40}\b(?:left )?arm\b.{0,20}\b(?:numb|tingl\w*|hurts?)\b"
        r"|\bone pupil\b|\bpupils? (?:is |are )?(?:different|uneven|bigger)\b|\bblue around (?:the |her |his )?(?:mouth|lips)\b"
        r"|\b(?:fever|temp(?:erature)?) (?:of |is )?10[3-7]\b|\bstiff as a board\b|\b(?:jerking|shaking|seizing) (?:all )?over\b"
        r"|\bdropped (?:in|on) the (?:kitchen|floor|bathroom|ground)\b|\bhit (?:her|his|my|their) head\b.{0,60}\b(?:vomit\w*"
        r"|throwing up|threw up|not making sense|confused|sleepy|passed out|blacked out|seeing double|double vision)\b|\beyes open but\b|\bnobody home\b|\bnot (?:move|moving)\b"
        r".{0,40}\b(?:bottle|pills|floor|name|respond)\b|\b(?:she|he|they) (?:no|not|doesnt|does not) respond\b"
        r"|\b(?:in|inside) (?:the |my |a )?(?:car )?(?:in (?:the|a|my) )?(?:garage|shed)\b.{0,40}\bengine (?:is )?(?:on|running|going)\b"
        r"|\b(?:is|am|are|im) (?:\w+ ){0,2}in (?:the|my|a) (?:garage|shed)\b.{0,40}\b(?:car|truck|engine|motor) (?:is )?(?:on|running|going)\b"
        r"|\bengine (?:is )?(?:on|running|going)\b.{0,40}\b(?:in|inside) (?:the |my |a )?(?:closed )?(?:garage|shed)\b"
        r"|\b(?:carro|coche|auto|motor) (?:\w+ ){0,2}(?:prendido|encendido)\b.{0,60}\b(?:marquesina|garaje|cochera|puerta cerrada)\b"
        r"|\b(?:garaje|cochera|marquesina)\b.{0,40}\b(?:carro|coche|auto|motor) (?:\w+ ){0,2}(?:prendido|encendido)\b"
        # a poison drunk; Polish "not breathing"; Malay unconscious, pills swallowed, breathing slow
        r"|\b(?:drank|drunk|swallowed|drinking|drink) (?:\w+ ){0,4}(?:weed ?killer|herbicide|paraquat|roundup|pesticide|insecticide|antifreeze|drain cleaner|lye|rat poison)\b"
        r"|\bnie oddycha\b|\btak sedar(?:kan)? diri\b|\btelan banyak (?:ubat|pil)\b|\bnafas (?:\w+ )?(?:perlahan|lemah|tersekat)\b"
        r"|\b(?:did|lit|burning) the charcoal\b|\bcharcoal\b.{0,40}\b(?:tape|door|room|dizzy|head)\b"
        r"|\b(?:still )?not wake up\b.{0,20}\b(?:\d+ min|minutes|already|properly)\b|\bhe not wake up\b|\bshe not wake up\b",
    ),
    (
        "overdose taken",
        "emergency",
        rf"\b(?:took|(?:have|ve|just) taken|swallowed|ate|chewed|downed|popped|ingested|chased|necked|injected|snorted|drank|put on|tome|tomo)"
        rf" (?:\w+ ){{0,3}}(?:all|everything|every|most of"
        rf"|the whole|whole|an entire|entire|too many|too much|way too|a handful|handful|a bunch|\d{{2,}}|like \d+|maybe \d+"
        rf"|about \d+|em|them all|todas)\b(?: \w+){{0,4}} (?:{_MEANS}|drawer|cabinet|patches|pack|card|capsules|doses|of (?:them"
        rf"|it|my|the|his|her)\b(?! (?:time|afternoon|morning|day|evening|night|energy|life|attention|money|week|weekend|lunch"
        rf"|break|patience))|em|them|it|k|lines|las|script|prescription|supply|stash)\b|\b(?:already|just) took (?:em|them|it|the pills)\b"
        rf"|\bi took the pills\b|\b(?:me )?tome (?:\w+ ){{0,3}}(?:todas|todo)$|\b(?:ate|took|swallowed|downed) the rest of (?:the|my|his|her) (?:bottle|pills|pack|meds)\b"
        r"|\bho preso tutt[ei]\b|\b(?:avale|avaler|pris) (?:toute la bouteille|toutes? (?:mes |les )?(?:pilules|comprimes))\b|\bjai pris (?:toute|tous|toutes|tout)\b(?! (?:la |les |mon |ma |mes )?(?:journee|nuit|soiree|semaine|matinee|jours|soirs|temps|annee|mois|rendez))|\btomei (?:tudo|todos|todas|uma cartela|um monte)\b"
        r"|\b(?:alle|die ganze|eine ganze)\b.{0,40}\bgenommen\b|\bnakainom\b.{0,20}\b(?:maraming|rat poison|lason|gamot)\b"
        r"|\bi have done it\b.{0,40}\b(?:pills|tablets|bottle)\b|\b(?<!not )(?<!never )(?:taken|took|swallowed|downed) the lot\b"
        rf"|\b(?:took|swallowed|downed|taken) (?:\w+ ){{0,4}}{_MEANS}\b.{{0,30}}\bon purpose\b"
        r"|\buong het (?:\w+ ){0,2}thuoc\b|\b(?:bahut|saari|sari|sab) (?:saari |sari )?goliyan kha (?:li|liye|lee)\b",  # Vietnamese, Hindi: drank all the medicine, ate many pills
    ),
    (
        "overdose now",
        "emergency",
        r"\b(?:i|he|she|they|someone|my \w+|we)(?: \w+)? (?:just |already |accidentally )?(?:took|swallowed|drank|did|had"
        r"|snorted|used|ate|injected) (?:too (?:much|many)|way too (?:much|many)|a (?:lot|bunch|handful|whole bottle|ton)"
        r"|like \d+|\d+|all|the whole|double|triple|an entire|so (?:much|many))\b"
        # counted things that are no dose ("took 200 pictures", "ate an entire pizza")
        r"(?! (?:pictures?|photos?|pics|selfies|steps|laps|pages|miles|seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?"
        r"|years?|yrs?|times|tries|attempts|goes|pizza|cake|bag of chips))"
        r".{0,40}\b(?:pills?|tablets?|meds"
        r"|ketamine|xanax|tylenol|oxy|fentanyl|bottle|mg|doses?|of (?:it|them|my)|and)\b"
        r"|\b(?:already|just) (?:took|swallowed|drank) (?:them|it|all|everything)\b"
        r"|\b(?:took|swallowed|injected|overdose|overdosed|od|took like|tome|tomo)\b.{0,60}\b(?:\d+|an?|one|two|half an?|media|una|hace)"
        r" (?:min|mins|minutes|hour|hours|hrs|hr|hora|horas|rato)\b (?:ago|back|earlier)\b"
        r"|\b(?:tome|tomo|tomado)\b.{0,60}\bhace (?:como |unos? |unas? )?(?:\d+|una|media|un|rato)\b|\bhace (?:una|media|\d+|un) (?:hora|horas|rato"
        r"|minutos)\b.{0,60}\b(?:tome|tomo|pastillas)|\b(?:me|se) tomo (?:como |todo |todas |\d+ )"
        r"|\b(?:me|se) (?:tome|tomo|puso|inyecto) (?:de mas|demasiad[oa]s?)\b|\bme tome (?:como |todo |todas |\d+ )"
        r"|\bse tomo (?:el|un) frasco (?:entero|completo)\b|\b(?:acabo de (?:tragar|tomar)|ya (?:me )?(?:tome|trague)|me (?:tome|trague)) (?:\w+ )?todas las (?:pastillas|pildoras)\b"
        r"|\bse (?:desvanecio|desmayo)\b.{0,40}\b(?:jeringa|pastillas|frasco|blister)\b|\b(?:tome|tomo) de mas\b|\bya me las? tome\b|\b5adt el 7obob kolaha\b|\bme (?:harte|jarte|atasque|empastille)\b.{0,20}\bpastillas\b"
        r"|\b(?:nino|nina|bebe|hijo|hija|nieto|nieta)\b(?: \w+){0,5} (?:se comio|se tomo|se trago|trago|comio) (?:\w+ ){0,2}(?:pastillas|medicinas?|pildoras|cloro|veneno)\b"
        r"|\bse me (?:paso|fue) la mano con (?:las |los |la |mis )?(?:pastillas|pildoras|medicinas?|calmantes)\b"
        r"|\boverdose\b.{0,30}\b(?:already happened|has happened|is kicking in|kicking in)\b",
    ),
    (
        "overdosing now",
        "emergency",
        rf"\b(?:i|he|she|they|someone|my \w+)(?: am| is| are| think| thinks| believe| might| might be| may be| just| have| has"
        rf"| had| i)* overdos(?:ing|ed)\b(?! (?:years|in|when|back))(?!{_LONG_AGO})"
        rf"|{_START}(?:just |already )?overdos(?:ing|ed)\b(?! (?:years|in|when|back|on))(?!{_LONG_AGO})"
        r"|\bis overdosing\b|\bse tomo (?:todas|muchas|un monton)",
    ),
    (
        "symptoms after taking too much",
        "emergency",
        rf"\b{_EXCESS}\b.{{0,120}}\b{_SYMPTOM}\b|\b{_SYMPTOM}\b.{{0,80}}\b{_EXCESS}\b"
        # a count no prescription gives ("about 15 diazepam", "the paracetamol, had about 20")
        rf"|\b{_COUNTED}\b.{{0,120}}\b{_SYMPTOM}\b|\b{_SYMPTOM}\b.{{0,80}}\b{_COUNTED}\b"
        # carbon monoxide: an engine running in a closed space, and its first symptoms
        r"|\b(?:engine (?:is )?(?:on|running)|exhaust|fumes)\b.{0,120}\b(?:headache|sleepy|dizzy|drowsy|passing out"
        r"|can not (?:move|breathe)|nause\w*)\b",
    ),
    (
        # Poison Help's commonest call: a child who got into medicine or a household product.
        "child poisoning",
        "emergency",
        rf"\b(?:toddler|baby|infant|kid|child|little one|my (?:son|daughter|grandson|granddaughter|boy|girl|nephew|niece))"
        rf"(?: \w+){{0,3}} (?:ate|eaten|swallowed|got into|chewed|drank|drink|licked|sucked on|bit into|bit) (?:\w+ ){{0,3}}(?:{_MEANS}|medicine"
        rf"|something (?:from )?under the sink|javel"
        rf"|gummies|edibles|vitamins|button batter(?:y|ies)|batter(?:y|ies)|pods?|detergent|bleach|cleaner|nicotine|vape"
        rf"|magnets?|antifreeze|rat poison)\b",
    ),
    (
        "serious injury or poisoning now",
        "emergency",
        r"\b(?:drank|drink|drinks|swallowed|ate|chewed) (?:the |some |a |his |her )?(?:\w+ )?(?:bleach|antifreeze|rat poison"
        r"|poison|cleaning (?:liquid|product)|pesticide|insecticide|paraquat|gramoxone|sniper|weed killer|lye|cattle wormer|chemicals?)\b"
        # self-injury bleeding hard: soaking through, pooling, gushing, or with faintness
        r"|\b(?:cut(?! (?:back|down|off|out|in half|my dose|the dose)\b)|cuts|cutting(?! (?:back|down|out)\b)|razor|blade|wrist|opened it"
        r"|sliced|corte|corto|muneca)\b.{0,80}\b(?:gushing|pouring|pooling|spurting"
        r"|so much blood|blood everywhere|all red|through (?:the |my )?(?:bandage|towel)|light ?headed|faint\w*|dizzy|a chorros"
        r"|sangre por todo|no para de sangrar|(?:me|se) marea\w*)\b"
        r"|\b(?:gushing|pooling|spurting|so much blood|blood everywhere|bleeding (?:strong|bad|hard|a lot))\b.{0,80}\b(?:cut|cuts|razor"
        r"|blade|wrist|deep|made)\b"
        r"|\b(?:shot|stabbed|hanged|hung|cut) (?:him|her|them|my)? ?sel(?:f|ves)\b.{0,80}\b(?:blood|bleeding|breathing|talking"
        r"|moving|ambulance|ambo|hurts)\b|\b(?:cut|cuts) (?:too |so |very )?deep\b|\b(?:cut|rope) (?:him|her) down\b"
        r"|\bcut (?:\w+ )?deeper than\b.{0,80}\b(?:bleed\w*|not stopping|will not stop|towels?|soaked)\b|\bbleeding (?:for|through)\b.{0,30}\b(?:\d+ (?:min|mins|minutes|hours?)|towels?)\b"
        r"|\bthrough (?:\d+|two|three|four|the|a) towels?\b|\b(?:cut|cuts|gash|wound)\b.{0,60}\b(?:can see (?:inside|in it|the fat|fat|bone|muscle)|blood (?:has )?(?:soaked|soaking|soaks))\b|\bcrushing chest pain\b|\bchest pain\b.{0,60}\b(?:sweat\w*"
        r"|diaphoretic|faint\w*|short of breath|can not breathe)\b"
        r"|\bcut the rope\b|\b(?:tried to hang|hung) (?:my|him|her)sel(?:f|ves)\b.{0,40}\b(?:broke|neck|voice|breathing)\b"
        r"|\bwater is red\b|\b(?:on|in) the (?:floor|ground|bathroom floor|bed|sofa|couch)\b.{0,60}\b(?:not (?:answering|responding"
        r"|moving|breathing)|will not (?:answer|respond|wake|come to)|shaking|fit|seizure|foam\w*|grey|gray|blue|barely)\b"
        r"|\b(?:will not|wont|can not) come to$|\bout cold\b|\bhaving a fit\b|\bfoam\w* (?:at|on|from|comin\w*)"
        r" (?:the |his |her )?mouth\b|\bbreath\w* (?:like )?once every\b|\b\d+ breaths? (?:a|per) minute\b",
    ),
    # --- crisis: ideation with a wish, intent, plan, means or behaviour -----------------------------
    (
        "suicidal now",
        "crisis",
        r"\b(?:i|i am|feel|feeling|felt|been|im)\b(?: \w+){0,3} suicidal\b"
        r"|\bsuicidal (?:thoughts|feelings|urges|ideation)\b.{0,30}\b(?:again|every|wont stop|will not stop|back|all the time)"
        r"|\b(?:my |the )?si (?:is |has been |s )?(?:back|worse|bad|active|loud|louder|constant|getting (?:worse|bad)|every day|every night|again)\b"
        # voices that command it
        r"|\bvoices? (?:\w+ ){0,3}(?:telling|tell|tells|told|saying|say|says) (?:me|you) (?:to|i should|i need to|i have to|i must)"
        r" (?:die|kill|end|hurt|jump|cut)\b",
    ),
    (
        # "not safe with myself" is how many people first say it (988's own wording: "are you safe?")
        "not safe with oneself",
        "crisis",
        r"\b(?:not|do not feel|never feel|no longer feel) (?:feel )?safe (?:with|around|by|from) my ?self\b"
        r"|\bunsafe (?:with|around) my ?self\b|\b(?:i am|i feel|i) not safe (?:tonight|right now)\b"
        r"|\b(?:(?:i am|i feel|i) not|i do not feel) safe(?: (?:tonight|right now|anymore|any more|alone))?$",
    ),
    (
        "death wish",
        "crisis",
        r"\b(?:want|wants|wanting) to be in the ground\b|\b(?:want|wants|wanting|wish|ready) to be (?:six|6) (?:feet|foot|ft) under\b|\b(?:step|stepping|stepped|walk|walking|walked) (?:out )?into (?:the )?(?:traffic|oncoming)\b|"
        rf"\b{_WANT} (?:to )?(?:\w+ ){{0,5}}{_DEATH}\b|\bfeel(?:s|ing)? like {_DEATH}\b"
        r"|\b(?<!\bdo )or (?:just |simply )?(?:end (?:it|it all|things|my life)|kill myself|die)$",
    ),
    (
        "intent to die",
        "crisis",
        rf"\b(?:plan|plans|planning|planned|going to|ready to|decided to|about to|finally|will)"
        rf" (?:on )?(?:\w+ ){{0,3}}(?:{_DEATH}|doing it|do it (?:tonight|this weekend|tomorrow|soon|today))\b"
        r"|\bno intention of (?:coming back|waking up|surviving|being here)\b"
        rf"|\b(?:{_MEANS}|woods)\b.{{0,80}}\b(?:is|am|are|i|he|she|they) not (?:\w+ )?coming back\b"
        rf"|\bnot (?:\w+ )?coming back\b.{{0,60}}\b{_MEANS}\b"
        r"|\b(?:go|drive|walk|swim|head|wander|lay|lie) (?:\w+ ){0,10}and (?:not|never) come back\b"
        r"|\bso (?:i|he|she|they) (?:do not|does not|doesnt|dont|will not|wont|never) (?:come back|wake up)\b"
        r"|\blet my ?self (?:just )?(?:slip away|fade away|go|die)\b",
    ),
    (
        "killing oneself",
        "crisis",
        rf"\b(?:kill|killing|killed|off|offing|end|ending|hurt|hurting|harm|harming|cut|cutting"
        rf"|burn|burning|burned|burnt|scratched|carved|stabbed|hang|hanging|drown|drowning|poison|starve|starving|shoot"
        rf"|unalive|unaliving|uninstall|uninstalling) {_SELVES}\b|\bdrink\w* {_SELVES} to death\b",
    ),
    ("suicide named", "crisis", r"\b(?:suicid(?!etopic)\w*|unaliv\w*|ctb|selfdelete|kill myself|kms)\b"),
    (
        "suicide attempt",
        "crisis",
        r"\b(?:attempt|attempted|attempting|try|tried|trying) (?:suicide|to (?:die|end it|kill))\b"
        r"|\battempts? at (?:ending it|ending my life|suicide|killing myself|taking my (?:own )?life)\b"
        # an attempt told with the intent to repeat it ("rope snapped. might try again")
        r"|\b(?:tried to (?:hang|kill|end|off|drown|shoot|poison|overdose|od)\w*|had a (?:crack|go|shot|try) at it|rope (?:snapped"
        r"|broke)|attempted)\b.{0,80}\b(?:try(?:ing)? (?:it )?again|next time|make no mistake|get it right|do it properly)\b"
        r"|\b(?:cord|rope|belt|noose|cable|wire) (?:was |is )?(?:around|round) my neck\b|\b(?<![\w ])(?:i am |im |sitting |standing |now )?on the ledge(?: now| again| rn| right now)?$",
    ),
    (
        "wish to be dead",
        "crisis",
        r"\b(?:wish|wishing|hope|hoping|pray|praying) (?:i|to) (?:was |were |would |could |just |had |will |do )*(?:dead|die"
        r"|gone|never (?:been born|born|wake up|existed)|not (?:wake|exist|be here|be alive)|disappear|fall asleep|sleep and)"
        r"|\b(?:want|wish|need) (?:it all|everything|it|the pain|all of it|this) to (?:stop|end) (?:forever|for good|permanently)"
        r"|\b(?:pray|praying|prayed|hope|hoping|wish|wishing) for (?:death|the end|it all to end|god to take me)\b"
        # someone else wishing themselves dead ("she keeps saying she wishes she had died")
        r"|\b(?:she|he|they) (?:\w+ ){0,3}(?:wish|wishes|wished) (?:she|he|they) (?:was|were|had|would have|could) (?:just )?"
        r"(?:dead|died|die|not (?:woken up|survived|been born))\b"
        # a past brush with death wished fatal ("wish the crash had killed me", "i should have died")
        r"|\b(?:wish|wishes|wished|wishing)\b.{0,40}\b(?:had|would have) (?:just )?(?:killed|taken|finished) (?:me|him|her|them)\b"
        # an accident wished for ("hope a car hits me", "half hope the plane goes down", "pray for a fatal accident")
        r"|\b(?:hope|hopes|hoping|wish|wishing|pray|praying)\b(?: \w+){0,3} (?:a|the|that|some) (?:\w+ )?(?:car|truck|bus|train"
        r"|plane|semi|driver)\b(?: \w+){0,2} (?:hits?|run (?:me )?over|runs (?:me )?over|licks?|goes down|go down|crash(?:es)?)\b"
        r"|\b(?:hope|hoping|pray|praying|wish|wishing) for (?:a |an )?(?:fatal|deadly) (?:accident|crash)\b"
        r"|\b(?:wish|wishes|wished|wishing)\b.{0,40}\b(?:had|would have) (?:done|finished) (?:its|the|their) job\b"
        r"|\b(?:i|he|she) should have died\b"
        # going to sleep hoping it is the last time; wishing one were not here
        r"|\bhop(?:e|ing) (?:it is|its|this is|tonight is) (?:the|my) last (?:time|night|day)\b"
        r"|\b(?:what if|wish|if only) i (?:just )?(?:wasn t|was not|weren t|were not|wasnt|werent) (?:here|around|alive)\b",
    ),
    (
        # A passive wish stated beside a denial of intent ("I don't want to kill myself exactly, I just
        # want to be dead"; "I'm not suicidal, I just hope I get into an accident"): the denial does
        # not cover the wish.
        "passive death wish",
        "crisis",
        r"\b(?:just|only|simply|really|honestly) (?:want|wanna|wish|hope) (?:to |i (?:was|were|could|had|would) )?(?:be dead|die"
        r"|not exist|not wake up|disappear(?! for a)|never (?:been born|existed|woken up)|(?:have )?never been born)\b"
        r"|\b(?:hope|hopes|hoping|wish|wishing|pray|prays|praying)\b.{0,50}\b(?:accident|crash|deer|heart attack|stroke|cancer"
        r"|diagnosis|illness|ied|bomb|bullet|car|truck|bus)\b.{0,40}\b(?:so (?:it is|its) over|finish\w* the job|makes? the call"
        r"|take\w* me|kill\w* me|end\w* it|got me|for me|so i can (?:finally )?(?:go|die|rest|be done))\b"
        r"|\b(?:dirt nap|eternal sleep)\b.{0,30}\b(?:sounds?|sounding|looks?|looking) (?:\w+ )?good\b"
        r"|\b(?:shot|killed|hanged|hung) (?:him|her|them)sel\w*\b.{0,80}\b(?:had the right idea|had it right)\b"
        r"|\b(?:wish|wished|wishing)\b.{0,40}\b(?:had|would have) (?:finished|killed|gotten|got|taken) (?:the job|me)\b"
        r"|\bwish\w* (?:\w+ ){0,6}(?:got|took|had got|had taken|killed|had killed) me instead\b|\bwish\w* (?:it|that) (?:was|were|had been) me\b"
        r"|\b(?:terminal|serious|fatal|incurable) (?:illness|diagnosis|disease|cancer)\b.{0,60}\b(?:relief|pleased|happy|welcome"
        r"|glad|lucky)\b|\b(?:would )?prefer (?:to )?(?:not (?:to )?wake up|be dead|die|not exist)\b(?! (?:early|too early|so early|at \d))"
        r"|\b(?:hope|hoping|wish|wishing|pray\w*) (?:that )?i (?:do not|dont|wont|will not|never) (?:survive|wake up)\b"
        r"|\bcounting down\b.{0,40}\b(?:finally (?:be )?free|be gone|the end|my last)\b"
        r"|\b(?:ready|want|wanna|wish|hope) (?:to )?(?:just )?be put in the ground\b|\bto (?:just )?(?:fall a)?sleep forever\b"
        r"|\b(?:i do not know|idk|not sure|dunno|doubt)\b.{0,10}\b(?:i will|ill|i ll|i am gonna|im gonna|i make|i can) (?:even )?"
        r"(?:make it|last|hold on|be (?:here|around|alive)) (?:that (?:far|long)|till then|until then|by then)\b"
        r"|\b(?:lay|lie) down (?:\w+ ){0,4}and (?:never|not) (?:get up|wake up)\b|\b(?:do not|dont) (?:really |even )?care (?:if|whether)"
        r" (?:i (?:die|live)|(?:it|they|this|that) kills? me|i (?:do not|never) wake up)\b|\b(?:would not|wouldnt) mind (?:if )?(?:i|my heart|the ticker|my ticker|it all|my life) (?:\w+ ){0,2}(?:died"
        r"|quit|stopped|ended|never woke|did not wake)\b|\b(?:envy|envying|envious of|jealous of)\b.{0,30}\b(?:the dead|dead people|obituar\w*|people who"
        r" (?:died|are dead))\b",
    ),
    (
        "not wanting to live",
        "crisis",
        r"\b(?:do not|no longer|not) (?:want|wanna|wish) to (?:live|be alive|wake up(?! (?:early|so early|too early|at \d))|exist|be here|be around|go on"
        r"|keep (?:going|living|existing)|see tomorrow)\b"
        # said another way: preferring not to exist, surviving each morning as a disappointment
        r"|\b(?:would |d )?(?:prefer|rather) not (?:to )?(?:exist|be alive|be here|wake up(?! (?:early|so early|too early|at \d)))\b|\bwhy do i keep (?:surviving|waking up)\b"
        r"|\bevery morning is (?:a|another) disappointment\b|\bno intention of (?:seeing|making it to|reaching|living to) (?:\w+ )?(?:\d+|sixty|seventy|eighty|fifty|forty|thirty|another|next|christmas|the new year)\b",
    ),
    (
        "burden, better off without me",
        "crisis",
        r"\b(?:i am|im|i m|feel like i am|feel like im) (?:just )?(?:taking up|wasting) (?:space|room|air|oxygen)\b|"
        r"\b(?:weight|millstone|albatross|anchor) (?:round|around|on|tied to) (?:every\w*|their|your|his|her|my \w+)s? neck"
        r"|\b(?:dragging|drag) (?:every\w*|them|my \w+) down\b.{0,30}\b(?:without me|if i (?:was|were) gone)|"
        r"\b(?:better off (?:dead|gone|without me|with me dead|with me gone|if i|six (?:feet|foot) under|in the ground|in a box)|rather be dead|(?:better|easier|happier) (?:\w+ ){0,3}(?:without me"
        r"|if i (?:was|were|am) (?:gone|dead|not here|not around))|(?:no one|nobody|world|anyone) (?:would|will|is going to|going to) (?:even )?"
        r"(?:miss|notice|care)|(?:notice|care|miss me) if i (?:was|were|am|disappeared|died) ?(?:gone|dead)?"
        r"|waste of (?:space|oxygen|air)|(?:shoot|kill|end) me\b(?! (?:a|an|the|some|your|over|back|up|down|with|if|when)\b).{0,60}\bi (?:actually |really |truly )?mean it|(?:i am|i|me) (?:\w+ ){0,3}taking up space|mejor sin (?:mi|ella|el)|soy una carga|estariamos mejor)\b"
        r"|\b(?:better|happier|easier|fine|tranquil|calmer|free|relieved|okay|ok) (?:\w+ ){0,2}without (?:me|her|him|them)\b"
        r"|\b(?:out of (?:\w+ )?(?:hair|way)|gone) for good\b|\bwhat (?:am i|i am|im) (?:even )?(?:waiting|sticking|hanging)"
        r" around for\b|\bpermanent (?:sleep|solution|way out|exit|escape|one)\b|\bexit plan\b"
        r"|\b(?:not|never) (?:going to )?be a (?:problem|burden|bother|worry) (?:\w+ ){0,3}(?:much longer|for long|any ?more|soon)\b"
        r"|\b(?:i am|i feel|being|im|feel like)\b.{0,25}\bburden\b|\bburden (?:to|on) (?:everyone|my|them|people)\b"
        r"|\bif i (?:was|were|am) (?:gone|dead|not here|not around)\b.{0,40}\b(?:could|would|be (?:better|happier|easier|free)|nobody|no one)\b"
        r"|\bif i (?:die|died)\b.{0,30}\b(?:can|could|would|will) (?:finally|at last|at least) (?:stop|be|have|move|live|rest)\b",
    ),
    (
        "tired of existing",
        "crisis",
        r"\bcan not face another (?:day|night|week|winter|year|christmas)\b|\b(?:tired|sick|exhausted|done|finished) (?:of|with) (?:existing|living|being alive|life|being here|this life"
        r"|waking up|breathing|being me|respawning)\b|\b(?:no(?! life\b)|nothing to|no reason (?:for me )?to|what is (?:even )?the point of|point of|point in"
        r"|no point (?:in|of)) (?:live|living|life|going on|being alive|existing|carry on|carrying on|keep going|anything)\b"
        r"|\bnothing (?:left )?to live for\b|\bnot worth (?:living|being alive)\b"
        r"|\blife (?:is|isnt|is not) (?:not )?worth (?:living|it)\b|\b(?:can not|can no) (?:go on|keep going|keep living|live like this)\b"
        r"|\bgive up on (?:life|living)\b|\bdone for good\b|\bending it all\b|\bpoint (?:of|in) (?:staying|waking up|getting up"
        r"|trying|anything any ?more)\b|\b(?:tomorrow|tonight|today|this weekend) (?:is|will be) the (?:day|night)\b"
        r"|\bis (?:tomorrow|tonight) the (?:day|night)\b|\b(?:hope|hopes|hoping|pray|praying|wish|waiting for|want)\b.{0,40}"
        r"\b(?:take me|takes me|take me out|hit me|hits me|kill me|kills me)\b|\bcan not support more\b"
        r"|\b(?:disappointed|sad|angry) (?:that )?i woke up\b|\b(?:do not|dont) want any more days\b|\bonly (?:thing )?"
        r"(?:keeping|holding) me (?:here|on|alive)\b|\bonly holding on for\b|\bwhen (?:she|he|they) (?:is|are|s) gone (?:i am|im) gone\b"
        r"|\b(?:i am|i|im) (?:not going to|will not|wont) make it$|\b(?:not going to|will not|wont|is not going to) (?:make it|live)"
        r" (?:to|past|till|until) (?:my |his |her |the )?(?:\d+|christmas|new year|next year|graduation|birthday|the weekend)\b"
        r"|\b(?:weeks|days|months|much time|much longer|long) left in me\b|\bno fight left\b"
        r"|\bnothing (?:left )?to stick around for\b|\b(?:i am|i will|i|she is|he is) walking into the (?:ocean|sea|lake|river|water)\b"
        r"|\b(?:then|tonight|tomorrow) i (?:will |am going to |going to )?walk (?:in|into) the (?:ocean|sea|lake|river|water)\b"
        r"|\b(?:no one|nobody|noone) (?:going to |will |would )?miss(?:es)? me\b"
        r"|\blet me (?:just )?(?:not|never) (?:come back|wake up)\b|\b(?:ketamine )?hole forever\b"
        r"|\bmight as well (?:finish|end) (?:the job|it|it all|things)\b|\b(?:shutdown|shut down|switch off|turn off|power off)"
        r" (?:on )?my ?self\b"
        r"|\bi (?:am )?(?:\w+ )?check(?:ing)? out (?:for good|for real|permanently|forever)\b"
        r"|\bi (?:am |will |may |might |do )?(?:not|never) (?:plan on |planning on |going to |expect to )?(?:be|being) (?:here|around|alive)"
        r" (?:by|much longer|in (?:a )?(?:few )?(?:weeks?|days?|months?))\b"
        r"|\b(?:running out of|no more|no) reasons? (?:to|for) (?:live|living|stay|staying|be here|keep going)\b"
        r"|\b(?:not sure|i do not know|idk) if (?:i will|i am going to) (?:still )?be (?:around|here|alive)\b"
        r"|\b(?:i am|i is|i|i will|im) not (?:going to |gonna )?stick(?:ing)? around\b(?! (?:for|to|after|at|until|till|while))"
        rf"|{_START}i (?:just )?want out$|\bi (?:just )?want out of (?:here|this life|this world|life)\b"
        r"|\b(?:except|other than|only option is|only thing left is) (?:ending it|ending my life|dying|to end it|killing myself)\b|\b(?:hurry up|would welcome it|come for me)\b|\bhad enough\b(?! (?:of (?!(?:it|this|everything|life|living|all|me|myself|people|the world)\b)|to |sleep|food|time|money|water|rest))|\b(?:do not|dont|can not) see myself (?:being )?(?:alive|here|around)\b"
        r"|\b(?<!we have )(?<!we )(?<!weve )made (?:my )?peace with (?:it|dying|death)\b(?! (?:as a family|long ago|years ago))|\b(?:stopped|stop|not) (?:eating|taking my (?:heart )?(?:meds|pills|medication))"
        r"\b.{0,60}\b(?:let it happen|naturally|fade|do not intend|die|stop for good)\b|\bi am (?:the )?last one left\b"
        r"|\b(?:do not|can not|no longer) see (?:a|the|any) (?:point|reason) (?:in|to|of) (?:living|live|life|going on|being alive"
        r"|being here|staying alive|carrying on)\b"
        r"|\bhate (?:that )?(?:i am|im|i) still (?:here|alive|breathing)\b|\bwhat(?: i)?s the point of me\b|\btire(?:d)? for (?:this )?life\b"
        r"|\b(?:dying|death|being dead)\b.{0,30}\bsounds? (?:\w+ )?(?:like )?(?:rest|peace|peaceful|relief|nice|good)\b"
        r"|\b(?:do not|not) (?:intend|expect|plan) to (?:see|be alive|be here|make it to|live to|live (?:past|till|until|through))\b",
    ),
    (
        "searching for a method",
        "crisis",
        # a lethal dose or method asked "for me" ("what plant can kill a person, asking for me")
        r"\b(?:kill|die|dies|dead|fatal|lethal|deadly|mortal|mortales|letal|matar|morir)\b.{0,60}\b(?:asking for (?:me|myself)|(?:pregunto|es) (?:x|por|pa|para) mi)\b|"
        r"\b(?:fall|falls|falling|jump|jumping|drop) (?:from|off) (?:\d+|two|three|four|five|six|seven|eight|nine|ten) (?:floors|stories|storeys)\b|"
        r"\b(?:jump\w*|go|walk\w*) (?:in|into|off) (?:the )?(?:river|lake|sea|ocean|fleuve|harbor|harbour|bay|water)\b.{0,40}"
        r"\b(?:fast|quick|quickly|painless|how long|hurt)\b|\bdrown\w*\b.{0,30}\b(?:fast|quick|quickly|painless|how long)\b|"
        r"\b(?:fatal|lethal|deadly|enough to kill)\b.{0,60}\b(?:my weight|for me|a man of|a woman of|my size|\d+ ?(?:lbs|pounds|kg))\b|"
        r"\b(?:surer|quicker|more certain|less painful|more painless|more reliable)\b than (?:a |the )?(?:pills|rope|gun|jumping|hanging"
        r"|drowning|cutting|a bridge|the car)\b|"
        r"\b(?:how (?:to|do (?:i|you|people)|can i|would i|could i|much would it take to|long does it take to"
        r"|many \w+ (?:would it take )?to) (?:die|kill (?:my ?self|me|yourself)|end it|end my life|overdose|not wake up|hang(?! (?:my|a|the|up|out|pictures?|things|it|them|on|in)\b)"
        r"|suicide|unalive|bleed out)|(?:painless|least painful|easiest|easy|quickest|quick|fastest|best|surest|peaceful)"
        r" (?:way|ways|method|methods) to (?:die|go|end it|kill|check out|overdose)|lethal (?:dose|amount)"
        r"|fatal (?:dose|amount|mg|milligrams|grams|number)|deadly (?:dose|amount|mg|milligrams|grams)|ld ?(?:50|so) of|bleed out|(?:tallest|highest) (?:bridge|building|cliff)"
        r"|(?:would|will|could|does|can) (?:it|that|this|they) (?:kill me|be enough to)"
        r"|(?:enough|how many|how much)\b.{0,40}\b(?:to die|to kill me|would kill me|to overdose|to end it|to not wake up"
        r"|to never wake up|to stop my heart|do i need to overdose))"
        r"|\bhow deep (?:\w+ ){0,4}(?:cut|slit)\b|\bhow long (?:does it take|would it take|till|until|do you) (?:\w+ ){0,2}(?:when you"
        r" hang|to hang|hanging|to bleed out|to drown)\b|\bdoes it hurt (?:much |a lot )?(?:to|when you) (?:hang|jump|drown|die|bleed out|slit)\b"
        r"|\bdoes (?:a |the )?(?:9mm|gun|bullet|shotgun|headshot|noose|hanging)\b.{0,10}\bhurt\b"
        r"|\b(?:if|whether) (?:a |an )?(?:hanging|drowning|jumping|bleeding out|overdosing|overdose|noose|9mm|gun shot|gunshot)"
        r" (?:would |will |does |do |really )?hurts?\b|\b(?:poisonous|toxic|strong|deadly) enough to kill\b"
        r"|\b(?:make|making|makes) (?:death|dying) (?:\w+ )?(?:quick|quicker|painless|fast|faster)\b"
        r"|\bhow long (?:\w+ ){0,5}before (?:someone|somebody|a body|you|i|they) (?:is|are|gets?|get) found\b"
        r"|\b(?:drug|pill|meds?|medication|something|anything|injection)\b (?:\w+ ){0,8}(?:just )?stops? (?:your|ur|my|the|a person s) heart\b"
        r"|\b(?:less|least) pain\w*\b.{0,40}\b(?:pills?|jump|jumping|hang|hanging|rope|gun|drown\w*)\b"
        r"|\b(?:least painful|painless|quickest|easiest|surest) (?:way|method)\b|\bhow (?:many|much)\b.{0,50}\b(?:it would take"
        r"|would it take|it takes|it would need|would do it)\b|\b(?:meds|pills|drugs|dose|amount|which \w+) (?:would|will|could)"
        r" do (?:it|the job)\b|\b(?:use|take|using|with) \w+ to (?:end my life|kill myself|die|end it)\b"
        r"|\b(?:need|enough|take|takes|high|floor)\b.{0,30}\b(?<!want )(?<!wanna )(?:for|to) (?:not wake up|die|not survive|never wake up)\b"
        r"|\b(?:ways?|how) (?:for|to) die\b|\b(?:would|will|is) it (?:be )?painless\b|\bdosis letal\b|\bcuant[oa]s?\b.{0,40}\b(?:para|hace falta para)"
        r" (?:no despertar|morir|matarme)\b|\b(?:bridges?|buildings?|cliffs?)\b.{0,30}\b(?:fences?|high enough|tall enough)\b"
        r"|\b(?:looked up|looking up|searching|searched|googled|googling)\b.{0,40}\b(?:bridge|lethal|overdose|ways to die"
        r"|how to die|painless|insulin it takes|it would take|kills you|are fatal|is fatal)\b"
        r"|\b(?:dose|amount|how much|how many)\b.{0,30}\b(?:stops? (?:ur|your|my|the) heart|kills? you|would be enough to stop"
        r"|right amount|is fatal|are fatal)\b|\bstops? (?:ur|your|my|the|a person s) heart\b.{0,30}\bhow (?:much|many)\b|\b(?:floor|height|fall|stor(?:y|ies|eys?))\b.{0,20}\b(?:guaranteed|enough|survive)\b"
        r"|\b(?:is it|would it be) (?:painful|quick|painless) to (?:drown|die|hang|bleed|jump)\b"
        r"|\bwhat (?:actually |really )?happens (?:to (?:ur|your|the|a) body )?when (?:u|you|someone|people|ppl) (?:hang|drown|jump|bleed out)\b"
        r"|\b(?:ctb|suicide|kms|unalive|selfdelete) (?:methods?|ways?|options?)\b"
        r"|\b(?:does|do|can|could|would|will) (?:\w+ ){0,2}survive\b.{0,20}\b(?:jumping|a jump|the fall|a fall|hanging|drowning)\b"
        r"|\b(?:hang|hangs|hanging|drown\w*|bleed\w* out)\b.{0,40}\bhow long (?:it takes|does it take|would it take)\b"
        r"|\bhow long (?:\w+ ){0,2}(?:drown\w*|hang\w*|bleed\w* out) (?:\w+ )?takes?\b"
        rf"|\b(?:is|are|would|will) (?:\d{{2,}}|a (?:whole )?(?:bottle|box|pack)|all) (?:\w+ ){{0,3}}{_MEANS}\b(?: \w+){{0,4}} enough\b"
        r"|\b(?:ocean|sea|river|lake|water|bridge|jump\w*|hang\w*|pills|drown\w*)\b.{0,80}\b(?:would|will) it be (?:quick|painless"
        r"|fast|peaceful)\b|\b(?:pentobarbital|nembutal"
        r"|exit international|helium hood)\b|\bwhere (?:can|do|could) (?:i|a person|you) (?:get|buy|find) (?:hold of )?"
        r"(?:a gun|pentobarbital|nembutal|cyanide|enough (?:pills|of it))\b"
        r"|\bwhere (?:can|do|could) (?:i|a person|you) get hold of it\b"
        r"|\b(?:how (?:many|much|high|far)|what (?:height|amount|dose|floor)|which)\b.{0,40}\b(?:fatal|deadly|lethal"
        r"|kills? (?:you|u|a person|person|someone|somebody|sombody|a human|a man|a woman|people))\b|\b(?:does|would|will|is) (?:drowning|hanging|bleeding out|an overdose|overdosing)"
        r" (?:hurt|painful)\b|\bhow (?:do|did|does|would) (?:people|ppl|you|u|someone|one) do it (?:with|using)\b|\bstill has the nets\b|\b(?:a way out|the way out)\b"
        r"|\b(?:bridge|height|fall|floor|building|cliff|river|water|rope|pills|gun|shotgun)\b.{0,60}\b(?:(?:that|it|this) (?:would|will"
        r"|could)|(?:would|will|could) (?:that|it|this)) do it\b|\bheight is (?:sufficient|enough|high enough)\b|\bhow (?:high|tall|far down) is (?:the )?(?:\w+ ){0,2}(?:bridge|golden gate"
        r"|overpass|parking (?:garage|deck))\b|\b(?:more|most|less|least) (?:fast|quick|painful|sure|certain)\b.{0,40}"
        r"\b(?:pills|cutting|hanging|jumping|gun|rope|drowning|veins)\b|\b(?:river|water|lake|sea|ocean|bridge|tracks|rope"
        r"|gun|pills)\b.{0,60}\bbefore (?:it is|its|i am|one is|you are) (?:all )?(?:over|gone|dead|done)\b"
        r"|\b(?:use|used|using|take|with) (?:\w+ ){0,2}to (?:end (?:his|her|their) life|end things)\b"
        r"|\b(?:came|come|went|drove|walked|climbed) (?:up |out |down |over )?(?:here|there) to (?:finish|end) (?:it|this|things|everything)\b"
        r"|\b(?:nobody|no one|noone) (?:will )?(?:need|needs|has|have|gotta) to worry (?:about|abt) me (?:anymore|any more|again|no more|ever again)\b"
        r"|\bbetter (?:if |that )?i (?:am|was|were|be) dead\b|\b(?:donde|where) (?:consigo|conseguir|compro|comprar|can i get|can i buy|do i get|to get|to buy) (?:un |una |a )?(?:arma|pistola|revolver|gun|pistol|handgun)\b"
        r"|\bhow (?:quickly|fast|soon|easily) (?:can|could|do|does) (?:you|i|one|someone|she|he) (?:buy|get) a (?:gun|firearm"
        r"|pistol|handgun|shotgun)\b|\bcomo (?:\w+ ){0,2}(?:morir|morirme|matarme|matarse|suicidarme|suicidarse)\b"
        r"|\b(?:forma|manera|modo) (?:mas |menos )?\w+ de (?:morir|morirme|matarme|suicidarme)\b"
        r"|\b(?:get|buy) a gun\b.{0,30}\b(?:fast|quick|quickly|this week|today|tonight|no waiting)\b|\bpricing guns\b"
        r"|\b(?:medicine|meds|pills|tablets|dose|bottle|insulin)\b.{0,40}\bdo me in\b"
        r"|\bis (?:[2-9]\d|\d{3,}) (?:of (?:my |the |these |those )?)?(?!(?:minutes|mins|hours|days|weeks|months|years|mg|ml|dollars|bucks|sessions|infusions|people|percent|pounds|lbs|kg|grand)\b)[a-z]+ enough$"
        r"|\bcarbon monoxide\b.{0,60}\b(?:still work|work with|enough|how long)\b|\bhow (?:far|much) over (?:the )?(?:clinical |normal |max(?:imum)? )?dose\b"
        r"|\bput (?:a man|me|someone|a person|myself) down for good\b|\b(?:lethal|fatal|die in (?:my |your |their )?sleep|kills? (?:you|me|someone))\b.{0,80}\basking for (?:myself|me)\b"
        r"|\b(?:high|tall|far|deep) enough to (?:actually )?(?:do it|die|kill (?:me|myself|you)|end it|not survive)\b"
        r"|\b(?:fall|drop|jump)\b.{0,50}\bbe (?:certain|fatal|lethal|enough to die)\b"
        r"|\bwhat happens if (?:you|i|someone) (?:take|takes|took|swallow\w*) (?:like |about |around )?(?:\d{2,}|all|a whole bottle)\b"
        r"|\b(?:bridge|building|cliff)\b.{0,30}\bis the (?:highest|tallest)\b|\bown way out\b"
        r"|\b(?:bridge|building|cliff|roof|tower|floor)\b.{0,40}\b(?:for|to) (?:jump|jumping)$|\b(?:most high|highest|tallest)\b.{0,40}\b(?:for|to) (?:jump|jumping)\b"
        r"|\b(?:piso|altura|puente|edificio)\b.{0,40}\b(?:pa|para) morir(?:se|me)?\b"
        r"|\b(?:facon|maniere) de (?:partir|mourir|me tuer|en finir)\b|\bne plus (?:me |se )?reveiller\b"
        r"|\bcuant[oa]s?\b.{0,30}\b(?:es|son|seria|serian) (?:mortal|mortales|letal|letales|fatal)\b"
        r"|\benough\b.{0,40}\b(?:slip away|drift off|never wake)\b|\b(?:peaceful|painless|quick) way\b.{0,30}\bto (?:leave|go|die)\b"
        r"|\b(?:is|are|would|will) (?:a |an )?(?:\w+ )?(?:hanging|drowning|jumping|bleeding out|overdose|overdosing|od)"
        r" (?:be )?(?:quick|painless|peaceful|fast|instant)\b|\b(?:most|more|least) (?:dangerous|lethal|deadly|toxic|peaceful)\b"
        r".{0,40}\b(?:overdose|od|pills|tablets|meds|way to (?:go|die|leave))\b|\b(?:used|use) to (?:go out|pass) (?:peaceful\w*"
        r"|quiet\w*|painless\w*)\b|\b(?:antifreeze|rat poison|cyanide|weed killer|pesticide)\b.{0,30}\b(?:take to work|to kill"
        r"|would kill|kill a person)\b",
    ),
    (
        "self-harm",
        "crisis",
        r"\bi (?:selfharm\w*|self harm\w*|cut myself|burn myself) (?:\w+ ){0,3}(?:\d|once|twice|every|a few|most|several) (?:\w+ ){0,2}(?:times? )?"
        r"(?:a|per|each|every) (?:day|week|month|night)\b"
        rf"|\b(?:i|me|my(?! (?:\w+ )?{_KIN}\b)|im|am)\b.{{0,30}}\b(?:cut|cuts|cutting{_NOT_CUT}|scratch|scratching|burn|burns|burning|carve|carved|carving|slit"
        rf"|slitting|hit|hitting|punch|punching|bite|biting|stab|stabbing|bang|banging) (?:stuff |things |words |it )?(?:at |into )?(?:my |me )?"
        rf"(?:{_BODY}|walls?|myself)\b|\b(?:knife|blade|razor|glass)\b.{{0,25}}\b(?:wrists?|arms?|skin|throat)\b"
        rf"|\b(?:till|til|until) (?:it|they|i|my \w+) (?:bleed|bleeds|bled|split|splits|bruise|bruises|bruised|scar)"
        rf"|\b(?:started|starting|been|am|keep|kept|back to|relapsed|relapse|urge|urges|want|wanting|going) (?:to )?"
        rf"(?:\w+ )?(?:cutting{_NOT_CUT}|selfharm|selfharming|scratching|burning myself|hurting myself)\b"
        r"|\bselfharm(?:ing)? (?:urges?|again|tonight|right now|every|is back|ongoing)|\bje me (?:coupe|suis coupee?|brule|fais mal)\b(?! (?:\w+ )?(?:les cheveux|la frange|la barbe|les ongles|le doigt|en cuisinant))|\bselfharm(?:ing)? (?:is )?(?:getting |got )?(?:worse|deeper"
        r"|more often|out of control)\b|\b(?:voices?|something) (?:that |which )?(?:keep |keeps |is )?"
        r"(?:telling|tell|tells) me to (?:cut|do it|kill|hurt|jump)\b|\bused it again\b|\b(?:hitting|banging|hit|bang) my head"
        r" (?:against|on|into)\b(?! (?:the |a |an |my |that |this )?(?:kitchen |car |cabinet |cupboard )?(?:cabinet|cupboard|door|doorframe"
        r"|shelf|ceiling|car|trunk|table|desk|beam|corner|bunk|dashboard|hood|sink|counter)\b)|\bdoing it (?:rn|right now) while\b|\b(?<!\bthese )(?:fresh|new) (?:cuts|wounds|burns)\b(?! (?:to|in) (?:the |our |my |their )?(?:budget|funding|staff|program|services|benefits|spending|jobs|hours|pay))|\bhid(?:e|ing) (?:my |the |these |those )?(?:\w+ )?(?:cuts|burns)\b"
        r"|\b(?:cut|cutting|burn|burning) (?:again|tonight|right now)\b|\bcut too deep\b"
        rf"|\b(?:selfharm\w*|cutting|cuts|cut{_NOT_CUT}|scratch\w*|burning my ?self)\b.{{0,60}}\bstill (?:do|doing)(?: it| that| this| now| them)?$"
        r"|\bscratch\w* (?:\w+ ){0,3}(?:till|until|til) (?:it |they |i )?bleed\w*"
        r"|\b(?:my )?(?:cuts|burns)\b.{0,30}\b(?:are|r|is) (?:all )?fresh\b"
        rf"|\b(?:my )?{_BODY} (?:are |is )?(?:covered in|full of) (?:cuts|burns|scratches)\b"
        rf"|{_START}(?:been |keep |kept |still |started |back to )?(?:cutting|carving|burning|scratching)"
        rf" (?:stuff |things |words |it )?(?:at |into |on )?my {_BODY}\b"
        rf"|\b(?:burned|burnt|burn|burning) (?:my ?self|my {_BODY}) (?:\w+ ){{0,2}}(?:lighter|cigarettes?|cigs?|match(?:es)?|hot"
        rf" (?:knife|metal|spoon|iron))\b|\b(?:banged|banging|slammed|slamming|smashed|smashing|hit|hitting) my head (?:\w+ ){{0,4}}(?:till|until"
        rf"|over and over|on purpose)\b"
        r"|\b(?:me quiero cortar(?! el pelo)|(?<!se )me cort[oe](?! (?:el |la |las |los )?(?:pelo|cabello|unas|barba|flequillo|fleco|dedos?|pulgar|luz|internet|wifi|senal|llamada|conexion|agua))(?! (?:\w+ ){0,6}(?:lavando|cocinando|picando|trabajando|sin querer|por accidente))|cortarme|me estoy cortando|hacerme dano|me voy a cortar|haciendo cortes"
        r"|cortes en (?:los|las|sus|mis)|me sigo cortando|sigo cortandome|se sigue cortando|se (?:esta )?cortando"
        r"|me (?:he estado|estoy|sigo) (?:quemando|lastimando|golpeando|haciendo dano)|me (?:doy|di|daba) (?:\w+ ){0,3}contra la pared"
        r"|me voy a hacer algo(?! de| para| rico| bueno| nuevo)|hacerme algo)\b"
        r"|\bburn (?:me|myself) with\b|\b(?:cut|cutting|slit|slitting|open|opening) (?:the |my |your )?veins\b"
        rf"|\b(?:he|she|they|{_OTHER})\b(?: \w+){{0,3}} (?:cut|cuts|burned|burnt|scratched|carved) (?:his|her|their) (?:arms?|wrists?"
        rf"|thighs?|legs?|stomach|skin|forearms?)\b",
    ),
    (
        "means at hand",
        "crisis",
        rf"\b(?:saved|saving|collected|collecting|stockpiled|stockpiling|hoarded|hoarding|counted|counting|gathered"
        rf"|gathering|bringing (?:\w+ )?home|hid|hidden|hiding|stashed|stashing|junte|guarde)\b.{{0,40}}\b{_MEANS}\b"
        rf"|\b(?:saving|saved) (?:them|it|these) up\b|\b(?:all|enough|\d+|got|have|has|kept)(?: \w+)? {_MEANS} (?:\w+ )?(?:saved|stashed|stockpiled|hoarded|put aside|set aside|hid|hidden)\b|\b(?:enough|all|whole|every|\d+|a bunch|handful|boxes|bottles|bottle"
        rf"|weeks worth|months worth|stash|supply)\b.{{0,25}}\b{_MEANS}\b.{{0,40}}\b(?:in front of me|in my hand|right"
        rf" (?:there|here)|next to me|within reach|lined up|looking at|staring at|thinking about it|ready|hid|under)\b"
        rf"|\b(?:holding|hold|sitting with|staring at|looking at|count|counted|count out)\b.{{0,20}}\b(?:the |my )?(?:pill"
        rf" bottle|pills|gun|rifle|rope|knife|blade|razor|noose)\b|\b{_MEANS}\b.{{0,40}}\b(?:right (?:there|here)|keep"
        rf" looking at|keep staring|thinking about it|in front of me|in my hand|lined up|counted out)\b"
        r"|\b(?:standing|stood|sitting|sat|(?<!\bended )(?<!\bend )up|paro|parada?) (?:on|in|at|en) (?:the |a |this |my |el |la )?(?:\w+ )?(?:bridge|ledge|roof|edge"
        r"|tracks|overpass|cliff|balcony|railing|balcon|puente)\b(?<!\bedge(?= of (?:the |my |his |her )?(?:bed|chair|seat|sofa|couch|pool|table|desk|stage)))|\b(?:nearly|almost|very nearly) (?:stepped|jumped|walked) off\b|\bbridge\b.{0,80}\blook(?:ing)? down\b|\b(?:bought|buying|got|have) (?:a |the |another |a second |a new )?(?:rope|noose|gun|pistol)\b"
        r"|\bstop(?:ped)? (?:my ?self|me) from (?:swerving|jumping|driving|stepping|walking|crashing|pulling the trigger)\b"
        r"|\bnoose\b|\bropes? (?:is |s )?in the (?:garage|barn|shed|closet|basement|attic)\b|\btook the safety off\b"
        r"|\b(?:bridge|tracks|ledge|roof|overpass)\b.{0,30}\b(?:keeps? calling|is calling|calls) (?:to )?me\b"
        r"|\b(?:looking at|staring at|driving around looking at)\b.{0,20}\boverpass(?:es)?\b|\bhow high up (?:we|i) (?:are|am)\b"
        r"|\b(?:barrel|muzzle|gun|pistol|rifle|shotgun|revolver) (?:\w+ )?(?:in|to|against|under) my (?:mouth|head|temple"
        r"|chin)\b|\b(?:gun|pistol|revolver|rifle|weapon|pistola|shotgun|handgun|firearm)\b.{0,40}\b(?:safe and i know|out of the safe|on the table|loaded"
        r"|cargada|next to (?:my|the) bed|al lado|nightstand|bedside|hold it|take it out|in my lap)\b"
        r"|\b(?:rope|belt|cord|noose)\b(?! (?:swing|ladder|course|toy|lights))"
        r".{0,40}\b(?:closet|rod|beam|garage|tied|not used it|yet|trunk|backpack|glovebox)\b|\btied a (?:belt|rope|cord)\b"
        r"|\b(?:stashed|kept|keep|keeping)\b.{0,30}\b(?:pills|benzos?|tablets|meds|razor|blade)\b.{0,40}\b(?:under|wallet|if i need"
        r"|just in case|enough|drawer)\b|\bpicking out the spot\b|\bnext step is the (?:bridge|rope|pills|gun)\b"
        r"|\b(?:driving|drive|drove|go|going|went|heading|walking) to the bridge\b|\b(?:going|heading|walking|driving) to the"
        r" (?:tracks|train tracks|railroad|railway)\b(?! to (?:watch|see|take|photograph|film))|\b(?:mix|mixing|combine)\b.{0,40}\b(?:sure thing|way out|go that way"
        r"|fall asleep|most dangerous)\b|\b(?:got|have|in) (?:the )?(?:razor|blade|pills|gun)\b.{0,10}\b(?:out|in (?:my|la) (?:hand|mano))\b"
        r"|\b(?:sitting|sat|sit) in the (?:garage|car) with the (?:car|engine)\b|\b(?:jump|jumping|jumped|saltar|tirar(?:se|me)? del?) (?:off|from(?! (?:every|any|each|all|loud|sudden)\b)|in front of|a|the|my|this|puente|balcon)\b"
        r"|\b(?:looking at|thinking about|staring at)\b.{0,30}\b(?:the )?(?:train )?tracks\b|\bhow easy it would be\b"
        r"|\b(?:crash|drive|driving|drove|crashing) (?:(?:my|the|a|his|her) (?:\w+ )?(?:car|truck|van|rig|cab|bike"
        r"|motorcycle|lorry|semi|suv|jeep|pickup|vehicle|ute|motor) )?(?:straight )?(?:into|off|in the)\b.{0,40}\b(?:on purpose"
        r"|accident|tree|wall|pillar|overpass|bridge|truck|traffic|edge|cliff|quarry|river|lake|ravine|divider|median|barrier"
        r"|guardrail|embankment|highway|canal|water|bay|ocean|sea)\b|\bcrash\w* (?:my|the) (?:car|truck|van)\b.{0,40}\b(?:on purpose|looks? like (?:an )?accident)\b"
        r"|\b(?:driv\w*|drove|speed\w*)\b.{0,40}\b(?:hoping|hope|want|wanting|wish\w*) (?:that )?(?:i|to) (?:crash|wreck|get hit|die)\b"
        # anything done "on purpose", but not what people in general do "to themselves"
        r"|\bon purpose\b(?<!\bthemselves on purpose)(?<!\btheirselves on purpose)(?<!\bthemself on purpose)|\blooks? like (?:an )?accident\b|\b(?:garage|car)\b.{0,40}"
        r"\b(?:(?:engine|motor) (?:on|running)|exhaust|hose)\b|\b(?:bought|buying)\b.{0,30}\b(?:different|several|multiple) (?:pharmacies"
        r"|farmacias|stores)\b|\b(?:sleep|sleeping|slept|sit|sits|sitting|sat) (?:\w+ ){0,4}with (?:the |my |his |her |a )?(?:loaded )?"
        r"(?:gun|shotgun|pistol|rifle|handgun|revolver|firearm)\b|\b(?:bullets?|rounds|ammo|9mm|shells|box of)\b.{0,60}\bonly"
        r" (?:need|needs|takes|going to need) one\b|\bonly (?:packing|bringing|taking|loading) one (?:round|bullet|shell)\b"
        r"|\bhose\b.{0,40}\bexhaust\b|\bcount\w* (?:out |up )?(?:\w+ ){0,2}"
        rf"{_MEANS}\b.{{0,40}}\b(?:plenty|enough|more than enough|all of them)\b"
        r"|\b(?:navaja|cuchillo|pistola|cuerda|pastillas)\b.{0,40}\bganas de usarl[ao]s?\b"
        r"|\bedge of (?:the )?(?:train )?(?:platform|roof|bridge|cliff|building)\b.{0,60}\b(?:lean|step|jump|fall)\w*"
        r"|\b(?:i am|im) jumping (?:at|tonight|tomorrow|today)\b|\b(?:park\w*|lie|lay|laying|lying|sit|sitting|stand|standing)"
        r" (?:\w+ ){0,2}on the (?:train |railroad |rail )?tracks\b|\b(?:tengo|con) (?:el|la|un|una) (?:cuchillo|navaja|pistola|cuerda)\b"
        r".{0,15}\ben la mano\b"
        rf"|\b{_MEANS}\b.{{0,20}}\b(?:guardad[oa]s|juntad[oa]s|escondid[oa]s)\b",
    ),
    (
        "overdose intent",
        "crisis",
        r"\b(?:take|taking|swallow|swallowing|down|downing|chug) (?:my |his |her )?(?:all(?! (?:the )?(?:time|day|days|night|week|along|year)\b)|every|the whole|whole|an entire|the entire"
        r"|a bunch|a lot|too many|too much|a handful|everything)\b.{0,30}\b(?:pills?|meds|medications?|tablets"
        r"|bottle|ketamine|of them|at once|together|tonight)\b|\boverdos\w* (?:on purpose|deliberately|intentionally"
        r"|tonight|tomorrow)\b|\b(?:want|going|plan|planning|ready|thinking about|thought about) (?:to )?overdose\b"
        r"|\bhoard\w* (?:pills|meds|tablets)\b|\btomarme todas\b|\b(?:toma|tomar|tomarme|tomarse|se toma) (?:todas )?las"
        r" pastillas\b|\b(?:take|inject|injecting) (?:all|a big quantity|a lot|the whole)\b(?! (?:day|days|week|weeks|time|course|series|family"
        r"|thing|morning|afternoon|evening|month|year|of (?:the |my )?(?:day|week|time|course|series)))|\bme las tomo\b|\btomarmelas\b"
        r"|\b(?:taking|take|swallow|swallowing) (?:them|these|those|it) all\b"
        r"|\b(?:planning|plan|going|gonna|fixing) to take (?:my |the )?(?:whole|entire|all (?:of )?my) (?:prescription|bottle|script"
        r"|supply|stash|meds|pills)\b",
    ),
    (
        "plan or date",
        "crisis",
        r"\b(?:the |my )?plan is (?:still )?(?:the )?same(?: as before)?\b|\bstill (?:have|got) (?:a|the|my) plan\b|"
        r"\bpicked (?:my |a |the )?(?:birthday|anniversary|\w+day|date|day|\d+\w*)\b(?: \w+){0,3} for it\b|\b(?:ya )?se (?:que|el) dia (?:lo voy a hacer|voy a hacerlo)\b|"
        r"\b(?:i have|i made|made|(?<!\bdoes )(?<!\bdo )(?<!\bclinic )(?<!\byou )(?<!\bthey )have|got|its|it is) (?:a |the |my )?(?:plan|plans|date)\b.{0,40}\b(?:die|end|kill|suicide"
        r"|done|over|planned|for)\b|\b(?:have|got)(?<!\bthey have)(?<!\bthey got)(?<!\bwe have)(?<!\bwe got)(?<!\byou have)(?<!\byou got)"
        r"(?<!\bdoctors have) (?:it|everything) (?:all )?(?:planned|figured out|worked out)\b"
        # a date or time set for something named ("for the wedding", "for my first infusion") is an errand
        r"|\b(?:planned|picked|set|chose|decided on|settled on) (?:out )?(?:the |a |my )?(?:date|day|time|method|way)\b"
        rf"(?! (?:for|of) (?:the |my |our |a |an |her |his |their |your )?+(?!it\b|this\b|that\b|{_WHEN})\w+)"
        r"(?<!\bset the way)(?<!\bset a way)"
        r"|\bhigh risk\b.{0,60}\bi (?:have|got|made) a plan\b|\b(?:scheduled|set|picked|planned) my last day\b"
        r"|\bplan (?:and )?means\b|\bpicked out (?:a |the |my )?(?:spot|place)\b|\b(?:spot|place|lay by|layby) picked out\b"
        r"|\b(?:date|day) (?:picked|chosen|set|is fixed|is decided|circled)\b|\b(?:scheduled|planned|booked|set) my (?:own )?exit\b"
        r"|\b(?:suicide )?pact\b.{0,60}\b(?:both|all) (?:out|gone|dead|done)\b|\b(?:have|got|tengo|tiene) (?:everything|todo|it all|lo) (?:ready|prepared"
        r"|preparated|preparado|decidido)\b"
        r"|\b(?:this|on) (?:friday|saturday|sunday|monday|tuesday|wednesday|thursday|weekend|birthday) (?:is|will be)"
        rf" (?:the|my) (?:day|last)\b|{_START}(?:friday|saturday|sunday|monday|tuesday|wednesday|thursday|tomorrow|tonight)"
        r" (?:is|will be|s) (?:the|my) day$|\btonight is the night\b|\bif nothing (?:works|changes|helps)\b.{0,40}\b(?:done|end|over|gone)\b"
        r"|\bset (?:my ?self|me) a deadline\b(?! (?:to|for) )|\b(?:set|have|gave|given) (?:a |my )?deadline\b.{0,80}\b(?:i am done|then i am done|over"
        r"|gone|end it|not (?:continue|go on|carry on|be here))\b|\b(?:got|have) (?:a|the) plan\b.{0,20}\b(?:got|have) the means\b"
        r"|\bwaiting (?:on|for) the right (?:night|day|time|moment)\b|\bnot a cry for help\b|\b(?:courage|nerve|guts) to"
        r" (?:go through with it|do it|end it|finally do it)\b|\bi know (?:exactly )?(?:what|how much) (?:i would|i will|to) (?:use|take)\b"
        r"|\b(?:the|my) plan is back\b|\bplan(?:ning|ned|s)? (?:my|your|his|her|their) (?:own )?(?:death|suicide|exit)\b|\bsuicidal ideation with (?:intent|a plan|plan|means)\b"
        r"|\b(?:do not|please do not) (?:try to )?talk me out of (?:it|this)\b|\b(?:planning|planned|figured out|worked out|know)"
        r" (?:exactly )?how (?:i would|i will|i am going to|to) do it\b|\b(?:ya )?(?:escogi|elegi|decidi|tengo) (?:el|la) (?:dia|fecha)\b"
        rf"|{_START}(?:tonight|today|tomorrow) (?:might|could|may) be the (?:night|day)$"
        r"|\b(?:suicid\w*|die|dying|kill\w*|end it|dark thoughts)\b.{0,80}\b(?:now i|and i|i) (?:have|got|made|have got) (?:a|the) plan\b"
        r"(?! (?:for|to (?:get|go|see|start|try)))|\bif (?:this|it|ketamine|the treatment|treatment) (?:fails|does not work|do not work)\b"
        r".{0,60}\b(?:i am|then i am|i will be) (?:done|gone|out)\b",
    ),
    (
        "goodbye",
        "crisis",
        r"\b(?:something|smth|sth|things?|stuff) to remember me by\b|\b(?:say|saying) (?:bye|goodbye) (?:to (?:\w+ ){1,3})?without (?:them|him|her|anyone|everyone) (?:knowing|noticing)\b"
        r"|\bsee (?:you|ya|yall|u) never\b|\btell (?:the clinic|them|everyone|my \w+) i tried\b|\brehom\w* (?:my|our) (?:cat|dog|pets?)\b.{0,60}\bgiv\w* (?:\w+ ){0,3}away\b|"
        r"\b(?:giving|gave|give|given) (?:away )?(?:all )?(?:my|away my)\b(?! (?:late|deceased|dead|passed)\b).{0,40}\b(?:stuff|things|belongings|possessions"
        r"|clothes|games|cat|dog|pets?|books|money|savings|collection|away)\b.{0,40}\b(?:need|needing|anymore|when i|will not)"
        r"|\b(?:will not|wont|not gonna|not going to) (?:be )?need(?:ing)? (?:them|em|it|these|this|those|my \w+)"
        r"|\bso (?:they|he|she|you|my \w+) (?:do not|does not|will not|never) blame (?:themselves|himself|herself|yourself)\b"
        r"|\b(?:letters?|notes?) (?:\w+ ){0,14}(?:find|read|get)(?: them| it)? (?:after|afterwards|when i am gone|once i am gone"
        r"|after i am gone)\b|\blast time (?:i am|im|i will|ill) (?:\w+ )?(?:posting|writing|messaging|texting) (?:anywhere|anything"
        r"|on here|here|ever)\b|\btonights?(?: is| s)? the night\b.{0,20}\b(?:bye|goodbye|farewell|love you all)\b|\bthanks? (?:you )?for everything\b.{0,60}\btell (?:my \w+|everyone|them|her|him)\b|\bpor ultima vez\b"
        # thanks or sorry before leaving, in Spanish and Portuguese ("gracias a la clinica por todo antes de irme")
        r"|\b(?:gracias|desculpa|perdon|perdao)\w*\b.{0,90}\bantes de (?:irme|partir|que me vaya)\b|\b(?:desculpem|desculpa|perdoem) (?:por|pra) tudo\b.{0,40}\badeus\b"
        r"|\b(?:giving|gave|give|given) away (?:all )?(?:of )?(?:my|his|her) (?:stuff|things|belongings|possessions|tools|clothes"
        r"|games|pets?)\b|\bsigned (?:the |my |his |her )?\w+ over to\b|\b(?:good ?night|night) forever\b|\bfarewell (?:texts?|messages?|emails?|posts?|videos?)\b|\b(?:goodbye|farewell|bye) (?:forever|for good|letters?|notes?|everyone|world|all)\b|\b(?:suicide|goodbye)"
        r" (?:letters?|notes?|message|post|video)\b|\b(?:my|a|his|her|their|me) final (?:letters?|notes?|message|post|video)\b"
        rf"|{_START}final (?:letters?|notes?|message|post|video)\b|\bbefore (?:i|me) (?:go(?! (?:down|in|into|to|out|home|back|on|for|and|there|over|up|shopping|lunch|work))"
        r"|leave (?:for good|this world)|die|am gone)\b"
        r"|\bby the time (?:you|anyone|someone) (?:read|reads|see|sees|finds) this\b"
        rf"|\bthis is my (?:last|final) (?:message|post|time|night|day|goodbye)\b|{_START}(?:my )?(?:last|final) message$|\bwill not be (?:around|here|alive) (?:much"
        r" longer|anymore|any more|tomorrow|after tonight)\b|\b(?:take|please take) care of (?:my|mom|dad|the kids|him|her)"
        r" (?:\w+ )?(?:for me|when i am gone|after i)\b|\bwrote (?:letters|notes?) (?:to|for) (?:my|everyone)\b"
        r"|\b(?:log|logging|logged|sign|signing|signed) (?:off|out) (?:\w+ )?(?:for good|forever|permanently|for the last time)\b"
        r"|\bnot (?:going to|gonna) be (?:around|here|alive) (?:long enough|much longer|for long|that long)\b"
        r"|\b(?:should i|do i|i will|going to|i am going to) (?:\w+ )?(?:leave|write) a note(?! (?:for|on|at|in|to|with|about|so|that)\b)|\bsaying (?:my )?goodbyes\b|\bsaying my goodbye\b|\bcartas? de despedida\b|\bdespedirme\b|\badios para siempre\b|\bse despidio\b|\bultimo mensaje\b"
        r"|\b(?:writing|wrote|written|made|making|finished) (?:a|my|her|his) will\b|\b(?:when|after|once) (?:i am|im|i) (?:gone"
        r"|dead|not here)\b|\b(?:said|say|saying) goodbye\b.{0,50}\b(?:without|last time|for good|forever|knowing)\b"
        r"|\bthanks? (?:you )?for everything\b.{0,60}\b(?:take care|look after|goodbye|bye|sorry|love you|cuiden|last)\b"
        r"|\btell (?:everyone|them|mom|dad|my \w+) i (?:said bye|said goodbye|love them|am sorry)\b|\bgoodbye (?:messages|texts|letters|thing|message"
        r"|post|letter|note|video|text)\b|\b(?:letters?|notes?) to my (?:kids|family|children|parents|wife|husband)\b"
        r"|\b(?:goodbye|bye|last|thanks for everything|bridge|pills)\b.{0,80}\b(?:not|no|isnt|wont|doesnt|dont) (?:answering"
        r"|answer|picking up|responding|replying)\b|\b(?:goodbye|bye)\b.{0,60}\b(?:turned|switched) (?:off )?(?:his|her|their|my)"
        r" location\b|\bstopped answering\b|\bregal\w+ (?:casi )?(?:toda|todo|mi|su|sus)\b(?! \w+ (?:viej|usad))"
        r"|\bya no (?:los|las|lo|la) (?:voy a|va a) necesitar\b|\b(?:will not|will no|shall not|shant|wont|would not|wouldnt) be needing\b"
        r"|\b(?:not|no) (?:going|gonna|going to) need (?:it|um|them|this|that) (?:after|anymore|aftah)\b"
        r"|\b(?:left|leaving|wrote) (?:a |my )?note\b.{0,40}\bto find\b|\bsign\w* off for good\b"
        r"|\bmama prosti\b|\bprostit mene\b|\bprostite menya\b"
        r"|\b(?:do not|dont) think i (?:will|ll) be (?:around|here)\b|\btell (?:mom|mum|dad|my \w+|everyone|them) (?:i am |im )?sorry\b"
        r"|\bif (?:you|ur|your|youre|you are) reading this\b|\bdeleted (?:all )?my (?:socials|accounts|instagram)\b"
        r"|\b(?:put|gave|giving|give) (?:my )?(?:cat|dog|pets?|guitar|tools|jacket)\b.{0,30}\b(?:adoption|to my|away|up for)\b"
        r"|\btying (?:things|everything|up loose ends|loose ends) up\b|\bthis is my goodbye\b|\b(?:loved|love) (?:her|him|you all"
        r"|them all)\b.{0,40}\b(?:tablets|pills) are working\b|\b(?:tablets|pills) are working\b|\bmy letters are (?:already )?written\b"
        r"|\b(?:affairs|everything|things) in order\b|\b(?:tying|tidying|tie|tidy|tied|tidied) up (?:all )?(?:my |the )?loose ends\b(?! (?:at|for) (?:work|the office|my job))"
        r"|\bcancel\w* (?:all (?:of )?my|my future|all future|all my future) (?:\w+ )?(?:appointments|subscriptions|plans)\b"
        r"|\bpasswords\b.{0,40}\bfor (?:my|her|his) (?:wife|husband|sister|brother|mom|mum|dad|kids|family|son|daughter|partner"
        r"|parents)\b|\b(?:letters?|notes?)\b.{0,60}\bfor (?:afterwards?|after i am gone|when i am gone)\b"
        r"|\b(?:had my|this is my|here is my|sending my) (?:last|final) (?:transmission|supper|words|post|text)\b"
        r"|\b(?:you are|you were|youre) the last (?:one|person) i (?:spoke|speak|talked|talk|will talk) to\b"
        r"|\b(?:wrote|writing|written|typed|drafted|drafting)\b.{0,20}\b(?:my|his|her) own (?:obituary|eulogy)\b|\bfor my (?:own )?funeral\b"
        r"|\bsort(?:ed|ing)? (?:out )?(?:my|me|all my) affairs\b|\bsort\w* (?:out )?(?:the |my )will\b|\blove (?:you|yous) (?:all )?sorry\b|\bpaid (?:off )?all (?:my |of my )?(?:debts|dues)\b"
        r"|\b(?:will not|wont|shall not|shant) be (?:coming|there)\b.{0,60}\b(?:or (?:to )?any (?:other|after|more)|ever again)\b"
        r"|\bif (?:i am|im|i) not (?:here|around|alive) (?:next|by|tomorrow|in)\b"
        r"|\b(?:posted|sent|texted|wrote|left) (?:a |my |his |her )?goodbye\b(?! (?:speech|card|cake|party|gift|lunch|drinks|present)\b)|\blast time (?:you|anyone|anybody|they|people|everyone|any of you)"
        r" ?(?:will |ll )?(?:ever )?(?:have to )?(?:deal with|see|sees|hear from|hears from) me\b|\bjust know (?:that )?i (?:tried|loved you)\b"
        r"|\blast post\b.{0,20}\b(?:love|bye|goodbye|sorry)\b"
        rf"|{_START}(?:last|final) transmission$|\b(?:when|after|before|once|so) (?:they|someone|somebody|people|my \w+|the police"
        r"|the cops) (?:finally )?finds? (?:me|my body)\b|\bfind my body\b",
    ),
    (
        # Saying goodbye to someone, unqualified: a warning sign ("saying goodbye to my dogs tonight")
        # as often as an ordinary farewell ("to my coworker today, she's moving to Florida"), so,
        # unlike "goodbye" above, the classifier may overrule it.
        "saying goodbye",
        "crisis",
        r"\bsaying goodbye\b",
    ),
    (
        "someone else at risk",
        "crisis",
        r"(?<!\bno )\b(?:se corta|se esta cortando|se anda cortando)\b(?! (?:el|la|las|los|un|una) (?:pelo|unas|dedo|barba)\b)|"
        rf"\b{_OTHER} (?:says|said|told me|texted|keeps saying|is saying|posted|wrote|talks about|is talking about"
        rf"|is threatening|threatened|is planning|plans|wants|is going|is gonna|tried|is trying|has|got) (?:that )?(?:\w+ ){{0,3}}"
        rf"(?:to )?(?:{_DEATH}|{_SELVES}|overdose|suicide|a gun|a rope|pills)\b"
        # on a ledge or a roof saying they will jump
        rf"|\b{_OTHER}\b.{{0,60}}\b(?:will|is going to|going to|wants to|threatening to|about to|gonna) jump\b(?! (?:in|on|at|the|a)\b)"
        rf"|\b{_OTHER}\b(?: \w+){{0,3}} (?:comments?|jokes?|joking|talk\w*|texts?|posts?|posting) (?:\w+ )?about"
        rf" (?:\w+ ){{0,2}}(?:{_DEATH}|ending it|killing (?:him|her|them)sel\w*)\b",
    ),
    (
        "portuguese: wish to die",
        "crisis",
        r"\b(?:vou|vo|vai|quero|penso em|pensando em) (?:\w+ )?acabar com (?:isso|tudo|a minha vida|minha vida)\b|\b(?:vai|quer|vao) se matar\b"
        r"|\bsou (?:um|uma) (?:peso|fardo|estorvo)\b|\b(?:iam|vao|ia|iriam) ficar (?:bem )?melhor sem mim\b"
        r"|\b(?:morrer|a morte)\b.{0,20}\b(?:seria|e|eh) (?:um )?(?:descansar|descanso|alivio)\b|\bso quero que (?:isso |tudo )?acabe\b"
        r"|\b(?:nao vejo|sem) (?:\w+ ){0,2}(?:razao|motivo|sentido) (?:\w+ )?(?:pra|para) (?:continuar|seguir) viv[oa]\b"
        r"|\bja vivi demais\b|\bunica saida (?:\w+ ){0,3}(?:e|eh) (?:a morte|morrer)\b|\bir junto com (?:ele|ela)\b"
        r"|\bcoracao (?:\w+ )?cansado de bater\b|\bquero q(?:ue)? seja (?:pra|para) sempre\b|\b(?:pra|para) nunca mais (?:acordar|abrir os olhos)\b"
        r"|\bse eu morresse\b.{0,60}\bseguro de vida\b|\bnao (?:vai|vou) precisar (?:de )?mais nada\b|\bobrigad[oa] por tudo\b.{0,40}\bantes de eu ir\b|"
        r"\b(?:quero|queria|vontade de) (?:\w+ ){0,2}(?:nunca mais|nao) acordar\b|\b(?:hoje|amanha) (?:e|eh) o dia\b|\b(?:vai|vou|quer|quero) (?:se |me )?jogar (?:da|de|do|na frente)\b|"
        r"\b(?:quero|vou|queria|penso em|pensando em|vontade de) (?:\w+ )?(?:morrer|me matar|sumir para sempre|nao acordar"
        r"|acabar com tudo|acabar com (?:a )?minha vida|dormir (?:pra|para) sempre|me jogar (?:na frente|da|do|de|no (?:rio|mar|trilho)|na (?:linha|frente)))\b|\bninguem (?:ia|vai) sentir (?:a )?minha falta\b"
        r"|\b(?:estou|to|tou) me cortando\b|\bme cortei (?:de novo|outra vez)\b"
        # As written in Portugal and Africa: "n"/"num" for "não", the pronoun before or after the verb
        # ("vou me atirar", "se vai enforcar", "ia se matar"); "vai me matar" is someone else's doing.
        r"|\b(?:n|nao|num) (?:qro|quero|kero|quer) (?:mais )?viver\b"
        r"|\b(?:(?:vou|quero) me|(?:vai|ia|iam|vao|quer) se|me vou|se vai|se ia) (?:atirar|enforcar|matar)\b"
        r"(?! de (?:rir|trabalhar|estudar|tanto))|\b(?:se|me) mata (?:hoje|amanha|esta noite|logo)\b",
    ),
    (
        # Never softened: behaviour, a plan, a method or means, as the Spanish rule.
        "portuguese: self-harm, plan or method",
        "crisis",
        r"\b(?:queimo|corto|machuco|cortei|queimei) (?:o |meu |minha |os |meus )?(?:braco|bracos|perna|pernas|pulso|pulsos|coxa|coxas|pele)\b"
        r"|\b(?:voltei a|comecei a|continuo a|ando|to|estou) (?:me )?(?:cortar|cortando|machucar|machucando|queimar|queimando)\b"
        r"|\bgilete\b.{0,30}\b(?:braco|pulso|perna|coxa)\b|\b(?:faca|gilete|lamina|navalha) na mao\b.{0,40}\bpulso\b"
        r"|\b(?:to|estou|tenho) (?:com )?(?:a|uma) corda\b.{0,40}\b(?:porao|pescoco|garagem|aqui)\b"
        r"|\bveneno de rato\b.{0,40}\b(?:nao (?:foi|e|eh) (?:pra|para) rato|pra mim|para mim)\b"
        r"|\b(?:jeito|forma|maneira) de morrer\b|\bmorrer sem (?:dor|doer|sofrer)\b|\b(?:qual|que) (?:remedio|dose)\b.{0,30}\bmata\b"
        r"|\b(?:marquei|ja marquei|escolhi) (?:pro|para o|o) dia\b.{0,60}\b(?:acaba|acabar|fim|morrer)\b"
        r"|\b(?:juntando|guardando) (?:os |uns |meus )?(?:remedios?|comprimidos?)\b|\btomar a caixa inteira\b|\bse eu tomar\b.{0,40}\beu morro\b"
        r"|\bse enforca\b|\b(?:se|me) (?:joga|jogar|jogou|jogo) (?:da|do|pela) (?:janela|ponte|predio|viaduto|sacada)\b"
        r"|\bpulando do\b.{0,20}\bandar\b.{0,40}\bmorre\b|\btentei\b.{0,60}\b(?:nao deu certo|falhou)\b.{0,40}\btentar de novo\b"
        r"|\b(?:corto|cortei|queimo|queimei) (?:as |minhas )?(?:coxas|pernas|costas|barriga)\b|\bcortes (?:\w+ ){0,4}mais fundos\b"
        r"|\b(?:ando|continuo|voltei) a me (?:cortar|queimar|machucar)\b"
        # (not "tudo preparado pra viagem", "todos os dias", "30 comprimidos chegam pro mes": errands)
        r"|\b(?:ja )?(?:tenho|ta|esta) tudo (?:preparado|planeado|planejado)\b(?! (?:pra|para|pro) (?:a |o )?+(?!fim\b(?! de semana)|dia\b)\w+)"
        r"|\ba data (?:ja )?(?:ta|esta) marcada\b"
        r"|\b(?:tomar|tomo|vou tomar|engolir) (?:os|as) (?:\w+ ){0,2}(?:comprimidos|remedios|pilulas) tod[oa]s\b(?! (?:os|as) \w+)"
        r"|\b(?:tomar|tomo|vou tomar|engolir) tod[oa]s (?:os|as) (?:\w+ ){0,2}(?:comprimidos|remedios|pilulas)\b(?! (?:que|como) )"
        r"|\b\d+ (?:comprimidos|remedios|pilulas)\b.{0,40}\b(?:chegam|basta|bastam|suficiente|mata|matam)\b(?! (?:pra|para|pro|ate) )"
        r"|\bquantos andares\b.{0,40}\b(?:sobreviver|morrer)\b|\bse afogar doi\b|\bafogar doi\b"
        r"|\bcomprei (?:uma|a) (?:arma|corda)\b.{0,30}\b(?:pra|para) mim\b",
    ),
    (
        "portuguese: emergency now",
        "emergency",
        r"\b(?:tomou|tomei|engoli|engoliu|bebeu|bebi|misturei|misturou)\b.{0,40}\b(?:muito|demais|todos|todas|tudo|inteir[oa])\b.{0,60}"
        r"\b(?:agora|desmaiad[oa]|nao acorda|roxa?|tremendo|vomit\w*|disparado|nao consigo (?:ficar em pe|respirar)|escurecendo|enrolado|gelad[oa])\b"
        r"|\bnao (?:acorda|responde|respira)\b.{0,40}\b(?:roxa|roxo|gelad[oa]|remedio)\b|\b(?:boca|labios?) (?:ta |esta )?roxa?\b"
        r"|\bdesmaiad[oa]\b.{0,40}\b(?:blister|remedio|comprimido|frasco|gelad[oa])\b|\bbebeu (?:agua sanitaria|veneno|soda)\b"
        r"|\bengoliu\b.{0,30}\bcomprimidos?\b|\b(?:engoliu|engoli|bebeu|bebi|tomou)\b.{0,30}\b(?:lixivia|agua sanitaria|veneno|soda caustica)\b"
        r"|\blabios (?:azuis|roxos)\b|\b(?:bebeu|engoliu|tomou)\b.{0,80}\b(?:n|nao) (?:reage|acorda)\b"
        r"|\bpor engano\b.{0,80}\b(?:suar|desmai\w*|muito lento|sem sentido|nao acorda)\b",
    ),
    (
        # French, accents dropped and elisions joined ("j'ai" is "jai", "d'adieu" "dadieu"): wanting
        # to die or not to live, a plan, a method or means, self-harm, goodbye letters. Never
        # overruled, as Portuguese.
        "french: wish to die, self-harm, plan or method",
        "crisis",
        r"\bje (?:ne )?veux (?:plus|pas) vivre\b|\b(?:je veux|envie de) (?:juste )?(?:mourir|crever|me tuer|en finir)\b"
        r"|\bpour en finir\b(?! avec (?!la vie|tout\b))|\b(?:je vais|vais|va|veux|voulais) (?:\w+ )?(?:en finir(?! avec (?!la vie|tout\b))|me pendre|me foutre en lair|mouvrir les veines|me balancer"
        r"|me jeter|me jette|me laisser tomber|sauter|tout prendre|tout avaler)\b|\bje pense a (?:me tuer|mourir|me suicider|me pendre|me laisser tomber"
        r"|me jeter|sauter|la mort)\b|\b(?:me (?:pendre|scarifie\w*)|me foutre en lair|mouvrir les veines|me jette (?:sous|du|de|par))\b"
        r"|\b(?:me|se) (?:bruler|brule|gratte|coupe|tape|frappe)\b.{0,40}\b(?:briquet|jusquau sang|cuisses|bras|poignets?|contre le mur|elle meme|lui meme)\b"
        r"|\b(?:lettre|message|mot) dadieu\b|\b(?:pour )?(?:ne )?pas (?:me|se) (?:reveiller|rater)\b|\bque (?:\w+ ){0,3}me reveille pas\b"
        r"|\bun poids pour\b|\bmieux sans moi\b|\bderangerai plus (?:personne|jamais)\b|\bplus rien qui me retient\b"
        r"|\bsauter (?:du|de la|dun|par la|de mon|de ma) (?:\w+ )?(?:pont|fenetre|tour|toit|balcon|immeuble|\d+e|etage)\b"
        r"|\bcombien\b.{0,40}\b(?:pour (?:ne )?pas (?:me|se) (?:reveiller|rater)|pour mourir|faut en prendre|detages)\b"
        r"|\b(?:plus rapide|sans douleur|sans souffrir)\b.{0,40}\b(?:medicaments|cachets|pendaison|corde|sauter|mourir)\b"
        r"|\b(?:medicaments|cachets|pendaison|corde)\b.{0,40}\bplus rapide\b|\bla corde est prete\b"
        r"|\b(?:tous|toutes) (?:mes|ses|les) (?:cachets|medicaments|somniferes|comprimes)\b.{0,30}\b(?:etales?|cote|compte|prendre|avaler)\b"
        r"|\b(?:mis|garde) de cote (?:\w+ )?(?:mes|les|des) (?:cachets|medicaments|comprimes)\b|\bveut plus etre la\b"
        r"|\bjen aurai plus besoin\b|\b(?:rejoindre|retrouver) (?:mon|ma|mes) (?:pere|mere|frere|soeur|fils|fille|parents)\b.{0,40}\b(?:comment|choisi|mourir)\b"
        r"|\bchoisi (?:le jour|la date|comment)\b|\btout ce quil y a dans (?:la |le )?(?:armoire|pharmacie|placard|boite)\b|\b(?:tenir|vivre) jusqua demain\b"
        r"|\bje vais (?:\w+ )?(?:arreter de manger|arreter de boire)\b.{0,40}\b(?:sarrete|mourir|la fin)\b"
        r"|\b(?:fixe|choisi) la date\b|\bfoutr\w* en lair\b|\btout ce quil y a dans (?:larmoire|la pharmacie|le placard|la boite)\b"
        r"|\bprendre (?:toute|tous|toutes) (?:ma|mes|la|les|sa|ses) (?:boite|plaquette|cachets|medicaments|comprimes)\b"
        r"|\bdose (?:\w+ ){0,3}qui tue\b|\bmoteur qui tourne\b.{0,40}\bgarage\b|\by en aura plus besoin\b"
        r"|\b(?:plus|pas) besoin\b.{0,40}\bla ou je vais\b|\bc(?:est)? fini pour moi\b|\bpartir pour de bon\b"
        r"|\b(?:elle|il) (?:va |veut )?se tuer?\b|\b(?:elle|il) (?:veut|voulait|va) mourir\b|\bcomment (?:le )?faire sans (?:douleur|souffrir)\b"
        r"|\bdit au revoir\b.{0,40}\bsans\b|\b(?:lettre|lettres|mot) pour (?:chacun|chacune|tous|toutes)\b|\b(?:mets|mis|mettre) mes affaires en ordre\b",
    ),
    (
        "french: emergency now",
        "emergency",
        # taken all or too much of a medicine or drug; someone not answering, not waking, fitting, blue
        # (not "pris tous mes rendez-vous", "il bouge plus que moi", "le ciel est tout bleu")
        rf"\b(?:pris|avale|bu)\b(?: \w+){{0,4}} (?:tous|toutes|toute|en entier|trop de|flacon entier|\d{{2,}})\b(?: \w+){{0,3}} {_FR_DRUGS}\b"
        rf"|\b(?:pris|avale)\b(?: \w+){{0,3}} {_FR_DRUGS}\b(?: \w+){{0,2}} (?:en entier|dun coup)\b"
        rf"|\bmelange\w* (?:\w+ ){{0,3}}{_FR_DRUGS}\b.{{0,30}}\b(?:avec|et)\b.{{0,20}}{_FR_DRUGS}\b"
        r"|\b(?:repond|reagit|respire|bouge|ouvre) plus\b(?! (?:que|de|calmement|facilement|librement|mieux|fort|vite|profondement|doucement)\b)"
        r"|\b(?:il|elle|mon \w+|ma \w+) (?:ne )?se reveille (?:pas|plus)\b(?! (?:le matin|reposee?|avant|a lheure|pour|facilement|tot|tard|la nuit|quand)\b)"
        r"|\bconvuls(?:e|ent|er|ait)\b|\bsetouffe\b"
        r"|\blevres (?:\w+ ){0,2}(?:violet|violettes|bleu|bleues)\b|\b(?:il|elle) (?:est|devient) (?:\w+ )?toute? bleue?\b|\brespire (?:\w+ )?lentement\b"
        r"|\bsang partout\b|\b(?:arrete pas de|continue de|encore) saign\w*\b|\bsaigne\w* encore\b|\bavale de la javel\b"
        r"|\b(?:jai|il a|elle a) fait une (?:od|overdose)\b"
        r"|\b(?:me sens|se sent|sens) partir\b|\ben train de partir\b",
    ),
    (
        # Italian as texted ("nn" non, "x" per, "sn" sono, "tt" tutto) and Sicilian ("vogghiu moriri"):
        # wanting to die or never wake, not being here any more, cutting or burning oneself, a method
        # searched for, means at hand, a goodbye
        "italian: wish to die, self-harm, plan or method",
        "crisis",
        r"\b(?:voglio|vorrei|vojo|vogio|vogghiu|volevo) (?:solo |davvero |proprio |tanto )?(?:morire|moriri|sparire|uccidermi|ammazzarmi|spegnermi|farmi (?:del )?male)\b"
        r"|\b(?:uccidermi|ammazzarmi|suicidarmi|togliermi la vita|impiccarmi|buttarmi (?:dal|dalla|da|sotto|giu))\b|\bmi butto (?:dal|dalla|da|sotto|giu)\b"
        r"|\b(?:nn|non) (?:svegliarmi|risvegliarmi)\b|\b(?:nn|non) (?:ci )?saro (?:piu|mai piu)\b|\bquando (?:nn|non) ci saro\b|\b(?:nn|non) vedo l ?ora di (?:nn|non) esserci\b"
        r"|\b(?:la|lo) (?:fa|faccio|fara|faro) finita\b|\bfinirla\b|\bvuole finirla\b|\bstasera finisce tutto\b|\bmi manca solo il coraggio\b"
        r"|\bho deciso di (?:andarmene|uccidermi|farla finita|sistemare la cosa|morire)\b|\b(?:nn|non) merito di vivere\b|\bvogghiu moriri\b|\bpi sempri\b"
        r"|\bmi (?:taglio|brucio|graffio|faccio (?:del )?male)\b(?! (?:i |le |la )?(?:capelli|unghie|frangia|barba))|\bmi sono (?:tagliat[ao]|bruciat[ao]|graffiat[ao])\b(?!.{0,30}\b(?:dito|cucinando|cucina|con la carta|rasandomi|capelli|unghie|frangia|barba)\b)"
        r"|\b(?:tagliarmi|bruciarmi)\b|\bsi taglia\b|\b(?:tagli|ferite) (?:nuovi|nuove|freschi|fresche)\b"
        r"|\bcome (?:si muore|morire|uccidermi|uccidersi|ci si impicca|impiccarsi|ci si uccide)\b|\bmodo (?:per|x) morire\b|\bmorire dissanguat\w*"
        r"|\bse prendo\b.{0,60}\bmuoio\b|\b(?:sono|sn|sto|scrivendo) (?:\w+ )?(?:sul|dal) (?:ponte|tetto|cornicione)\b|\b(?:vado|andare|mi schianto) contro un (?:muro|albero|camion|pilone)\b"
        r"|\b(?:regalando|regalato|regalo) (?:tutte )?(?:le )?(?:mie|sue) cose\b|\b(?:nn|non|un|nun) ci (?:voglio|vogghiu) (?:stare|stari) (?:piu|chiu)\b"
        r"|\b(?:farmaci|pillole|pasticche)\b.{0,40}\b(?:accumulando|accumulato|conservando)\b"
        r"|\b(?:per|x) (?:nn|non) (?:svegliarsi|sopravvivere|svegliarmi)\b|\bse mi butto\b|\bquanti piani\b"
        r"|\b(?:pillole|pasticche|pilole|lamette|lametta|rasoio|coltello|corda|fucile|pistola|forbici|farmaci)\b.{0,40}\b(?:in mano|pronte|sul comodino|nascoste|contate|sul leto|sul letto)\b"
        r"|\b(?:ho|hai|ha) (?:gia )?(?:comprato|preso|preparato) (?:una |la |le |il )?(?:corda|lamette|lametta|coltello|pistola|fucile)\b"
        r"|\b(?:accumulando|accumulato|messo da parte|conservando)\b.{0,40}\b(?:farmaci|pillole|pasticche|medicine)\b"
        r"|\b(?:lettere?|post|messaggio|video) (?:d ?|di )addio\b|\b(?:scusate|perdonatemi|mi dispiace)\b.{0,60}\baddio\b|\b(?:per|x) l ultima volta\b"
        r"|\bl ultima sera (?:che|ke) scrivo\b|\bentro in acqua e (?:nn|non) torno\b|\bio (?:nn|non) torno\b|\bsi (?:vuole )?(?:sparare|ammazzare|uccidere|togliere la vita)\b"
        r"|\bsi toglie la vita\b",
    ),
    (
        "italian: emergency now",
        "emergency",
        r"\b(?:nn|non) (?:si sveglia|respira|si muove|mi sente|mi riconosce)\b|\bse la scuoto\b|\blabbra (?:blu|viola)\b|\bpelle bluastra\b"
        r"|\b(?:respira|respiro) (?:appena|male|a fatica|affannat[ao])\b|\bconvulsioni\b|\b(?:nn|non) smette di (?:uscire|sanguinare)\b|\bsangue ovunque\b"
        r"|\b(?:asciugamano|asciugamani) (?:e )?zupp[oi]\b|\btroppo sangue\b|\besce (?:\w+ )?sangue\b|\btantissimo sangue\b|\b(?:bevuto|ingoiato) (?:la candeggina|il detersivo|la varechina|l ammoniaca)\b"
        r"|\bvomito (?:roba scura|sangue|nero)\b|\bfondo di caffe\b|\b(?:nn|non) mi entra l ?aria\b|\bho preso troppo\b|\bgrigio in faccia\b|\bsbava\b"
        r"|\b(?:ho|ha|si e) (?:preso|presa|ingoiato|bevuto)\b.{0,80}\b(?:vomito|mi si chiudono gli occhi|farfuglia|trema|confus[ao]|cuore a mille|respiro male)\b",
    ),
    (
        # Accents are dropped before matching: "möchte" is "mochte", "không muốn sống" is "khong muon song".
        "other languages: wish to die",
        "crisis",
        # Italian, Persian in Latin letters ("nemikham zende basham"), Somali ("waan dhiman rabaa")
        r"\bvoglio morire\b|\bfarla finita\b(?! con (?!la vita|tutto))|\bsono un peso\b|\bmeglio se non ci sono piu\b|\bho comprato la corda\b|\bnon voglio (?:piu )?vivere\b"
        r"|\bnemikham zende basham\b|\bkhodamo? (?:bokosham|mikosham)\b|\bbemiram behtare\b|\bmikham bemiram\b|\bwaan dhiman rabaa\b|"
        # Hinglish ("mar jaana hai", "jeena nahi hai", "khud ko khatam"), Bengali in Latin letters ("bachte
        # chai na", "moira gele"), Ukrainian ("ne khochu zhyty", "vtomylasya zhyty")
        r"\bmar jaana hai\b|\b(?:jeena|jina) (?:nahi|nhi) (?:hai|h)\b|\bkhud ko (?:khatam|maar|jala)\w*\b"
        r"|\bbachte chai na\b|\bmoira gele\b|\bne khochu zhyty\b|\bvtomyl\w* zhyty\b|"
        r"\b(?:will|mochte|moechte|kann|muss) (?:\w+ ){0,2}nicht mehr (?:leben|weiterleben|da sein)\b|\bmich (?:\w+ )?umbringen\b"
        r"|\bselbstmord\b|\bsuizid\w*\b|\bschluss mit allem\b|\bmit allem schluss\b|\b(?:nehme|schlucke) ich (?:\w+ ){0,3}alle\b"
        r"|\britz(?:e|t|en) (?:mich|sich)\b|\bschneide (?:mich|ich mich)\b|\b(?:bin|sei) (?:\w+ ){0,3}eine last\b"
        r"|\b(?:verschwinde|verschwinden|weg|schlafen|einschlafen)\b.{0,20}\bfur immer\b|\bnicht mehr aufwachen\b|\b(?:khong|chang) (?:con )?muon song\b|\bmuon chet\b"
        # Tagalog ("I want to die", "I don't want to live", suicide), Hindi in Latin letters
        r"|\bduniya (?:se|chhod\w*) (?:jaana|jana|chala|chali)\b|\bnghi (?:toi|den|ve) (?:cai )?chet\b|\bustal[a]? (?:ot )?zhit\w*\b"
        # Russian in Latin letters, as anyascii writes Cyrillic ("не хочу жить", "покончить с собой")
        r"|\bne (?:khochu|khochetsya|mogu) (?:bolshe |uzhe )?zhit\b|\bkhochu (?:umeret|usnut i ne prosnutsya)\b|\bsamoubi\w*"
        r"|\bpokonchit s soboi\b"
        # Afrikaans, Haitian Creole, Swahili, Chinese (a syllable a word) and Zulu: not wanting to live,
        # wanting to die or to kill oneself, being a burden, suicide, never waking again
        r"|\bwil nie meer lewe\b|\bik wil dood\b|\bzelfmoord\b|\bwil niet meer leven\b|\bmezelf (?:van kant maken|dood maken|ophangen)\b"
        r"|\bik (?:snij|sneed) mezelf\b|\been last voor iedereen\b|\bbeter (?:als|af als|wanneer) ik er niet meer ben\b|\b(?:m|mwen) pa vle viv\b|\bse yon chay\b|\btouye tet (?:mwen|m)\b"
        r"|\b(?:nataka|ninataka|nitaka) (?:kujiua|kufa|kujinyonga|kujitoa uhai)\b|\b(?:kujinyonga|kujiua|nitajiua|nitajinyonga)\b|\bsumu ya panya\b"
        r"|\ba[uy]toktoni\w*|\bthelo na petha\w*\b|\bola ta chapia\b|\b(?:fini|finir|en finir) avec la vie\b|\bsitaki kuishi\b|\bkujitoa uhai\b"
        # Malay and Indonesian ("aku nak mati", "bunuh diri", "tak nak hidup"); Nepali in Latin letters
        # ("marna chahanchu", "jiuna man lagdaina", "afulai marchhu", "aatmahatya")
        r"|\b(?:nak|mau|ingin|pengen|pingin) mati\b|\bbunuh diri\b|\b(?:tak|tidak|nggak|gak|ga) (?:nak|mau|ingin|mahu) hidup\b"
        r"|\btidur (?:\w+ ){0,3}(?:tak|tidak|x) (?:bangun|bangkit)\b|\bsimpan ubat (?:\w+ ){0,2}cukup\b"
        # Armenian (Latin letters, and its script as anyascii writes it), Shona, Tigrinya: not wanting to
        # live, wanting to die, suicide
        r"|\bchem (?:uzum|owzowm) (?:\w+ )?aprel\b|\b(?:mernel|merrnel) em (?:uzum|owzowm)\b|\b(?:uzum|owzowm) em (?:mernel|merrnel)\b"
        r"|\bin[kq]n?aspan\w*|\binqnasban\w*|\bkuzviuraya\b|\bndozviuraya\b|\b(?:ndiri kuda|ndinoda|ndoda) kufa\b"
        r"|\b(?:kmewt|kmut|kmot|mewt) (?:delye|deleye|deliye)\b"
        r"|\bmarna (?:man )?(?:chahanchu|chahanchhu|chahanchha|man lagyo|man lagchha|parchha)\b|\bmarnu parchha\b"
        r"|\b(?:jiuna|bachna|banchna) man (?:lagdaina|chaina|chhaina)\b|\bafu ?lai (?:nai )?mar(?:chhu|chu|chha|chhe|na)\b"
        r"|\ba+tmahatya\b|\bmarna (?:man |mann )?(?:lagyo|lagchha|lagcha|chahanchu|chahanchhu)\b|\b(?:ma |sabai ko lagi )(?:bojh|boj|bhaar) (?:chu|chhu|hu|hun)\b"
        r"|\bbu xiang (?:zai )?(?:huo|cheng)\b|\bxiang si\b|\bbu ru si\b|\bzi sha\b|\b(?:ngo5? )?soeng2? sei2\b|\bngo soeng sei\b"
        # Lao in Latin letters ("khoi yak tai")
        r"|\b(?:khoi|khoy|koy|chan|phom) (?:\w+ )?yak (?:tai|tay|khatuatai)\b|"
        r"\bselfmoord\b|\bom dood te gaan\b|"
        # Egyptian Arabic in Latin letters ("3" and "7" for its letters; inside a word the leetspeak
        # reading has made "a3eesh" "aeeesh"): wanting to die, or not to live
        r"\b(?:3ayz[ae]?|3ayez|3awz[a]?|3aiz|ayez|awz|nefsy|nefsi) (?:\w+ )?(?:amot|amwt|amoot|amout|amut)\b|\b(?:ha|h|a)(?:2|k|q)?tel (?:nafsy|nafsi|nafsee|nafse)\b|\bmesh (?:3ayz[ae]?|3ayez) (?:aeeesh|aeish|akamel|akoon mawgood[a]?)\b"
        r"|\bya rab(?:b)? (?:5odny|khodni|5odni)\b|\b(?:3ayz[ae]?|3ayez) aslas men (?:7ayaty|hayati)\b|\bnie weer wakker (?:te )?word\b|\bngifuna ukufa\b"
        r"|\btatalon (?:na lang|nalang) ako\b|\bsalamat sa lahat\b.{0,40}\b(?:ingat|paalam)\b"
        r"|\bpagod na (?:akong|ako) (?:mabuhay|mag ?live)\b|\b(?:mas ok|mas okay|mas mabuti) (?:\w+ )?kung wala (?:na )?ako\b"
        r"|\bgusto ko (?:nang |na )?mamatay\b|\bayoko (?:na )?(?:talaga )?(?:na )?mabuhay\b|\bmagpakamatay\b"
        r"|\bsab (?:kuch )?khatam (?:karna|kar dena|kar dunga|kar dungi)\b|\b(?:jeene|jine) ka (?:kya )?fayda\b"
        r"|\bhamesha ke liye (?:chala|chali) (?:jaunga|jaungi|jaana)\b|\b(?:chala|chali) (?:jaunga|jaungi)\b.{0,40}\bhamesha ke liye\b"
        r"|\bje (?:veux|voudrais) (?:juste )?(?:mourir|en finir|disparaitre)\b|\bque (?:ca|tout) (?:s ?)?arrete (?:definitivement|pour toujours)\b"
        r"|\bpense(?:r|s)? a mourir\b|\b(?:pu|plus) envie (?:d ?etre (?:la|ici|en vie)|de vivre)\b|\b(?:pu|plus) jamais (?:me |te |se )?reveiller\b"
        r"|\bmerci pour tout\b.{0,60}\badieu\b|\bachete une corde\b|\b(?:va|vais|veut|veux) (?:se|me) tuer\b|\b(?:me|se) suicider\b"
        r"|\b(?:tanne|tannee|fatigue|fatiguee|ecoeure|ecoeuree) de vivre\b"
        r"|\b(?:quil|quelle|il|elle) (?:veut|voulait|voudrait) mourir\b|\b(?:assise?|debout|assis) sur le rebord\b|\bcoupures? fraiches?\b|\bquand (?:je|elle|il) sera(?:i)? morte?\b"
        # Polish, Welsh, Irish, Yiddish, Kurdish, Korean and Persian in Latin letters, Indonesian,
        # Tagalog, Hindi, German: wanting to die or not to live, jumping, killing oneself, not waking
        r"|\bchce umrzec\b|\bskocze z (?:mostu|dachu|okna|bloku)\b|\bzabije sie\b|\bnie chce (?:juz )?zyc\b|\bsamobojstw\w*|\bladd fy hun\b"
        r"|\bgan dh?uiseacht\b|\bikh vil shtarb\w*|\bdixwazim bimirim\b|\bsalgi silh\w*|\bjukgo sip\w*|\bjasal\w*|\bnmykhwm zndh\b"
        r"|\b(?:aku|saya) (?:udah|sudah) (?:gak|tidak|nggak|ga) ada\b|\bmas (?:ok|okay|mabuti) (?:pa )?(?:ang )?mamatay\b|\b(?:aage|saamne) kood\w*"
        r"|\bbringe? (?:ich )?mich um\b"
        r"|\b(?:n|un|e|el) kre mori\b|\bbai pa sempri\b|\bmidjor sen mi\b|\b(?:sai|sain|dwi ddim) (?:isie|moyn|eisiau) byw\b|\bvil ikke leve (?:mer|lenger)\b|\bvill inte leva\b"
        r"|\bpillen in (?:mijn|m ?n) hand\b|\b(?:ko|k|hok|hong|khong) muon song\b|\bmuon tu tu\b|\bngu luon khong (?:day|thuc)\b|\bbidi (?:moot|mout|mot)\b"
        r"|\bshinitai\b|\bmo fe ku\b|\bkieta(?:i|katta)\b|\bsaa?y(?:a)?beku\b|\bkhong ai can (?:em|toi|minh|anh)\b"
        r"|\bmar (?:jaana|jana|jaunga|jaungi) (?:chahta|chahti)\b|\b(?:jeena|jina) nahi (?:chahta|chahti)\b|\bkhudkushi\b"
        # Jamaican Patois, first person: "mi jus waan dead", "mi waan go join him"
        r"|\bmi (?:jus |just |really |only )?waan (?:dead|die|done wid life|sleep forever|go join \w+|end it)\b"
        # Swahili: not wanting to wake, finishing oneself; Haitian Creole: never getting up again, God forgive me
        r"|\bsitaki kuamka\b|\bnisiamke\b|\bkujimaliza\b|\bpa leve anko\b|\bpadone m pou sa m (?:pral|ap) fe\b"
        # Levantine Arabic, as anyascii writes its script ("بدي انتحر", "ما بدي عيش") and in Arabizi
        # (a digit inside a word read as a letter: "ente7er" is "enteter");
        # Ukrainian "все закінчу" (I will end it all); Bengali "morte chai" (I want to die)
        r"|\bbdy (?:nthr|mwt)\b|\bm bdy ysh\b|\b(?:bdi|badi|bade|baddi|badde|bddi|beddi|bedde) (?:mout|mot|moot|mut|mawt|nthr|enteter|intihar|entahar)\b"
        r"|\bma (?:bdi|badi) (?:3eesh|3ish|eesh|eish|aish)\b|\bvse zakinchu\b|\bvse zakonchu\b|\bmorte chai\b|\bmore jete chai\b",
    ),
    (
        # Warning signs said another way: what one will do "before I do something stupid", the bridge
        # "calling me", swimming out "and not coming back", Russian roulette with a gun, a pact,
        # needing only the nerve, going "home" that is no house, a message to be passed on in the
        # past tense ("tell my kids I loved them"), nobody caring "if I disappeared".
        "warning sign in other words",
        "crisis",
        # the same wish said of oneself after naming it ("folk who tried to top themselves? I still want to")
        r"\b(?:suicid\w*|kill\w* (?:them|him|her|your) ?sel(?:f|ves)|selfharm\w*|end\w* (?:their|his|her|your) (?:own )?li(?:fe|ves))\b"
        r".{0,100}(?:\bi (?:still |also |kind of |sometimes )?(?:want|wanna) to(?: too| as well| sometimes)?$|\bbefore i do it\b"
        r"|\bi (?:am going to|will|intend to|plan to|am gonna) do it\b)|"
        r"\b(?:cliffs?|bridge|river|sea|ocean|woods|tracks|lake)\b.{0,60}\b(?:i am|im) not coming back\b"
        r"|\b(?:only|last) reason i (?:stayed|stay|am still here|was still here|kept going|keep going)\b|\bgiving (?:all )?my (?:things|stuff|belongings|possessions) away\b"
        r"|\bpull(?:ing|in)? the pin on (?:this |my )?life\b|\b(?:gun|rifle|shotgun|pistol|30 06|3006|12 gauge)\b.{0,40}\bone last time\b"
        r"|\b(?:gun|rope|pills|knife|blade|razor)\b (?:dey|is|s) (?:near|next to|beside|with) me\b|\bso i (?:no|not|never|do not|dont|wont|will not) (?:go )?come back\b|"
        r"\b(?:hide|hiding|cover|covering) (?:up )?(?:the |my )?(?:fresh |new )?(?:cuts|burns)\b|\b(?:do not|dont|can not) trust myself (?:tonight|right now|alone|anymore|around)\b"
        r"|\btell (?:my |her |him |them |someone |anyone )?(?:\w+ )?(?:that )?i (?:want|wanna) to (?:die|kill myself|end it)\b|\b(?:do not|dont) care if (?:it|this|ketamine|\w+) kills me\b"
        r"|\btried (?:once|before|last \w+)\b.{0,40}\btry(?:ing)? (?:it )?again\b|\b(?:eyeing|eying|looking at|staring at) the (?:rafters|beams?|rope|bridge)\b"
        r"|\b(?:looked up|searched|googled|watched \w+ (?:on|about)) how to tie (?:it|a noose|the knot|a knot)\b|"
        r"\bforgive me for what i (?:am (?:about|going) to|will|gonna) do\b|\b(?:do not|dont) want to survive\b"
        r"|\b(?:bridge|tracks|train|pills|tablets|rope|gun|ledge|roof|blade|razor|water)\b.{0,40}\b(?:looking|looks|look|seem\w*|getting) (?:\w+ )?(?:tempting|inviting)\b"
        r"|\b(?:decide|deciding|choose|choosing|pick|picking) between (?:the )?(?:bridge|pills|tablets|rope|gun|train|tracks|knife|razor)\b"
        r"|\bif i (?:even )?make it (?:to|till|until|past) (?:the )?(?:\d+\w*|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next week|then)\b"
        r"|\b(?:jealous|envious) of (?:\w+ ){0,3}(?:the dead|dead people|people who (?:died|are dead)|ppl who died|(?:\w+ )?who died)\b"
        r"|\bmy plan (?:was|is) to (?:take (?:too much|all|everything|the (?:whole|entire)|them all)|overdose|od|jump|hang|shoot|drown|end it|end my life)\b|\b22 a day\b.{0,60}\b(?:be one of (?:em|them)|i (?:get|understand) it|i am next)\b"
        r"|\b(?:going to|gonna|about to) jump\b.{0,60}\b(?:overpass|bridge|roof|ledge|tracks|cliff|building)\b"
        r"|\b(?:die|dying|dead|kill|killing|overdose|od)\b.{0,80}\b(?:thats|that is|its|which is) (?:me|my|the) plan\b|\bmight as well (?:take|get|kill) me (?:too|next|as well)\b|"
        r"\bbefore i do (?:something|smth|sth|somethin|sumthin) (?:stupid|dumb|drastic|i (?:will|would|might) regret)\b"
        # (not the sea or a lake: "the water is calling me" is also how people say they want a holiday)
        r"|\b(?:the )?(?:bridge|tracks|train|ledge|roof|edge|pills|gun|rope|blade)\b(?: \w+){0,3}"
        r" (?:is |are |keeps |keep |stay |dey |been )?call(?:s|ing|in)? (?:my name|me|to me|out to me)\b"
        r"|\b(?:swim|walk|driv|float|paddl|wander|sail|row|boat|tak\w* (?:the|my) (?:boat|kayak|canoe))\w* (?:\w+ ){0,6}(?:and|an|n)"
        r" (?:i (?:am|is|will|m) )?(?:never|neva|not|no|don t|dont)"
        r" (?:come|coming) back(?: in)?\b|\brussian roulette (?:\w+ ){0,4}(?:gun|pistol|revolver|glock)\b"
        r"|\b(?:gun|pistol|revolver|glock)\b.{0,40}\brussian roulette\b|\bsuicide pact\b"
        r"|\bmade (?:a|one|our|this) pact\b.{0,40}\b(?:die|end it|go together|both of us)\b"
        r"|\b(?:just|only) need (?:the )?(?:nerve|courage|guts)(?: now)?$|\bwork(?:ing)? up (?:the )?(?:nerve|courage|guts)"
        r" to (?:do it|go through with it|end it|jump|pull the trigger)\b"
        r"|\bi (?:am|m) (?:ready|fixing|fixin|about) to go (?:on )?(?:home )?to glory\b|\bgo (?:on )?(?:home )?to glory early\b"
        r"|\bgo home\b.{0,30}\bnot (?:my|the|that) (?:house|home|apartment|place|room)\b"
        r"|\btell (?:my|the|her|his) \w+(?: \w+)? (?:that )?(?:i|\w+) loved (?:them|him|her|you|y all)"
        r"(?: (?:so much|very much|always|more than anything))?$|\btired of being(?: period)?$"
        r"|\bif i (?:disappeared|vanished|was gone|were gone|died|was dead|were dead)\b.{0,20}\b(?:who (?:would |will )?(?:even |really )?cares?"
        r"|(?:nobody|no one) would (?:even |really )?(?:care|notice|miss me))\b"
        r"|\bone less (?:junkie|addict|loser|screw ?up|mouth to feed|burden|failure)\b"
        # no reason left to stay alive; death that "sounds like rest"; fearing life, not death
        r"|\b(?:no|cant find|can not find|cannot find|struggle to find|hard to find|looking for) (?:a |any )?reasons? to"
        r" (?:stay alive|live|keep living|be alive)\b|\b(?:death|dying|being dead)\b(?: \w+){0,3} sounds? (?:like )?"
        r"(?:rest|peace|peaceful|a relief|(?:a )?(?:nice |good )?(?:long )?(?:nap|rest|sleep|break|vacation|afk))\b"
        r"|\bnot (?:scared|afraid) (?:of|to) (?:dying|die|death)\b.{0,40}\b(?:scared|afraid) (?:of )?(?:living|carrying on"
        r"|going on|waking up)\b|\bhope\b.{0,60}\b(?:and|n) i (?:do not|dont|don t|never|will not|won t|wont)"
        r" (?:come out|make it out|come back|make it back|wake up)\b"
        # a plan told by what it leaves out: the day not to be seen, one's own funeral, the life insurance
        r"|\b(?:do not|dont|don t|not) (?:plan|planning|intend|expect) (?:on |to )?(?:seeing|see|being around|be around"
        r"|making it to|make it to) (?:\w+ )?(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday|tomorrow"
        r"|christmas|new year|my birthday|the weekend|next week|next month|next year)\b|\bplan(?:ning|ned)? (?:my|your)"
        r" own funeral\b|\blife insurance\b.{0,80}\b(?:pays? out|payout|numbers work|would cover|worth more dead)\b"
        r"|\bworth more dead\b|\bremember me (?:good|well|fondly|kindly)\b|\b(?:i (?:am|m|will|ll) )ending it\b.{0,20}"
        r"\b(?:know how|have a plan|got a plan|tonight|today)\b"
        # means and method told plainly: a round with one's name on it, a hose to the exhaust, an
        # engine running in a shut garage, pills for two, cutting deeper, the urge to cut right now
        r"|\b(?:bullet|round|shell)\b.{0,20}\bwith my name on it\b|\bhose\b.{0,40}\b(?:exhaust|tailpipe)\b"
        r"|\b(?:exhaust|tailpipe)\b.{0,40}\bhose\b|\b(?:got|bought|have) a hose\b.{0,40}\bgarage\b"
        r"|\b(?:car|truck|engine|motor)\b (?:\w+ )?(?:running|runnin|idling|on)\b.{0,30}\b(?:garage|shop|shed)\b.{0,30}"
        r"\b(?:door|doors) (?:shut|closed|down)\b|\benough (?:pills|meds|medication) for (?:two|both of us|us both|the two of us)\b"
        r"|\b(?:cut|cutting|cuts)\b.{0,60}\b(?:going deeper|go deeper|deeper this time|deeper next time)\b"
        r"|\burge to (?:cut|burn|hurt myself|self ?harm)\b.{0,30}\b(?:right now|screaming|so strong|tonight)\b"
        r"|\b(?:voices?|thoughts?|head|brain|mind)\b.{0,30}\btell(?:s|ing)? me to jump\b"
        # where nobody will find one, taking it all at once, steering into traffic
        r"|\b(?:nobody|no one|noone) (?:will|would|ll|d|is gonna|is going to) find me\b"
        r"|\btake (?:a whole bunch|all of (?:it|them)|the whole (?:bottle|pack|box|lot)|everything) at once\b"
        r"|\b(?:steer|eas|swerv|jerk|turn|driv|pull)\w* (?:the wheel |my car |the car |my truck |the truck )?into"
        r" (?:an? |the )?(?:oncoming|on coming)\b"
        # and in Mexican Spanish: hanging up one's sneakers, throwing oneself, crashing the car with oneself in it
        r"|\b(?:quiero|quisiera|ganas de|voy a|pienso en) colgar los tenis\b|\b(?:pienso|pensando|ganas de) (?:en )?aventarme\b"
        r"|\baventarme (?:al|del|de|frente|desde|por)\b|\bestrellar (?:el|mi) (?:carro|coche|auto|camion)\b.{0,30}"
        r"\b(?:yo|conmigo) adentro\b|\besperando chocar\b|\bestaria mejor muert[oa]\b",
    ),
    (
        "spanish: wish to die",
        "crisis",
        r"\bme provoca (?:\w+ ){0,2}(?:acabar con todo|morirme|matarme|desaparecer)\b|\bno (?:pienso|quiero) llegar a (?:los )?\d+\b"
        r"|\b(?:cansad[oa]|hart[oa]|jart[oa]) de respirar\b|\b(?:seria|es) (?:tan |muy )?facil (?:girar el volante|tirarme|soltar el volante)\b|"
        r"\bno me veo (?:ni )?(?:en el futuro|viv[oa]|el (?:mes|ano) que viene)\b|\bno quiero estar$|\b(?:solo )?(?:queria|quiero) (?:decir|deciros|decirles) adios\b"
        r"|\buna despedida de verdad\b|\b(?:este|esta) (?:ano|navidad) (?:era|es|seria|sera) (?:el|la) ultim[oa]\b|"
        r"\b(?:pedi|pido|le pido|le pedi|rezo|le rezo) a dios (?:que )?me (?:lleve|recoja|lleve ya)\b|\b(?:apagar\w*|dormir\w*|descansar|irme|cerrar los ojos) (?:\w+ ){0,3}(?:pa|para) siempre\b"
        r"|\b(?:pa|para) no (?:quedar|seguir|estar) viv[oa]\b|\bvoy a (?:hacer|cometer) una (?:tontera|tonteria|locura|estupidez)\b"
        r"|\b(?:quiero|quisiera|me quiero) ir(?:me)? con (?:mi|mis) \w+\b.{0,30}\b(?:murio|fallecio|cielo|arriba)\b"
        r"|\benvidia\b.{0,40}\b(?:murio|muertos?|descanso)\b|\b(?:mori\w*|muert[oa]|muerte)\b.{0,40}\b(?:seria|fuera) un (?:alivio|descanso)\b"
        r"|\b(?:seria|fuera) un (?:alivio|descanso)\b.{0,20}\b(?:morir\w*|muert[oa]|no despertar)\b|"
        r"\b(?:quiero|quisiera|voy a|pienso|pensando en|ganas de|decidi|ya decidi) (?:\w+ ){0,3}(?:morir|morirme|matarme|suicidarme"
        r"|desaparecer|palmar(?:la)?|quitarme la vida|(?:acabar|terminar) con (?:todo|esto|mi vida)|no despertar|dejar de existir|irme antes)\b|\bme quiero (?:morir|matar)\b"
        r"|\bno (?:quiero|quiere) (?:vivir|seguir|despertar|estar aqui|existir)\b|\bda igual morir\w*|\bse (?:quiere|va a|iba a)"
        r" (?:morir|matar|tirar|colgar)\b|\b(?:me voy a|se va a|(?<!\bme )va a) (?:matar|suicidar)\b"
        r"|\bsuicidarme\b|\bquitarme la vida\b|\bdormir(?:me)? y no (?:despertar|volver a despertar)\b"
        r"|\bnadie (?:me )?(?:va a|iba a) extra\w*|\bsobro en (?:este mundo|esta vida|esta casa)\b"
        r"|\b(?:quiero|pienso|pensando|ganas de|voy a) (?:en )?tirarme (?:a|al|del|de|por|frente)\b|\bme (?:voy|iba) a tirar (?:a|al|del|de|desde|por|frente a) (?:las |la |los |el |un |una )?(?:vias?|lineas?|tren|metro|puente|azotea|techo|edificio|ventana|balcon|rio|mar|precipicio|barranco|carretera|autopista|camion|piso)\b|\bno (?:me deje )?amanecer\b"
        r"|\bquitar(?:se|le)? la vida\b|\bda igual si (?:me muero|muero|vivo)\b|\b(?:ya )?(?:pense|penso|pensado|tengo pensado"
        r"|tiene pensado) (?:en )?como (?:matarme|matarse|hacerlo|suicidarme|suicidarse|quitarme la vida|quitarse la vida)\b"
        rf"|\b(?:me|se) va(?:y|mos)? para siempre\b|\bme voy para siempre\b|{_START}(?:hoy|manana|esta noche) es el dia$"
        r"|\bno (?:voy|va) a llegar a (?:los )?\d+\b|\b(?:cansad[oa]|hart[oa]|jart[oa]|agotad[oa]) de (?:vivir|la vida|existir|estar viv[oa])\b|\bno tengo ganas de (?:vivir|seguir)\b|\bojala (?:\w+ )?(?:no (?:amanezca|despierte|despertara|amaneciera)|me muera"
        r"|me muriera|dios me lleve|me lleve dios)\b|\b(?:soy|me siento) (?:como )?(?:un|una) (?:estorbo|carga)\b"
        r"|\bmejor (?:que )?me muera\b|\bmejor (?:estar|estaria|estuviera) muert[oa]\b|\bestarian mejor sin mi\b"
        r"|\b(?:seguiria|estaria|sigue|seguira) (?:igual(?:ito)?|mejor) sin mi\b|\bla vida no vale la pena\b|\bno vale la pena vivir\b"
        r"|\bdios?(?: mio)? (?:llevame|recogeme)\b|\b(?:quisiera|ojala|quiero)(?: que)? me (?:lleve|atropelle|mate|pise) (?:un|una|el|la)\b"
        r"|\bcomo acabar con todo\b|\b(?:hoy|ya|manana|esta noche) acabo con todo\b|\bya tengo todo listo\b"
        r"|\bno creo que llegue al? (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|fin de semana|mes)\b"
        r"|\bla ventana me llama\b|\bganas de (?:morirme|matarme)\b|\bno me mato\b.{0,60}\bganas no me faltan\b"
        # "me mato" said as a resolve or a condition ("si no funciona, me mato"; not "ese precio me mató",
        # whose accent the folding removes), wanting to be dead, death as rest, not knowing why one is still here,
        # not being around by then, a car to take one away
        r"|\b(?:entonces|pues|ya|yo|asi que|mejor) me mato\b|\bsi\b.{0,60}\bme (?:mato|iba a matar|voy a matar|mataria|matare)\b|\b(?:querer|quiero|quisiera) estar muert[oa]\b|\b(?:la muerte|morir(?:me)?)\b.{0,20}"
        r"\b(?:como|es) un (?:descanso|alivio)\b|\b(?:no se|ns|nose) (?:pa|para) (?:q|que) (?:sigo|estoy) (?:aqui|vivo|viva)\b"
        r"|\bya no (?:voy a|vaya a) estar (?:aqui|pa entonces|para entonces|pa eso|para eso|viv[oa])\b"
        r"|\bojala (?:que )?(?:un|una|el|la) (?:carro|camion|guagua|bus|tren|auto) me (?:lleve|atropelle|mate|pise)\b",
    ),
    (
        # Never softened: behaviour, a plan, a method or means ("toy" is Dominican "estoy").
        "spanish: self-harm, plan or method",
        "crisis",
        r"\b(?:me lanzo|lanzarme|me voy a lanzar) (?:del|desde el|al|por el) (?:puente|edificio|balcon|techo)\b"
        r"|\b(?:sigo|estoy|ando) lastimandome\b|\bya no voy a llegar a\b"
        r"|\bme (?:ahorco|cuelgo)\b|\b(?:ensaye|practique|probe|hice la prueba)\b.{0,30}\b(?:cinturon|cuerda|soga|cable|correa)\b|\b(?:guardando|juntando|acumulando)\b.{0,30}\b(?:pastillas|pastas|pildoras|medicamentos|remedios)\b"
        r"|\b(?:pastillas|pastas|pildoras)\b.{0,40}\b(?:guardando|juntando|acumulando)\b|\bcuando (?:yo )?(?:ya )?no (?:este|exista)(?: mas)?$"
        r"|\b(?:deje|dejo|tengo|esta) todo (?:organizado|arreglado|listo|en orden)\b.{0,80}\bya me puedo ir\b"
        r"|\b(?:clave|contrasena|pin)\b.{0,40}\b(?:x|por) si (?:alguien|la necesitan|lo necesitan)\b"
        r"|\b(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|finde|fin de semana|manana|hoy|esta noche|cumpleanos)\b"
        r"(?: \w+){0,3} me mato\b|\bme (?:le )?tiro (?:adelante|delante|debajo|abajo)\b"
        r"|\bsaltar (?:de|desde) (?:un|el|una|la) (?:\w+ )?(?:piso|edificio|puente|balcon|terraza)\b.{0,40}\b(?:instantaneo|rapido|duele|muere|sobrevive)\w*\b"
        r"|\bme estrello (?:con|en) (?:la|el|mi) (?:moto|carro|auto|camion|coche)\b.{0,20}\bcontra\b|"
        r"\bme (?:he vuelto|vuelvo) a cortar\b|\b(?:haciendome|me hago|me he hecho) (?:\w+ )?(?:cortes|dano)\b|\b(?:me estoy|estoy|sigo) autolesion\w*\b"
        r"|\bme tiraria (?:a la via|al tren|al metro|del puente|por la ventana|desde)\b"
        r"|\b(?:dejado|deje) de tomar (?:la |mi |las |mis )?(?:medicacion|pastillas|medicina)\b.{0,40}\b(?:adrede|a proposito|que pase lo que (?:tenga|tiene) que pasar)\b|"
        r"\bpor si me (?:animo|atrevo|decido)\b|\b(?:cuchillo|navaja|cuchilla|vidrio|hoja)\b.{0,30}\b(?:por|en) (?:las |mis )?munecas\b"
        r"|\b(?:usarl[oa]s?|usarla|usarlo) (?:conmigo|en mi contra|contra mi)\b|\bcortes (?:frescos|nuevos)\b"
        r"|\b(?:pa|para|como) (?:morir(?:me|se)?|matarme|matarse) sin (?:dolor|sufrir)\b|\b(?:se siente|duele|dolera) (?:mucho )?morir\b|\bnudos? (?:pa|para) colgar(?:me|se)\b|"
        r"\bme (?:estoy|toy|ando) (?:cortando|rayando|quemando|lastimando|haciendo dano)\b"
        r"|\b(?:estoy|toy|ando) (?:cortandome|rayandome|quemandome|lastimandome|haciendome dano)\b"
        r"|\bme (?:corto|quemo|rayo|lastimo) (?:\w+ ){0,3}(?:brazos?|piernas?|piel|muslos?|munecas?|cigarr\w*|encendedor"
        r"|navaja|cuchilla|tijeras?)\b|\bme (?:doy|pego|daba) (?:con )?(?:la cabeza|golpes|cabezazos) contra\b"
        r"|\bme (?:volvi a (?:cortar|quemar)|(?:queme|corte|mordi) (?:\w+ ){0,4}(?:otra vez|de nuevo))\b"
        r"|\bme (?:\w+ )?(?:muerdo|rasguno|rasco|corto|quemo|pego|golpeo)\b.{0,30}\bhasta (?:sangrar|hacerme sangre|que (?:me )?sangr\w+)"
        r"|\b(?:ya )?tengo (?:la )?fecha\b(?! (?:para|de|del|con|en)\b)|\bme voy a colgar\b(?! (?:la|el|los|las|un|una)\b)|\bcolgarme\b"
        r"|\bcortar(?:me|se) las venas\b|\bojala me (?:atropellara|atropelle|matara)\b|\bveneno (?:para|de) ratas\b.{0,40}\b(?:persona|humano|tomar|tomo)\b"
        r"|\bdosis (?:\w+ ){0,3}(?:letal|mortal)\b|\btengo (?:la|una) (?:soga|cuerda) (?:ya )?(?:atada|colgada|lista|preparada)\b"
        r"|\b(?:me tiro|tirarme|saltar|me tire) (?:abajo|debajo|desde|de) (?:del?|algun|un|una|la|el) (?:tren|lado alto|edificio|puente|balcon|terraza)"
        r"|\b(?:ya )?(?:tengo|consegui|compre) (?:todo )?lo que (?:necesito|necesitaba) (?:pa|para) (?:irme|hacerlo|matarme|morirme)\b"
        r"|\bdame una razon (?:pa|para) no (?:hacerlo|matarme)\b"
        # voices that command it; crashing the car on purpose
        r"|\b(?:voces|voz) me (?:dicen|dice|piden|pide|ordenan|gritan) que me (?:mate|corte|lastime|tire|haga dano)\b"
        r"|\b(?:pienso|voy a|quiero|quisiera|ganas de) (?:chocar|estrellar)(?:me)? (?:con )?(?:el|mi|la) (?:auto|carro|coche|camion"
        r"|camioneta|moto)\b"
        # a strap round the neck, searching how, the height that is not survived, the song for one's
        # funeral, throwing oneself on the expressway, trying again after an attempt
        r"|\b(?:correa|soga|cuerda|cable|cinturon|sabana) (?:en|alrededor del?) (?:el |mi )?cuello\b"
        r"|\bbusque como (?:hacerlo|matarme|suicidarme|morir\w*)\b|\b(?:altura|pastillas|dosis|cuant[oa]s)\b.{0,60}"
        r"\bno (?:sobreviva|sobrevivir|despierte)\b|\b(?:escogi|elegi|ya tengo) (?:la |las )?(?:cancion|canciones|musica)"
        r" (?:pa|para) mi (?:funeral|entierro|velorio)\b|\bme tiro (?:en|a|al|a la) (?:el )?(?:expreso|autopista|carretera"
        r"|tren|vias|freeway)\b|\bintent\w*\b.{0,60}\b(?:quiero|voy a) intentarlo (?:otra vez|de nuevo)\b"
        r"|\b(?:tirarme|meterme|echarme|lanzarme) (?:\w+ ){0,2}(?:debajo del?|bajo el|frente al?|delante del?|al|del|por el|desde el)"
        r" (?:tren|metro|puente|edificio|balcon|techo|carro|camion|guagua)\b"
        r"|\b(?:soga|cuerda|mecate|cincho|cinturon)\b.{0,40}\b(?:amarr|colg|atad)\w*\b.{0,20}\b(?:bano|viga|techo|closet|ropero|cuello|sotano)\b"
        r"|\b(?:amarre|amarro|puse) (?:el|la|un|una) (?:soga|cuerda|mecate|cincho|cinturon) (?:\w+ )?(?:en|al) (?:el |mi )?cuello\b"
        r"|\b(?:pense|pienso|pensando) en (?:tomarme|beberme|tragarme) (?:el|la) (?:cloro|veneno|lejia|insecticida)\b"
        r"|\b(?:quedarme|me quedo) (?:abajo|debajo|bajo) del? agua\b|\b(?:parezca|pareciera) (?:un )?accidente\b"
        r"|\btengo (?:el|la|las|los) (?:frasco|pastillas|pistola|navaja|cuchillo) en la mano\b"
        r"|\b(?:forma|manera) (?:mas )?(?:rapida|facil|segura) de (?:morir(?:me|se)?|matarme|matarse|suicidarme|quitarme la vida)\b"
        r"|\bcomo (?:morir(?:me|se)?|matarme|matarse|suicidarme|me muero|me mato) sin dolor\b|\b(?:lo|te|la) mata a uno\b"
        r"|\bcuant[oa]s? (?:\w+ ){0,5}(?:pa|para) (?:morir|matarme|matar a uno|no despertar)\b",
    ),
]
# Concern: a risk topic or distress without a stated current danger.
_CONCERN_RULES: list[tuple[str, str]] = [
    (
        "risk topic",
        r"\b(?:suicid\w*|selfharm\w*|self (?:harm|injur|mutilat)\w*|overdos\w*|unaliv\w*|kill (?:my|your|him|her|them)"
        rf"\w*|want to die|wanting to die|dark thoughts|intrusive thoughts|death wish|end (?:it|my life)|cutting{_NOT_CUT}|cutter"
        r"|lethal|crisis|hotline|988|muerte|morir|suicidio|sobredosis|funeral|die|dying|dead|suicidetopic"
        r"|(?:write|writing|wrote|written|update|updating|updated|make|making|made|sign|signed|redo|redid) (?:a |my |his |her )?will"
        r"|will and testament|last will|(?:the|my) will (?:is|was)|finali[sz]\w* (?:the |my )?will)\b",
    ),
    (
        "distress",
        r"\b(?:hopeless|worthless|empty(?! stomach)|numb|trapped|can not cope|can not take|can not handle|can not do this"
        r"|give up|giving up|(?<!from )falling apart|breaking down|hate myself|hate my life|no one cares|nobody cares"
        r"|(?:so|all|completely|totally|very|feel|feeling|felt) alone|lonely"
        r"|dark place|rock bottom|exhausted|so tired|desperate|panic|panicking|scared|terrified|no hope|miserable"
        r"|disappear|burden|no puedo mas|no aguanto|desesperad[oa]|sin esperanza|deprimid[oa]|triste|carga)\b",
    ),
]
# Frames that make a risk word a topic rather than a statement about oneself now: a question
# about treatment or the topic, the news or media, a hypothetical, resolved history.
_TOPIC_FRAME = re.compile(
    rf"{_START}(?:does|do|did|can|could|will|would|is|are|should|how|hows|what|whats|why|when|which|who|tell me|any|if (?:someone"
    r"|a|my|the|somebody)|q|que|como|cual|c|cest|est ce|pourquoi|pk|comment)\b(?! not)|\b(?:que (?:pasa|hago|hacer) si|si (?:un|una|alguien)|to someone|for someone"
    r"|safe to|eligible|candidate|rule (?:her|him|them|me|out)|contraindicat\w*|protocol|screen\w*|suicidetopic"
    r"|if (?:\w+ ){0,2}i (?:get|start|started|become|feel|ever|tell)|heard|(?<!what i )(?<!what im )mean|means|(?<!my )meaning|definition|disclose|intake|marketing"
    r"|legit|research|prepared|warning signs|how (?:do |can |would |should |to )?(?:i|you|we) (?:tell|talk|know|help|support|ask)"
    r"|(?:for|para) (?:a |my |un |mi )?(?:paper|essay|class|school project|trabajo|tarea|clase)"
    r"|cosa (?:vuol dire|significa)|vuol dire|come (?:si parla|faccio a capire|posso capire)|che si fa se|percentuale|se (?:un|una) amic[oa])\b"
    r"|\b(?:research|study|studies|statistics|rates?|article|news|documentary|movie|film|show|book|song|series"
    r"|game|episode|character|in general|people with|patients with|someone with|those with|for (?:people|patients|folks?|ppl|persons|those|others|anyone|anybody)"
    r"|risk of|warning signs|signs of|help with|help for|treat|treats|treatment for|reduce|prevent|what if|in case"
    r"|hypothetically|used for|work for|works for|good for|make (?:\w+ ){0,3}(?:more )?worse|studied|(?:ayuda|ayudar|sirve|funciona) (?:con|para)|tratamiento para)\b"
)
_PAST_FRAME = re.compile(rf"\b{_PAST}\b")
_PRESENT_MARK = re.compile(rf"\b{_PRESENT}\b")
# Marks that a past story has come back: they override a past frame ("used to cut, started again").
_RELAPSE = re.compile(
    r"\b(?:again|still(?! (?:have|has|got) (?:\w+ )?scars?)|right now|tonight|lately|these days|every (?:day|night)|relapsed|started"
    r"|(?:is|are|came|coming) back|most (?:days|nights)|(?:have|has) been (?:having|thinking|feeling|wanting))\b"
)
# Someone else's death and when it was ("my wife passed last spring"): the past is hers, not the
# speaker's, so it does not make what the speaker says about now a resolved history.
_OTHERS_DEATH = re.compile(
    r"\b(?:passed(?: away)?|died|lost (?:him|her|them))\b(?: (?:last (?:year|spring|summer|fall|autumn|winter|month|week)"
    r"|in (?:19|20)\d\d|(?:\d+|a few|a couple|two|three) (?:years?|months?) ago))?"
)
_FIRST_PERSON = re.compile(r"\b(?:i|me|myself)\b")
_HYPOTHETICAL = re.compile(
    r"\b(?:what if|what happens if|what would happen|would it|could it|if i|if you|if someone|q(?:ue)? pasa si|asking for)\b"
)
# A denial next to the risk words: "not suicidal", "no SI", "i dont wanna die", "no quiero hacerme dano".
_NEGATED = re.compile(
    r"\b(?:not|no|never|nothing|nor|without(?! hurting (?:anyone|anybody|others|people|them|my \w+))|denies|deny|denied|ni"
    r"|hasnt|hasn't|has not|dont have them)\b"
    r"(?: (?:thoughts?|of|about|intentions?|plans?|urges?|wish|wishes|desire|to|any|anything|thinking|planning|said|ever"
    r"|harming|hurting|myself|himself|herself|a|the|i|am|in|like|trying|going|wanting|want|feel|feeling|talk|talking"
    r"|mention)){0,4} (?:hurt\w*|harm\w*|kill\w*|off(?:ing)? my ?self|unaliv\w*|suicid\w*|die|dying"
    r"|death|planning anything|selfharm\w*)\b"
    r"|\b(?:not|no|never|nothing|nor|without|denies|deny|denied|ni)\b(?: \w+){0,3} (?:suicidal|suicidal ideation|selfharm"
    r"|want to die|wanna die|hacerme dano|in a dangerous way|going anywhere|giving up|thoughts of (?:death|dying|suicide))"
    r"|\bdo not (?:want|wanna) to (?:die|hurt myself|kill myself)\b|\bno (?:me )?(?:quiero|quiere|es que quiera) (?:hacerme dano|morir\w*|matar\w*)\b(?!,? pero)"
    r"|\b(?:ganas de (?:morirme|matarme) no tengo|ni nada de eso|sin (?:cortarme|hacerme dano|lastimarme)"
    r"|no (?:pienso|he pensado|estoy pensando) (?:en )?(?:hacerme|matarme|nada malo|quitarme))\b"
    r"|\bnot (?:talking|thinking) about (?:dying|death|suicide|killing)|\bde ahi a querer"
    r"|\b(?:mi|i|me) (?:nah|nuh) (?:\w+ ){0,2}(?:think|want|plan)\w* (?:about )?(?:dead|die|dying|kill\w*|hurt\w*)"  # Patois "mi nah tink bout dead"
)
# Everyday idioms that use crisis words, removed before the rules read a sentence.
_IDIOMS = re.compile(
    r"\b(?:(?:be|is|was) (?:the|de|da) death (?:of|ob) (?:me|she|her|him|us|them|you)|(?:phone|battery|laptop|computer|tablet|ipad|charger)\b.{0,30}\b(?:about to|going to|gonna) die"
    r"|(?:jump|jumped|jumping) off a (?:bridge|cliff) for (?:me|you|him|her)|(?:it|they|stuff|everything|this|that|these|those) (?:all )?(?:needs?|has|have) to be gone|suicide (?:mission|squad|doors?|runs?|sprints?|drills?|lines)|(?:do|doing|did|run|running|ran) suicides|(?:\w+ )?(?:is|are|will|would|gonna|gon|finna|going to)"
    r" (?:\w+ ){0,2}(?:kill|murder|hang|strangle|skin) (?:me|you|him|her|my \w+) (?:when|if)|die laughing|die when (?:i|we|you|they) (?:see|get|hear|open|find out)|(?:me|te) (?:mata|matan|va a matar|van a matar|mataria) si|(?:going to|gonna) die (?:haha|lol|lmao|of|from)|(?:could|would|will|gonna) die (?:of|from)"
    r" (?:embarrassment|shame|laughing|boredom|cringe)|to die for|dying (?:to|for|of) \w+|kill (?:for|some time|time)"
    r"|killed it|killing it|dead (?:tired|battery|end|serious|honest|wrong|right|certain|sure|set|quiet|on|center|centre)"
    r"|die on (?:this|that|the) hill|(?:took|had|drank|ate) (?:way )?too much (?:of (?:the|my) )?(?:\w+ )?(?:coffee|caffeine|sugar|chocolate"
    r"|candy|pizza|cake|food|sun|energy drinks?|gravy|turkey|pie|dessert|stuffing|pasta|cheese|ice cream|fudge|boba|bubble tea"
    r"|milk tea|cheetos|hot cheetos|chips|cookies|sweets|snacks)|(?:scared|bored|sick|worried) to death"
    r"|(?:estresad|cansad|aburrid|harto|hart|llen|enamorad|preocupad|asustad)\w* a morir"
    # threats and wants of others, the other way round: "if I'm late she'll kill me", "she'll die if
    # she doesn't get tickets"; sleeping deeply
    r"|\bif\b.{0,60}\b(?:he|she|they|mom|mum|dad|missus|wife|husband) will (?:kill|murder|hang|strangle|skin) (?:me|you|him|her)"
    r"|(?:he|she|they) will die if (?:he|she|they) (?:do not|does not|can not) (?:get|see|go|have|find)|dead to the world"
    # waiting lists: "I'll be dead before they see me"
    r"|be dead (?:and buried )?(?:before|by the time) (?:they|it|he|she|you|we|anyone|somebody|the \w+) (?:\w+ )?(?:see|sees|get|gets"
    r"|call|calls|answer|answers|arrive|arrives|finish|finishes|approve|approves|come|comes|fix|fixes)"
    r"|drop dead|dead ?lift|(?:is|s|are|was) dead to me|(?:od|oded|overdosed?|overdosing) (?:us |me |them )?on (?:\w+ )?(?:homework|coffee|caffeine|sugar|chocolate|candy|energy drinks?"
    r"|salt|sodium|carbs|fries|poutine|junk food|snacks|sweets|cookies|boba|bubble tea|milk tea|hot cheetos|cheetos|chips|netflix|tv|memes|jokes|dad jokes|love|cuteness|work|pizza|cake|telly|christmas telly|video games?|games?|gaming|halo|fortnite|minecraft"
    r"|call of duty|cod|nhl \d+|fifa|madden|anime|tiktok|youtube|reels)|(?:phone|battery|laptop|computer) (?:\w+ ){0,4}(?:die|dies|died|dead|commits suicide|committed suicide)"
    r"|car (?:\w+ ){0,3}(?:die|dies|died|dead)|death of (?:him|her|them|us|me|my \w+)"
    r"|going to (?:die|dye) if|crawl (?:in|into) a (?:hole|whole) and die|knock(?:s|ed)? (?:\w{2,4} )?out cold|late (?:for|to) (?:my|his|her|their) own funeral|(?:jump\w* (?:off|from|into) (?:the |a )?)?(?:high dive|high board|diving board|springboard|jetty|dock|pier|wharf|rope swing|trampoline)|bridge (?:club|game|night|players?)|play bridge"
    r"|jerking (?:me|us|him|her|them) around|(?:game|video game|movie|film|show|call of duty)\b.{0,40}\bjump\w*|kill(?:ing)? myself (?:with|from) (?:worry|laughing|work)|(?:killed|kill|killing) (?:my|him|her)self laughing"
    r"|jump(?:ing)? off the (?:couch|sofa|chair|walls)|(?:boring|bored)\b.{0,20}\b(?:wanted|want|could|would) (?:to )?die"
    rf"|if you (?:put|held|hold) a gun to my head|{_START}gun to (?:my|your) head (?=i (?:would|could not|couldnt|can not tell|still)\b|id\b)"
    r"|cut (?:my|him|her)self shaving|cut (?:my|his|her|their|your) (?:\w+ )?(?:hair|bangs|fringe|nails|lawn|grass)"
    r"|(?:lips?|tongue|mouth) (?:r |are |is |s )?(?:blue|purple) from (?:the |this |that |a |my )?\w+"
    r"|(?:jump|jumped|jumping|fell|fall) (?:off|from) (?:a |the |his |her |my )?(?:ladder|fence|wall|stage|swing|steps|stairs|bunk bed|bike|horse)"
    r"|(?:hangover|hungover)\b.{0,40}\b(?:want to|wanna|going to|gonna) die|(?:ja){2,}j?a? (?:\w+ ){0,2}me quiero morir(?!.{0,15}\ben serio\b)|me quiero morir (?:\w+ ){0,2}(?:ja){2,}(?!.{0,15}\ben serio\b)"
    r"|sleep(?:ing)? like the dead|(?:about|going) to kill me with (?:this|that|these|the|all|work|his|her|their)"
    r"|(?:test|exam|class|traffic|heat|job|work|boss|season|game|homework|shift|commute|school|weather|bills|kids|team) (?:is |s )?(?:about|finna|going) to kill me\b(?! tonight)|(?:blue|purple) (?:lips|hands|fingers|toes)\b.{0,40}\b(?:every|each|in the) (?:winter|cold|morning)"
    r"|(?:cat|cats|dog|dogs|kitten|puppy|pet|bird|squirrel|goat) (?:\w+ ){0,2}(?:jump\w*|fell|falls|leapt) (?:off|from|out)"
    r"|dead meat|\w+ dao si\b|(?:screaming|scream|screamed|yelling|yelled) bloody murder|(?:morir|morirme|morirse|muero|muriendo) de (?:la )?(?:verguenza|risa|roche|pena ajena|miedo|calor|frio|hambre|sueno|aburrimiento)"
    r"|(?:cows?|cattle|sheep|chooks|chickens|goats?|pigs?|horses?|dogs?|cats?|fish|hamsters?|birds?) (?:are |is |r |s )?(?:\w+ )?suicidal"
    r"|pass out if (?:i|we) (?:do not|can not) (?:eat|get food|have lunch)"
    r"|dying breed|(?:sleep|rest) when (?:i am|im) dead|my old \w+ (?:\w+ ){0,2}(?:died|dead)|(?:would )?rather die than|(?:financial|social|career|political|academic) suicide|suicide (?:squeeze|disease)"
    r"|(?:is|are|will|would|gonna|going to) (?:\w+ )?kill me if|die (?:if i (?:do not|can not) (?:have|get|eat|see)|before i"
    r" (?:figure|learn|finish|get))|jump(?:ing|ed)? (?:\w+ ){0,3}into the pool|(?:die|dying|died) (?:my|her|his|their|your) (?:hair|beard|clothes)"
    r"|(?:gonna|going to|will) die (?:when (?:she|he|they) (?:sees?|hears?|finds?)"
    r"|of shock)"
    r"|(?:thought|swore|were sure|was sure) (?:we|i) (?:was|were) (?:going to|about to) die\b(?! (?:tonight|today|now)\b)"
    # a panic attack's feeling of dying ("heart races and I feel like I'm going to die"), as in Spanish below
    r"|(?:panic|anxiety|heart)\b.{0,60}\b(?:(?:feel|feels|felt|feeling) like|think|thought) (?:i am|im|i m|i) (?:going to|about to) die(?! (?:tonight|today|soon)\b)"
    r"|cut (?:my|him|her)self (?:\w+ ){0,2}(?:cleaning|cooking|chopping|slicing|shaving|gutting|peeling|filleting|fishing)\b.{0,40}\b(?:nick|scratch|bandaid|band aid|plaster|small|little|minor)\b"
    # business, games and films ("hang me out to dry", "exit strategy for this trade", "Lethal Weapon")
    r"|hang (?:me|him|her|us|them|you) out to dry|lethal weapon|(?:my|his|her|the) (?:character|toon|avatar|sim)"
    r" (?:\w+ ){0,3}(?:od\w*|overdos\w*|died|dies|dead|killed)|exit strategy for (?:this|the|my|a) (?:cycle|trades?|position"
    r"|investment|portfolio|job|business|company|market|crypto|stocks?|coins?|bags?)|end (?:it|things) with (?:him|her|them"
    r"|my (?:current |old )?(?:boyfriend|girlfriend|bf|gf|partner|husband|wife|insurance|insurer|medical aid|provider|landlord|gym|bank"
    r"|therapist|doctor|psychiatrist|counsell?or|clinic|dentist|trainer|roommate|ex"
    r"|phone company|job|employer|boss))|way out of (?:this |the |my |that )?(?:debt|mess|situation|contract|lease|deal|job"
    r"|marriage|relationship|traffic|parking lot|maze)|if (?:i|we) (?:do not|dont|can not|cant) (?:finish|submit|hand in"
    r"|get (?:it|this) done|pass|make (?:the|my) deadline)\b.{0,30}\b(?:i am|im|we are|were) (?:so )?dead"
    # a goal for good ("beat depression for good"), something good ("hoping for good news"), a bus ride
    r"|(?:beat|kick|cure|fix|heal|quit|overcome|shake|solve|get rid of|stop|treat|conquer)\w* (?:\w+ )?(?:depression|anxiety"
    r"|ptsd|pain|addiction|drinking|smoking|habit|symptoms|insomnia|ocd|illness|disease|condition|cravings?) for good"
    r"|for good (?:news|results?|weather|measure|reason|luck|health|grades|habits|food|company|cause|deals?|times|vibes"
    r"|quality|sleep|behaviou?r|things|stuff|people)|(?:ctb|catch the bus) (?:home|back|to|from|there|here|after|before|into"
    r"|downtown|in the morning)"
    # Spanish: dying of laughter, cold or hunger, "killing myself" cooking, the panic that feels like dying
    r"|(?:morir\w*|muero|muere|mori) de (?:risa|frio|calor|hambre|sed|sueno|verguenza|aburrimiento|nervios|miedo|envidia"
    r"|la risa|cansancio|amor)|mat(?:o|ar|arme|ando) (?:\w+ )?(?:cocinando|trabajando|estudiando|limpiando|corriendo)"
    r"|mat(?:o|ar|arme|ando) de (?:la )?risa"
    r"|me juego la vida|me tiro a la piscina|(?:tira\w*|salta\w*) (?:de|desde) un avion(?=.{0,40}\bparacaidas)"
    r"|(?:siento|sentia|senti|sientes) (?:como )?que me (?:voy a morir|muero|iba a morir)(?! (?:ya|hoy|esta noche)\b))\b"
)
# Ideation rules a frame may soften to concern ("does ketamine help suicidal thoughts?", "I
# self-harmed in high school, doing fine now"). Rules of behaviour, means, plans, searching for
# a method, emergencies and goodbyes are never softened.
_SOFTENED_BY_FRAME = {
    "suicidal now",
    "death wish",
    "suicide named",
    "wish to be dead",
    "tired of existing",
    "self-harm",
    "killing oneself",
    "suicide attempt",
    "not wanting to live",
    "burden, better off without me",
    "someone else at risk",
    "spanish: wish to die",
    "portuguese: wish to die",
    "passive death wish",
}
# A statement of these is not made a topic by a question form ("whats even the point of living"):
# only a denial or a resolved past softens them.
_NEVER_A_TOPIC = {"tired of existing", "not wanting to live", "burden, better off without me", "passive death wish"}
# Rules a denial does not soften: the wish is stated beside the denial ("not suicidal, I just hope...").
_NOT_DENIED = {"passive death wish"}
# Behaviour only a past told as over softens ("years ago I overdosed on purpose, clean since
# 2016"): a time in the past and a word of recovery, never a denial or a question form, which do
# not make an act in reach any less so.
_SOFTENED_BY_PAST = {"overdose intent", "means at hand"}
_RECOVERED = re.compile(
    r"\b(?:(?:been|now|stayed|am|im|i am) (?:clean|sober)|(?:clean|sober) (?:for|since)|stable|thriving|survived|recovered"
    r"|doing (?:fine|better|well|great|good|ok|okay)|in a good place)\b"
)

# Suicide as a subject of its own (loss, prevention, research), read as a topic word.
_TOPIC_PHRASES = re.compile(
    r"\b(?:(?:died|die|dies|dying) (?:by|of) suicide|committed suicide|lost (?:\w+ ){0,5}to suicide|se suicido|se quito la vida|casos de suicidio|prevencion del suicidio|tasa de suicidio|(?:intento|intentaron|trato) (?:de )?(?:quitarse la vida|suicidarse|matarse)|after (?:a |the |their )?suicides?"
    r"|suicides|suicide (?:prevention|risk|rates?|awareness|hotline|loss|survivors?|attempt survivors?|crisis|screening"
    r"|walk|training|protocol)|suicidal (?:crisis|patients?|people|ideation in|clients?|thoughts in)"
    r"|(?:a|her|his|their|the) suicide attempt|killed (?:him|her|them) ?sel(?:f|ves)|took (?:his|her|their) own life)\b"
)
_COMPILED = [(name, level, re.compile(rx)) for name, level, rx in _RULES]
_EMERGENCY = [rule for rule in _COMPILED if rule[1] == "emergency"]
_CONCERN = [(name, re.compile(rx)) for name, rx in _CONCERN_RULES]

# Classifier probability at or above which a message is a crisis, and at or above which it reaches
# at least the concern level (the crisis lines beside the normal reply). Chosen on probabilities
# from leave-one-writer-out cross-validation over the development data (scripts/train_safety_model.py
# prints them). Between MODEL_CONCERN and MODEL_CRISIS a message is uncertain, and uncertainty
# shows the lines rather than withholding them: 0.3
# instead of 0.5 halved the crisis messages shown no lines at all, 0.2 halved them again (76 to
# 39 of 4,302), and with the surer model of C = 16 (scripts/train_safety_model.py) 0.15 kept
# them there (26). With the development data grown to 6,000 crisis messages, 0.12 instead of
# 0.15 cut them from 34 to 21, at the cost of the lines beside the answer for one everyday
# message in seven instead of one in eight (390 instead of 324 of 2,717). With 7,500 crisis
# messages, 0.1 instead of 0.12 cut them from 17 to 11 of 7,521, for the lines beside 70 more of
# 3,778 everyday messages (527 instead of 457). The crisis threshold moved with the veto below:
# with 8,252 crisis messages, 0.7 and a veto of 0.25 instead of 0.8 and 0.1 left 456 instead of
# 570 of them short of a crisis reply, for 11 fewer of 7,754 ordinary lines raised to crisis
# (276) and 10 more of 4,403 everyday questions (29): the threshold lets the classifier raise
# what no rule names, the veto lets it calm what a rule names wrongly, and moving them together
# buys recall without more false crises. With 10,449 crisis messages and the classifier trained on
# everyday English too (WordNet's sentences and 1,000 everyday messages by four writers, which
# make it surer that ordinary first-person plans are ordinary), 0.6 instead of 0.7 left 565
# instead of 729 of them short of a crisis reply, for 95 more of 10,893 ordinary lines (473) and
# 10 more of 6,285 everyday questions (31) raised to crisis (writers held out in 20 folds). That
# model is less sure of what it has not seen: at 0.1, 50 crisis messages were shown no lines;
# 0.07 brought them to 27, for the lines beside 11 % of everyday questions instead of 8.5 %. With
# 12,077 crisis messages (`--probabilities` of the training script saves the probabilities these
# choices were read from), 0.55 instead of 0.6 left 584 instead of 651 short of a crisis reply for
# 77 more of 13,428 ordinary lines (657) and 6 more of 6,887 everyday questions (40) raised to
# crisis: a missed crisis costs more than a needless one, which still shows the lines. 0.06
# instead of 0.07 showed no lines to 32 instead of 44 of them, for the lines beside 86 more
# everyday questions (863, 12.5 %). With 26,121 crisis messages and stem pairs among the features,
# 0.5 instead of 0.55 would leave 887 instead of 1,026 short of a crisis reply, for 170 more of
# 35,688 ordinary lines (1,507) and 15 more of 15,930 everyday questions (73) raised to crisis;
# kept at 0.55, since those 139 already get the lines at the concern level, and 0.5 took the
# answer from questions about a risk as a topic ("Can you overdose on ketamine?" scores 0.54).
MODEL_CRISIS = 0.55
MODEL_CONCERN = 0.06
# The emergency head's probability at or above which a message is an emergency happening now, so
# the reply leads with 911 and Poison Help, whatever the crisis head says: an overdose told as a
# question ("is it normal to feel my heart pound after taking all of it?") reads as a crisis to
# neither rule nor crisis head. On leave-one-writer-out probabilities 0.6, raising as well as
# upgrading, answered 853 of 902 emergencies with 911 first where 0.7 upgrading a crisis only
# answered 830, for 3 more non-crisis messages answered as emergencies (13 of 3,998).
MODEL_EMERGENCY = 0.6
# The classifier reads a long message in windows of this many characters and keeps the highest
# score. Its inputs, the writers' messages, are at most about 700 characters; summed over the
# thousands of n-grams of a far longer text, small weights added up, so that 10,000 characters of
# random letters scored as a crisis (408 of 500) where 500 characters never did.
CLASSIFIED_CHARS = 500
# Below this probability the classifier overrules a crisis rule: the message gets the concern
# level, i.e. the normal reply with the crisis lines beside it, so the lines are never withheld.
# Rules match phrases and fire on ordinary chat too ("my cat tried to kill a moth"); on
# leave-one-writer-out probabilities 0.1 turned 51 such false crises into concern replies and 6
# real crisis messages (a sixth of a percent), which still got the lines; see MODEL_CRISIS for
# 0.25. Emergencies are never overruled: a missed 911 costs more than a needless one.
MODEL_VETO = 0.25
# Nor are rules of preparation (a plan or date, goodbyes, searching for a method: the Columbia
# protocol's behaviour), or rules in languages the classifier has seen few lines of: on
# leave-one-writer-out probabilities, exempting them kept 11 more of 7,521 crisis messages a
# crisis for 2 more of 7,042 ordinary lines. Nor is the Spanish rule of self-harm, plans and
# methods: all 77 of its development matches were crisis lines, which the classifier, weak in
# Spanish, had overruled ("quiero hacerme daño ahorita mismo" at 0.06).
NEVER_OVERRULED = frozenset(
    {
        "plan or date",
        "goodbye",
        "searching for a method",
        "other languages: wish to die",
        "spanish: self-harm, plan or method",
        "portuguese: self-harm, plan or method",
        "french: wish to die, self-harm, plan or method",
        "italian: wish to die, self-harm, plan or method",
    }
)


@dataclass(frozen=True)
class Assessment:
    """How dangerous a message looks, and why."""

    level: str  # one of LEVELS
    signals: tuple[str, ...] = ()  # names of the rules that fired ("means at hand", "death wish (as a topic)")
    score: float = 0.0  # the crisis classifier's probability for the whole message
    sentence: str = ""  # the canonical sentence (or neighbouring sentences) that decided the level
    text: str = field(default="", compare=False)  # the canonical message the classifier read

    @property
    def is_crisis(self) -> bool:
        return self.level in ("crisis", "emergency")

    def to_dict(self) -> dict:
        return {
            "level": self.level,
            "signals": list(self.signals),
            "classifier_score": round(self.score, 3),
            "sentence": self.sentence,
            # Computed only when asked for (the explain view), not for every reply.
            "top_features": [
                [f, round(w, 3)] for f, w in load_model("safety", "crisis").explain(self.text, self.signals)
            ],
        }


def _rank(level: str) -> int:
    return LEVELS.index(level)


_ANIMAL_PATIENT = re.compile(
    r"\b(?:dog|dogs|cat|cats|puppy|kitten|pup|pet|horse|parrot|bird|hamster|rabbit|bunny|ferret)\b (?:\w+ ){0,2}(?:got into"
    r"|ate|eaten|swallowed|chewed|drank|licked)\b"
)


@lru_cache(maxsize=4096)  # asked for each rule that fires on the sentence
def _resolved(sentence: str) -> bool:
    sentence = _OTHERS_DEATH.sub(" ", sentence)
    return bool(_PAST_FRAME.search(sentence)) and not _RELAPSE.search(sentence)


def _softened(sentence: str, rule: str) -> bool:
    """Whether this ideation rule's words are denied, in the past, or a topic, not a statement about now."""
    if rule in _SOFTENED_BY_PAST:
        return _resolved(sentence) and bool(_RECOVERED.search(sentence))
    if rule not in _SOFTENED_BY_FRAME:
        return False
    if _resolved(sentence) or (_NEGATED.search(sentence) and rule not in _NOT_DENIED):
        return True
    if rule in _NEVER_A_TOPIC:
        return False
    return bool(_TOPIC_FRAME.search(sentence)) and not (
        _FIRST_PERSON.search(sentence) and _PRESENT_MARK.search(sentence)
    )


def _sentence_level(sentence: str, rules: list[tuple[str, str, re.Pattern[str]]]) -> tuple[str, list[str]]:
    level, fired = "none", []
    sentence = _TOPIC_PHRASES.sub("suicidetopic", _IDIOMS.sub(" ", sentence))
    for name, rule_level, regex in rules:
        if regex.search(sentence):
            if rule_level == "emergency" and _ANIMAL_PATIENT.search(sentence):
                # "my dog got into the chocolate": a vet's emergency, not a person's
                fired.append(f"{name} (an animal)")
                rule_level = "concern"
            elif rule_level == "emergency" and (_HYPOTHETICAL.search(sentence) or _resolved(sentence)):
                # "What if I took all my pills?" or an overdose years ago: danger, but not happening
                # now; a concern once told as over ("clean since 2016").
                fired.append(f"{name} (not happening now)")
                rule_level = "concern" if _resolved(sentence) and _RECOVERED.search(sentence) else "crisis"
            elif _softened(sentence, name):
                fired.append(f"{name} (as a topic)")
                rule_level = "concern"
            else:
                fired.append(name)
            if _rank(rule_level) > _rank(level):
                level = rule_level
    for name, regex in _CONCERN:
        if regex.search(sentence):
            fired.append(name)
            if level == "none":
                level = "concern"
    return level, fired


def _rules(sentences: list[str]) -> Assessment:
    """The highest level any sentence, or pair of neighbouring sentences, reaches by the rules."""
    # Meaning spread over two sentences ("I have 40 pills. I'm so tired.") is read as one too.
    units = sentences + [f"{a} {b}" for a, b in zip(sentences, sentences[1:], strict=False)]
    # Emergencies are also read three sentences at a time: "Took everything in the cabinet. Now
    # I'm scared. Can't breathe right."
    triples = [f"{a} {b} {c}" for a, b, c in zip(sentences, sentences[1:], sentences[2:], strict=False)]
    level, signals, decisive = "none", [], ""
    for unit, rules in [(u, _COMPILED) for u in units] + [(t, _EMERGENCY) for t in triples]:
        unit_level, fired = _sentence_level(unit, rules)
        signals += [f for f in fired if f not in signals]
        if _rank(unit_level) > _rank(level):
            level, decisive = unit_level, unit
    return Assessment(level, tuple(signals), 0.0, decisive)


def assess_rules(message: str) -> Assessment:
    """The rules' verdict alone (the classifier's training script compares against it)."""
    return _rules(canonical_sentences(message))


def _windows(text: str) -> list[str]:
    """The text in pieces of at most CLASSIFIED_CHARS, split between words: one piece for any
    message the chat accepts (500 characters)."""
    pieces: list[str] = []
    while len(text) > CLASSIFIED_CHARS:
        cut = text.rfind(" ", 0, CLASSIFIED_CHARS + 1)
        cut = cut if cut > 0 else CLASSIFIED_CHARS
        pieces.append(text[:cut])
        text = text[cut:].lstrip()
    return [*pieces, text]


@lru_cache(maxsize=4096)  # the same history items and retried messages come back often
def assess(message: str) -> Assessment:
    """The danger level of a message, from the rules on every sentence and the classifier on each
    window of it (the whole of any chat message)."""
    sentences = canonical_sentences(message)
    rules = _rules(sentences)
    text = " ".join(sentences)
    crisis_head, emergency_head = load_model("safety", "crisis"), load_model("safety", "emergency")
    # Read by both heads; the window that scores highest is the message's score.
    windows = [hashed(ngram_features(window, rules.signals)) for window in _windows(text)]
    score = max(crisis_head.probability(*f) for f in windows)
    level, signals = rules.level, list(rules.signals)
    if level == "crisis" and score < MODEL_VETO and overrulable(signals):
        level, signals = "concern", [*signals, f"classifier {score:.2f} overrules"]
    elif level in ("none", "concern") and score >= MODEL_CRISIS and _PLAIN_FAREWELL.fullmatch(text):
        # "Goodbye." is how most visitors leave a chat: the lines go beside the farewell instead.
        level, signals = "concern", [*signals, f"classifier {score:.2f}, a plain farewell"]
    elif level in ("none", "concern") and score >= MODEL_CRISIS:
        level, signals = "crisis", [*signals, f"classifier {score:.2f}"]
    elif level == "none" and score >= MODEL_CONCERN:
        level, signals = "concern", [*signals, f"classifier {score:.2f}"]
    if level != "emergency" and (emergency := max(emergency_head.probability(*f) for f in windows)) >= MODEL_EMERGENCY:
        level, signals = "emergency", [*signals, f"emergency classifier {emergency:.2f}"]
    if level == "none" and _mostly_other_script(message):
        # Safety first: the rules and the classifier read little of a message in Lao, Tamil or
        # Arabic script beyond SCRIPT_PHRASES, so the crisis lines go with its reply.
        level, signals = "concern", [*signals, "written in another script"]
    return Assessment(level, tuple(signals), score, rules.sentence or text, text)


# A farewell and nothing else (small talk's farewells, with thanks or "ok" around them): no
# "forever", no "world", no "everyone", no thanks "for everything".
_PLAIN_FAREWELL = re.compile(
    r"(?:(?:ok|okay|alright|right|well|thanks|thank you|thx|ty|cheers|great|cool) )*"
    rf"(?:{FAREWELL.pattern})(?: (?:for now|now|then|thanks|thank you))?"
)


def _mostly_other_script(message: str) -> bool:
    """Whether most of the message's letters are outside the Latin alphabet."""
    letters = [c for c in message if c.isalpha()]
    return len(letters) >= 2 and sum(c > "\u024f" for c in letters) * 2 > len(letters)


def overrulable(signals: list[str] | tuple[str, ...]) -> bool:
    """Whether the classifier may lower a crisis the rules found (no rule of NEVER_OVERRULED fired)."""
    return not NEVER_OVERRULED.intersection(signals)


def is_crisis(message: str) -> bool:
    """True when a message signals a crisis or an emergency: it gets crisis resources, never quotes."""
    return assess(message).is_crisis
