//! armgen: generates Rust models, a Rust client and Markdown resource pages from Azure
//! Resource Manager Swagger 2.0 specs.

pub mod json_graph;
pub mod prettier;
