// Course: runtime.GOMAXPROCS(0) reads the number of Ps; a positive argument sets it and
// returns the previous value. The GOMAXPROCS environment variable sets the start value.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println("GOMAXPROCS:", runtime.GOMAXPROCS(0))
	prev := runtime.GOMAXPROCS(2)
	fmt.Println("previous:", prev)
	fmt.Println("now:", runtime.GOMAXPROCS(0))
	fmt.Println("NumCPU >= 1:", runtime.NumCPU() >= 1)
}

// Run: procs=4
// Output:
// GOMAXPROCS: 4
// previous: 4
// now: 2
// NumCPU >= 1: true
