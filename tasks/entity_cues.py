"""Hand-written cue words for entity typing (titles, organisation and place words, MISC words)."""

from __future__ import annotations


def words_of(block: str) -> frozenset[str]:
    """Whitespace-separated words of a block, as a frozenset."""
    return frozenset(block.split())


# Words before a name that mark a person; they are not part of the entity span.
PERSON_TITLES = words_of(
    """Mr Mrs Ms Miss Dr Prof Professor Sir Dame Lord Lady President Vice Premier Chancellor
    Minister Secretary Senator Sen Rep Representative Congressman Congresswoman Governor Gov
    Mayor Judge Justice General Gen Lt Colonel Col Major Maj Captain Capt Commander Admiral
    Brigadier Marshal Lieutenant Emir Sergeant Sgt Corporal Cpl Private King Queen Prince
    Princess Emperor Pope Cardinal Bishop
    Archbishop Rabbi Imam Sheikh Sheik Ayatollah Rev Reverend Father Brother Sister Saint
    Chairman Chairwoman Chief Director Ambassador Envoy Spokesman Spokeswoman Coach Manager
    Striker Midfielder Defender Goalkeeper Captain Skipper Champion Leader Crown Deputy
    Dictator Commissioner Inspector Detective Officer Attorney Treasurer Speaker Comrade MP MPs
    MEP MEPs"""
)
PERSON_TITLES_LOWER = frozenset(w.lower() for w in PERSON_TITLES) | words_of(
    """striker midfielder defender goalkeeper coach manager captain skipper spokesman
    spokeswoman minister president chairman leader rebel opponent teammate winger forward
    all-rounder batsman bowler pitcher champion seed compatriot opener singer actor writer
    author analyst economist trader dealer chief executive director said says told widow son
    daughter wife husband brother father mother player rider driver runner jockey boxer"""
)

# A company's legal form, last in its name ("Ruch SA"); the name without it is the company too.
LEGAL_FORMS = words_of(
    "Inc Corp Corporation Co Cos Ltd Limited Plc PLC LLC AG SA NV BV GmbH SpA AB ASA Oyj KK"
)

# Last word of a name that marks an organisation.
ORG_SUFFIXES = LEGAL_FORMS | words_of(
    """Group Holdings Holding Industries Industry Bank Bancorp Bankshares Trust Fund Funds
    Partners Securities Capital Investments Insurance Assurance Airlines Airways Air Motors
    Motor Petroleum Oil Energy Electric Steel Mining Mines Chemicals Pharmaceuticals
    Pharmaceutical Systems Technologies Technology Communications Telecom Networks Software
    Media Press News Times Post Journal Herald Tribune Gazette Agency Service Services
    Party Ministry Council Committee Commission Parliament Assembly Congress Senate Court
    Tribunal Government Cabinet Office Bureau Department Authority Board Exchange Association
    Federation Union Alliance League Organisation Organization Institute Institution
    University College School Academy Society Foundation Church Club Army Navy Force Forces
    Nations Police Guard Guards Brigade Brigades Front Movement Coalition Observatory Group Team
    Watch Administration Laboratory Hospital
    Committees Councils Units FC AFC United Rovers
    City Athletic Wanderers Albion Hotspur Villa County Stars Rangers Celtic Giants Dodgers
    Yankees Mets Cubs Braves Pirates Padres Expos Astros Rockies Marlins Reds Cardinals
    Phillies Tigers Indians Orioles Twins Royals Mariners Athletics Angels Brewers Sox
    Blue Jays Red Bulls Lakers Celtics Bulls Knicks Stores Foods Brands Products Company
    Companies Enterprises Resources Properties Realty Railway Railways Railroad Lines
    Shipping Ventures Associates Laboratories Labs Electronics Computer Computers Bourse
    Reserve Commerce Chamber Council Secretariat Directorate Command Corps Mission"""
)
# Newspaper names end in these ("China Daily", "Houston Chronicle"); so do some surnames
# ("Jim Courier"), hence the given-name check in entity_rules.
PRESS_NAMES = words_of(
    """Daily Guardian Observer Mirror Mail Express Chronicle Standard Monitor Examiner Inquirer
    Courier Spiegel"""
)
ORG_SUFFIXES |= PRESS_NAMES


def legal_form(word: str) -> bool:
    """ "Inc", "Inc.", "S.A.", "N.V.", "S.p.A.": a company's legal form, with or without dots."""
    return word in LEGAL_FORMS or word.replace(".", "") in LEGAL_FORMS


def org_suffix(word: str) -> bool:
    """A last word that marks an organisation ("Bank", "Corp.", "S.A.")."""
    return word in ORG_SUFFIXES or legal_form(word)


