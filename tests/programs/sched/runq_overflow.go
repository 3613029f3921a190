// Scheduler: on one P, 300 new goroutines overflow the 256-slot local run queue; half of it
// moves to the global queue. The order in which they run shows where each one waited.
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
	fmt.Println("first:", order[:5])
	fmt.Println("around 128:", order[126:131])
	fmt.Println("last:", order[295:])
}

// Run: procs=1
// Output:
// first: [299 127 128 129 130]
// around 128: [251 252 253 254 256]
// last: [123 124 125 126 255]
