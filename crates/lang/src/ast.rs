//! The syntax tree: expressions, statements and declarations in arenas, addressed by typed ids.
//!
//! The shape follows Go's own `cmd/compile/internal/syntax` nodes, so that
//! the checker can follow `types2` closely:
//!
//! - Every identifier, whether it is used or defined, is an expression
//!   ([`ExprKind::Name`]) with its own [`ExprId`], so side tables (types,
//!   definitions, uses) can be keyed by it.
//! - Type expressions are expressions too (`[]int`, `map[K]V`, `func(int)`),
//!   as in Go, because `T{...}`, `[]byte(s)` and `(*T).M` mix the two.
//! - A `for ... range` loop is its own statement kind ([`StmtKind::Range`]).
//!
//! Every node has a [`Span`] covering its whole text (`span.lo` is Go's
//! `syntax.StartPos`), and a `pos`, the offset Go's node position points at
//! (the operator of a binary expression, `[` of a slice expression, `:=` of
//! an assignment). Diagnostics use one or the other exactly where Go does.
//!
//! All files of a program (the user's `main.go` and the standard-library
//! sources) are parsed into one [`Ast`], so ids are unique program-wide.

use crate::span::Span;
use crate::token::{LitKind, Op, Tok};
use rustc_hash::FxHashMap;

