//! Trigger and cue lexicons (lower case). Multi-word entries are matched
//! word by word over sentence items.

/// Verbs of acquisition.
pub const ACQ_VERBS: &[&str] = &[
    "acquire",
    "acquires",
    "acquired",
    "acquiring",
    "buy",
    "buys",
    "bought",
    "buying",
    "purchase",
    "purchases",
    "purchased",
    "purchasing",
    "absorb",
    "absorbs",
    "absorbed",
    "acqui-hired",
    "acquihired",
    "snapped",
    "snaps",
    "snap",
];

/// Nouns of acquisition.
pub const ACQ_NOUNS: &[&str] = &[
    "acquisition",
    "acquisitions",
    "purchase",
    "purchases",
    "takeover",
    "takeovers",
    "take-over",
    "buyout",
    "buy-out",
    "acqui-hire",
    "acquihire",
];

/// Nouns of a proposed acquisition.
pub const BID_NOUNS: &[&str] = &["offer", "bid", "bids", "offers", "proposal"];

/// Verbs of investment (followed by `in`/`into`).
pub const INVEST_VERBS: &[&str] = &[
    "invest",
    "invests",
    "invested",
    "investing",
    "injected",
    "injects",
    "poured",
    "pours",
    "put",
    "puts",
    "bankrolled",
];

/// Nouns of investment.
pub const INVEST_NOUNS: &[&str] = &[
    "investment",
    "investments",
    "stake",
    "stakes",
    "interest",
    "holding",
];

/// Words that make a sentence about a funding round.
pub const FUNDING: &[&str] = &[
    "raised",
    "raises",
    "raise",
    "raising",
    "round",
    "funding",
    "financing",
    "series",
    "seed",
    "secured",
    "secures",
    "closed",
    "investment",
    "investors",
    "backed",
    "valuation",
    "investor",
    "backers",
    "backer",
    "participation",
    "participated",
    "participating",
];

/// Role words that mean leading the organisation.
pub const LEAD_ROLES: &[&[&str]] = &[
    &["chief", "executive", "officer"],
    &["chief", "executive"],
    &["ceo"],
    &["co-ceo"],
    &["chairman"],
    &["chairwoman"],
    &["chair"],
    &["executive", "chairman"],
    &["president"],
    &["managing", "director"],
    &["boss"],
    &["head"],
    &["leader"],
    &["chief"],
];

/// Role words that mean another role at the organisation.
pub const WORK_ROLES: &[&[&str]] = &[
    &["vice", "president"],
    &["executive", "vice", "president"],
    &["senior", "vice", "president"],
    &["vice", "chairman"],
    &["deputy", "chairman"],
    &["chief", "financial", "officer"],
    &["chief", "operating", "officer"],
    &["chief", "technology", "officer"],
    &["chief", "scientist"],
    &["chief", "economist"],
    &["chief", "ai", "scientist"],
    &["chief", "strategy", "officer"],
    &["chief", "product", "officer"],
    &["chief", "marketing", "officer"],
    &["general", "counsel"],
    &["cfo"],
    &["coo"],
    &["cto"],
    &["director"],
    &["directors"],
    &["board", "member"],
    &["executive"],
    &["analyst"],
    &["economist"],
    &["spokesman"],
    &["spokeswoman"],
    &["spokesperson"],
    &["engineer"],
    &["researcher"],
    &["scientist"],
    &["partner"],
    &["general", "partner"],
    &["managing", "partner"],
    &["principal"],
    &["treasurer"],
    &["official"],
    &["employee"],
    &["adviser"],
    &["advisor"],
    &["strategist"],
    &["reporter"],
    &["editor"],
    &["manager"],
    &["investor"],
];

/// Role words of founders.
pub const FOUNDER_ROLES: &[&[&str]] = &[
    &["co-founder"],
    &["cofounder"],
    &["founder"],
    &["co-founders"],
    &["cofounders"],
    &["founders"],
];

/// Status cues: denied.
pub const DENIED: &[&str] = &[
    "denied",
    "denies",
    "deny",
    "denying",
    "scrapped",
    "abandoned",
    "terminated",
    "collapsed",
    "rebuffed",
    "rebuked",
    "false",
    "nowhere",
    "dropped",
    "withdrew",
    "withdrawn",
    "cancelled",
    "canceled",
    "blocked",
];

