//! Scheduler tests on hand-assembled bytecode, independent of the compiler.

use std::sync::Arc;

use gosched_lang::bytecode::*;
use gosched_lang::{LineIndex, Span};
use gosched_sim::{Config, Machine, TraceLevel};

const INT: TypeId = TypeId(0);
const STRING: TypeId = TypeId(1);
const ANY: TypeId = TypeId(2);
const WG: TypeId = TypeId(4);

const PRINTLN: NativeId = NativeId(0);
const WG_ADD: NativeId = NativeId(1);
const WG_DONE: NativeId = NativeId(2);
const WG_WAIT: NativeId = NativeId(3);

fn ty(name: &str, kind: TypeKind, named: bool) -> TypeInfo {
    TypeInfo {
        name: name.into(),
        kind,
        named,
        methods: vec![],
        comparable: true,
    }
}

fn func(name: &str, nparams: u16, nregs: u16, code: Vec<Instr>) -> Function {
    let n = code.len();
    Function {
        name: name.into(),
        file: FileId(0),
        span: Span::default(),
        nparams,
        nresults: 0,
        nregs,
        ncaptures: 0,
        code,
        debug: vec![InstrDebug::default(); n],
        selects: vec![],
        results: vec![],
        has_defer: false,
        synthetic: false,
        locals: vec![],
    }
}

fn program(funcs: Vec<Function>, consts: Vec<Const>) -> Arc<Program> {
    let native = |name: &str, nparams, nresults| NativeInfo {
        name: name.into(),
        nparams,
        nresults,
    };
    Arc::new(Program {
        funcs,
        entry: FuncId(0),
        main: FuncId(0),
        types: vec![
            ty("int", TypeKind::Int(IntTy::I64), false),
            ty("string", TypeKind::String, false),
            ty(
                "interface {}",
                TypeKind::Interface { methods: vec![] },
                false,
            ),
            ty("[]interface {}", TypeKind::Slice { elem: ANY }, false),
            ty(
                "sync.WaitGroup",
                TypeKind::Struct {
                    fields: vec![FieldInfo {
                        name: "state".into(),
                        ty: INT,
                        embedded: false,
                    }],
                },
                true,
            ),
        ],
        globals: vec![GlobalInfo {
            name: "main.wg".into(),
            display: "wg".into(),
            ty: WG,
            span: Span::default(),
        }],
        consts,
        names: vec![],
        natives: vec![
            native("fmt.Println", 1, 2),
            native("sync.(*WaitGroup).Add", 2, 0),
            native("sync.(*WaitGroup).Done", 1, 0),
            native("sync.(*WaitGroup).Wait", 1, 0),
        ],
        files: vec![SourceFile {
            name: "main.go".into(),
            lines: LineIndex::new(""),
        }],
        well_known: WellKnown {
            int: Some(INT),
            string: Some(STRING),
            ..WellKnown::default()
        },
    })
}

fn r(i: u16) -> Reg {
    Reg(i)
}

fn run(prog: Arc<Program>, procs: u32, seed: u64) -> (String, i32) {
    let cfg = Config {
        procs,
        seed,
        trace: TraceLevel::Sched,
        ..Config::default()
    };
    let mut m = Machine::new(prog, cfg);
    let code = m.run_to_end().exit_code;
    (m.stdout_text(), code)
}

#[test]
fn hello_prints_through_fmt() {
    let main = func(
        "main.main",
        0,
        4,
        vec![
            Instr::LoadConst {
                dst: r(0),
                k: ConstId(0),
            },
            Instr::MakeIface {
                dst: r(1),
                src: r(0),
                ty: STRING,
            },
            Instr::SliceLit {
                dst: r(2),
                elem: ANY,
                src: r(1),
                n: 1,
            },
            Instr::CallNative {
                native: PRINTLN,
                base: r(2),
            },
            Instr::Ret { src: r(0), n: 0 },
        ],
    );
    let (out, code) = run(
        program(vec![main], vec![Const::Str("hello, 世界".into())]),
        1,
        1,
    );
    assert_eq!(out, "hello, 世界\n");
    assert_eq!(code, 0);
}

