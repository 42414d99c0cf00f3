//! The end-to-end tests, in one binary: each module runs the real `osprey`
//! (or its library, for the machinery below the commands) against a fake
//! cloud from `tests/fakestack`, or against the minicloud for the real tier
//! (`real_minicloud`, ignored unless asked for, as `.ci/run` does). One
//! binary links the crate once instead of once per file.
//!
//! `tests/http_stream.rs` stays a binary of its own: it bounds the peak
//! memory of its whole process, which other tests would add to.

mod common;

mod completion;
mod config_diff;
mod config_errors;
mod config_fuzz;
mod connect_errors;
mod console_log;
mod empty;
mod events;
mod examples;
mod fault_matrix;
mod flavor;
mod generated;
mod hardening;
mod hardening_auth;
mod health;
mod image;
mod image_copy;
mod indicators;
mod ip;
mod json_contract;
mod keypair;
mod mutation_faults;
mod pagination;
mod quota;
mod real_minicloud;
mod scale;
mod secgroup;
mod secrets_audit;
mod sites;
mod tls;
mod token_cache;
mod version;
mod views;