# First word of "X of Y" names: organisation heads and place heads.
ORG_HEADS = words_of(
    """Bank Ministry University College Department Council Board Chamber Church Institute
    Association Federation Union League Court Commission Committee Office Bureau School
    Academy Society Organisation Organization House Party Museum Federal National Royal Daily
    Central Supreme Congress Parliament Assembly Senate Order Friends Army Navy
    Deutsche Deutscher Banco Banque Groupe Grupo Compagnie Société Societe
    Jabhat Jaish Harakat Hizb Hezb Liwa Kataib Ahrar Jund Faylaq Saraya"""
)
LOC_HEADS = words_of(
    """Republic Kingdom Gulf Bay Isle Isles Island Islands Cape Sea Strait Straits Lake Mount
    Mountains Gulf Province State City Port Coast Valley Desert Sahara Cape Plains Bank Strip
    Peninsula Sultanate Emirate Duchy Principality Commonwealth Federation Union"""
)
LOC_SUFFIXES = words_of(
    """River Sea Ocean Lake Mountains Mountain Mount Island Islands Isles Valley Desert Coast
    Peninsula Bay Gulf Strait Canal Province Region County Street Avenue Road Square Park
    Airport Bridge Heights Hills Plain Plains Basin Delta Falls Beach Harbour Harbor Territory
    Territories Oblast Prefecture District Governorate State Centre Center Stadium Highway
    Motorway Freeway Expressway Boulevard"""
)

# First words of place names ("Mount Everest", "Lake Victoria").
LOC_PREFIXES = words_of("Mount Mt Lake Cape Isle Gulf Fort Sierra Lago Monte Rio Wadi Jebel River")

# Words that may sit inside a name between capitalised words.
CONNECTORS = words_of("of de del della di da du des la le van von der den bin ibn al el y & for")

# Sports-section header words (CoNLL-style titles like "SOCCER - ...").
SPORTS = words_of(
    """soccer football cricket tennis golf rugby baseball basketball boxing athletics cycling
    hockey squash motor racing motorcycling formula swimming skiing sailing rowing badminton
    volleyball handball nfl nba nhl mlb horse racing"""
)
# Team sports: a city or county named in their reports is usually a club.
TEAM_SPORTS = words_of("soccer football cricket rugby baseball basketball hockey nfl nba nhl mlb")