macro_rules! id {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub u32);
        impl $name {
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

id!(
    /// An expression (including identifiers and type expressions).
    ExprId
);
id!(
    /// A statement.
    StmtId
);
id!(
    /// A declaration (top level or inside a `DeclStmt`).
    DeclId
);
id!(
    /// An interned identifier or string.
    Sym
);
id!(
    /// A parsed source file within the [`Ast`].
    FileId
);

/// Interned strings (identifiers). Lookup is by content; ids are dense.
#[derive(Clone, Debug, Default)]
pub struct Interner {
    map: FxHashMap<Box<str>, Sym>,
    strs: Vec<Box<str>>,
}

impl Interner {
    pub fn intern(&mut self, s: &str) -> Sym {
        if let Some(&sym) = self.map.get(s) {
            return sym;
        }
        let sym = Sym(self.strs.len() as u32);
        self.strs.push(s.into());
        self.map.insert(s.into(), sym);
        sym
    }

    /// The symbol for `s` if it was ever interned.
    pub fn get(&self, s: &str) -> Option<Sym> {
        self.map.get(s).copied()
    }

    pub fn resolve(&self, sym: Sym) -> &str {
        &self.strs[sym.index()]
    }
}

/// The arena holding all nodes of all parsed files.
#[derive(Clone, Debug, Default)]
pub struct Ast {
    pub exprs: Vec<Expr>,
    pub stmts: Vec<Stmt>,
    pub decls: Vec<Decl>,
    pub files: Vec<File>,
    pub syms: Interner,
}

impl Ast {
    pub fn expr(&self, id: ExprId) -> &Expr {
        &self.exprs[id.index()]
    }
    pub fn stmt(&self, id: StmtId) -> &Stmt {
        &self.stmts[id.index()]
    }
    pub fn decl(&self, id: DeclId) -> &Decl {
        &self.decls[id.index()]
    }
    pub fn file(&self, id: FileId) -> &File {
        &self.files[id.index()]
    }
    /// The text of an interned symbol.
    pub fn str(&self, sym: Sym) -> &str {
        self.syms.resolve(sym)
    }
    /// The identifier of a `Name` expression (or `_` for anything else).
    pub fn name_str(&self, id: ExprId) -> &str {
        match &self.expr(id).kind {
            ExprKind::Name(s) => self.str(*s),
            _ => "_",
        }
    }
    pub fn name_sym(&self, id: ExprId) -> Option<Sym> {
        match &self.expr(id).kind {
            ExprKind::Name(s) => Some(*s),
            _ => None,
        }
    }
    /// Strips parentheses.
    pub fn unparen(&self, mut id: ExprId) -> ExprId {
        while let ExprKind::Paren(x) = self.expr(id).kind {
            id = x;
        }
        id
    }
    /// Go's `syntax.StartPos`: the offset diagnostics about `id` point at.
    pub fn start_pos(&self, id: ExprId) -> u32 {
        let e = self.expr(id);
        match e.kind {
            ExprKind::Slice { .. } => e.pos,
            _ => e.span.lo,
        }
    }
}

/// One source file.
#[derive(Clone, Debug)]
pub struct File {
    /// The package name in the package clause (a `Name`), if parsed.
    pub package: Option<ExprId>,
    pub decls: Vec<DeclId>,
    pub span: Span,
}

/// An expression node.
#[derive(Clone, Debug)]
pub struct Expr {
    pub span: Span,
    /// Go's node position (see the module docs).
    pub pos: u32,
    pub kind: ExprKind,
}

/// Channel direction in a channel type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChanDir {
    Both,
    /// `chan<- T`
    Send,
    /// `<-chan T`
    Recv,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    /// A placeholder for a region that did not parse.
    Bad,
    Name(Sym),
    BasicLit {
        kind: LitKind,
        value: Box<str>,
        /// The scanner reported an error in this literal.
        bad: bool,
    },
    /// `T{elems}`; `typ` is `None` for elided types inside another literal.
    CompositeLit {
        typ: Option<ExprId>,
        elems: Vec<ExprId>,
        /// How many elements are `key: value`.
        nkeys: u32,
        rbrace: u32,
    },
    KeyValue {
        key: ExprId,
        value: ExprId,
    },
    /// `func(...) ... { body }`; `typ` is a [`ExprKind::FuncType`].
    FuncLit {
        typ: ExprId,
        body: Block,
    },
    Paren(ExprId),
    /// `x.sel`; `sel` is a `Name`.
    Selector {
        x: ExprId,
        sel: ExprId,
    },
    /// `x[index]` (index may be a `List` for generic instantiations).
    Index {
        x: ExprId,
        index: ExprId,
    },
    /// `x[lo:hi]` or `x[lo:hi:max]`.
    Slice {
        x: ExprId,
        index: [Option<ExprId>; 3],
        full: bool,
    },
    /// `x.(typ)`
    Assert {
        x: ExprId,
        typ: ExprId,
    },
    /// `lhs := x.(type)` in a type switch header (`lhs` is a `Name`).
    TypeSwitchGuard {
        lhs: Option<ExprId>,
        x: ExprId,
    },
    /// Unary (`y == None`) or binary operation. `*x` is `Op::Mul` unary; `<-x` is `Op::Recv`.
    Operation {
        op: Op,
        x: ExprId,
        y: Option<ExprId>,
    },
    Call {
        fun: ExprId,
        args: Vec<ExprId>,
        /// `f(xs...)`
        has_dots: bool,
    },
    /// A comma-separated list, only where Go's parser builds one (type argument lists).
    List(Vec<ExprId>),
    /// `[len]elem`; `len == None` means `[...]elem`.
    ArrayType {
        len: Option<ExprId>,
        elem: ExprId,
    },
    SliceType {
        elem: ExprId,
    },
    /// `...elem` as the type of a final parameter.
    DotsType {
        elem: ExprId,
    },
    StructType {
        fields: Vec<Field>,
    },
    FuncType(FuncType),
    /// Interface with methods (`name` set) and embedded elements (`name` unset).
    InterfaceType {
        methods: Vec<Field>,
    },
    MapType {
        key: ExprId,
        value: ExprId,
    },
    ChanType {
        dir: ChanDir,
        elem: ExprId,
    },
}

/// A parameter, result, struct field or interface element.
///
/// `a, b int` gives two fields sharing one `typ` expression, as in Go.
#[derive(Clone, Debug)]
pub struct Field {
    pub span: Span,
    /// The field's name (a `Name`), or `None` for unnamed parameters and embedded fields.
    pub name: Option<ExprId>,
    pub typ: ExprId,
    /// Struct tag literal (ignored by the checker).
    pub tag: Option<ExprId>,
}

#[derive(Clone, Debug, Default)]
pub struct FuncType {
    pub params: Vec<Field>,
    pub results: Vec<Field>,
}

/// A `{ ... }` block.
#[derive(Clone, Debug)]
pub struct Block {
    pub span: Span,
    pub stmts: Vec<StmtId>,
    /// Offset of the closing brace (where Go reports `missing return`).
    pub rbrace: u32,
}

