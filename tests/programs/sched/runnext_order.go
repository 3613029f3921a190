// Scheduler: with one P, each new goroutine goes into the runnext slot and pushes the
// previous one to the tail of the local run queue, so the last one created runs first.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println(i)
		}()
	}
	wg.Wait()
}

// Run: procs=1
// Output:
// 4
// 0
// 1
// 2
// 3
