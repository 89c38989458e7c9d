//! The `kgraph` binary: parse the command line, run it, turn the outcome
//! into an exit status (0 ok, 1 error, 2 usage error).

mod cli;

use std::process::ExitCode;

use clap::Parser;

// The pipeline allocates many small, short-lived strings per document on
// several threads; mimalloc serves them faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `purge_delay` option: its index in v3's `mi_option_t` (the
/// `libmimalloc-sys` bindings name only the stable options).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> ExitCode {
    // A run is a batch job whose memory peaks once; mimalloc's default gives
    // freed pages back to the OS after a delay, and with transparent huge
    // pages every page taken again is faulted in and zeroed 2 MiB at a time
    // (about a tenth of a Reuters run went to the kernel's page clearing).
    // Keeping freed pages for reuse costs no peak memory.
    //
    // SAFETY: called first thing in `main`, before any other thread exists
    // (mimalloc's option setters are not thread safe); the option index is
    // checked against the library in `purge_delay_option_is_mimallocs`.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
    cli::run(cli::args::Cli::parse())
}

#[cfg(test)]
mod tests {
    use std::process::Command;

    /// The index is mimalloc's `purge_delay`: a child test process started
    /// with `MIMALLOC_PURGE_DELAY` set reads that value back through it.
    #[test]
    fn purge_delay_option_is_mimallocs() {
        if std::env::var_os("KGRAPH_MI_CHILD").is_some() {
            // SAFETY: `mi_option_get` only reads an option.
            let delay = unsafe { libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY) };
            assert_eq!(
                delay,
                4321,
                "option {} is not purge_delay",
                super::MI_OPTION_PURGE_DELAY
            );
            return;
        }
        let status = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "tests::purge_delay_option_is_mimallocs",
                "--test-threads=1",
            ])
            .env("KGRAPH_MI_CHILD", "1")
            .env("MIMALLOC_PURGE_DELAY", "4321")
            .status()
            .unwrap();
        assert!(status.success(), "the child test failed: {status}");
    }
}