# Days and months: trimmed from the edges of a name ("Friday Mitchell").
CALENDAR = words_of(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep
    Sept Oct Nov Dec"""
)

# Capitalised words that are never an entity on their own (MISC, calendar, generic).
NOT_ENTITY = CALENDAR | words_of(
    """Christmas Easter Ramadan Eid Internet God Islam Islamic Christian
    Christianity Muslim Muslims Moslem Moslems Jew Jews Jewish Catholic Catholics Protestant
    Buddhist Hindu Sunni Shia Shi'ite Shiite Kurd Kurds Arab Arabs Olympic Olympics Games
    World Cup Open Championship Championships Grand Prix Tour Series Super Bowl Cup Trophy
    League Premier Division First Second Third Fourth Final Finals Semifinal Group Table
    Mr Mrs Ms Dr Prof Sir Lord Lady English French German Spanish Italian Euro Eurobond
    Eurobonds I Q1 Q2 Q3 Q4 H1 H2 FY Index TV CEO CFO GMT EST EDT BST CET
    Jr Sr Ltd Inc Corp Co No Nos Pct PCT Oct Results Result Standings Scorers Attendance
    Teams Team Halftime Note Notes OK MP MPs MEP MEPs Tory Oscar Oscars HIV AIDS DNA Amish Us"""
)

# Last words of event and title names (CoNLL MISC): "World Cup", "U.S. Open".
MISC_SUFFIXES = words_of(
    """Cup Open Championship Championships Games Olympics Tour Prix Series Trophy Masters
    Classic Award Awards Prize Day Tournament Marathon Rally Festival Division Conference
    Olympiad Grand Slam Derby Stakes Invitational Challenge Week War Wars Bowl Index Year
    Telescope"""
)

# Well-known organisations named by one word that carries no cue.
KNOWN_ORGS = words_of(
    """Reuters AP AFP Interfax Itar-Tass Tass Xinhua Kyodo Tanjug Bernama Yonhap Anatolian
    Treasury Fed Pentagon Kremlin Congress Senate Parliament Knesset Duma Bundesbank Nasdaq
    NYSE Nikkei Eurostat Interpol Hamas Hezbollah Fatah Taliban Mossad Gazprom Boeing
    Airbus Microsoft IBM Intel Apple Google Amazon Facebook Sony Toyota Nissan Honda
    Volkswagen Siemens Philips Nestle Unilever Shell Exxon Chevron Aramco OPEC NATO UEFA FIFA
    Daesh ISIS ISIL Hizbollah Hizbullah Sputnik SANA Al-Qaeda al-Qaeda Al-Qaida al-Qaida Qaeda
    Qaida Al-Jazeera Al-Arabiya Twitter YouTube Youtube Instagram WhatsApp Netflix Uber eBay
    Yahoo LinkedIn Snapchat TikTok Wikipedia Labour Taleban Samsung Qualcomm Nvidia Tesla
    Walmart Huawei Alibaba Tencent Baidu Spotify SoftBank Pfizer Moderna AstraZeneca Novartis
    Roche Bayer BASF Airbnb Cisco Vodafone Ericsson Nokia Renault Peugeot Fiat Hyundai
    Lufthansa Meta House"""
)
# Well-known organisations named by words that read as a place or a person (lower-cased).
KNOWN_ORG_NAMES = frozenset({
    "islamic state", "al qaeda", "al qaida", "islamic jihad", "muslim brotherhood",
    "red crescent", "red cross", "white helmets", "hayat tahrir al-sham", "asharq al-awsat",
    "arab news", "al jazeera", "al arabiya", "human rights watch",
    "amnesty international", "liberal democrats", "lib dems", "social democrats",
    "free democrats", "christian democrats", "sweden democrats",
})  # fmt: skip

# Nationality and group adjectives (CoNLL MISC): never emitted as PER/ORG/LOC.
DEMONYMS = words_of(
    """Afghan Albanian Algerian American Americans Andorran Angolan Argentine Argentinian
    Armenian Australian Austrian Azeri Azerbaijani Bahraini Bangladeshi Belarussian
    Belarusian Belgian Bolivian Bosnian Brazilian British Briton Britons Bulgarian Burmese
    Burundian Cambodian Cameroonian Canadian Chadian Chechen Chechens Chilean Chinese
    Colombian Congolese Croat Croats Croatian Cuban Cypriot Czech Danish Dane Danes Dutch
    Ecuadorean Ecuadorian Egyptian Emirati English Eritrean Estonian Ethiopian European
    Europeans Filipino Finnish Flemish French Gabonese Georgian German Germans Ghanaian Greek
    Greeks Guatemalan Guinean Haitian Honduran Hungarian Icelandic Indian Indians Indonesian
    Iranian Iraqi Iraqis Irish Israeli Israelis Italian Ivorian Jamaican Japanese Jordanian
    Kazakh Kenyan Korean Kosovar Kuwaiti Kyrgyz Laotian Latvian Lebanese Liberian Libyan
    Lithuanian Macedonian Malagasy Malawian Malaysian Malian Maltese Mexican Moldovan
    Mongolian Montenegrin Moroccan Mozambican Namibian Nepalese Nepali Nigerian Nigerien
    Norwegian Pakistani Palestinian Palestinians Panamanian Paraguayan Persian Peruvian
    Polish Portuguese Romanian Russian Russians Rwandan Salvadoran Saudi Saudis Scottish Scot
    Scots Senegalese Serb Serbs Serbian Singaporean Slovak Slovakian Slovene
    Slovenian Somali Somalian Spanish Lankan Sudanese Swazi Swede Swedes
    Swedish Swiss Syrian Taiwanese Tajik Tanzanian Thai Tibetan Togolese Tunisian Turk Turks
    Turkish Turkmen Ugandan Ukrainian Uruguayan Uzbek Venezuelan Vietnamese Welsh Yemeni
    Yugoslav Zairean Zambian Zimbabwean African Africans Asian Asians Latin Arabian Nordic
    Scandinavian Western Eastern Northern Southern Soviet Baltic
    Balkan Sikh Tamil Hutu Tutsi Pashtun Basque Catalan Corsican Bavarian
    Texan Californian Republican Republicans Democrat Democrats Democratic Conservative
    Conservatives Liberal Liberals Socialist Socialists Communist Communists Marxist
    Dutchman Dutchmen Frenchman Frenchmen Englishman Irishman Scotsman Welshman Spaniard
    Spaniards Finn Finns Pole Poles Kiwi Kiwis Nazi Nazis Zionist Gaullist Kurdish Mideast
    Anglo Franco Sino Czech"""
)

# Words that may head an "X of Y" / "X for Y" name ("Bank of England", "Duke of York").
OF_HEADS = (
    ORG_HEADS
    | LOC_HEADS
    | ORG_SUFFIXES
    | PERSON_TITLES
    | words_of(
        """Duke Duchess Earl Count Countess Baron Marquis Prince Princess King Queen Lord Lady
    Secretary Minister Ministers Museum Hall Palace Temple Tower Port Cathedral Mosque Abbey
    Organisation Organization Coalition Institute Centre Center Fund Commissioner Office
    Rights Friends Sisters Brothers Sons Daughters Knights Soldiers Party"""
    )
)

# Spelling variants of one organisation, mapped to a canonical name.
ORG_ALIASES = {
    "UN": "United Nations",
    "U.N.": "United Nations",
    "EU": "European Union",
    "E.U.": "European Union",
    "NATO": "NATO",
    "Nato": "NATO",
    "IMF": "International Monetary Fund",
    "WHO": "World Health Organization",
    "Fed": "Federal Reserve",
    "US Federal Reserve": "Federal Reserve",
    "U.S. Federal Reserve": "Federal Reserve",
    "OPEC": "OPEC",
    "Opec": "OPEC",
    "Youtube": "YouTube",
    "al-Qaeda": "Al-Qaeda",
    "Al-Qaida": "Al-Qaeda",
    "al-Qaida": "Al-Qaeda",
    "Al Qaeda": "Al-Qaeda",
    "Al Qaida": "Al-Qaeda",
    "Hizbollah": "Hezbollah",
    "Hizbullah": "Hezbollah",
    "Taleban": "Taliban",
}
