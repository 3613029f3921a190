#!/usr/bin/env python3
"""Labels the diagnostics corpus with real Go's output.

For every `*.go` file here (or the files named on the command line), runs
`go build` (Go 1.23) on the program part (everything before the
`// Errors:` line) and rewrites the trailing block with what Go printed:

    // Errors:
    // main.go:5:2: declared and not used: x

Files containing a line `// Differs from Go:` are left alone: their expected
block is written by hand and the comment says why (unsupported features).

Usage: python3 crates/lang/tests/diagnostics/label.py [files...]
"""
import os
import subprocess
import sys
import tempfile

GO = os.environ.get("GO", "/usr/lib/go-1.23/bin/go")
HERE = os.path.dirname(os.path.abspath(__file__))
MARK = "// Errors:"


def split(text):
    i = text.find("\n" + MARK)
    if i < 0:
        return text, None
    return text[: i + 1], text[i + 1 :]


def go_errors(program):
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "main.go"), "w") as f:
            f.write(program)
        env = dict(os.environ, GO111MODULE="off", GOCACHE=os.path.join(tempfile.gettempdir(), "gocache-label"))
        p = subprocess.run([GO, "build", "-o", os.devnull, "main.go"], cwd=d, env=env,
                           capture_output=True, text=True)
    lines = []
    for line in (p.stdout + p.stderr).splitlines():
        if line.startswith("# ") or line.endswith("too many errors"):
            continue
        lines.append(line.replace("./main.go", "main.go"))
    return lines


def main():
    files = sys.argv[1:] or sorted(
        os.path.join(HERE, f) for f in os.listdir(HERE) if f.endswith(".go"))
    for path in files:
        text = open(path).read()
        if "// Differs from Go:" in text:
            continue
        program, _ = split(text)
        errs = go_errors(program)
        block = MARK + "\n" + "".join("// " + e + "\n" for e in errs)
        new = program + block
        if new != text:
            open(path, "w").write(new)
            print("labelled", os.path.basename(path))


if __name__ == "__main__":
    main()