/// Five goroutines started in a loop, then `wg.Wait()`.
fn five_workers() -> Arc<Program> {
    let main = func(
        "main.main",
        0,
        8,
        vec![
            Instr::GlobalRef {
                dst: r(0),
                g: GlobalId(0),
            },
            Instr::LoadInt { dst: r(1), imm: 5 },
            Instr::Move {
                dst: r(2),
                src: r(0),
            },
            Instr::Move {
                dst: r(3),
                src: r(1),
            },
            Instr::CallNative {
                native: WG_ADD,
                base: r(2),
            },
            Instr::LoadInt { dst: r(4), imm: 0 },
            // 6: loop head
            Instr::JumpIfNotCmpInt {
                op: CmpOp::Lt,
                ty: IntTy::I64,
                a: r(4),
                b: r(1),
                to: 11,
            },
            Instr::Move {
                dst: r(6),
                src: r(4),
            },
            Instr::Go {
                func: FuncId(1),
                base: r(6),
                nargs: 1,
            },
            Instr::IntImm {
                op: IntOp::Add,
                ty: IntTy::I64,
                dst: r(4),
                a: r(4),
                imm: 1,
            },
            Instr::Jump { to: 6 },
            // 11: wait
            Instr::Move {
                dst: r(6),
                src: r(0),
            },
            Instr::CallNative {
                native: WG_WAIT,
                base: r(6),
            },
            Instr::Ret { src: r(0), n: 0 },
        ],
    );
    let worker = func(
        "main.worker",
        1,
        6,
        vec![
            Instr::MakeIface {
                dst: r(1),
                src: r(0),
                ty: INT,
            },
            Instr::SliceLit {
                dst: r(2),
                elem: ANY,
                src: r(1),
                n: 1,
            },
            Instr::CallNative {
                native: PRINTLN,
                base: r(2),
            },
            Instr::GlobalRef {
                dst: r(3),
                g: GlobalId(0),
            },
            Instr::CallNative {
                native: WG_DONE,
                base: r(3),
            },
            Instr::Ret { src: r(0), n: 0 },
        ],
    );
    program(vec![main, worker], vec![])
}

/// proc.go: newproc puts each new goroutine in runnext, kicking the previous
/// one to the local queue's tail; on one P the last one created runs first.
#[test]
fn runnext_order_on_one_p_is_4_0_1_2_3() {
    for seed in 1..5 {
        let (out, code) = run(five_workers(), 1, seed);
        assert_eq!(out, "4\n0\n1\n2\n3\n", "seed {seed}");
        assert_eq!(code, 0);
    }
}

#[test]
fn several_ps_run_all_workers_and_the_same_seed_replays() {
    let (a, code) = run(five_workers(), 4, 7);
    assert_eq!(code, 0);
    let mut lines: Vec<&str> = a.lines().collect();
    lines.sort();
    assert_eq!(lines, ["0", "1", "2", "3", "4"]);
    let (b, _) = run(five_workers(), 4, 7);
    assert_eq!(a, b, "same seed, same run");
}

#[test]
fn waiting_forever_is_a_deadlock() {
    let main = func(
        "main.main",
        0,
        4,
        vec![
            Instr::GlobalRef {
                dst: r(0),
                g: GlobalId(0),
            },
            Instr::LoadInt { dst: r(1), imm: 1 },
            Instr::CallNative {
                native: WG_ADD,
                base: r(0),
            },
            Instr::GlobalRef {
                dst: r(0),
                g: GlobalId(0),
            },
            Instr::CallNative {
                native: WG_WAIT,
                base: r(0),
            },
            Instr::Ret { src: r(0), n: 0 },
        ],
    );
    let cfg = Config {
        procs: 2,
        ..Config::default()
    };
    let mut m = Machine::new(program(vec![main], vec![]), cfg);
    let out = m.run_to_end().clone();
    assert_eq!(out.exit_code, 2);
    let err = m.stderr_text();
    assert!(err.starts_with("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [semacquire]:\nmain.main()\n\tmain.go:"), "{err}");
}

/// Every function the embedded standard library declares without a body
/// must be implemented by the simulator.
#[test]
fn every_stdlib_native_is_implemented() {
    let have: std::collections::BTreeSet<String> = gosched_sim::natives::implemented()
        .into_iter()
        .map(|n| match n.split_once('.') {
            Some((pkg, rest)) => format!("{}.{rest}", pkg.rsplit('/').next().unwrap_or(pkg)),
            None => n.to_string(),
        })
        .collect();
    let missing: Vec<String> = gosched_lang::stdlib::natives()
        .into_iter()
        .map(|n| n.name)
        .filter(|n| !have.contains(n))
        .collect();
    assert!(
        missing.is_empty(),
        "{} natives missing:\n{}",
        missing.len(),
        missing.join("\n")
    );
}
