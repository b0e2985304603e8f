"""Small word lists behind the ranking and key-fact rules. No model, no download: plain sets of strings."""

from __future__ import annotations

from sumy.utils import get_stop_words

STOP_WORDS = frozenset(get_stop_words("english"))
"""sumy's English stop words, shipped inside the package (no download)."""


def word_set(text: str) -> frozenset[str]:
    return frozenset(w.strip().lower() for w in text.split("|") if w.strip())


COUNTRIES = word_set(
    """Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|
    Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|
    Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Chad|Chile|
    China|Colombia|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|
    Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|England|Eritrea|Estonia|Ethiopia|Fiji|
    Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guyana|
    Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|
    Jordan|Kazakhstan|Kenya|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|
    Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|
    Mauritius|Mexico|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Burma|Namibia|
    Nauru|Nepal|Netherlands|Holland|New Zealand|Nicaragua|Niger|Nigeria|North Korea|
    North Macedonia|Northern Ireland|Norway|Oman|Pakistan|Palestine|Panama|Papua New Guinea|
    Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Saudi Arabia|Scotland|
    Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|South Africa|
    South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|
    Tajikistan|Tanzania|Thailand|Togo|Tonga|Trinidad|Tunisia|Turkey|Turkmenistan|Uganda|Ukraine|
    United Arab Emirates|UAE|United Kingdom|UK|Britain|Great Britain|United States|US|USA|
    America|Uruguay|Uzbekistan|Vatican|Venezuela|Vietnam|Wales|Yemen|Zambia|Zimbabwe|Korea|
    Gaza|West Bank|Crimea|Kashmir|Tibet|Hong Kong|Puerto Rico|Greenland"""
)

REGIONS = word_set(
    """Europe|Asia|Africa|North America|South America|Latin America|Antarctica|Oceania|
    Middle East|Far East|Balkans|Caribbean|Scandinavia|Siberia|Sahara|Arctic|Atlantic|Pacific|
    Mediterranean|Gulf|Persian Gulf|Baltic|Caucasus|Central Asia|East Africa|West Africa|
    Southeast Asia|Eastern Europe|Western Europe|Midwest|Silicon Valley|Wall Street|
    Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|
    Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|
    Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|
    New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|
    South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|
    Wisconsin|Wyoming|Ontario|Quebec|British Columbia|Alberta|Queensland|Victoria|Tasmania|
    Bavaria|Catalonia|Andalusia|Normandy|Brittany|Tuscany|Sicily|Sardinia|Corsica|Yorkshire|
    Lancashire|Cornwall|Devon|Kent|Essex|Surrey|Sussex|Merseyside|Cumbria|Norfolk|Suffolk"""
)

CITIES = word_set(
    """LA|NYC|D.C.|London|Paris|Berlin|Madrid|Rome|Moscow|Beijing|Shanghai|Tokyo|Delhi|New Delhi|Mumbai|
    Kolkata|Bangalore|Karachi|Lahore|Islamabad|Kabul|Tehran|Baghdad|Damascus|Aleppo|Beirut|
    Jerusalem|Tel Aviv|Amman|Cairo|Riyadh|Jeddah|Mecca|Dubai|Abu Dhabi|Doha|Istanbul|Ankara|
    Athens|Vienna|Prague|Warsaw|Budapest|Bucharest|Sofia|Belgrade|Zagreb|Kiev|Kyiv|Minsk|
    Brussels|Amsterdam|Rotterdam|The Hague|Geneva|Zurich|Bern|Stockholm|Oslo|Copenhagen|
    Helsinki|Dublin|Belfast|Edinburgh|Glasgow|Cardiff|Manchester|Liverpool|Birmingham|Leeds|
    Sheffield|Bristol|Newcastle|Nottingham|Leicester|Southampton|Brighton|Oxford|Cambridge|
    Aberdeen|Lisbon|Porto|Barcelona|Valencia|Seville|Milan|Naples|Turin|Florence|Venice|Munich|
    Hamburg|Frankfurt|Cologne|Lyon|Marseille|Nice|Toulouse|Monaco|Washington|New York|
    Los Angeles|Chicago|Houston|Dallas|Miami|Boston|Atlanta|Seattle|Denver|Phoenix|Detroit|
    Philadelphia|San Francisco|San Diego|Las Vegas|Orlando|New Orleans|Baltimore|Pittsburgh|
    Cleveland|Portland|Minneapolis|St Louis|Nashville|Austin|Sacramento|Toronto|Montreal|
    Vancouver|Ottawa|Mexico City|Havana|Bogota|Lima|Santiago|Buenos Aires|Sao Paulo|Porto Alegre|
    Rio de Janeiro|Brasilia|Caracas|Sydney|Melbourne|Brisbane|Perth|Adelaide|Auckland|
    Wellington|Singapore|Bangkok|Hanoi|Manila|Jakarta|Kuala Lumpur|Seoul|Pyongyang|Taipei|
    Hong Kong|Lagos|Abuja|Nairobi|Johannesburg|Cape Town|Pretoria|Addis Ababa|Khartoum|Tripoli|
    Tunis|Algiers|Casablanca|Mogadishu|Kinshasa|Accra|Dakar|Harare|Kampala|Hollywood|Brooklyn|
    Manhattan|Westminster|Downing Street|Kremlin|Pentagon|Vatican City|Gaza City|Mosul|Raqqa|
    Homs|Idlib|Benghazi|Sanaa|Aden|Basra|Kandahar|Kharkiv|Odessa|Donetsk|St Petersburg|
    Wembley|Anfield|Aintree|Wimbledon|Ascot|Silverstone|Augusta"""
)

