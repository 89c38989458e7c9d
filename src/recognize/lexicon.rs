//! Word lists embedded in the binary from `data/` (see `data/README.md` for
//! each file's source and licence).

use std::collections::HashSet;
use std::sync::LazyLock;

/// The built-in gazetteer, `type<TAB>name<TAB>alias|alias...` per line.
pub const GAZETTEER_TSV: &str = include_str!("../../data/gazetteer.tsv");
const FIRST_NAMES: &str = include_str!("../../data/first_names.txt");
const FIRST_NAMES_EXTRA: &str = include_str!("../../data/first_names_extra.txt");
const LOCATIONS: &str = include_str!("../../data/locations.txt");
const NON_ENTITIES: &str = include_str!("../../data/non_entities.txt");

fn lines(s: &str) -> impl Iterator<Item = &str> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn lower_set(sources: &[&str]) -> HashSet<String> {
    sources
        .iter()
        .flat_map(|s| lines(s))
        .map(|l| l.to_lowercase())
        .collect()
}

static FIRST: LazyLock<HashSet<String>> =
    LazyLock::new(|| lower_set(&[FIRST_NAMES, FIRST_NAMES_EXTRA]));
static PLACES: LazyLock<HashSet<String>> = LazyLock::new(|| lower_set(&[LOCATIONS]));
static NON: LazyLock<HashSet<String>> = LazyLock::new(|| lower_set(&[NON_ENTITIES]));

/// Whether a word is a known first name (case-insensitive).
pub fn is_first_name(w: &str) -> bool {
    FIRST.contains(&w.to_lowercase())
}

/// Whether a name is a known place or demonym (case-insensitive).
pub fn is_place(w: &str) -> bool {
    PLACES.contains(&w.to_lowercase())
}

/// Whether a name is a capitalised word that is never an entity on its own.
pub fn is_non_entity(w: &str) -> bool {
    NON.contains(&w.to_lowercase())
}

/// Legal designators that end an organisation name.
pub const LEGAL_DESIGNATORS: &[&str] = &[
    "Inc", "Inc.", "Incorporated", "Corp", "Corp.", "Corporation", "Co", "Co.", "Company", "Cos",
    "Cos.", "Ltd", "Ltd.", "Limited", "LLC", "L.L.C.", "LLP", "LP", "L.P.", "Plc", "PLC", "plc",
    "AG", "SA", "S.A.", "SpA", "S.p.A.", "NV", "N.V.", "BV", "B.V.", "GmbH", "Pty", "Bhd", "Oy",
    "AB", "A/S", "KK", "SE", "Bancorp", "Bancorporation", "Trust",
];

/// Head words that end an organisation name.
pub const ORG_HEADS: &[&str] = &[
    "Group", "Holdings", "Holding", "Bank", "Banks", "Bancorp", "Bancshares", "Capital", "Partners",
    "Ventures", "Fund", "Funds", "Securities", "Insurance", "Industries", "Technologies",
    "Technology", "Systems", "Labs", "Lab", "Laboratories", "Motors", "Airlines", "Airways",
    "Pharmaceuticals", "Pharma", "Energy", "Petroleum", "Oil", "Mining", "Media", "Communications",
    "Foundation", "Institute", "University", "Authority", "Agency", "Commission", "Ministry",
    "Department", "Board", "Council", "Association", "Services", "Financial", "Investments",
    "Investors", "Management", "Advisors", "Advisers", "Resources", "Electronics", "Software",
    "Networks", "Entertainment", "Studios", "Pictures", "Records", "Telecom", "Telecommunications",
    "Airline", "Steel", "Chemicals", "Chemical", "Foods", "Brands", "Stores", "Enterprises",
    "International", "Worldwide", "Robotics", "Therapeutics", "Biosciences", "Health",
    "Healthcare", "Mobility", "Semiconductor", "Semiconductors", "Exchange", "Reserve",
    "Bureau", "Office", "Court", "Parliament", "Congress", "Senate", "Treasury", "Trust", "AI",
    "Cloud", "Research", "Motor", "Auto", "Automotive", "Aerospace", "Aviation", "Railways",
    "Railroad", "Shipping", "Logistics", "Utilities", "Power", "Gas", "Petrochemicals",
    "Corporation", "Association", "Club", "Party", "Society", "Union", "Press", "News", "Times",
    "Journal", "Post", "Magazine", "Broadcasting", "Television", "Radio", "Realty", "Properties",
    "Estates", "Homes", "Construction", "Engineering", "Manufacturing", "Products", "Labs",
    "Dynamics", "Analytics", "Devices", "Instruments", "Mills", "Textiles", "Metals", "Minerals",
    "Gold", "Markets", "Trading", "Credit", "Savings", "Loan", "Finance", "Leasing", "Assurance",
    "Life", "Mutual", "Equity", "Equities", "Acquisition", "Acquisitions", "Hotels", "Resorts",
    "Restaurants", "Stores", "Wireless", "Mobile", "Games", "Interactive", "Digital", "Data",
    "Payments", "Pay", "Bio", "Genomics", "Medical", "Hospital", "Hospitals", "Clinic",
];

