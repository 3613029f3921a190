//! The lesson table: built-in scenarios from the course on concorrência x paralelismo, each a
//! set of Go programs with run settings and a short guided explanation in English and pt-BR.
//!
//! The table is plain static data so the page can list it in a menu and link to it:
//! [`LESSONS`] holds [`Lesson`]s, a lesson owns its [`LessonProgram`]s (the Go source is
//! compiled into the binary with `include_str!` from `web/lessons/<NN-slug>/`), and its
//! [`Step`]s walk the learner through them.
//!
//! Links use ids: a lesson's `id` is a stable slug, and a program's `id` is unique across
//! the whole table (so `?lesson=race-condition&program=mutex` and `?program=mutex` both
//! work). Ids never change once published; texts may.
//!
//! Each program's [`Settings`] are the ones its lesson's text was checked against:
//! `crates/sim/tests/lessons.rs` runs every program with them and asserts what the steps
//! claim (lost updates, race lines, hang under cooperative preemption, simulated times,
//! the memory meter, the deadlock message). Change a program or its settings and that
//! test tells you which sentence became false.
//!
//! **Invariant:** this file depends on nothing but `core` (it is also compiled by the
//! simulator's tests through `#[path]`), and every text exists in both languages.

/// A text in both languages the page speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    pub en: &'static str,
    pub pt_br: &'static str,
}

impl Text {
    /// The text for a BCP 47 language tag: Portuguese for `pt` and `pt-*`, English otherwise.
    pub fn get(&self, lang: &str) -> &'static str {
        if lang == "pt" || lang.starts_with("pt-") || lang.starts_with("pt_") {
            self.pt_br
        } else {
            self.en
        }
    }
}

/// How to run a program: what the page's controls are set to when the lesson loads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    /// GOMAXPROCS.
    pub procs: u32,
    /// Cooperative preemption (Go <= 1.13, or `GODEBUG=asyncpreemptoff=1`) instead of
    /// Go 1.14+'s asynchronous preemption.
    pub preempt_coop: bool,
    /// The race detector (`go run -race`).
    pub race: bool,
    pub seed: u64,
    /// A step limit lower than the page's default, for runs that are meant to hang
    /// (the learner should see the limit reached quickly). `None`: the default.
    pub max_steps: Option<u64>,
    /// Go's `runnext` slot; off only in a "what if" run that shows what it is for.
    pub runnext: bool,
}

impl Settings {
    /// GOMAXPROCS `procs`, asynchronous preemption, no race detector, seed 1.
    pub const fn procs(procs: u32) -> Settings {
        Settings {
            procs,
            preempt_coop: false,
            race: false,
            seed: 1,
            max_steps: None,
            runnext: true,
        }
    }

    /// The same settings without Go's `runnext` slot (a "what if" no Go program makes).
    pub const fn without_runnext(self) -> Settings {
        Settings {
            runnext: false,
            ..self
        }
    }

    /// The same settings with the race detector on.
    pub const fn race(self) -> Settings {
        Settings { race: true, ..self }
    }

    /// The same settings with cooperative preemption and a step limit.
    pub const fn coop(self, max_steps: u64) -> Settings {
        Settings {
            preempt_coop: true,
            max_steps: Some(max_steps),
            ..self
        }
    }
}

/// One Go program of a lesson.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LessonProgram {
    /// Unique across all lessons; used in links.
    pub id: &'static str,
    /// What the program menu shows.
    pub label: Text,
    /// The file, relative to the repository root (for tests and "view source" links).
    pub path: &'static str,
    /// The Go source.
    pub source: &'static str,
    pub settings: Settings,
    /// When set, the page runs the program a second time with these settings and shows
    /// both runs side by side (stage, timeline, total simulated time).
    pub compare: Option<Settings>,
}

/// A part of the page a step points at (the page highlights it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// The code editor (with `highlight_lines`).
    Editor,
    /// The console (program output, race reports, fatal errors).
    Console,
    /// The run controls (run, pause, step, seed, GOMAXPROCS, preemption, race).
    Controls,
    /// The P cards: what each P is running.
    Procs,
    /// The runnext slot of the P cards.
    Runnext,
    /// The local run queues of the P cards.
    LocalQueue,
    /// The global run queue.
    GlobalQueue,
    /// Blocked goroutines (channels, locks, WaitGroups, sleep).
    Blocked,
    /// Goroutines in system calls, the network poller and timers.
    Syscalls,
    /// The memory meter (goroutine stacks beside OS thread stacks).
    Memory,
    /// The shared memory cells (the racy one turns red).
    Cells,
    /// The per-P timeline and the event log.
    Timeline,
    /// The side-by-side comparison of two runs.
    Compare,
}

/// A kind of scheduling fact, as recorded by the simulator's trace
/// (`gosched_sim::trace::EventKind`); used to move the playhead to the first one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Moment {
    /// `GoCreate`: a `go` statement ran.
    GoCreate,
    /// `Kicked`: a newer goroutine pushed the runnext occupant to the local queue.
    Kicked,
    /// `Steal`: a P took work from another P.
    Steal,
    /// `PreemptRequest`: sysmon asked a goroutine to stop after its time slice.
    PreemptRequest,
    /// `GoStop` because of `runtime.Gosched()`.
    Gosched,
    /// `GlobalTake`: a P took goroutines from the global queue.
    GlobalTake,
    /// `SyscallEnter`: a goroutine entered a blocking system call.
    SyscallEnter,
    /// `Handoff`: sysmon took a P from a thread stuck in a system call.
    Handoff,
    /// `SyscallExit`: a system call returned.
    SyscallExit,
    /// `GoBlock`: a goroutine parked (channel, lock, WaitGroup, sleep).
    GoBlock,
    /// `Race`: the race detector reported a data race.
    Race,
    /// `Output`: the program printed something.
    Output,
}

impl Moment {
    /// The name of the `gosched_sim::trace::EventKind` variant this moment matches
    /// (for `GoStop`, only those with `reason: Gosched`).
    pub fn event_name(self) -> &'static str {
        match self {
            Moment::GoCreate => "GoCreate",
            Moment::Kicked => "Kicked",
            Moment::Steal => "Steal",
            Moment::PreemptRequest => "PreemptRequest",
            Moment::Gosched => "GoStop",
            Moment::GlobalTake => "GlobalTake",
            Moment::SyscallEnter => "SyscallEnter",
            Moment::Handoff => "Handoff",
            Moment::SyscallExit => "SyscallExit",
            Moment::GoBlock => "GoBlock",
            Moment::Race => "Race",
            Moment::Output => "Output",
        }
    }
}

/// Where a step puts the playhead when the learner reaches it.
///
/// When the program has a comparison run, the seek applies to the primary run (the one
/// with the program's own settings) and the page shows the comparison run at the same
/// simulated time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seek {
    /// Leave it where it is (the learner drives).
    Stay,
    /// Rewind to step 0, ready to run.
    Start,
    /// Run to the end of the program (or its step limit).
    End,
    /// Just after the first event of this kind.
    First(Moment),
}

