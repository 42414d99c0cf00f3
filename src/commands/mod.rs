//! One module per command family; each returns a [`Report`], never prints.

pub mod auth;
pub mod config;
pub mod flavor;
pub mod ip;
pub mod keypair;
pub mod quota;
pub mod secgroup;
pub mod sites;

pub use crate::report::Report;
