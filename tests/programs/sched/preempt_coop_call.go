// Scheduler: without async preemption, a spinning goroutine that calls a function with a
// stack check in its prologue is still preempted there, so main runs again. (Small leaf
// functions have no stack check, so `step` calls another function.)
package main

import (
	"fmt"
	"runtime"
)

var sink int

//go:noinline
func leaf(i int) int {
	return i*2 + 1
}

//go:noinline
func step(i int) int {
	return leaf(i) + leaf(i+1)
}

func main() {
	go func() {
		for i := 0; ; i++ {
			sink += step(i)
		}
	}()
	runtime.Gosched()
	fmt.Println("main ran again")
}

// Run: procs=1 preempt=coop
// Output:
// main ran again