/// One paragraph of the guided explanation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    pub text: Text,
    /// The program to show (its id); `None` keeps the one loaded by an earlier step.
    pub program: Option<&'static str>,
    /// Parts of the page to highlight.
    pub focus: &'static [Focus],
    /// 1-based source lines to highlight in the editor.
    pub highlight_lines: &'static [u32],
    pub seek: Seek,
}

/// One lesson: a menu entry, its programs and its guide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lesson {
    /// Stable slug used in links (`?lesson=race-condition`).
    pub id: &'static str,
    pub title: Text,
    /// One or two sentences for the menu.
    pub summary: Text,
    /// The first program is the one loaded when the lesson opens.
    pub programs: &'static [LessonProgram],
    pub steps: &'static [Step],
}

impl Lesson {
    /// The program with this id.
    pub fn program(&self, id: &str) -> Option<&'static LessonProgram> {
        self.programs.iter().find(|p| p.id == id)
    }
}

/// The lesson with this id.
pub fn lesson(id: &str) -> Option<&'static Lesson> {
    LESSONS.iter().find(|l| l.id == id)
}

/// The program with this id, and the lesson it belongs to.
pub fn program(id: &str) -> Option<(&'static Lesson, &'static LessonProgram)> {
    LESSONS
        .iter()
        .find_map(|l| l.programs.iter().find(|p| p.id == id).map(|p| (l, p)))
}

/// Shorthand for a text.
const fn t(en: &'static str, pt_br: &'static str) -> Text {
    Text { en, pt_br }
}

/// Shorthand for a program whose file is `web/lessons/<dir>/<file>`.
macro_rules! program {
    ($id:literal, $dir:literal, $file:literal, $label:expr, $settings:expr, $compare:expr) => {
        LessonProgram {
            id: $id,
            label: $label,
            path: concat!("web/lessons/", $dir, "/", $file),
            source: include_str!(concat!("../../../../web/lessons/", $dir, "/", $file)),
            settings: $settings,
            compare: $compare,
        }
    };
}

/// Shorthand for a step.
const fn step(
    program: Option<&'static str>,
    focus: &'static [Focus],
    highlight_lines: &'static [u32],
    seek: Seek,
    text: Text,
) -> Step {
    Step {
        text,
        program,
        focus,
        highlight_lines,
        seek,
    }
}

use Focus::*;

/// Every lesson, in menu order.
pub static LESSONS: &[Lesson] = &[
    CONCURRENCY_PARALLELISM,
    RACE_CONDITION,
    MEMORY,
    PREEMPTION,
    SCHEDULER,
    CHANNELS,
];

// ===== 1. Concorrência x paralelismo =====

const CONCURRENCY_PARALLELISM: Lesson = Lesson {
    id: "concurrency-parallelism",
    title: t("Concurrency vs parallelism", "Concorrência x paralelismo"),
    summary: t(
        "The same CPU-bound work on one core and on four: taking turns versus running at the same time.",
        "O mesmo trabalho de CPU em um núcleo e em quatro: revezar-se versus executar ao mesmo tempo.",
    ),
    programs: &[program!(
        "cpu-bound",
        "01-concurrency-parallelism",
        "cpu_bound.go",
        t("Four CPU-bound tasks", "Quatro tarefas de CPU"),
        Settings::procs(1),
        Some(Settings::procs(4))
    )],
    steps: &[
        step(
            Some("cpu-bound"),
            &[Editor, Compare],
            &[11, 12, 13, 14, 15, 16, 17, 24, 25, 26, 27],
            Seek::Start,
            t(
                "This program starts four goroutines that only compute: they never wait for a disk, the network or a channel (CPU-bound work). Concurrency is about structure: several tasks in progress during the same period. Parallelism is about execution: several tasks running at the same instant, which needs several cores. Press Run: the page runs the program twice, with GOMAXPROCS=1 on the left and GOMAXPROCS=4 on the right.",
                "Este programa inicia quatro goroutines que só fazem cálculo: nunca esperam disco, rede ou canal (trabalho limitado pela CPU). Concorrência é uma questão de estrutura: várias tarefas em andamento no mesmo período. Paralelismo é uma questão de execução: várias tarefas rodando no mesmo instante, o que exige vários núcleos. Clique em Executar: a página roda o programa duas vezes, com GOMAXPROCS=1 à esquerda e GOMAXPROCS=4 à direita.",
            ),
        ),
        step(
            None,
            &[Runnext, LocalQueue],
            &[24, 29],
            Seek::First(Moment::GoBlock),
            t(
                "Each go statement puts the new goroutine in the runnext slot of P0, the P running main, and moves the one that was there to P0's local queue. When main blocks in wg.Wait(), P0 takes runnext first: task 4, the last one created, runs before tasks 1, 2 and 3.",
                "Cada comando go coloca a nova goroutine no slot runnext do P0, o P que está executando main, e move a que estava lá para a fila local do P0. Quando main bloqueia em wg.Wait(), o P0 pega primeiro o runnext: a tarefa 4, a última criada, roda antes das tarefas 1, 2 e 3.",
            ),
        ),
        step(
            None,
            &[Timeline, GlobalQueue],
            &[],
            Seek::First(Moment::PreemptRequest),
            t(
                "On the left there is a single P, so only one task runs at a time: they take turns on one core. After about 10 ms, sysmon (the runtime's monitoring thread) preempts task 4 and sends it to the global queue; tasks 1, 2 and 3 then run one after another, and task 4 finishes last. Four tasks in progress, one core: concurrency without parallelism.",
                "À esquerda há um único P, então só uma tarefa executa por vez: elas se revezam em um núcleo. Depois de cerca de 10 ms, o sysmon (a thread de monitoramento do runtime) faz a preempção da tarefa 4 e a manda para a fila global; as tarefas 1, 2 e 3 rodam uma depois da outra, e a tarefa 4 termina por último. Quatro tarefas em andamento, um núcleo: concorrência sem paralelismo.",
            ),
        ),
        step(
            None,
            &[Compare, Procs],
            &[],
            Seek::Stay,
            t(
                "On the right, with GOMAXPROCS=4, the runtime wakes the idle Ps. Each one needs an OS thread (an M), finds its own queue empty and steals half of another P's local queue, then wakes the next idle P. Within about 60 µs the four tasks run at the same instant on four cores: that is parallelism.",
                "À direita, com GOMAXPROCS=4, o runtime acorda os Ps ociosos. Cada um precisa de uma thread do sistema operacional (um M), encontra a própria fila vazia e rouba metade da fila local de outro P, depois acorda o próximo P ocioso. Em cerca de 60 µs as quatro tarefas executam no mesmo instante em quatro núcleos: isso é paralelismo.",
            ),
        ),
        step(
            None,
            &[Compare, Console],
            &[30],
            Seek::End,
            t(
                "Compare the total simulated time: about 48 ms on one core and about 12 ms on four, nearly four times faster, because the tasks never wait for each other. Waking threads and stealing cost a few microseconds, so the gain is slightly under 4x. Concurrency is how you structure the program; parallelism is what the hardware can give you when the work is independent.",
                "Compare o tempo total simulado: cerca de 48 ms em um núcleo e cerca de 12 ms em quatro, quase quatro vezes mais rápido, porque as tarefas nunca esperam umas pelas outras. Acordar threads e roubar trabalho custa alguns microssegundos, por isso o ganho fica um pouco abaixo de 4x. Concorrência é como você estrutura o programa; paralelismo é o que o hardware consegue oferecer quando o trabalho é independente.",
            ),
        ),
        step(
            None,
            &[Controls],
            &[],
            Seek::Stay,
            t(
                "Try GOMAXPROCS=2: about 25 ms. Real Go sets GOMAXPROCS to the number of logical CPUs by default, and more Ps than cores adds no parallelism, only more switching. Times here are on the simulator's scale (one loop iteration costs about 4 ns; compiled Go does it in about 1 ns), so on your machine the totals are smaller, but with four free cores the ratio is similar.",
                "Experimente GOMAXPROCS=2: cerca de 25 ms. O Go real usa por padrão GOMAXPROCS igual ao número de CPUs lógicas, e mais Ps do que núcleos não traz paralelismo, só mais trocas. Os tempos aqui estão na escala do simulador (uma iteração do laço custa cerca de 4 ns; o Go compilado faz em cerca de 1 ns), então na sua máquina os totais são menores, mas com quatro núcleos livres a proporção é parecida.",
            ),
        ),
    ],
};

