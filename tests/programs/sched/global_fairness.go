// Scheduler: on one P, 300 new goroutines overflow the 256-slot local run queue, and half of
// it (goroutines 0 to 126) moves to the global queue. Every 61st schedule takes a goroutine
// from the global queue before the local one (proc.go: findRunnable's fairness check), so
// goroutine 0 runs long before the local queue is empty. `gosched run --no-global-fairness`
// shows the run without that check: goroutine 0 then waits for every local goroutine.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var order []int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := 0; i < 300; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			order = append(order, i)
			mu.Unlock()
		}()
	}
	wg.Wait()
	for pos, i := range order {
		if i == 0 {
			fmt.Println("goroutine 0 ran at position", pos)
		}
		if i == 298 {
			fmt.Println("goroutine 298 ran at position", pos)
		}
	}
}

// Run: procs=1
// Output:
// goroutine 0 ran at position 118
// goroutine 298 ran at position 172
