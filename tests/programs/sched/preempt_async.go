// Scheduler: main yields to a goroutine that spins without function calls. With async
// preemption sysmon preempts the spinner after its 10 ms time slice, and main runs again.
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

// Run: procs=1 preempt=async
// Output:
// main ran again
// waited at least 5ms: true
// waited less than 1s: true
