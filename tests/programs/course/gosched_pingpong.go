// Course: on one P, main and another goroutine hand the processor to each other with
// runtime.Gosched, which puts the caller at the back of the global run queue.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	go func() {
		for i := 0; i < 3; i++ {
			fmt.Println("ping", i)
			runtime.Gosched()
		}
	}()
	for i := 0; i < 3; i++ {
		fmt.Println("pong", i)
		runtime.Gosched()
	}
}

// Run: procs=1
// Output:
// pong 0
// ping 0
// pong 1
// ping 1
// pong 2
// ping 2
