//! The standard-library surface, declared as Go source embedded in the crate.
//!
//! Each supported package is one Go file here (`fmt.go`, `sync.go`, ...),
//! parsed and checked with the user's program when imported. Names and
//! signatures match real Go exactly. A function declared **without a body**
//! is a *native*: the simulator implements it, identified by its qualified
//! name ([`natives`]). A function **with a body** is ordinary Go, compiled
//! with the program (`sort.Slice`, `errors.Is`, `sync.(*Once).Do`, ...).
//!
//! Unexported names (starting with a lower-case letter) are implementation
//! details invisible to user code, as in Go.
//!
//! # Notes for the simulator
//!
//! - Natives include unexported helpers the Go code relies on:
//!   `sort.sliceLen`/`sort.sliceSwap` (reflection stand-ins: panic like Go
//!   when the argument is not a slice), `strconv.parseInt`/`parseFloat`
//!   (return a status code; the `*NumError` is built in Go), and
//!   `sync.runtime_notifyList{Add,Wait,NotifyOne,NotifyAll}` (Go's own
//!   runtime hooks for `sync.Cond`).
//! - `time.Time` is `struct{ ns int64 }`: simulated Unix nanoseconds, so
//!   `Now` returns the simulation's start instant plus elapsed simulated time.
//!   `time.Timer`/`time.Ticker` carry `C` (the channel the native creates)
//!   and a hidden `id` for the simulator's timer.
//! - `sync.Mutex`, `RWMutex` and `WaitGroup` have one hidden integer field;
//!   the simulator keys its state by the value's address.
//! - `fmt.Errorf` is Go code: the native `Sprintf` must format `%w` like `%v`.
//! - `errors.As` is a native (it needs reflection on the target pointer).

use crate::ast::{Ast, DeclKind, ExprKind};
use crate::token::Op;

/// An embedded package: import path and source.
struct Source {
    path: &'static str,
    src: &'static str,
}

const SOURCES: &[Source] = &[
    Source {
        path: "errors",
        src: include_str!("errors.go"),
    },
    Source {
        path: "fmt",
        src: include_str!("fmt.go"),
    },
    Source {
        path: "io",
        src: include_str!("io.go"),
    },
    Source {
        path: "math",
        src: include_str!("math.go"),
    },
    Source {
        path: "math/rand",
        src: include_str!("rand.go"),
    },
    Source {
        path: "net/http",
        src: include_str!("http.go"),
    },
    Source {
        path: "os",
        src: include_str!("os.go"),
    },
    Source {
        path: "runtime",
        src: include_str!("runtime.go"),
    },
    Source {
        path: "sort",
        src: include_str!("sort.go"),
    },
    Source {
        path: "strconv",
        src: include_str!("strconv.go"),
    },
    Source {
        path: "strings",
        src: include_str!("strings.go"),
    },
    Source {
        path: "sync",
        src: include_str!("sync.go"),
    },
    Source {
        path: "sync/atomic",
        src: include_str!("atomic.go"),
    },
    Source {
        path: "time",
        src: include_str!("time.go"),
    },
    Source {
        path: "unicode",
        src: include_str!("unicode.go"),
    },
];

/// The source of a supported package, if any.
pub fn source(path: &str) -> Option<&'static str> {
    SOURCES.iter().find(|s| s.path == path).map(|s| s.src)
}

/// Import paths of all supported packages.
pub fn packages() -> impl Iterator<Item = &'static str> {
    SOURCES.iter().map(|s| s.path)
}

