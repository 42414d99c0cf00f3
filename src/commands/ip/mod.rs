//! `osprey ip list|scan|find|free`: every address of every selected site
//! as one inventory, and the conflicts between sites.

pub mod inventory;
pub mod routed;
pub mod scan;
