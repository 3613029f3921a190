// Course: with one P, a goroutine spinning in a loop without function calls is preempted
// asynchronously (after about 10 ms), so main wakes from its sleep and the program ends.
package main

import (
	"fmt"
	"time"
)

var sink int

func main() {
	fmt.Println("starting spinner")
	go func() {
		for {
			sink++
		}
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("main resumed")
}

// Run: procs=1 preempt=async
// Output:
// starting spinner
// main resumed
