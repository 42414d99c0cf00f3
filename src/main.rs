//! The `osprey` binary: parse flags, run, exit with the status `run` chose.

use clap::Parser;

fn main() {
    osprey::complete_if_asked();
    let cli = osprey::Cli::parse();
    let status = osprey::run(cli);
    std::process::exit(status.code());
}