DEMONYMS = word_set(
    """American|British|English|Scottish|Welsh|Irish|French|German|Italian|Spanish|Portuguese|
    Dutch|Belgian|Swiss|Austrian|Swedish|Norwegian|Danish|Finnish|Polish|Czech|Russian|
    Ukrainian|Greek|Turkish|Kurdish|Syrian|Iraqi|Iranian|Israeli|Palestinian|Lebanese|Jordanian|
    Egyptian|Saudi|Emirati|Qatari|Yemeni|Afghan|Pakistani|Indian|Chinese|Japanese|Korean|
    Vietnamese|Thai|Indonesian|Filipino|Malaysian|Australian|Canadian|Mexican|Brazilian|
    Argentine|Argentinian|Colombian|Venezuelan|Cuban|Chilean|Peruvian|Nigerian|Kenyan|
    South African|Ethiopian|Somali|Libyan|Tunisian|Moroccan|Algerian|Sudanese|European|Asian|
    African|Arab|Western|Eastern|Northern|Southern|Muslim|Christian|Jewish|Catholic|Islamic|
    Sunni|Shia|Shiite|Hindu|Buddhist|Republican|Democratic|Democrat|Conservative|Tory|
    Brazilian|Croatian|Serbian|Romanian|Hungarian|Bulgarian|Scandinavian|Latin|Caribbean|
    Spaniard|Briton|Brit|Scot|Frenchman|Englishman|Welshman|Irishman|Scotsman|Swede|Dane|Finn|Kiwi|Aussie"""
)

# What a nationality qualifies, by the kind of fact it makes: "British tourist" (people),
# "Russian authorities" (an organisation), "Swiss mountain resort" (a place).
GROUP_NOUNS = word_set(
    """tourist|tourists|holidaymaker|holidaymakers|man|men|woman|women|boy|boys|girl|girls|child|
    children|teenager|teenagers|family|families|couple|people|fans|supporters|voters|citizen|
    citizens|national|nationals|soldier|soldiers|troops|worker|workers|pilot|pilots|victim|
    victims|hostage|hostages|pensioner|pensioners|students|migrants|refugees|expats|residents|
    doctors|nurses|scientists|researchers|investors|consumers|shoppers|drivers|passengers"""
)
BODY_NOUNS = word_set(
    """authorities|government|police|regulators|officials|ministry|parliament|court|firm|
    company|companies|group|giant|club|side|team|bank|lender|insurer|army|forces|navy|
    embassy|airline|carrier|drugmaker|carmaker|retailer|broadcaster|newspaper|federation|
    agency|association|league|consortium|operator|prosecutors|investigators|intelligence"""
)
VENUE_NOUNS = word_set(
    """restaurant|hotel|shelter|resort|hospital|prison|border|coast|mountain|mountains|village|
    town|city|capital|island|camp|beach|waters|airspace|territory|countryside|region|province"""
)

