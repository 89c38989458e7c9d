//! Documents from the command line: the named inputs (read lazily by
//! [`kgraph::input`]), or the embedded sample corpus when none is named.
//! Input problems are printed as they come and the run goes on.

use kgraph::Document;
use kgraph::input::{InputItem, InputOptions, StdinFormat, read_inputs};

use super::args::{InputArgs, StdinArg};
use super::report::Reporter;
use super::sample;

/// The documents of the inputs, in order; problems go to `reporter`.
pub fn documents<'a>(
    args: &InputArgs,
    reporter: &'a Reporter,
) -> Box<dyn Iterator<Item = Document> + 'a> {
    if args.inputs.is_empty() {
        return Box::new(sample::documents());
    }
    let options = InputOptions {
        stdin_format: match args.stdin {
            StdinArg::Text => StdinFormat::Text,
            StdinArg::Jsonl => StdinFormat::JsonLines,
        },
        ..InputOptions::default()
    };
    Box::new(
        read_inputs(&args.inputs, &options).filter_map(move |item| match item {
            InputItem::Document(doc) => Some(doc),
            InputItem::Problem(problem) => {
                reporter.problem(&problem);
                None
            }
        }),
    )
}
