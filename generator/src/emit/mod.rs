//! Stage 4: one emitter per output, each a pure function of the [`Model`](crate::model::Model).
//! Emitters read nothing but the model: what a schema or an operation means is decided
//! there, once, and here it is only written out.

pub mod client;
pub mod docs;
pub mod models;
mod tokens;