TITLES = word_set(
    """Mr|Mrs|Ms|Miss|Dr|MP|MEP|MSP|Prof|Professor|Sir|Dame|Lord|Lady|President|Vice President|
    Prime Minister|First Minister|First Lady|Chancellor|Minister|Secretary|Senator|Sen|Rep|Representative|Congressman|
    Congresswoman|Governor|Gov|Mayor|King|Queen|Prince|Princess|Duke|Duchess|Pope|Cardinal|Rev|Reverend|
    Bishop|Archbishop|Rabbi|Imam|Sheikh|General|Gen|Colonel|Col|Captain|Capt|Lieutenant|
    Sergeant|Sgt|Officer|Detective|Inspector|Chief|Judge|Justice|Coach|Manager|Boss|Chairman|
    Chairwoman|Director|Ambassador|Commissioner|Sheriff|Agent|Constable|Superintendent|
    Commander|Admiral|Marshal|Emperor|Leader|Speaker|Chief Executive|CEO|Founder|Editor|
    Actor|Actress|Singer|Star|striker|midfielder|defender|goalkeeper|winger|forward|referee|
    coach|manager|boss|player|captain|boxer|golfer|driver|jockey|trainer|rider|champion|
    model|actor|actress|singer|rapper|presenter|host|reporter|journalist|author|writer|
    director|producer|chef|teacher|student|teenager|schoolboy|schoolgirl|mother|father|
    wife|husband|son|daughter|brother|sister|spokesman|spokeswoman|spokesperson|lawyer|
    attorney|prosecutor|officer|detective|chief|minister|leader|president|senator|candidate|
    businessman|businesswoman|billionaire|millionaire|tycoon|founder|dr|mr|mrs|ms|miss|sir"""
)

STYLES = word_set(
    """King|Queen|Prince|Princess|Duke|Duchess|Lord|Lady|Archbishop|Bishop|Mayor|Governor|
    Chancellor|Secretary|Speaker|Leader|President|Emperor"""
)
"""Titles held "of" a place, which name their holder: "Duchess of Cambridge", "Mayor of London"."""

GIVEN_NAMES = word_set(
    """James|John|Robert|Michael|William|David|Richard|Joseph|Thomas|Charles|Christopher|Daniel|
    Matthew|Anthony|Mark|Donald|Steven|Steve|Paul|Andrew|Joshua|Kenneth|Kevin|Brian|George|
    Timothy|Ronald|Edward|Jason|Jeffrey|Ryan|Jacob|Gary|Nicholas|Eric|Jonathan|Stephen|Larry|
    Justin|Scott|Brandon|Benjamin|Samuel|Gregory|Alexander|Frank|Patrick|Raymond|Jack|Dennis|
    Jerry|Tyler|Aaron|Jose|Adam|Nathan|Henry|Douglas|Zachary|Peter|Kyle|Walter|Ethan|Jeremy|
    Harold|Keith|Christian|Roger|Noah|Gerald|Carl|Terry|Sean|Austin|Arthur|Lawrence|Jesse|
    Dylan|Bryan|Joe|Jordan|Billy|Bruce|Albert|Willie|Gabriel|Logan|Alan|Juan|Wayne|Roy|Ralph|
    Randy|Eugene|Vincent|Russell|Elijah|Louis|Bobby|Philip|Johnny|Tony|Tom|Tim|Jim|Bill|Bob|
    Mike|Dave|Chris|Nick|Ben|Sam|Harry|Charlie|Oliver|Jamie|Luke|Liam|Callum|Lewis|Connor|Owen|
    Rhys|Gareth|Ian|Neil|Graham|Stuart|Colin|Martin|Simon|Nigel|Barry|Trevor|Clive|Gordon|
    Roberto|Carlos|Luis|Diego|Pablo|Javier|Sergio|Antonio|Marco|Luca|Giovanni|Francesco|
    Pierre|Jean|Jacques|Francois|Hans|Klaus|Jurgen|Stefan|Andreas|Lars|Sven|Ivan|Vladimir|
    Dmitry|Sergei|Igor|Mohammed|Muhammad|Ahmed|Ali|Omar|Hassan|Hussein|Abdul|Mustafa|Bashar|
    Recep|Benjamin|Xi|Narendra|Shinzo|Kim|Rodrigo|Mauricio|Arsene|Jose|Pep|Jurgen|Wellington|
    Mary|Patricia|Jennifer|Linda|Elizabeth|Barbara|Susan|Jessica|Sarah|Karen|Nancy|Lisa|Betty|
    Margaret|Sandra|Ashley|Kimberly|Emily|Donna|Michelle|Dorothy|Carol|Amanda|Melissa|Deborah|
    Stephanie|Rebecca|Sharon|Laura|Cynthia|Kathleen|Amy|Shirley|Angela|Helen|Anna|Brenda|
    Pamela|Nicole|Emma|Samantha|Katherine|Christine|Debra|Rachel|Catherine|Carolyn|Janet|Ruth|
    Maria|Heather|Diane|Virginia|Julie|Joyce|Victoria|Olivia|Kelly|Christina|Lauren|Joan|
    Evelyn|Judith|Megan|Cheryl|Andrea|Hannah|Martha|Jacqueline|Frances|Gloria|Ann|Teresa|
    Kathryn|Sara|Janice|Jean|Alice|Madison|Doris|Abigail|Julia|Judy|Grace|Denise|Amber|Marilyn|
    Beverly|Danielle|Theresa|Sophia|Marie|Diana|Brittany|Natalie|Isabella|Charlotte|Rose|
    Alexis|Kayla|Lily|Chloe|Ella|Mia|Lucy|Holly|Sophie|Jade|Kate|Kirsty|Gemma|Claire|Louise|
    Fiona|Gillian|Hillary|Angelina|Theresa|Nicola|Yvette|Harriet|Kylie|Britt|Rihanna|Beyonce|
    Taylor|Kanye|Keanu|Brad|Tom|Leonardo|Angelina|Madonna|Elton|Cristiano|Lionel|Wayne|Rory|
    Tiger|Serena|Novak|Rafael|Roger|Andy|Usain|Lewis|Sebastian|Fernando|Kobe|LeBron|Floyd|Manny"""
)

