//! One module per command family; each returns a [`Report`], never prints.

pub(crate) mod auth;
pub(crate) mod config;
pub(crate) mod flavor;
pub(crate) mod ip;
pub(crate) mod keypair;
pub mod quota;
pub(crate) mod secgroup;
pub(crate) mod sites;

pub(crate) use crate::report::Report;
