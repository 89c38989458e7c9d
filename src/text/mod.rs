//! Text: sentences and tokens with byte offsets into the original text,
//! and quantities (money, percentages).

pub mod quantity;