ORG_WORDS = word_set(
    """Ministry|Department|Agency|Council|Committee|Commission|Authority|Board|Bureau|Office|
    Service|Services|Sports|Police|Army|Navy|Force|Forces|Guard|Party|Parliament|Congress|Senate|
    Assembly|Government|Court|Tribunal|University|College|School|Academy|Institute|Hospital|
    Foundation|Trust|Fund|Bank|Bros|Brothers|Bancorp|Group|Holdings|Company|Corporation|Corp|Inc|Ltd|Plc|
    LLC|Airlines|Airways|Motors|Energy|Oil|Petroleum|Media|News|Times|Post|Journal|Herald|
    Telegraph|Guardian|Gazette|Tribune|Standard|Mirror|Observer|Chronicle|Express|Network|Studios|Pictures|Records|Association|Federation|
    League|Union|Club|FC|United|City|Rovers|Athletic|Wanderers|Nations|Organisation|
    Organization|Alliance|Coalition|Movement|Front|Brigade|Brigades|Taliban|Society|Centre|
    Center|Church|Council|Cabinet|Treasury|Reserve|Exchange|Index|Commons|Lords|Fifa|Uefa|
    NHS|BBC|CNN|ITV|NATO|UN|EU|FBI|CIA|NASA|IMF|WHO|OPEC|ISIS|ISIL|Labour|Conservatives|
    Democrats|Republicans|Tories|Ukip|Sana|Reuters|Facebook|Twitter|Google|Apple|Microsoft|
    Amazon|Instagram|YouTube|Netflix|Sony|Samsung|Nokia|Toyota|Ford|Tesco|Sainsbury|Walmart|Clinic|Ballet|
    Opera|Orchestra|Museum|Gallery|Library|Zoo|Spa|Ministry"""
)

EVENT_WORDS = word_set(
    """Open|Cup|Championship|Championships|Olympics|Games|Festival|Awards|Prize|Trophy|Marathon|
    Tournament|Prix|Classic|Derby|Masters|Series|Expo|Summit|Conference|Week"""
)
"""Last words of an event's name ("French Open", "FA Cup", "Cannes Film Festival"): no one's name."""

