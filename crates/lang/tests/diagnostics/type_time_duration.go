package main

import (
	"fmt"
	"time"
)

func main() {
	n := 2
	time.Sleep(n * time.Second)
	var d time.Duration = 1.5
	fmt.Println(d)
	time.Sleep(100)
	time.Sleep("1s")
}
// Errors:
// main.go:10:13: invalid operation: n * time.Second (mismatched types int and time.Duration)
// main.go:11:24: cannot use 1.5 (untyped float constant) as time.Duration value in variable declaration (truncated)
// main.go:14:13: cannot use "1s" (untyped string constant) as time.Duration value in argument to time.Sleep