// ===== 2. Condição de corrida =====

const RACE_CONDITION: Lesson = Lesson {
    id: "race-condition",
    title: t("Race condition", "Condição de corrida"),
    summary: t(
        "An unsynchronized counter loses updates on several cores; the race detector finds it; three fixes: Mutex, atomics, channel.",
        "Um contador sem sincronização perde incrementos em vários núcleos; o detector de corrida encontra o erro; três correções: mutex, operações atômicas e canal.",
    ),
    programs: &[
        program!(
            "racy",
            "02-race-condition",
            "racy.go",
            t("The racy counter", "O contador com corrida"),
            Settings::procs(4).race(),
            None
        ),
        program!(
            "mutex",
            "02-race-condition",
            "mutex.go",
            t("Fix 1: sync.Mutex", "Correção 1: sync.Mutex"),
            Settings::procs(4).race(),
            None
        ),
        program!(
            "atomic",
            "02-race-condition",
            "atomic.go",
            t("Fix 2: sync/atomic", "Correção 2: sync/atomic"),
            Settings::procs(4).race(),
            None
        ),
        program!(
            "channel",
            "02-race-condition",
            "channel.go",
            t("Fix 3: a channel", "Correção 3: um canal"),
            Settings::procs(4).race(),
            None
        ),
    ],
    steps: &[
        step(
            Some("racy"),
            &[Editor],
            &[18],
            Seek::Start,
            t(
                "Four goroutines each add 1 to counter 10,000 times, so the program should print 40000. But counter++ is not a single operation: the core reads the value, adds 1 and writes the result back. GOMAXPROCS is 4, so the goroutines really run at the same time. Press Run and watch the console.",
                "Quatro goroutines somam 1 a counter 10.000 vezes cada, então o programa deveria imprimir 40000. Mas counter++ não é uma operação única: o núcleo lê o valor, soma 1 e escreve o resultado de volta. GOMAXPROCS é 4, então as goroutines executam de fato ao mesmo tempo. Clique em Executar e observe o console.",
            ),
        ),
        step(
            None,
            &[Console, Cells],
            &[18],
            Seek::End,
            t(
                "The total is far below 40000: updates were lost. Two goroutines on different cores read the same value, say 41, both write 42, and one increment disappears. This is a race condition: the result depends on how the goroutines' steps happen to interleave, so it changes from run to run (try other seeds). With real Go you may need far more iterations to see it, because a compiled loop this short can finish before another thread even starts; the race detector reports the bug either way.",
                "O total fica bem abaixo de 40000: incrementos se perderam. Duas goroutines em núcleos diferentes leem o mesmo valor, digamos 41, as duas escrevem 42, e um incremento desaparece. Isso é uma condição de corrida: o resultado depende de como os passos das goroutines se intercalam por acaso, e por isso muda de uma execução para outra (experimente outras seeds). No Go real talvez sejam necessárias muito mais iterações para ver isso, porque um laço compilado tão curto pode terminar antes mesmo de outra thread começar; o detector de corrida aponta o erro de qualquer forma.",
            ),
        ),
        step(
            None,
            &[Console, Cells, Editor],
            &[18],
            Seek::First(Moment::Race),
            t(
                "The race detector is on (go run -race). It watches every memory access and knows which ones are ordered by synchronization (the happens-before relation). It reports two accesses to counter, both on line 18, from two different goroutines with nothing ordering them, and the counter cell turns red. At the end it prints the number of races found, and the program exits with status 66.",
                "O detector de corrida está ligado (go run -race). Ele observa cada acesso à memória e sabe quais estão ordenados por sincronização (a relação acontece-antes, happens-before). Ele relata dois acessos a counter, ambos na linha 18, feitos por duas goroutines diferentes sem nada que os ordene, e a célula counter fica vermelha. No fim ele mostra quantas corridas encontrou, e o programa termina com status 66.",
            ),
        ),
        step(
            None,
            &[Controls, Console],
            &[],
            Seek::Stay,
            t(
                "Now set GOMAXPROCS to 1 and run again. The total is exactly 40000: with one P the goroutines take turns, and none was interrupted in the middle of counter++. The race detector still reports the race, because a race is about missing synchronization, not about how many cores you have. The bug is only hiding: nothing in the program stops a goroutine from being interrupted between the read and the write, and the compiler may reorder or merge unsynchronized accesses.",
                "Agora mude GOMAXPROCS para 1 e execute de novo. O total dá exatamente 40000: com um P as goroutines se revezam, e nenhuma foi interrompida no meio de counter++. O detector de corrida continua relatando a corrida, porque corrida é falta de sincronização, não uma questão de quantos núcleos existem. O erro só está escondido: nada no programa impede que uma goroutine seja interrompida entre a leitura e a escrita, e o compilador pode reordenar ou fundir acessos sem sincronização.",
            ),
        ),
        step(
            Some("mutex"),
            &[Editor, Blocked, Console],
            &[21, 22, 23],
            Seek::End,
            t(
                "Fix 1: a sync.Mutex (a lock). Lock lets one goroutine at a time into the critical section; the others spin for a moment and then park on the mutex until Unlock wakes one of them (watch the Blocked area). The result is exactly 40000 and the detector is silent, because each Unlock happens before the next Lock.",
                "Correção 1: um sync.Mutex (uma trava). Lock deixa entrar uma goroutine por vez na seção crítica; as outras giram (spin) por um instante e depois ficam bloqueadas na trava até que Unlock acorde uma delas (observe a área Bloqueadas). O resultado é exatamente 40000 e o detector fica em silêncio, porque cada Unlock acontece antes do Lock seguinte.",
            ),
        ),
        step(
            Some("atomic"),
            &[Editor, Console],
            &[19],
            Seek::End,
            t(
                "Fix 2: sync/atomic. counter.Add(1) does the read, the add and the write as one indivisible instruction (LOCK XADD on x86), so no other core can slip in between. Nobody ever waits: compare the total simulated time with the Mutex version, it is several times shorter. Atomics are ideal for a single counter or flag; for anything larger, use a lock.",
                "Correção 2: sync/atomic. counter.Add(1) faz a leitura, a soma e a escrita como uma única instrução indivisível (LOCK XADD no x86), então nenhum outro núcleo consegue se intrometer no meio. Ninguém precisa esperar: compare o tempo total simulado com a versão com mutex, ele é várias vezes menor. Operações atômicas são ideais para um único contador ou flag; para qualquer coisa maior, use uma trava.",
            ),
        ),
        step(
            Some("channel"),
            &[Editor, Blocked, Console],
            &[12, 13, 14, 15, 16, 17, 18, 26],
            Seek::End,
            t(
                "Fix 3: share memory by communicating. Only the owner goroutine touches its counter; the others send it increments over a channel. It is correct and race-free too, and the slowest of the three here, since every increment is a hand-over between goroutines (a context switch). Its strength is elsewhere: one goroutine can own state much richer than a number. Go's proverb: \"Do not communicate by sharing memory; instead, share memory by communicating.\"",
                "Correção 3: compartilhar memória comunicando. Só a goroutine dona toca no contador; as outras enviam incrementos a ela por um canal. Também é correto e sem corrida, e é a mais lenta das três aqui, já que cada incremento é uma entrega entre goroutines (uma troca de contexto). A força dessa abordagem está em outro lugar: uma goroutine pode ser dona de um estado muito mais rico que um número. O provérbio do Go: \"Não comunique compartilhando memória; compartilhe memória comunicando.\"",
            ),
        ),
    ],
};

