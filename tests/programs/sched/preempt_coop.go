// Scheduler: preempt_async.go without asynchronous preemption: the spinner never reaches a
// safe point, so main never runs again and the program hangs.
package main

import (
	"fmt"
	"runtime"
	"time"
)

var sink int

func main() {
	go func() {
		for {
			sink++
		}
	}()
	start := time.Now()
	runtime.Gosched()
	waited := time.Since(start)
	fmt.Println("main ran again")
	fmt.Println("waited at least 5ms:", waited >= 5*time.Millisecond)
	fmt.Println("waited less than 1s:", waited < time.Second)
}

// Run: procs=1 preempt=coop
// Exit: hang
// Output:
