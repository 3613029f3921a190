package main

import (
	"fmt"
	"strings"
)

func main() {
	var b strings.Builder
	b.buf = nil
	fmt.println("x")
	fmt.Println(strings.repeat("a", 2))
}
// Errors:
// main.go:10:4: b.buf undefined (cannot refer to unexported field buf)
// main.go:11:6: undefined: fmt.println
// main.go:12:22: undefined: strings.repeat