// ===== 3. Memória =====

const MEMORY: Lesson = Lesson {
    id: "memory",
    title: t("Memory: goroutines vs threads", "Memória: goroutines x threads"),
    summary: t(
        "10,000 goroutines with 2 KiB stacks beside what 10,000 OS threads would reserve, and a stack that grows.",
        "10.000 goroutines com pilhas de 2 KiB ao lado do que 10.000 threads do sistema operacional reservariam, e uma pilha que cresce.",
    ),
    programs: &[program!(
        "goroutines",
        "03-memory",
        "goroutines.go",
        t("10,000 goroutines", "10.000 goroutines"),
        Settings::procs(4),
        None
    )],
    steps: &[
        step(
            Some("goroutines"),
            &[Editor, Memory],
            &[21, 22, 23, 24, 25, 26, 27],
            Seek::Start,
            t(
                "This program starts 10,000 goroutines and parks each one on a channel receive, so that all of them exist at the same time. A parked goroutine uses no CPU: it only occupies memory. Press Run and watch the Memory meter.",
                "Este programa inicia 10.000 goroutines e deixa cada uma bloqueada recebendo de um canal, para que todas existam ao mesmo tempo. Uma goroutine bloqueada não usa CPU: ela só ocupa memória. Clique em Executar e observe o medidor de Memória.",
            ),
        ),
        step(
            None,
            &[Memory, Console, Blocked],
            &[28],
            Seek::First(Moment::Output),
            t(
                "When main prints, 10,001 goroutines are alive (runtime.NumGoroutine counts main too). Each one starts with a 2 KiB stack, so all the stacks together take about 20 MB (19.5 MiB). Add the goroutine descriptor (432 bytes in Go 1.23 on amd64) and a goroutine costs roughly 2.5 KiB of real memory.",
                "Quando main imprime, há 10.001 goroutines vivas (runtime.NumGoroutine conta main também). Cada uma começa com uma pilha de 2 KiB, então todas as pilhas juntas ocupam cerca de 20 MB (19,5 MiB). Somando o descritor da goroutine (432 bytes no Go 1.23 em amd64), uma goroutine custa aproximadamente 2,5 KiB de memória real.",
            ),
        ),
        step(
            None,
            &[Memory],
            &[],
            Seek::Stay,
            t(
                "Beside it, the meter shows what 10,001 OS threads would reserve for their stacks. The course's 1 MB per thread is the default stack reserve on Windows (1 MiB; programs built by Go ask for 2 MiB on 64-bit Windows): about 9.8 GiB. On Linux, glibc gives each thread 8 MiB by default (the ulimit -s value): about 78 GiB. That is reserved address space, committed page by page as the stack is used, but every thread also costs kernel memory and an entry in the OS scheduler.",
                "Ao lado, o medidor mostra o que 10.001 threads do sistema operacional reservariam para suas pilhas. O 1 MB por thread citado no curso é a reserva padrão de pilha no Windows (1 MiB; programas gerados pelo Go pedem 2 MiB no Windows de 64 bits): cerca de 9,8 GiB. No Linux, a glibc dá a cada thread 8 MiB por padrão (o valor de ulimit -s): cerca de 78 GiB. Isso é espaço de endereçamento reservado, que só vira memória física página por página, à medida que a pilha é usada, mas cada thread também custa memória do kernel e uma entrada no escalonador do sistema.",
            ),
        ),
        step(
            None,
            &[Memory, Editor],
            &[11, 12, 13, 14, 15, 16, 31],
            Seek::End,
            t(
                "A goroutine can start so small because its stack can grow. Every function call checks whether the frame still fits; if not, the runtime allocates a stack twice as large, copies the old one over and fixes the pointers into it. Watch main's stack during depth(1000): a thousand nested calls do not fit in 2 KiB, so it doubles, 4, 8, 16, 32 KiB..., until they fit.",
                "Uma goroutine pode começar tão pequena porque sua pilha pode crescer. Cada chamada de função verifica se o quadro (frame) ainda cabe; se não couber, o runtime aloca uma pilha com o dobro do tamanho, copia a antiga para ela e ajusta os ponteiros que apontam para dentro dela. Observe a pilha de main durante depth(1000): mil chamadas aninhadas não cabem em 2 KiB, então ela dobra, 4, 8, 16, 32 KiB..., até caberem.",
            ),
        ),
        step(
            None,
            &[Memory],
            &[],
            Seek::Stay,
            t(
                "The limit is 1 GB per goroutine on 64-bit systems; infinite recursion ends with fatal error: stack overflow. Real Go also halves a stack during garbage collection when less than a quarter of it is in use; the simulator never shrinks stacks. An OS thread's stack, in contrast, has a fixed size chosen when the thread is created, which is why it must be generous.",
                "O limite é 1 GB por goroutine em sistemas de 64 bits; uma recursão infinita termina com fatal error: stack overflow. O Go real também reduz uma pilha à metade durante a coleta de lixo quando menos de um quarto dela está em uso; o simulador nunca encolhe pilhas. Já a pilha de uma thread do sistema operacional tem tamanho fixo, escolhido quando a thread é criada, e por isso precisa ser generosa.",
            ),
        ),
        step(
            None,
            &[Procs, Timeline],
            &[],
            Seek::Stay,
            t(
                "Switching between goroutines is cheap too: the Go scheduler does it in user space, saving a few registers, with no system call. Note that 10,001 goroutines ran on only 4 Ps and a handful of threads. That is why a Go server can afford one goroutine per connection, where one thread per connection would cost far more memory and send every switch through the kernel.",
                "Trocar de uma goroutine para outra também é barato: o escalonador do Go faz isso em espaço de usuário, salvando poucos registradores, sem chamada de sistema. Repare que 10.001 goroutines rodaram em apenas 4 Ps e um punhado de threads. É por isso que um servidor em Go pode ter uma goroutine por conexão, enquanto uma thread por conexão custaria muito mais memória e faria cada troca passar pelo kernel.",
            ),
        ),
    ],
};

