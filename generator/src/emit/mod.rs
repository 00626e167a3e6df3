//! Stage 4: one emitter per output, each a pure function of the loaded [`Api`](crate::model::Api).

pub mod client;
pub mod docs;
pub mod models;
pub mod naming;
pub mod rustdoc;
