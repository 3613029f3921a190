// Scheduler: two goroutines that call runtime.Gosched after each print take turns; B was
// created last, so it starts (from runnext).
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	run := func(name string) {
		defer wg.Done()
		for i := 0; i < 3; i++ {
			fmt.Printf("%s%d\n", name, i)
			runtime.Gosched()
		}
	}
	wg.Add(2)
	go run("A")
	go run("B")
	wg.Wait()
}

// Run: procs=1
// Output:
// B0
// A0
// B1
// A1
// B2
// A2