// ===== 4. Preemptivo x cooperativo =====

const PREEMPTION: Lesson = Lesson {
    id: "preemption",
    title: t("Preemptive vs cooperative", "Preemptivo x cooperativo"),
    summary: t(
        "A goroutine spinning in for {} on one core: before Go 1.14 the others never run again; since Go 1.14 sysmon preempts it after 10 ms.",
        "Uma goroutine girando em for {} em um núcleo: antes do Go 1.14 as outras nunca mais executam; desde o Go 1.14 o sysmon faz a preempção depois de 10 ms.",
    ),
    programs: &[program!(
        "spin",
        "04-preemption",
        "spin.go",
        t("for {} on one core", "for {} em um núcleo"),
        // 25 million steps is about 25 ms of simulated spinning: well past the ~11 ms
        // at which asynchronous preemption lets main print.
        Settings::procs(1).coop(25_000_000),
        Some(Settings::procs(1))
    )],
    steps: &[
        step(
            Some("spin"),
            &[Editor, Compare],
            &[11, 12, 13, 14, 15, 16],
            Seek::Start,
            t(
                "The goroutine on lines 11 to 15 loops forever without calling any function. main starts it, sleeps for 1 ms and then wants to print. There is a single P (GOMAXPROCS=1), so while the loop runs nothing else can. Press Run: the left side behaves like Go 1.13 and earlier (cooperative preemption), the right side like Go 1.14 and later (asynchronous preemption).",
                "A goroutine das linhas 11 a 15 repete um laço para sempre sem chamar nenhuma função. main a inicia, dorme por 1 ms e depois quer imprimir. Há um único P (GOMAXPROCS=1), então enquanto o laço roda nada mais consegue rodar. Clique em Executar: o lado esquerdo se comporta como o Go 1.13 e anteriores (preempção cooperativa), o lado direito como o Go 1.14 e posteriores (preempção assíncrona).",
            ),
        ),
        step(
            None,
            &[Syscalls, Runnext, Procs],
            &[16],
            Seek::First(Moment::GoBlock),
            t(
                "main parks in time.Sleep: its timer waits in P0's timer heap, and the spinning goroutine, waiting in runnext, takes the P. After 1 ms the timer expires, but timers are run by the scheduler, and the scheduler only runs on P0 when the current goroutine stops. So main must wait for the spinner to let go of the core.",
                "main fica bloqueada em time.Sleep: seu timer espera no heap de timers do P0, e a goroutine que gira, que estava no runnext, assume o P. Depois de 1 ms o timer vence, mas quem executa os timers é o escalonador, e o escalonador só roda no P0 quando a goroutine atual para. Então main precisa esperar que a goroutine do laço solte o núcleo.",
            ),
        ),
        step(
            None,
            &[Compare, Timeline],
            &[12, 13, 14],
            Seek::First(Moment::PreemptRequest),
            t(
                "After about 10 ms, sysmon notices that the goroutine has held the P for longer than its time slice and asks it to stop, on both sides. With cooperative preemption (left) the request is only checked at safe points the compiler inserts: the stack check at the start of every function call, or when the goroutine blocks. This loop calls nothing, so it never sees the request.",
                "Depois de cerca de 10 ms, o sysmon percebe que a goroutine está com o P há mais tempo do que sua fatia de tempo e pede que ela pare, dos dois lados. Na preempção cooperativa (esquerda) o pedido só é verificado em pontos seguros que o compilador insere: a verificação de pilha no início de cada chamada de função, ou quando a goroutine bloqueia. Este laço não chama nada, então nunca vê o pedido.",
            ),
        ),
        step(
            None,
            &[Compare, GlobalQueue],
            &[],
            Seek::Stay,
            t(
                "With asynchronous preemption (right, Go 1.14+), sysmon also interrupts the thread: on Unix it sends the signal SIGURG, on Windows it suspends the thread. The signal handler stops the goroutine at almost any instruction and puts it in the global queue. P0's scheduler runs again, fires main's expired timer, and main gets the core back.",
                "Na preempção assíncrona (direita, Go 1.14+), o sysmon também interrompe a thread: no Unix ele envia o sinal SIGURG, no Windows ele suspende a thread. O tratador do sinal para a goroutine em quase qualquer instrução e a coloca na fila global. O escalonador do P0 volta a rodar, dispara o timer vencido de main, e main recupera o núcleo.",
            ),
        ),
        step(
            None,
            &[Compare, Console],
            &[17],
            Seek::End,
            t(
                "Right: main prints that it came back after about 11 ms, not 1 ms, because it had to wait for the preemption (with a busy P the effective slice is 10 to 20 ms; real Go 1.23 printed about 10 ms here). Left: main never prints. The loop keeps the only P forever and the program hangs; here it stops only at the simulator's step limit. Before Go 1.14 such a loop could even freeze programs with many Ps, because garbage collection must stop every goroutine.",
                "Direita: main imprime que voltou depois de cerca de 11 ms, e não 1 ms, porque precisou esperar a preempção (com um P ocupado, a fatia efetiva é de 10 a 20 ms; o Go 1.23 real imprimiu cerca de 10 ms aqui). Esquerda: main nunca imprime. O laço fica com o único P para sempre e o programa trava; aqui ele só para no limite de passos do simulador. Antes do Go 1.14 um laço assim podia congelar até programas com vários Ps, porque a coleta de lixo precisa parar todas as goroutines.",
            ),
        ),
        step(
            None,
            &[Controls],
            &[],
            Seek::Stay,
            t(
                "You can see both on your machine: GOMAXPROCS=1 go run spin.go prints after about 10 ms, and GOMAXPROCS=1 GODEBUG=asyncpreemptoff=1 go run spin.go hangs like the left side (stop it with Ctrl+C). So in modern Go you don't need runtime.Gosched() in your loops, but a goroutine that never blocks still keeps its core for up to about 10 ms at a time.",
                "Você pode ver os dois casos na sua máquina: GOMAXPROCS=1 go run spin.go imprime depois de cerca de 10 ms, e GOMAXPROCS=1 GODEBUG=asyncpreemptoff=1 go run spin.go trava como o lado esquerdo (interrompa com Ctrl+C). Então, no Go moderno, você não precisa colocar runtime.Gosched() nos seus laços, mas uma goroutine que nunca bloqueia ainda fica com o núcleo por até cerca de 10 ms de cada vez.",
            ),
        ),
    ],
};