/// Multi-word denial cues.
pub const DENIED_PHRASES: &[&[&str]] = &[
    &["called", "off"],
    &["call", "off"],
    &["walked", "away"],
    &["broke", "off"],
    &["broken", "off"],
    &["fell", "through"],
    &["no", "interest"],
    &["not", "interested"],
    &["no", "plans"],
    &["ruled", "out"],
    &["broke", "down"],
    &["not", "in", "talks"],
];

/// Status cues: former.
pub const FORMER: &[&str] = &[
    "former",
    "formerly",
    "ex",
    "ex-",
    "previously",
    "resigned",
    "retired",
    "ousted",
    "sold",
    "divested",
    "until",
    "departed",
    "departure",
];

/// Multi-word former cues.
pub const FORMER_PHRASES: &[&[&str]] = &[
    &["stepped", "down"],
    &["no", "longer"],
    &["steps", "down"],
    &["stepping", "down"],
    &["parting", "company"],
    &["parted", "company"],
    &["parts", "company"],
];

/// Status cues: reported.
pub const REPORTED: &[&str] = &[
    "reportedly",
    "rumored",
    "rumoured",
    "rumors",
    "rumours",
    "speculation",
    "allegedly",
    "apparently",
];

/// Multi-word reported cues.
pub const REPORTED_PHRASES: &[&[&str]] = &[
    &["is", "said", "to"],
    &["are", "said", "to"],
    &["was", "said", "to"],
    &["according", "to", "people"],
    &["according", "to", "sources"],
    &["according", "to", "a", "person"],
    &["according", "to", "reports"],
    &["according", "to", "a", "report"],
    &["our", "sources"],
    &["people", "familiar"],
    &["sources", "said"],
    &["sources", "say"],
    &["person", "familiar"],
    &["was", "reported"],
    &["were", "reported"],
    &["reported", "that"],
];

/// Status cues: proposed.
pub const PROPOSED: &[&str] = &[
    "plans",
    "plan",
    "planned",
    "planning",
    "intends",
    "intend",
    "considering",
    "considered",
    "considers",
    "exploring",
    "explore",
    "weighing",
    "seeks",
    "seeking",
    "sought",
    "talks",
    "discussions",
    "negotiations",
    "negotiating",
    "offer",
    "offered",
    "offers",
    "offering",
    "bid",
    "bids",
    "bidding",
    "proposal",
    "proposed",
    "proposes",
    "propose",
    "may",
    "might",
    "could",
    "would",
    "possible",
    "potential",
    "tender",
    "approach",
    "approached",
    "interested",
    "mulling",
    "eyeing",
    "pursue",
    "pursuing",
    "hopes",
    "wants",
    "proposing",
    "rumoured",
];

/// Multi-word proposed cues.
pub const PROPOSED_PHRASES: &[&[&str]] = &[
    &["letter", "of", "intent"],
    &["expected", "to", "buy"],
    &["expected", "to", "acquire"],
    &["in", "talks"],
];

/// Status cues: announced.
pub const ANNOUNCED: &[&str] = &[
    "accepted",
    "agreed",
    "agrees",
    "agree",
    "agreement",
    "signed",
    "signs",
    "definitive",
    "will",
    "pending",
    "announced",
    "announces",
    "announce",
    "announcing",
    "to",
    "shall",
    "set",
    "negotiated",
    "future",
];

/// Status cues: completed, stated explicitly.
pub const COMPLETED: &[&str] = &[
    "completed",
    "completes",
    "complete",
    "closed",
    "closes",
    "finalized",
    "finalised",
    "concluded",
    "now",
];

/// Words that end a clause for argument search.
pub const CLAUSE_BREAKS: &[&str] = &[";", "but", "while", "whereas", "although", "however", "\""];

/// Words that, next to an amount, say it is not a deal's price: a
/// valuation, revenue, profit, debt, assets, a market value or a fund.
pub const NOT_A_PRICE: &[&str] = &[
    "valuation",
    "valued",
    "valuing",
    "revenue",
    "revenues",
    "sales",
    "profit",
    "loss",
    "debt",
    "assets",
    "cap",
    "capitalization",
    "fund",
];