PLACE_WORDS = word_set(
    """Street|St|Road|Rd|Avenue|Ave|Boulevard|Lane|Square|Park|Bridge|River|Lake|Sea|Ocean|Bay|
    Island|Islands|Mountain|Mountains|Mount|Valley|Hill|Hills|Forest|Desert|Coast|Beach|
    County|Province|State|Region|District|Territory|Village|Town|Airport|Station|Stadium|
    Arena|Ground|Palace|Castle|Tower|Harbour|Harbor|Port|Peninsula|Strait|Canal|Falls|Heights|
    Ghouta|Plain|Camp|Border|Kingdom|Republic|Emirates|Dam|Course|Reservoir|Canyon|Glacier|Volcano|Cave"""
)

NAME_ENDINGS = word_set(
    """House|Communications|Telecom|Networks|Systems|Technologies|Industries|Pharmaceuticals|
    Entertainment|Partners|Foods"""
)
"""Last words of the names of bodies and buildings that are no name alone, as the words of
``ORG_WORDS`` are ("SBC Communications", "Cisco Systems", "Clarence House"; not "Systems")."""

LOCATIVE_PREPOSITIONS = frozenset(
    ["in", "at", "near", "from", "to", "into", "across", "outside", "inside", "around", "towards", "toward"]
)

WEEKDAYS = word_set("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday")
MONTHS = word_set("January|February|March|April|May|June|July|August|September|October|November|December")
CALENDAR_WORDS = WEEKDAYS | MONTHS

NON_NAMES = (
    word_set(
        """The|A|An|This|That|These|Those|He|She|It|They|We|I|You|His|Her|Its|Their|Our|My|Your|
    But|And|Or|So|Yet|If|When|While|After|Before|As|Since|Although|Though|Because|However|
    Meanwhile|Now|Then|There|Here|What|Who|Why|How|Where|Which|In|On|At|For|With|By|From|To|
    Of|Over|Under|About|Into|During|Despite|According|Also|Even|Still|Just|Only|Some|Many|Most|
    All|Both|Each|Every|Other|Another|Such|No|Not|Yes|One|Two|Three|Four|Five|Six|Seven|Eight|
    Nine|Ten|First|Second|Third|Last|Next|Mr|Mrs|Ms|Dr|Sir|Today|Yesterday|Tomorrow|Tonight|Earlier|Later|
    Speaking|Asked|Describing|Following|Pictured|Photo|Click|Read|Scroll|Share|Video|Watch|Said|Says|
    Police|Officers|Officials|Experts|Critics|Researchers|Scientists|Doctors|Fans|Residents|
    Several|Around|Nearly|Almost|More|Less|Few|Much|Once|Twice|Instead|Indeed|Perhaps|Maybe|
    Plus|Having|Being|Let|Please|Thanks|Oh|Well|Like|Unlike|Without|Within|Between|Among|
    Through|Throughout|Against|Along|Until|Upon|Off|Out|Up|Down|Why|OK|TV|Internet|God|
    Did|Does|Is|Was|Are|Were|Has|Had|Could|Would|Should|Neither|Nor|Either|Whether|Unless|Whilst"""
    )
    | WEEKDAYS
    | MONTHS
)

CLAUSE_OPENERS = word_set(
    """He|She|It|They|We|You|His|Its|Their|Our|My|Your|This|That|These|Those|When|While|After|
    Before|But|If|Although|Because|However|Meanwhile|According|Also|Even|Still|Then"""
)
"""Words that open a sentence or a clause and are never inside a name, not even a film's:
"Sex And The City" and "Romancing The Stone" keep their capitalized "And" and "The"."""

SPEECH_VERBS = word_set(
    """said|says|say|told|tells|added|adds|wrote|writes|explained|explains|continued|saying|asked|
    replied|replies|responded|reads|read|tweeted|posted|insisted|claimed|revealed|warned|admitted|
    announced|stated"""
)
"""Verbs that put someone's words after a colon: "told Sky News: ...", "Rodgers said: ..."."""

FUNCTION_WORDS = word_set("to|of|the|a|an|at|on|in|from|by|and|or|with|for|as|via|into|including")
"""Words a name follows as an object, inside a sentence: "in Westfield Miranda", "to Sky News"."""

NUMBER_WORDS = word_set(
    """one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|
    sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|
    hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|
    half|quarter|third"""
)