// ===== 5. O escalonador do Go =====

const SCHEDULER: Lesson = Lesson {
    id: "scheduler",
    title: t("The Go scheduler", "O escalonador do Go"),
    summary: t(
        "Green threads in user space: G, M and P, runnext, the local and global queues, work stealing, and system calls that hand the P to another thread.",
        "Green threads em espaço de usuário: G, M e P, runnext, as filas local e global, roubo de trabalho e chamadas de sistema que entregam o P a outra thread.",
    ),
    programs: &[
        program!(
            "runnext",
            "05-scheduler",
            "runnext.go",
            t("runnext and the local queue", "runnext e a fila local"),
            Settings::procs(1),
            None
        ),
        program!(
            "gosched",
            "05-scheduler",
            "gosched.go",
            t("Gosched and the global queue", "Gosched e a fila global"),
            Settings::procs(1),
            None
        ),
        program!(
            "steal",
            "05-scheduler",
            "steal.go",
            t("Work stealing", "Roubo de trabalho"),
            Settings::procs(4),
            None
        ),
        program!(
            "syscall",
            "05-scheduler",
            "syscall.go",
            t("A system call hands off the P", "Uma chamada de sistema entrega o P"),
            Settings::procs(1),
            None
        ),
        program!(
            "runnext-what-if",
            "05-scheduler",
            "runnext.go",
            t(
                "runnext: Go beside a “what if” without it",
                "runnext: o Go ao lado de um “e se” sem ele"
            ),
            Settings::procs(1),
            Some(Settings::procs(1).without_runnext())
        ),
    ],
    steps: &[
        step(
            Some("runnext"),
            &[Procs],
            &[],
            Seek::Start,
            t(
                "Goroutines are green threads: the Go runtime schedules them in user space, without asking the operating system. It uses three kinds of objects: G (a goroutine), M (an OS thread, from machine) and P (a processor: the right to run Go code, with its own run queue). There are GOMAXPROCS Ps, and an M must hold a P to run Go code. Each P card shows its M, the running G, the runnext slot and the local queue.",
                "Goroutines são green threads: o runtime do Go as escalona em espaço de usuário, sem pedir nada ao sistema operacional. Ele usa três tipos de objeto: G (uma goroutine), M (uma thread do sistema operacional, de machine) e P (um processador: o direito de executar código Go, com sua própria fila de execução). Há GOMAXPROCS Ps, e um M precisa ter um P para executar código Go. Cada cartão de P mostra seu M, a G em execução, o slot runnext e a fila local.",
            ),
        ),
        step(
            None,
            &[Runnext, LocalQueue, Console],
            &[13, 18],
            Seek::First(Moment::Kicked),
            t(
                "With GOMAXPROCS=1, main starts five goroutines. Each go statement puts the new G in P0's runnext slot and pushes the previous occupant to the tail of the local queue (the first one pushed is the runtime's own finalizer goroutine; the runtime reserves ids 2 to 5, so yours start at 6). When main blocks in wg.Wait(), the P runs runnext first, then the local queue in order: 4 0 1 2 3, exactly what Go 1.23 prints.",
                "Com GOMAXPROCS=1, main inicia cinco goroutines. Cada comando go coloca a nova G no slot runnext do P0 e empurra a ocupante anterior para o fim da fila local (a primeira empurrada é a goroutine de finalizadores do próprio runtime; o runtime reserva os ids 2 a 5, então as suas começam em 6). Quando main bloqueia em wg.Wait(), o P executa primeiro o runnext, depois a fila local em ordem: 4 0 1 2 3, exatamente o que o Go 1.23 imprime.",
            ),
        ),
        step(
            Some("gosched"),
            &[GlobalQueue, Console],
            &[14],
            Seek::First(Moment::Gosched),
            t(
                "runtime.Gosched() gives the P up voluntarily: the goroutine goes to the back of the global queue, the one queue shared by all Ps. On one P, A and B alternate: B 0 A 0 B 1 A 1 B 2 A 2 (B was created last, so it starts from runnext). Preempted goroutines also go to the global queue, and to keep it from starving, a P takes one goroutine from it every 61st time it schedules, even when its local queue has work.",
                "runtime.Gosched() cede o P voluntariamente: a goroutine vai para o fim da fila global, a única fila compartilhada por todos os Ps. Em um P, A e B se alternam: B 0 A 0 B 1 A 1 B 2 A 2 (B foi criada por último, então começa pelo runnext). Goroutines que sofrem preempção também vão para a fila global, e para que ela não fique esquecida, um P pega uma goroutine dela a cada 61 escalonamentos, mesmo quando sua fila local tem trabalho.",
            ),
        ),
        step(
            Some("steal"),
            &[Procs, LocalQueue],
            &[19, 20, 21, 22, 23, 24, 25],
            Seek::First(Moment::Steal),
            t(
                "With GOMAXPROCS=4, main creates eight CPU-bound goroutines, and all of them land on P0. A go statement also wakes an idle P when no M is already looking for work: it gets a thread (M), finds nothing in its own queue and steals half of P0's local queue. Then it wakes the next idle P, which steals in turn.",
                "Com GOMAXPROCS=4, main cria oito goroutines de CPU, e todas caem no P0. Um comando go também acorda um P ocioso quando nenhum M já está procurando trabalho: ele ganha uma thread (M), não encontra nada na própria fila e rouba metade da fila local do P0. Depois acorda o próximo P ocioso, que rouba por sua vez.",
            ),
        ),
        step(
            None,
            &[Timeline, Procs],
            &[],
            Seek::End,
            t(
                "Within about 60 µs the four Ps are busy, and when a P runs out of work it steals again. A thief visits the other Ps in random order and takes half of the first non-empty local queue it finds (rounded up); it checks the global queue and the network poller before that, and tries four rounds before its M goes to sleep. That is how Go balances the load without a central lock on every goroutine switch.",
                "Em cerca de 60 µs os quatro Ps estão ocupados, e quando um P fica sem trabalho ele rouba de novo. Quem rouba visita os outros Ps em ordem aleatória e leva metade da primeira fila local não vazia que encontrar (arredondando para cima); antes disso ele olha a fila global e o netpoller, e tenta quatro rodadas antes de seu M dormir. É assim que o Go equilibra a carga sem uma trava central a cada troca de goroutine.",
            ),
        ),
        step(
            Some("syscall"),
            &[Syscalls, Procs],
            &[21, 22, 23, 24, 25],
            Seek::First(Moment::Handoff),
            t(
                "A system call such as the file read in os.ReadFile blocks its whole thread in the kernel, and its P stays tied to that blocked M. With GOMAXPROCS=1 the worker could not run, so sysmon, which looks every 20 µs or so, takes the P away from the blocked M (the handoff) and gives it to another M, a new thread here, which runs the worker.",
                "Uma chamada de sistema, como a leitura de arquivo em os.ReadFile, bloqueia a thread inteira no kernel, e o P continua preso a esse M bloqueado. Com GOMAXPROCS=1 o worker não poderia rodar, então o sysmon, que olha a cada 20 µs mais ou menos, tira o P do M bloqueado (a entrega, handoff) e o passa para outro M, aqui uma thread nova, que executa o worker.",
            ),
        ),
        step(
            None,
            &[Syscalls, GlobalQueue, Console],
            &[23, 24],
            Seek::First(Moment::SyscallExit),
            t(
                "When the read returns, its M has no P and none is free: the reader goes to the global queue and the M goes to sleep. So a Go program can have more threads than GOMAXPROCS, which limits threads running Go code, not threads blocked in the kernel; network waits, by contrast, block no thread (the netpoller wakes the goroutine). In the simulator every read takes 50 µs; reading a missing file on your machine returns in about a microsecond, so real Go usually prints the reader's line first.",
                "Quando a leitura termina, o M dela está sem P e não há nenhum livre: o leitor vai para a fila global e o M vai dormir. Por isso um programa Go pode ter mais threads do que GOMAXPROCS, que limita as threads executando código Go, não as bloqueadas no kernel; já as esperas de rede não bloqueiam nenhuma thread (o netpoller acorda a goroutine). No simulador toda leitura leva 50 µs; na sua máquina, ler um arquivo inexistente termina em cerca de um microssegundo, então o Go real costuma imprimir primeiro a linha do leitor.",
            ),
        ),
        step(
            Some("runnext-what-if"),
            &[Compare, Console],
            &[13, 18],
            Seek::End,
            t(
                "What is runnext for? The first program again, run twice: by Go, and in a “what if” run with the runnext slot switched off, which no Go program can do (“Side by side” shows both). Without it every new goroutine waits at the tail of the local queue, so they run in the order they were created: 0 1 2 3 4. With it, a goroutine that the running one has just made ready (a go statement, a channel send, an unlock) runs next on the same P and inherits the rest of the time slice. Goroutines that talk and wait in turn, like a producer and its consumer, then run as a unit instead of each waiting behind the whole queue (proc.go's comment on runnext says exactly this). You can switch it off yourself under “Go's scheduling policies”.",
                "Para que serve o runnext? O primeiro programa de novo, executado duas vezes: pelo Go e numa execução “e se” com o slot runnext desligado, algo que nenhum programa Go consegue fazer (“Lado a lado” mostra as duas). Sem ele, cada nova goroutine espera no fim da fila local, então elas rodam na ordem em que foram criadas: 0 1 2 3 4. Com ele, uma goroutine que a goroutine em execução acabou de deixar pronta (um comando go, um envio por canal, um unlock) roda em seguida no mesmo P e herda o resto da fatia de tempo. Goroutines que conversam e esperam uma pela outra, como um produtor e seu consumidor, passam então a rodar como uma unidade, em vez de cada uma esperar atrás da fila inteira (o comentário sobre runnext no proc.go diz exatamente isso). Você mesmo pode desligá-lo em “Políticas do escalonador do Go”.",
            ),
        ),
    ],
};