/// Packages of real Go's standard library that the playground does not provide
/// (so that `import "net"` says "not supported" instead of "not in std").
pub fn is_real_std(path: &str) -> bool {
    const STD: &[&str] = &[
        "archive/tar",
        "archive/zip",
        "bufio",
        "bytes",
        "cmp",
        "compress/gzip",
        "container/heap",
        "container/list",
        "container/ring",
        "context",
        "crypto",
        "crypto/md5",
        "crypto/rand",
        "crypto/sha1",
        "crypto/sha256",
        "database/sql",
        "embed",
        "encoding",
        "encoding/base64",
        "encoding/binary",
        "encoding/csv",
        "encoding/hex",
        "encoding/json",
        "encoding/xml",
        "errors",
        "expvar",
        "flag",
        "fmt",
        "go/ast",
        "go/parser",
        "go/token",
        "hash",
        "hash/crc32",
        "hash/fnv",
        "html",
        "html/template",
        "image",
        "io",
        "io/fs",
        "io/ioutil",
        "iter",
        "log",
        "log/slog",
        "maps",
        "math",
        "math/big",
        "math/bits",
        "math/cmplx",
        "math/rand",
        "math/rand/v2",
        "mime",
        "net",
        "net/http",
        "net/http/httptest",
        "net/url",
        "os",
        "os/exec",
        "os/signal",
        "path",
        "path/filepath",
        "reflect",
        "regexp",
        "runtime",
        "runtime/debug",
        "runtime/pprof",
        "runtime/trace",
        "slices",
        "sort",
        "strconv",
        "strings",
        "sync",
        "sync/atomic",
        "syscall",
        "testing",
        "text/tabwriter",
        "text/template",
        "time",
        "unicode",
        "unicode/utf8",
        "unsafe",
    ];
    STD.contains(&path)
}

/// A native function: implemented by the simulator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Native {
    /// Qualified name as the simulator looks it up: `fmt.Println`,
    /// `sync.(*Mutex).Lock`, `time.Duration.String`.
    pub name: String,
    /// The Go signature as declared: `func(a ...any) (n int, err error)`.
    pub signature: String,
}

/// All natives of all supported packages, in package order.
///
/// Computed by parsing the embedded sources; the simulator's tests compare
/// this list with the functions it implements.
pub fn natives() -> Vec<Native> {
    let mut out = Vec::new();
    for s in SOURCES {
        let mut ast = Ast::default();
        let mut diags = Vec::new();
        let file = crate::parser::parse_file(&mut ast, s.src, &mut diags);
        let pkg = s.path.rsplit('/').next().unwrap_or(s.path);
        for &d in &ast.file(file).decls {
            let DeclKind::Func {
                recv,
                name,
                typ,
                body: None,
                ..
            } = &ast.decl(d).kind
            else {
                continue;
            };
            let fname = ast.name_str(*name);
            let qual = match recv {
                None => format!("{pkg}.{fname}"),
                Some(r) => {
                    let (base, ptr) = match &ast.expr(r.typ).kind {
                        ExprKind::Operation {
                            op: Op::Mul,
                            x,
                            y: None,
                        } => (*x, true),
                        _ => (r.typ, false),
                    };
                    let bname = ast.name_str(base);
                    if ptr {
                        format!("{pkg}.(*{bname}).{fname}")
                    } else {
                        format!("{pkg}.{bname}.{fname}")
                    }
                }
            };
            let sig = crate::printer::expr_string(&ast, *typ);
            out.push(Native {
                name: qual,
                signature: sig,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natives_are_qualified() {
        let n = natives();
        let names: Vec<&str> = n.iter().map(|n| n.name.as_str()).collect();
        assert!(names.contains(&"fmt.Println"), "{names:?}");
        assert!(names.contains(&"sync.(*Mutex).Lock"), "{names:?}");
        assert!(names.contains(&"time.Sleep"), "{names:?}");
        let println = n
            .iter()
            .find(|n| n.name == "fmt.Println")
            .map(|n| n.signature.as_str());
        assert_eq!(println, Some("func(a ...any) (n int, err error)"));
    }

    #[test]
    fn every_package_parses_without_errors() {
        for s in SOURCES {
            let mut ast = Ast::default();
            let mut diags = Vec::new();
            crate::parser::parse_file(&mut ast, s.src, &mut diags);
            assert!(diags.is_empty(), "{}: {diags:?}", s.path);
        }
    }
}