/// Honorifics before a person's name.
pub const HONORIFICS: &[&str] = &[
    "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sir", "Dame", "Lord", "Lady", "Prof",
    "Prof.", "Professor", "Senator", "Sen.", "Rep.", "Gov.", "Governor", "President", "Judge",
    "Justice", "Minister", "Secretary", "Chancellor", "Premier", "Sheikh", "Prince", "King",
    "Queen", "Baroness", "Baron",
];

/// Capitalised words that open sentences or headlines and are never the
/// first word of a name.
pub const FUNCTION_WORDS: &[&str] = &[
    "The", "A", "An", "And", "But", "Or", "In", "On", "At", "For", "With", "By", "From", "To",
    "Of", "As", "It", "Its", "He", "She", "They", "We", "I", "His", "Her", "Their", "Our", "This",
    "That", "These", "Those", "There", "Here", "When", "While", "If", "After", "Before", "Since",
    "Under", "Over", "Into", "About", "Also", "However", "Meanwhile", "According", "Shares",
    "Last", "Next", "Earlier", "Later", "Now", "Then", "Today", "Yesterday", "Some", "Many",
    "Most", "All", "Both", "Each", "Other", "Such", "Why", "What", "How", "Who", "Where", "Which",
    "Despite", "Although", "Though", "Because", "Unlike", "Like", "Following", "During",
    "Through", "Without", "Within", "Among", "Between", "Against", "Until", "Once", "Even",
    "Still", "Yet", "So", "Not", "No", "Yes", "Only", "Just", "Separately", "Sources", "Analysts",
    "Officials", "Investors", "Terms", "Details", "Neither", "Either", "Every", "Several", "One",
    "Two", "Three", "Four", "Five", "Six", "Ten", "First", "Second", "Third", "New", "Former",
    "Under", "Per", "Via", "Do", "Does", "Did", "Is", "Are", "Was", "Were", "Has", "Have", "Had",
    "Will", "Would", "Can", "Could", "Should", "May", "Might", "Must", "Read", "See", "Update",
    "Photo", "Image", "Source", "Note", "Editing", "Reporting", "Additional", "Related", "More",
    "Much", "Chief", "Executive", "Senior", "Deputy", "Vice", "Acting", "Interim", "Co", "Mr",
    "Mrs", "Ms", "Dr", "Sir", "Let", "Here's", "Sign", "Join", "Get", "Our", "Your", "You",
    "Me", "My", "Him", "Them", "Us", "Over", "Off", "Up", "Down", "Out", "Then", "Than",
    "Whether", "Nor", "Because", "Thus", "Hence", "Indeed", "Instead", "Rather", "Already",
    "Again", "Together", "Further", "Furthermore", "Moreover", "Overall", "Finally", "Currently",
    "Recently", "Previously", "Initially", "Ultimately", "Reportedly", "Apparently", "Notably",
    "Specifically", "Additionally", "Similarly", "Likewise", "Otherwise", "Nevertheless",
    "Nonetheless", "Regardless", "Besides", "Beyond", "Above", "Below", "Behind", "Near",
    "Toward", "Towards", "Upon", "Across", "Along", "Around", "Amid", "Amidst", "Inside",
    "Outside", "Throughout", "Whereas", "Wherever", "Whenever", "Whatever", "Whoever",
];