// ===== 6. Canais e WaitGroups =====

const CHANNELS: Lesson = Lesson {
    id: "channels",
    title: t("Channels and WaitGroups", "Canais e WaitGroups"),
    summary: t(
        "Ping-pong, a worker pool, a pipeline, and a deadlock explained.",
        "Pingue-pongue, um pool de workers, um pipeline e um deadlock explicado.",
    ),
    programs: &[
        program!(
            "ping-pong",
            "06-channels",
            "ping_pong.go",
            t("Ping-pong", "Pingue-pongue"),
            Settings::procs(1),
            None
        ),
        program!(
            "worker-pool",
            "06-channels",
            "worker_pool.go",
            t("Worker pool", "Pool de workers"),
            Settings::procs(4),
            None
        ),
        program!(
            "pipeline",
            "06-channels",
            "pipeline.go",
            t("Pipeline", "Pipeline"),
            Settings::procs(2),
            None
        ),
        program!(
            "deadlock",
            "06-channels",
            "deadlock.go",
            t("Deadlock", "Deadlock"),
            Settings::procs(1),
            None
        ),
    ],
    steps: &[
        step(
            Some("ping-pong"),
            &[Editor],
            &[8, 14],
            Seek::Start,
            t(
                "Channels let goroutines communicate and synchronize at the same time. On an unbuffered channel a send waits for a receiver and a receive waits for a sender: the hand-over is a meeting point. Two players pass a ball: each one waits for it on line 8 and hands it over on line 14. Press Run.",
                "Canais permitem que goroutines se comuniquem e se sincronizem ao mesmo tempo. Em um canal sem buffer, um envio espera um receptor e um recebimento espera um remetente: a entrega é um ponto de encontro. Dois jogadores passam uma bola: cada um espera por ela na linha 8 e a entrega na linha 14. Clique em Executar.",
            ),
        ),
        step(
            None,
            &[Blocked, Runnext],
            &[8, 14],
            Seek::First(Moment::GoBlock),
            t(
                "Watch the Blocked area and P0's runnext. A player waiting in <-in is parked on the channel and uses no CPU. The send copies the value straight to it and puts it in the runnext slot of the sender's P, so on one P the two players alternate without ever touching the global queue.",
                "Observe a área Bloqueadas e o runnext do P0. Um jogador esperando em <-in fica bloqueado no canal e não usa CPU. O envio copia o valor direto para ele e o coloca no slot runnext do P de quem enviou, então em um P os dois jogadores se alternam sem nunca passar pela fila global.",
            ),
        ),
        step(
            Some("worker-pool"),
            &[Editor],
            &[11, 24, 25, 26, 27, 31, 32],
            Seek::Start,
            t(
                "A worker pool: three workers take jobs from one buffered channel. range jobs keeps receiving until the channel is closed and empty, so close(jobs) is how main says there is no more work. A sync.WaitGroup counts the workers: Add(1) before each go statement, Done when a worker returns, and Wait blocks main until the count reaches zero.",
                "Um pool de workers: três workers pegam tarefas de um único canal com buffer. range jobs continua recebendo até o canal estar fechado e vazio, então close(jobs) é a forma de main dizer que não há mais trabalho. Um sync.WaitGroup conta os workers: Add(1) antes de cada comando go, Done quando um worker retorna, e Wait bloqueia main até a contagem chegar a zero.",
            ),
        ),
        step(
            None,
            &[Procs, Console],
            &[],
            Seek::End,
            t(
                "With GOMAXPROCS=4 the three workers run in parallel. Which worker gets which job depends on timing: real Go may give a different assignment on every run. But each job is done exactly once, because each value sent on a channel is received by exactly one receiver.",
                "Com GOMAXPROCS=4 os três workers executam em paralelo. Qual worker pega qual tarefa depende do tempo: o Go real pode dar uma distribuição diferente a cada execução. Mas cada tarefa é feita exatamente uma vez, porque cada valor enviado em um canal é recebido por exatamente um receptor.",
            ),
        ),
        step(
            Some("pipeline"),
            &[Editor, Blocked, Console],
            &[12, 20, 21, 29],
            Seek::End,
            t(
                "A pipeline chains stages with channels: generate sends 1 to 5, square receives them and sends their squares, and main prints. Each stage closes its output when it is done, which ends the range loop of the next stage. The stages run concurrently: while main prints one square, the next number is already on its way.",
                "Um pipeline encadeia estágios com canais: generate envia de 1 a 5, square os recebe e envia seus quadrados, e main imprime. Cada estágio fecha sua saída quando termina, o que encerra o laço range do estágio seguinte. Os estágios executam concorrentemente: enquanto main imprime um quadrado, o próximo número já está a caminho.",
            ),
        ),
        step(
            Some("deadlock"),
            &[Console, Blocked, Editor],
            &[14, 17],
            Seek::End,
            t(
                "A deadlock: main waits in <-results, but the worker returned without sending. When every goroutine is blocked and nothing can wake them (no timer, no system call, no network wait), the runtime stops the program with fatal error: all goroutines are asleep - deadlock! and lists where each goroutine waits: goroutine 1 [chan receive] on line 17. The exit status is 2.",
                "Um deadlock: main espera em <-results, mas o worker retornou sem enviar. Quando todas as goroutines estão bloqueadas e nada pode acordá-las (nenhum timer, nenhuma chamada de sistema, nenhuma espera de rede), o runtime encerra o programa com fatal error: all goroutines are asleep - deadlock! e lista onde cada goroutine espera: goroutine 1 [chan receive] na linha 17. O status de saída é 2.",
            ),
        ),
        step(
            None,
            &[Editor, Controls],
            &[14],
            Seek::Stay,
            t(
                "Go detects only a total deadlock. If some other goroutine were still running or sleeping, main would just wait forever and nothing would be reported: a leaked goroutine, a bug that is much harder to find. Fix this one by writing results <- sum on line 14, then run again.",
                "O Go só detecta um deadlock total. Se alguma outra goroutine ainda estivesse executando ou dormindo, main simplesmente esperaria para sempre e nada seria relatado: uma goroutine vazada (leak), um erro bem mais difícil de encontrar. Corrija este escrevendo results <- sum na linha 14 e execute de novo.",
            ),
        ),
    ],
};

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text of a lesson, named, and whether the two languages must differ (short
    /// labels such as "Pipeline" may be the same word in both).
    fn texts(l: &Lesson) -> Vec<(String, Text, bool)> {
        let mut v = vec![
            (format!("{} title", l.id), l.title, false),
            (format!("{} summary", l.id), l.summary, true),
        ];
        for p in l.programs {
            v.push((format!("{} program {} label", l.id, p.id), p.label, false));
        }
        for (i, s) in l.steps.iter().enumerate() {
            v.push((format!("{} step {}", l.id, i + 1), s.text, true));
        }
        v
    }

    #[test]
    fn every_text_exists_in_both_languages() {
        for l in LESSONS {
            for (what, t, differ) in texts(l) {
                assert!(!t.en.trim().is_empty(), "{what}: no English");
                assert!(!t.pt_br.trim().is_empty(), "{what}: no Portuguese");
                if differ {
                    assert_ne!(t.en, t.pt_br, "{what}: not translated");
                }
            }
        }
    }

    #[test]
    fn ids_are_unique_slugs() {
        let slug = |s: &str| {
            !s.is_empty()
                && s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        };
        let mut lessons: Vec<&str> = LESSONS.iter().map(|l| l.id).collect();
        let mut programs: Vec<&str> = LESSONS
            .iter()
            .flat_map(|l| l.programs.iter().map(|p| p.id))
            .collect();
        for id in lessons.iter().chain(&programs) {
            assert!(slug(id), "{id:?} is not a link-safe slug");
        }
        let (nl, np) = (lessons.len(), programs.len());
        gosched_lang::sort::sort(&mut lessons);
        lessons.dedup();
        gosched_lang::sort::sort(&mut programs);
        programs.dedup();
        assert_eq!(lessons.len(), nl, "duplicate lesson id");
        assert_eq!(programs.len(), np, "duplicate program id");
    }

    #[test]
    fn lessons_have_programs_and_four_to_eight_steps() {
        assert_eq!(LESSONS.len(), 6);
        for l in LESSONS {
            assert!(!l.programs.is_empty(), "{}", l.id);
            assert!(
                (4..=8).contains(&l.steps.len()),
                "{} has {} steps",
                l.id,
                l.steps.len()
            );
            for p in l.programs {
                assert!(
                    p.source.starts_with("// "),
                    "{} starts with a comment",
                    p.id
                );
                assert!(p.source.contains("package main"), "{}", p.id);
                assert!(p.path.starts_with("web/lessons/") && p.path.ends_with(".go"));
                for s in std::iter::once(&p.settings).chain(p.compare.as_ref()) {
                    assert!((1..=64).contains(&s.procs), "{}", p.id);
                }
            }
        }
    }

    /// Every program a step names exists in its lesson, every highlighted line is a
    /// non-blank line of the program shown at that step, and a step that moves the
    /// playhead has a program to move it in.
    #[test]
    fn steps_refer_to_existing_programs_and_lines() {
        for l in LESSONS {
            assert_eq!(
                l.steps[0].program,
                Some(l.programs[0].id),
                "{}: the first step loads the first program",
                l.id
            );
            let mut current = l.programs[0];
            for (i, s) in l.steps.iter().enumerate() {
                if let Some(id) = s.program {
                    current = *l
                        .program(id)
                        .unwrap_or_else(|| panic!("{} step {}: no program {id}", l.id, i + 1));
                }
                let lines: Vec<&str> = current.source.lines().collect();
                for &n in s.highlight_lines {
                    let line = n
                        .checked_sub(1)
                        .and_then(|i| lines.get(i as usize))
                        .unwrap_or_else(|| {
                            panic!("{} step {}: {} has no line {n}", l.id, i + 1, current.id)
                        });
                    assert!(
                        !line.trim().is_empty(),
                        "{} step {}: line {n} of {} is blank",
                        l.id,
                        i + 1,
                        current.id
                    );
                }
            }
            for p in l.programs {
                assert!(
                    l.steps.iter().any(|s| s.program == Some(p.id)),
                    "{}: no step shows {}",
                    l.id,
                    p.id
                );
            }
        }
    }

    #[test]
    fn lookups_find_lessons_and_programs() {
        assert_eq!(
            lesson("race-condition").map(|l| l.id),
            Some("race-condition")
        );
        assert!(lesson("nope").is_none());
        let (l, p) = program("mutex").expect("mutex exists");
        assert_eq!((l.id, p.id), ("race-condition", "mutex"));
        assert_eq!(l.program("atomic").map(|p| p.id), Some("atomic"));
        assert_eq!(RACE_CONDITION.title.get("pt-BR"), "Condição de corrida");
        assert_eq!(RACE_CONDITION.title.get("en"), "Race condition");
    }
}
