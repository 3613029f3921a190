//! Tokens and operators, with the exact names Go's parser uses in its error messages.
//!
//! Mirrors `cmd/compile/internal/syntax/tokens.go`: one token kind per
//! punctuation class, with the operator and its precedence carried alongside
//! (`+` is `Tok::Operator` with `Op::Add`), so that the parser can reproduce
//! `syntax error: unexpected X, expected Y` word for word.

/// A token kind. Keywords are their own kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Tok {
    Eof,
    Name,
    Literal,
    /// A binary or unary operator: `+`, `&&`, `!`, `<`, ...
    Operator,
    /// `op=`: `+=`, `<<=`, ...
    AssignOp,
    /// `++` or `--`.
    IncOp,
    Assign,
    Define,
    Arrow,
    Star,
    Lparen,
    Lbrack,
    Lbrace,
    Rparen,
    Rbrack,
    Rbrace,
    Comma,
    Semi,
    Colon,
    Dot,
    DotDotDot,
    Break,
    Case,
    Chan,
    Const,
    Continue,
    Default,
    Defer,
    Else,
    Fallthrough,
    For,
    Func,
    Go,
    Goto,
    If,
    Import,
    Interface,
    Map,
    Package,
    Range,
    Return,
    Select,
    Struct,
    Switch,
    Type,
    Var,
}

impl Tok {
    /// The token's name as Go's `token.String()` prints it.
    pub fn as_str(self) -> &'static str {
        use Tok::*;
        match self {
            Eof => "EOF",
            Name => "name",
            Literal => "literal",
            Operator => "op",
            AssignOp => "op=",
            IncOp => "opop",
            Assign => "=",
            Define => ":=",
            Arrow => "<-",
            Star => "*",
            Lparen => "(",
            Lbrack => "[",
            Lbrace => "{",
            Rparen => ")",
            Rbrack => "]",
            Rbrace => "}",
            Comma => ",",
            Semi => ";",
            Colon => ":",
            Dot => ".",
            DotDotDot => "...",
            Break => "break",
            Case => "case",
            Chan => "chan",
            Const => "const",
            Continue => "continue",
            Default => "default",
            Defer => "defer",
            Else => "else",
            Fallthrough => "fallthrough",
            For => "for",
            Func => "func",
            Go => "go",
            Goto => "goto",
            If => "if",
            Import => "import",
            Interface => "interface",
            Map => "map",
            Package => "package",
            Range => "range",
            Return => "return",
            Select => "select",
            Struct => "struct",
            Switch => "switch",
            Type => "type",
            Var => "var",
        }
    }

    /// The English word Go uses for a token in "expected X" messages
    /// (`tokstring` in the Go parser).
    pub fn describe(self) -> &'static str {
        match self {
            Tok::Comma => "comma",
            Tok::Semi => "semicolon or newline",
            t => t.as_str(),
        }
    }

    /// A bit for token sets (the Go parser's `1<<tok`).
    pub(crate) const fn bit(self) -> u64 {
        1u64 << (self as u8)
    }

    /// The keyword spelled `s`, if any.
    pub fn keyword(s: &str) -> Option<Tok> {
        use Tok::*;
        Some(match s {
            "break" => Break,
            "case" => Case,
            "chan" => Chan,
            "const" => Const,
            "continue" => Continue,
            "default" => Default,
            "defer" => Defer,
            "else" => Else,
            "fallthrough" => Fallthrough,
            "for" => For,
            "func" => Func,
            "go" => Go,
            "goto" => Goto,
            "if" => If,
            "import" => Import,
            "interface" => Interface,
            "map" => Map,
            "package" => Package,
            "range" => Range,
            "return" => Return,
            "select" => Select,
            "struct" => Struct,
            "switch" => Switch,
            "type" => Type,
            "var" => Var,
            _ => return None,
        })
    }
}

/// Operators, as in Go's `syntax.Operator`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Op {
    /// `:` in `:=` (only used to mark short variable declarations).
    Def,
    Not,
    Recv,
    Tilde,
    OrOr,
    AndAnd,
    Eql,
    Neq,
    Lss,
    Leq,
    Gtr,
    Geq,
    Add,
    Sub,
    Or,
    Xor,
    Mul,
    Div,
    Rem,
    And,
    AndNot,
    Shl,
    Shr,
}

impl Op {
    pub fn as_str(self) -> &'static str {
        use Op::*;
        match self {
            Def => ":",
            Not => "!",
            Recv => "<-",
            Tilde => "~",
            OrOr => "||",
            AndAnd => "&&",
            Eql => "==",
            Neq => "!=",
            Lss => "<",
            Leq => "<=",
            Gtr => ">",
            Geq => ">=",
            Add => "+",
            Sub => "-",
            Or => "|",
            Xor => "^",
            Mul => "*",
            Div => "/",
            Rem => "%",
            And => "&",
            AndNot => "&^",
            Shl => "<<",
            Shr => ">>",
        }
    }

    /// Binary precedence (1 = `||` ... 5 = `*`), 0 for unary-only operators.
    pub fn precedence(self) -> u8 {
        use Op::*;
        match self {
            OrOr => PREC_OROR,
            AndAnd => PREC_ANDAND,
            Eql | Neq | Lss | Leq | Gtr | Geq => PREC_CMP,
            Add | Sub | Or | Xor => PREC_ADD,
            Mul | Div | Rem | And | AndNot | Shl | Shr => PREC_MUL,
            Def | Not | Recv | Tilde => 0,
        }
    }

    pub fn is_comparison(self) -> bool {
        matches!(
            self,
            Op::Eql | Op::Neq | Op::Lss | Op::Leq | Op::Gtr | Op::Geq
        )
    }
}

pub const PREC_OROR: u8 = 1;
pub const PREC_ANDAND: u8 = 2;
pub const PREC_CMP: u8 = 3;
pub const PREC_ADD: u8 = 4;
pub const PREC_MUL: u8 = 5;

/// Kinds of basic literals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LitKind {
    Int,
    Float,
    Imag,
    Rune,
    String,
}
