//! gosched-lang: the Go-subset front end (source text in, bytecode plus debug info or diagnostics out).