/// A statement node.
#[derive(Clone, Debug)]
pub struct Stmt {
    pub span: Span,
    /// Go's node position (the operator of an assignment; the keyword otherwise).
    pub pos: u32,
    pub kind: StmtKind,
}

/// What kind of assignment an [`StmtKind::Assign`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssignKind {
    /// `a, b = x, y`
    Plain,
    /// `a, b := x, y`
    Define,
    /// `a += x`
    Op(Op),
    /// `a++` (`Op::Add`) or `a--` (`Op::Sub`); `rhs` is empty.
    IncDec(Op),
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    Empty,
    Labeled {
        label: ExprId,
        stmt: StmtId,
    },
    Block(Block),
    Expr(ExprId),
    Send {
        chan: ExprId,
        value: ExprId,
    },
    Decl(Vec<DeclId>),
    Assign {
        kind: AssignKind,
        lhs: Vec<ExprId>,
        rhs: Vec<ExprId>,
    },
    /// `break`, `continue`, `goto` or `fallthrough`.
    Branch {
        tok: Tok,
        label: Option<ExprId>,
    },
    /// `go f()` or `defer f()`: `tok` is `Tok::Go` or `Tok::Defer`.
    Call {
        tok: Tok,
        call: ExprId,
    },
    Return {
        results: Vec<ExprId>,
    },
    If {
        init: Option<StmtId>,
        cond: Option<ExprId>,
        then: Block,
        /// Another `If` or a `Block` statement.
        els: Option<StmtId>,
    },
    For {
        init: Option<StmtId>,
        cond: Option<ExprId>,
        post: Option<StmtId>,
        body: Block,
    },
    /// `for key, value := range x { ... }` (`def` for `:=`; both keys optional).
    Range {
        key: Option<ExprId>,
        value: Option<ExprId>,
        def: bool,
        x: ExprId,
        body: Block,
        /// Offset of the `range` keyword.
        range_pos: u32,
    },
    /// Expression or type switch. A type switch has a `TypeSwitchGuard` tag.
    Switch {
        init: Option<StmtId>,
        tag: Option<ExprId>,
        body: Vec<CaseClause>,
        rbrace: u32,
    },
    Select {
        body: Vec<CommClause>,
        rbrace: u32,
    },
}

#[derive(Clone, Debug)]
pub struct CaseClause {
    pub span: Span,
    /// `None` for `default`.
    pub cases: Option<Vec<ExprId>>,
    pub colon: u32,
    pub body: Vec<StmtId>,
}

#[derive(Clone, Debug)]
pub struct CommClause {
    pub span: Span,
    /// The send or receive statement; `None` for `default`.
    pub comm: Option<StmtId>,
    pub colon: u32,
    pub body: Vec<StmtId>,
}

/// A declaration node.
#[derive(Clone, Debug)]
pub struct Decl {
    pub span: Span,
    /// The file the declaration is in.
    pub file: FileId,
    pub kind: DeclKind,
}

#[derive(Clone, Debug)]
pub enum DeclKind {
    /// `import name "path"`; `path` is `None` if missing.
    Import {
        local: Option<ExprId>,
        path: Option<ExprId>,
    },
    /// One const spec. Inside a group, a spec without type and values repeats the previous one.
    Const {
        names: Vec<ExprId>,
        typ: Option<ExprId>,
        values: Vec<ExprId>,
        /// Which parenthesized group it belongs to, if any.
        group: Option<u32>,
        /// Index of the spec within its group (the value of `iota`).
        iota: u32,
    },
    Type {
        name: ExprId,
        alias: bool,
        /// Type parameters (unsupported; parsed to report a clear error).
        tparams: Vec<Field>,
        typ: ExprId,
    },
    Var {
        names: Vec<ExprId>,
        typ: Option<ExprId>,
        values: Vec<ExprId>,
    },
    Func {
        recv: Option<Field>,
        name: ExprId,
        tparams: Vec<Field>,
        /// A `FuncType` expression.
        typ: ExprId,
        /// `None` for a function declared without body (a native).
        body: Option<Block>,
    },
}
