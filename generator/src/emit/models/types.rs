//! The intermediate model: which Rust items the spec's schemas become, and the Rust type of
//! each schema. Rendering to tokens happens elsewhere; everything here is plain data.

/// Where a generated type lives: a module path below the models root, and its name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TypeRef {
    pub module: Vec<String>,
    pub name: String,
}

impl TypeRef {
    pub fn top(name: impl Into<String>) -> Self {
        Self {
            module: Vec::new(),
            name: name.into(),
        }
    }
}

/// The Rust type of a schema.
#[derive(Debug, Clone, PartialEq)]
pub enum Ty {
    Bool,
    I32,
    I64,
    F32,
    F64,
    String,
    /// `format: date-time`: the emitted timestamp type.
    Timestamp,
    /// A schema that says nothing about its value.
    Json,
    /// `type: object` with neither properties nor `additionalProperties`.
    JsonObject,
    Named(TypeRef),
    Vec(Box<Ty>),
    Map(Box<Ty>),
    Boxed(Box<Ty>),
}

#[derive(Debug)]
pub struct Item {
    pub module: Vec<String>,
    pub doc: String,
    pub kind: ItemKind,
}

#[derive(Debug)]
pub enum ItemKind {
    Struct(Struct),
    Enum(Enum),
    Alias { name: String, ty: Ty },
}

impl Item {
    pub fn name(&self) -> &str {
        match &self.kind {
            ItemKind::Struct(s) => &s.name,
            ItemKind::Enum(e) => &e.name,
            ItemKind::Alias { name, .. } => name,
        }
    }
}

#[derive(Debug)]
pub struct Struct {
    pub name: String,
    pub fields: Vec<Field>,
    /// `additionalProperties` beside declared properties: the flattened map's field name
    /// and value type.
    pub extras: Option<(String, Ty)>,
}

#[derive(Debug)]
pub struct Field {
    /// As written in Rust (`r#type` for a keyword).
    pub ident: String,
    pub json: String,
    pub doc: String,
    pub ty: Ty,
    pub optional: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Enum {
    pub name: String,
    pub variants: Vec<Variant>,
    /// The catch-all variant keeping unknown values (`modelAsString: true`).
    pub other: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    pub ident: String,
    pub wire: String,
    pub doc: String,
}
